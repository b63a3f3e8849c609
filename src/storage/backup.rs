//! Backups: every stored record, versioned, as one JSON file; and the set log as CSV.
//! Imports are validated whole before anything is written.

use super::json::{from_text, member, object, parse, write_str, FromJson, Json};
use super::kv::{KvStore, StoreError, StoreName};
use super::migrations::migrate_to_current;
use super::records::{
    entry_key, is_derived, EntryRecord, Envelope, StoredEntry, CHECKPOINT_KEY, SCHEMA_VERSION,
};
use super::repo::{readable, Repo};
use crate::domain::library::exercise;
use crate::domain::order;
use std::collections::BTreeMap;
use std::fmt;

const APP: &str = "backstrong";
const FORMAT: u32 = 1;
/// Refuse files above this before parsing: no backup of a real user comes near it.
/// Twenty years of training is about 25 MB.
pub const MAX_BACKUP_BYTES: usize = 40 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub app: String,
    pub format: u32,
    pub schema: u32,
    pub exported: String,
    /// Store name → (key, record text), in key order.
    pub stores: BTreeMap<String, Vec<(String, String)>>,
}

impl Backup {
    /// The file's text, written straight out: twenty years of records are 25 MB, and no
    /// copy of them is built on the way.
    pub fn to_text(&self) -> String {
        let records: usize = self
            .stores
            .values()
            .flat_map(|rows| rows.iter().map(|(k, v)| k.len() + v.len() + 8))
            .sum();
        let mut out = String::with_capacity(records * 5 / 4 + 256);
        out.push_str("{\"app\":");
        write_str(&mut out, &self.app);
        out.push_str(&format!(
            ",\"format\":{},\"schema\":{},\"exported\":",
            self.format, self.schema
        ));
        write_str(&mut out, &self.exported);
        out.push_str(",\"stores\":{");
        for (n, (name, rows)) in self.stores.iter().enumerate() {
            if n > 0 {
                out.push(',');
            }
            write_str(&mut out, name);
            out.push_str(":[");
            for (i, (key, raw)) in rows.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('[');
                write_str(&mut out, key);
                out.push(',');
                write_str(&mut out, raw);
                out.push(']');
            }
            out.push(']');
        }
        out.push_str("}}");
        out
    }
}

impl FromJson for Backup {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = object(j, "a backup")?;
        let mut stores = BTreeMap::new();
        match o.get("stores") {
            Some(Json::Obj(m)) => {
                for (name, rows) in m {
                    let rows = Vec::<(String, String)>::from_json(rows)
                        .map_err(|e| format!("stores: {e}"))?;
                    stores.insert(String::from(&**name), rows);
                }
            }
            Some(_) => return Err("stores: expected an object".into()),
            None => return Err("missing field `stores`".into()),
        }
        Ok(Backup {
            app: member(o, "app", None)?,
            format: member(o, "format", None)?,
            schema: member(o, "schema", None)?,
            exported: member(o, "exported", None)?,
            stores,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    TooLarge,
    Truncated,
    NotABackup(String),
    FromTheFuture(u32),
    BadRecord {
        store: String,
        key: String,
        why: String,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge => write!(f, "This file is far larger than any Backstrong backup. Nothing was imported."),
            BackupError::Truncated => write!(f, "This backup file is incomplete (cut off). Nothing was imported; try exporting it again."),
            BackupError::NotABackup(why) => write!(f, "This is not a Backstrong backup ({why}). Nothing was imported."),
            BackupError::FromTheFuture(v) => write!(
                f,
                "This backup comes from a newer version of Backstrong (schema {v}). Update the app, then import it. Nothing was imported."
            ),
            BackupError::BadRecord { store, key, why } => {
                write!(f, "A record in this backup is damaged ({store} {key}: {why}). Nothing was imported.")
            }
        }
    }
}

/// What a valid backup holds, shown before the user chooses to import it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BackupSummary {
    pub exported: String,
    pub sessions: usize,
    pub sets: usize,
    pub checkins: usize,
    pub events: usize,
    pub quarantined: usize,
    /// Records the file held twice, imported once.
    pub repeated: usize,
    pub has_profile: bool,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
}

