//! The live workbook shared by every page, and its autosave.
//!
//! The workbook is a `reactive_stores::Store`: every section and field is a
//! reactive path of its own, and each record of the long lists (a contact, a
//! time entry) is read through its own handle (`records`), so a page reads
//! only what it shows and an edit notifies only their readers.
//! Pages change the workbook only through the `edit_*` methods, each as
//! narrow as the change: [`Store::edit_field`] for one section or field,
//! [`Store::edit_contact`] and [`Store::edit_entry`] for one record, and
//! [`Store::edit`] (which notifies every reader) only for changes that span
//! sections. Each records the edit and schedules a debounced write. Writes
//! also happen at once when the page is hidden or closed, so a reload right
//! after typing keeps the last keystroke.

pub mod kept;
pub mod rare;
pub mod records;

use std::time::Duration;

use leptos::prelude::*;
use reactive_stores::{Store as Live, StoreField, StorePathSegment};
use uuid::Uuid;

use crate::io::backup::{self, Counts};
use crate::io::parts::{self, Dirty, List, Written};
use crate::io::stored::Loaded;
use crate::model::debrief::DebriefStoreFields;
use crate::model::merge::merge;
use crate::model::mojo::{MojoShape, MojoStoreFields, TimeEntry};
use crate::model::outreach::{Contact, OutreachShape, OutreachStoreFields};
use crate::model::plan::PlanStoreFields;
use crate::model::workbook::WorkbookStoreFields;
use crate::model::{Debrief, FirstSteps, Mojo, Outreach, Plan, Settings};
use crate::model::{RecordMeta, Timestamp, Workbook};
use crate::save::decide::{self, Follow, Kept, OtherTab};
pub use crate::save::decide::{Notice, StoreError};
use crate::save::{SaveStatus, SaveTracker, SAVE_DELAY_MS};
use crate::web::{clock, decoder, download, idle, later, lifecycle, location, storage};
use records::{LiveRecord, LiveRecords};

/// Notifies the readers of each part of a section that differs between its
/// shape before and after an edit: a write through the part's own field
/// reaches that part's readers and the section's whole readers, not the
/// other parts'. The long list's rows are told through its `LiveRecords`
/// (only the rows whose record changed); its list-wide readers when
/// anything in it changed, and the section's edit time tells the section's
/// whole readers. The shape is taken apart without `..`, so a part added to
/// it must be named here.
macro_rules! notify_changed {
    ($section:expr, $shape:ident, $before:expr, $after:expr, $records:expr, $list:ident, [$($part:ident),*]) => {{
        let $shape { $list, $($part),* } = $after;
        let changes = $before.$list.changes(&$list);
        if !changes.is_empty() {
            $records.changed(&changes);
            if changes.ids_changed {
                $section.$list().update(|_| {});
            } else {
                $section.$list().notify();
                $section.updated_at().update(|_| {});
            }
        }
        $(
            if $before.$part != $part {
                $section.$part().update(|_| {});
            }
        )*
    }};
}

#[derive(Clone, Copy)]
pub struct Store {
    /// Read the narrowest field a view needs (`workbook.outreach().contacts()`),
    /// never the whole workbook in a view that runs often.
    pub workbook: Live<Workbook>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    tracker: StoredValue<SaveTracker>,
    /// What storage holds, bucket by bucket: a save writes only what differs.
    written: StoredValue<Written>,
    /// What the edits since the last save touched, when every edit said so
    /// (`None`: not known, the save walks every list).
    dirty: StoredValue<Option<Dirty>>,
    /// A `storage` event from another tab is waiting to be followed.
    following: StoredValue<bool>,
    /// The save's timer is set: an edit sets none of its own.
    save_timer_set: StoredValue<bool>,
    /// The long lists' rows read their records through these.
    pub contacts: LiveRecords<Contact>,
    pub entries: LiveRecords<TimeEntry>,
}

