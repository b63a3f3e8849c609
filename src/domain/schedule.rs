//! The weekly schedule: which days are strength days, and which week a date falls in.

use super::order;
use super::profile::Profile;
use chrono::{Datelike, NaiveDate, Weekday};

/// Week number of `day` in the program, 0 for the first week (days before the start are
/// week 0 too).
pub fn week_index(start: NaiveDate, day: NaiveDate) -> u32 {
    (day - start).num_days().max(0).div_euclid(7) as u32
}

pub fn week_start(start: NaiveDate, week: u32) -> NaiveDate {
    start + chrono::Days::new(u64::from(week) * 7)
}

/// The moment (ms since the epoch) of something stored on `day` at `at_ms`. Older records
/// kept no time (`0`): they take the earliest moment the day can begin anywhere, so they
/// come before whatever the user did that day.
pub fn moment(day: NaiveDate, at_ms: i64) -> i64 {
    if at_ms != 0 {
        return at_ms;
    }
    // Days from 1 January of year 1 to the Unix epoch (what `day - epoch` gives, cheaper).
    const EPOCH_FROM_CE: i64 = 719_163;
    (i64::from(day.num_days_from_ce()) - EPOCH_FROM_CE) * 86_400_000 - 14 * 3_600_000
}

/// rules §4 weekly schedule: 2–4 strength days with rest between them where the
/// count allows. The user's own weekdays win when they chose the right number.
pub fn training_weekdays(profile: &Profile) -> Vec<Weekday> {
    let days = profile.clamped_days() as usize;
    let mut chosen = profile.weekdays.clone();
    order::sort_by_key(&mut chosen, |d| d.num_days_from_monday());
    chosen.dedup();
    if chosen.len() == days {
        return chosen;
    }
    match days {
        2 => vec![Weekday::Mon, Weekday::Thu],
        3 => vec![Weekday::Mon, Weekday::Wed, Weekday::Fri],
        _ => vec![Weekday::Mon, Weekday::Tue, Weekday::Thu, Weekday::Fri],
    }
}

/// The date of each strength session of `week`, in session order (A, B, …): the program
/// week runs from the start date for seven days, whichever weekday that is.
pub fn session_dates(profile: &Profile, week: u32) -> Vec<NaiveDate> {
    let first = week_start(profile.start, week);
    let mut dates: Vec<NaiveDate> = training_weekdays(profile)
        .into_iter()
        .map(|wd| {
            let ahead =
                (7 + wd.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
            first + chrono::Days::new(u64::from(ahead))
        })
        .collect();
    order::sort(&mut dates);
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::equipment::EquipmentSet;

    #[test]
    fn a_day_without_a_time_is_its_earliest_moment_anywhere() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        for day in [
            epoch,
            NaiveDate::from_ymd_opt(1969, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
            NaiveDate::from_ymd_opt(2100, 3, 1).unwrap(),
        ] {
            let days = (day - epoch).num_days();
            assert_eq!(moment(day, 0), days * 86_400_000 - 14 * 3_600_000);
        }
        assert_eq!(moment(epoch, 42), 42, "a stored time is kept");
    }

    fn profile(days: u8) -> Profile {
        let mut p = Profile::new(
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            EquipmentSet::default(),
        );
        p.days_per_week = days;
        p
    }

    #[test]
    fn weekly_schedule_spreads_two_or_three_days_with_rest_between() {
        assert_eq!(
            training_weekdays(&profile(2)),
            vec![Weekday::Mon, Weekday::Thu]
        );
        assert_eq!(
            training_weekdays(&profile(3)),
            vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]
        );
        assert_eq!(training_weekdays(&profile(9)).len(), 4, "clamped to 4");
        let mut own = profile(2);
        own.weekdays = vec![Weekday::Sat, Weekday::Tue];
        assert_eq!(training_weekdays(&own), vec![Weekday::Tue, Weekday::Sat]);
    }

    #[test]
    fn week_index_counts_from_the_start_date() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        assert_eq!(week_index(start, start), 0);
        assert_eq!(week_index(start, start + chrono::Days::new(6)), 0);
        assert_eq!(week_index(start, start + chrono::Days::new(7)), 1);
        assert_eq!(week_index(start, start - chrono::Days::new(3)), 0);
    }

    #[test]
    fn session_dates_fall_inside_their_program_week_in_order() {
        let p = profile(3); // starts on a Wednesday
        for w in 0..3 {
            let dates = session_dates(&p, w);
            assert_eq!(dates.len(), 3);
            assert!(dates.windows(2).all(|d| d[0] < d[1]));
            assert!(dates.iter().all(|d| week_index(p.start, *d) == w));
        }
    }
}
