//! What the Today page shows: where the person stands in each step,
//! computed from what they wrote, and the one most useful next step.

use chrono::NaiveDate;

use super::mojo::format_hours;
use super::plan::{end_of_week, Horizon};
use super::Workbook;

/// One of the four steps with a plain summary of where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct StepStatus {
    pub number: u8,
    pub name: &'static str,
    /// Whether the step has reached its own "done" point.
    pub done: bool,
    pub summary: String,
}

/// The single suggestion at the top of Today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// The practical checklist is barely started and the debrief not begun.
    FirstSteps,
    BeginDebrief,
    ContinueDebrief,
    StartOutreach,
    StartSideProject,
    LogHours,
    PlanAction,
    DoThisWeek,
}

impl NextStep {
    /// Kind words for the suggestion.
    pub fn message(self) -> &'static str {
        match self {
            NextStep::FirstSteps => "Start with the practical ground: the paperwork, the money, the people at home.",
            NextStep::BeginDebrief => "When you have a quiet moment, write down what happened, in a sentence or two.",
            NextStep::ContinueDebrief => "Your debrief is under way. Go back to it when you have a calm stretch, and find the one lesson that matters most.",
            NextStep::StartOutreach => "You have looked back honestly. Now tell a few people, especially those you rarely see.",
            NextStep::StartSideProject => "Pick one side project that moves you towards what is next. Small is fine.",
            NextStep::LogHours => "Give your side project a few hours this week, and note them down.",
            NextStep::PlanAction => "Write down one concrete action for your next move.",
            NextStep::DoThisWeek => "Pick one action from your plan for this week. One is enough.",
        }
    }

    /// Where the suggestion leads (a route's address).
    pub fn href(self) -> &'static str {
        match self {
            NextStep::FirstSteps => "#/first-steps",
            NextStep::BeginDebrief | NextStep::ContinueDebrief => "#/debrief",
            NextStep::StartOutreach => "#/share",
            NextStep::StartSideProject | NextStep::LogHours => "#/mojo",
            NextStep::PlanAction | NextStep::DoThisWeek => "#/next",
        }
    }

    pub fn link_text(self) -> &'static str {
        match self {
            NextStep::FirstSteps => "Open the first steps",
            NextStep::BeginDebrief => "Begin the debrief",
            NextStep::ContinueDebrief => "Continue the debrief",
            NextStep::StartOutreach => "Open your outreach list",
            NextStep::StartSideProject => "Start a side project",
            NextStep::LogHours => "Log some hours",
            NextStep::PlanAction | NextStep::DoThisWeek => "Open your plan",
        }
    }
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
        let (hours, goal) = self.hours_this_week(today);
        let actions = &self.plan.actions;
        let done_actions = actions.iter().filter(|action| action.done).count();
        [
            StepStatus {
                number: 1,
                name: "Debrief with yourself",
                done: debrief.is_done(),
                summary: match debrief.done_at {
                    Some(at) => format!("Done on {}.", at.format("%-d %B %Y")),
                    None => format!("{filled} of {} parts written.", parts.len()),
                },
            },
            StepStatus {
                number: 2,
                name: "Share it",
                done: contacts > 0,
                summary: match contacts {
                    0 => "No one on your outreach list yet.".into(),
                    1 => "1 person on your outreach list.".into(),
                    n => format!("{n} people on your outreach list."),
                },
            },
            StepStatus {
                number: 3,
                name: "Regain your mojo",
                done: goal > 0.0 && hours >= goal,
                summary: format!("{} of {} this week on side projects.", format_hours(hours), format_hours(goal)),
            },
            StepStatus {
                number: 4,
                name: "Make your next move",
                done: !actions.is_empty() && done_actions == actions.len(),
                summary: match actions.len() {
                    0 => "No actions in your plan yet.".into(),
                    all => format!("{done_actions} of {all} actions done."),
                },
            },
        ]
    }

    /// The one next step worth suggesting, in the order of the method.
    pub fn next_step(&self, today: NaiveDate) -> NextStep {
        let checklist_barely_started = self.first_steps.done_count() * 2 < self.first_steps.checklist.len();
        if !self.debrief.is_started() {
            return if checklist_barely_started { NextStep::FirstSteps } else { NextStep::BeginDebrief };
        }
        if !self.debrief.is_done() {
            return NextStep::ContinueDebrief;
        }
        if self.outreach.contacts.is_empty() {
            return NextStep::StartOutreach;
        }
        if self.mojo.projects.is_empty() {
            return NextStep::StartSideProject;
        }
        let (hours, goal) = self.hours_this_week(today);
        if hours < goal && !self.mojo.is_resting(today) {
            return NextStep::LogHours;
        }
        if self.plan.actions.iter().all(|action| action.done) {
            return NextStep::PlanAction;
        }
        NextStep::DoThisWeek
    }

    /// What is due by the end of this week and not done yet: plan actions,
    /// checklist items and planned events, soonest first.
    pub fn due_this_week(&self, today: NaiveDate) -> Vec<DueItem> {
        let week = self.week_starts();
        let end = end_of_week(today, week);
        let mut due: Vec<DueItem> = Vec::new();
        for action in self.plan.actions.iter().filter(|action| !action.done) {
            if Horizon::of(action.due, today, week) == Horizon::ThisWeek {
                due.push(DueItem { what: self.action_title(action), date: action.due, href: "#/next" });
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
