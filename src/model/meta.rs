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
/// copy of it: each record's id and edit time, in order. Every edit of a
/// record touches it (the merge relies on that too), so an edit inside the
/// list changes a time; an add, a removal or a move changes the ids.
#[derive(Debug, PartialEq, Eq)]
pub struct ListShape {
    records: Vec<(Uuid, Timestamp)>,
}

impl ListShape {
    pub fn of<T>(records: &[T], meta: impl Fn(&T) -> &RecordMeta) -> Self {
        Self { records: records.iter().map(|record| (meta(record).id, meta(record).updated_at)).collect() }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Each record's id and edit time, in order.
    pub fn records(&self) -> impl Iterator<Item = (Uuid, Timestamp)> + '_ {
        self.records.iter().copied()
    }

    /// Whether the records are the same ones in the same order (an edit
    /// inside one of them keeps the ids).
    pub fn same_ids(&self, other: &Self) -> bool {
        self.records.len() == other.records.len()
            && self.records.iter().zip(&other.records).all(|((mine, _), (theirs, _))| mine == theirs)
    }
}
