//! Where drafts are kept, as four operations: the browser's localStorage in the page, a map in
//! tests. The draft envelope and key scheme (`storage.rs`) are written once over this, so the
//! page's saving, listing and conflict handling are tested natively without a browser.

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::JsCast;

pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    /// A refused write gives the browser's error name (`QuotaExceededError`, …).
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

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

/// A store in memory, with an optional quota in characters (keys and values, as browsers count).
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota {
            let others: usize = items
                .iter()
                .filter(|(other, _)| *other != key)
                .map(|(k, v)| k.chars().count() + v.chars().count())
                .sum();
            if others + key.chars().count() + value.chars().count() > quota {
                return Err("QuotaExceededError".to_owned());
            }
        }
        items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

/// Two tabs of one browser share one store.
impl<S: Store> Store for std::rc::Rc<S> {
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) {
        (**self).remove(key)
    }

    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
}
