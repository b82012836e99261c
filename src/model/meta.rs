//! What every record carries so that backups from two devices can be merged:
//! a stable id and the time of its last edit.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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

/// Tombstones: the ids of deleted records and when they were deleted, kept
/// so that a merge with an older copy does not bring a deleted record back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Removed(BTreeMap<Uuid, Timestamp>);

impl Removed {
    /// Notes that the record `id` was deleted at `now` (the latest deletion counts).
    pub fn record(&mut self, id: Uuid, now: Timestamp) {
        let at = self.0.entry(id).or_insert(now);
        *at = (*at).max(now);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many and the latest deletion: what tells whether an edit added one.
    pub fn shape(&self) -> (usize, Option<Timestamp>) {
        (self.0.len(), self.0.values().max().copied())
    }

    pub fn contains(&self, id: Uuid) -> bool {
        self.0.contains_key(&id)
    }

    /// Whether a record last edited at `edited_at` stays deleted: it does
    /// unless it was edited after its deletion.
    pub fn removes(&self, id: Uuid, edited_at: Timestamp) -> bool {
        self.0.get(&id).is_some_and(|at| *at >= edited_at)
    }

    /// Takes in another copy's deletions (a merge).
    pub(crate) fn absorb(&mut self, other: &Removed) {
        for (id, at) in &other.0 {
            self.record(*id, *at);
        }
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

    /// What changed from this shape to `after`, in one pass side by side:
    /// adding a record at the end compares each record once and hashes nothing.
    pub fn changes(&self, after: &Self) -> ListChanges {
        let mut records = Vec::new();
        let mut same_ids = 0;
        for ((id, was), (other, is)) in self.records.iter().zip(&after.records) {
            if id != other {
                break;
            }
            if was != is {
                records.push(*id);
            }
            same_ids += 1;
        }
        let ids_changed = same_ids < self.records.len() || same_ids < after.records.len();
        if ids_changed {
            records.extend(self.records[same_ids..].iter().chain(&after.records[same_ids..]).map(|(id, _)| *id));
        }
        ListChanges { records, ids_changed, same_ids_up_to: same_ids }
    }
}

/// What an edit changed in a list of records ([`ListShape::changes`]).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ListChanges {
    /// The records edited, and every record from the first place where the
    /// ids differ on (added, removed or moved), before and after.
    pub records: Vec<Uuid>,
    /// Whether records were added, removed or moved.
    pub ids_changed: bool,
    /// How many records at the start kept their ids and places (all of them
    /// when the ids did not change): an add at the end moves no one.
    pub same_ids_up_to: usize,
}

impl ListChanges {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && !self.ids_changed
    }
}

/// What changed in a long list since a reader last looked: some records
/// (edited, added, removed or moved), or anything at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordsChanged {
    Only(Vec<Uuid>),
    Everything,
}

/// The ids of a long list changed since a revision, for derived data that
/// brings itself up to date from them: past [`JOURNAL_IDS`] ids (an import, a
/// restore) a reader is told to look at everything.
pub struct ChangeJournal {
    revision: u64,
    /// The revision from which `log` holds every change.
    complete_from: u64,
    log: Vec<(u64, Uuid)>,
}

impl Default for ChangeJournal {
    /// At revision 1, so that a reader who never looked (0) sees everything.
    fn default() -> Self {
        Self { revision: 1, complete_from: 1, log: Vec::new() }
    }
}

/// How many changed ids the journal keeps before it says "everything".
const JOURNAL_IDS: usize = 256;

impl ChangeJournal {
    /// One change, of the records `ids`.
    pub fn note(&mut self, ids: impl IntoIterator<Item = Uuid>) {
        self.revision += 1;
        let revision = self.revision;
        self.log.extend(ids.into_iter().map(|id| (revision, id)));
        if self.log.len() > JOURNAL_IDS {
            self.note_everything();
        }
    }

    /// A change of the whole list (replaced from outside).
    pub fn note_everything(&mut self) {
        self.revision += 1;
        self.log.clear();
        self.complete_from = self.revision;
    }

