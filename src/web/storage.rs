//! The only code that touches `localStorage`. It reads and writes whole
//! strings and reports every failure as a `StorageError`; what the strings
//! mean, and which keys a save writes, is decided in `io::parts` and
//! `io::namespace`.
//!
//! Storage goes through `gloo-storage`, always behind [`local_storage`], the
//! probe that refuses storage the browser switched off (gloo's
//! `LocalStorage::raw()` throws then, so it is never reached without the
//! probe). Texts that must come back byte for byte (the workbook's keys,
//! snapshots, Undo and recovery copies) use its raw storage; the typed
//! `get`/`set` (JSON) hold the one small typed value, the legacy claim.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage as _};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use super::{decoder, describe_js_error};
use crate::io::backup::Counts;
use crate::io::kept;
use crate::io::lock::{self, Lock};
use crate::io::namespace::{self, Namespace, LEGACY_CLAIM_KEY, LEGACY_PREFIX, WORKBOOK};
use crate::io::parts::{self, Dirty, Document, Move, Save, Written};
use crate::io::stored::{self, Loaded};
use crate::model::dates;
use crate::model::sorting;
use crate::model::{Timestamp, Workbook};
use crate::save::room::{KeyNames, Usage};
use crate::save::snapshots;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum StorageError {
    #[error("this browser is not letting Comeback use its storage ({0})")]
    Unavailable(String),
    #[error("the browser's storage for Comeback is full")]
    QuotaExceeded,
    #[error("the browser refused to save ({0})")]
    WriteRefused(String),
    #[error("the saved data could not be read ({0})")]
    ReadFailed(String),
    #[error("the workbook could not be prepared for saving ({0})")]
    Encode(String),
    #[error("the locked workbook could not be read ({0})")]
    Sealed(String),
    #[error("Comeback could not fetch the part of the app that reads the saved workbook; reload to try again")]
    ReaderMissing,
}

impl From<decoder::ChunkMissing> for StorageError {
    fn from(_: decoder::ChunkMissing) -> Self {
        StorageError::ReaderMissing
    }
}

thread_local! {
    static NAMESPACE: RefCell<Option<Namespace>> = const { RefCell::new(None) };
}

/// This copy of the app's namespace, from the page's base path
/// (`location.pathname`'s directory).
pub fn namespace() -> Namespace {
    NAMESPACE.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let pathname = web_sys::window().and_then(|window| window.location().pathname().ok());
                Namespace::from_pathname(pathname.as_deref().unwrap_or("/"))
            })
            .clone()
    })
}

/// Uses `namespace` from now on (tests: two copies of the app in one origin).
pub fn set_namespace(namespace: Namespace) {
    NAMESPACE.with(|cell| *cell.borrow_mut() = Some(namespace));
}

/// The full key of a local name in this namespace.
pub fn key(local: &str) -> String {
    namespace().key(local)
}

/// The key of the workbook's root (its manifest).
pub fn workbook_key() -> String {
    namespace().root_key()
}

/// Recovery copies are kept under keys starting with this, never deleted by the app.
pub fn recovery_prefix() -> String {
    key(namespace::RECOVERY)
}

/// The stored workbook just before a backup replaced it, for Undo ("" : nothing was stored).
pub fn before_import_key() -> String {
    key(namespace::BEFORE_IMPORT)
}

/// What was stored before the example data was loaded, to put it back exactly.
pub fn before_example_key() -> String {
    key(namespace::BEFORE_EXAMPLE)
}

fn is_quota_error(err: &JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>().is_some_and(|exception| {
        exception.code() == 22
            || exception.name() == "QuotaExceededError"
            || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

/// The origin's `localStorage`, if the browser allows it: the probe before
/// any use of gloo's storage.
pub fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StorageError::Unavailable("storage is switched off".into())),
        Err(err) => Err(StorageError::Unavailable(describe_js_error(&err))),
    }
}

