//! The IndexedDB adapter of the storage port, through the `idb` crate. Writes the user is
//! told about use `durability: "strict"`: they resolve only once the data is on disk.

use super::kv::{KvStore, StoreError, StoreName};
use super::migrations::{migrate_record, Migration, MIGRATIONS};
use super::records::{is_derived, quarantine_entry, SCHEMA_VERSION};
use crate::domain::order;
use idb::{DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, Transaction};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransactionMode};

/// `IDBDatabase.transaction(names, "readwrite", { durability: "strict" })`. web-sys has
/// the options form only behind its unstable-API flag, so it is called by name here.
fn strict_transaction(
    db: &IdbDatabase,
    names: &js_sys::Array,
) -> Result<web_sys::IdbTransaction, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let f: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into())?.dyn_into()?;
    f.call3(db, names, &"readwrite".into(), &options)?
        .dyn_into()
}

pub const DB_NAME: &str = "backstrong";
/// The database version follows the record schema: a new schema (or a new store) opens
/// the database at a higher version, and the upgrade migrates every record.
const DB_VERSION: u32 = SCHEMA_VERSION;

type Listener = Rc<RefCell<Option<Box<dyn Fn()>>>>;

pub struct IdbStore {
    db: IdbDatabase,
    outdated: Rc<Cell<bool>>,
    on_outdated: Listener,
    /// When the page last got a break from a long read (ms since the epoch).
    last_break: Cell<f64>,
    // Kept alive as long as the connection.
    _on_version_change: Closure<dyn FnMut()>,
}

fn js_text(v: &JsValue) -> String {
    v.dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .or_else(|| {
            v.dyn_ref::<web_sys::DomException>()
                .map(|e| format!("{}: {}", e.name(), e.message()))
        })
        .or_else(|| v.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// A stored value as the text the repository reads. This app stores only strings; any
/// other value was written by something else, and is passed on as text so that it is
/// set aside and kept like any unreadable record instead of being skipped unseen.
fn as_text(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .filter(|s| s != "null" || v.is_null())
            .unwrap_or_else(|| format!("{v:?}"))
    })
}

fn failed(e: idb::Error) -> StoreError {
    let text = e.to_string();
    if text.contains("QuotaExceeded") {
        StoreError::Full
    } else {
        StoreError::Failed(text)
    }
}

/// Brings every record to schema `target` inside the upgrade transaction, before any
/// page can read: a record no step can migrate is moved to the quarantine store, never
/// dropped. Each cursor step issues the next request from its own callback, which keeps
/// the transaction alive to the last record; if anything throws, the upgrade aborts and
/// the database stays as it was.
fn migrate_in_upgrade(tx: &web_sys::IdbTransaction, steps: &'static [Migration], target: u32) {
    for store in StoreName::ALL
        .into_iter()
        .filter(|s| *s != StoreName::Quarantine)
    {
        let Ok(request) = tx
            .object_store(store.as_str())
            .and_then(|os| os.open_cursor())
        else {
            continue;
        };
        let (req, tx) = (request.clone(), tx.clone());
        let step = Closure::<dyn FnMut()>::new(move || {
            let Some(cursor) = req
                .result()
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::IdbCursorWithValue>().ok())
            else {
                return; // the end of this store
            };
            let raw = cursor.value().ok().and_then(|v| v.as_string());
            let key = cursor.primary_key().ok().and_then(|k| k.as_string());
            if let Some((raw, key)) = raw.zip(key).filter(|(_, k)| !is_derived(store, k)) {
                match migrate_record(store, &raw, steps, target) {
                    Ok(Some(new)) => {
                        let _ = cursor.update(&JsValue::from_str(&new));
                    }
                    Ok(None) => {}
                    Err(why) => {
                        let (q_key, q_value) =
                            quarantine_entry(store.as_str(), &key, &raw, &why.to_string());
                        if let Ok(q) = tx.object_store(StoreName::Quarantine.as_str()) {
                            let _ = q.put_with_key(
                                &JsValue::from_str(&q_value),
                                &JsValue::from_str(&q_key),
                            );
                            let _ = cursor.delete();
                        }
                    }
                }
            }
            let _ = cursor.continue_();
        });
        request.set_onsuccess(Some(step.as_ref().unchecked_ref()));
        // Runs once per store per upgrade; the closure must outlive this function.
        step.forget();
    }
}

