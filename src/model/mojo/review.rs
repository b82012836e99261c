//! The weekly review's records, kept in the mojo section: the review of
//! each week (three short questions, the energy, up to three priorities)
//! and the edits made to them. The figures and the priorities' actions in
//! the plan are `model::review`'s.

use chrono::{Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{week_start, Mojo};
use crate::model::meta::{RecordMeta, Records, Timestamp};
use crate::model::sorting;

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

impl Mojo {
    /// The review of the week starting on `week`, if one was written.
    pub fn review_of(&self, week: NaiveDate) -> Option<&WeeklyReview> {
        self.reviews.iter().find(|review| review.week == week)
    }

    pub fn review(&self, id: Uuid) -> Option<&WeeklyReview> {
        self.reviews.by_id(id)
    }

    /// The review of `week`, started now if there is none yet; returns its id.
    pub fn start_review(&mut self, week: NaiveDate, now: Timestamp) -> Uuid {
        if let Some(review) = self.review_of(week) {
            return review.meta.id;
        }
        let review = WeeklyReview { meta: RecordMeta::new(now), week, ..WeeklyReview::default() };
        let id = self.reviews.push_record(review);
        sorting::sort_by_key(&mut self.reviews, |review| review.week);
        self.updated_at = Some(now);
        id
    }

    /// Edits a review's own words; the energy is kept on its 1–5 scale.
    pub fn update_review(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut WeeklyReview)) {
        let kept_in_scale = |review: &mut WeeklyReview| {
            change(review);
            review.energy = checked_energy(review.energy);
        };
        if self.reviews.edit(id, now, kept_in_scale) {
            self.updated_at = Some(now);
        }
    }
    /// Changes a priority's words; its action in the plan shows them at once.
    pub fn set_priority_text(&mut self, review: Uuid, priority: Uuid, text: &str, now: Timestamp) {
        let text = text.to_owned();
        self.update_review(review, now, |review| {
            review.priorities.edit(priority, now, |found| found.text = text);
        });
    }
}
