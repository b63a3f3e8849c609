//! What the user's calendar holds from Backstrong (`domain::calendar::CalendarSent`), and
//! whether the offer to add the training days was put away, in localStorage: both belong
//! to this phone's calendar, not to the training history a backup carries.

use super::json::ToJson;
use crate::domain::calendar::CalendarSent;
use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "backstrong.calendar.v1";

/// The calendar's record on this device.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarPrefs {
    /// The last file made, when there was one.
    pub sent: Option<CalendarSent>,
    /// "Not now" was chosen on the offer Plan shows once.
    pub offer_put_away: bool,
}

/// Reads the record; missing or unreadable reads as nothing sent.
pub fn load() -> CalendarPrefs {
    super::prefs::read_local(KEY)
}

/// Saves the record; `Err` says why the browser refused.
pub fn save(p: &CalendarPrefs) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(KEY, &p.to_json().to_text())
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "storage is full or blocked".into())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{next_calendar, CalendarChoice};
    use crate::storage::json::from_text;
    use chrono::{NaiveDate, Weekday};

    #[test]
    fn the_calendar_record_reads_back_as_written() {
        let choice = CalendarChoice {
            time: 1080,
            minutes: 45,
            alarm: true,
            walk: Some((750, 20)),
        };
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let sent = next_calendar(None, &[Weekday::Mon, Weekday::Thu], choice, (day, day), 77);
        let p = CalendarPrefs {
            sent: Some(next_calendar(
                Some(&sent),
                &[Weekday::Tue],
                choice,
                (day, day),
                0,
            )),
            offer_put_away: true,
        };
        let text = p.to_json().to_text();
        assert_eq!(from_text::<CalendarPrefs>(&text), Ok(p));
        assert_eq!(
            from_text::<CalendarPrefs>("{}"),
            Ok(CalendarPrefs::default()),
            "an empty record is nothing sent"
        );
    }
}
