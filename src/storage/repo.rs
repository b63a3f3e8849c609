//! The typed repository over any `KvStore`: what the app saves and loads. Writing a set
//! touches that one record; loading migrates old records and sets unreadable ones aside.

use super::json::{from_text, FromJson, ToJson};
use super::kv::{KvStore, StoreError, StoreName};
use super::migrations::migrate_to_current;
use super::records::*;
use crate::domain::checkin::CheckIn;
use crate::domain::history::{History, Response24h};
use crate::domain::next_time::{what_changes_next_with, NextChange};
use crate::domain::order;
use crate::domain::planner::{plan_as_if, plan_with, Checkpoint, Plan, PlanCache, Safety};
use crate::domain::profile::Profile;
use crate::domain::psfs::PsfsRating;
use crate::domain::safety::Gate;
use crate::domain::schedule::week_index;
use chrono::{Days, NaiveDate};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Mutex;

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
/// A stored checkpoint is renewed when it is this many weeks older than it could be.
const CHECKPOINT_RENEW_WEEKS: u32 = 4;

/// How much a load read: records (sessions, entries, check-ins, events) and, when it
/// started from a checkpoint, the day it read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadStats {
    pub records: usize,
    pub since: Option<NaiveDate>,
}

/// What a start from a checkpoint holds: records dated from `since` on.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    pub since: NaiveDate,
    checkpoint: Checkpoint,
    /// The day of the first session or check-in on the device, read or not.
    first_stored: Option<NaiveDate>,
}

/// Everything the app reads at start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub profile: Option<Profile>,
    pub safety: Safety,
    pub meta: Meta,
    pub history: History,
    pub sessions: Vec<StoredSession>,
    /// Every session's entries: sets, pain reports, decisions.
    pub sets: Vec<StoredEntry>,
    pub psfs: Vec<PsfsRating>,
    /// Plans shared with this user and saved, oldest first, with their keys.
    pub shared: Vec<(String, SavedPlan)>,
    /// Records set aside this time and before.
    pub quarantined: usize,
    /// Changes whenever the set-aside records do (a hash of their keys), so the user is
    /// told once about each new one.
    pub set_aside_mark: u64,
    /// Positions in `sets` of each session's sets, so a session's view does not scan years.
    by_session: BTreeMap<String, Vec<usize>>,
    /// The planner's weeks kept for this history, told of every change made here.
    replan: Replan,
    /// Set when only recent records were read, from a stored checkpoint.
    pub partial: Option<Partial>,
    /// A change reached before the checkpoint this was read from: read everything again.
    pub stale: bool,
    /// The week of the checkpoint on the device, if any.
    stored_checkpoint: Option<NaiveDate>,
    /// The keys of the events held (each unique: day and moment saved).
    event_keys: std::collections::BTreeSet<String>,
}

impl PartialEq for Checkpoint {
    fn eq(&self, other: &Self) -> bool {
        self.week_start() == other.week_start() && self.floor() == other.floor()
    }
}

/// A `PlanCache` shared by every reader of what is loaded. It is not data: two loads are
/// equal whatever each has worked out so far.
#[derive(Debug, Default)]
struct Replan(Mutex<PlanCache>);

