//! The live workbook shared by every page, and its autosave.
//!
//! The workbook is a `reactive_stores::Store`: every section, field and keyed
//! record (a contact, a time entry) is a reactive path of its own, so a page
//! reads only the fields it shows and an edit notifies only their readers.
//! Pages change the workbook only through the `edit_*` methods, each as
//! narrow as the change: [`Store::edit_field`] for one section or field,
//! [`Store::edit_contact`] and [`Store::edit_entry`] for one record, and
//! [`Store::edit`] (which notifies every reader) only for changes that span
//! sections. Each records the edit and schedules a debounced write. Writes
//! also happen at once when the page is hidden or closed, so a reload right
//! after typing keeps the last keystroke.

use std::time::Duration;

use leptos::prelude::*;
use reactive_stores::Store as Live;
use uuid::Uuid;

use crate::io::parts::{self, Written};
use crate::io::stored::{self, Loaded};
use crate::model::merge::merge;
use crate::model::mojo::{MojoStoreFields, TimeEntry};
use crate::model::outreach::{Contact, OutreachStoreFields};
use crate::model::workbook::WorkbookStoreFields;
use crate::model::{Debrief, FirstSteps, Mojo, Outreach, Plan, Settings};
use crate::model::{Timestamp, Workbook};
use crate::save::{SaveStatus, SaveTracker, SAVE_DELAY_MS};
use crate::web::{clock, storage};

/// Something about the stored data the person needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The data was written by a newer version of the app: shown, never written.
    NewerVersion { version: u32, readable: bool },
    /// The stored data could not be read; the raw text is kept.
    Unreadable { reason: String, raw: String, recovery_key: Result<String, String> },
    /// The browser gives no storage at all: work lives only in this tab.
    NoStorage(String),
    /// Another tab changed the workbook while this one had unsaved edits.
    OtherTabConflict,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// Read the narrowest field a view needs (`workbook.outreach().contacts()`),
    /// never the whole workbook in a view that runs often.
    pub workbook: Live<Workbook>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    tracker: StoredValue<SaveTracker>,
    /// What storage holds, part by part: a save writes only what differs.
    written: StoredValue<Written>,
}

impl Store {
    /// Loads the stored workbook and decides whether this session may write.
    pub fn load() -> Self {
        let now = clock::now();
        let mut tracker = SaveTracker::default();
        let (loaded, written) = match storage::read_document() {
            Ok(document) => {
                let loaded = document.decode();
                let written = Written::as_read(&document, &loaded);
                (Ok(loaded), written)
            }
            Err(err) => (Err(err), Written::default()),
        };
        let (workbook, notice) = match loaded {
            Ok(Loaded::Fresh) => (Workbook::new(now), None),
            Ok(Loaded::Current(mut workbook)) | Ok(Loaded::Migrated { mut workbook, .. }) => {
                // The stored text was read without a problem: keep it as today's
                // snapshot (not the example's: removing it must leave nothing).
                // A snapshot that cannot be written loses nothing; the Backup
                // page lists the ones there are.
                if !workbook.settings.example {
                    let _ = storage::take_daily_snapshot(clock::today());
                }
                // Data from before the checklist or the path choice existed gets
                // them once (fixed ids: never twice).
                workbook.ensure_defaults(now);
                (workbook, None)
            }
            Ok(Loaded::Newer { version, workbook }) => {
                tracker.set_read_only(true);
                let readable = workbook.is_some();
                (workbook.unwrap_or_default(), Some(Notice::NewerVersion { version, readable }))
            }
            Ok(Loaded::Corrupt { raw, reason }) => {
                tracker.set_read_only(true);
                let recovery_key = storage::keep_recovery_copy(&raw, now).map_err(|err| err.to_string());
                (Workbook::new(now), Some(Notice::Unreadable { reason, raw, recovery_key }))
            }
            Err(err) => (Workbook::new(now), Some(Notice::NoStorage(err.to_string()))),
        };
        let store = Self {
            workbook: Live::new(workbook),
            status: RwSignal::new(tracker.status()),
            notice: RwSignal::new(notice),
            tracker: StoredValue::new(tracker),
            written: StoredValue::new(written),
        };
        store.flush_when_leaving();
        store
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
        self.edited();
    }

    /// Applies a change to the outreach section (adding or removing contacts,
    /// the announcement…): its readers are notified, other sections' are not.
    pub fn edit_outreach(&self, change: impl FnOnce(&mut Outreach, Timestamp)) {
        let contacts = self.workbook.outreach().contacts();
        let before = contacts.with_untracked(|contacts| ids(contacts, |contact| contact.meta.id));
        self.edit_field(self.workbook.outreach(), change);
        if contacts.with_untracked(|contacts| ids(contacts, |contact| contact.meta.id)) != before {
            contacts.update_keys();
        }
    }

