//! The typed repository over any `KvStore`: what the app saves and reads. Writing a set
//! touches that one record; reading migrates old records and sets unreadable ones aside.
//! What a start reads and holds is decided above, in `state`.

use super::json::{from_text, FromJson, ToJson};
use super::kv::{KvStore, StoreError, StoreName};
use super::migrations::migrate_to_current;
use super::records::*;
use crate::domain::checkin::CheckIn;
use crate::domain::history::Response24h;
use crate::domain::order;
use crate::domain::planner::{Checkpoint, Safety};
use crate::domain::profile::Profile;
use chrono::{Days, NaiveDate};
use std::cell::Cell;
use std::collections::BTreeMap;

pub struct Repo<K> {
    kv: K,
    /// What the last load read, for the start benchmark to print.
    last_read: Cell<LoadStats>,
    /// Writes dated before this day may change what the stored checkpoint was worked out
    /// from, so they delete it. Every checkpoint is of a week at least
    /// `CHECKPOINT_AGE_DAYS` old; until the app says what day it is, every write does.
    checkpoint_guard: Cell<NaiveDate>,
}

/// The stored checkpoint is of the week of this many days ago (renewed every four weeks).
pub const CHECKPOINT_AGE_DAYS: u64 = 28;
/// Writes dated this many days back or less never reach a checkpoint's week (a week of
/// margin for a clock that moved or a night that passed).
const CHECKPOINT_GUARD_DAYS: u64 = CHECKPOINT_AGE_DAYS - 7;
/// A long read offers the page a break after this many records (the store takes it when
/// the page has run long without one).
const PAUSE_EVERY: usize = 500;
/// The singleton records, as stored.
#[derive(Debug, Clone, Default)]
pub struct Singletons {
    pub profile: Option<Profile>,
    pub safety: Safety,
    pub meta: Meta,
    /// Plans shared with this user and saved, oldest first, with their keys.
    pub shared: Vec<(String, SavedPlan)>,
    pub checkpoint: Option<Checkpoint>,
}

/// The dated records a read returned.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// The day they were read from; `None` when every record was read.
    pub since: Option<NaiveDate>,
    pub sessions: Vec<StoredSession>,
    pub sets: Vec<StoredEntry>,
    pub checkins: Vec<CheckIn>,
    /// Every event, with its key (`day|stamp`).
    pub events: Vec<(String, Event)>,
    /// The day of the first session or check-in on the device, when only some were read.
    pub first_stored: Option<NaiveDate>,
    /// Records set aside, this time and before.
    pub quarantined: usize,
    /// Changes whenever the set-aside records do (a hash of their keys).
    pub set_aside_mark: u64,
}

/// How much a load read: records (sessions, entries, check-ins, events) and, when it
/// started from a checkpoint, the day it read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadStats {
    pub records: usize,
    pub since: Option<NaiveDate>,
}

/// A record as this build stores it, as text.
pub fn envelope<T: ToJson>(d: &T) -> String {
    Envelope {
        v: SCHEMA_VERSION,
        d,
    }
    .to_json()
    .to_text()
}

impl<K: KvStore> Repo<K> {
    pub fn new(kv: K) -> Self {
        Repo {
            kv,
            last_read: Cell::new(LoadStats::default()),
            checkpoint_guard: Cell::new(NaiveDate::MAX),
        }
    }

    /// What the last load read.
    pub fn last_read(&self) -> LoadStats {
        self.last_read.get()
    }

    /// What day it is: writes dated a few days back keep the stored checkpoint.
    pub fn set_today(&self, today: NaiveDate) {
        let guard = today.checked_sub_days(Days::new(CHECKPOINT_GUARD_DAYS));
        self.checkpoint_guard.set(guard.unwrap_or(NaiveDate::MAX));
    }

    /// Something dated `day` is about to be written or taken away: a checkpoint of a
    /// later week was worked out without it, so it goes first (a failure in between leaves
    /// a slower start, never a wrong plan).
    async fn invalidate(&self, day: NaiveDate) -> Result<(), StoreError> {
        if day < self.checkpoint_guard.get() {
            self.kv
                .delete(StoreName::Singletons, CHECKPOINT_KEY)
                .await?;
        }
        Ok(())
    }

