//! What the Today page shows: where the person stands in each step,
//! computed from what they wrote, and the one most useful next step.

use std::collections::HashSet;

use chrono::NaiveDate;
use uuid::Uuid;

use super::mojo::format_hours;
use super::outreach::{follow_ups_due, FollowUpDue};
use super::plan::{end_of_week, ActionOrigin, Horizon};
use super::progress::{Step, StepState};
use super::{Debrief, Mojo, Outreach, Plan, Workbook};
use crate::model::dates;
use crate::model::sorting;

/// One of the four steps with a plain summary of where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct StepStatus {
    pub number: u8,
    pub name: &'static str,
    pub state: StepState,
    /// Whether the person marked the step done.
    pub done: bool,
    pub summary: String,
}

impl StepStatus {
    pub fn of(step: Step, state: StepState, summary: String) -> Self {
        Self { number: step.number(), name: step.name(), state, done: state.is_done(), summary }
    }
}

// Each step's summary reads its own section only, so the figure can be kept
// per section and worked out again only when that section changes.

impl Debrief {
    pub fn step_summary(&self) -> String {
        match self.done_at {
            Some(at) => format!("Done on {}.", dates::long(at.date_naive())),
            None => {
                let parts = self.progress();
                let filled = parts.iter().filter(|part| part.filled).count();
                format!("{filled} of {} parts written.", parts.len())
            }
        }
    }
}

impl Outreach {
    pub fn step_summary(&self) -> String {
        let contacts = self.contacts.len();
        let told = self.announcement.postings.len();
        let reached = self.contacts.iter().filter(|contact| !contact.interactions.is_empty()).count();
        let people = match contacts {
            0 => "No one on your outreach list yet.".to_owned(),
            1 => "1 person on your outreach list".to_owned(),
            n => format!("{n} people on your outreach list"),
        };
        match (contacts, told) {
            (0, 0) => people,
            (_, 0) => format!("{people}, {reached} reached. Your news is not posted yet."),
            (_, 1) => format!("{people}, {reached} reached. Your news is posted in 1 place."),
            (_, told) => format!("{people}, {reached} reached. Your news is posted in {told} places."),
        }
    }
}

impl Mojo {
    pub fn step_summary(&self, today: NaiveDate) -> String {
        match (self.projects.len(), self.events.len()) {
            (0, 0) => "No side project or event yet. Rest counts too.".to_owned(),
            (projects, events) => format!(
                "{} on side projects so far, {} this week. {}.",
                format_hours(self.total_hours(None)),
                format_hours(self.hours_in_week(self.week_of(today), None)),
                match (projects, events) {
                    (1, 1) => "1 project, 1 event".to_owned(),
                    (1, events) => format!("1 project, {events} events"),
                    (projects, 1) => format!("{projects} projects, 1 event"),
                    (projects, events) => format!("{projects} projects, {events} events"),
                }
            ),
        }
    }
}

impl Plan {
    pub fn step_summary(&self, today: NaiveDate) -> String {
        if let (Some(at), Some(end)) = (self.done_at, self.end_state) {
            return format!("Done on {}: {}.", dates::long(at.date_naive()), end.done_words());
        }
        let path = match self.path.chosen_option() {
            Some(option) => format!("Path chosen: {}.", option.name.trim()),
            None => "No path chosen yet.".to_owned(),
        };
        let two_weeks_ago = today.checked_sub_days(chrono::Days::new(14)).unwrap_or(today);
        let moved = self
            .opportunities
            .list
            .iter()
            .filter(|opportunity| {
                !opportunity.stage.is_closed() && opportunity.stage_since().is_some_and(|since| since >= two_weeks_ago)
            })
            .count();
        let moving = match self.opportunities.open_count() {
            0 => "No open opportunities.".to_owned(),
            1 => format!("1 open opportunity, {moved} moved in the last two weeks."),
            n => format!("{n} open opportunities, {moved} moved in the last two weeks."),
        };
        let done_actions = self.actions.iter().filter(|action| action.done).count();
        let actions = match self.actions.len() {
            0 => "No actions in your plan yet.".to_owned(),
            all => format!("{done_actions} of {all} actions done."),
        };
        format!("{path} {moving} {actions}")
    }
}

