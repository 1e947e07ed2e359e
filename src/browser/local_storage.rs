//! The browser's localStorage as the drafts' [`Store`], through gloo-storage: the one place the
//! page touches it.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use crate::model::storage::Drafts;
use crate::model::store::Store;

/// localStorage, once [`local_storage`] has found that it can be used.
pub struct BrowserStorage(());

impl Store for BrowserStorage {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        LocalStorage::raw().set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) {
        LocalStorage::delete(key);
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        (0..LocalStorage::length())
            .filter_map(|index| storage.key(index).ok().flatten())
            .collect()
    }

    fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        match LocalStorage::get(key) {
            Ok(value) => Some(Ok(value)),
            Err(StorageError::SerdeError(error)) => Some(Err(error)),
            Err(StorageError::KeyNotFound(_) | StorageError::JsError(_)) => None,
        }
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

/// localStorage, or why it cannot be used (sandboxed iframe, storage disabled by policy). Asked of
/// the window first: gloo-storage throws when the browser refuses it, and a refusal is a message
/// on the page, not a stop.
pub fn local_storage(namespace: Option<&str>) -> Result<Drafts<BrowserStorage>, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    match window.local_storage() {
        // Some browsers hand out a storage object that throws on first use.
        Ok(Some(storage)) => storage.get_item("").map_err(describe)?,
        Ok(None) => return Err("浏览器未提供本地存储".to_owned()),
        Err(error) => return Err(describe(error)),
    };
    Ok(Drafts::new(BrowserStorage(()), namespace))
}
