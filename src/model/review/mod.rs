//! The weekly review: once a week, a look back at what moved (the figures
//! come from what the workbook already keeps), three short questions, how
//! much energy there was, and up to three priorities for next week that
//! become dated actions in the plan, linked rather than copied.
//!
//! - this file: the review records and the edits made to them;
//! - `figures`: the week's figures, worked out from the data;
//! - `momentum`: the weeks since the setback and the chart's geometry.

mod figures;
mod momentum;

pub use figures::{FigureLine, Undated, WeekFigures};
pub use momentum::{momentum_geometry, Momentum, MomentumGeometry, MomentumWeek, Panel, PanelBar, MOMENTUM_WEEKS};

use chrono::{Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::{RecordMeta, Timestamp};
use super::mojo::week_start;
use super::plan::{end_of_week, ActionItem, ActionOrigin};
use super::{Mojo, Workbook};

/// At most this many priorities for next week: few enough to do.
pub const MAX_PRIORITIES: usize = 3;
/// Energy is given on a scale of 1 (running on empty) to 5 (plenty).
pub const MAX_ENERGY: u8 = 5;

/// One priority for next week; the plan's action linked to it shows its words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Priority {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub text: String,
}

/// A look back at one week. A week has one review: two devices that each
/// wrote one for the same week merge into one (see `model::merge`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeeklyReview {
    #[serde(flatten)]
    pub meta: RecordMeta,
    /// The first day of the week it looks back on.
    pub week: NaiveDate,
    /// What moved this week.
    pub moved: String,
    /// What was hard.
    pub hard: String,
    /// The one thing that matters most next week.
    pub next_one: String,
    /// 1 to 5, when the person chose to say.
    pub energy: Option<u8>,
    pub priorities: Vec<Priority>,
}

/// Why a priority was not added, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PriorityError {
    #[error("write the priority first")]
    Blank,
    #[error("three priorities are plenty for one week")]
    Full,
    #[error("that review no longer exists")]
    NoReview,
}

impl WeeklyReview {
    /// Whether anything was written in it yet.
    pub fn is_written(&self) -> bool {
        [&self.moved, &self.hard, &self.next_one].iter().any(|text| !text.trim().is_empty())
            || self.energy.is_some()
            || !self.priorities.is_empty()
    }
}

/// Keeps an energy level on the 1–5 scale; anything else is "not said".
pub fn checked_energy(level: Option<u8>) -> Option<u8> {
    level.filter(|level| (1..=MAX_ENERGY).contains(level))
}

/// The week a review is offered for on `today`: on the person's first day
/// of the week, the week that just ended; on the other days, this one.
pub fn review_week(today: NaiveDate, first: Weekday) -> NaiveDate {
    let this_week = week_start(today, first);
    if today == this_week {
        this_week - Days::new(7)
    } else {
        this_week
    }
}

/// When a priority set in the review of `week` falls due: the end of the
/// week after it, or the end of this week when that is already past.
pub fn priority_due(week: NaiveDate, today: NaiveDate, first: Weekday) -> NaiveDate {
    let next_week_end = end_of_week(week + Days::new(7), first);
    if next_week_end < today {
        end_of_week(today, first)
    } else {
        next_week_end
    }
}

impl Mojo {
    /// The review of the week starting on `week`, if one was written.
    pub fn review_of(&self, week: NaiveDate) -> Option<&WeeklyReview> {
        self.reviews.iter().find(|review| review.week == week)
    }

    pub fn review(&self, id: Uuid) -> Option<&WeeklyReview> {
        self.reviews.iter().find(|review| review.meta.id == id)
    }

    /// The review of `week`, started now if there is none yet; returns its id.
    pub fn start_review(&mut self, week: NaiveDate, now: Timestamp) -> Uuid {
        if let Some(review) = self.review_of(week) {
            return review.meta.id;
        }
        let review = WeeklyReview { meta: RecordMeta::new(now), week, ..WeeklyReview::default() };
        let id = review.meta.id;
        self.reviews.push(review);
        self.reviews.sort_by_key(|review| review.week);
        self.updated_at = Some(now);
        id
    }