    /// The revision now: a reader keeps it to ask [`ChangeJournal::since`] later.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// What changed after revision `seen` (0 at first: everything), each
    /// id once, in the order first changed.
    pub fn since(&self, seen: u64) -> RecordsChanged {
        if seen < self.complete_from {
            return RecordsChanged::Everything;
        }
        let mut named = IdSet::default();
        RecordsChanged::Only(
            self.log.iter().filter(|(at, id)| *at > seen && named.insert(*id)).map(|(_, id)| *id).collect(),
        )
    }
}

/// Records that may have changed, each with its place in its list (`None`
/// once removed), as derived data kept record by record is told of them.
pub type ChangedPlaces = Vec<(Uuid, Option<usize>)>;

/// Hashes record ids by their own bits: they are random (version 4), and
/// hashing 5,000 of them with SipHash on every edit cost more than the
/// lookups it served.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Every byte counts: a version 4 id has fixed bits in two of them.
        for byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*byte);
        }
    }
}

/// A map keyed by record id ([`IdHasher`]).
pub type IdMap<V> = HashMap<Uuid, V, BuildHasherDefault<IdHasher>>;
/// A set of record ids ([`IdHasher`]).
pub type IdSet = HashSet<Uuid, BuildHasherDefault<IdHasher>>;

/// A record of a list: it carries a [`RecordMeta`] (its id and edit time).
/// Implemented for every record type beside its merge rule
/// (`merge::records!`).
pub trait Stamped {
    fn meta(&self) -> &RecordMeta;
    fn meta_mut(&mut self) -> &mut RecordMeta;
}

/// The edits every list of records shares, written once: find by id, change
/// and mark edited, remove and keep the tombstone.
pub trait Records<T: Stamped> {
    /// The record `id`, if the list holds it.
    fn by_id(&self, id: Uuid) -> Option<&T>;
    fn by_id_mut(&mut self, id: Uuid) -> Option<&mut T>;
    /// Changes the record `id` and marks it edited at `now`; false when the
    /// list does not hold it (then nothing changed).
    fn edit(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut T)) -> bool;
    /// Takes the record `id` out of the list and notes its tombstone in
    /// `removed`, so a merge with an older copy does not bring it back.
    fn remove_record(&mut self, id: Uuid, removed: &mut Removed, now: Timestamp);
    /// Adds a record at the end and returns its id.
    fn push_record(&mut self, record: T) -> Uuid;
    /// The records' ids, in order (what a keyed list of rows iterates).
    fn ids(&self) -> Vec<Uuid>;
}

impl<T: Stamped> Records<T> for Vec<T> {
    fn by_id(&self, id: Uuid) -> Option<&T> {
        self.iter().find(|record| record.meta().id == id)
    }

    fn by_id_mut(&mut self, id: Uuid) -> Option<&mut T> {
        self.iter_mut().find(|record| record.meta().id == id)
    }

    fn edit(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut T)) -> bool {
        let Some(record) = self.by_id_mut(id) else { return false };
        change(record);
        record.meta_mut().touch(now);
        true
    }

    fn remove_record(&mut self, id: Uuid, removed: &mut Removed, now: Timestamp) {
        self.retain(|record| record.meta().id != id);
        removed.record(id, now);
    }

    fn push_record(&mut self, record: T) -> Uuid {
        let id = record.meta().id;
        self.push(record);
        id
    }

    fn ids(&self) -> Vec<Uuid> {
        self.iter().map(|record| record.meta().id).collect()
    }
}

/// Writes a section's `update_*` and `remove_*` methods for its lists of
/// records, all alike: an edit touches the record and the section, a
/// removal keeps the record's tombstone. The section needs `updated_at`
/// and `removed` fields.
///
/// ```ignore
/// record_edits!(Plan {
///     actions: ActionItem => update_action, remove_action;
/// });
/// ```
macro_rules! record_edits {
    ($section:ty { $($list:ident: $record:ty => $update:ident, $remove:ident;)+ }) => {
        impl $section {$(
            pub fn $update(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut $record)) {
                if $crate::model::meta::Records::edit(&mut self.$list, id, now, change) {
                    self.updated_at = Some(now);
                }
            }

            pub fn $remove(&mut self, id: Uuid, now: Timestamp) {
                $crate::model::meta::Records::remove_record(&mut self.$list, id, &mut self.removed, now);
                self.updated_at = Some(now);
            }
        )+}
    };
}

pub(crate) use record_edits;
