//! Hours in quarter-hour steps, and the totals per week. Dates are the
//! person's local calendar dates (`NaiveDate`), so a week is the same seven
//! days whatever the time zone; the browser glue hands in the local "today".

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use uuid::Uuid;

use super::{Mojo, TimeEntry};
use crate::model::dates;
use crate::model::meta::IdMap;

/// No single entry, and no single day, holds more than this.
pub const MAX_HOURS_PER_DAY: f32 = 24.0;

/// Why an amount of hours was not accepted, in words for the person.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum HoursError {
    #[error("type the hours as a number, like 1.5")]
    NotANumber,
    #[error("the hours need to be at least a quarter of an hour")]
    TooLittle,
    #[error("one entry can hold at most 24 hours")]
    TooMuch,
    #[error("that would make more than 24 hours on {}", dates::short(*.0))]
    DayTooFull(NaiveDate),
    #[error("a weekly goal can be at most 168 hours, the whole week")]
    GoalTooBig,
    #[error("choose a project first")]
    NoProject,
    #[error("that entry no longer exists")]
    NoEntry,
}

/// Rounds to the nearest quarter hour; refuses zero or less, and more than a day.
pub fn round_hours(hours: f32) -> Result<f32, HoursError> {
    if !hours.is_finite() {
        return Err(HoursError::NotANumber);
    }
    let rounded = (hours * 4.0).round() / 4.0;
    if rounded <= 0.0 {
        Err(HoursError::TooLittle)
    } else if rounded > MAX_HOURS_PER_DAY {
        Err(HoursError::TooMuch)
    } else {
        Ok(rounded)
    }
}

/// Reads hours as typed: "1.5", "1,5", "2 h", "1:30" (hours and minutes).
pub fn parse_hours(text: &str) -> Result<f32, HoursError> {
    let text = text.trim().trim_end_matches(['h', 'H']).trim();
    let value = if let Some((hours, minutes)) = text.split_once(':') {
        let hours: u32 = hours.trim().parse().map_err(|_| HoursError::NotANumber)?;
        let minutes: u32 = minutes.trim().parse().map_err(|_| HoursError::NotANumber)?;
        if minutes >= 60 {
            return Err(HoursError::NotANumber);
        }
        hours as f32 + minutes as f32 / 60.0
    } else {
        text.replace(',', ".").parse::<f32>().map_err(|_| HoursError::NotANumber)?
    };
    round_hours(value)
}

/// Hours as they read: "2 h", "1.5 h", "0.25 h".
pub fn format_hours(hours: f32) -> String {
    // In whole quarters, so that no float is formatted (core's float
    // formatting is about 5 KB gzip); an empty sum's -0.0 is 0 quarters.
    let quarters = (hours * 4.0).round() as i64;
    let sign = if quarters < 0 { "-" } else { "" };
    let (whole, part) = (quarters.abs() / 4, quarters.abs() % 4);
    let part = ["", ".25", ".5", ".75"][part as usize];
    format!("{sign}{whole}{part} h")
}

/// The first day of the week holding `date`, for weeks starting on `first`.
pub fn week_start(date: NaiveDate, first: Weekday) -> NaiveDate {
    let back = (date.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
    date - Days::new(u64::from(back))
}

/// The hours of one week.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekTotal {
    /// The week's first day.
    pub start: NaiveDate,
    pub hours: f32,
}

/// The `count` weeks up to and including `this_week`, oldest first, with
/// the hours `hours_of` gives each week's first day.
fn weeks_back(this_week: NaiveDate, count: usize, hours_of: impl Fn(NaiveDate) -> f32) -> Vec<WeekTotal> {
    (0..count)
        .rev()
        .map(|back| {
            let start = this_week - Days::new(7 * back as u64);
            WeekTotal { start, hours: hours_of(start) }
        })
        .collect()
}

/// Hours per week, in all and per project, from one pass over the log: the
/// week card and its chart read their figures here instead of passing over
/// the whole log once per figure (twelve weeks, each project, the total).
///
/// Sums are kept in `f64`: adding and taking away `f32` hours is then exact,
/// so totals kept entry by entry ([`WeekTotalsCache`]) equal totals made anew.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeekTotals {
    by_week: HashMap<NaiveDate, f64>,
    by_project: HashMap<(NaiveDate, Uuid), f64>,
}

impl WeekTotals {
    /// Hours logged in the week starting on `start`, on one project or all.
    pub fn hours(&self, start: NaiveDate, project: Option<Uuid>) -> f32 {
        match project {
            Some(project) => self.by_project.get(&(start, project)),
            None => self.by_week.get(&start),
        }
        .map_or(0.0, |hours| *hours as f32)
    }

    /// The `count` weeks up to and including `this_week`, oldest first.
    pub fn recent(&self, this_week: NaiveDate, count: usize) -> Vec<WeekTotal> {
        weeks_back(this_week, count, |start| self.hours(start, None))
    }

    /// Counts `hours` of `project` in the week starting on `start` (taken
    /// away when negative). A sum back at zero holds no entry (each holds a
    /// quarter hour at least) and is dropped, as if never counted.
    fn count(&mut self, start: NaiveDate, project: Uuid, hours: f64) {
        fn add<K: std::hash::Hash + Eq>(sums: &mut HashMap<K, f64>, key: K, hours: f64) {
            match sums.entry(key) {
                Entry::Occupied(mut sum) => {
                    *sum.get_mut() += hours;
                    if *sum.get() == 0.0 {
                        sum.remove();
                    }
                }
                Entry::Vacant(sum) => {
                    sum.insert(hours);
                }
            }
        }
        add(&mut self.by_week, start, hours);
        add(&mut self.by_project, (start, project), hours);
    }
}

