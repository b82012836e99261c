//! The only code that touches `localStorage`. It reads and writes whole
//! strings and reports every failure as a `StorageError`; what the strings
//! mean is decided in `io::stored`.

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use super::describe_js_error;
use crate::io::parts::{self, Document, Written};
use crate::io::stored::{self, Loaded};
use crate::model::{Timestamp, Workbook};
use crate::save::snapshots;

/// Where the workbook is kept: its root, naming the parts kept under
/// `comeback.workbook.<name>` (see `io::parts`).
pub const WORKBOOK_KEY: &str = parts::ROOT_KEY;
/// Unreadable workbooks are copied under keys with this prefix, never deleted by the app.
pub const RECOVERY_PREFIX: &str = "comeback.recovery.";
/// The stored workbook as it was just before a backup replaced it, for Undo.
/// Empty text means nothing was stored then.
pub const BEFORE_IMPORT_KEY: &str = "comeback.before-import";
/// What was stored before the example data was loaded, to put it back exactly.
pub const BEFORE_EXAMPLE_KEY: &str = "comeback.before-example";
/// Every key the app owns starts with this.
pub const APP_PREFIX: &str = "comeback.";

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
}

fn is_quota_error(err: &JsValue) -> bool {
    err.dyn_ref::<web_sys::DomException>().is_some_and(|exception| {
        exception.code() == 22
            || exception.name() == "QuotaExceededError"
            || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED"
    })
}

/// The origin's `localStorage`, if the browser allows it.
pub fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable("storage is switched off".into())),
        Err(err) => Err(StorageError::Unavailable(describe_js_error(&err))),
    }
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(|err| StorageError::ReadFailed(describe_js_error(&err)))
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
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

/// Reads the stored workbook, assembled from its parts into one text.
pub fn read_document() -> Result<Document, StorageError> {
    parts::read_document(read)
}

/// Reads and classifies the stored workbook.
pub fn load_workbook() -> Result<Loaded, StorageError> {
    Ok(read_document()?.decode())
}

/// Writes the whole workbook, every part and the root.
pub fn save_workbook(workbook: &Workbook) -> Result<(), StorageError> {
    save_changes(&mut Written::default(), workbook)
}

/// Writes the parts of `workbook` that differ from `written`, then the root
/// if it changed, noting each write in `written` once it succeeded. Each is
/// one `setItem`, so a failed write leaves that part's previous copy intact
/// (and the part still to write). When storage is full, snapshots give way first.
pub fn save_changes(written: &mut Written, workbook: &Workbook) -> Result<(), StorageError> {
    let changes = written.changes(workbook).map_err(|err| StorageError::Encode(err.to_string()))?;
    let moving = written.is_moving();
    for change in changes {
        match write_making_room(&change.key, &change.text) {
            Ok(()) => written.record(&change, workbook),
            // Moving into parts needs room for the largest section twice; a
            // full storage keeps the whole document, as before parts.
            Err(StorageError::QuotaExceeded) if moving => return save_whole(written, workbook),
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

/// Writes the whole document under the root key (replacing whatever step of
/// the move was stored), then removes the parts that are no longer named.
fn save_whole(written: &mut Written, workbook: &Workbook) -> Result<(), StorageError> {
    *written = Written::stay_whole();
    for change in written.changes(workbook).map_err(|err| StorageError::Encode(err.to_string()))? {
        write_making_room(&change.key, &change.text)?;
    }
    remove_parts_except(&[])
}

/// Stores a whole document text (an Undo copy, a snapshot) so that it reads
/// back byte for byte, in parts if it was assembled from parts; part keys it
/// does not name are removed. Returns whether it was stored in parts.
pub fn write_document(text: &str) -> Result<bool, StorageError> {
    let pieces = parts::split_text(text);
    for (key, piece) in &pieces {
        write(key, piece)?;
    }
    remove_parts_except(&pieces.iter().map(|(key, _)| key.as_str()).collect::<Vec<_>>())?;
    Ok(pieces.len() > 1)
}

/// Removes the stored workbook, root and parts.
pub fn remove_document() -> Result<(), StorageError> {
    remove(WORKBOOK_KEY)?;
    remove_parts_except(&[])
}

fn remove_parts_except(kept: &[&str]) -> Result<(), StorageError> {
    for key in keys()?.into_iter().filter(|key| parts::is_part_key(key) && !kept.contains(&key.as_str())) {
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
                let oldest = snapshots::days(&keys()?).into_iter().map(snapshots::key).find(|snapshot| snapshot != key);
                remove(&oldest.ok_or(StorageError::QuotaExceeded)?)?;
            }
            done => return done,
        }
    }
}

/// Keeps today's snapshot of the stored workbook, if there is none yet, and
/// drops the oldest beyond `snapshots::KEEP`. Call it only once the stored
/// text was read without a problem.
pub fn take_daily_snapshot(today: chrono::NaiveDate) -> Result<(), StorageError> {
    let Some(text) = read_document()?.text else { return Ok(()) };
    let plan = snapshots::plan(&keys()?, today);
    if let Some(key) = &plan.write {
        write_making_room(key, &text)?;
    }
    for key in plan.drop {
        remove(&key)?;
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

/// The snapshots this build can read, newest first.
pub fn snapshots() -> Result<Vec<Snapshot>, StorageError> {
    let mut found = Vec::new();
    for day in snapshots::days(&keys()?).into_iter().rev() {
        let Some(text) = read(&snapshots::key(day))? else { continue };
        if let Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } = stored::decode(Some(&text)) {
            found.push(Snapshot { day, text, workbook });
        }
    }
    Ok(found)
}

/// Keeps `raw` (an unreadable workbook) under a recovery key and returns the
/// key. An identical copy already kept is reused; another copy is never
/// overwritten.
pub fn keep_recovery_copy(raw: &str, now: Timestamp) -> Result<String, StorageError> {
    for (key, text) in recovery_copies()? {
        if text == raw {
            return Ok(key);
        }
    }
    let key = format!("{RECOVERY_PREFIX}{}", now.format("%Y-%m-%dT%H:%M:%S%.3fZ"));
    write(&key, raw)?;
    Ok(key)
}

/// Every recovery copy kept so far, oldest first.
pub fn recovery_copies() -> Result<Vec<(String, String)>, StorageError> {
    let mut copies = Vec::new();
    for key in keys()?.into_iter().filter(|key| key.starts_with(RECOVERY_PREFIX)) {
        if let Some(text) = read(&key)? {
            copies.push((key, text));
        }
    }
    copies.sort();
    Ok(copies)
}

/// Removes everything Comeback stored on this device.
pub fn erase_all() -> Result<(), StorageError> {
    for key in keys()?.into_iter().filter(|key| key.starts_with(APP_PREFIX)) {
        remove(&key)?;
    }
    Ok(())
}
