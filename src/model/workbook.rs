//! The root document: everything the person writes, saved as one JSON value.

use serde::{Deserialize, Serialize};

use uuid::Uuid;

use super::plan::{ActionItem, ActionOrigin};
use super::{Debrief, FirstSteps, Mojo, Outreach, Plan, Settings, Timestamp};

/// The shape of the document this build writes. Raise it with every change
/// that older builds could misread, and add a step to `io::migrate`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
        workbook.first_steps.ensure_defaults(now);
        workbook
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
    }
}

impl Workbook {
    /// Sends a debrief option to the action plan as a linked action.
    pub fn send_option_to_plan(&mut self, option: Uuid, now: Timestamp) -> Option<Uuid> {
        self.debrief.options.iter().any(|note| note.meta.id == option).then(|| {
            self.plan.link_action(ActionOrigin::DebriefOption { option }, now)
        })
    }

    /// The words an action shows: its origin's current text when linked.
    pub fn action_title(&self, action: &ActionItem) -> String {
        match action.origin {
            Some(ActionOrigin::DebriefOption { option }) => self
                .debrief
                .options
                .iter()
                .find(|note| note.meta.id == option)
                .map(|note| note.text.clone())
                .unwrap_or_else(|| action.title.clone()),
            None => action.title.clone(),
        }
    }

    /// Removes a debrief option; an action linked to it keeps the last words.
    pub fn remove_option(&mut self, option: Uuid, now: Timestamp) {
        let text = self.debrief.options.iter().find(|note| note.meta.id == option).map(|note| note.text.clone());
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
