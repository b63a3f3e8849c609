//! Dates as the app shows them ("Saturday 21 November"). Written out here because chrono's
//! strftime formatting adds kilobytes of wasm for three patterns.

use chrono::{Datelike, NaiveDate};

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn weekday(d: NaiveDate) -> &'static str {
    weekday_name(d.weekday())
}

pub fn weekday_name(d: chrono::Weekday) -> &'static str {
    WEEKDAYS[d.num_days_from_monday() as usize]
}

/// "Saturday 21 November".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", weekday(d), d.day(), MONTHS[d.month0() as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_full() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(long_date(d), "Saturday 21 November");
        assert_eq!(weekday(d), "Saturday");
    }
}