impl Store {
    /// Loads the stored workbook and decides whether this session may write
    /// (the decisions are `save::decide::open`'s).
    pub fn load() -> Self {
        let now = clock::now();
        let mut tracker = SaveTracker::default();
        // Snapshots, recovery and Undo copies of builds before namespaces
        // come first; a failure leaves them where they were, readable.
        let _ = storage::adopt_legacy();
        let document = storage::read_document();
        // The decoder is there whenever something is stored (`App` fetches
        // it first); if not, nothing is shown as if new, nor written.
        let read =
            document.as_ref().map_err(Clone::clone).and_then(|document| Ok((document, decoder::decode(document)?)));
        let written = match &read {
            Ok((document, loaded)) => Written::as_read(document, loaded),
            Err(_) => Written::default(),
        };
        let mut opening = decide::open(read, now);
        tracker.set_read_only(opening.read_only);
        // Unreadable text: its notice waits for the copy it names (a moment:
        // the copy's code is fetched first, see `rare`). Nothing is saved meanwhile.
        let recovery = opening.keep_recovery.take().map(|raw| (raw, opening.notice.take()));
        let workbook = Live::new(opening.workbook);
        let store = Self {
            workbook,
            status: RwSignal::new(tracker.status()),
            notice: RwSignal::new(opening.notice),
            tracker: StoredValue::new(tracker),
            written: StoredValue::new(written),
            dirty: StoredValue::new(None),
            following: StoredValue::new(false),
            save_timer_set: StoredValue::new(false),
            contacts: LiveRecords::new(workbook.outreach().contacts(), |contact| contact.meta.id),
            entries: LiveRecords::new(workbook.mojo().entries(), |entry| entry.meta.id),
        };
        store.flush_when_leaving();
        if let Some((raw, notice)) = recovery {
            leptos::task::spawn_local(async move {
                let kept = match rare::keep_recovery_copy(raw, now).await {
                    Ok(kept) => kept.map_err(|err| err.to_string()),
                    Err(_) => Err("the part of the app that makes it could not be fetched".into()),
                };
                let mut notice = notice;
                if let Some(Notice::Unreadable { recovery_key, .. }) = &mut notice {
                    *recovery_key = kept;
                }
                store.notice.set(notice);
            });
        }
        if opening.snapshot || opening.move_layout {
            // Once the first page is on screen (a 3 MB workbook takes a
            // moment to compress or move), and before anything is saved
            // (saves wait for the debounce, the snapshot only for its code,
            // see `rare`): today's snapshot of the text as it was read, then
            // the move into the current layout, so that
            // the first edit's save is a small one. A snapshot that cannot
            // be written loses nothing (the Backup page lists the ones there
            // are); a move that fails leaves the old layout readable.
            let (snapshot, move_layout) = (opening.snapshot, opening.move_layout);
            later::after_paint(move || {
                let holds = snapshot.then(|| store.workbook.with_untracked(Counts::of));
                leptos::task::spawn_local(async move {
                    if let Some(holds) = holds {
                        let _ = rare::take_daily_snapshot(clock::today(), holds).await;
                    }
                    if move_layout {
                        store.move_layout();
                    }
                });
            });
        }
        store
    }

    /// Moves the stored workbook into the current layout, unless a save did already.
    fn move_layout(&self) {
        if self.written.with_value(Written::has_manifest) || self.tracker.with_value(SaveTracker::is_read_only) {
            return;
        }
        let Ok(document) = storage::read_document() else { return };
        if !document.needs_move() {
            return;
        }
        if let Some(Ok(moved)) =
            self.workbook.try_with_untracked(|workbook| decoder::move_into_records(&document, workbook))
        {
            self.written.set_value(moved);
        }
    }

    /// Whether the person may change the workbook in this session.
    pub fn can_edit(&self) -> bool {
        self.status.with(|status| *status != SaveStatus::ReadOnly)
    }

    /// Applies a change that spans sections (sending a contact's follow-up
    /// to the plan, the theme…). It notifies every reader of the workbook:
    /// prefer [`Store::edit_field`] or a record's own edit where they fit.
    pub fn edit(&self, change: impl FnOnce(&mut Workbook, Timestamp)) {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        self.workbook.update(|workbook| change(workbook, now));
        self.refresh_keys();
        self.edited(Dirty::Unknown);
    }

    /// Applies a change to the outreach section (adding or removing contacts,
    /// the announcement…): only the readers of the parts it changed are
    /// notified (adding a contact does not redraw the announcement).
    pub fn edit_outreach(&self, change: impl FnOnce(&mut Outreach, Timestamp)) {
        let outreach = self.workbook.outreach();
        let before = outreach.with_untracked(OutreachShape::of);
        if self.edit_quietly(outreach, change, &[List::Contacts]).is_none() {
            return;
        }
        let after = outreach.with_untracked(OutreachShape::of);
        notify_changed!(
            outreach,
            OutreachShape,
            before,
            after,
            self.contacts,
            contacts,
            [share_by, announcement, done_at, updated_at, removed]
        );
    }