impl Workbook {
    /// Hours logged this week, and the weekly goal.
    pub fn hours_this_week(&self, today: NaiveDate) -> (f32, f32) {
        (self.mojo.hours_in_week(self.mojo.week_of(today), None), self.mojo.weekly_hours_goal)
    }

    /// Where each of the four steps stands.
    pub fn steps_overview(&self, today: NaiveDate) -> [StepStatus; 4] {
        let [debrief, share, mojo, next_move] = self.step_states();
        [
            StepStatus::of(Step::Debrief, debrief, self.debrief.step_summary()),
            StepStatus::of(Step::Share, share, self.outreach.step_summary()),
            StepStatus::of(Step::Mojo, mojo, self.mojo.step_summary(today)),
            StepStatus::of(Step::NextMove, next_move, self.plan.step_summary(today)),
        ]
    }

    /// What is due by the end of this week and not done yet: plan actions,
    /// follow-ups, opportunities' next steps, checklist items and planned
    /// events, soonest first.
    pub fn due_this_week(&self, today: NaiveDate) -> Vec<DueItem> {
        let follow_ups = follow_ups_due(&self.outreach.contacts, end_of_week(today, self.week_starts()));
        with_follow_ups(self.due_besides_follow_ups(today), &follow_ups, &self.plan)
    }

    /// [`Workbook::due_this_week`] without the contacts' follow-ups, which
    /// are kept apart ([`follow_ups_due`]): reading 5,000 contacts again is
    /// needed only when the outreach list changes.
    pub fn due_besides_follow_ups(&self, today: NaiveDate) -> Vec<DueItem> {
        let week = self.week_starts();
        let end = end_of_week(today, week);
        let mut due: Vec<DueItem> = Vec::new();
        for action in self.plan.actions.iter().filter(|action| !action.done) {
            if Horizon::of(action.due, today, week) == Horizon::ThisWeek {
                due.push(DueItem { what: self.action_title(action), date: action.due, href: "#/next" });
            }
        }
        for opportunity in self.plan.opportunities.list.iter().filter(|opportunity| !opportunity.stage.is_closed()) {
            if let Some(date) = opportunity.next_date.filter(|date| *date <= end) {
                let what = match opportunity.next_step.trim() {
                    "" => format!("Next step for {}", opportunity.title()),
                    step => format!("{step} ({})", opportunity.title()),
                };
                due.push(DueItem { what, date: Some(date), href: "#/next" });
            }
        }
        for item in self.first_steps.checklist.iter().filter(|item| item.done_at.is_none()) {
            if item.due.is_some_and(|date| date <= end) {
                due.push(DueItem { what: item.title.clone(), date: item.due, href: "#/first-steps" });
            }
        }
        for event in self.mojo.events.iter().filter(|event| !event.attended) {
            if event.date.is_some_and(|date| date >= today && date <= end) {
                due.push(DueItem { what: event.title(), date: event.date, href: "#/mojo" });
            }
        }
        due
    }
}

/// Today's list: what is due `besides` the follow-ups, and the follow-ups
/// (one already in the plan shows once, as its action), soonest first.
pub fn with_follow_ups(mut due: Vec<DueItem>, follow_ups: &[FollowUpDue], plan: &Plan) -> Vec<DueItem> {
    let linked: HashSet<Uuid> = plan
        .actions
        .iter()
        .filter_map(|action| match action.origin {
            Some(ActionOrigin::FollowUp { contact }) => Some(contact),
            _ => None,
        })
        .collect();
    due.extend(follow_ups.iter().filter(|follow_up| !linked.contains(&follow_up.contact)).map(|follow_up| DueItem {
        what: format!("Follow up with {}", follow_up.name),
        date: Some(follow_up.date),
        href: "#/share",
    }));
    sorting::sort_by_key(&mut due, |item| item.date);
    due
}

/// Something due soon, with where to act on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub what: String,
    pub date: Option<NaiveDate>,
    pub href: &'static str,
}
