//! Step 3 of the method: regain your mojo with side projects (about 20 hours a
//! week), comfort-zone events and a log of what you are proud of.
//!
//! - this file: the records and the edits made to them;
//! - `week`: hours in quarter-hour steps and the totals per week;
//! - `chart`: the geometry of the twelve-week chart;
//! - `summary`: "How I spent my time off", written from the data;
//! - `links`: which links may be made clickable.

mod chart;
mod links;
pub mod review;
mod summary;
mod week;

pub use chart::{chart_geometry, Bar, ChartGeometry};
pub use links::safe_link;
pub use week::{
    format_hours, parse_hours, round_hours, week_start, HoursError, WeekTotal, WeekTotals, WeekTotalsCache,
    MAX_HOURS_PER_DAY,
};

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::Removed;
use super::meta::{record_edits, ListShape, RecordMeta, Records, Timestamp};
use crate::model::dates;
use crate::model::keyed::keyed_enum;
use crate::model::sorting;
pub use review::WeeklyReview;

/// The method's figure for side-project time per week.
pub const DEFAULT_WEEKLY_HOURS_GOAL: f32 = 20.0;
/// The largest weekly goal the app accepts (there are 168 hours in a week).
pub const MAX_WEEKLY_GOAL: f32 = 168.0;
/// How many weeks the chart and its table show.
pub const CHART_WEEKS: usize = 12;

/// What kind of side project it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    Book,
    App,
    PortfolioSite,
    HobbyToConsulting,
    Course,
    OpenSource,
    #[default]
    Other,
}

keyed_enum!(ProjectKind {
    Book => "book", "Book";
    App => "app", "App";
    PortfolioSite => "portfolio_site", "Portfolio site";
    HobbyToConsulting => "hobby_to_consulting", "Hobby turned into consulting";
    Course => "course", "Course or certificate";
    OpenSource => "open_source", "Open source";
    Other => "other", "Other";
});

/// Where a side project stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Idea,
    #[default]
    Active,
    Paused,
    Done,
}

keyed_enum!(ProjectStatus {
    Idea => "idea", "Just an idea";
    Active => "active", "Active";
    Paused => "paused", "Paused";
    Done => "done", "Done";
});

/// A step of a project worth marking (shipped the site, finished chapter 3).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Milestone {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub text: String,
    /// When it was reached; `None` while it is still ahead.
    pub done_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SideProject {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    pub kind: ProjectKind,
    /// The career goal it moves forward.
    pub goal: String,
    pub status: ProjectStatus,
    /// Hours a week the person means to give it; 0 means no target of its own.
    pub weekly_hours: f32,
    pub milestones: Vec<Milestone>,
}

impl SideProject {
    /// The name to show, even when none was typed yet.
    pub fn display_name(&self) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            "Untitled project".to_owned()
        } else {
            name.to_owned()
        }
    }

    /// What the project is, in one line, for the list it sits in: "Portfolio
    /// site · Active · 10 h a week · 1 of 2 milestones reached".
    pub fn summary(&self) -> String {
        let mut parts = vec![self.kind.label().to_owned(), self.status.label().to_owned()];
        if self.weekly_hours > 0.0 {
            parts.push(format!("{} a week", format_hours(self.weekly_hours)));
        }
        if !self.milestones.is_empty() {
            let reached = self.milestones.iter().filter(|milestone| milestone.done_on.is_some()).count();
            let total = self.milestones.len();
            let noun = if total == 1 { "milestone" } else { "milestones" };
            parts.push(format!("{reached} of {total} {noun} reached"));
        }
        parts.join(" · ")
    }
}

/// Time given to a project on one day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeEntry {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub project: Uuid,
    /// The local date the time was spent on.
    pub date: NaiveDate,
    /// Hours, in quarter-hour steps.
    pub hours: f32,
    pub note: String,
}

/// A day set aside for rest, as part of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RestDay {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub date: NaiveDate,
    pub note: String,
}

/// Downtime is allowed: a stretch of rest, and single rest days.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Downtime {
    /// Resting, on purpose, until this day (included).
    pub until: Option<NaiveDate>,
    pub rest_days: Vec<RestDay>,
}

