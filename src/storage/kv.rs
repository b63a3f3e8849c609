//! The storage port: ordered string keys to JSON text, in a few named stores. Keys of
//! day-ordered stores start with the training day, so a date range is a key range.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoreName {
    /// One record per logged set.
    Sets,
    /// One record per strength session (its start, slot and next-day answer).
    Sessions,
    CheckIns,
    /// Flare-ups, swaps, PSFS ratings: small dated events.
    Events,
    /// Profile, safety answers, meta.
    Singletons,
    /// Records that could not be read, set aside untouched.
    Quarantine,
}

impl StoreName {
    pub const ALL: [StoreName; 6] = [
        StoreName::Sets,
        StoreName::Sessions,
        StoreName::CheckIns,
        StoreName::Events,
        StoreName::Singletons,
        StoreName::Quarantine,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StoreName::Sets => "sets",
            StoreName::Sessions => "sessions",
            StoreName::CheckIns => "checkins",
            StoreName::Events => "events",
            StoreName::Singletons => "singletons",
            StoreName::Quarantine => "quarantine",
        }
    }

    pub fn parse(s: &str) -> Option<StoreName> {
        StoreName::ALL.into_iter().find(|n| n.as_str() == s)
    }
}

/// Why a read or write did not happen. Every variant has a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB (private browsing, or blocked by settings).
    Unavailable(String),
    /// The device or the browser's quota is full.
    Full,
    /// Another tab holds an older version of the database open.
    Blocked,
    /// The database was upgraded by a newer version in another tab.
    Outdated,
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(
                f,
                "This browser is not letting Backstrong save anything ({why}). Nothing you log now will be kept; private browsing is the usual cause."
            ),
            StoreError::Full => write!(
                f,
                "Your device is out of space, so this was not saved. Everything saved before is safe. Free some space, or export a backup."
            ),
            StoreError::Blocked => write!(
                f,
                "Backstrong is open in another tab with an older version. Close that tab to continue."
            ),
            StoreError::Outdated => write!(
                f,
                "A newer version of Backstrong is using your data now. Reload this tab to update; until then nothing can be saved here."
            ),
            StoreError::Failed(why) => write!(f, "Saving failed ({why}). Everything saved before is safe."),
        }
    }
}

/// The port. Adapters are single-threaded (the browser), so futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait KvStore {
    /// Writes one record. `durable`: the promise resolves only once it is on disk.
    async fn put(
        &self,
        store: StoreName,
        key: &str,
        value: &str,
        durable: bool,
    ) -> Result<(), StoreError>;
    async fn get(&self, store: StoreName, key: &str) -> Result<Option<String>, StoreError>;
    /// Records with `from <= key < to`, in key order.
    async fn range(
        &self,
        store: StoreName,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String)>, StoreError>;
    async fn all(&self, store: StoreName) -> Result<Vec<(String, String)>, StoreError>;
    /// The first key in key order, without reading any record.
    async fn first_key(&self, store: StoreName) -> Result<Option<String>, StoreError>;
    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StoreError>;
    /// Writes many records atomically: all or none.
    async fn put_many(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError>;
    async fn clear_all(&self) -> Result<(), StoreError>;
    /// Empties every store and writes `records`, atomically: all or nothing changes.
    async fn replace_all(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError>;
    /// Lets the page handle input and paint between batches of a long read, so that no
    /// task runs long. Stores off the main thread have nothing to yield to.
    async fn pause(&self) {}
    /// Calls `f` when a newer version of the app takes the store over (from then on every
    /// call fails with `Outdated`). Stores that cannot be taken over never call it.
    fn on_outdated(&self, f: Box<dyn Fn()>) {
        drop(f);
    }
}