impl IdbStore {
    /// Opens (and on first use creates) the database. Another tab with an older version
    /// is asked to close its connection; this tab reports `Blocked` while it waits.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        Self::open_with(name, DB_VERSION, MIGRATIONS).await
    }

    /// Opens at `version`, running `steps` over every record of an older database inside
    /// the upgrade transaction (tests pass their own steps and version).
    pub async fn open_with(
        name: &str,
        version: u32,
        steps: &'static [Migration],
    ) -> Result<Self, StoreError> {
        let factory = Factory::new().map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let mut request = factory
            .open(name, Some(version))
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        request.on_upgrade_needed(move |event| {
            let old = event.old_version().unwrap_or(0);
            if let Ok(db) = event.database() {
                let existing = db.store_names();
                for s in StoreName::ALL {
                    if !existing.iter().any(|n| n == s.as_str()) {
                        // A failure here aborts the upgrade, and the open below reports it.
                        let _ = db.create_object_store(s.as_str(), ObjectStoreParams::new());
                    }
                }
            }
            if old > 0 {
                let raw: web_sys::IdbVersionChangeEvent = event.into();
                let tx = raw
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                    .and_then(|r| r.transaction());
                if let Some(tx) = tx {
                    migrate_in_upgrade(&tx, steps, version);
                }
            }
        });
        let database = request.await.map_err(|e| {
            let text = e.to_string();
            if text.contains("blocked") {
                StoreError::Blocked
            } else if text.contains("VersionError") {
                // A newer build has already upgraded the database.
                StoreError::Outdated
            } else {
                StoreError::Unavailable(text)
            }
        })?;
        let db: IdbDatabase = database.into();
        let outdated = Rc::new(Cell::new(false));
        let listener: Listener = Rc::default();
        let (flag, handle, tell) = (outdated.clone(), db.clone(), listener.clone());
        // A newer version wants to upgrade in another tab: step aside instead of blocking
        // it, and never write an old-schema record after its upgrade.
        let on_version_change = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            handle.close();
            if let Some(f) = tell.borrow().as_ref() {
                f();
            }
        });
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(IdbStore {
            db,
            outdated,
            on_outdated: listener,
            last_break: Cell::new(js_sys::Date::now()),
            _on_version_change: on_version_change,
        })
    }

    pub fn close(&self) {
        self.db.close();
    }

    fn tx(
        &self,
        stores: &[StoreName],
        write: bool,
        strict: bool,
    ) -> Result<(Transaction, web_sys::IdbTransaction), StoreError> {
        if self.outdated.get() {
            return Err(StoreError::Outdated);
        }
        let names: js_sys::Array = stores
            .iter()
            .map(|s| JsValue::from_str(s.as_str()))
            .collect();
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        let raw = if strict && write {
            strict_transaction(&self.db, &names)
        } else {
            self.db.transaction_with_str_sequence_and_mode(&names, mode)
        }
        .map_err(|e| {
            if self.outdated.get() {
                StoreError::Outdated
            } else {
                StoreError::Failed(js_text(&e))
            }
        })?;
        Ok((Transaction::from(raw.clone()), raw))
    }

    /// Waits for a write transaction to reach the disk, naming a full disk as such.
    async fn finish(tx: Transaction, raw: web_sys::IdbTransaction) -> Result<(), StoreError> {
        let result = match tx.commit() {
            Ok(tx) => tx.await.map_err(failed),
            Err(e) => Err(failed(e)),
        };
        let why = raw.error().map(|e| e.name());
        match (result, why.as_deref()) {
            (_, Some("QuotaExceededError")) => Err(StoreError::Full),
            (Ok(r), _) if r.is_committed() => Ok(()),
            (Ok(_), Some(other)) => Err(StoreError::Failed(other.to_string())),
            (Ok(_), None) => Err(StoreError::Failed("the write was aborted".into())),
            (Err(e), _) => Err(e),
        }
    }

    async fn read_range(
        &self,
        store: StoreName,
        query: Option<Query>,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let (tx, _) = self.tx(&[store], false, false)?;
        let os = tx.object_store(store.as_str()).map_err(failed)?;
        let keys = os
            .get_all_keys(query.clone(), None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        let values = os
            .get_all(query, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(keys
            .into_iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, as_text(&v))))
            .collect())
    }

    async fn write_all(
        &self,
        records: &[(StoreName, String, String)],
        clear_first: bool,
    ) -> Result<(), StoreError> {
        let stores: Vec<StoreName> = if clear_first {
            StoreName::ALL.to_vec()
        } else {
            let mut s: Vec<StoreName> = records.iter().map(|r| r.0).collect();
            order::sort(&mut s);
            s.dedup();
            s
        };
        if stores.is_empty() {
            return Ok(());
        }
        let (tx, raw) = self.tx(&stores, true, true)?;
        if clear_first {
            for s in &stores {
                tx.object_store(s.as_str())
                    .map_err(failed)?
                    .clear()
                    .map_err(failed)?
                    .await
                    .map_err(failed)?;
            }
        }
        for (s, k, v) in records {
            let os = tx.object_store(s.as_str()).map_err(failed)?;
            os.put(&JsValue::from_str(v), Some(&JsValue::from_str(k)))
                .map_err(failed)?
                .await
                .map_err(failed)?;
        }
        Self::finish(tx, raw).await
    }
}

