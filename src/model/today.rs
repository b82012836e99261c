//! What the Today page shows: where the person stands in each step,
//! computed from what they wrote, and the one most useful next step.

use chrono::NaiveDate;

use super::mojo::format_hours;
use super::plan::{end_of_week, Horizon, Stage};
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
    ChoosePath,
    TrackOpportunity,
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
            NextStep::ChoosePath => "Compare a new job, freelancing and a business on what matters to you, and choose a path. You can change it later.",
            NextStep::TrackOpportunity => "Note one opportunity worth a try, even a small one, and who could help with it.",
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
            NextStep::ChoosePath | NextStep::TrackOpportunity | NextStep::PlanAction | NextStep::DoThisWeek => "#/next",
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
            NextStep::ChoosePath => "Choose your path",
            NextStep::TrackOpportunity => "Add an opportunity",
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
                done: told > 0 || reached > 0,
                summary: {
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
                done: self.plan.opportunities.list.iter().any(|opportunity| opportunity.stage == Stage::Accepted),
                summary: {
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
                    format!("{path} {moving} {actions}")
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
        if self.plan.path.chosen.is_none() {
            return NextStep::ChoosePath;
        }
        if self.plan.opportunities.open_count() == 0 {
            return NextStep::TrackOpportunity;
        }
        if self.plan.actions.iter().all(|action| action.done) {
            return NextStep::PlanAction;
        }
        NextStep::DoThisWeek
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
