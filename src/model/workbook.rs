//! The root document: everything the person writes, saved as one JSON value.

use serde::{Deserialize, Serialize};

use uuid::Uuid;

use super::meta::Records;
use super::plan::{ActionItem, ActionOrigin};
use super::{Debrief, FirstSteps, Mojo, Outreach, Plan, Settings, Timestamp};

/// The shape of the document this build writes. Raise it with every change
/// that older builds could misread, and add a step to `io::migrate`.
pub const SCHEMA_VERSION: u32 = 8;

/// `Store`: the live workbook is a `reactive_stores::Store<Workbook>`, so each
/// section is a field of its own that pages read and edit separately.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, reactive_stores::Store)]
#[serde(default)]
pub struct Workbook {
    pub schema_version: u32,
    pub created_at: Option<Timestamp>,
    /// The practical ground before the method: checklist and survival budget.
    pub first_steps: FirstSteps,
    pub debrief: Debrief,
    pub outreach: Outreach,
    pub mojo: Mojo,
    pub plan: Plan,
    pub settings: Settings,
}

impl Default for Workbook {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            created_at: None,
            first_steps: FirstSteps::default(),
            debrief: Debrief::default(),
            outreach: Outreach::default(),
            mojo: Mojo::default(),
            plan: Plan::default(),
            settings: Settings::default(),
        }
    }
}

impl Workbook {
    /// A new workbook started at `now`: nothing written yet, the starting
    /// checklist in place.
    pub fn new(now: Timestamp) -> Self {
        let mut workbook = Self { created_at: Some(now), ..Self::default() };
        workbook.ensure_defaults(now);
        workbook
    }

    /// Adds the starting checklist and the usual paths to compare, once each
    /// (fixed ids: never twice, and removed ones stay removed).
    pub fn ensure_defaults(&mut self, now: Timestamp) {
        self.first_steps.ensure_defaults(now);
        self.plan.path.ensure_defaults(now);
    }

    /// Sets the kind of setback; a weekly side-project goal the person never
    /// changed follows it (see [`super::SetbackKind::weekly_hours`]).
    pub fn set_setback(&mut self, kind: Option<super::SetbackKind>, now: Timestamp) {
        let before = self.debrief.setback;
        self.debrief.set_setback(kind, now);
        let untouched = self.mojo.weekly_hours_goal == super::SetbackKind::weekly_hours(before);
        let goal = super::SetbackKind::weekly_hours(kind);
        if untouched && self.mojo.weekly_hours_goal != goal {
            // Within the allowed range by construction.
            let _ = self.mojo.set_weekly_goal(goal, now);
        }
    }

    /// The day weeks start on, for "this week" everywhere in the app (set in Mojo).
    pub fn week_starts(&self) -> chrono::Weekday {
        self.mojo.week_starts_on
    }

    /// True while the person has written nothing at all.
    pub fn is_empty(&self) -> bool {
        !self.debrief.is_started()
            && self.outreach.contacts.is_empty()
            && self.outreach.share_by.is_none()
            && self.mojo.projects.is_empty()
            && self.mojo.entries.is_empty()
            && self.mojo.events.is_empty()
            && self.mojo.proud.is_empty()
            && self.plan.actions.is_empty()
            && self.plan.targets.is_empty()
            && self.plan.opportunities.list.is_empty()
            && self.plan.path.chosen.is_none()
            && self.plan.answer.parts == Default::default()
            && self.plan.stories.is_empty()
    }
}

impl Workbook {
    /// Turns a person met at an event into an outreach contact ("met at
    /// <event>"), linked both ways: the contact keeps the event's id and the
    /// person keeps the contact's id. A person already in the list is not
    /// added twice; the existing contact's id is returned.
    pub fn person_to_contact(&mut self, event: Uuid, person: Uuid, now: Timestamp) -> Option<Uuid> {
        let found = self.mojo.event(event)?;
        let title = found.title();
        let met = found.people.by_id(person)?;
        if let Some(existing) = met.contact.filter(|id| self.outreach.contact(*id).is_some()) {
            return Some(existing);
        }
        let name = if met.name.trim().is_empty() { "Someone I met".to_owned() } else { met.name.trim().to_owned() };
        let contact = self.outreach.add_contact(&name, &format!("met at {title}"), Some(event), now);
        self.mojo.update_person(event, person, now, |person| person.contact = Some(contact));
        Some(contact)
    }

    /// Sends a debrief option to the action plan as a linked action.
    pub fn send_option_to_plan(&mut self, option: Uuid, now: Timestamp) -> Option<Uuid> {
        self.debrief
            .options
            .iter()
            .any(|note| note.meta.id == option)
            .then(|| self.plan.link_action(ActionOrigin::DebriefOption { option }, now))
    }

    /// The words an action shows: its origin's current text when linked.
    pub fn action_title(&self, action: &ActionItem) -> String {
        let linked = match action.origin {
            Some(ActionOrigin::DebriefOption { option }) => {
                self.debrief.options.by_id(option).map(|note| note.text.clone())
            }
            Some(ActionOrigin::FollowUp { contact }) => self
                .outreach
                .contacts
                .iter()
                .find(|person| person.meta.id == contact)
                .map(|person| format!("Follow up with {}", person.name.trim())),
            Some(ActionOrigin::Milestone { project, milestone }) => {
                self.mojo.projects.by_id(project).and_then(|project| {
                    let step = project.milestones.by_id(milestone)?;
                    Some(format!("{} ({})", step.text.trim(), project.display_name()))
                })
            }
            Some(ActionOrigin::ReviewPriority { .. }) => self.priority_words(action),
            None => None,
        };
        linked.unwrap_or_else(|| action.title.clone())
    }

