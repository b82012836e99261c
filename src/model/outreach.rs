//! Step 2 of the method: share the setback and work the network. The outreach
//! list grows here (see the Share issue); the foundation holds its shape.

use serde::{Deserialize, Serialize};

use super::meta::{RecordMeta, Timestamp};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outreach {
    pub contacts: Vec<Contact>,
    pub updated_at: Option<Timestamp>,
}
