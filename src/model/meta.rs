//! What every record carries so that backups from two devices can be merged:
//! a stable id and the time of its last edit.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A moment in UTC, stored as RFC 3339 text (readable in a backup file).
pub type Timestamp = DateTime<Utc>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// A stored record without an id gets a new one, so it can still be told apart.
    #[serde(default = "Uuid::new_v4")]
    pub id: Uuid,
    /// Without a time, the epoch marks it as older than any real edit.
    #[serde(default = "epoch")]
    pub updated_at: Timestamp,
}

fn epoch() -> Timestamp {
    DateTime::<Utc>::UNIX_EPOCH
}

impl RecordMeta {
    /// A fresh record: a random (v4) id, edited now.
    pub fn new(now: Timestamp) -> Self {
        Self { id: Uuid::new_v4(), updated_at: now }
    }

    /// Marks the record as edited at `now`.
    pub fn touch(&mut self, now: Timestamp) {
        self.updated_at = now;
    }
}

impl Default for RecordMeta {
    /// A placeholder, needed by the records' `#[serde(default)]`: serde builds
    /// one for every record it reads, before the stored meta replaces it.
    /// Records are created with [`RecordMeta::new`]; a stored record without
    /// an id gets a fresh one from the field default above. (A random id
    /// here cost a call to the browser's random source per record: a
    /// quarter of the start-up time with 5,000 contacts.)
    fn default() -> Self {
        Self { id: Uuid::nil(), updated_at: epoch() }
    }
}