impl KvStore for IdbStore {
    async fn put(
        &self,
        store: StoreName,
        key: &str,
        value: &str,
        durable: bool,
    ) -> Result<(), StoreError> {
        let (tx, raw) = self.tx(&[store], true, durable)?;
        let os = tx.object_store(store.as_str()).map_err(failed)?;
        os.put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Self::finish(tx, raw).await
    }

    async fn get(&self, store: StoreName, key: &str) -> Result<Option<String>, StoreError> {
        let (tx, _) = self.tx(&[store], false, false)?;
        let os = tx.object_store(store.as_str()).map_err(failed)?;
        let v = os
            .get(JsValue::from_str(key))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(v.map(|v| as_text(&v)))
    }

    async fn range(
        &self,
        store: StoreName,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let range = KeyRange::bound(
            &JsValue::from_str(from),
            &JsValue::from_str(to),
            Some(false),
            Some(true),
        )
        .map_err(failed)?;
        self.read_range(store, Some(Query::KeyRange(range))).await
    }

    async fn all(&self, store: StoreName) -> Result<Vec<(String, String)>, StoreError> {
        self.read_range(store, None).await
    }

    async fn pause(&self) {
        // Only once the page has gone this long without a break: each break costs a trip
        // through the event loop.
        const RUN_MS: f64 = 40.0;
        if js_sys::Date::now() - self.last_break.get() < RUN_MS {
            return;
        }
        // A macrotask: the browser runs input and paint before it (a microtask would not).
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            } else {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.last_break.set(js_sys::Date::now());
    }

    async fn first_key(&self, store: StoreName) -> Result<Option<String>, StoreError> {
        let (tx, _) = self.tx(&[store], false, false)?;
        let os = tx.object_store(store.as_str()).map_err(failed)?;
        let keys = os
            .get_all_keys(None, Some(1))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(keys.into_iter().next().and_then(|k| k.as_string()))
    }

    async fn delete(&self, store: StoreName, key: &str) -> Result<(), StoreError> {
        let (tx, raw) = self.tx(&[store], true, true)?;
        let os = tx.object_store(store.as_str()).map_err(failed)?;
        os.delete(JsValue::from_str(key))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Self::finish(tx, raw).await
    }

    async fn put_many(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError> {
        self.write_all(records, false).await
    }

    async fn clear_all(&self) -> Result<(), StoreError> {
        self.write_all(&[], true).await
    }

    async fn replace_all(&self, records: &[(StoreName, String, String)]) -> Result<(), StoreError> {
        self.write_all(records, true).await
    }

    fn on_outdated(&self, f: Box<dyn Fn()>) {
        *self.on_outdated.borrow_mut() = Some(f);
    }
}
