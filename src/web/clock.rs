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
