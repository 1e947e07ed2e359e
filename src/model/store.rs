//! Where drafts are kept: the browser's localStorage through gloo-storage in the page
//! (crate::browser::local_storage), a map in tests. Drafts are JSON text, read typed (serde) as
//! gloo-storage reads them; the draft envelope and key scheme (`storage.rs`) are written
//! once over this, so the page's saving, listing and conflict handling are tested natively
//! without a browser.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

pub trait Store {
    /// The text under `key` as stored (a corrupt draft is copied aside as it is).
    fn get(&self, key: &str) -> Option<String>;
    /// A refused write gives the browser's error name (`QuotaExceededError`, …).
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;

    /// The value under `key` read as `T`: `None` when there is none.
    fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        self.get(key).map(|text| serde_json::from_str(&text))
    }
}

/// A store in memory, with an optional quota in characters (keys and values, as browsers count).
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    /// Writes so far, by key: a browser wakes every other tab on each one.
    writes: RefCell<BTreeMap<String, usize>>,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }

    /// How many times `key` was written.
    pub fn writes_of(&self, key: &str) -> usize {
        self.writes.borrow().get(key).copied().unwrap_or(0)
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
        *self.writes.borrow_mut().entry(key.to_owned()).or_default() += 1;
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

    fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        (**self).get_as(key)
    }
}
