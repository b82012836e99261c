//! Step 4 of the method: the next move. Holds the action plan; the Next move
//! issue adds the path choice, targets and opportunities.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::{RecordMeta, Timestamp};

/// Where an action came from. A linked action shows its source's text, so
/// an edit in either place shows in both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActionOrigin {
    /// An option weighed in the debrief.
    DebriefOption { option: Uuid },
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
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub actions: Vec<ActionItem>,
    pub updated_at: Option<Timestamp>,
}

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
        let id = action.meta.id;
        self.actions.push(action);
        self.updated_at = Some(now);
        id
    }

    pub fn set_done(&mut self, id: Uuid, done: bool, now: Timestamp) {
        if let Some(action) = self.actions.iter_mut().find(|action| action.meta.id == id) {
            action.done = done;
            action.meta.touch(now);
            self.updated_at = Some(now);
        }
    }

    pub fn remove_action(&mut self, id: Uuid, now: Timestamp) {
        self.actions.retain(|action| action.meta.id != id);
        self.updated_at = Some(now);
    }
}
