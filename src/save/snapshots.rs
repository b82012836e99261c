//! Rolling snapshots: once a day, when the app opens, the stored workbook is
//! copied under its own key (`snapshot.YYYY-MM-DD` in the app's namespace,
//! see `io::namespace`; keys here are local names) and the oldest
//! copies beyond [`KEEP`] are dropped. Only text that was read without a
//! problem is ever kept as a snapshot. Pure: the browser glue does the writes.

use crate::model::dates;
use crate::model::sorting;
use chrono::NaiveDate;

/// Snapshot keys start with this.
pub const PREFIX: &str = "snapshot.";
/// How many snapshots are kept.
pub const KEEP: usize = 3;

pub fn key(date: NaiveDate) -> String {
    format!("{PREFIX}{}", dates::iso(date))
}

/// The day of a snapshot key, if it is one.
pub fn date_of(key: &str) -> Option<NaiveDate> {
    dates::parse_iso(key.strip_prefix(PREFIX)?)
}

/// The snapshot days among `keys`, oldest first.
pub fn days(keys: &[String]) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = keys.iter().filter_map(|key| date_of(key)).collect();
    sorting::sort(&mut days);
    days.dedup();
    days
}

/// What to do on opening the app on `today`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The key to write today's snapshot under; `None` when today has one.
    pub write: Option<String>,
    /// Older snapshots to drop afterwards, oldest first.
    pub drop: Vec<String>,
}

pub fn plan(keys: &[String], today: NaiveDate) -> Plan {
    let days = days(keys);
    let write = (!days.contains(&today)).then(|| key(today));
    let keep = if write.is_some() { KEEP - 1 } else { KEEP };
    let drop = days.iter().take(days.len().saturating_sub(keep)).map(|day| key(*day)).collect();
    Plan { write, drop }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    // Guards the rolling window: one a day, three kept, oldest dropped first.
    #[test]
    fn one_snapshot_a_day_and_three_kept() {
        let mut keys = vec!["workbook".to_owned(), "snapshot.junk".to_owned()];
        assert_eq!(plan(&keys, day(1)), Plan { write: Some("snapshot.2026-03-01".into()), drop: vec![] });
        keys.extend([key(day(1)), key(day(2))]);
        assert_eq!(plan(&keys, day(2)), Plan { write: None, drop: vec![] });
        assert_eq!(plan(&keys, day(3)).drop, Vec::<String>::new());
        keys.push(key(day(3)));
        assert_eq!(plan(&keys, day(5)), Plan { write: Some(key(day(5))), drop: vec![key(day(1))] });
        keys.push(key(day(4)));
        assert_eq!(plan(&keys, day(4)), Plan { write: None, drop: vec![key(day(1))] });
        assert_eq!(plan(&keys, day(9)).drop, vec![key(day(1)), key(day(2))]);
    }

    #[test]
    fn keys_round_trip() {
        assert_eq!(date_of(&key(day(7))), Some(day(7)));
        assert_eq!(date_of("workbook"), None);
    }
}
