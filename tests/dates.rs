//! Dates in words and ISO form (`model::dates`), written by hand in place of
//! chrono's pattern formatting: each must say exactly what the pattern said.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use comeback::model::dates;

/// Every day of four years (a leap year among them), and a few far ones.
fn days() -> impl Iterator<Item = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    (0..4 * 366).map(move |offset| start + Duration::days(offset)).chain(
        [(1970, 1, 1), (1999, 12, 31), (2000, 2, 29), (9999, 12, 31)]
            .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
    )
}

#[test]
fn each_date_in_words_is_what_chronos_pattern_wrote() {
    for date in days() {
        assert_eq!(dates::long(date), date.format("%-d %B %Y").to_string());
        assert_eq!(dates::short(date), date.format("%-d %b %Y").to_string());
        assert_eq!(dates::short_day_month(date), date.format("%-d %b").to_string());
        assert_eq!(dates::month_year(date), date.format("%B %Y").to_string());
        assert_eq!(dates::weekday_name(date), date.format("%A").to_string());
        assert_eq!(dates::weekday_day_month(date), date.format("%A %-d %B").to_string());
        assert_eq!(dates::weekday_long(date), date.format("%A %-d %B %Y").to_string());
        assert_eq!(dates::iso(date), date.format("%Y-%m-%d").to_string());
        assert_eq!(dates::parse_iso(&dates::iso(date)), Some(date));
    }
}

#[test]
fn moments_and_times_are_what_chronos_pattern_wrote() {
    let at = Utc.with_ymd_and_hms(2026, 3, 5, 9, 7, 3).unwrap() + Duration::milliseconds(25);
    for at in [at, at + Duration::hours(15), at + Duration::days(300) + Duration::milliseconds(974)] {
        assert_eq!(dates::iso_moment_millis(at), at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
        assert_eq!(dates::basic_moment(at), at.format("%Y%m%dT%H%M%SZ").to_string());
        assert_eq!(dates::clock(at.time()), at.format("%H:%M").to_string());
    }
}

#[test]
fn only_a_whole_date_or_time_is_read() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    assert_eq!(dates::parse_iso("2026-3-5"), date(2026, 3, 5));
    assert_eq!(dates::parse_iso("275760-09-13"), date(275760, 9, 13));
    for unreadable in [
        "",
        "2026",
        "2026-03",
        "2026-02-30",
        "2026-13-01",
        "26-03-05",
        "2026-03-05-01",
        "2026-03-05 ",
        "+2026-03-05",
        "2026-0a-05",
    ] {
        assert_eq!(dates::parse_iso(unreadable), None, "{unreadable:?}");
    }
    assert_eq!(dates::parse_clock("09:30"), NaiveTime::from_hms_opt(9, 30, 0));
    for unreadable in ["", "9:30", "24:00", "09:60", "09:30:00", "0930"] {
        assert_eq!(dates::parse_clock(unreadable), None, "{unreadable:?}");
    }
}
