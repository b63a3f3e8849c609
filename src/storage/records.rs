//! What is stored, and under which key. Every value is an envelope `{"v": schema, "d": data}`
//! so a record written by any version can be recognised and migrated.

use super::json::Json;
use super::kv::StoreName;
use crate::domain::checkin::{CheckIn, FlareEvent};
use crate::domain::equipment::Equipment;
use crate::domain::history::{
    Entry, Logged, ManualSwap, Response24h, Resume, SessionLog, SetLog, SetupChange,
};
use crate::domain::library::{exercise, Measure};
use crate::domain::pain::{Modification, Pain};
use crate::domain::prescription::SetTarget;
use crate::domain::progression::Change;
use crate::domain::psfs::PsfsRating;
use crate::domain::reason::Reason;
use crate::domain::served::{Origin, ServedItem};
use chrono::NaiveDate;
use std::borrow::Cow;

/// The schema version this build writes. 2: a session's sets, pain reports and decisions
/// are entries, and a session keeps what it served. 3: a barbell is its bar and the plates
/// owned.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope<T> {
    pub v: u32,
    pub d: T,
}

/// A strength session as started. `id` is unique; `day` is the local date it began on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSession {
    pub id: String,
    pub day: NaiveDate,
    pub slot: u8,
    /// Milliseconds since the epoch when it started (for the rest timer and resuming).
    pub started_ms: i64,
    pub finished: bool,
    pub response: Option<Response24h>,
    /// When it was finished (schema 2; older sessions end with their last entry).
    pub finished_ms: Option<i64>,
    /// What it served when it started (schema 2; empty for older sessions).
    pub served: Vec<ServedRecord>,
}

/// One thing logged in a session: a set, a pain report, a decision on a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub session: String,
    pub day: NaiveDate,
    /// Position in the session, 0-based.
    pub index: u16,
    pub entry: EntryRecord,
    pub logged_ms: i64,
    /// Random per entry: two tabs logging in the same millisecond still get two keys.
    pub nonce: u32,
}

