//! The training days the user put in their phone's calendar: which events a calendar file
//! holds, and which a new file must cancel when the days change. The file's format is
//! `share::calendar`'s; what the events say is generic on purpose (rules §10: a calendar
//! may sync to a cloud, so nothing about pain, phases or health goes into it).

use super::order;
use chrono::{Datelike, NaiveDate, Weekday};

/// How long before an event its alarm rings, in minutes.
pub const ALARM_MINUTES_BEFORE: u16 = 30;
/// The time a file offers first: early evening, minutes after midnight.
pub const DEFAULT_TIME: u16 = 18 * 60;
/// The daily walk's time a file offers first: late morning.
pub const DEFAULT_WALK_TIME: u16 = 12 * 60 + 30;

/// One weekly series sent to the calendar: its weekday and the first date it fell on, kept
/// so every later file names the same series (the same id, the same start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentDay {
    pub day: Weekday,
    pub first: NaiveDate,
    /// Dropped from the training days: later files keep cancelling it.
    pub cancelled: bool,
}

/// The daily walk's series, when the user added it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentWalk {
    pub first: NaiveDate,
    pub time: u16,
    pub minutes: u16,
    pub cancelled: bool,
}

/// What the user's calendar holds from Backstrong: everything the last file said, so the
/// next one can move or cancel it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSent {
    /// Makes the events' ids this install's own.
    pub seed: u32,
    /// Raised with every file: a calendar keeps the highest as an event's current form.
    pub sequence: u32,
    pub sent_on: NaiveDate,
    /// The sessions' time, minutes after midnight, and their length.
    pub time: u16,
    pub minutes: u16,
    pub alarm: bool,
    pub days: Vec<SentDay>,
    pub walk: Option<SentWalk>,
}

/// What the user chose for a new file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarChoice {
    pub time: u16,
    pub minutes: u16,
    pub alarm: bool,
    /// The daily walk's time and length, when it is wanted.
    pub walk: Option<(u16, u16)>,
}

/// The first date on or after `from` that falls on `day`.
pub fn first_on_or_after(day: Weekday, from: NaiveDate) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + chrono::Days::new(u64::from(ahead))
}

/// The next file for `days`, made `today` for days that apply `from` then (the next
/// program week, after a change of days). A day already sent keeps its series (id and
/// first date) and is updated; a new day starts on its first date from `from`; a day no
/// longer trained is cancelled, in this file and every later one; the walk likewise.
/// `seed` is used only when nothing was sent before.
pub fn next_calendar(
    before: Option<&CalendarSent>,
    days: &[Weekday],
    choice: CalendarChoice,
    (today, from): (NaiveDate, NaiveDate),
    seed: u32,
) -> CalendarSent {
    let mut sent: Vec<SentDay> = before.map(|b| b.days.clone()).unwrap_or_default();
    for s in &mut sent {
        let kept = days.contains(&s.day);
        if kept && s.cancelled {
            // Back after being dropped: the series restarts from its next date.
            s.first = first_on_or_after(s.day, from);
        }
        s.cancelled = !kept;
    }
    for &day in days {
        if !sent.iter().any(|s| s.day == day) {
            sent.push(SentDay {
                day,
                first: first_on_or_after(day, from),
                cancelled: false,
            });
        }
    }
    order::sort_by_key(&mut sent, |s| s.day.num_days_from_monday());
    let walk_before = before.and_then(|b| b.walk);
    let walk = match (choice.walk, walk_before) {
        (Some((time, minutes)), Some(w)) => Some(SentWalk {
            first: if w.cancelled { today } else { w.first },
            time,
            minutes,
            cancelled: false,
        }),
        (Some((time, minutes)), None) => Some(SentWalk {
            first: today,
            time,
            minutes,
            cancelled: false,
        }),
        (None, Some(w)) => Some(SentWalk {
            cancelled: true,
            ..w
        }),
        (None, None) => None,
    };
    CalendarSent {
        seed: before.map_or(seed, |b| b.seed),
        sequence: before.map_or(0, |b| b.sequence + 1),
        sent_on: today,
        time: choice.time,
        minutes: choice.minutes,
        alarm: choice.alarm,
        days: sent,
        walk,
    }
}

