//! The current time, read from the browser. The model never reads the clock
//! itself; it is handed `now` so that it stays testable.

use chrono::DateTime;

use crate::model::Timestamp;

/// Milliseconds since the Unix epoch, for timers and debouncing.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current moment as a model timestamp.
pub fn now() -> Timestamp {
    DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default()
}

/// The moment of an edit: the current time, but always later than the last
/// edit's in this tab (by a millisecond at least), so that an edit's time
/// tells it apart from the one before; what is prepared once per record
/// (the outreach index) is redone when that time changes.
pub fn edit_time() -> Timestamp {
    use std::cell::Cell;
    thread_local! {
        static LAST_EDIT_MS: Cell<i64> = const { Cell::new(i64::MIN) };
    }
    let millis = LAST_EDIT_MS.with(|last| {
        let millis = (now_ms() as i64).max(last.get().saturating_add(1));
        last.set(millis);
        millis
    });
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// The UTC moment of a local date and time, in the browser's time zone.
pub fn local_to_utc(date: chrono::NaiveDate, time: chrono::NaiveTime) -> Option<Timestamp> {
    use chrono::{Datelike, Timelike};
    let local = js_sys::Date::new_with_year_month_day_hr_min_sec(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
        time.hour() as i32,
        time.minute() as i32,
        0,
    );
    let millis = local.get_time();
    if millis.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(millis as i64)
}

/// Today's date in the browser's time zone (the date on the person's calendar).
/// Read again at most once a second: a page asks for it in many places, and
/// each reading is four calls into the browser.
pub fn today() -> chrono::NaiveDate {
    use std::cell::Cell;
    thread_local! {
        static READ: Cell<Option<(f64, chrono::NaiveDate)>> = const { Cell::new(None) };
    }
    let now = now_ms();
    READ.with(|read| match read.get() {
        Some((at, day)) if (0.0..1000.0).contains(&(now - at)) => day,
        _ => {
            let date = js_sys::Date::new_0();
            let day =
                chrono::NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())
                    .unwrap_or_default();
            read.set(Some((now, day)));
            day
        }
    })
}
