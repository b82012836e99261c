//! The root document: everything the person writes, saved as one JSON value.

use serde::{Deserialize, Serialize};

use super::{Debrief, Mojo, Outreach, Plan, Settings, Timestamp};

/// The shape of the document this build writes. Raise it with every change
/// that older builds could misread, and add a step to `io::migrate`.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workbook {
    pub schema_version: u32,
    pub created_at: Option<Timestamp>,
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
            debrief: Debrief::default(),
            outreach: Outreach::default(),
            mojo: Mojo::default(),
            plan: Plan::default(),
            settings: Settings::default(),
        }
    }
}

impl Workbook {
    /// A new, empty workbook started at `now`.
    pub fn new(now: Timestamp) -> Self {
        Self { created_at: Some(now), ..Self::default() }
    }

    /// True while the person has written nothing at all.
    pub fn is_empty(&self) -> bool {
        !self.debrief.is_started()
            && self.outreach.contacts.is_empty()
            && self.mojo.projects.is_empty()
            && self.plan.actions.is_empty()
    }
}
