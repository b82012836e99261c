//! The backup file: the whole workbook as one JSON document with a header
//! that says what it is, which versions made it, when, and how much is in it.
//! Reading a backup never trusts it: every way a file can be wrong gets a
//! message that says what is wrong and, where possible, where.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::migrate::migrate;
use super::stored;
use crate::model::dates;
use crate::model::merge::without_duplicates;
use crate::model::{Timestamp, Workbook, SCHEMA_VERSION};

/// The `format` field of every Comeback backup.
pub const FORMAT: &str = "comeback-backup";
/// Files larger than this are refused before they are read.
pub const MAX_BACKUP_BYTES: u64 = 10 * 1024 * 1024;

/// How much of each kind a workbook holds, for the header and the preview.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Counts {
    pub timeline_events: usize,
    pub answers: usize,
    pub lessons: usize,
    pub contacts: usize,
    pub side_projects: usize,
    pub hours_logged: usize,
    pub events: usize,
    pub proud_items: usize,
    pub actions: usize,
    pub checklist_items: usize,
}

impl Counts {
    pub fn of(workbook: &Workbook) -> Self {
        Self {
            timeline_events: workbook.debrief.timeline.len(),
            answers: workbook.debrief.answered_count(),
            lessons: workbook.debrief.lessons.len(),
            contacts: workbook.outreach.contacts.len(),
            side_projects: workbook.mojo.projects.len(),
            hours_logged: workbook.mojo.entries.len(),
            events: workbook.mojo.events.len(),
            proud_items: workbook.mojo.proud.len(),
            actions: workbook.plan.actions.len(),
            checklist_items: workbook.first_steps.checklist.len(),
        }
    }

    /// Each count with its name, in a stable order, for tables.
    pub fn rows(&self) -> [(&'static str, usize); 10] {
        [
            ("Timeline events", self.timeline_events),
            ("Answered questions", self.answers),
            ("Lessons", self.lessons),
            ("Contacts", self.contacts),
            ("Side projects", self.side_projects),
            ("Time log entries", self.hours_logged),
            ("Comfort-zone events", self.events),
            ("Proud list", self.proud_items),
            ("Actions", self.actions),
            ("Checklist items", self.checklist_items),
        ]
    }
}

/// The header of a backup file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    pub exported_at: Timestamp,
    #[serde(default)]
    pub counts: Counts,
}

#[derive(Serialize)]
struct BackupOut<'a> {
    #[serde(flatten)]
    header: Header,
    workbook: &'a Workbook,
}

/// A backup that was read and brought up to the current schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub header: Header,
    pub workbook: Workbook,
    /// The schema the file was written in, when older than this build's.
    pub migrated_from: Option<u32>,
}

impl Restored {
    /// A file edited by hand may repeat an id: keeps each once, the latest edit.
    pub fn without_duplicates(self) -> Self {
        Restored { workbook: without_duplicates(&self.workbook), ..self }
    }
}

#[derive(Clone, Debug, Error, PartialEq)]
pub enum BackupError {
    #[error("the file is {size} bytes; a Comeback backup this large is not plausible (the limit is 10 MB)")]
    TooLarge { size: u64 },
    #[error("the file is not valid JSON: {detail} (line {line}, column {column})")]
    NotJson { detail: String, line: usize, column: usize },
    #[error("this is not a Comeback backup (it has no “format\": \"comeback-backup\"” header)")]
    NotABackup,
    #[error("this backup was made by a newer version of Comeback (format {0}); update the app, then try again")]
    Newer(u32),
    #[error("the backup's “{field}” part is not as expected: {detail}")]
    Shape { field: &'static str, detail: String },
}

/// The file name for an export made at `now`.
pub fn file_name(now: Timestamp) -> String {
    format!("comeback-backup-{}.json", dates::iso(now.date_naive()))
}

/// The file name for an export locked with a passphrase.
pub fn locked_file_name(now: Timestamp) -> String {
    format!("comeback-backup-{}-locked.json", dates::iso(now.date_naive()))
}

/// The file name for a backup sent with the share sheet: plain text, the one
/// type of the two Chromium lets a web page share (restore reads it back).
pub fn shared_file_name(now: Timestamp, locked: bool) -> String {
    let lock = if locked { "-locked" } else { "" };
    format!("comeback-backup-{}{lock}.txt", dates::iso(now.date_naive()))
}

/// The text of a backup of `workbook`.
pub fn export(workbook: &Workbook, app_version: &str, now: Timestamp) -> String {
    let header = Header {
        format: FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        app_version: app_version.into(),
        exported_at: now,
        counts: Counts::of(workbook),
    };
    // Serialising plain data structs cannot fail; fall back to compact JSON just in case.
    serde_json::to_string_pretty(&BackupOut { header, workbook }).unwrap_or_default()
}

/// Refuses a file by its size, before reading it.
pub fn check_size(size: u64) -> Result<(), BackupError> {
    if size > MAX_BACKUP_BYTES {
        Err(BackupError::TooLarge { size })
    } else {
        Ok(())
    }
}

/// Reads a backup file's text.
pub fn read(text: &str) -> Result<Restored, BackupError> {
    decode(text).map(Restored::without_duplicates)
}

/// [`read`] without the last step: what the app's reader (`web::decoder`)
/// does, so that the merge's code stays with the pages that merge.
pub fn decode(text: &str) -> Result<Restored, BackupError> {
    check_size(text.len() as u64)?;
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|err| BackupError::NotJson {
            detail: match err.classify() {
                serde_json::error::Category::Eof => "it ends too early".into(),
                _ => err.to_string().split(" at line").next().unwrap_or_default().to_owned(),
            },
            line: err.line(),
            column: err.column(),
        })?;
    let Value::Object(mut document) = value else { return Err(BackupError::NotABackup) };
    if document.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let workbook = document.remove("workbook").unwrap_or(Value::Null);
    let header: Header = serde_json::from_value(Value::Object(document))
        .map_err(|err| BackupError::Shape { field: "header", detail: err.to_string() })?;
    let Value::Object(workbook) = workbook else {
        return Err(BackupError::Shape { field: "workbook", detail: "it is missing or not an object".into() });
    };
    let version = workbook.get("schema_version").and_then(Value::as_u64).map_or(header.schema_version, |v| v as u32);
    if version > SCHEMA_VERSION {
        return Err(BackupError::Newer(version));
    }
    let workbook =
        migrate(workbook, version).map_err(|err| BackupError::Shape { field: "workbook", detail: err.to_string() })?;
    let workbook: Workbook =
        stored::workbook_from_object(workbook).map_err(|detail| BackupError::Shape { field: "workbook", detail })?;
    Ok(Restored { header, workbook, migrated_from: (version < SCHEMA_VERSION).then_some(version) })
}
