//! Step 2 of the method: share the setback and work the network. The outreach
//! list grows here (see the Share issue); the foundation holds its shape.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::{RecordMeta, Timestamp};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    /// How the person knows them ("met at the Rust meetup", "old colleague").
    pub how_we_know: String,
    /// The comfort-zone event they were met at (step 3), if any.
    pub met_at_event: Option<Uuid>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Outreach {
    pub contacts: Vec<Contact>,
    pub updated_at: Option<Timestamp>,
}

impl Outreach {
    pub fn contact(&self, id: Uuid) -> Option<&Contact> {
        self.contacts.iter().find(|contact| contact.meta.id == id)
    }

    /// Adds a contact and returns its id.
    pub fn add_contact(&mut self, name: &str, how_we_know: &str, met_at_event: Option<Uuid>, now: Timestamp) -> Uuid {
        let contact = Contact {
            meta: RecordMeta::new(now),
            name: name.trim().to_owned(),
            how_we_know: how_we_know.trim().to_owned(),
            met_at_event,
        };
        let id = contact.meta.id;
        self.contacts.push(contact);
        self.updated_at = Some(now);
        id
    }
}
