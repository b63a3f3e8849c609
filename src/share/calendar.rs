//! The training days as an iCalendar file (RFC 5545) for the phone's calendar: one weekly
//! series per training day, and the daily walk when chosen, at a floating local time (a
//! clock change does not move them). The words are generic: a calendar may sync to a
//! cloud, so no event says anything about pain, phases or health, and none carries a link
//! (on iPhone a link would open an empty browser copy of the app, not the installed one).

use super::ics::Ics;
use crate::domain::calendar::{CalendarSent, ALARM_MINUTES_BEFORE};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// What the file is called when saved.
pub const FILE_NAME: &str = "backstrong-training-days.ics";
pub const MIME: &str = "text/calendar";

pub const SESSION_TITLE: &str = "Backstrong · strength session";
pub const WALK_TITLE: &str = "Backstrong · walk";
const SESSION_NOTE: &str =
    "Time to train. Open Backstrong from your home screen to see today's session.";
const WALK_NOTE: &str =
    "Time for your walk. Afterwards, note its minutes in Backstrong's daily check-in.";

/// RFC 5545's two letters for a weekday, and the same in lower case for ids.
fn byday(d: Weekday) -> (&'static str, &'static str) {
    match d {
        Weekday::Mon => ("MO", "mo"),
        Weekday::Tue => ("TU", "tu"),
        Weekday::Wed => ("WE", "we"),
        Weekday::Thu => ("TH", "th"),
        Weekday::Fri => ("FR", "fr"),
        Weekday::Sat => ("SA", "sa"),
        Weekday::Sun => ("SU", "su"),
    }
}

/// "20261207". Written out: chrono's strftime adds kilobytes of wasm.
fn date_part(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// A floating local date-time: no zone, so it stays at that hour wherever the phone is.
fn floating(day: NaiveDate, minutes: u16) -> String {
    format!(
        "{}T{:02}{:02}00",
        date_part(day),
        minutes / 60,
        minutes % 60
    )
}

struct Event<'a> {
    uid: String,
    first: NaiveDate,
    time: u16,
    minutes: u16,
    rule: String,
    title: &'a str,
    note: &'a str,
    cancelled: bool,
}

fn event(ics: &mut Ics, e: &Event, sent: &CalendarSent, stamp: &str) {
    ics.line("BEGIN", "VEVENT");
    ics.text("UID", &e.uid);
    ics.line("DTSTAMP", stamp);
    ics.line("SEQUENCE", &sent.sequence.to_string());
    ics.line("DTSTART", &floating(e.first, e.time));
    ics.line("DURATION", &format!("PT{}M", e.minutes.max(1)));
    ics.line("RRULE", &e.rule);
    ics.text("SUMMARY", e.title);
    ics.text("DESCRIPTION", e.note);
    if e.cancelled {
        ics.line("STATUS", "CANCELLED");
    } else {
        ics.line("STATUS", "CONFIRMED");
        if sent.alarm {
            ics.line("BEGIN", "VALARM");
            ics.line("ACTION", "DISPLAY");
            ics.text("DESCRIPTION", e.title);
            ics.line("TRIGGER", &format!("-PT{ALARM_MINUTES_BEFORE}M"));
            ics.line("END", "VALARM");
        }
    }
    ics.line("END", "VEVENT");
}

/// The whole file for what `sent` says the calendar should now hold, stamped at `now_utc`.
pub fn calendar_file(sent: &CalendarSent, now_utc: NaiveDateTime) -> String {
    let t = now_utc.time();
    let stamp = format!(
        "{}T{:02}{:02}{:02}Z",
        date_part(now_utc.date()),
        t.hour(),
        t.minute(),
        t.second()
    );
    let mut ics = Ics::default();
    ics.line("BEGIN", "VCALENDAR");
    ics.line("VERSION", "2.0");
    ics.text("PRODID", "-//Backstrong//Training days//EN");
    ics.line("CALSCALE", "GREGORIAN");
    ics.line("METHOD", "PUBLISH");
    for d in &sent.days {
        let e = Event {
            uid: format!("{:08x}-strength-{}@backstrong", sent.seed, byday(d.day).1),
            first: d.first,
            time: sent.time,
            minutes: sent.minutes,
            rule: format!("FREQ=WEEKLY;BYDAY={}", byday(d.day).0),
            title: SESSION_TITLE,
            note: SESSION_NOTE,
            cancelled: d.cancelled,
        };
        event(&mut ics, &e, sent, &stamp);
    }
    if let Some(w) = sent.walk {
        let e = Event {
            uid: format!("{:08x}-walk@backstrong", sent.seed),
            first: w.first,
            time: w.time,
            minutes: w.minutes,
            rule: "FREQ=DAILY".into(),
            title: WALK_TITLE,
            note: WALK_NOTE,
            cancelled: w.cancelled,
        };
        event(&mut ics, &e, sent, &stamp);
    }
    ics.line("END", "VCALENDAR");
    ics.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{next_calendar, CalendarChoice};

    #[test]
    fn the_file_names_each_day_once_at_a_floating_time_stamped_in_utc() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let choice = CalendarChoice {
            time: 7 * 60 + 5,
            minutes: 40,
            alarm: true,
            walk: None,
        };
        let sent = next_calendar(
            None,
            &[Weekday::Tue, Weekday::Sat],
            choice,
            (day, day),
            0xab,
        );
        let now = day.and_hms_opt(16, 4, 9).unwrap();
        let text = calendar_file(&sent, now).replace("\r\n ", "");
        let lines: Vec<&str> = text.split("\r\n").collect();
        for want in [
            "UID:000000ab-strength-tu@backstrong",
            "DTSTART:20261208T070500",
            "DTSTART:20261212T070500",
            "RRULE:FREQ=WEEKLY;BYDAY=SA",
            "DTSTAMP:20261207T160409Z",
            "DURATION:PT40M",
            "TRIGGER:-PT30M",
            "SUMMARY:Backstrong · strength session",
        ] {
            assert!(lines.contains(&want), "{want} missing from\n{text}");
        }
        assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 2);
    }
}