/// Validates a backup completely: shape, version, every record readable by this build.
pub fn parse_backup(text: &str) -> Result<(Backup, BackupSummary), BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge);
    }
    let json = parse(text).map_err(|e| {
        if e.eof {
            BackupError::Truncated
        } else {
            BackupError::NotABackup(e.to_string())
        }
    })?;
    let mut backup = Backup::from_json(&json).map_err(BackupError::NotABackup)?;
    drop(json);
    if backup.app != APP || backup.format != FORMAT {
        return Err(BackupError::NotABackup(format!(
            "app {:?}, format {}",
            backup.app, backup.format
        )));
    }
    if backup.schema > SCHEMA_VERSION {
        return Err(BackupError::FromTheFuture(backup.schema));
    }
    let mut summary = BackupSummary {
        exported: backup.exported.clone(),
        ..Default::default()
    };
    for (name, records) in backup.stores.iter_mut() {
        let store = StoreName::parse(name)
            .ok_or_else(|| BackupError::NotABackup(format!("unknown store {name:?}")))?;
        summary.repeated += drop_repeats(name, store, records)?;
    }
    let (mut first_day, mut last_day): (Option<String>, Option<String>) = (None, None);
    for (name, records) in &mut backup.stores {
        let store = StoreName::parse(name)
            .ok_or_else(|| BackupError::NotABackup(format!("unknown store {name:?}")))?;
        for (key, raw) in records.iter_mut() {
            let bad = |why: String| BackupError::BadRecord {
                store: name.clone(),
                key: key.clone(),
                why,
            };
            if key.is_empty() {
                return Err(bad("empty key".into()));
            }
            if store != StoreName::Quarantine {
                // The same rules a load applies: what is imported is what will show. An
                // older record is stored as this version's, so the first start after
                // a restore has nothing left to migrate.
                let migrated = migrate_to_current(store, raw).map_err(|e| bad(e.to_string()))?;
                readable(store, key, migrated.as_deref().unwrap_or(raw)).map_err(bad)?;
                if let Some(new) = migrated {
                    *raw = new;
                }
            }
            if matches!(
                store,
                StoreName::Sets | StoreName::Sessions | StoreName::CheckIns
            ) {
                let day = key.get(..10).unwrap_or(key);
                if first_day.as_deref().is_none_or(|d| day < d) {
                    first_day = Some(day.to_string());
                }
                if last_day.as_deref().is_none_or(|d| day > d) {
                    last_day = Some(day.to_string());
                }
            }
        }
        let n = records.len();
        match store {
            StoreName::Sets => summary.sets = n,
            StoreName::Sessions => summary.sessions = n,
            StoreName::CheckIns => summary.checkins = n,
            StoreName::Events => summary.events = n,
            StoreName::Quarantine => summary.quarantined = n,
            StoreName::Singletons => {
                summary.has_profile = records.iter().any(|(k, _)| k == "profile")
            }
        }
    }
    summary.first_day = first_day;
    summary.last_day = last_day;
    Ok((backup, summary))
}

/// Removes records a file holds twice — the same key with the same text, or (sets) the
/// same entry under a second key — and counts them; the same key holding two different
/// records cannot be settled and refuses the file.
fn drop_repeats(
    name: &str,
    store: StoreName,
    records: &mut Vec<(String, String)>,
) -> Result<usize, BackupError> {
    let before = records.len();
    let mut by_key: BTreeMap<String, String> = BTreeMap::new();
    for (key, raw) in records.iter() {
        match by_key.get(key) {
            Some(other) if other != raw => {
                return Err(BackupError::BadRecord {
                    store: name.into(),
                    key: key.clone(),
                    why: "two different records under one key".into(),
                })
            }
            Some(_) => {}
            None => {
                by_key.insert(key.clone(), raw.clone());
            }
        }
    }
    let mut kept: Vec<(String, String)> = by_key.into_iter().collect();
    if store == StoreName::Sets {
        let entry = |raw: &str| {
            let current = migrate_to_current(store, raw).ok()?;
            let text = current.as_deref().unwrap_or(raw);
            from_text::<Envelope<StoredEntry>>(text).ok().map(|e| e.d)
        };
        // This schema's key wins over an older one for the same entry.
        order::sort_by_key(&mut kept, |(k, raw)| {
            entry(raw).is_none_or(|e| entry_key(&e) != *k)
        });
        let mut seen = std::collections::BTreeSet::new();
        kept.retain(|(_, raw)| match entry(raw) {
            Some(e) => seen.insert(format!(
                "{}|{}|{}|{}|{:?}",
                e.session, e.index, e.logged_ms, e.day, e.entry
            )),
            None => true,
        });
        order::sort(&mut kept);
    }
    let repeated = before - kept.len();
    *records = kept;
    Ok(repeated)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Add what is not already here; keep everything already saved.
    Merge,
    /// Make this device hold exactly the backup.
    Replace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    pub added: usize,
    pub kept_existing: usize,
}

