//! The weekly review: once a week, a look back at what moved (the figures
//! come from what the workbook already keeps), three short questions, how
//! much energy there was, and up to three priorities for next week that
//! become dated actions in the plan, linked rather than copied.
//!
//! - `mojo::review`: the review records and the edits made to them;
//! - this file: the priorities' actions in the plan;
//! - `figures`: the week's figures, worked out from the data;
//! - `momentum`: the weeks since the setback and the chart's geometry.

mod figures;
mod momentum;

pub use crate::model::mojo::review::{
    checked_energy, review_week, Priority, PriorityError, WeeklyReview, MAX_ENERGY, MAX_PRIORITIES,
};
pub use figures::{FigureLine, Undated, WeekFigures};
pub use momentum::{momentum_geometry, Momentum, MomentumGeometry, MomentumWeek, Panel, PanelBar, MOMENTUM_WEEKS};

use chrono::{Days, NaiveDate, Weekday};
use uuid::Uuid;

use super::meta::{RecordMeta, Records, Timestamp};
use super::plan::{end_of_week, ActionItem, ActionOrigin};
use super::Workbook;

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
        let found = self.mojo.reviews.by_id_mut(review);
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
            .and_then(|found| found.priorities.by_id(priority))
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
        let found = review.priorities.by_id(priority)?;
        Some(found.text.trim().to_owned()).filter(|text| !text.is_empty())
    }

    /// The plan's action for a priority, if it is still there.
    pub fn priority_action(&self, review: Uuid, priority: Uuid) -> Option<&ActionItem> {
        self.plan.action_from(ActionOrigin::ReviewPriority { review, priority })
    }
}
