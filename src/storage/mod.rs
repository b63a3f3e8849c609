//! Storage: the port (`kv::KvStore`), its adapters (IndexedDB in the browser, memory for
//! host tests), the typed repository on top, versioned migrations, and backups. Small
//! preferences live in localStorage (`prefs`).

pub mod backup;
pub mod calendar;
pub mod checkpoint;
pub mod described;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod json;
pub mod kv;
pub mod memory;
pub mod migrations;
pub mod prefs;
pub mod records;
pub mod repo;

/// The store this build uses: IndexedDB in the browser, memory on the host (where only
/// tests run the app's code).
#[cfg(target_arch = "wasm32")]
pub type Backend = indexeddb::IdbStore;
#[cfg(not(target_arch = "wasm32"))]
pub type Backend = memory::MemoryStore;

/// Opens the app's store.
pub async fn open_backend() -> Result<Backend, kv::StoreError> {
    #[cfg(target_arch = "wasm32")]
    {
        indexeddb::IdbStore::open(indexeddb::DB_NAME).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(memory::MemoryStore::new())
    }
}
