//! The local date and time, from the browser's `Date` (chrono's own clock support costs
//! ~11 KB of wasm). A training day is the local date a session started on.

use chrono::NaiveDate;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

/// The local calendar date of an instant, as the device's time zone sees it.
pub fn local_date_of(ms: i64) -> NaiveDate {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::DateTime::from_timestamp_millis(ms)
            .map(|t| t.date_naive())
            .unwrap_or_default()
    }
}

pub fn today() -> NaiveDate {
    local_date_of(now_ms())
}

/// An ISO 8601 timestamp in UTC, e.g. for the stamp of a backup.
pub fn now_iso() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::DateTime::from_timestamp_millis(now_ms())
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default()
    }
}