    /// Edits a review's own words; the energy is kept on its 1–5 scale.
    pub fn update_review(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut WeeklyReview)) {
        if let Some(review) = self.reviews.iter_mut().find(|review| review.meta.id == id) {
            change(review);
            review.energy = checked_energy(review.energy);
            review.meta.touch(now);
            self.updated_at = Some(now);
        }
    }
    /// Changes a priority's words; its action in the plan shows them at once.
    pub fn set_priority_text(&mut self, review: Uuid, priority: Uuid, text: &str, now: Timestamp) {
        let text = text.to_owned();
        self.update_review(review, now, |review| {
            if let Some(found) = review.priorities.iter_mut().find(|candidate| candidate.meta.id == priority) {
                found.text = text;
                found.meta.touch(now);
            }
        });
    }
}

impl Workbook {
    /// Adds a priority for next week to a review, and its action to the
    /// plan (due by [`priority_due`], linked: it shows the priority's words).
    pub fn add_priority(
        &mut self,
        review: Uuid,
        text: &str,
        today: NaiveDate,
        now: Timestamp,
    ) -> Result<Uuid, PriorityError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PriorityError::Blank);
        }
        let first = self.week_starts();
        let found = self.mojo.reviews.iter_mut().find(|candidate| candidate.meta.id == review);
        let found = found.ok_or(PriorityError::NoReview)?;
        if found.priorities.len() >= MAX_PRIORITIES {
            return Err(PriorityError::Full);
        }
        let priority = Priority { meta: RecordMeta::new(now), text: text.to_owned() };
        let id = priority.meta.id;
        found.priorities.push(priority);
        found.meta.touch(now);
        let due = priority_due(found.week, today, first);
        self.mojo.updated_at = Some(now);
        let action = self.plan.link_action(ActionOrigin::ReviewPriority { review, priority: id }, now);
        self.plan.update_action(action, now, |action| {
            // Kept for the day the link is gone (the review removed on another device).
            action.title = text.to_owned();
            action.due = Some(due);
        });
        Ok(id)
    }

    /// Removes a priority; its action stays in the plan with the last words
    /// (it may already be under way), unlinked.
    pub fn remove_priority(&mut self, review: Uuid, priority: Uuid, now: Timestamp) {
        let words = self
            .mojo
            .review(review)
            .and_then(|found| found.priorities.iter().find(|candidate| candidate.meta.id == priority))
            .map(|found| found.text.trim().to_owned());
        self.mojo.update_review(review, now, |review| {
            review.priorities.retain(|candidate| candidate.meta.id != priority);
        });
        self.mojo.removed.record(priority, now);
        let origin = Some(ActionOrigin::ReviewPriority { review, priority });
        let linked = self.plan.actions.iter().find(|action| action.origin == origin).map(|action| action.meta.id);
        if let Some(action) = linked {
            self.plan.update_action(action, now, |action| {
                if let Some(words) = words.filter(|words| !words.is_empty()) {
                    action.title = words;
                }
                action.origin = None;
            });
        }
    }

    /// The priority an action of the plan is linked to, if any.
    pub fn priority_words(&self, action: &ActionItem) -> Option<String> {
        let Some(ActionOrigin::ReviewPriority { review, priority }) = action.origin else { return None };
        let review = self.mojo.review(review)?;
        let found = review.priorities.iter().find(|candidate| candidate.meta.id == priority)?;
        Some(found.text.trim().to_owned()).filter(|text| !text.is_empty())
    }

    /// The plan's action for a priority, if it is still there.
    pub fn priority_action(&self, review: Uuid, priority: Uuid) -> Option<&ActionItem> {
        self.plan.action_from(ActionOrigin::ReviewPriority { review, priority })
    }
}
