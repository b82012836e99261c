//! What every record carries so that backups from two devices can be merged:
//! a stable id and the time of its last edit.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A moment in UTC, stored as RFC 3339 text (readable in a backup file).
pub type Timestamp = DateTime<Utc>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordMeta {
    /// Required: a stored record without an id could not be matched on the
    /// next merge, so it is refused with the reason ("missing field `id`").
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
    /// A placeholder, needed by the records' `#[serde(default)]`: serde builds
    /// one for every record it reads, and the stored meta (flattened, its id
    /// required) always replaces it. Records are created with
    /// [`RecordMeta::new`]. (A random id here cost a call to the browser's
    /// random source per record: a quarter of the start-up time with 5,000
    /// contacts.)
    fn default() -> Self {
        Self { id: Uuid::nil(), updated_at: DateTime::<Utc>::UNIX_EPOCH }
    }
}

/// What tells whether an edit changed a list of records without keeping a
/// copy of it: the ids in order and the latest edit time. Every edit of a
/// record touches it (the merge relies on that too), and edit times only
/// grow, so an edit inside the list moves `latest`; an add, a removal or a
/// move changes `ids`.
#[derive(Debug, PartialEq, Eq)]
pub struct ListShape {
    ids: Vec<Uuid>,
    latest: Option<Timestamp>,
}

impl ListShape {
    pub fn of<T>(records: &[T], meta: impl Fn(&T) -> &RecordMeta) -> Self {
        Self {
            ids: records.iter().map(|record| meta(record).id).collect(),
            latest: records.iter().map(|record| meta(record).updated_at).max(),
        }
    }

    /// Whether the records are the same ones in the same order (an edit
    /// inside one of them keeps the ids).
    pub fn same_ids(&self, other: &Self) -> bool {
        self.ids == other.ids
    }
}