    /// Applies a change to the mojo section, as [`Store::edit_outreach`] does
    /// (logging time does not redraw the projects or the events).
    pub fn edit_mojo(&self, change: impl FnOnce(&mut Mojo, Timestamp)) {
        let mojo = self.workbook.mojo();
        let before = mojo.with_untracked(MojoShape::of);
        if self.edit_quietly(mojo, change, &[List::Entries, List::Events]).is_none() {
            return;
        }
        let after = mojo.with_untracked(MojoShape::of);
        notify_changed!(
            mojo,
            MojoShape,
            before,
            after,
            self.entries,
            entries,
            [
                weekly_hours_goal,
                week_starts_on,
                downtime,
                projects,
                events,
                proud,
                reviews,
                done_at,
                updated_at,
                removed
            ]
        );
    }

    /// Applies a change to the debrief: only its readers are notified.
    pub fn edit_debrief(&self, change: impl FnOnce(&mut Debrief, Timestamp)) {
        self.edit_section(self.workbook.debrief(), change, &[List::Timeline]);
    }

    /// Applies a change to the plan (step 4): only its readers are notified.
    pub fn edit_plan(&self, change: impl FnOnce(&mut Plan, Timestamp)) {
        self.edit_section(self.workbook.plan(), change, &[List::Actions]);
    }

    /// Applies a change to the first steps: only their readers are notified.
    pub fn edit_first_steps(&self, change: impl FnOnce(&mut FirstSteps, Timestamp)) {
        self.edit_section(self.workbook.first_steps(), change, &[]);
    }

    /// Applies a change to the settings: only their readers are notified.
    pub fn edit_settings(&self, change: impl FnOnce(&mut Settings, Timestamp)) {
        self.edit_section(self.workbook.settings(), change, &[]);
    }

    /// Applies a change to one section or field of the workbook without a
    /// long list inside (e.g. `store.workbook.debrief()`): only that field's
    /// readers, its parents' and its children's are notified, never its
    /// siblings'. Outreach and mojo hold long lists: use their own edits.
    pub fn edit_field<F>(&self, field: F, change: impl FnOnce(&mut <F as Update>::Value, Timestamp))
    where
        F: Update + StoreField,
    {
        let dirty = self.lists_reached(&field);
        self.edit_noting(field, change, dirty);
    }

    /// Applies `change` to `field` at a new edit time, noting what the save
    /// must compare; returns that time, or `None` when editing is off.
    fn edit_noting<F: Update>(
        &self,
        field: F,
        change: impl FnOnce(&mut F::Value, Timestamp),
        dirty: Dirty,
    ) -> Option<Timestamp> {
        if !self.may_edit() {
            return None;
        }
        let now = clock::edit_time();
        field.update(|value| change(value, now));
        self.edited(dirty);
        Some(now)
    }

    /// The stored lists an edit of `field` may change, from where it sits in
    /// the workbook: the lists inside it, or the list it is inside. The save
    /// then compares only those lists' records (an edit of the date to start
    /// sharing by walks none of the 5,000 contacts).
    pub fn lists_reached<F: StoreField>(&self, field: &F) -> Dirty {
        let path: Vec<StorePathSegment> = field.path().into_iter().collect();
        let workbook = self.workbook;
        let lists = [
            (List::Timeline, workbook.debrief().timeline().path().into_iter().collect::<Vec<_>>()),
            (List::Contacts, workbook.outreach().contacts().path().into_iter().collect()),
            (List::Entries, workbook.mojo().entries().path().into_iter().collect()),
            (List::Events, workbook.mojo().events().path().into_iter().collect()),
            (List::Actions, workbook.plan().actions().path().into_iter().collect()),
        ];
        Dirty::Lists(
            lists
                .into_iter()
                .filter(|(_, list)| list.starts_with(&path) || path.starts_with(list))
                .map(|(list, _)| list)
                .collect(),
        )
    }

    /// Applies `change` to a section without notifying anyone yet: the
    /// caller tells the readers of the parts that changed.
    fn edit_quietly<F: UpdateUntracked>(
        &self,
        section: F,
        change: impl FnOnce(&mut F::Value, Timestamp),
        lists: &[List],
    ) -> Option<Timestamp> {
        if !self.may_edit() {
            return None;
        }
        let now = clock::edit_time();
        section.update_untracked(|value| change(value, now));
        self.edited(Dirty::Lists(lists.iter().copied().collect()));
        Some(now)
    }