/// Seals what this copy stores while its workbook is locked and this tab
/// holds the key: every value of the namespace is sealed as it is written
/// and opened as it is read, so the rest of the app (parts, snapshots, Undo
/// and recovery copies) reads and writes plain text as ever. Installed by
/// `web::lock` after an unlock; the cipher itself lives there, in a chunk a
/// plain workbook never loads.
pub trait Sealer {
    fn seal(&self, key: &str, value: &str) -> Result<String, StorageError>;
    fn open(&self, key: &str, stored: &str) -> Result<String, StorageError>;
    /// The salt of the lock this key belongs to: another tab that locked,
    /// unlocked or changed the passphrase stores another.
    fn salt(&self) -> String;
}

thread_local! {
    static SEALER: RefCell<Option<Rc<dyn Sealer>>> = const { RefCell::new(None) };
}

/// Seals from now on with `sealer`; `None` forgets it (and the key with it).
pub fn install_sealer(sealer: Option<Rc<dyn Sealer>>) {
    SEALER.with(|cell| *cell.borrow_mut() = sealer);
}

/// Whether this tab holds the key of a locked workbook.
pub fn is_sealing() -> bool {
    SEALER.with(|cell| cell.borrow().is_some())
}

fn sealer_for(key: &str) -> Option<Rc<dyn Sealer>> {
    let ours = namespace().local(key).is_some_and(|local| local != namespace::LOCK_SIGNAL);
    if !ours {
        return None;
    }
    SEALER.with(|cell| cell.borrow().clone())
}

/// Tells every other tab to lock (they hear a `storage` event), without
/// saying anything about the key.
pub fn signal_lock(now_ms: f64) -> Result<(), StorageError> {
    write_raw(&key(namespace::LOCK_SIGNAL), &(now_ms as u64).to_string())
}

/// Whether `key` (of a `storage` event) says another tab locked.
pub fn is_lock_signal(key: &str) -> bool {
    namespace().local(key) == Some(namespace::LOCK_SIGNAL)
}

/// The lock the stored root names, if the workbook is locked.
pub fn stored_lock() -> Result<Option<Lock>, StorageError> {
    let Some(root) = read_raw(&workbook_key())? else { return Ok(None) };
    lock::lock_of(&root).map_err(|err| StorageError::ReadFailed(err.to_string()))
}

/// Whether the workbook is locked and this tab does not hold its key: the
/// app asks for the passphrase before anything is read. A locked root this
/// build cannot open is left to the store, which opens it read only.
pub fn needs_unlock() -> bool {
    matches!(stored_lock(), Ok(Some(_))) && SEALER.with(|cell| cell.borrow().is_none())
}

thread_local! {
    /// Another tab changed the lock: this tab writes nothing more (it reloads).
    static LOCK_CHANGED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether another tab changed the lock (turned it on or off, or changed the
/// passphrase) since this tab last read it: this tab's key no longer fits.
/// Asked when another tab wrote the root; once it says yes, every later
/// write of this tab is refused.
pub fn lock_changed_elsewhere() -> bool {
    let held = SEALER.with(|cell| cell.borrow().as_ref().map(|sealer| sealer.salt()));
    let stored = stored_lock().ok().flatten().map(|lock| lock.salt);
    let changed = held != stored;
    LOCK_CHANGED.with(|flag| flag.set(flag.get() || changed));
    changed
}

/// The value stored under `key` as it is, sealed or not.
pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(|err| StorageError::ReadFailed(describe_js_error(&err)))
}

/// The value under `key`, opened if it is sealed.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    let Some(stored) = read_raw(key)? else { return Ok(None) };
    match sealer_for(key) {
        Some(sealer) => sealer.open(key, &stored).map(Some),
        None if lock::is_sealed(&stored) => {
            Err(StorageError::ReadFailed("the workbook is locked; unlock it first".into()))
        }
        None => Ok(Some(stored)),
    }
}

