//! Step 4 of the method: the next move, the *plan* store. The action plan
//! lives here; the path choice, targets, opportunities, the failure answer
//! and the activity report each have their own file.

pub mod end_state;
pub mod opportunities;
pub mod path;
pub mod report;
pub mod story;
pub mod targets;

pub use end_state::EndState;
pub use opportunities::{Opportunities, Opportunity, Stage};
pub use path::PathChoice;
pub use story::{FailureAnswer, Story};
pub use targets::{TargetKind, Targets};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::Removed;
use super::meta::{record_edits, RecordMeta, Records, Timestamp};
use crate::model::keyed::keyed_enum;
use crate::model::sorting;

/// Where an action came from. A linked action shows its source's text, so
/// an edit in either place shows in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionOrigin {
    /// An option weighed in the debrief.
    DebriefOption { option: Uuid },
    /// A follow-up with a contact of the outreach list.
    FollowUp { contact: Uuid },
    /// A milestone of a side project.
    Milestone { project: Uuid, milestone: Uuid },
    /// A priority for next week set in a weekly review (schema 8).
    ReviewPriority { review: Uuid, priority: Uuid },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    #[serde(flatten)]
    pub meta: RecordMeta,
    /// The action's own words; unused while it is linked to an origin.
    pub title: String,
    pub done: bool,
    pub origin: Option<ActionOrigin>,
    pub due: Option<NaiveDate>,
    /// The local day it was marked done (schema 8), for the weekly review;
    /// actions done before it was kept have none.
    pub done_on: Option<NaiveDate>,
}

/// The 30/60/90-day view of the plan: how far off an action is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Horizon {
    /// Due by the end of this week (overdue ones too: they are still for now).
    ThisWeek,
    Next30,
    Next60,
    Next90,
    Later,
    /// No date yet.
    Someday,
}

keyed_enum!(Horizon {
    ThisWeek => "week", "This week";
    Next30 => "30", "Next 30 days";
    Next60 => "60", "Within 60 days";
    Next90 => "90", "Within 90 days";
    Later => "later", "Later";
    Someday => "someday", "Someday";
});

impl Horizon {
    /// Where an action with this due date sits, seen from `today`.
    pub fn of(due: Option<NaiveDate>, today: NaiveDate, week_starts: Weekday) -> Horizon {
        let Some(due) = due else { return Horizon::Someday };
        let days = (due - today).num_days();
        if due <= end_of_week(today, week_starts) {
            Horizon::ThisWeek
        } else if days <= 30 {
            Horizon::Next30
        } else if days <= 60 {
            Horizon::Next60
        } else if days <= 90 {
            Horizon::Next90
        } else {
            Horizon::Later
        }
    }

    /// A sensible due date for an action moved into this horizon: the end of
    /// this week, or the end of the 30/60/90-day window; "later" is four
    /// months out; "someday" has no date.
    pub fn due_date(self, today: NaiveDate, week_starts: Weekday) -> Option<NaiveDate> {
        let plus = |days: u64| today.checked_add_days(Days::new(days));
        match self {
            Horizon::ThisWeek => Some(end_of_week(today, week_starts)),
            Horizon::Next30 => plus(30),
            Horizon::Next60 => plus(60),
            Horizon::Next90 => plus(90),
            Horizon::Later => plus(120),
            Horizon::Someday => None,
        }
    }
}

/// The last day of the week that contains `day`.
pub fn end_of_week(day: NaiveDate, week_starts: Weekday) -> NaiveDate {
    let into_week = (day.weekday().num_days_from_monday() + 7 - week_starts.num_days_from_monday()) % 7;
    day.checked_add_days(Days::new(u64::from(6 - into_week))).unwrap_or(day)
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, reactive_stores::Store)]
#[serde(default)]
pub struct Plan {
    pub actions: Vec<ActionItem>,
    pub path: PathChoice,
    pub targets: Targets,
    pub opportunities: Opportunities,
    pub answer: FailureAnswer,
    /// Other interview stories (situation, task, action, result, lesson).
    pub stories: Vec<Story>,
    /// What finishing the next move means for this person (see `model::progress`).
    pub end_state: Option<EndState>,
    /// When the person marked Step 4 done: the comeback is complete.
    pub done_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    /// Deleted records, so that merging an older backup does not bring them back.
    #[serde(skip_serializing_if = "Removed::is_empty")]
    pub removed: Removed,
}