    /// A section's edit, noting the stored lists it may have changed (the
    /// save compares only those lists' records, and every small field).
    fn edit_section<F>(&self, field: F, change: impl FnOnce(&mut <F as Update>::Value, Timestamp), lists: &[List])
    where
        F: Update,
    {
        self.edit_noting(field, change, Dirty::Lists(lists.iter().copied().collect()));
    }

    /// Edits one field inside a section (the announcement in outreach, the
    /// goal in mojo) and sets the section's edit time, which the merge reads:
    /// readers of the section's other fields are not notified.
    pub fn edit_in<F>(
        &self,
        field: F,
        section_updated_at: impl Set<Value = Option<Timestamp>>,
        change: impl FnOnce(&mut <F as Update>::Value, Timestamp),
    ) where
        F: Update + StoreField,
    {
        let dirty = self.lists_reached(&field);
        if let Some(now) = self.edit_noting(field, change, dirty) {
            section_updated_at.set(Some(now));
        }
    }

    /// Edits one contact: its row and the views that list contacts are
    /// notified, not the rest of the page. The contact's and the section's
    /// edit times are set (the merge reads them).
    pub fn edit_contact(&self, id: Uuid, change: impl FnOnce(&mut Contact)) {
        let updated_at = self.workbook.outreach().updated_at();
        self.edit_record(self.contacts, id, |contact| &mut contact.meta, updated_at, List::Contacts, change);
    }

    /// Edits one entry of the time log, as [`Store::edit_contact`] does a contact.
    pub fn edit_entry(&self, id: Uuid, change: impl FnOnce(&mut TimeEntry)) {
        let updated_at = self.workbook.mojo().updated_at();
        self.edit_record(self.entries, id, |entry| &mut entry.meta, updated_at, List::Entries, change);
    }

    /// The handle a contact's row reads its contact through.
    pub fn contact(&self, id: Uuid) -> LiveRecord<Contact> {
        self.contacts.record(id)
    }

    /// The handle a time log row reads its entry through.
    pub fn entry(&self, id: Uuid) -> LiveRecord<TimeEntry> {
        self.entries.record(id)
    }

    /// One record's edit: the record's and its section's edit times are
    /// set, and the save walks only its list. A record already gone is left alone.
    fn edit_record<R: Send + Sync + 'static>(
        &self,
        records: LiveRecords<R>,
        id: Uuid,
        meta: fn(&mut R) -> &mut RecordMeta,
        section_updated_at: impl Set<Value = Option<Timestamp>>,
        list: List,
        change: impl FnOnce(&mut R),
    ) {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        let found = records.update(id, |record| {
            change(record);
            meta(record).touch(now);
        });
        if found {
            section_updated_at.set(Some(now));
            self.edited(Dirty::Lists([list].into()));
        }
    }

    /// After a change made around the long lists (a whole-workbook edit, a
    /// restore, another tab): their rows look their records up again.
    fn refresh_keys(&self) {
        self.contacts.replaced();
        self.entries.replaced();
    }
}

impl Store {
    /// Replaces the whole live workbook (restore, merge, example, another tab).
    fn show(&self, workbook: Workbook) {
        self.workbook.set(workbook);
        self.refresh_keys();
    }

    fn may_edit(&self) -> bool {
        !self.tracker.with_value(SaveTracker::is_read_only)
    }

    /// Notes an edit (and what it touched) and schedules its save.
    fn edited(&self, touched: Dirty) {
        self.note_dirty(touched);
        self.tracker.update_value(|tracker| {
            tracker.edited(clock::now_ms());
        });
        self.publish_status();
        self.save_later(SAVE_DELAY_MS);
    }

    /// Sets the save's timer, unless it is set: typing sets one timer, not
    /// one per key. When it fires before the quiet time since the last edit
    /// is over, it is set again for the rest.
    fn save_later(&self, after_ms: f64) {
        if self.save_timer_set.get_value() {
            return;
        }
        self.save_timer_set.set_value(true);
        let store = *self;
        set_timeout(
            move || {
                // The app may be gone (a test's owner dropped).
                if store.save_timer_set.try_set_value(false).is_some() {
                    return;
                }
                match store.tracker.with_value(|tracker| tracker.wait_left(clock::now_ms())) {
                    Some(left) if left > 0.0 => store.save_later(left),
                    Some(_) => store.save_now(),
                    None => {}
                }
            },
            Duration::from_millis(after_ms.ceil() as u64),
        );
    }

