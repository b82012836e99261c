//! Step 4 of the method: the next move. Holds the action plan; the Next move
//! issue adds the path choice, targets and opportunities.

use serde::{Deserialize, Serialize};

use super::meta::{RecordMeta, Timestamp};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub title: String,
    pub done: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub actions: Vec<ActionItem>,
    pub updated_at: Option<Timestamp>,
}
