//! The end of step 4, chosen by the person: what "I have made my move"
//! means for them (a job accepted, a first client…).

use serde::{Deserialize, Serialize};

use crate::model::keyed::keyed_enum;

/// The end of the next move: what "I have made my move" means for this person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndState {
    /// A new job accepted.
    JobAccepted,
    /// A first paying client, as a freelancer.
    FirstClient,
    /// A business launched.
    BusinessLaunched,
    /// A new role or a promotion where one already works (a stalled career).
    NewRole,
}

keyed_enum!(EndState {
    JobAccepted => "job_accepted", "I have accepted a new job";
    FirstClient => "first_client", "My first client has paid me";
    BusinessLaunched => "business_launched", "My business is launched";
    NewRole => "new_role", "I have a new role or a promotion";
});

impl EndState {
    /// The end as done ("a new job accepted").
    pub fn done_words(self) -> &'static str {
        match self {
            EndState::JobAccepted => "a new job accepted",
            EndState::FirstClient => "a first paying client",
            EndState::BusinessLaunched => "a business launched",
            EndState::NewRole => "a new role",
        }
    }

    /// The end that usually goes with a path, from the three starting options.
    pub fn for_path(path_option: uuid::Uuid) -> Option<EndState> {
        match path_option.as_u128() {
            super::path::NEW_JOB => Some(EndState::JobAccepted),
            super::path::FREELANCING => Some(EndState::FirstClient),
            super::path::NEW_BUSINESS => Some(EndState::BusinessLaunched),
            _ => None,
        }
    }
}