/// The training days the calendar holds now (not cancelled), Monday first.
pub fn days_in_calendar(sent: &CalendarSent) -> Vec<Weekday> {
    sent.days
        .iter()
        .filter(|s| !s.cancelled)
        .map(|s| s.day)
        .collect()
}

/// True when the training days no longer match the calendar's: the app says so and
/// offers a new file.
pub fn calendar_out_of_date(sent: &CalendarSent, days: &[Weekday]) -> bool {
    let mut now: Vec<Weekday> = days.to_vec();
    order::sort_by_key(&mut now, |d| d.num_days_from_monday());
    now.dedup();
    days_in_calendar(sent) != now
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn both(d: NaiveDate) -> (NaiveDate, NaiveDate) {
        (d, d)
    }

    fn choice() -> CalendarChoice {
        CalendarChoice {
            time: DEFAULT_TIME,
            minutes: 45,
            alarm: true,
            walk: None,
        }
    }

    #[test]
    fn each_series_starts_on_its_own_weekday_on_or_after_today() {
        // Monday 7 December 2026.
        let sent = next_calendar(None, &[Mon, Wed, Fri], choice(), both(date(12, 7)), 9);
        let firsts: Vec<NaiveDate> = sent.days.iter().map(|s| s.first).collect();
        assert_eq!(firsts, vec![date(12, 7), date(12, 9), date(12, 11)]);
        assert_eq!(sent.sequence, 0);
        assert_eq!(sent.seed, 9);
        assert!(!calendar_out_of_date(&sent, &[Fri, Mon, Wed]));
    }

    #[test]
    fn changed_days_keep_old_series_cancel_dropped_ones_and_raise_the_sequence() {
        let first = next_calendar(None, &[Mon, Wed, Fri], choice(), both(date(12, 7)), 9);
        assert!(calendar_out_of_date(&first, &[Tue, Wed, Sat]));
        let next = next_calendar(
            Some(&first),
            &[Tue, Wed, Sat],
            choice(),
            both(date(12, 20)),
            1,
        );
        assert_eq!(next.seed, 9, "the same ids as before");
        assert_eq!(next.sequence, 1);
        let find = |d| *next.days.iter().find(|s| s.day == d).unwrap();
        assert!(find(Mon).cancelled && find(Fri).cancelled);
        assert_eq!(find(Wed).first, date(12, 9), "a kept day keeps its series");
        assert_eq!(find(Tue).first, date(12, 22));
        assert_eq!(days_in_calendar(&next), vec![Tue, Wed, Sat]);
        // A later file still cancels what was dropped before it.
        let again = next_calendar(
            Some(&next),
            &[Tue, Wed, Sat],
            choice(),
            both(date(12, 21)),
            1,
        );
        assert_eq!(again.days.iter().filter(|s| s.cancelled).count(), 2);
        assert_eq!(again.sequence, 2);
    }

    #[test]
    fn days_that_apply_from_next_week_start_then() {
        let first = next_calendar(None, &[Mon, Thu], choice(), both(date(12, 7)), 9);
        let next = next_calendar(
            Some(&first),
            &[Mon, Wed, Fri],
            choice(),
            (date(12, 8), date(12, 14)),
            9,
        );
        let find = |d| *next.days.iter().find(|s| s.day == d).unwrap();
        assert_eq!(find(Wed).first, date(12, 16));
        assert_eq!(find(Mon).first, date(12, 7));
        assert_eq!(next.sent_on, date(12, 8));
    }

    #[test]
    fn a_dropped_walk_is_cancelled_and_a_returning_day_restarts() {
        let with_walk = CalendarChoice {
            walk: Some((DEFAULT_WALK_TIME, 20)),
            ..choice()
        };
        let a = next_calendar(None, &[Mon, Thu], with_walk, both(date(12, 7)), 3);
        let b = next_calendar(Some(&a), &[Thu], choice(), both(date(12, 10)), 3);
        assert!(b.walk.unwrap().cancelled);
        let c = next_calendar(Some(&b), &[Mon, Thu], with_walk, both(date(12, 15)), 3);
        let mon = c.days.iter().find(|s| s.day == Mon).unwrap();
        assert_eq!((mon.first, mon.cancelled), (date(12, 21), false));
        assert_eq!(c.walk.unwrap().first, date(12, 15));
        assert!(!c.walk.unwrap().cancelled);
    }
}