/// [`Mojo::week_totals`] kept up to date entry by entry: logging an hour
/// beside 2,000 entries counts that entry only. A new first day of the week
/// (which moves every entry) counts the whole log again.
#[derive(Debug, Default)]
pub struct WeekTotalsCache {
    starts_on: Option<Weekday>,
    /// Each entry as counted: its week's first day, its project, its hours.
    counted: IdMap<(NaiveDate, Uuid, f64)>,
    totals: WeekTotals,
}

impl WeekTotalsCache {
    pub fn totals(&self) -> &WeekTotals {
        &self.totals
    }

    /// Counts the whole log again; says whether the totals changed.
    pub fn refresh(&mut self, entries: &[TimeEntry], starts_on: Weekday) -> bool {
        let before = std::mem::take(&mut self.totals);
        self.counted.clear();
        for entry in entries {
            self.count(entry, starts_on);
        }
        self.starts_on = Some(starts_on);
        self.totals != before
    }

    /// Brings the totals up to date, told which entries may have changed
    /// since the last refresh: each id with its place in `entries` (`None`
    /// once removed). Says whether the totals changed.
    pub fn refresh_known(
        &mut self,
        entries: &[TimeEntry],
        maybe_changed: &[(Uuid, Option<usize>)],
        starts_on: Weekday,
    ) -> bool {
        if self.starts_on != Some(starts_on) {
            return self.refresh(entries, starts_on);
        }
        let mut changed = false;
        for (id, place) in maybe_changed {
            let entry = place.and_then(|at| entries.get(at)).filter(|entry| entry.meta.id == *id);
            let now = entry.map(|entry| (week_start(entry.date, starts_on), entry.project, f64::from(entry.hours)));
            let was = self.counted.get(id).copied();
            if now == was {
                continue;
            }
            changed = true;
            if let Some((start, project, hours)) = was {
                self.totals.count(start, project, -hours);
                self.counted.remove(id);
            }
            if let Some(entry) = entry {
                self.count(entry, starts_on);
            }
        }
        changed
    }

    fn count(&mut self, entry: &TimeEntry, starts_on: Weekday) {
        let start = week_start(entry.date, starts_on);
        let hours = f64::from(entry.hours);
        self.totals.count(start, entry.project, hours);
        self.counted.insert(entry.meta.id, (start, entry.project, hours));
    }
}

impl Mojo {
    /// [`WeekTotals`] of the whole log, with the person's first day of the week.
    pub fn week_totals(&self) -> WeekTotals {
        let mut cache = WeekTotalsCache::default();
        cache.refresh(&self.entries, self.week_starts_on);
        cache.totals
    }

    /// The first day of the week holding `date`, with the person's first day.
    pub fn week_of(&self, date: NaiveDate) -> NaiveDate {
        week_start(date, self.week_starts_on)
    }

    /// Hours logged in the week starting on `start`, on one project or all.
    pub fn hours_in_week(&self, start: NaiveDate, project: Option<Uuid>) -> f32 {
        let end = start + Days::new(7);
        self.entries
            .iter()
            .filter(|entry| entry.date >= start && entry.date < end)
            .filter(|entry| project.is_none_or(|project| entry.project == project))
            .map(|entry| entry.hours)
            .fold(0.0, |total, hours| total + hours)
    }

    /// The last `count` weeks up to and including the one holding `today`,
    /// oldest first.
    pub fn recent_weeks(&self, today: NaiveDate, count: usize) -> Vec<WeekTotal> {
        weeks_back(self.week_of(today), count, |start| self.hours_in_week(start, None))
    }

    /// All hours ever logged on a project, or on all of them.
    pub fn total_hours(&self, project: Option<Uuid>) -> f32 {
        self.entries
            .iter()
            .filter(|entry| project.is_none_or(|project| entry.project == project))
            .map(|entry| entry.hours)
            .fold(0.0, |total, hours| total + hours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn week_start_for_each_first_day() {
        // Wednesday 4 March 2026.
        let wednesday = date(2026, 3, 4);
        assert_eq!(week_start(wednesday, Weekday::Mon), date(2026, 3, 2));
        assert_eq!(week_start(wednesday, Weekday::Sun), date(2026, 3, 1));
        assert_eq!(week_start(wednesday, Weekday::Wed), wednesday);
        assert_eq!(week_start(wednesday, Weekday::Thu), date(2026, 2, 26));
    }

    #[test]
    fn hours_read_as_typed() {
        assert_eq!(parse_hours("1,5"), Ok(1.5));
        assert_eq!(parse_hours(" 2 h"), Ok(2.0));
        assert_eq!(parse_hours("1:20"), Ok(1.25));
        assert_eq!(parse_hours("abc"), Err(HoursError::NotANumber));
        assert_eq!(parse_hours("1:75"), Err(HoursError::NotANumber));
        assert_eq!(format_hours(1.5), "1.5 h");
        assert_eq!(format_hours(20.0), "20 h");
        assert_eq!(format_hours(0.25), "0.25 h");
        assert_eq!(format_hours(2.75), "2.75 h");
        assert_eq!(format_hours(167.9), "168 h");
        assert_eq!(format_hours(0.0), "0 h");
        // Guards "-0 h": an empty sum of floats is negative zero.
        assert_eq!(format_hours(-0.0), "0 h");
        assert_eq!(format_hours(std::iter::empty::<f32>().sum()), "0 h");
    }
}