record_edits!(Plan {
    actions: ActionItem => update_action, remove_action;
    stories: Story => update_story, remove_story;
});

impl Plan {
    pub fn action_from(&self, origin: ActionOrigin) -> Option<&ActionItem> {
        self.actions.iter().find(|action| action.origin == Some(origin))
    }

    /// Adds an action linked to `origin`, once; returns its id.
    pub fn link_action(&mut self, origin: ActionOrigin, now: Timestamp) -> Uuid {
        if let Some(action) = self.action_from(origin) {
            return action.meta.id;
        }
        let action = ActionItem { meta: RecordMeta::new(now), origin: Some(origin), ..ActionItem::default() };
        let id = self.actions.push_record(action);
        self.updated_at = Some(now);
        id
    }

    /// Marks an action done on the local day `today`, or not done.
    pub fn set_done(&mut self, id: Uuid, done: bool, today: NaiveDate, now: Timestamp) {
        self.update_action(id, now, |action| {
            action.done_on = if done { action.done_on.filter(|_| action.done).or(Some(today)) } else { None };
            action.done = done;
        });
    }

    /// Adds an action of the person's own; returns its id.
    pub fn add_action(&mut self, title: &str, due: Option<NaiveDate>, now: Timestamp) -> Option<Uuid> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let action = ActionItem { meta: RecordMeta::new(now), title: title.into(), due, ..ActionItem::default() };
        let id = self.actions.push_record(action);
        self.updated_at = Some(now);
        Some(id)
    }

    /// Moves an action to another horizon, giving it that horizon's due date.
    pub fn move_to(&mut self, id: Uuid, horizon: Horizon, today: NaiveDate, week_starts: Weekday, now: Timestamp) {
        self.update_action(id, now, |action| action.due = horizon.due_date(today, week_starts));
    }

    /// The actions of one horizon, soonest first (undated ones in the order added).
    pub fn in_horizon(&self, horizon: Horizon, today: NaiveDate, week_starts: Weekday) -> Vec<&ActionItem> {
        let mut actions: Vec<&ActionItem> =
            self.actions.iter().filter(|action| Horizon::of(action.due, today, week_starts) == horizon).collect();
        sorting::sort_by_key(&mut actions, |action| action.due);
        actions
    }

    // Removing a record of the plan's parts keeps a tombstone, so a merge
    // with an older backup does not bring it back (see `model::merge`).

    pub fn remove_path_option(&mut self, id: Uuid, now: Timestamp) {
        self.path.remove_option(id, now);
        self.removed.record(id, now);
    }

    pub fn remove_criterion(&mut self, id: Uuid, now: Timestamp) {
        self.path.remove_criterion(id, now);
        self.removed.record(id, now);
    }

    pub fn remove_target(&mut self, id: Uuid, now: Timestamp) {
        self.targets.remove(id, now);
        self.removed.record(id, now);
    }

    pub fn remove_opportunity(&mut self, id: Uuid, now: Timestamp) {
        self.opportunities.remove(id, now);
        self.removed.record(id, now);
    }

    pub fn remove_answer_version(&mut self, id: Uuid, now: Timestamp) {
        self.answer.remove_version(id, now);
        self.removed.record(id, now);
    }

    /// When anything in the plan was last edited: its parts keep their own
    /// times, and a merge compares the latest.
    pub fn last_edit(&self) -> Option<Timestamp> {
        [
            self.updated_at,
            self.path.updated_at,
            self.targets.updated_at,
            self.opportunities.updated_at,
            self.answer.updated_at,
        ]
        .into_iter()
        .flatten()
        .max()
    }

    /// The actions with a due date, not done yet, soonest first (for `.ics`).
    pub fn dated_open_actions(&self) -> Vec<&ActionItem> {
        let mut actions: Vec<&ActionItem> =
            self.actions.iter().filter(|action| !action.done && action.due.is_some()).collect();
        sorting::sort_by_key(&mut actions, |action| action.due);
        actions
    }

    pub fn add_story(&mut self, question: &str, now: Timestamp) -> Option<Uuid> {
        if question.trim().is_empty() {
            return None;
        }
        let story = Story::new(question, now);
        let id = self.stories.push_record(story);
        self.updated_at = Some(now);
        Some(id)
    }
}
