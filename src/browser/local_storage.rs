//! The browser's localStorage as the drafts' [`Store`]: the one place the page touches it.

use wasm_bindgen::JsCast;

use crate::model::storage::Drafts;
use crate::model::store::Store;

impl Store for web_sys::Storage {
    fn get(&self, key: &str) -> Option<String> {
        self.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) {
        let _ = self.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let length = self.length().unwrap_or(0);
        (0..length)
            .filter_map(|index| self.key(index).ok().flatten())
            .collect()
    }
}

/// The name of a DOM exception, or the text of another thrown value.
pub fn describe(error: wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.name())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "未知错误".to_owned())
}

/// localStorage, or why it cannot be used (sandboxed iframe, storage disabled by policy).
pub fn local_storage(namespace: Option<&str>) -> Result<Drafts<web_sys::Storage>, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    match window.local_storage() {
        Ok(Some(storage)) => {
            let drafts = Drafts::new(storage, namespace);
            // Some browsers hand out a storage object that throws on first use.
            drafts
                .store
                .get_item(&drafts.current_key())
                .map_err(describe)?;
            Ok(drafts)
        }
        Ok(None) => Err("浏览器未提供本地存储".to_owned()),
        Err(error) => Err(describe(error)),
    }
}