/// What kind of comfort-zone event it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    #[default]
    Meetup,
    Networking,
    CoffeeChat,
    Conference,
    TalkGiven,
    Other,
}

keyed_enum!(EventKind {
    Meetup => "meetup", "Meetup";
    Networking => "networking", "Networking event";
    CoffeeChat => "coffee_chat", "Coffee chat";
    Conference => "conference", "Conference";
    TalkGiven => "talk_given", "Talk I gave";
    Other => "other", "Other";
});

impl EventKind {
    /// How the kind reads inside a sentence ("a coffee chat").
    pub fn noun(self) -> &'static str {
        match self {
            EventKind::Meetup => "meetup",
            EventKind::Networking => "networking event",
            EventKind::CoffeeChat => "coffee chat",
            EventKind::Conference => "conference",
            EventKind::TalkGiven => "talk I gave",
            EventKind::Other => "event",
        }
    }
}

/// Someone met at an event; may become an outreach contact.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonMet {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    pub note: String,
    /// The outreach contact made from this person, if any.
    pub contact: Option<Uuid>,
}

/// A step out of the comfort zone: a meetup, a coffee chat, a talk given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComfortEvent {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    pub kind: EventKind,
    /// False while planned; true once attended.
    pub attended: bool,
    pub date: Option<NaiveDate>,
    pub place: String,
    pub notes: String,
    pub people: Vec<PersonMet>,
}

impl ComfortEvent {
    /// The name to show: the typed name, else its kind and date.
    pub fn title(&self) -> String {
        let name = self.name.trim();
        if !name.is_empty() {
            return name.to_owned();
        }
        match self.date {
            Some(date) => format!("{} on {}", self.kind.label(), dates::short(date)),
            None => self.kind.label().to_owned(),
        }
    }
}

/// What kind of entry the proud list holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProudKind {
    #[default]
    Accomplishment,
    BestWork,
    Praise,
}

keyed_enum!(ProudKind {
    Accomplishment => "accomplishment", "Accomplishment";
    BestWork => "best_work", "Best work";
    Praise => "praise", "Praise I received";
});

/// Evidence that the setback did not erase what came before.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProudItem {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub kind: ProudKind,
    pub text: String,
    pub date: Option<NaiveDate>,
    /// The local day it was written down (schema 8), for the weekly review.
    pub added_on: Option<NaiveDate>,
    /// Shown as a link only when it is http or https (see `safe_link`).
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, reactive_stores::Store)]
#[serde(default)]
pub struct Mojo {
    pub weekly_hours_goal: f32,
    /// The day weeks start on, for "this week" and the chart.
    pub week_starts_on: Weekday,
    pub downtime: Downtime,
    pub projects: Vec<SideProject>,
    /// A row of the live store reads and edits its own entry only
    /// (`store::records`).
    pub entries: Vec<TimeEntry>,
    pub events: Vec<ComfortEvent>,
    pub proud: Vec<ProudItem>,
    /// The weekly reviews (schema 8, see `model::review`), one per week.
    pub reviews: Vec<WeeklyReview>,
    /// When the person marked Step 3 done (see `model::progress`).
    pub done_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// Deleted records, so that merging an older backup does not bring them back.
    #[serde(skip_serializing_if = "Removed::is_empty")]
    pub removed: Removed,
}

impl Default for Mojo {
    fn default() -> Self {
        Self {
            weekly_hours_goal: DEFAULT_WEEKLY_HOURS_GOAL,
            week_starts_on: Weekday::Mon,
            downtime: Downtime::default(),
            projects: Vec::new(),
            entries: Vec::new(),
            events: Vec::new(),
            proud: Vec::new(),
            reviews: Vec::new(),
            done_at: None,
            updated_at: None,
            removed: Removed::default(),
        }
    }
}

/// The section part by part, to tell which parts an edit changed, so that
/// only their readers are notified (`Store::edit_mojo`). Made by taking
/// `Mojo` apart, so a new field does not compile until it is added here.
#[derive(Debug, PartialEq)]
pub struct MojoShape {
    pub weekly_hours_goal: f32,
    pub week_starts_on: Weekday,
    pub downtime: Downtime,
    pub projects: Vec<SideProject>,
    pub entries: ListShape,
    pub events: Vec<ComfortEvent>,
    pub proud: Vec<ProudItem>,
    pub reviews: Vec<WeeklyReview>,
    pub done_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    pub removed: (usize, Option<Timestamp>),
}

