//! Small preferences in localStorage (gloo-storage). Never health data: that belongs in
//! IndexedDB, where it is safe from the browser's smaller localStorage quota.

use super::json::{from_text, FromJson, ToJson};
use crate::domain::lessons::{LessonsRead, Reading};
use crate::domain::units::Units;
use chrono::{Datelike, NaiveDate};
use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "backstrong.prefs.v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub units: Units,
    /// A short beep when a rest or a timer ends, where the device allows sound.
    pub sound: bool,
    /// Spoken cues in the workout (the phone's own voice); off until turned on.
    pub spoken: bool,
    /// Which set-aside records the user has been told about (`Loaded::set_aside_mark`):
    /// the notice shows once for each new one, not at every start.
    pub set_aside_seen: u64,
    /// Lessons read, one bit each (`LessonsRead`), and the days (from the common era,
    /// kept as numbers: no date parser on the first screen) when the last one was read
    /// or put off: what Today offers next depends on them.
    pub lessons_read: u16,
    pub lesson_read_day: Option<i32>,
    pub lesson_later_day: Option<i32>,
}

impl Prefs {
    pub fn reading(&self) -> Reading {
        Reading {
            read: LessonsRead(self.lessons_read),
            last_read: self
                .lesson_read_day
                .and_then(NaiveDate::from_num_days_from_ce_opt),
            later: self
                .lesson_later_day
                .and_then(NaiveDate::from_num_days_from_ce_opt),
        }
    }

    pub fn set_reading(&mut self, r: Reading) {
        self.lessons_read = r.read.0;
        self.lesson_read_day = r.last_read.map(|d| d.num_days_from_ce());
        self.lesson_later_day = r.later.map(|d| d.num_days_from_ce());
    }
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            units: Units::default(),
            sound: true,
            spoken: false,
            set_aside_seen: 0,
            lessons_read: 0,
            lesson_read_day: None,
            lesson_later_day: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefsError {
    /// localStorage is missing or full; the preference lasts only until the tab closes.
    NotSaved(String),
}

impl std::fmt::Display for PrefsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrefsError::NotSaved(why) => write!(
                f,
                "Your preference could not be saved on this device ({why})."
            ),
        }
    }
}

/// The value kept under `key` in localStorage; missing or unreadable reads as the default.
pub(super) fn read_local<T: FromJson + Default>(key: &str) -> T {
    LocalStorage::raw()
        .get_item(key)
        .ok()
        .flatten()
        .and_then(|text| from_text(&text).ok())
        .unwrap_or_default()
}

/// Reads preferences; anything missing or unreadable falls back to the defaults.
pub fn load() -> Prefs {
    read_local(KEY)
}

pub fn save(p: Prefs) -> Result<(), PrefsError> {
    LocalStorage::raw()
        .set_item(KEY, &p.to_json().to_text())
        .map_err(|e| {
            use wasm_bindgen::JsCast;
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "the browser refused it".into());
            PrefsError::NotSaved(why)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::json::from_text;

    #[test]
    fn preferences_saved_by_an_older_version_read_with_defaults_for_what_it_lacked() {
        let p: Prefs = from_text(r#"{"units":"Lb"}"#).unwrap();
        assert_eq!(
            p,
            Prefs {
                units: Units::Lb,
                ..Prefs::default()
            }
        );
        assert!(p.sound, "sound was on before it could be turned off");
        assert!(!p.spoken, "spoken cues are off until turned on");
    }

    #[test]
    fn preferences_read_back_as_saved_in_the_shape_serde_wrote() {
        let p = Prefs {
            units: Units::Lb,
            sound: false,
            spoken: true,
            set_aside_seen: u64::MAX,
            lessons_read: 0b101,
            lesson_read_day: Some(739_000),
            lesson_later_day: None,
        };
        let text = p.to_json().to_text();
        assert_eq!(
            text,
            r#"{"units":"Lb","sound":false,"spoken":true,"set_aside_seen":18446744073709551615,"lessons_read":5,"lesson_read_day":739000,"lesson_later_day":null}"#
        );
        assert_eq!(from_text::<Prefs>(&text), Ok(p));
        assert!(from_text::<Prefs>(r#"{"units":"Stone"}"#).is_err());
    }
}
