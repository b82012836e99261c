//! Dates as the app writes them ("5 March 2026", "5 Mar 2026", "2026-03-05"),
//! spelled out by hand. chrono's `format` and `parse_from_str` read a
//! pattern at run time, and that reader (the pattern items, the parser, the
//! names) weighed about 10 KB gzip in the module every first visit
//! downloads, for a handful of fixed patterns.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use super::Timestamp;

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

/// "March".
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "Mar", "Sep": the first three letters, as chrono's `%b`.
pub fn short_month_name(date: NaiveDate) -> &'static str {
    &month_name(date)[..3]
}

/// "Thursday".
pub fn weekday_name(date: NaiveDate) -> &'static str {
    match date.weekday() {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// "5 March 2026".
pub fn long(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// "5 Mar 2026".
pub fn short(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), short_month_name(date), date.year())
}

/// "5 Mar".
pub fn short_day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), short_month_name(date))
}

/// "March 2026".
pub fn month_year(date: NaiveDate) -> String {
    format!("{} {}", month_name(date), date.year())
}

/// "Thursday 5 March".
pub fn weekday_day_month(date: NaiveDate) -> String {
    format!("{} {} {}", weekday_name(date), date.day(), month_name(date))
}

/// "Thursday 5 March 2026".
pub fn weekday_long(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), long(date))
}

/// "2026-03-05", the form of a date field and of the keys that name a day
/// (`NaiveDate`'s own `Display`, as `fields::date_input_value` writes it).
pub fn iso(date: NaiveDate) -> String {
    date.to_string()
}

/// "09:30".
pub fn clock(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// "2026-03-05T09:30:00.250Z": a moment to the millisecond, in UTC.
pub fn iso_moment_millis(at: Timestamp) -> String {
    let mut text = iso(at.date_naive());
    let time = at.time();
    let _ = write!(
        text,
        "T{:02}:{:02}:{:02}.{:03}Z",
        time.hour(),
        time.minute(),
        time.second(),
        at.timestamp_subsec_millis().min(999)
    );
    text
}

/// "20260305T093000Z": a moment in the basic form calendars use.
pub fn basic_moment(at: Timestamp) -> String {
    let (date, time) = (at.date_naive(), at.time());
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// Reads "2026-03-05" (a date field's value; month and day may have one
/// digit). `None` for anything else, or a day that does not exist.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year = i32::try_from(number(year, 4..=6)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(month, 1..=2)?, number(day, 1..=2)?)
}

/// Reads "09:30" (a time field's value). `None` for anything else.
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let (hour, minute) = text.split_once(':')?;
    NaiveTime::from_hms_opt(number(hour, 2..=2)?, number(minute, 2..=2)?, 0)
}

/// `part` as a number, when it is only digits, as many as `digits` allows.
fn number(part: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    if !digits.contains(&part.len()) || !part.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}