impl MojoShape {
    pub fn of(mojo: &Mojo) -> Self {
        let Mojo {
            weekly_hours_goal,
            week_starts_on,
            downtime,
            projects,
            entries,
            events,
            proud,
            reviews,
            done_at,
            updated_at,
            removed,
        } = mojo;
        Self {
            weekly_hours_goal: *weekly_hours_goal,
            week_starts_on: *week_starts_on,
            downtime: downtime.clone(),
            projects: projects.clone(),
            entries: ListShape::of(entries, |entry| &entry.meta),
            events: events.clone(),
            proud: proud.clone(),
            reviews: reviews.clone(),
            done_at: *done_at,
            updated_at: *updated_at,
            removed: removed.shape(),
        }
    }
}

// Removing an event leaves the contacts made from it: they keep how they were met.
record_edits!(Mojo {
    events: ComfortEvent => update_event, remove_event;
    proud: ProudItem => update_proud, remove_proud;
});

impl Mojo {
    fn touch(&mut self, now: Timestamp) {
        self.updated_at = Some(now);
    }

    // --- Goal and first day of the week -------------------------------------

    /// Sets the weekly goal, rounded to a quarter hour; 0 is allowed (no goal).
    pub fn set_weekly_goal(&mut self, hours: f32, now: Timestamp) -> Result<(), HoursError> {
        if !hours.is_finite() {
            return Err(HoursError::NotANumber);
        }
        let hours = (hours * 4.0).round() / 4.0;
        if hours < 0.0 {
            return Err(HoursError::TooLittle);
        }
        if hours > MAX_WEEKLY_GOAL {
            return Err(HoursError::GoalTooBig);
        }
        self.weekly_hours_goal = hours;
        self.touch(now);
        Ok(())
    }

    pub fn set_week_start(&mut self, first: Weekday, now: Timestamp) {
        self.week_starts_on = first;
        self.touch(now);
    }

    // --- Downtime ---------------------------------------------------------

    pub fn set_downtime_until(&mut self, until: Option<NaiveDate>, now: Timestamp) {
        self.downtime.until = until;
        self.touch(now);
    }

    /// Whether `today` falls in the planned downtime or is a rest day.
    pub fn is_resting(&self, today: NaiveDate) -> bool {
        self.downtime.until.is_some_and(|until| today <= until)
            || self.downtime.rest_days.iter().any(|day| day.date == today)
    }

    pub fn add_rest_day(&mut self, date: NaiveDate, note: &str, now: Timestamp) -> Uuid {
        let day = RestDay { meta: RecordMeta::new(now), date, note: note.trim().to_owned() };
        let id = self.downtime.rest_days.push_record(day);
        sorting::sort_by_key(&mut self.downtime.rest_days, |day| day.date);
        self.touch(now);
        id
    }

    pub fn remove_rest_day(&mut self, id: Uuid, now: Timestamp) {
        self.downtime.rest_days.remove_record(id, &mut self.removed, now);
        self.touch(now);
    }

    /// The rest days that fall in the week starting on `start`.
    pub fn rest_days_in_week(&self, start: NaiveDate) -> Vec<&RestDay> {
        let end = start + chrono::Days::new(7);
        self.downtime.rest_days.iter().filter(|day| day.date >= start && day.date < end).collect()
    }

    // --- Projects and milestones -------------------------------------------

    pub fn project(&self, id: Uuid) -> Option<&SideProject> {
        self.projects.by_id(id)
    }

