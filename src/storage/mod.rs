//! Storage: the port (`kv::KvStore`), its adapters (IndexedDB in the browser, memory for
//! host tests), the typed repository on top, versioned migrations, and backups. Small
//! preferences live in localStorage (`prefs`).

pub mod backup;
#[cfg(target_arch = "wasm32")]
pub mod indexeddb;
pub mod kv;
pub mod memory;
pub mod migrations;
pub mod prefs;
pub mod records;
pub mod repo;
