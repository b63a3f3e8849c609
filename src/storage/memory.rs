//! The in-memory adapter: the same port over ordered maps, for host tests. It can be told
//! to fail like a full disk.

use super::kv::{KvStore, StoreError, StoreName};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

#[derive(Default)]
pub struct MemoryStore {
    data: RefCell<BTreeMap<StoreName, BTreeMap<String, String>>>,
    full: Cell<bool>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// From now on, writes fail as if the disk were full.
    pub fn set_full(&self, full: bool) {
        self.full.set(full);
    }

    /// Writes a raw value, bypassing the repository: for corrupted-record tests.
    pub fn put_raw(&self, store: StoreName, key: &str, value: &str) {
        self.data
            .borrow_mut()
            .entry(store)
            .or_default()
            .insert(key.into(), value.into());
    }

    pub fn len(&self, store: StoreName) -> usize {
        self.data.borrow().get(&store).map_or(0, BTreeMap::len)
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.full.get() {
            Err(StoreError::Full)
        } else {
            Ok(())
        }
    }
}

impl KvStore for MemoryStore {
    async fn put(
        &self,
        store: StoreName,
        key: &str,
        value: &str,
        _durable: bool,
    ) -> Result<(), StoreError> {
        self.check()?;
        self.put_raw(store, key, value);
        Ok(())
    }

    async fn get(&self, store: StoreName, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .data
            .borrow()
            .get(&store)
            .and_then(|m| m.get(key).cloned()))
    }

    async fn range(
        &self,
        store: StoreName,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let data = self.data.borrow();
        Ok(data
            .get(&store)
            .map(|m| {
                m.range(from.to_string()..to.to_string())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default())
    }

    async fn all(&self, store: StoreName) -> Result<Vec<(String, String)>, StoreError> {
        let data = self.data.borrow();
        Ok(data
            .get(&store)
            .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default())
    }

    async fn first_key(&self, store: StoreName) -> Result<Option<String>, StoreError> {
        Ok(self
            .data
            .borrow()
            .get(&store)
            .and_then(|m| m.keys().next().cloned()))
    }

    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StoreError> {
        if let Some(m) = self.data.borrow_mut().get_mut(&store) {
            m.remove(key);
        }
        Ok(())
    }

    async fn put_many(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError> {
        self.check()?;
        for (s, k, v) in records {
            self.put_raw(*s, k, v);
        }
        Ok(())
    }

    async fn clear_all(&self) -> Result<(), StoreError> {
        self.data.borrow_mut().clear();
        Ok(())
    }

    async fn replace_all(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError> {
        self.check()?;
        self.data.borrow_mut().clear();
        for (s, k, v) in records {
            self.put_raw(*s, k, v);
        }
        Ok(())
    }
}