impl<K: KvStore> Repo<K> {
    /// Every record of every store, quarantined ones included.
    pub async fn export_backup(&self, exported: &str) -> Result<String, StoreError> {
        let mut stores = BTreeMap::new();
        for s in StoreName::ALL {
            let mut rows = self.kv().all(s).await?;
            rows.retain(|(k, _)| !is_derived(s, k));
            if !rows.is_empty() {
                stores.insert(s.as_str().to_string(), rows);
            }
        }
        Ok(Backup {
            app: APP.into(),
            format: FORMAT,
            schema: SCHEMA_VERSION,
            exported: exported.into(),
            stores,
        }
        .to_text())
    }

    /// Imports a backup already validated by `parse_backup`, in one transaction.
    pub async fn import_backup(
        &self,
        b: &Backup,
        mode: ImportMode,
    ) -> Result<ImportReport, StoreError> {
        let mut records = Vec::new();
        let mut report = ImportReport::default();
        for (name, rows) in &b.stores {
            let Some(store) = StoreName::parse(name) else {
                continue;
            };
            let existing: std::collections::BTreeSet<String> = match mode {
                ImportMode::Merge => self
                    .kv()
                    .all(store)
                    .await?
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect(),
                ImportMode::Replace => Default::default(),
            };
            for (k, v) in rows.iter().filter(|(k, _)| !is_derived(store, k)) {
                if existing.contains(k) {
                    report.kept_existing += 1;
                } else {
                    records.push((store, k.clone(), v.clone()));
                }
            }
        }
        report.added = records.len();
        match mode {
            ImportMode::Merge => {
                // Records older than the planner's checkpoint may come in: it goes first,
                // so a failure in between leaves a slower start, never a wrong plan.
                self.kv()
                    .delete(StoreName::Singletons, CHECKPOINT_KEY)
                    .await?;
                self.kv().put_many(&records).await?
            }
            ImportMode::Replace => self.kv().replace_all(&records).await?,
        }
        Ok(report)
    }

    /// The set log as CSV, oldest first, loads in the user's units (named in the header).
    /// A pain report is a row of its own, with no amount.
    pub async fn export_csv(
        &self,
        units: crate::domain::units::Units,
    ) -> Result<String, StoreError> {
        let mut out = format!(
            "date,session,set,exercise,amount,unit,load_{},rpe,pain\n",
            units.symbol()
        );
        for (_, raw) in self.kv().all(StoreName::Sets).await? {
            let Ok(env) = from_text::<Envelope<StoredEntry>>(&raw) else {
                continue;
            };
            let s = env.d;
            let opt = |v: Option<u8>| v.map(|x| x.to_string()).unwrap_or_default();
            let (id, amount, load, rpe, pain) = match &s.entry {
                EntryRecord::Set(set) => (
                    &set.exercise,
                    set.amount.to_string(),
                    units.number(set.load),
                    opt(set.rpe),
                    opt(set.pain.map(|p| p.value())),
                ),
                EntryRecord::Pain { exercise, pain } => (
                    exercise,
                    String::new(),
                    String::new(),
                    String::new(),
                    pain.value().to_string(),
                ),
                EntryRecord::Accept { .. } | EntryRecord::Decline { .. } => continue,
            };
            let (name, unit) = exercise(id)
                .map(|e| (e.name.to_string(), e.measure.short()))
                .unwrap_or_else(|| (id.clone(), "reps"));
            out.push_str(&format!(
                "{},{},{},{},{amount},{unit},{load},{rpe},{pain}\n",
                s.day,
                csv_field(&s.session),
                s.index + 1,
                csv_field(&name),
            ));
        }
        Ok(out)
    }
}

/// Quotes a CSV field when needed, and defuses spreadsheet formulas.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