    /// Sends a contact's follow-up to the action plan, due on the follow-up date.
    pub fn send_follow_up_to_plan(&mut self, contact: Uuid, now: Timestamp) -> Option<Uuid> {
        let person = self.outreach.contacts.by_id(contact)?;
        let (due, title) = (person.next_follow_up(), format!("Follow up with {}", person.name.trim()));
        let id = self.plan.link_action(ActionOrigin::FollowUp { contact }, now);
        self.plan.update_action(id, now, |action| {
            action.title = title;
            action.due = action.due.or(due);
        });
        Some(id)
    }

    /// Sends a side-project milestone to the action plan.
    pub fn send_milestone_to_plan(&mut self, project: Uuid, milestone: Uuid, now: Timestamp) -> Option<Uuid> {
        let side_project = self.mojo.projects.by_id(project)?;
        let step = side_project.milestones.by_id(milestone)?;
        let title = format!("{} ({})", step.text.trim(), side_project.display_name());
        let id = self.plan.link_action(ActionOrigin::Milestone { project, milestone }, now);
        self.plan.update_action(id, now, |action| action.title = title);
        Some(id)
    }

    /// The announcement with its empty "moved on from" and "pursuing" filled
    /// from the debrief's kind of setback and the plan's targets or chosen
    /// path; what the person typed always wins.
    pub fn announcement_filled(&self) -> crate::model::outreach::share::Announcement {
        let mut announcement = self.outreach.announcement.clone();
        let (from, to) = self.announcement_suggestions();
        if announcement.moved_on_from.trim().is_empty() {
            announcement.moved_on_from = from.unwrap_or_default();
        }
        if announcement.pursuing.trim().is_empty() {
            announcement.pursuing = to.unwrap_or_default();
        }
        announcement
    }

    /// Suggested words for what the person moved on from and is pursuing.
    pub fn announcement_suggestions(&self) -> (Option<String>, Option<String>) {
        use super::SetbackKind;
        let from = self.debrief.setback.and_then(|kind| match kind {
            SetbackKind::FiredOrLaidOff => Some("my last role"),
            SetbackKind::BusinessFailed => Some("my business"),
            SetbackKind::ProjectRejected => Some("my side project"),
            SetbackKind::Stalled => Some("a role where I had stopped growing"),
            SetbackKind::Other => None,
        });
        let roles = self.plan.targets.roles_phrase();
        let companies: Vec<&str> =
            self.plan.targets.of_kind(super::plan::TargetKind::Company).map(|target| target.text.trim()).collect();
        let to = match (roles.is_empty(), companies.as_slice()) {
            (false, []) => Some(format!("a role as {roles}")),
            (false, [one]) => Some(format!("a role as {roles}, ideally at {one}")),
            (false, [rest @ .., last]) => Some(format!("a role as {roles}, ideally at {} or {last}", rest.join(", "))),
            (true, [_, ..]) => Some(format!("a role at {}", companies.join(" or "))),
            (true, []) => self
                .plan
                .path
                .chosen_option()
                .map(|option| option.name.trim().to_lowercase())
                .filter(|name| !name.is_empty()),
        };
        (from.map(str::to_owned), to)
    }

    /// What the failure answer suggests for each part until the person writes
    /// their own: the debrief summary, the key lesson, the time-off summary,
    /// and the chosen path with the target roles. Each part reads one section
    /// ([`Debrief::answer_words`], [`Mojo::done_since_words`],
    /// [`Plan::ready_words`]), so each can be kept apart.
    pub fn answer_suggestions(&self) -> crate::model::plan::story::Parts {
        let (what_happened, learned) = self.debrief.answer_words();
        crate::model::plan::story::Parts {
            what_happened,
            learned,
            done_since: self.mojo.done_since_words(),
            why_ready: self.plan.ready_words(),
        }
    }

    /// Removes a debrief option; an action linked to it keeps the last words.
    pub fn remove_option(&mut self, option: Uuid, now: Timestamp) {
        let text = self.debrief.options.by_id(option).map(|note| note.text.clone());
        if let (Some(text), Some(action)) = (
            text,
            self.plan.actions.iter_mut().find(|action| action.origin == Some(ActionOrigin::DebriefOption { option })),
        ) {
            action.title = text;
            action.origin = None;
            action.meta.touch(now);
        }
        self.debrief.remove_note(super::debrief::NoteList::Options, option, now);
    }
}

fn non_empty(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|text| !text.is_empty())
}

impl super::Debrief {
    /// The failure answer's first two parts: what happened, and the lesson.
    pub fn answer_words(&self) -> (Option<String>, Option<String>) {
        use super::words::sentence;
        let learned = self
            .key_lesson()
            .and_then(|note| non_empty(&note.text))
            .map(|lesson| format!("Looking back, the biggest lesson for me was this: {}", sentence(&lesson)));
        (non_empty(&sentence(&self.summary)), learned)
    }
}

impl super::Plan {
    /// The failure answer's last part: why the person is ready, from the
    /// target roles or the chosen path.
    pub fn ready_words(&self) -> Option<String> {
        match (self.path.chosen_option().map(|option| option.name.trim().to_lowercase()), self.targets.roles_phrase()) {
            (_, roles) if !roles.is_empty() => Some(format!(
                "I know what I want next: a role as {roles}, and I am ready to give it my full attention."
            )),
            (Some(path), _) if !path.is_empty() => Some(format!(
                "I have decided on my next step: {}. I am ready to give it my full attention.",
                super::words::clause(&path)
            )),
            _ => None,
        }
    }
}
