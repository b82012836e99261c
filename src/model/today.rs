//! What the Today page shows: where the person stands in each step,
//! computed from what they wrote, and the one most useful next step.

use chrono::NaiveDate;

use super::mojo::format_hours;
use super::plan::{end_of_week, Horizon};
use super::progress::{Step, StepState};
use super::Workbook;

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

impl Workbook {
    /// Hours logged this week, and the weekly goal.
    pub fn hours_this_week(&self, today: NaiveDate) -> (f32, f32) {
        (self.mojo.hours_in_week(self.mojo.week_of(today), None), self.mojo.weekly_hours_goal)
    }

    /// Where each of the four steps stands.
    pub fn steps_overview(&self, today: NaiveDate) -> [StepStatus; 4] {
        let debrief = &self.debrief;
        let parts = debrief.progress();
        let filled = parts.iter().filter(|part| part.filled).count();
        let contacts = self.outreach.contacts.len();
        let (hours, _) = self.hours_this_week(today);
        let total_hours = self.mojo.total_hours(None);
        let states = self.step_states();
        let status = |step: Step, summary: String| StepStatus {
            number: step.number(),
            name: step.name(),
            state: states[usize::from(step.number() - 1)],
            done: states[usize::from(step.number() - 1)].is_done(),
            summary,
        };
        let actions = &self.plan.actions;
        let done_actions = actions.iter().filter(|action| action.done).count();
        let told = self.outreach.announcement.postings.len();
        let reached = self.outreach.contacts.iter().filter(|contact| !contact.interactions.is_empty()).count();
        let open = self.plan.opportunities.open_count();
        let two_weeks_ago = today.checked_sub_days(chrono::Days::new(14)).unwrap_or(today);
        let moved = self
            .plan
            .opportunities
            .list
            .iter()
            .filter(|opportunity| {
                !opportunity.stage.is_closed() && opportunity.stage_since().is_some_and(|since| since >= two_weeks_ago)
            })
            .count();
        [
            status(
                Step::Debrief,
                match debrief.done_at {
                    Some(at) => format!("Done on {}.", at.format("%-d %B %Y")),
                    None => format!("{filled} of {} parts written.", parts.len()),
                },
            ),
            status(Step::Share, {
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
            }),
            status(
                Step::Mojo,
                match (self.mojo.projects.len(), self.mojo.events.len()) {
                    (0, 0) => "No side project or event yet. Rest counts too.".to_owned(),
                    (projects, events) => format!(
                        "{} on side projects so far, {} this week. {}.",
                        format_hours(total_hours),
                        format_hours(hours),
                        match (projects, events) {
                            (1, 1) => "1 project, 1 event".to_owned(),
                            (1, events) => format!("1 project, {events} events"),
                            (projects, 1) => format!("{projects} projects, 1 event"),
                            (projects, events) => format!("{projects} projects, {events} events"),
                        }
                    ),
                },
            ),
            status(Step::NextMove, {
                let path = match self.plan.path.chosen_option() {
                    Some(option) => format!("Path chosen: {}.", option.name.trim()),
                    None => "No path chosen yet.".to_owned(),
                };
                let moving = match open {
                    0 => "No open opportunities.".to_owned(),
                    1 => format!("1 open opportunity, {moved} moved in the last two weeks."),
                    n => format!("{n} open opportunities, {moved} moved in the last two weeks."),
                };
                let actions = match actions.len() {
                    0 => "No actions in your plan yet.".to_owned(),
                    all => format!("{done_actions} of {all} actions done."),
                };
                match (self.plan.done_at, self.plan.end_state) {
                    (Some(at), Some(end)) => format!("Done on {}: {}.", at.format("%-d %B %Y"), end.done_words()),
                    _ => format!("{path} {moving} {actions}"),
                }
            }),
        ]
    }

    /// What is due by the end of this week and not done yet: plan actions,
    /// follow-ups, opportunities' next steps, checklist items and planned
    /// events, soonest first.
    pub fn due_this_week(&self, today: NaiveDate) -> Vec<DueItem> {
        let week = self.week_starts();
        let end = end_of_week(today, week);
        let mut due: Vec<DueItem> = Vec::new();
        for action in self.plan.actions.iter().filter(|action| !action.done) {
            if Horizon::of(action.due, today, week) == Horizon::ThisWeek {
                due.push(DueItem { what: self.action_title(action), date: action.due, href: "#/next" });
            }
        }
        let linked_follow_ups: Vec<uuid::Uuid> = self
            .plan
            .actions
            .iter()
            .filter_map(|action| match action.origin {
                Some(super::plan::ActionOrigin::FollowUp { contact }) => Some(contact),
                _ => None,
            })
            .collect();
        for contact in self.outreach.due_by(end) {
            // A follow-up already in the plan shows once, as its action.
            if !linked_follow_ups.contains(&contact.meta.id) {
                due.push(DueItem {
                    what: format!("Follow up with {}", contact.name.trim()),
                    date: contact.next_follow_up(),
                    href: "#/share",
                });
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
        due.sort_by_key(|item| item.date);
        due
    }
}

/// Something due soon, with where to act on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub what: String,
    pub date: Option<NaiveDate>,
    pub href: &'static str,
}
