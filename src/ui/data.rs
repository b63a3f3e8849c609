//! The app's data, provided as context: the store is opened once, everything is loaded,
//! and each change is written through the repository, then broadcast to other tabs.

use crate::domain::checkin::CheckIn;

use crate::domain::history::Response24h;
use crate::platform::broadcast::DataChannel;
use crate::state::{self, Applied, Loaded};
use crate::storage::kv::StoreError;
use crate::storage::records::{Event, StoredEntry, StoredSession};
use crate::storage::repo::Repo;
use crate::storage::{open_backend, Backend};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

pub type Db = Repo<Backend>;

/// What other tabs are sent after a write they cannot apply as it is: read the store again.
const READ_AGAIN: &str = "changed";

/// How long after a load the checkpoint is looked at: after Today is on screen.
const CHECKPOINT_DELAY: std::time::Duration = std::time::Duration::from_millis(1500);

#[derive(Clone, Copy)]
pub struct DataCtx {
    db: StoredValue<Option<Rc<Db>>, LocalStorage>,
    channel: StoredValue<Option<Rc<DataChannel>>, LocalStorage>,
    /// The earliest day a screen shows (History, the summary): loads hold every record
    /// from it on. `MAX`: only what a start needs; `MIN`: everything.
    reach: StoredValue<NaiveDate>,
    /// How many writes were applied to what is held: a read that one overtook is stale.
    applied: StoredValue<u64>,
    /// Everything stored, once loaded (or, from a checkpoint, what is recent).
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
            reach: StoredValue::new(NaiveDate::MAX),
            applied: StoredValue::new(0),
            loaded: RwSignal::new(None),
            error: RwSignal::new(None),
        };
        provide_context(ctx);
        // Another tab's write, applied as it was there; anything else, read again.
        let channel =
            DataChannel::new(
                move |m| match m.as_deref().and_then(Applied::from_message) {
                    Some(a) => ctx.apply(|l| l.apply_remote(a)),
                    None => ctx.reload(),
                },
            );
        ctx.channel.set_value(Some(Rc::new(channel)));
        leptos::task::spawn_local(async move {
            match open_backend().await {
                Ok(kv) => {
                    use crate::storage::kv::KvStore;
                    kv.on_outdated(Box::new(move || {
                        ctx.error.set(Some(StoreError::Outdated.to_string()))
                    }));
                    let repo = Repo::new(kv);
                    repo.set_today(crate::platform::clock::today());
                    ctx.db.set_value(Some(Rc::new(repo)));
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

    /// Reads the store again (after a change here or in another tab): what is recent, from
    /// the stored checkpoint, and the range a screen asked for.
    pub fn reload(&self) {
        let ctx = *self;
        let Some(db) = self.db() else { return };
        let reach = self.reach.get_value();
        let applied = self.applied.get_value();
        leptos::task::spawn_local(async move {
            let today = crate::platform::clock::today();
            let loaded = match reach {
                NaiveDate::MIN => state::load(&db).await,
                reach => state::load_recent_from(&db, today, reach).await,
            };
            match loaded {
                // A write applied while this read ran may be missing from it: read again,
                // so it does not disappear from the screen.
                Ok(_) if ctx.applied.get_value() != applied => ctx.reload(),
                Ok(l) => {
                    let read = db.last_read();
                    crate::platform::measure::note(
                        "load",
                        &format!(
                            "{} records since {}",
                            read.records,
                            read.since.map_or("the first".into(), |d| d.to_string())
                        ),
                    );
                    let short = !l.holds_from(ctx.reach.get_value());
                    ctx.loaded.set(Some(l));
                    if short {
                        // A screen asked for more while this read was under way.
                        ctx.reload();
                        return;
                    }
                    // After the first paint: the checkpoint the next start reads from.
                    set_timeout(move || ctx.keep_checkpoint(), CHECKPOINT_DELAY);
                }
                Err(e) => ctx.error.set(Some(e.to_string())),
            }
        });
    }

    /// For a screen that shows records from `day` on (`None`: all of them): reads them,
    /// unless they are held already. Later loads keep holding them.
    pub fn need_from(&self, day: Option<NaiveDate>) {
        let day = day.unwrap_or(NaiveDate::MIN);
        if day >= self.reach.get_value() {
            return;
        }
        self.reach.set_value(day);
        let held = self
            .loaded
            .with_untracked(|l| l.as_ref().map(|l| l.holds_from(day)));
        if held == Some(false) {
            self.reload();
        }
    }

    /// Stores a newer checkpoint when the one on the device is missing or old. Off the
    /// path of anything the user waits for; a failure only means a slower next start.
    fn keep_checkpoint(&self) {
        let ctx = *self;
        let Some(db) = self.db() else { return };
        let today = crate::platform::clock::today();
        let Some(c) = self
            .loaded
            .with_untracked(|l| l.as_ref()?.checkpoint_due(today))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            if db.save_checkpoint(&c).await.is_ok() {
                ctx.loaded.update_untracked(|l| {
                    if let Some(l) = l {
                        l.checkpoint_stored(&c);
                    }
                });
            }
        });
    }

    /// Saves one session entry (a set, a pain report, a decision) and shows it at once,
    /// without re-reading the whole store.
    pub async fn save_entry(&self, set: StoredEntry) -> Result<(), StoreError> {
        let stored = set.clone();
        self.write_applied(
            |db| async move { db.save_entry(&stored).await },
            Applied::Entry(set),
        )
        .await
    }

    /// Changes what is held; a change older than the checkpoint it was read from reads
    /// the store again.
    fn apply(&self, f: impl FnOnce(&mut Loaded)) {
        self.applied.update_value(|n| *n += 1);
        self.loaded.update(|l| {
            if let Some(l) = l {
                f(l);
            }
        });
        if self
            .loaded
            .with_untracked(|l| l.as_ref().is_some_and(|l| l.stale))
        {
            self.reload();
        }
    }

    /// Runs a write and, once it is stored, shows it by `apply` on what is held (the
    /// same as a fresh load would give: tests/applied.rs), not by reading everything again.
    async fn write_applied<Fut>(
        &self,
        write: impl FnOnce(Rc<Db>) -> Fut,
        applied: Applied,
    ) -> Result<(), StoreError>
    where
        Fut: Future<Output = Result<(), StoreError>>,
    {
        let db = self
            .db()
            .ok_or_else(|| StoreError::Unavailable("storage is not open".into()))?;
        let result = write(db).await;
        match &result {
            Ok(()) => {
                self.error.set(None);
                let message = applied.message();
                self.apply(|l| l.apply(applied));
                if let Some(c) = self.channel.get_value() {
                    c.notify(&message);
                }
            }
            Err(e) => self.error.set(Some(e.to_string())),
        }
        result
    }

    /// Saves a session as started, finished or closed.
    pub async fn save_session(&self, s: StoredSession) -> Result<(), StoreError> {
        let stored = s.clone();
        self.write_applied(
            |db| async move { db.save_session(&stored).await },
            Applied::Session(s),
        )
        .await
    }

    /// Saves the next-day answer for a session.
    pub async fn answer_response(
        &self,
        s: StoredSession,
        r: Response24h,
    ) -> Result<(), StoreError> {
        let stored = s.clone();
        self.write_applied(
            |db| async move { db.answer_response(&stored, r).await },
            Applied::Session(StoredSession {
                response: Some(r),
                ..s
            }),
        )
        .await
    }

    pub async fn save_checkin(&self, c: CheckIn) -> Result<(), StoreError> {
        let stored = c.clone();
        self.write_applied(
            |db| async move { db.save_checkin(&stored).await },
            Applied::CheckIn(c),
        )
        .await
    }

    /// Saves an event (a flare, a swap, a rating, a resume, a setup change) made now.
    pub async fn save_event(&self, e: Event) -> Result<(), StoreError> {
        let stamp = crate::platform::clock::now_ms();
        let stored = e.clone();
        self.write_applied(
            |db| async move { db.save_event(&stored, stamp).await },
            Applied::Event(e, stamp),
        )
        .await
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
                    c.notify(READ_AGAIN);
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