    /// Stores the planner's checkpoint, replacing the one before.
    pub async fn save_checkpoint(&self, c: &Checkpoint) -> Result<(), StoreError> {
        self.kv
            .put(
                StoreName::Singletons,
                CHECKPOINT_KEY,
                &super::checkpoint::to_text(c),
                false,
            )
            .await
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    async fn write<T: ToJson>(&self, store: StoreName, key: &str, d: &T) -> Result<(), StoreError> {
        self.kv.put(store, key, &envelope(d), true).await
    }

    pub async fn save_profile(&self, p: &Profile) -> Result<(), StoreError> {
        self.write(StoreName::Singletons, PROFILE_KEY, p).await
    }

    /// Saves what onboarding produced in one transaction: all of it or none of it.
    pub async fn save_onboarding(
        &self,
        profile: &Profile,
        safety: &Safety,
        events: &[(Event, i64)],
    ) -> Result<(), StoreError> {
        let safety = (
            StoreName::Singletons,
            SAFETY_KEY.to_string(),
            envelope(safety),
        );
        self.save_profile_with(profile, events, Some(safety)).await
    }

    /// Saves a plan shared by someone else; the user's own plan is untouched.
    pub async fn save_shared_plan(
        &self,
        p: &SavedPlan,
        stamp_ms: i64,
    ) -> Result<String, StoreError> {
        let key = shared_key(stamp_ms);
        self.write(StoreName::Singletons, &key, p).await?;
        Ok(key)
    }

    pub async fn delete_shared_plan(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(SHARED_PREFIX) {
            return Err(StoreError::Failed(format!("not a shared plan: {key}")));
        }
        self.kv.delete(StoreName::Singletons, key).await
    }

    /// Follows a shared plan: the new profile and its swaps in one transaction.
    pub async fn follow_plan(
        &self,
        profile: &Profile,
        events: &[(Event, i64)],
    ) -> Result<(), StoreError> {
        self.save_profile_with(profile, events, None).await
    }

    /// The profile, its events and maybe one more record, in one transaction.
    async fn save_profile_with(
        &self,
        profile: &Profile,
        events: &[(Event, i64)],
        extra: Option<(StoreName, String, String)>,
    ) -> Result<(), StoreError> {
        let mut records: Vec<_> = extra.into_iter().collect();
        records.push((
            StoreName::Singletons,
            PROFILE_KEY.to_string(),
            envelope(profile),
        ));
        records.extend(
            events
                .iter()
                .map(|(e, stamp)| (StoreName::Events, event_key(e, *stamp), envelope(e))),
        );
        self.kv.put_many(&records).await
    }

    pub async fn save_safety(&self, s: &Safety) -> Result<(), StoreError> {
        self.write(StoreName::Singletons, SAFETY_KEY, s).await
    }

    pub async fn save_meta(&self, m: &Meta) -> Result<(), StoreError> {
        self.write(StoreName::Singletons, META_KEY, m).await
    }

    pub async fn save_session(&self, s: &StoredSession) -> Result<(), StoreError> {
        self.invalidate(s.day).await?;
        self.write(StoreName::Sessions, &session_key(s), s).await
    }

    /// Saves one entry (a set, a pain report, a decision); resolves only once it is
    /// durably on disk.
    pub async fn save_entry(&self, s: &StoredEntry) -> Result<(), StoreError> {
        self.invalidate(s.day).await?;
        self.write(StoreName::Sets, &entry_key(s), s).await
    }

    pub async fn delete_entry(&self, s: &StoredEntry) -> Result<(), StoreError> {
        self.invalidate(s.day).await?;
        self.kv.delete(StoreName::Sets, &entry_key(s)).await
    }

    pub async fn save_checkin(&self, c: &CheckIn) -> Result<(), StoreError> {
        self.invalidate(c.day).await?;
        self.write(StoreName::CheckIns, &checkin_key(c), c).await
    }

    pub async fn save_event(&self, e: &Event, stamp_ms: i64) -> Result<(), StoreError> {
        self.invalidate(e.day()).await?;
        self.write(StoreName::Events, &event_key(e, stamp_ms), e)
            .await
    }

    pub async fn answer_response(
        &self,
        s: &StoredSession,
        r: Response24h,
    ) -> Result<(), StoreError> {
        self.save_session(&StoredSession {
            response: Some(r),
            ..s.clone()
        })
        .await
    }

    /// Sets logged between two days, inclusive: one range read, whatever the history size.
    pub async fn sets_between(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<StoredEntry>, StoreError> {
        let (lo, hi) = day_bounds(from, to);
        let rows = self.kv.range(StoreName::Sets, &lo, &hi).await?;
        Ok(rows
            .iter()
            .filter_map(|(_, v)| decode::<StoredEntry>(v).ok())
            .collect())
    }

    /// Reads one store, migrating old records in place and moving unreadable ones to
    /// the quarantine store (kept whole, still exported with backups).
    async fn read<T: FromJson + Check>(
        &self,
        store: StoreName,
    ) -> Result<Vec<(String, T)>, StoreError> {
        self.read_since(store, None).await
    }

    /// `read`, of the records dated `since` or later (all of them for `None`): the keys
    /// of sessions, entries and check-ins begin with their day.
    async fn read_since<T: FromJson + Check>(
        &self,
        store: StoreName,
        since: Option<NaiveDate>,
    ) -> Result<Vec<(String, T)>, StoreError> {
        let mut out = Vec::new();
        // Records migrated here, written back together: one transaction, not one each.
        let mut migrated = Vec::new();
        let current_prefix = current_prefix();
        let rows = match since {
            // '~' sorts after every digit a year begins with.
            Some(d) => self.kv.range(store, &d.to_string(), "~").await?,
            None => self.kv.all(store).await?,
        };
        for (n, (key, raw)) in rows.into_iter().enumerate() {
            if n > 0 && n % PAUSE_EVERY == 0 {
                self.kv.pause().await;
            }
            // Most records are this version's and sound: parsed once, straight to their
            // type. Anything else takes the careful path below.
            if raw.starts_with(&current_prefix) && raw.len() <= MAX_RECORD_BYTES {
                if let Ok(v) = decode::<T>(&raw) {
                    if v.problem(&key).is_none() {
                        out.push((key, v));
                        continue;
                    }
                }
            }
            if let Some(why) = too_big(&raw) {
                self.quarantine(store, &key, &raw, &why).await?;
                continue;
            }
            let current = match migrate_to_current(store, &raw) {
                Ok(Some(new)) => {
                    migrated.push((store, key.clone(), new.clone()));
                    new
                }
                Ok(None) => raw.clone(),
                Err(e) => {
                    self.quarantine(store, &key, &raw, &e.to_string()).await?;
                    continue;
                }
            };
            match decode::<T>(&current).and_then(|v| match v.problem(&key) {
                Some(why) => Err(why),
                None => Ok(v),
            }) {
                Ok(v) => out.push((key, v)),
                Err(why) => {
                    migrated.retain(|(_, k, _)| *k != key);
                    self.quarantine(store, &key, &raw, &why).await?
                }
            }
        }
        if !migrated.is_empty() {
            self.kv.put_many(&migrated).await?;
        }
        Ok(out)
    }

    /// Sets aside entries whose session is not stored, and second copies of one entry
    /// (the same moment, position and content under two keys, as two schemas wrote them;
    /// the copy under this schema's key is the one kept).
    async fn set_aside_strays(
        &self,
        sessions: &[StoredSession],
        mut sets: Vec<(String, StoredEntry)>,
    ) -> Result<Vec<StoredEntry>, StoreError> {
        let older_keys = sets.iter().any(|(k, e)| *k != entry_key(e));
        if older_keys {
            order::sort_by_key(&mut sets, |(k, e)| *k != entry_key(e));
        }
        // Session ids sorted, looked up by halving: sets × sessions comparisons took a
        // tenth of a second at five years.
        let ids = |list: &[StoredSession]| {
            let mut v: Vec<String> = list.iter().map(|s| s.id.clone()).collect();
            order::sort(&mut v);
            v
        };
        let stored = ids(sessions);
        let known =
            |id: &str, sorted: &[String]| sorted.binary_search_by(|x| x.as_str().cmp(id)).is_ok();
        let mut fresh: Option<Vec<String>> = None;
        let mut seen: BTreeMap<(u64, u16, i64), Vec<usize>> = BTreeMap::new();
        let mut out: Vec<(String, StoredEntry)> = Vec::with_capacity(sets.len());
        for (key, e) in sets {
            let why = if !known(&e.session, &stored) {
                // Another tab may have started that session after the sessions were read:
                // read them again once before calling anything a stray.
                if fresh.is_none() {
                    let again = self.read::<StoredSession>(StoreName::Sessions).await?;
                    let again: Vec<StoredSession> = again.into_iter().map(|(_, v)| v).collect();
                    fresh = Some(ids(&again));
                }
                (!known(&e.session, fresh.as_deref().unwrap_or_default()))
                    .then(|| format!("its session {:?} is not stored", e.session))
            } else {
                None
            };
            let why = why.or_else(|| {
                // Keyed by a hash of the session id: no string copied per entry at start.
                let session = e.session.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                });
                let twins = seen.entry((session, e.index, e.logged_ms)).or_default();
                let same = |o: &StoredEntry| {
                    o.session == e.session && o.day == e.day && o.entry == e.entry
                };
                if twins.iter().any(|i| same(&out[*i].1)) {
                    return Some("a second copy of an entry".to_string());
                }
                twins.push(out.len());
                None
            });
            match why {
                Some(why) => {
                    let raw = self
                        .kv
                        .get(StoreName::Sets, &key)
                        .await?
                        .unwrap_or_default();
                    self.quarantine(StoreName::Sets, &key, &raw, &why).await?;
                }
                None => out.push((key, e)),
            }
        }
        if older_keys {
            order::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
        }
        Ok(out.into_iter().map(|(_, e)| e).collect())
    }

