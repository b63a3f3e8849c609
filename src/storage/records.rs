//! What is stored, and under which key. Every value is an envelope `{"v": schema, "d": data}`
//! so a record written by any version can be recognised and migrated.

use crate::domain::history::{CheckIn, FlareEvent, ManualSwap, Response24h, SetLog};
use crate::domain::psfs::PsfsRating;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub v: u32,
    pub d: T,
}

/// A strength session as started. `id` is unique; `day` is the local date it began on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSession {
    pub id: String,
    pub day: NaiveDate,
    pub slot: u8,
    /// Milliseconds since the epoch when it started (for the rest timer and resuming).
    pub started_ms: i64,
    pub finished: bool,
    pub response: Option<Response24h>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredSet {
    pub session: String,
    pub day: NaiveDate,
    /// Position of the set in the session, 0-based.
    pub index: u16,
    pub set: SetLog,
    pub logged_ms: i64,
    /// Random per set: two tabs logging in the same millisecond still get two keys.
    #[serde(default)]
    pub nonce: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Flare(FlareEvent),
    Swap(ManualSwap),
    Psfs(PsfsRating),
}

impl Event {
    pub fn day(&self) -> NaiveDate {
        match self {
            Event::Flare(f) => f.day(),
            Event::Swap(s) => s.day,
            Event::Psfs(p) => p.day,
        }
    }
}

pub fn session_key(s: &StoredSession) -> String {
    format!("{}|{}", s.day, s.id)
}

/// Sets sort by day, then session, then position. Time and nonce make the key unique even
/// when two tabs pick the same position at once: neither overwrites the other.
pub fn set_key(s: &StoredSet) -> String {
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

/// The first key of `day` and the first key after it, for range reads.
pub fn day_bounds(from: NaiveDate, to_inclusive: NaiveDate) -> (String, String) {
    // '|' sorts after every digit and '-', '}' after '|': "day}" is past all of that day's keys.
    (from.to_string(), format!("{to_inclusive}}}"))
}

/// A plan someone shared, kept as its link code so it is checked again each time it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    let record = serde_json::json!({ "store": store, "key": key, "raw": raw, "why": why });
    (format!("{store}/{key}"), record.to_string())
}

pub const PROFILE_KEY: &str = "profile";
pub const SAFETY_KEY: &str = "safety";
pub const META_KEY: &str = "meta";

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
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