    /// Notes what an edit touched, so the next save walks only those lists
    /// (see `io::parts::Dirty`). Every edit path calls it, through `edited`:
    /// one that cannot say notes `Unknown`, and the save walks every list.
    fn note_dirty(&self, touched: Dirty) {
        self.dirty.update_value(|dirty| {
            *dirty = Some(match (dirty.take(), touched) {
                (None, touched) => touched,
                (Some(Dirty::Lists(mut lists)), Dirty::Lists(more)) => {
                    lists.extend(more);
                    Dirty::Lists(lists)
                }
                _ => Dirty::Unknown,
            });
        });
    }

    /// Writes unsaved edits at once.
    pub fn save_now(&self) {
        if !self.tracker.with_value(SaveTracker::needs_flush) {
            return;
        }
        let revision = self.tracker.with_value(SaveTracker::revision);
        let dirty = self.dirty.try_update_value(Option::take).flatten().unwrap_or_default();
        let result = self
            .workbook
            .with_untracked(|workbook| {
                self.written.try_update_value(|written| storage::save_changes_with(written, workbook, &dirty))
            })
            .unwrap_or_else(|| Err(storage::StorageError::Unavailable("the page is closing".into())));
        self.tracker.update_value(|tracker| match result {
            Ok(()) => tracker.wrote(revision),
            Err(err) => tracker.failed(err.to_string()),
        });
        self.publish_status();
    }

    /// The outcome of a save just made, as the public methods report it.
    fn saved(&self) -> Result<(), StoreError> {
        match self.status.get_untracked() {
            SaveStatus::Failed(reason) => Err(StoreError::NotSaved(reason)),
            _ => Ok(()),
        }
    }

    /// After unreadable data was found: starts a new workbook, once the raw
    /// text is safely kept under a recovery key.
    pub fn start_new_workbook(&self) -> Result<(), StoreError> {
        let Some(Notice::Unreadable { raw, .. }) = self.notice.get_untracked() else {
            return Err(StoreError::NothingUnreadable);
        };
        storage::keep_recovery_copy(&raw, clock::now())?;
        self.replace_with_empty()
    }

    /// Replaces the workbook with one read from a backup. The stored copy
    /// from before is kept first, byte for byte, so [`Store::undo_replace`]
    /// can bring it back; without room for that copy nothing is replaced.
    pub fn replace_from_backup(&self, workbook: Workbook) -> Result<(), StoreError> {
        self.replace_keeping(&storage::before_import_key(), workbook)
    }

    /// Whether a replaced workbook can be brought back.
    pub fn can_undo_replace() -> bool {
        matches!(storage::read(&storage::before_import_key()), Ok(Some(_)))
    }

    /// Puts back, byte for byte, the stored workbook from before the last
    /// replace, and shows it.
    pub fn undo_replace(&self) -> Result<(), StoreError> {
        self.restore_kept(&storage::before_import_key())
    }

    /// Shows the example workbook, keeping what was stored to put it back.
    pub fn load_example(&self) -> Result<(), StoreError> {
        self.replace_keeping(
            &storage::before_example_key(),
            crate::model::example::example_workbook(clock::today(), clock::now()),
        )
    }

    /// Removes the example: storage is exactly what it was before it.
    pub fn remove_example(&self) -> Result<(), StoreError> {
        self.restore_kept(&storage::before_example_key())
    }

    /// Replaces the workbook, first keeping the stored text under `keep_key`
    /// ("" when nothing was stored) so `restore_kept` can put it back.
    fn replace_keeping(&self, keep_key: &str, workbook: Workbook) -> Result<(), StoreError> {
        if !self.can_edit() {
            return Err(StoreError::ReadOnly);
        }
        self.save_now();
        let before = storage::read_document()?.text;
        storage::keep(keep_key, before.as_deref().unwrap_or_default()).map_err(StoreError::NoRoomForUndo)?;
        // A new workbook at the root: every record is compared (a merge may
        // keep times), and only what differs is written. Nothing is shown
        // until it is stored: a failure changes nothing.
        self.written.update_value(|written| written.forget_records());
        let mut written = self.written.get_value();
        storage::replace_workbook(&mut written, &workbook)?;
        self.dirty.set_value(None);
        self.show_stored(workbook)
    }