/// Stores `value` under `key`, sealed while the workbook is locked. Refused
/// once another tab turned the lock on or off, or changed the passphrase
/// (its write of the root told this tab): this tab's text would be stored
/// plain in a locked workbook, or sealed with a key that no longer opens it.
/// Not checked by reading the root at every write: another tab's writes
/// reach this tab's storage when its `storage` event does, not before, and
/// the root can be megabytes.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    let ours = namespace().local(key).is_some_and(|local| local != namespace::LOCK_SIGNAL);
    if ours && LOCK_CHANGED.with(std::cell::Cell::get) {
        return Err(StorageError::Sealed("the lock was changed in another tab; reload to go on".into()));
    }
    match sealer_for(key) {
        Some(sealer) => write_raw(key, &sealer.seal(key, value)?),
        None => write_raw(key, value),
    }
}

/// Stores `value` under `key` as it is.
pub fn write_raw(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|err| {
        if is_quota_error(&err) {
            StorageError::QuotaExceeded
        } else {
            StorageError::WriteRefused(describe_js_error(&err))
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?.remove_item(key).map_err(|err| StorageError::WriteRefused(describe_js_error(&err)))
}

/// All keys currently stored for this origin.
pub fn keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let length = storage.length().map_err(|err| StorageError::ReadFailed(describe_js_error(&err)))?;
    let mut keys = Vec::with_capacity(length as usize);
    for index in 0..length {
        if let Ok(Some(key)) = storage.key(index) {
            keys.push(key);
        }
    }
    Ok(keys)
}

/// The local names of this namespace's keys.
fn local_keys() -> Result<Vec<String>, StorageError> {
    let namespace = namespace();
    Ok(keys()?.iter().filter_map(|key| namespace.local(key).map(str::to_owned)).collect())
}

/// The namespace that claimed the legacy keys, if one did (a typed value).
fn legacy_claim() -> Result<Option<String>, StorageError> {
    local_storage()?;
    match LocalStorage::get::<String>(LEGACY_CLAIM_KEY) {
        Ok(claim) => Ok(Some(claim)),
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Ok(None),
        // Unreadable: not ours to judge; treat as claimed by someone else.
        Err(err) => Ok(Some(err.to_string())),
    }
}

/// Whether this copy may read (and adopt) the keys of builds before namespaces.
fn may_adopt_legacy() -> Result<bool, StorageError> {
    Ok(legacy_claim()?.is_none_or(|claim| claim == namespace().prefix()))
}

fn claim_legacy() -> Result<(), StorageError> {
    local_storage()?;
    LocalStorage::set(LEGACY_CLAIM_KEY, namespace().prefix()).map_err(|err| StorageError::WriteRefused(err.to_string()))
}

/// Adopts the snapshots, recovery and Undo copies of builds before
/// namespaces, when this namespace holds no workbook yet (the first copy of
/// the app to load takes them; see `io::namespace`). Each is moved, so at
/// most one is ever held twice; the legacy workbook moves with the first
/// save (see [`move_into_records`]).
pub fn adopt_legacy() -> Result<(), StorageError> {
    if read(&workbook_key())?.is_some() || !may_adopt_legacy()? {
        return Ok(());
    }
    let keys = keys()?;
    let copies = namespace::legacy_copies(&namespace(), &keys);
    let legacy_workbook = keys.iter().any(|key| key == &format!("{}{}", namespace::LEGACY_PREFIX, namespace::WORKBOOK));
    if copies.is_empty() && !legacy_workbook {
        return Ok(());
    }
    claim_legacy()?;
    for (old, new) in copies {
        let Some(text) = read(&old)? else { continue };
        if read(&new)?.is_some() {
            continue;
        }
        match write_making_room(&new, &text) {
            Ok(()) => remove(&old)?,
            // No room for two copies: free the old key first, and put it
            // back if the new one still does not fit.
            Err(StorageError::QuotaExceeded) => {
                remove(&old)?;
                if let Err(err) = write(&new, &text) {
                    write(&old, &text)?;
                    return Err(err);
                }
            }
            Err(err) => return Err(err),
        }
    }
    if !legacy_workbook {
        remove(LEGACY_CLAIM_KEY)?;
    }
    Ok(())
}

/// Reads the stored workbook, assembled from its keys into one text.
pub fn read_document() -> Result<Document, StorageError> {
    parts::read_document(&namespace(), may_adopt_legacy()?, read)
}

/// Whether anything is stored to read: the workbook's root, or that of
/// builds before namespaces while this copy may adopt it. One key each, so
/// asking costs nothing beside reading the workbook.
pub fn workbook_stored() -> bool {
    let stored = |key: &str| matches!(read_raw(key), Ok(Some(_)));
    stored(&workbook_key()) || (matches!(may_adopt_legacy(), Ok(true)) && stored(&format!("{LEGACY_PREFIX}{WORKBOOK}")))
}

/// Reads and classifies the stored workbook (the decoder's chunk is there
/// whenever anything is stored: see `decoder`).
pub fn load_workbook() -> Result<Loaded, StorageError> {
    Ok(decoder::decode(&read_document()?)?)
}

/// Writes the whole workbook: every bucket and part, then the manifest.
pub fn save_workbook(workbook: &Workbook) -> Result<(), StorageError> {
    let current = read_document()?;
    let mut written = Written::generations_only(&current);
    save_changes(&mut written, workbook)
}

/// Writes what differs from `written` (see `io::parts`), noting it once the
/// manifest is written. When storage is full, snapshots give way first.
pub fn save_changes(written: &mut Written, workbook: &Workbook) -> Result<(), StorageError> {
    save_changes_with(written, workbook, &Dirty::Unknown)
}

/// [`save_changes`], walking only the lists `dirty` names.
pub fn save_changes_with(written: &mut Written, workbook: &Workbook, dirty: &Dirty) -> Result<(), StorageError> {
    if !written.has_manifest() {
        // No manifest yet: what is stored may be an older layout to move first.
        let document = read_document()?;
        if document.needs_move()
            && !matches!(decoder::decode(&document)?, Loaded::Corrupt { .. } | Loaded::Newer { .. })
        {
            *written = decoder::move_into_records(&document, workbook)?;
        }
    }
    write_changes(written, workbook, dirty)
}

/// Writes what differs from `written`, in the layout it knows.
fn write_changes(written: &mut Written, workbook: &Workbook, dirty: &Dirty) -> Result<(), StorageError> {
    let save = changes(written, workbook, dirty)?;
    carry_out(written, save, write_making_room)
}

/// What a save of `workbook` writes. After a restore, buckets whose stored
/// text is what they serialize to are kept (read back to compare).
fn changes(written: &Written, workbook: &Workbook, dirty: &Dirty) -> Result<Save, StorageError> {
    let stored = |key: &str| read(key).ok().flatten();
    written.changes_reading(&namespace(), workbook, dirty, &stored).map_err(|err| StorageError::Encode(err.to_string()))
}

/// Carries out `save` with `write`: its new keys, the manifest last, then
/// notes it and removes the keys the manifest no longer names. A failed
/// write leaves the manifest naming the old keys, all intact.
fn carry_out(
    written: &mut Written,
    save: Save,
    write: impl Fn(&str, &str) -> Result<(), StorageError>,
) -> Result<(), StorageError> {
    save.writes.iter().try_for_each(|(key, text)| write(key, text))?;
    let removes = save.removes.clone();
    written.commit(save);
    removes.iter().try_for_each(|key| remove(key))
}

/// Stores `workbook` in place of the stored one (a restore, a merge, the
/// example), once the stored text is kept for Undo: the keys that differ are
/// written beside the old ones, manifest last. Without room for both, the
/// old layout goes first (its text is kept) and snapshots give way only
/// then: a restore of a big workbook never costs the snapshot it restores.
/// `written` is left as it was after that fallback: read what is stored.
pub fn replace_workbook(written: &mut Written, workbook: &Workbook) -> Result<(), StorageError> {
    let whole = || -> Result<(), StorageError> {
        write_document(&stored::encode(workbook).map_err(|err| StorageError::Encode(err.to_string()))?).map(|_| ())
    };
    if !written.has_manifest() {
        return whole();
    }
    let save = changes(written, workbook, &Dirty::Unknown)?;
    match carry_out(written, save, write) {
        Err(StorageError::QuotaExceeded) => whole(),
        done => done,
    }
}

/// Moves the stored workbook (a whole document, schema 4 parts, or a move
/// left part-way, in this namespace or the legacy one) into the schema 5
/// layout, a chunk of buckets at a time so that it fits beside itself in the
/// quota, then writes the manifest and removes the old keys. Returns what is
/// then stored.
pub fn move_into_records(document: &Document, workbook: &Workbook) -> Result<Written, StorageError> {
    let namespace = namespace();
    if document.source == parts::Source::Legacy {
        claim_legacy()?;
    }
    let Some(mut moving) = Move::new(&namespace, document, read)? else { return Ok(Written::default()) };
    parts::run_move(&mut moving, write_making_room, remove, |err| *err == StorageError::QuotaExceeded)?;
    let moved = read_document()?;
    let mut written = Written::as_stored(&moved, workbook);
    write_changes(&mut written, workbook, &Dirty::Unknown)?;
    Ok(written)
}

fn write_all(writes: &[(String, String)]) -> Result<(), StorageError> {
    writes.iter().try_for_each(|(key, text)| write_making_room(key, text))
}

/// Stores a whole document text (an Undo copy, a snapshot) so that it reads
/// back byte for byte: in buckets if it is a current document, whole
/// otherwise. New keys are written before the manifest names them; only
/// when there is no room for both layouts is the old one removed first (the
/// text itself is kept elsewhere: it is an Undo copy or a snapshot).
/// Returns whether it was stored in buckets.
pub fn write_document(text: &str) -> Result<bool, StorageError> {
    let namespace = namespace();
    let current = read_document()?;
    let pieces = parts::split_text(&namespace, text, &current.found);
    let in_records = pieces.len() > 1;
    // Beside the old layout, snapshots do not give way: only once the old
    // layout is gone does the oldest snapshot make room, if it must.
    match pieces.iter().try_for_each(|(key, text)| write(key, text)) {
        Ok(()) => {}
        Err(StorageError::QuotaExceeded) => {
            remove_layout_except(&[])?;
            write_all(&pieces)?;
        }
        Err(err) => return Err(err),
    }
    let kept: Vec<&str> = pieces.iter().map(|(key, _)| key.as_str()).collect();
    remove_layout_except(&kept)?;
    for key in &current.found.old_keys {
        remove(key)?;
    }
    Ok(in_records)
}

/// Removes the stored workbook, every key of its layout (and the legacy
/// workbook this copy would otherwise adopt).
pub fn remove_document() -> Result<(), StorageError> {
    let current = read_document()?;
    remove_layout_except(&[])?;
    for key in &current.found.old_keys {
        remove(key)?;
    }
    Ok(())
}

/// Removes this namespace's workbook keys (root, parts, buckets) but `kept`.
fn remove_layout_except(kept: &[&str]) -> Result<(), StorageError> {
    let namespace = namespace();
    for key in keys()?.into_iter().filter(|key| parts::is_layout_key(&namespace, key) && !kept.contains(&key.as_str()))
    {
        remove(&key)?;
    }
    Ok(())
}

/// Writes `value`; while the browser says its storage is full, drops the
/// oldest snapshot (never anything else) and tries again.
fn write_making_room(key: &str, value: &str) -> Result<(), StorageError> {
    loop {
        match write(key, value) {
            Err(StorageError::QuotaExceeded) => {
                let oldest = snapshots::days(&local_keys()?)
                    .into_iter()
                    .map(|day| self::key(&snapshots::key(day)))
                    .find(|snapshot| snapshot != key);
                remove(&oldest.ok_or(StorageError::QuotaExceeded)?)?;
            }
            done => return done,
        }
    }
}

/// Keeps today's snapshot of the stored workbook, if there is none yet, and
/// drops the oldest beyond `snapshots::KEEP`. Call it only once the stored
/// text was read without a problem. `holds` is what the workbook holds,
/// noted with the copy for the snapshot list.
pub fn take_daily_snapshot(today: chrono::NaiveDate, holds: &Counts) -> Result<(), StorageError> {
    let plan = snapshots::plan(&local_keys()?, today);
    if let Some(name) = &plan.write {
        // Assembled only when a snapshot is due: once a day, not every load.
        let Some(text) = read_document()?.text else { return Ok(()) };
        let note = serde_json::to_string(holds).unwrap_or_default();
        write_making_room(&key(name), &kept::pack_noted(&text, &note))?;
    }
    for name in plan.drop {
        remove(&key(&name))?;
    }
    Ok(())
}

/// A snapshot that was read back: its day, its exact text, and the workbook in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub day: chrono::NaiveDate,
    pub text: String,
    pub workbook: Workbook,
}