    /// Applies a change to the mojo section, as [`Store::edit_outreach`] does.
    pub fn edit_mojo(&self, change: impl FnOnce(&mut Mojo, Timestamp)) {
        let entries = self.workbook.mojo().entries();
        let before = entries.with_untracked(|entries| ids(entries, |entry| entry.meta.id));
        self.edit_field(self.workbook.mojo(), change);
        if entries.with_untracked(|entries| ids(entries, |entry| entry.meta.id)) != before {
            entries.update_keys();
        }
    }

    /// Applies a change to the debrief: only its readers are notified.
    pub fn edit_debrief(&self, change: impl FnOnce(&mut Debrief, Timestamp)) {
        self.edit_field(self.workbook.debrief(), change);
    }

    /// Applies a change to the plan (step 4): only its readers are notified.
    pub fn edit_plan(&self, change: impl FnOnce(&mut Plan, Timestamp)) {
        self.edit_field(self.workbook.plan(), change);
    }

    /// Applies a change to the first steps: only their readers are notified.
    pub fn edit_first_steps(&self, change: impl FnOnce(&mut FirstSteps, Timestamp)) {
        self.edit_field(self.workbook.first_steps(), change);
    }

    /// Applies a change to the settings: only their readers are notified.
    pub fn edit_settings(&self, change: impl FnOnce(&mut Settings, Timestamp)) {
        self.edit_field(self.workbook.settings(), change);
    }

    /// Applies a change to one section or field of the workbook without a
    /// keyed list inside (e.g. `store.workbook.debrief()`): only that field's
    /// readers, its parents' and its children's are notified, never its
    /// siblings'. Outreach and mojo hold keyed lists: use their own edits.
    pub fn edit_field<F>(&self, field: F, change: impl FnOnce(&mut F::Value, Timestamp))
    where
        F: Update,
    {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        field.update(|value| change(value, now));
        self.edited();
    }

    /// Edits one field inside a section (the announcement in outreach, the
    /// goal in mojo) and sets the section's edit time, which the merge reads:
    /// readers of the section's other fields are not notified.
    pub fn edit_in<F>(
        &self,
        field: F,
        section_updated_at: impl Set<Value = Option<Timestamp>>,
        change: impl FnOnce(&mut F::Value, Timestamp),
    ) where
        F: Update,
    {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        field.update(|value| change(value, now));
        section_updated_at.set(Some(now));
        self.edited();
    }

    /// Edits one contact: its row and the views that list contacts are
    /// notified, not the rest of the page. The contact's and the section's
    /// edit times are set (the merge reads them).
    pub fn edit_contact(&self, id: Uuid, change: impl FnOnce(&mut Contact)) {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        let outreach = self.workbook.outreach();
        let found = outreach.contacts().at_key(id).try_update(|contact| {
            change(contact);
            contact.meta.touch(now);
        });
        if found.is_some() {
            outreach.updated_at().set(Some(now));
            self.edited();
        }
    }

    /// Edits one entry of the time log, as [`Store::edit_contact`] does a contact.
    pub fn edit_entry(&self, id: Uuid, change: impl FnOnce(&mut TimeEntry)) {
        if !self.may_edit() {
            return;
        }
        let now = clock::edit_time();
        let mojo = self.workbook.mojo();
        let found = mojo.entries().at_key(id).try_update(|entry| {
            change(entry);
            entry.meta.touch(now);
        });
        if found.is_some() {
            mojo.updated_at().set(Some(now));
            self.edited();
        }
    }

    /// The keyed collections' id → position maps, brought up to date after a
    /// change made around them (a whole-workbook edit, a restore, another
    /// tab): without it a record handle could find a stale position.
    fn refresh_keys(&self) {
        self.workbook.outreach().contacts().update_keys();
        self.workbook.mojo().entries().update_keys();
    }
}