impl Replan {
    fn with<R>(&self, f: impl FnOnce(&mut PlanCache) -> R) -> R {
        // Nothing panics while it is held; a poisoned lock still holds a valid cache.
        f(&mut self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl Clone for Replan {
    fn clone(&self) -> Self {
        Replan(Mutex::new(self.with(|c| c.clone())))
    }
}

impl PartialEq for Replan {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A write, as what is held applies it: the same in the tab that made it and, sent as a
/// message, in every other tab (`Applied::message`).
#[derive(Debug, Clone, PartialEq)]
pub enum Applied {
    Entry(StoredEntry),
    Session(StoredSession),
    CheckIn(CheckIn),
    Event(Event, i64),
}

impl Applied {
    /// The write as text for another tab: a tag and the record as it is stored.
    pub fn message(&self) -> String {
        match self {
            Applied::Entry(e) => format!("entry|{}", envelope(e)),
            Applied::Session(s) => format!("session|{}", envelope(s)),
            Applied::CheckIn(c) => format!("checkin|{}", envelope(c)),
            Applied::Event(e, stamp) => format!("event|{stamp}|{}", envelope(e)),
        }
    }

    /// A message another tab sent, or `None` for anything this build cannot apply as it
    /// is (another version's, or a "read everything again").
    pub fn from_message(m: &str) -> Option<Applied> {
        let (tag, rest) = m.split_once('|')?;
        match tag {
            "entry" => decode(rest).ok().map(Applied::Entry),
            "session" => decode(rest).ok().map(Applied::Session),
            "checkin" => decode(rest).ok().map(Applied::CheckIn),
            "event" => {
                let (stamp, record) = rest.split_once('|')?;
                Some(Applied::Event(decode(record).ok()?, stamp.parse().ok()?))
            }
            _ => None,
        }
    }
}

impl Loaded {
    /// Applies a write made in this tab.
    pub fn apply(&mut self, a: Applied) {
        match a {
            Applied::Entry(e) => self.add_entry(e),
            Applied::Session(s) => self.put_session(s),
            Applied::CheckIn(c) => self.put_checkin(c),
            Applied::Event(e, stamp) => self.put_event(e, stamp),
        }
    }

    /// Applies a write another tab made. Its message may arrive after this tab read the
    /// store again and already holds it: an entry or event held already is not added twice.
    pub fn apply_remote(&mut self, a: Applied) {
        let held = match &a {
            Applied::Entry(e) => self.sets_of(&e.session).contains(&e),
            Applied::Event(e, stamp) => self.event_keys.contains(&event_key(e, *stamp)),
            // Sessions and check-ins replace what is held under their key.
            Applied::Session(_) | Applied::CheckIn(_) => false,
        };
        if !held {
            self.apply(a);
        }
    }

    /// The plan for `today`, or `None` before onboarding. Replays only the weeks a change
    /// since the last plan reached; the same as `planner::plan` on what is loaded.
    pub fn plan(&self, today: NaiveDate) -> Option<Result<Plan, Gate>> {
        let profile = self.profile.as_ref()?;
        Some(self.cached(|c| plan_with(c, profile, &self.safety, &self.history, today)))
    }

    /// The red-flag gate for `today` (rules §1), without planning: `None` before
    /// onboarding.
    pub fn gate(&self, today: NaiveDate) -> Option<Gate> {
        self.profile.as_ref()?;
        Some(self.safety.gate(&self.history, today))
    }

    /// Holding only recent records, the cache must never replay from week 0: it starts
    /// again from the checkpoint they were read for.
    fn cached<R>(&self, f: impl FnOnce(&mut PlanCache) -> R) -> R {
        self.replan.with(|c| {
            if let Some(p) = &self.partial {
                if c.weeks_kept() == 0 {
                    *c = PlanCache::from_checkpoint(p.checkpoint.clone());
                }
            }
            f(c)
        })
    }

    /// The flare periods, by day: from every check-in when all are held; from a
    /// checkpoint, the flares over before it and those since, as the planner counts them.
    pub fn flare_periods(&self) -> Vec<(NaiveDate, Option<NaiveDate>)> {
        let h = &self.history;
        match &self.partial {
            None => crate::domain::flare::flare_periods(&h.flares, &h.checkins),
            Some(p) => p
                .checkpoint
                .flare_spans(h)
                .iter()
                .map(|s| (s.start.0, s.end.map(|e| e.0)))
                .collect(),
        }
    }

    /// Whether every record is held (not only those since a checkpoint).
    pub fn is_whole(&self) -> bool {
        self.partial.is_none()
    }

    /// Whether every record dated `day` or later is held.
    pub fn holds_from(&self, day: NaiveDate) -> bool {
        self.partial.as_ref().is_none_or(|p| p.since <= day)
    }

    /// The day of the first session or check-in ever logged, held or not.
    pub fn first_logged(&self) -> Option<NaiveDate> {
        let h = &self.history;
        let held = h.sessions.iter().map(|s| s.day);
        let held = held.chain(h.checkins.iter().map(|c| c.day)).min();
        let stored = self.partial.as_ref().and_then(|p| p.first_stored);
        held.into_iter().chain(stored).min()
    }

    /// A checkpoint worth storing now, if the stored one is missing or more than a few
    /// weeks older than it could be.
    pub fn checkpoint_due(&self, today: NaiveDate) -> Option<Checkpoint> {
        let profile = self.profile.as_ref()?;
        let day = today.checked_sub_days(Days::new(CHECKPOINT_AGE_DAYS))?;
        if day < profile.start || self.stale {
            return None;
        }
        let week = week_index(profile.start, day);
        let stored = self
            .stored_checkpoint
            .map(|d| week_index(profile.start, d.max(profile.start)));
        if stored.is_some_and(|w| w + CHECKPOINT_RENEW_WEEKS > week) {
            return None;
        }
        self.plan(today)?.ok()?;
        self.replan.with(|c| c.checkpoint(&self.history, week))
    }

    /// Notes the checkpoint just stored.
    pub fn checkpoint_stored(&mut self, c: &Checkpoint) {
        self.stored_checkpoint = Some(c.week_start());
    }

    /// The plan for `day` as it would be with `edit` made to the history (dated `from` or
    /// later): a change previewed before it is saved.
    pub fn plan_as_if(
        &self,
        from: NaiveDate,
        edit: impl FnOnce(&mut History),
        day: NaiveDate,
    ) -> Option<Result<Plan, Gate>> {
        let profile = self.profile.as_ref()?;
        Some(self.cached(|c| plan_as_if(c, profile, &self.safety, &self.history, from, edit, day)))
    }

    /// What changes next week if the rest of this one goes as planned (the session-end
    /// preview), from the weeks the plan keeps.
    pub fn what_changes_next(&self, today: NaiveDate) -> Vec<NextChange> {
        let Some(profile) = self.profile.as_ref() else {
            return Vec::new();
        };
        self.cached(|c| what_changes_next_with(c, profile, &self.safety, &self.history, today))
    }

    fn changed_from(&mut self, day: NaiveDate) {
        if self
            .partial
            .as_ref()
            .is_some_and(|p| day < p.checkpoint.week_start())
        {
            self.stale = true;
        }
        if self.stored_checkpoint.is_some_and(|w| day < w) {
            self.stored_checkpoint = None;
        }
        self.replan.with(|c| c.forget_from(day));
    }

    /// Adds an entry just saved, without reading the store again: the cost of showing it
    /// stays flat however long the history is.
    pub fn add_entry(&mut self, s: StoredEntry) {
        // An entry is dated with its session's day.
        self.changed_from(s.day);
        if let Some(i) = self.sessions.iter().position(|x| x.id == s.session) {
            if let Some(log) = self.history.sessions.get_mut(i) {
                log.entries.push(crate::domain::history::Logged {
                    at_ms: s.logged_ms,
                    entry: (&s.entry).into(),
                });
            }
        }
        self.by_session
            .entry(s.session.clone())
            .or_default()
            .push(self.sets.len());
        self.sets.push(s);
    }

    /// A session just saved (started, finished, answered the next day), shown as a
    /// fresh load would show it, without reading the store again.
    pub fn put_session(&mut self, s: StoredSession) {
        let mut mine = self.sets_of(&s.id);
        order::sort_by_key(&mut mine, |x| (x.index, x.logged_ms, x.nonce));
        let log = session_log(&s, &mine);
        match self.sessions.iter().position(|x| x.id == s.id) {
            Some(i) => {
                self.changed_from(self.history.sessions[i].day.min(log.day));
                self.sessions[i] = s;
                self.history.sessions[i] = log;
            }
            None => {
                let key = session_key(&s);
                let i = self.sessions.partition_point(|x| session_key(x) < key);
                self.changed_from(log.day);
                self.sessions.insert(i, s);
                self.history.sessions.insert(i, log);
            }
        }
    }

    /// A check-in just saved (one per day: a second one replaces the first).
    pub fn put_checkin(&mut self, c: CheckIn) {
        self.changed_from(c.day);
        let list = &mut self.history.checkins;
        match list.binary_search_by_key(&c.day, |x| x.day) {
            Ok(i) => list[i] = c,
            Err(i) => list.insert(i, c),
        }
    }

    /// An event just saved at `stamp_ms`, where a load would put it.
    pub fn put_event(&mut self, e: Event, stamp_ms: i64) {
        self.event_keys.insert(event_key(&e, stamp_ms));
        match &e {
            Event::Flare(f) => self.changed_from(f.day()),
            Event::Swap(s) => self.changed_from(s.day),
            Event::Resume(r) => self.changed_from(r.day),
            Event::Setup(c) => self.changed_from(c.day),
            // Function scores are not read by the planner.
            Event::Psfs(_) => {}
        }
        match e {
            Event::Flare(f) => {
                let h = &mut self.history;
                let key = (f.day(), stamp_ms);
                let i = (0..h.flares.len())
                    .find(|&i| (h.flares[i].day(), h.flare_times[i]) > key)
                    .unwrap_or(h.flares.len());
                h.flares.insert(i, f);
                h.flare_times.insert(i, stamp_ms);
            }
            // Keys are `day|stamp`: a new event goes after those of its day and before
            // later days (a swap may be dated ahead).
            Event::Swap(s) => insert_by_day(&mut self.history.swaps, s, |x| x.day),
            Event::Psfs(p) => insert_by_day(&mut self.psfs, p, |x| x.day),
            Event::Resume(r) => insert_by_day(&mut self.history.resumes, r, |x| x.day),
            Event::Setup(c) => insert_by_day(&mut self.history.setups, c, |x| x.day),
        }
    }

    /// The session that was started and not finished, if any: to resume after a crash.
    pub fn open_session(&self) -> Option<&StoredSession> {
        self.sessions
            .iter()
            .filter(|s| !s.finished)
            .max_by_key(|s| s.started_ms)
    }

    pub fn sets_of(&self, session: &str) -> Vec<&StoredEntry> {
        self.by_session
            .get(session)
            .map_or_else(Vec::new, |ix| ix.iter().map(|i| &self.sets[*i]).collect())
    }
}

fn insert_by_day<T>(list: &mut Vec<T>, item: T, day: fn(&T) -> chrono::NaiveDate) {
    let d = day(&item);
    let i = list.partition_point(|x| day(x) <= d);
    list.insert(i, item);
}

fn envelope<T: ToJson>(d: &T) -> String {
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
            .put(StoreName::Singletons, CHECKPOINT_KEY, &c.to_text(), false)
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

    /// Loads everything and assembles the domain's history.
    pub async fn load(&self) -> Result<Loaded, StoreError> {
        self.load_from(None).await
    }

    /// Loads what a start needs on `today`: with a stored checkpoint that fits, only the
    /// records since it (and from 59 days back, for the monthly look back);
    /// without one, everything.
    pub async fn load_recent(&self, today: NaiveDate) -> Result<Loaded, StoreError> {
        self.load_from(Some((today, NaiveDate::MAX))).await
    }

    /// `load_recent`, holding also every record dated `reach` or later (the range a
    /// screen shows).
    pub async fn load_recent_from(
        &self,
        today: NaiveDate,
        reach: NaiveDate,
    ) -> Result<Loaded, StoreError> {
        self.load_from(Some((today, reach))).await
    }

    async fn load_from(
        &self,
        recent: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let mut checkpoint = None;
        for (key, raw) in self.kv.all(StoreName::Singletons).await? {
            if let Some(why) = too_big(&raw) {
                self.quarantine(StoreName::Singletons, &key, &raw, &why)
                    .await?;
                continue;
            }
            let ok = match key.as_str() {
                PROFILE_KEY => decode_current(&raw).map(|p| loaded.profile = Some(p)),
                SAFETY_KEY => decode_current(&raw).map(|s| loaded.safety = s),
                META_KEY => decode_current(&raw).map(|m| loaded.meta = m),
                k if k.starts_with(SHARED_PREFIX) => {
                    decode_current(&raw).map(|p| loaded.shared.push((key.clone(), p)))
                }
                CHECKPOINT_KEY => {
                    // Worked out from the rest: one this build cannot read is only not used.
                    checkpoint = Checkpoint::from_text(&raw);
                    Ok(())
                }
                _ => Ok(()),
            };
            if let Err(why) = ok {
                self.quarantine(StoreName::Singletons, &key, &raw, &why)
                    .await?;
            }
        }
        let checkpoint = checkpoint.filter(|c| loaded.profile.as_ref().is_some_and(|p| c.fits(p)));
        loaded.stored_checkpoint = checkpoint.as_ref().map(Checkpoint::week_start);
        let mut partial = match (recent, checkpoint) {
            (Some((today, reach)), Some(c)) if c.week_start() <= today => Some(Partial {
                since: c.floor().min(look_back(today)).min(reach),
                checkpoint: c,
                first_stored: None,
            }),
            _ => None,
        };
        let since = partial.as_ref().map(|p| p.since);
        // The stores at once: each read is a round trip to IndexedDB's process.
        let (sessions, sets, checkins, events, first) = futures::join!(
            self.read_since::<StoredSession>(StoreName::Sessions, since),
            self.read_since::<StoredEntry>(StoreName::Sets, since),
            self.read_since::<CheckIn>(StoreName::CheckIns, since),
            self.read::<Event>(StoreName::Events),
            self.first_day(since.is_some()),
        );
        if let Some(p) = &mut partial {
            p.first_stored = first?;
        }
        let sessions: Vec<StoredSession> = sessions?.into_iter().map(|(_, v)| v).collect();
        let sets = match partial {
            Some(_) => match recent_sets(&sessions, sets?) {
                Some(sets) => sets,
                // Strays or second copies to set aside: that is a whole load's work.
                None => return Box::pin(self.load_from(None)).await,
            },
            None => self.set_aside_strays(&sessions, sets?).await?,
        };
        let checkins: Vec<CheckIn> = checkins?.into_iter().map(|(_, v)| v).collect();
        let events = events?;
        self.last_read.set(LoadStats {
            records: sessions.len() + sets.len() + checkins.len() + events.len(),
            since,
        });

        let mut by_session: BTreeMap<&str, Vec<&StoredEntry>> = BTreeMap::new();
        for s in &sets {
            by_session.entry(s.session.as_str()).or_default().push(s);
        }
        loaded.history.sessions = sessions
            .iter()
            .map(|s| {
                let mut mine = by_session.remove(s.id.as_str()).unwrap_or_default();
                order::sort_by_key(&mut mine, |x| (x.index, x.logged_ms, x.nonce));
                session_log(s, &mine)
            })
            .collect();
        loaded.history.checkins = checkins;
        for (key, e) in events {
            loaded.event_keys.insert(key.clone());
            match e {
                Event::Flare(f) => {
                    loaded.history.flares.push(f);
                    loaded.history.flare_times.push(stamp_of(&key));
                }
                Event::Swap(s) => loaded.history.swaps.push(s),
                Event::Psfs(p) => loaded.psfs.push(p),
                Event::Resume(r) => loaded.history.resumes.push(r),
                Event::Setup(c) => loaded.history.setups.push(c),
            }
        }
        loaded.sessions = sessions;
        for (i, s) in sets.iter().enumerate() {
            loaded
                .by_session
                .entry(s.session.clone())
                .or_default()
                .push(i);
        }
        loaded.sets = sets;
        let set_aside = self.kv.all(StoreName::Quarantine).await?;
        loaded.quarantined = set_aside.len();
        if let Some(p) = &partial {
            loaded.replan = Replan(Mutex::new(PlanCache::from_checkpoint(p.checkpoint.clone())));
        }
        loaded.partial = partial;
        loaded.set_aside_mark = set_aside.iter().fold(0xcbf2_9ce4_8422_2325, |h, (k, _)| {
            // FNV-1a over the keys, in key order.
            k.bytes()
                .chain([0])
                .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
        });
        Ok(loaded)
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

/// The first day Today looks back to: the monthly check-in sets the last 30 days beside
/// the 30 before.
fn look_back(today: NaiveDate) -> NaiveDate {
    today.checked_sub_days(Days::new(59)).unwrap_or(today)
}

/// The moment an event was saved, from its key (`day|stamp`); 0 when the key has none.
fn stamp_of(key: &str) -> i64 {
    key.rsplit('|')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
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

fn decode<T: FromJson>(raw: &str) -> Result<T, String> {
    from_text::<Envelope<T>>(raw).map(|e| e.d)
}

fn decode_current<T: FromJson>(raw: &str) -> Result<T, String> {
    let migrated = migrate_to_current(StoreName::Singletons, raw).map_err(|e| e.to_string())?;
    decode(migrated.as_deref().unwrap_or(raw))
}