/// A snapshot as listed: its day and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotEntry {
    pub day: chrono::NaiveDate,
    pub holds: Counts,
}

/// The snapshots, newest first, with what each holds, read from the note
/// kept with each copy: listing them decompresses nothing. A copy kept by
/// an earlier version has no note and is read whole; one that cannot be
/// read is not listed.
pub fn snapshot_list() -> Result<Vec<SnapshotEntry>, StorageError> {
    let mut found = Vec::new();
    for day in snapshots::days(&local_keys()?).into_iter().rev() {
        let Some(stored) = read(&key(&snapshots::key(day)))? else { continue };
        let noted = kept::note(&stored).and_then(|note| serde_json::from_str::<Counts>(&note).ok());
        let holds = match noted {
            Some(holds) => holds,
            None => match read_snapshot(day, &stored)? {
                Some(snapshot) => Counts::of(&snapshot.workbook),
                None => continue,
            },
        };
        found.push(SnapshotEntry { day, holds });
    }
    Ok(found)
}

/// The snapshot of `day`, read back whole; `None` when it is gone or
/// cannot be read (a damaged copy is never offered).
pub fn snapshot(day: chrono::NaiveDate) -> Result<Option<Snapshot>, StorageError> {
    match read(&key(&snapshots::key(day)))? {
        Some(stored) => read_snapshot(day, &stored),
        None => Ok(None),
    }
}