impl StoredEntry {
    /// The set it holds, if it is one.
    pub fn set(&self) -> Option<&SetLog> {
        match &self.entry {
            EntryRecord::Set(s) => Some(s),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryRecord {
    Set(SetLog),
    Pain { exercise: String, pain: Pain },
    Accept { exercise: String, change: ModRecord },
    Decline { exercise: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModRecord {
    LessLoad { from: u32, to: u32 },
    ShorterHold { from: u16, to: u16 },
    ShorterRange { how: String },
    SlowerTempo { tempo: String },
}

impl From<&Modification> for ModRecord {
    fn from(m: &Modification) -> Self {
        match m {
            Modification::LessLoad { from, to } => ModRecord::LessLoad {
                from: from.0,
                to: to.0,
            },
            Modification::ShorterHold { from, to } => ModRecord::ShorterHold {
                from: *from,
                to: *to,
            },
            Modification::ShorterRange { how } => ModRecord::ShorterRange { how: how.clone() },
            Modification::SlowerTempo { tempo } => ModRecord::SlowerTempo {
                tempo: tempo.clone(),
            },
        }
    }
}

impl From<&ModRecord> for Modification {
    fn from(m: &ModRecord) -> Self {
        use crate::domain::units::Grams;
        match m {
            ModRecord::LessLoad { from, to } => Modification::LessLoad {
                from: Grams(*from),
                to: Grams(*to),
            },
            ModRecord::ShorterHold { from, to } => Modification::ShorterHold {
                from: *from,
                to: *to,
            },
            ModRecord::ShorterRange { how } => Modification::ShorterRange { how: how.clone() },
            ModRecord::SlowerTempo { tempo } => Modification::SlowerTempo {
                tempo: tempo.clone(),
            },
        }
    }
}

impl From<&Entry> for EntryRecord {
    fn from(e: &Entry) -> Self {
        match e {
            Entry::Set(s) => EntryRecord::Set(s.clone()),
            Entry::Pain { exercise, pain } => EntryRecord::Pain {
                exercise: exercise.clone(),
                pain: *pain,
            },
            Entry::Accept { exercise, change } => EntryRecord::Accept {
                exercise: exercise.clone(),
                change: change.into(),
            },
            Entry::Decline { exercise } => EntryRecord::Decline {
                exercise: exercise.clone(),
            },
        }
    }
}

impl From<&EntryRecord> for Entry {
    fn from(e: &EntryRecord) -> Self {
        match e {
            EntryRecord::Set(s) => Entry::Set(s.clone()),
            EntryRecord::Pain { exercise, pain } => Entry::Pain {
                exercise: exercise.clone(),
                pain: *pain,
            },
            EntryRecord::Accept { exercise, change } => Entry::Accept {
                exercise: exercise.clone(),
                change: change.into(),
            },
            EntryRecord::Decline { exercise } => Entry::Decline {
                exercise: exercise.clone(),
            },
        }
    }
}

/// What a session served, as stored: plain values, exercise ids as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedRecord {
    pub key: String,
    pub name: String,
    pub origin: OriginRecord,
    pub measure: Measure,
    pub equipment: Equipment,
    pub targets: Vec<SetTarget>,
    pub tempo: String,
    pub rest_seconds: u16,
    pub reason: Option<ReasonRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginRecord {
    Planned,
    ChosenByYou,
    Physio,
    Own,
}

/// `Reason` with exercise ids as text; an id this build does not know reads back as a
/// plain start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonRecord {
    Start,
    Progressed(Change),
    HeldStillRaised,
    HeldPain(u8),
    HeldIncomplete,
    HeldNotTrained,
    HeldNoResponse,
    HeldAtTop,
    SteppedBack(Change),
    SteppedBackEasier(String),
    HeldSmallest,
    SwappedForPain(String, u8),
    EasiestAlready(u8, Change),
    GoalLift(String),
    LadderUp(String),
    WelcomeBack(Change),
    AfterFlare,
    CappedWeekly,
    ChosenByYou(String),
    BackToPlan(String),
    EquipmentChanged(String),
    EquipmentLoads,
    NewEquipment(Option<String>, Equipment),
}

impl From<&Reason> for ReasonRecord {
    fn from(r: &Reason) -> Self {
        let s = |id: &str| id.to_string();
        match r {
            Reason::Start => ReasonRecord::Start,
            Reason::Progressed(c) => ReasonRecord::Progressed(c.clone()),
            Reason::HeldStillRaised => ReasonRecord::HeldStillRaised,
            Reason::HeldPain(p) => ReasonRecord::HeldPain(*p),
            Reason::HeldIncomplete => ReasonRecord::HeldIncomplete,
            Reason::HeldNotTrained => ReasonRecord::HeldNotTrained,
            Reason::HeldNoResponse => ReasonRecord::HeldNoResponse,
            Reason::HeldAtTop => ReasonRecord::HeldAtTop,
            Reason::HeldSmallest => ReasonRecord::HeldSmallest,
            Reason::SteppedBack(c) => ReasonRecord::SteppedBack(c.clone()),
            Reason::SteppedBackEasier { from } => ReasonRecord::SteppedBackEasier(s(from)),
            Reason::SwappedForPain { from, pain } => ReasonRecord::SwappedForPain(s(from), *pain),
            Reason::EasiestAlready { pain, change } => {
                ReasonRecord::EasiestAlready(*pain, change.clone())
            }
            Reason::GoalLift { from } => ReasonRecord::GoalLift(s(from)),
            Reason::LadderUp { from } => ReasonRecord::LadderUp(s(from)),
            Reason::WelcomeBack(c) => ReasonRecord::WelcomeBack(c.clone()),
            Reason::AfterFlare => ReasonRecord::AfterFlare,
            Reason::CappedWeekly => ReasonRecord::CappedWeekly,
            Reason::ChosenByYou { from } => ReasonRecord::ChosenByYou(s(from)),
            Reason::BackToPlan { from } => ReasonRecord::BackToPlan(s(from)),
            Reason::EquipmentChanged { from } => ReasonRecord::EquipmentChanged(s(from)),
            Reason::EquipmentLoads => ReasonRecord::EquipmentLoads,
            Reason::NewEquipment { from, equipment } => {
                ReasonRecord::NewEquipment(from.map(s), *equipment)
            }
        }
    }
}

impl ReasonRecord {
    pub fn to_reason(&self) -> Reason {
        let id = |s: &str| exercise(s).map(|e| e.id);
        let known = |s: &str, f: &dyn Fn(&'static str) -> Reason| id(s).map_or(Reason::Start, f);
        match self {
            ReasonRecord::Start => Reason::Start,
            ReasonRecord::Progressed(c) => Reason::Progressed(c.clone()),
            ReasonRecord::HeldStillRaised => Reason::HeldStillRaised,
            ReasonRecord::HeldPain(p) => Reason::HeldPain(*p),
            ReasonRecord::HeldIncomplete => Reason::HeldIncomplete,
            ReasonRecord::HeldNotTrained => Reason::HeldNotTrained,
            ReasonRecord::HeldNoResponse => Reason::HeldNoResponse,
            ReasonRecord::HeldAtTop => Reason::HeldAtTop,
            ReasonRecord::HeldSmallest => Reason::HeldSmallest,
            ReasonRecord::SteppedBack(c) => Reason::SteppedBack(c.clone()),
            ReasonRecord::SteppedBackEasier(f) => {
                known(f, &|from| Reason::SteppedBackEasier { from })
            }
            ReasonRecord::SwappedForPain(f, pain) => {
                known(f, &|from| Reason::SwappedForPain { from, pain: *pain })
            }
            ReasonRecord::EasiestAlready(pain, c) => Reason::EasiestAlready {
                pain: *pain,
                change: c.clone(),
            },
            ReasonRecord::GoalLift(f) => known(f, &|from| Reason::GoalLift { from }),
            ReasonRecord::LadderUp(f) => known(f, &|from| Reason::LadderUp { from }),
            ReasonRecord::WelcomeBack(c) => Reason::WelcomeBack(c.clone()),
            ReasonRecord::AfterFlare => Reason::AfterFlare,
            ReasonRecord::CappedWeekly => Reason::CappedWeekly,
            ReasonRecord::ChosenByYou(f) => known(f, &|from| Reason::ChosenByYou { from }),
            ReasonRecord::BackToPlan(f) => known(f, &|from| Reason::BackToPlan { from }),
            ReasonRecord::EquipmentChanged(f) => {
                known(f, &|from| Reason::EquipmentChanged { from })
            }
            ReasonRecord::EquipmentLoads => Reason::EquipmentLoads,
            ReasonRecord::NewEquipment(f, equipment) => Reason::NewEquipment {
                from: f.as_deref().and_then(id),
                equipment: *equipment,
            },
        }
    }
}

impl From<&ServedItem> for ServedRecord {
    fn from(i: &ServedItem) -> Self {
        ServedRecord {
            key: i.key.to_string(),
            name: i.name.to_string(),
            origin: match i.origin {
                Origin::Planned => OriginRecord::Planned,
                Origin::ChosenByYou => OriginRecord::ChosenByYou,
                Origin::Physio => OriginRecord::Physio,
                Origin::Own => OriginRecord::Own,
            },
            measure: i.measure,
            equipment: i.equipment,
            targets: i.targets.clone(),
            tempo: i.tempo.to_string(),
            rest_seconds: i.rest_seconds,
            reason: i.reason.as_ref().map(ReasonRecord::from),
        }
    }
}

impl From<&ServedRecord> for ServedItem {
    fn from(r: &ServedRecord) -> Self {
        let origin = match r.origin {
            OriginRecord::Planned => Origin::Planned,
            OriginRecord::ChosenByYou => Origin::ChosenByYou,
            OriginRecord::Physio => Origin::Physio,
            OriginRecord::Own => Origin::Own,
        };
        let exercise = ServedItem::lookup(origin, &r.key);
        // The library's own text is borrowed from it; anything else is kept as stored.
        let text = |stored: &str, library: Option<&'static str>| match library {
            Some(l) if l == stored => Cow::Borrowed(l),
            _ => Cow::Owned(stored.to_string()),
        };
        ServedItem {
            exercise,
            key: text(&r.key, exercise.map(|e| e.id)),
            name: text(&r.name, exercise.map(|e| e.name)),
            origin,
            measure: r.measure,
            equipment: r.equipment,
            targets: r.targets.clone(),
            tempo: text(&r.tempo, exercise.map(|e| e.tempo)),
            rest_seconds: r.rest_seconds,
            reason: r.reason.as_ref().map(ReasonRecord::to_reason),
        }
    }
}

/// A stored session with its entries (in position order) as the domain reads it.
pub fn session_log(s: &StoredSession, entries: &[&StoredEntry]) -> SessionLog {
    SessionLog {
        day: s.day,
        slot: s.slot,
        started_ms: s.started_ms,
        served: s.served.iter().map(ServedItem::from).collect(),
        entries: entries
            .iter()
            .map(|e| Logged {
                at_ms: e.logged_ms,
                entry: Entry::from(&e.entry),
            })
            .collect(),
        finished: s.finished,
        finished_ms: s.finished_ms,
        response: s.response,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Flare(FlareEvent),
    Swap(ManualSwap),
    Psfs(PsfsRating),
    Resume(Resume),
    Setup(SetupChange),
}

impl Event {
    pub fn day(&self) -> NaiveDate {
        match self {
            Event::Flare(f) => f.day(),
            Event::Swap(s) => s.day,
            Event::Psfs(p) => p.day,
            Event::Resume(r) => r.day,
            Event::Setup(c) => c.day,
        }
    }
}

pub fn session_key(s: &StoredSession) -> String {
    format!("{}|{}", s.day, s.id)
}

/// Entries sort by day, then session, then position. Time and nonce make the key unique
/// even when two tabs pick the same position at once: neither overwrites the other.
pub fn entry_key(s: &StoredEntry) -> String {
    format!(
        "{}|{}|{:04}|{:013}|{:08x}",
        s.day, s.session, s.index, s.logged_ms, s.nonce
    )
}

pub fn checkin_key(c: &CheckIn) -> String {
    c.day.to_string()
}

pub fn event_key(e: &Event, stamp_ms: i64) -> String {
    format!("{}|{stamp_ms:013}", e.day())
}

/// The moment an event was saved, from its key (`day|stamp`); 0 when the key has none.
pub fn event_stamp(key: &str) -> i64 {
    key.rsplit('|')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// The first key of `day` and the first key after it, for range reads.
pub fn day_bounds(from: NaiveDate, to_inclusive: NaiveDate) -> (String, String) {
    // '|' sorts after every digit and '-', '}' after '|': "day}" is past all of that day's keys.
    (from.to_string(), format!("{to_inclusive}}}"))
}

/// A plan someone shared, kept as its link code so it is checked again each time it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPlan {
    pub title: String,
    pub code: String,
    pub saved: NaiveDate,
}

pub const SHARED_PREFIX: &str = "shared|";

pub fn shared_key(stamp_ms: i64) -> String {
    format!("{SHARED_PREFIX}{stamp_ms:013}")
}

/// Where and how an unreadable record is set aside: its key in the quarantine store and
/// a value that keeps the original text, its store and key, and why it was set aside.
pub fn quarantine_entry(store: &str, key: &str, raw: &str, why: &str) -> (String, String) {
    let text = |s: &str| Json::Str(s.to_string().into());
    let record = Json::Obj(vec![
        ("store".into(), text(store)),
        ("key".into(), text(key)),
        ("raw".into(), text(raw)),
        ("why".into(), text(why)),
    ]);
    (format!("{store}/{key}"), record.to_text())
}

/// Records bigger than this are not ours: the largest real one (a session with what it
/// served) is a few kilobytes. Refused before parsing, so a damaged 5 MB value costs no
/// more than a glance.
pub const MAX_RECORD_BYTES: usize = 256 * 1024;
/// Loads above this cannot come from the app (a typed load stops at 1,000 kg or lb); a
/// damaged number would otherwise become the base of every progression after it.
pub const MAX_LOAD_GRAMS: u32 = 1_000_000;
/// Reps or seconds in one set.
const MAX_AMOUNT: u16 = 3_600;
// Bytes: names are at most 60 characters (up to 4 bytes each) behind a short prefix.
const MAX_NAME: usize = 1024;

/// What is wrong with a record that parsed, in words kept with it when it is set aside;
/// `None` when it can be used. `key` is the key it was stored under.
pub trait Check {
    fn problem(&self, key: &str) -> Option<String>;
}

fn day_key(key: &str, day: NaiveDate) -> Option<String> {
    let d = day.to_string();
    (key != d && !key.starts_with(&format!("{d}|")))
        .then(|| format!("its key {key:?} is not of its day {d}"))
}

fn name_problem(what: &str, s: &str) -> Option<String> {
    (s.is_empty() || s.len() > MAX_NAME).then(|| format!("{what} of {} bytes", s.len()))
}

fn set_problem(s: &SetLog) -> Option<String> {
    name_problem("an exercise name", &s.exercise)
        .or_else(|| (s.load.0 > MAX_LOAD_GRAMS).then(|| format!("a load of {} g", s.load.0)))
        .or_else(|| (s.amount > MAX_AMOUNT).then(|| format!("{} reps or seconds", s.amount)))
        .or_else(|| {
            s.rpe
                .filter(|r| !(1..=10).contains(r))
                .map(|r| format!("an effort of {r}"))
        })
}

impl Check for StoredSession {
    fn problem(&self, key: &str) -> Option<String> {
        day_key(key, self.day).or_else(|| name_problem("a session id", &self.id))
    }
}

impl Check for StoredEntry {
    fn problem(&self, key: &str) -> Option<String> {
        day_key(key, self.day)
            .or_else(|| name_problem("a session id", &self.session))
            .or_else(|| match &self.entry {
                EntryRecord::Set(s) => set_problem(s),
                EntryRecord::Pain { exercise, .. }
                | EntryRecord::Accept { exercise, .. }
                | EntryRecord::Decline { exercise } => name_problem("an exercise name", exercise),
            })
    }
}

impl Check for CheckIn {
    fn problem(&self, key: &str) -> Option<String> {
        (key != self.day.to_string())
            .then(|| format!("its key {key:?} is not its day {}", self.day))
            .or_else(|| {
                (self.sleep_hours > 24).then(|| format!("{} hours of sleep", self.sleep_hours))
            })
            .or_else(|| (self.stress > 10).then(|| format!("a stress of {}", self.stress)))
            .or_else(|| {
                (self.walking_minutes > 24 * 60)
                    .then(|| format!("{} minutes of walking", self.walking_minutes))
            })
    }
}

impl Check for Event {
    fn problem(&self, key: &str) -> Option<String> {
        day_key(key, self.day()).or_else(|| match self {
            Event::Swap(s) => name_problem("an exercise name", &s.from)
                .or_else(|| name_problem("an exercise name", &s.to)),
            Event::Resume(r) => name_problem("an exercise name", &r.exercise),
            _ => None,
        })
    }
}

pub const PROFILE_KEY: &str = "profile";
pub const SAFETY_KEY: &str = "safety";
pub const META_KEY: &str = "meta";
/// The planner as a recent week opened (`planner::Checkpoint`), so a start reads only the
/// records since. Stored as the checkpoint's own text (`Checkpoint::to_text`), not in an
/// envelope; worked out from the rest, so never in a backup.
pub const CHECKPOINT_KEY: &str = "checkpoint";

/// Records worked out from the others (the planner's checkpoint): not backed up, not
/// restored, not migrated (a checkpoint this build cannot use is worked out again).
pub fn is_derived(store: StoreName, key: &str) -> bool {
    store == StoreName::Singletons && key == CHECKPOINT_KEY
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// The day of the last exported backup.
    pub last_backup: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_bounds_cover_exactly_the_days_asked() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (from, to) = day_bounds(d("2026-03-02"), d("2026-03-03"));
        let inside = ["2026-03-02", "2026-03-02|s1|0000", "2026-03-03|zzz|9999"];
        let outside = ["2026-03-01|s|0000", "2026-03-04", "2026-03-04|a"];
        for k in inside {
            assert!(k >= from.as_str() && k < to.as_str(), "{k}");
        }
        for k in outside {
            assert!(!(k >= from.as_str() && k < to.as_str()), "{k}");
        }
    }
}