    /// Merges a backup from another device into the workbook (see
    /// `model::merge` for the rules), undoable like a replace.
    pub fn merge_from_backup(&self, theirs: &Workbook) -> Result<(), StoreError> {
        let merged = self.workbook.with_untracked(|ours| merge(ours, theirs)).workbook;
        self.replace_from_backup(merged)
    }

    /// After unreadable data was found: goes back to the newest snapshot that
    /// can be read, once the unreadable text is safely kept. Returns its day.
    pub fn fall_back_to_snapshot(&self) -> Result<chrono::NaiveDate, StoreError> {
        let Some(Notice::Unreadable { raw, .. }) = self.notice.get_untracked() else {
            return Err(StoreError::NothingUnreadable);
        };
        let snapshot = storage::newest_snapshot()?.ok_or(StoreError::NoSnapshot)?;
        storage::keep_recovery_copy(&raw, clock::now())?;
        storage::write_document(&snapshot.text)?;
        self.tracker.update_value(|tracker| tracker.set_read_only(false));
        self.notice.set(None);
        self.show_stored(snapshot.workbook)?;
        Ok(snapshot.day)
    }

    /// Puts back, byte for byte, the text kept under `keep_key` (in buckets
    /// if it is a current document; removing the workbook if nothing was
    /// stored then), and shows it.
    fn restore_kept(&self, keep_key: &str) -> Result<(), StoreError> {
        let Some(before) = storage::read_kept(keep_key)? else {
            return Err(StoreError::NothingToUndo);
        };
        let restored = match decide::kept(&before, clock::now(), |text| Ok(decoder::decode_text(text)?))? {
            Kept::Nothing(workbook) => {
                storage::remove_document()?;
                workbook
            }
            Kept::Text(workbook) => {
                storage::write_document(&before)?;
                workbook
            }
        };
        storage::remove(keep_key)?;
        self.show_stored(restored)
    }

    /// Shows a workbook that is exactly what is stored: nothing left to save.
    fn show_stored(&self, workbook: Workbook) -> Result<(), StoreError> {
        let document = storage::read_document()?;
        self.written.set_value(Written::as_stored(&document, &workbook));
        self.dirty.set_value(None);
        self.show(workbook);
        self.tracker.update_value(|tracker| {
            let revision = tracker.revision();
            tracker.wrote(revision);
        });
        self.publish_status();
        Ok(())
    }

    /// Downloads a plain backup of the workbook (its serializer is a chunk
    /// of its own), and notes when it was made.
    pub async fn download_backup(&self) -> Result<(), String> {
        let now = clock::now();
        let text = rare::backup_text(*self, now).await.map_err(|_| {
            "its part of the app could not be fetched; if you are offline, try again once connected".to_owned()
        })?;
        download::download_text(&backup::file_name(now), "application/json", &text).map_err(|err| err.to_string())?;
        self.edit_settings(|settings, now| settings.last_export_at = Some(now));
        Ok(())
    }

    /// [`Store::download_backup`] from a button, saying in `message` that the
    /// backup is on its way or why it is not.
    pub fn download_backup_saying(&self, message: WriteSignal<Option<String>>) {
        let store = *self;
        leptos::task::spawn_local(async move {
            message.set(Some(match store.download_backup().await {
                Ok(()) => "Your backup is downloading. Keep it somewhere safe.".into(),
                Err(err) => format!("The backup could not be made: {err}."),
            }));
        });
    }

    /// Locks this tab: pending edits are saved, the key is forgotten and the
    /// page starts again (asking for the passphrase if the workbook is still
    /// locked), so nothing of the key or the workbook stays in memory.
    pub fn lock_now(&self) {
        self.save_now();
        storage::install_sealer(None);
        location::reload();
    }

    /// Locks every tab after the lock's idle time, if the workbook is locked
    /// and says one.
    pub fn lock_when_idle(&self) {
        if !storage::is_sealing() {
            return;
        }
        // Watched even with no idle time yet: one can be chosen while unlocked.
        let minutes = storage::stored_lock().ok().flatten().and_then(|lock| lock.idle_minutes);
        let store = *self;
        idle::watch(minutes, move || store.lock_all());
    }

    /// Locks every tab: [`Store::lock_now`] here, after telling the others.
    pub fn lock_all(&self) {
        self.save_now();
        let _ = storage::signal_lock(clock::now_ms());
        self.lock_now();
    }