/// The newest snapshot that can be read.
pub fn newest_snapshot() -> Result<Option<Snapshot>, StorageError> {
    for day in snapshots::days(&local_keys()?).into_iter().rev() {
        if let Some(snapshot) = snapshot(day)? {
            return Ok(Some(snapshot));
        }
    }
    Ok(None)
}

/// `None` when the copy cannot be read; `ReaderMissing` before the decoder
/// was loaded (see `decoder`).
fn read_snapshot(day: chrono::NaiveDate, stored: &str) -> Result<Option<Snapshot>, StorageError> {
    let Ok(text) = kept::unpack(stored) else { return Ok(None) };
    Ok(match decoder::decode_text(&text)? {
        Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => Some(Snapshot { day, text, workbook }),
        _ => None,
    })
}

/// Keeps `text` under `key` as a kept copy (an Undo copy): compressed
/// (`io::kept`), so a big workbook's copy fits beside it. When storage is
/// full the oldest snapshots give way; without room even then, nothing is
/// written.
pub fn keep(key: &str, text: &str) -> Result<(), StorageError> {
    write_making_room(key, &kept::pack(text))
}

/// The text of the copy kept under `key`, exactly as it was kept.
pub fn read_kept(key: &str) -> Result<Option<String>, StorageError> {
    read(key)?.map(|stored| kept::unpack(&stored).map_err(|err| StorageError::ReadFailed(err.to_string()))).transpose()
}