    async fn quarantine(
        &self,
        store: StoreName,
        key: &str,
        raw: &str,
        why: &str,
    ) -> Result<(), StoreError> {
        if let Some(day) = key.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
            self.invalidate(day).await?;
        }
        let (q_key, record) = quarantine_entry(store.as_str(), key, raw, why);
        // Copy first, then remove: a crash in between leaves a duplicate, never a loss.
        self.kv
            .put(StoreName::Quarantine, &q_key, &record, true)
            .await?;
        self.kv.delete(store, key).await
    }

    /// The singletons: profile, red-flag answers, meta, saved plans and the checkpoint.
    /// One that cannot be read is set aside; a checkpoint this build cannot read is only
    /// not used (it is worked out from the rest).
    pub async fn read_singletons(&self) -> Result<Singletons, StoreError> {
        let mut out = Singletons::default();
        for (key, raw) in self.kv.all(StoreName::Singletons).await? {
            if let Some(why) = too_big(&raw) {
                self.quarantine(StoreName::Singletons, &key, &raw, &why)
                    .await?;
                continue;
            }
            let ok = match key.as_str() {
                PROFILE_KEY => decode_current(&raw).map(|p| out.profile = Some(p)),
                SAFETY_KEY => decode_current(&raw).map(|s| out.safety = s),
                META_KEY => decode_current(&raw).map(|m| out.meta = m),
                k if k.starts_with(SHARED_PREFIX) => {
                    decode_current(&raw).map(|p| out.shared.push((key.clone(), p)))
                }
                CHECKPOINT_KEY => {
                    out.checkpoint = super::checkpoint::from_text(&raw);
                    Ok(())
                }
                _ => Ok(()),
            };
            if let Err(why) = ok {
                self.quarantine(StoreName::Singletons, &key, &raw, &why)
                    .await?;
            }
        }
        Ok(out)
    }

    /// The dated records from `since` on (all of them for `None`), migrated, with anything
    /// unreadable set aside. Entries that need setting aside (strays, second copies) need
    /// every record: then everything is read, and `Records::since` says so.
    pub async fn read_records(&self, since: Option<NaiveDate>) -> Result<Records, StoreError> {
        // The stores at once: each read is a round trip to IndexedDB's process.
        let (sessions, sets, checkins, events, first) = futures::join!(
            self.read_since::<StoredSession>(StoreName::Sessions, since),
            self.read_since::<StoredEntry>(StoreName::Sets, since),
            self.read_since::<CheckIn>(StoreName::CheckIns, since),
            self.read::<Event>(StoreName::Events),
            self.first_day(since.is_some()),
        );
        let first_stored = first?;
        let sessions: Vec<StoredSession> = sessions?.into_iter().map(|(_, v)| v).collect();
        let sets = match since {
            Some(_) => match recent_sets(&sessions, sets?) {
                Some(sets) => sets,
                None => return Box::pin(self.read_records(None)).await,
            },
            None => self.set_aside_strays(&sessions, sets?).await?,
        };
        let checkins: Vec<CheckIn> = checkins?.into_iter().map(|(_, v)| v).collect();
        let events = events?;
        self.last_read.set(LoadStats {
            records: sessions.len() + sets.len() + checkins.len() + events.len(),
            since,
        });
        let set_aside = self.kv.all(StoreName::Quarantine).await?;
        let set_aside_mark = set_aside.iter().fold(0xcbf2_9ce4_8422_2325, |h, (k, _)| {
            // FNV-1a over the keys, in key order.
            k.bytes()
                .chain([0])
                .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
        });
        Ok(Records {
            since,
            sessions,
            sets,
            checkins,
            events,
            first_stored,
            quarantined: set_aside.len(),
            set_aside_mark,
        })
    }

    /// The day of the first session or check-in stored, when only some are read: their
    /// keys start with the day.
    async fn first_day(&self, wanted: bool) -> Result<Option<NaiveDate>, StoreError> {
        if !wanted {
            return Ok(None);
        }
        let day = |k: Option<String>| k.and_then(|k| k.get(..10)?.parse::<NaiveDate>().ok());
        let (s, c) = futures::join!(
            self.kv.first_key(StoreName::Sessions),
            self.kv.first_key(StoreName::CheckIns)
        );
        Ok(day(s?).into_iter().chain(day(c?)).min())
    }

    /// Deletes everything this app has stored on the device.
    pub async fn delete_all(&self) -> Result<(), StoreError> {
        self.kv.clear_all().await
    }
}

