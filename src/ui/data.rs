//! The app's data, provided as context: the store is opened once, everything is loaded,
//! and each change is written through the repository, then broadcast to other tabs.

use crate::platform::broadcast::DataChannel;
use crate::storage::kv::StoreError;
use crate::storage::records::StoredEntry;
use crate::storage::repo::{Loaded, Repo};
use crate::storage::{open_backend, Backend};
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

pub type Db = Repo<Backend>;

#[derive(Clone, Copy)]
pub struct DataCtx {
    db: StoredValue<Option<Rc<Db>>, LocalStorage>,
    channel: StoredValue<Option<Rc<DataChannel>>, LocalStorage>,
    /// Everything stored, once loaded.
    pub loaded: RwSignal<Option<Loaded>>,
    /// The last storage problem, in words for the user.
    pub error: RwSignal<Option<String>>,
}

impl DataCtx {
    /// Opens the store and loads it; call once, at the top of the app.
    pub fn provide() -> Self {
        let ctx = DataCtx {
            db: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
            loaded: RwSignal::new(None),
            error: RwSignal::new(None),
        };
        provide_context(ctx);
        let channel = DataChannel::new(move || ctx.reload());
        ctx.channel.set_value(Some(Rc::new(channel)));
        leptos::task::spawn_local(async move {
            match open_backend().await {
                Ok(kv) => {
                    use crate::storage::kv::KvStore;
                    kv.on_outdated(Box::new(move || {
                        ctx.error.set(Some(StoreError::Outdated.to_string()))
                    }));
                    ctx.db.set_value(Some(Rc::new(Repo::new(kv))));
                    ctx.reload();
                }
                Err(e) => {
                    ctx.error.set(Some(e.to_string()));
                    ctx.loaded.set(Some(Loaded::default()));
                }
            }
        });
        ctx
    }

    /// Reads the loaded data by reference: `loaded.get()` would clone years of history.
    pub fn with<R>(&self, f: impl FnOnce(&Loaded) -> R) -> Option<R> {
        self.loaded.with(|l| l.as_ref().map(f))
    }

    pub fn db(&self) -> Option<Rc<Db>> {
        self.db.get_value()
    }

    /// Reads everything again (after a change here or in another tab).
    pub fn reload(&self) {
        let ctx = *self;
        let Some(db) = self.db() else { return };
        leptos::task::spawn_local(async move {
            match db.load().await {
                Ok(l) => ctx.loaded.set(Some(l)),
                Err(e) => ctx.error.set(Some(e.to_string())),
            }
        });
    }

    /// Saves one session entry (a set, a pain report, a decision) and shows it at once,
    /// without re-reading the whole store.
    pub async fn save_entry(&self, set: StoredEntry) -> Result<(), StoreError> {
        let db = self
            .db()
            .ok_or_else(|| StoreError::Unavailable("storage is not open".into()))?;
        let result = db.save_entry(&set).await;
        match &result {
            Ok(()) => {
                self.error.set(None);
                self.loaded.update(|l| {
                    if let Some(l) = l {
                        l.add_entry(set);
                    }
                });
                if let Some(c) = self.channel.get_value() {
                    c.notify();
                }
            }
            Err(e) => self.error.set(Some(e.to_string())),
        }
        result
    }

    /// Runs a write; on success refreshes this tab and tells the others, on failure says
    /// what was not saved.
    pub async fn write<T, F, Fut>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(Rc<Db>) -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let db = self
            .db()
            .ok_or_else(|| StoreError::Unavailable("storage is not open".into()))?;
        let result = f(db).await;
        match &result {
            Ok(_) => {
                self.error.set(None);
                if let Some(c) = self.channel.get_value() {
                    c.notify();
                }
                self.reload();
            }
            Err(e) => self.error.set(Some(e.to_string())),
        }
        result
    }
}

pub fn use_data() -> DataCtx {
    expect_context::<DataCtx>()
}