/// Keeps `raw` (an unreadable workbook) under a recovery key, compressed, and
/// returns the key. A copy that already holds it is reused; another copy is
/// never overwritten.
pub fn keep_recovery_copy(raw: &str, now: Timestamp) -> Result<String, StorageError> {
    let prefix = recovery_prefix();
    for key in keys()?.into_iter().filter(|key| key.starts_with(&prefix)) {
        if read(&key)?.is_some_and(|stored| kept::holds(&stored, raw) == Some(true)) {
            return Ok(key);
        }
    }
    let mut at = now;
    let key = loop {
        let key = format!("{prefix}{}", dates::iso_moment_millis(at));
        if read(&key)?.is_none() {
            break key;
        }
        at += chrono::Duration::milliseconds(1);
    };
    write(&key, &kept::pack(raw))?;
    Ok(key)
}

/// A recovery copy of data that could not be read: its key, the day it was
/// kept (read from the key) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryCopy {
    pub key: String,
    pub kept_on: Option<chrono::NaiveDate>,
    pub text: String,
}

/// Every recovery copy kept so far, oldest first, with its text (a copy that
/// cannot be decompressed is given as stored, so it can still be downloaded).
pub fn recovery_copies() -> Result<Vec<RecoveryCopy>, StorageError> {
    let prefix = recovery_prefix();
    let mut copies = Vec::new();
    for key in keys()?.into_iter().filter(|key| key.starts_with(&prefix)) {
        if let Some(stored) = read(&key)? {
            let text = kept::unpack(&stored).unwrap_or(stored);
            let kept_on = key.get(prefix.len()..prefix.len() + 10).and_then(|day| day.parse().ok());
            copies.push(RecoveryCopy { key, kept_on, text });
        }
    }
    sorting::sort_by(&mut copies, |a, b| a.key.cmp(&b.key));
    Ok(copies)
}

