//! Step 3 of the method: regain your mojo with side projects (about 20 hours a
//! week), comfort-zone events and a log of what you are proud of.

use serde::{Deserialize, Serialize};

use super::meta::{RecordMeta, Timestamp};

/// The method's figure for side-project time per week.
pub const DEFAULT_WEEKLY_HOURS_GOAL: f32 = 20.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SideProject {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mojo {
    pub weekly_hours_goal: f32,
    pub projects: Vec<SideProject>,
    pub updated_at: Option<Timestamp>,
}

impl Default for Mojo {
    fn default() -> Self {
        Self { weekly_hours_goal: DEFAULT_WEEKLY_HOURS_GOAL, projects: Vec::new(), updated_at: None }
    }
}