/// The ids of a list in order: a structural change (added, removed, moved)
/// changes them, an edit inside a record does not.
fn ids<T>(records: &[T], id: impl Fn(&T) -> Uuid) -> Vec<Uuid> {
    records.iter().map(id).collect()
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

    /// Notes an edit and schedules its save.
    fn edited(&self) {
        self.tracker.update_value(|tracker| {
            tracker.edited(clock::now_ms());
        });
        self.publish_status();
        let store = *self;
        set_timeout(
            move || {
                if store.tracker.with_value(|tracker| tracker.is_due(clock::now_ms())) {
                    store.save_now();
                }
            },
            Duration::from_millis(SAVE_DELAY_MS as u64),
        );
    }

    /// Writes unsaved edits at once.
    pub fn save_now(&self) {
        if !self.tracker.with_value(SaveTracker::needs_flush) {
            return;
        }
        let revision = self.tracker.with_value(SaveTracker::revision);
        let result = self
            .workbook
            .with_untracked(|workbook| {
                self.written.try_update_value(|written| storage::save_changes(written, workbook))
            })
            .unwrap_or_else(|| Err(storage::StorageError::Unavailable("the page is closing".into())));
        self.tracker.update_value(|tracker| match result {
            Ok(()) => tracker.wrote(revision),
            Err(err) => tracker.failed(err.to_string()),
        });
        self.publish_status();
    }

    /// After unreadable data was found: starts a new workbook, once the raw
    /// text is safely kept under a recovery key.
    pub fn start_new_workbook(&self) -> Result<(), String> {
        let Some(Notice::Unreadable { raw, .. }) = self.notice.get_untracked() else {
            return Err("there is no unreadable data to set aside".into());
        };
        storage::keep_recovery_copy(&raw, clock::now()).map_err(|err| err.to_string())?;
        self.replace_with_empty()
    }

    /// Replaces the workbook with one read from a backup. The stored copy
    /// from before is kept first, byte for byte, so [`Store::undo_replace`]
    /// can bring it back; without room for that copy nothing is replaced.
    pub fn replace_from_backup(&self, workbook: Workbook) -> Result<(), String> {
        self.replace_keeping(storage::BEFORE_IMPORT_KEY, workbook)
    }

    /// Whether a replaced workbook can be brought back.
    pub fn can_undo_replace() -> bool {
        matches!(storage::read(storage::BEFORE_IMPORT_KEY), Ok(Some(_)))
    }

    /// Puts back, byte for byte, the stored workbook from before the last
    /// replace, and shows it.
    pub fn undo_replace(&self) -> Result<(), String> {
        self.restore_kept(storage::BEFORE_IMPORT_KEY)
    }

    /// Shows the example workbook, keeping what was stored to put it back.
    pub fn load_example(&self) -> Result<(), String> {
        self.replace_keeping(
            storage::BEFORE_EXAMPLE_KEY,
            crate::model::example::example_workbook(clock::today(), clock::now()),
        )
    }

    /// Removes the example: storage is exactly what it was before it.
    pub fn remove_example(&self) -> Result<(), String> {
        self.restore_kept(storage::BEFORE_EXAMPLE_KEY)
    }

    /// Replaces the workbook, first keeping the stored text under `keep_key`
    /// ("" when nothing was stored) so `restore_kept` can put it back.
    fn replace_keeping(&self, keep_key: &str, workbook: Workbook) -> Result<(), String> {
        if !self.can_edit() {
            return Err("this workbook is read-only in this session".into());
        }
        self.save_now();
        let before = storage::read_document().map_err(|err| err.to_string())?.text;
        storage::write(keep_key, before.as_deref().unwrap_or_default()).map_err(|err| {
            format!("there is no room to keep your current data for Undo ({err}); nothing was replaced")
        })?;
        self.show(workbook);
        self.tracker.update_value(|tracker| {
            tracker.edited(clock::now_ms());
        });
        self.save_now();
        match self.status.get_untracked() {
            SaveStatus::Failed(reason) => Err(reason),
            _ => Ok(()),
        }
    }

    /// Merges a backup from another device into the workbook (see
    /// `model::merge` for the rules), undoable like a replace.
    pub fn merge_from_backup(&self, theirs: &Workbook) -> Result<(), String> {
        let merged = self.workbook.with_untracked(|ours| merge(ours, theirs)).workbook;
        self.replace_from_backup(merged)
    }

    /// After unreadable data was found: goes back to the newest snapshot that
    /// can be read, once the unreadable text is safely kept. Returns its day.
    pub fn fall_back_to_snapshot(&self) -> Result<chrono::NaiveDate, String> {
        let Some(Notice::Unreadable { raw, .. }) = self.notice.get_untracked() else {
            return Err("there is no unreadable data to set aside".into());
        };
        let snapshot = storage::snapshots()
            .map_err(|err| err.to_string())?
            .into_iter()
            .next()
            .ok_or_else(|| "there is no snapshot to go back to".to_owned())?;
        storage::keep_recovery_copy(&raw, clock::now()).map_err(|err| err.to_string())?;
        let in_parts = storage::write_document(&snapshot.text).map_err(|err| err.to_string())?;
        self.tracker.update_value(|tracker| tracker.set_read_only(false));
        self.notice.set(None);
        self.show_stored(snapshot.workbook, in_parts);
        Ok(snapshot.day)
    }

    /// Puts back, byte for byte, the text kept under `keep_key` (in parts
    /// if it was assembled from parts; removing the workbook if nothing was
    /// stored then), and shows it.
    fn restore_kept(&self, keep_key: &str) -> Result<(), String> {
        let Some(before) = storage::read(keep_key).map_err(|err| err.to_string())? else {
            return Err("there is nothing to undo".into());
        };
        let restored = match stored::decode((!before.is_empty()).then_some(before.as_str())) {
            Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => workbook,
            Loaded::Fresh => Workbook::new(clock::now()),
            Loaded::Newer { .. } | Loaded::Corrupt { .. } => {
                return Err("the earlier data could not be read back".into())
            }
        };
        let in_parts = if before.is_empty() {
            storage::remove_document().map(|()| false)
        } else {
            storage::write_document(&before)
        }
        .map_err(|err| err.to_string())?;
        storage::remove(keep_key).map_err(|err| err.to_string())?;
        self.show_stored(restored, in_parts);
        Ok(())
    }

    /// Shows a workbook that is exactly what is stored (`in_parts`: in the
    /// current layout): nothing left to save.
    fn show_stored(&self, workbook: Workbook, in_parts: bool) {
        self.written.set_value(if in_parts { Written::of(&workbook) } else { Written::default() });
        self.show(workbook);
        self.tracker.update_value(|tracker| {
            let revision = tracker.revision();
            tracker.wrote(revision);
        });
        self.publish_status();
    }

    /// Erases everything stored on this device and starts over.
    pub fn erase_everything(&self) -> Result<(), String> {
        storage::erase_all().map_err(|err| err.to_string())?;
        self.replace_with_empty()
    }

    fn replace_with_empty(&self) -> Result<(), String> {
        self.tracker.update_value(|tracker| tracker.set_read_only(false));
        self.notice.set(None);
        // Whatever was stored is gone or set aside: every part is written anew.
        self.written.set_value(Written::default());
        self.show(Workbook::new(clock::now()));
        self.tracker.update_value(|tracker| {
            tracker.edited(clock::now_ms());
        });
        self.save_now();
        match self.status.get_untracked() {
            SaveStatus::Failed(reason) => Err(reason),
            _ => Ok(()),
        }
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
        // Dropping a handle keeps its listener: the store lives as long as the page.
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().hidden() {
                store.save_now();
            }
        });
        let _ = window_event_listener(leptos::ev::pagehide, move |_| store.save_now());
        // Another tab of the app saved (the root or any part): follow it, so
        // that neither tab silently writes over the other's work.
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref().is_some_and(parts::is_workbook_key) {
                store.follow_other_tab();
            }
        });
    }

    /// Takes in what another tab stored, read back whole. With no unsaved
    /// edits here, this tab simply shows it; with unsaved edits, both
    /// versions differ, so the person is told (this tab's edits are saved and win).
    fn follow_other_tab(&self) {
        if self.tracker.with_value(SaveTracker::is_read_only) {
            return;
        }
        if self.tracker.with_value(SaveTracker::has_unsaved) {
            // Every part is written on the next save, not only this tab's
            // changed ones: its whole version wins, as when it was one text.
            self.written.set_value(Written::parts_unknown());
            self.notice.set(Some(Notice::OtherTabConflict));
            return;
        }
        // Unreadable for now (a part still being written): keep what is shown.
        let Ok(document) = storage::read_document() else { return };
        let loaded = document.decode();
        if !matches!(loaded, Loaded::Corrupt { .. }) {
            self.written.set_value(Written::as_read(&document, &loaded));
        }
        match loaded {
            Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => self.show(workbook),
            Loaded::Fresh => self.show(Workbook::new(clock::now())),
            Loaded::Newer { version, workbook } => {
                self.tracker.update_value(|tracker| tracker.set_read_only(true));
                self.publish_status();
                if let Some(workbook) = workbook {
                    self.show(workbook);
                }
                self.notice.set(Some(Notice::NewerVersion { version, readable: true }));
            }
            // Never replace what is shown with something unreadable.
            Loaded::Corrupt { .. } => {}
        }
    }
}

/// The store provided at the app root.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