/// Removes every snapshot but the newest, to make room.
pub fn remove_older_snapshots() -> Result<(), StorageError> {
    let days = snapshots::days(&local_keys()?);
    days.iter().rev().skip(1).try_for_each(|day| remove(&key(&snapshots::key(*day))))
}

/// Removes the recovery copy under `key` (once the person has downloaded it).
pub fn remove_recovery_copy(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(&recovery_prefix()) {
        return Err(StorageError::WriteRefused(format!("{key} is not a recovery copy")));
    }
    remove(key)
}

/// Every key of this origin with its length plus its value's, in UTF-16
/// code units, as the quota counts them. The values are measured in
/// JavaScript, not copied: the workbook's keys hold millions of characters.
pub fn lengths() -> Result<Vec<(String, usize)>, StorageError> {
    let storage = local_storage()?;
    let failed = |err: JsValue| StorageError::ReadFailed(describe_js_error(&err));
    let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &"getItem".into())
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| StorageError::ReadFailed("getItem is not a function".into()))?;
    let mut lengths = Vec::new();
    for key in keys()? {
        let value = get_item.call1(&storage, &JsValue::from_str(&key)).map_err(failed)?;
        let length = value.dyn_ref::<js_sys::JsString>().map_or(0, |text| text.length() as usize);
        let length = key.encode_utf16().count() + length;
        lengths.push((key, length));
    }
    Ok(lengths)
}

/// What takes the room in this origin's storage, by what the keys hold.
pub fn usage() -> Result<Usage, StorageError> {
    let (workbook, snapshot_prefix, recovery_prefix) = (workbook_key(), key(snapshots::PREFIX), recovery_prefix());
    let (before_import, before_example, app_prefix) = (before_import_key(), before_example_key(), key(""));
    let names = KeyNames {
        workbook: &workbook,
        snapshot_prefix: &snapshot_prefix,
        undo_keys: &[&before_import, &before_example],
        recovery_prefix: &recovery_prefix,
        app_prefix: &app_prefix,
    };
    Ok(Usage::of(&lengths()?, &names))
}

/// Removes everything this copy of Comeback stored on this device: the keys
/// of its namespace, no other copy's.
pub fn erase_all() -> Result<(), StorageError> {
    let namespace = namespace();
    // What is written next starts a plain workbook.
    install_sealer(None);
    for key in keys()?.into_iter().filter(|key| namespace.local(key).is_some()) {
        remove(&key)?;
    }
    Ok(())
}