/// The entries of a start from a checkpoint, if every one belongs to a session read and
/// is under this schema's key (nothing to set aside).
fn recent_sets(
    sessions: &[StoredSession],
    sets: Vec<(String, StoredEntry)>,
) -> Option<Vec<StoredEntry>> {
    let mut ids: Vec<&str> = sessions.iter().map(|s| s.id.as_str()).collect();
    order::sort(&mut ids);
    sets.into_iter()
        .map(|(k, e)| {
            (k == entry_key(&e) && ids.binary_search(&e.session.as_str()).is_ok()).then_some(e)
        })
        .collect()
}

/// Whether a record (already at this build's schema) is one the app would load, by the
/// same rules a load uses; backups are checked with it before anything is written.
pub fn readable(store: StoreName, key: &str, current: &str) -> Result<(), String> {
    fn check<T: FromJson + Check>(key: &str, raw: &str) -> Result<(), String> {
        decode::<T>(raw).and_then(|v| v.problem(key).map_or(Ok(()), Err))
    }
    if let Some(why) = too_big(current) {
        return Err(why);
    }
    match store {
        StoreName::Sessions => check::<StoredSession>(key, current),
        StoreName::Sets => check::<StoredEntry>(key, current),
        StoreName::CheckIns => check::<CheckIn>(key, current),
        StoreName::Events => check::<Event>(key, current),
        StoreName::Singletons => match key {
            PROFILE_KEY => decode::<Profile>(current).map(drop),
            SAFETY_KEY => decode::<Safety>(current).map(drop),
            META_KEY => decode::<Meta>(current).map(drop),
            k if k.starts_with(SHARED_PREFIX) => decode::<SavedPlan>(current).map(drop),
            _ => Ok(()),
        },
        StoreName::Quarantine => Ok(()),
    }
}

fn too_big(raw: &str) -> Option<String> {
    (raw.len() > MAX_RECORD_BYTES).then(|| format!("{} bytes, too large to be a record", raw.len()))
}

/// How every record this build writes begins: its version first.
fn current_prefix() -> String {
    format!("{{\"v\":{SCHEMA_VERSION},")
}

/// A record stored as this build stores it.
pub fn decode<T: FromJson>(raw: &str) -> Result<T, String> {
    from_text::<Envelope<T>>(raw).map(|e| e.d)
}

fn decode_current<T: FromJson>(raw: &str) -> Result<T, String> {
    let migrated = migrate_to_current(StoreName::Singletons, raw).map_err(|e| e.to_string())?;
    decode(migrated.as_deref().unwrap_or(raw))
}
