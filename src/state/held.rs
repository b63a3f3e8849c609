//! What the app holds between reads: the records of this start, the history built from
//! them, and the planner's weeks kept for it. Every write is applied here as the store
//! has it, in this tab and (as a message) in the others; a re-plan replays only the weeks
//! a change reached.

use crate::domain::checkin::CheckIn;
use crate::domain::history::History;
use crate::domain::next_time::{what_changes_next_with, NextChange};
use crate::domain::order;
use crate::domain::planner::{plan_as_if, plan_with, Checkpoint, Plan, PlanCache, Safety};
use crate::domain::profile::Profile;
use crate::domain::psfs::PsfsRating;
use crate::domain::safety::Gate;
use crate::domain::schedule::week_index;
use crate::storage::records::*;
use crate::storage::repo::{decode, envelope, CHECKPOINT_AGE_DAYS};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// A stored checkpoint is renewed when it is this many weeks older than it could be.
const CHECKPOINT_RENEW_WEEKS: u32 = 4;

/// What a start from a checkpoint holds: records dated from `since` on.
#[derive(Debug, Clone)]
pub struct Partial {
    pub since: NaiveDate,
    pub(super) checkpoint: Checkpoint,
    /// The day of the first session or check-in on the device, read or not.
    pub(super) first_stored: Option<NaiveDate>,
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
    pub(super) by_session: BTreeMap<String, Vec<usize>>,
    /// The planner's weeks kept for this history, told of every change made here.
    pub(super) replan: Replan,
    /// Set when only recent records were read, from a stored checkpoint.
    pub partial: Option<Partial>,
    /// A change reached before the checkpoint this was read from: read everything again.
    pub stale: bool,
    /// The week of the checkpoint on the device, if any.
    pub(super) stored_checkpoint: Option<NaiveDate>,
    /// The keys of the events held (each unique: day and moment saved).
    pub(super) event_keys: std::collections::BTreeSet<String>,
}

/// Two partial loads are the same when read from the same day of the same checkpoint
/// (the checkpoint's week and floor say which it is).
impl PartialEq for Partial {
    fn eq(&self, other: &Self) -> bool {
        self.since == other.since
            && self.first_stored == other.first_stored
            && self.checkpoint.week_start() == other.checkpoint.week_start()
            && self.checkpoint.floor() == other.checkpoint.floor()
    }
}

/// A `PlanCache` shared by every reader of what is loaded. It is not data: two loads are
/// equal whatever each has worked out so far.
#[derive(Debug, Default)]
pub(super) struct Replan(pub(super) Mutex<PlanCache>);

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