    /// Adds a project with this name (not blank) and returns its id.
    pub fn add_project(&mut self, name: &str, now: Timestamp) -> Option<Uuid> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let project = SideProject { meta: RecordMeta::new(now), name: name.to_owned(), ..SideProject::default() };
        let id = self.projects.push_record(project);
        self.touch(now);
        Some(id)
    }

    pub fn update_project(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut SideProject)) {
        let kept_in_range = |project: &mut SideProject| {
            change(project);
            project.weekly_hours = if project.weekly_hours.is_finite() {
                ((project.weekly_hours * 4.0).round() / 4.0).clamp(0.0, MAX_WEEKLY_GOAL)
            } else {
                0.0
            };
        };
        if self.projects.edit(id, now, kept_in_range) {
            self.updated_at = Some(now);
        }
    }

    /// Removes a project together with the time logged on it.
    pub fn remove_project(&mut self, id: Uuid, now: Timestamp) {
        self.projects.remove_record(id, &mut self.removed, now);
        for entry in self.entries.iter().filter(|entry| entry.project == id) {
            self.removed.record(entry.meta.id, now);
        }
        self.entries.retain(|entry| entry.project != id);
        self.touch(now);
    }

    pub fn add_milestone(&mut self, project: Uuid, text: &str, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let milestone = Milestone { meta: RecordMeta::new(now), text: text.to_owned(), done_on: None };
        let id = milestone.meta.id;
        self.projects.edit(project, now, |project| project.milestones.push(milestone)).then_some(())?;
        self.touch(now);
        Some(id)
    }

    pub fn update_milestone(&mut self, project: Uuid, id: Uuid, now: Timestamp, change: impl FnOnce(&mut Milestone)) {
        let found = self.projects.by_id_mut(project).is_some_and(|project| project.milestones.edit(id, now, change));
        if found {
            self.touch(now);
        }
    }

    pub fn remove_milestone(&mut self, project: Uuid, id: Uuid, now: Timestamp) {
        let removed = &mut self.removed;
        self.projects.edit(project, now, |project| project.milestones.remove_record(id, removed, now));
        self.touch(now);
    }

    // --- Time log -----------------------------------------------------------

    pub fn entry(&self, id: Uuid) -> Option<&TimeEntry> {
        self.entries.by_id(id)
    }

    /// Hours logged on `date`, leaving out the entry `except` (the one being edited).
    pub fn hours_on(&self, date: NaiveDate, except: Option<Uuid>) -> f32 {
        self.entries
            .iter()
            .filter(|entry| entry.date == date && Some(entry.meta.id) != except)
            .map(|entry| entry.hours)
            .fold(0.0, |total, hours| total + hours)
    }

    /// Checks hours for one entry: a quarter-hour amount above zero, and a
    /// day that still fits in 24 hours.
    fn checked_hours(&self, date: NaiveDate, hours: f32, except: Option<Uuid>) -> Result<f32, HoursError> {
        let hours = round_hours(hours)?;
        if self.hours_on(date, except) + hours > MAX_HOURS_PER_DAY {
            return Err(HoursError::DayTooFull(date));
        }
        Ok(hours)
    }

    /// Logs time on a project; hours are rounded to the nearest quarter hour.
    pub fn log_time(
        &mut self,
        project: Uuid,
        date: NaiveDate,
        hours: f32,
        note: &str,
        now: Timestamp,
    ) -> Result<Uuid, HoursError> {
        if self.project(project).is_none() {
            return Err(HoursError::NoProject);
        }
        let hours = self.checked_hours(date, hours, None)?;
        let entry = TimeEntry { meta: RecordMeta::new(now), project, date, hours, note: note.trim().to_owned() };
        let id = self.entries.push_record(entry);
        self.touch(now);
        Ok(id)
    }

    pub fn set_entry_hours(&mut self, id: Uuid, hours: f32, now: Timestamp) -> Result<(), HoursError> {
        let date = self.entry(id).ok_or(HoursError::NoEntry)?.date;
        let hours = self.checked_hours(date, hours, Some(id))?;
        self.update_entry(id, now, |entry| entry.hours = hours);
        Ok(())
    }

    pub fn set_entry_date(&mut self, id: Uuid, date: NaiveDate, now: Timestamp) -> Result<(), HoursError> {
        let hours = self.entry(id).ok_or(HoursError::NoEntry)?.hours;
        if self.hours_on(date, Some(id)) + hours > MAX_HOURS_PER_DAY {
            return Err(HoursError::DayTooFull(date));
        }
        self.update_entry(id, now, |entry| entry.date = date);
        Ok(())
    }

    pub fn set_entry_note(&mut self, id: Uuid, note: &str, now: Timestamp) {
        let note = note.to_owned();
        self.update_entry(id, now, |entry| entry.note = note);
    }

    pub fn set_entry_project(&mut self, id: Uuid, project: Uuid, now: Timestamp) {
        if self.project(project).is_some() {
            self.update_entry(id, now, |entry| entry.project = project);
        }
    }

    fn update_entry(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut TimeEntry)) {
        if self.entries.edit(id, now, change) {
            self.updated_at = Some(now);
        }
    }

    pub fn remove_entry(&mut self, id: Uuid, now: Timestamp) {
        self.entries.remove_record(id, &mut self.removed, now);
        self.touch(now);
    }

    /// The log as shown: newest day first, entries of a day in the order logged.
    pub fn entries_newest_first(&self) -> Vec<&TimeEntry> {
        newest_first(&self.entries)
    }

    // --- Comfort-zone events ------------------------------------------------

    pub fn event(&self, id: Uuid) -> Option<&ComfortEvent> {
        self.events.by_id(id)
    }

    /// Adds a planned event and returns its id.
    pub fn add_event(&mut self, date: Option<NaiveDate>, now: Timestamp) -> Uuid {
        let event = ComfortEvent { meta: RecordMeta::new(now), date, ..ComfortEvent::default() };
        let id = self.events.push_record(event);
        self.touch(now);
        id
    }

    /// The events as shown: by date, undated (still to be set) last.
    pub fn events_in_order(&self) -> Vec<&ComfortEvent> {
        let mut events: Vec<&ComfortEvent> = self.events.iter().collect();
        sorting::sort_by_key(&mut events, |event| (event.date.is_none(), event.date));
        events
    }

    pub fn add_person(&mut self, event: Uuid, name: &str, now: Timestamp) -> Option<Uuid> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let person = PersonMet { meta: RecordMeta::new(now), name: name.to_owned(), ..PersonMet::default() };
        let id = person.meta.id;
        self.events.edit(event, now, |event| event.people.push(person)).then_some(())?;
        self.touch(now);
        Some(id)
    }

    pub fn update_person(&mut self, event: Uuid, id: Uuid, now: Timestamp, change: impl FnOnce(&mut PersonMet)) {
        if self.events.by_id_mut(event).is_some_and(|event| event.people.edit(id, now, change)) {
            self.touch(now);
        }
    }

    pub fn remove_person(&mut self, event: Uuid, id: Uuid, now: Timestamp) {
        let removed = &mut self.removed;
        self.events.edit(event, now, |event| event.people.remove_record(id, removed, now));
        self.touch(now);
    }

    // --- Proud list ---------------------------------------------------------

    /// Adds an entry to the proud list, written on the local day `today`.
    pub fn add_proud(&mut self, kind: ProudKind, text: &str, today: NaiveDate, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let item = ProudItem {
            meta: RecordMeta::new(now),
            kind,
            text: text.to_owned(),
            added_on: Some(today),
            ..ProudItem::default()
        };
        let id = self.proud.push_record(item);
        self.touch(now);
        Some(id)
    }
}

/// Time entries newest first; among one day's, the last logged first.
pub fn newest_first(entries: &[TimeEntry]) -> Vec<&TimeEntry> {
    newest_first_up_to(entries, usize::MAX)
}

/// The first `limit` of [`newest_first`]: picked before they are sorted, so
/// the log's first page beside 2,000 entries sorts twenty, not 2,000.
pub fn newest_first_up_to(entries: &[TimeEntry], limit: usize) -> Vec<&TimeEntry> {
    use std::cmp::Reverse;
    // Newest day first; on one day, the entry logged last first.
    let mut places: Vec<(Reverse<NaiveDate>, Reverse<usize>)> =
        entries.iter().enumerate().map(|(at, entry)| (Reverse(entry.date), Reverse(at))).collect();
    if limit < places.len() {
        places.select_nth_unstable(limit);
        places.truncate(limit);
    }
    sorting::sort(&mut places);
    places.into_iter().map(|(_, Reverse(at))| &entries[at]).collect()
}
