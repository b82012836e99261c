//! The records of a long list in the live workbook (the contacts, the time
//! log): a row reads its own record through a [`LiveRecord`] and is told of
//! that record's edits only.
//!
//! A short list (the events, the proud list, the rest days) uses the same
//! handles, made on its page with [`LiveRecords::short`]: its rows follow
//! the whole list, which is small and edited through its section.
//!
//! Why not a keyed `reactive_stores` field: its key map is rebuilt on every
//! change of the list's ids, and the rebuild writes a store path per record.
//! Adding one contact beside 5,000 spent 78% of the click in that rebuild
//! (about 15 ms at 4× CPU throttle, `tools/profile add-contact`). Here a
//! change of ids only marks the id → position map stale from the first place
//! that moved: the first time a row looks a record up, the map is redone
//! from there (after an add at the end, for the new record only), and an
//! edit reaches the rows that read the record through one trigger per record.
//!
//! Each change is also written in a short journal ([`LiveRecords::changes_since`]),
//! so derived data (the outreach index) can bring itself up to date from the
//! records that changed, without walking 5,000 records to find them.

use leptos::prelude::*;
use reactive_stores::Field;
use uuid::Uuid;

use crate::model::meta::{ChangeJournal, ChangedPlaces, IdMap, ListChanges, RecordsChanged};

/// The handles are copied like the signals they hold, whatever their
/// record type (a derive would ask the record to be `Copy`).
macro_rules! copy_handles {
    ($($handle:ident),*) => {$(
        impl<T: Send + Sync + 'static> Clone for $handle<T> {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl<T: Send + Sync + 'static> Copy for $handle<T> {}
    )*};
}

copy_handles!(LiveRecords, LiveRecord, RecordEdits);

/// Where each record of the list is, as of the last change of its ids.
struct Positions {
    at: IdMap<usize>,
    /// From which place on the map may be wrong (`None`: it holds every
    /// record of the list where it is, and nothing it lacks is there).
    stale_from: Option<usize>,
}

impl Default for Positions {
    fn default() -> Self {
        Self { at: IdMap::default(), stale_from: Some(0) }
    }
}

impl Positions {
    fn stale_from(&mut self, place: usize) {
        self.stale_from = Some(self.stale_from.map_or(place, |stale| stale.min(place)));
    }
}

/// One long list of the live workbook, with a change notice per record.
pub struct LiveRecords<T: Send + Sync + 'static> {
    list: Field<Vec<T>>,
    id_of: fn(&T) -> Uuid,
    /// One trigger per record a view has read.
    readers: StoredValue<IdMap<ArcTrigger>>,
    positions: StoredValue<Positions>,
    journal: StoredValue<ChangeJournal>,
    /// A short list's rows follow the list itself ([`LiveRecords::short`]).
    follows_list: bool,
}

