//! What every record carries so that backups from two devices can be merged:
//! a stable id and the time of its last edit.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A moment in UTC, stored as RFC 3339 text (readable in a backup file).
pub type Timestamp = DateTime<Utc>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    pub id: Uuid,
    pub updated_at: Timestamp,
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
    /// Used only when a stored record lacks its meta; gives it an id so it can
    /// still be told apart. The epoch marks it as older than any real edit.
    fn default() -> Self {
        Self { id: Uuid::new_v4(), updated_at: DateTime::<Utc>::UNIX_EPOCH }
    }
}
