//! Time from the browser: ISO stamps for saves, the local clock for display, and today's date in
//! China Standard Time for the deadline reminder (R18).

use ogi_report_core::Date;

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// `HH:MM:SS` in the browser's time zone for an ISO stamp.
pub fn local_time(iso: &str) -> String {
    let date = js_sys::Date::new(&iso.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// Today in UTC+8, where every filer is.
pub fn today_in_china() -> Date {
    Date::in_china_at(js_sys::Date::now())
}