impl<T: Send + Sync + 'static> LiveRecords<T> {
    /// `list` is the workbook's field (`workbook.outreach().contacts()`);
    /// `id_of` reads a record's id.
    pub fn new(list: impl Into<Field<Vec<T>>>, id_of: fn(&T) -> Uuid) -> Self {
        Self {
            list: list.into(),
            id_of,
            readers: StoredValue::new(IdMap::default()),
            positions: StoredValue::new(Positions::default()),
            journal: StoredValue::new(ChangeJournal::default()),
            follows_list: false,
        }
    }

    /// A short list of a section, whose edits go through the section's
    /// `edit_*` (which tells the list's readers, not each record's): a row
    /// reading its record follows the whole list.
    pub fn short(list: impl Into<Field<Vec<T>>>, id_of: fn(&T) -> Uuid) -> Self {
        Self { follows_list: true, ..Self::new(list, id_of) }
    }

    /// The ids of the list, in order; a view reading them follows the list.
    pub fn ids(&self) -> Vec<Uuid> {
        let id_of = self.id_of;
        self.list.with(|list| list.iter().map(id_of).collect())
    }

    /// The handle a row keeps for its record.
    pub fn record(&self, id: Uuid) -> LiveRecord<T> {
        LiveRecord { records: *self, id }
    }

    /// Reads one record, subscribing the running view to that record only;
    /// `None` once the record is gone.
    pub fn with<U>(&self, id: Uuid, read: impl FnOnce(&T) -> U) -> Option<U> {
        if self.follows_list {
            self.list.track();
        } else {
            self.trigger(id).track();
        }
        self.with_untracked(id, read)
    }

    /// Reads one record without subscribing.
    pub fn with_untracked<U>(&self, id: Uuid, read: impl FnOnce(&T) -> U) -> Option<U> {
        self.list.with_untracked(|list| self.position(id, list).map(|at| read(&list[at])))
    }

    /// Changes one record in place and tells its readers and the list's
    /// (the list's readers are the derived data, which follow each edit);
    /// false when the record is gone. The caller notes the edit for saving.
    pub fn update(&self, id: Uuid, change: impl FnOnce(&mut T)) -> bool {
        let found = self
            .list
            .try_update_untracked(|list| match self.position(id, list) {
                Some(at) => {
                    change(&mut list[at]);
                    true
                }
                None => false,
            })
            .unwrap_or(false);
        if found {
            self.journal.update_value(|journal| journal.note([id]));
            self.notify(id);
            self.list.notify();
        }
        found
    }

    /// The journal's revision now, and what changed after `seen` (a revision
    /// this returned before; 0 at first, which is everything).
    pub fn changes_since(&self, seen: u64) -> (u64, RecordsChanged) {
        self.journal.with_value(|journal| (journal.revision(), journal.since(seen)))
    }

    /// For derived data kept record by record: the journal's revision now,
    /// and the records changed after `seen` (as [`LiveRecords::changes_since`]),
    /// each with its place in `list` (the list this handle follows, as the
    /// caller reads it; `None` once gone). `None` instead of the records when
    /// anything may have changed: the caller looks at the whole list.
    pub fn changed_places(&self, seen: u64, list: &[T]) -> (u64, Option<ChangedPlaces>) {
        let (revision, changes) = self.changes_since(seen);
        let places = match changes {
            RecordsChanged::Only(ids) => Some(ids.into_iter().map(|id| (id, self.position(id, list))).collect()),
            RecordsChanged::Everything => None,
        };
        (revision, places)
    }

    /// After an edit of the whole list ([`crate::model::meta::ListShape::changes`]): the readers
    /// of each record that changed, was added, removed or moved are told, and
    /// after a change of ids the positions are found again.
    pub fn changed(&self, changes: &ListChanges) {
        if changes.ids_changed {
            self.positions.update_value(|positions| positions.stale_from(changes.same_ids_up_to));
        }
        self.journal.update_value(|journal| journal.note(changes.records.iter().copied()));
        for id in &changes.records {
            self.notify(*id);
        }
    }

    /// After the list was replaced from outside (a restore, a merge, another
    /// tab, a whole-workbook edit): every reader looks again.
    pub fn replaced(&self) {
        self.positions.update_value(|positions| positions.stale_from(0));
        self.journal.update_value(ChangeJournal::note_everything);
        let readers: Vec<ArcTrigger> = self.readers.with_value(|readers| readers.values().cloned().collect());
        for trigger in readers {
            trigger.notify();
        }
    }

    fn notify(&self, id: Uuid) {
        if let Some(trigger) = self.readers.with_value(|readers| readers.get(&id).cloned()) {
            trigger.notify();
        }
    }

    fn trigger(&self, id: Uuid) -> ArcTrigger {
        if let Some(trigger) = self.readers.with_value(|readers| readers.get(&id).cloned()) {
            return trigger;
        }
        let trigger = ArcTrigger::new();
        self.readers.update_value(|readers| {
            readers.insert(id, trigger.clone());
        });
        trigger
    }

    /// Where `id` is in `list`: from the map when it still holds there,
    /// otherwise from the map redone from where the ids last changed.
    fn position(&self, id: Uuid, list: &[T]) -> Option<usize> {
        let holds = |at: &usize| list.get(*at).is_some_and(|record| (self.id_of)(record) == id);
        let (known, stale_from) =
            self.positions.with_value(|positions| (positions.at.get(&id).copied(), positions.stale_from));
        if let Some(at) = known.filter(holds) {
            return Some(at);
        }
        // A short list's map is not told of adds (its section's edit tells
        // only the list's readers): a miss is looked for again, in full.
        let from = match stale_from {
            _ if self.follows_list => 0,
            None => return None,
            Some(from) => from,
        };
        self.positions.update_value(|positions| {
            // The ids of removed records linger past `from` (`holds` refuses
            // them): cleared when they could outnumber the list.
            if from == 0 || positions.at.len() > 2 * list.len() {
                positions.at.clear();
            }
            let from = if positions.at.is_empty() { 0 } else { from.min(list.len()) };
            let ids = list[from..].iter().enumerate().map(|(at, record)| ((self.id_of)(record), from + at));
            positions.at.extend(ids);
            positions.stale_from = None;
        });
        self.positions.with_value(|positions| positions.at.get(&id).copied()).filter(holds)
    }
}

/// A row's handle on its record (as Leptos' `examples/stores` hands a row
/// its `Field`): reading it subscribes to that record only.
pub struct LiveRecord<T: Send + Sync + 'static> {
    records: LiveRecords<T>,
    id: Uuid,
}

impl<T: Send + Sync + 'static> LiveRecord<T> {
    pub fn id(&self) -> Uuid {
        self.id
    }

    /// Reads the record, `None` once it is gone (a row can outlive its
    /// record for a moment).
    pub fn try_with<U>(&self, read: impl FnOnce(&T) -> U) -> Option<U> {
        self.records.with(self.id, read)
    }

    /// What the row shows of its record (`U::default()` once it is gone).
    pub fn get<U: Default>(&self, read: impl FnOnce(&T) -> U) -> U {
        self.try_with(read).unwrap_or_default()
    }

    /// One part of the record as a signal, for a field component's `value`.
    pub fn signal<U>(self, read: fn(&T) -> U) -> Signal<U>
    where
        U: Default + Clone + Send + Sync + 'static,
    {
        Signal::derive(move || self.get(read))
    }
}

/// A change of one record, handed to the section's edit.
pub type RecordChange<T> = Box<dyn FnOnce(&mut T) + Send + Sync>;

/// How a row writes its record: each change goes through the section's
/// `edit_*` (which touches the record, notifies its readers and saves), so a
/// field says only which part it sets.
pub struct RecordEdits<T: 'static> {
    edit: Callback<RecordChange<T>>,
}

impl<T: 'static> RecordEdits<T> {
    /// `edit` applies a change to the record, e.g.
    /// `store.edit_mojo(move |mojo, now| mojo.update_event(id, now, change))`.
    pub fn new(edit: impl Fn(RecordChange<T>) + Send + Sync + 'static) -> Self {
        Self { edit: Callback::new(edit) }
    }

    /// Applies one change.
    pub fn run(&self, change: impl FnOnce(&mut T) + Send + Sync + 'static) {
        self.edit.run(Box::new(change));
    }

    /// A field's callback: each new value is written into the record by `assign`.
    pub fn set<V: Send + Sync + 'static>(self, assign: fn(&mut T, V)) -> Callback<V> {
        Callback::new(move |value| self.run(move |record| assign(record, value)))
    }
}