    /// Erases everything stored on this device and starts over.
    pub fn erase_everything(&self) -> Result<(), StoreError> {
        storage::erase_all()?;
        self.replace_with_empty()
    }

    fn replace_with_empty(&self) -> Result<(), StoreError> {
        self.tracker.update_value(|tracker| tracker.set_read_only(false));
        self.notice.set(None);
        // Whatever was stored is gone or set aside: every key is written
        // anew, above any generation still named.
        let written = storage::read_document().map(|document| Written::generations_only(&document)).unwrap_or_default();
        self.written.set_value(written);
        self.dirty.set_value(None);
        self.show(Workbook::new(clock::now()));
        self.tracker.update_value(|tracker| {
            tracker.edited(clock::now_ms());
        });
        self.save_now();
        self.saved()
    }

    fn publish_status(&self) {
        let status = self.tracker.with_value(SaveTracker::status);
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }

    /// Flushes pending edits when the tab is hidden (phones often kill hidden
    /// tabs) and when the page is being unloaded (reload, close, navigate away).
    fn flush_when_leaving(&self) {
        let store = *self;
        lifecycle::on_leaving(move || store.save_now());
        // Another tab of the app saved (the root or any part): follow it, so
        // that neither tab silently writes over the other's work.
        lifecycle::on_other_tab_write(move |key| {
            // Another tab locked, or turned the lock on or off, or changed the
            // passphrase: this tab's key (or its lack of one) no longer fits.
            if storage::is_lock_signal(&key)
                || (parts::is_workbook_key(&storage::namespace(), &key) && storage::lock_changed_elsewhere())
            {
                store.lock_now();
                return;
            }
            // Another tab saved. Its manifest is written last, once per save,
            // so only that key counts (a restore of 5,000 records writes
            // hundreds of buckets, then one manifest); a burst is followed once.
            if parts::is_workbook_key(&storage::namespace(), &key) && !store.following.get_value() {
                store.following.set_value(true);
                set_timeout(
                    move || {
                        store.following.set_value(false);
                        // Its lock's idle time may have changed too.
                        store.lock_when_idle();
                        // Read with the decoder, fetched now if this tab
                        // started with nothing stored.
                        leptos::task::spawn_local(async move {
                            if decoder::load().await.is_ok() {
                                store.follow_other_tab();
                            }
                        });
                    },
                    Duration::from_millis(50),
                );
            }
        });
    }

    /// Takes in what another tab stored, read back whole (the decisions are
    /// `save::decide`'s). With no unsaved edits here, this tab simply shows
    /// it; with unsaved edits, both versions differ, so the person is told
    /// (this tab's edits are saved whole and win).
    fn follow_other_tab(&self) {
        let (read_only, unsaved) = self.tracker.with_value(|tracker| (tracker.is_read_only(), tracker.has_unsaved()));
        match decide::other_tab_wrote(read_only, unsaved) {
            OtherTab::Ignore => return,
            OtherTab::Conflict => {
                // Storage now holds the other tab's version: the next save
                // writes every record of this tab's that differs from it
                // (new keys above its generations), so this tab's version wins.
                if let Ok(document) = storage::read_document() {
                    let written = match decoder::decode(&document) {
                        Ok(Loaded::Current(theirs)) => Written::as_stored(&document, &theirs),
                        _ => Written::generations_only(&document),
                    };
                    self.written.set_value(written);
                }
                self.notice.set(Some(Notice::OtherTabConflict));
                return;
            }
            OtherTab::Read => {}
        }
        let Ok(document) = storage::read_document() else { return };
        // `flush_when_leaving` loads the decoder first.
        let Ok(loaded) = decoder::decode(&document) else { return };
        match decide::follow(loaded, clock::now()) {
            Follow::Show(workbook) => {
                self.written.set_value(Written::as_stored(&document, &workbook));
                self.show(workbook);
            }
            Follow::Newer { version, workbook } => {
                self.tracker.update_value(|tracker| tracker.set_read_only(true));
                self.publish_status();
                if let Some(workbook) = workbook {
                    self.show(workbook);
                }
                self.notice.set(Some(Notice::NewerVersion { version, readable: true }));
            }
            // Never replace what is shown with something unreadable.
            Follow::KeepShowing => {}
        }
    }
}

/// The store provided at the app root.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
