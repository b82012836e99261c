//! The store's decisions, pure: what to show and what to write when the app
//! opens, and what to do when another tab changed the stored workbook. The
//! store (`src/store.rs`) only carries them out with signals and `web/`.

use thiserror::Error;

use crate::io::parts::Document;
use crate::io::stored::Loaded;
use crate::model::{Timestamp, Workbook};
use crate::web::storage::StorageError;

/// Something about the stored data the person needs to know.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The data was written by a newer version of the app: shown, never written.
    NewerVersion { version: u32, readable: bool },
    /// The stored data could not be read; the raw text is kept.
    Unreadable { reason: String, raw: String, recovery_key: Result<String, String> },
    /// The browser gives no storage at all: work lives only in this tab.
    NoStorage(String),
    /// Storage is there but what it holds could not be read (a failed read,
    /// a locked value that does not open): shown empty and never written, so
    /// nothing stored is replaced by an empty workbook.
    ReadFailed(String),
    /// Another tab changed the workbook while this one had unsaved edits.
    OtherTabConflict,
}

/// Why the store could not do what was asked.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum StoreError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("this workbook is read-only in this session")]
    ReadOnly,
    #[error("there is no unreadable data to set aside")]
    NothingUnreadable,
    #[error("there is no snapshot to go back to")]
    NoSnapshot,
    #[error("there is nothing to undo")]
    NothingToUndo,
    #[error("the earlier data could not be read back")]
    UnreadableCopy,
    #[error("there is no room to keep your current data for Undo ({0}); nothing was replaced")]
    NoRoomForUndo(StorageError),
    /// The workbook is shown, but writing it failed (the save status says so too).
    #[error("{0}")]
    NotSaved(String),
}

/// What opening the app does with what storage holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    /// The workbook to show.
    pub workbook: Workbook,
    pub notice: Option<Notice>,
    /// Whether this session must never write.
    pub read_only: bool,
    /// Keep today's snapshot of the stored text (it was read without a problem).
    pub snapshot: bool,
    /// Move the stored workbook into the current layout now (it is readable,
    /// writable, and in an older layout or a move left part-way).
    pub move_layout: bool,
    /// Keep this unreadable text under a recovery key; the store fills in
    /// the notice's `recovery_key` with the outcome.
    pub keep_recovery: Option<String>,
}

/// Decides the opening from what was read (`Err`: no storage at all).
pub fn open(read: Result<(&Document, Loaded), StorageError>, now: Timestamp) -> Opening {
    let plain = |workbook: Workbook| Opening {
        workbook,
        notice: None,
        read_only: false,
        snapshot: false,
        move_layout: false,
        keep_recovery: None,
    };
    let (document, loaded) = match read {
        Ok(read) => read,
        Err(err @ StorageError::Unavailable(_)) => {
            return Opening { notice: Some(Notice::NoStorage(err.to_string())), ..plain(Workbook::new(now)) }
        }
        Err(err) => {
            return Opening {
                notice: Some(Notice::ReadFailed(err.to_string())),
                read_only: true,
                ..plain(Workbook::new(now))
            }
        }
    };
    match loaded {
        Loaded::Fresh => plain(Workbook::new(now)),
        Loaded::Current(mut workbook) | Loaded::Migrated { mut workbook, .. } => {
            // Not the example's: removing it must leave nothing behind.
            let snapshot = !workbook.settings.example;
            // Data from before the checklist or the path choice existed gets
            // them once (fixed ids: never twice).
            workbook.ensure_defaults(now);
            Opening { snapshot, move_layout: document.needs_move(), ..plain(workbook) }
        }
        Loaded::Newer { version, workbook } => {
            let readable = workbook.is_some();
            Opening {
                notice: Some(Notice::NewerVersion { version, readable }),
                read_only: true,
                ..plain(workbook.unwrap_or_default())
            }
        }
        Loaded::Corrupt { raw, reason } => Opening {
            notice: Some(Notice::Unreadable { reason, raw: raw.clone(), recovery_key: Err(String::new()) }),
            read_only: true,
            keep_recovery: Some(raw),
            ..plain(Workbook::new(now))
        },
    }
}

/// The first decision when another tab wrote the workbook, before reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// This session writes nothing (read-only): nothing to follow.
    Ignore,
    /// This tab has unsaved edits: both versions differ. Tell the person;
    /// this tab's version is written whole on its next save and wins.
    Conflict,
    /// Read what the other tab stored and follow it.
    Read,
}

pub fn other_tab_wrote(read_only: bool, has_unsaved: bool) -> OtherTab {
    if read_only {
        OtherTab::Ignore
    } else if has_unsaved {
        OtherTab::Conflict
    } else {
        OtherTab::Read
    }
}

/// What to do with what another tab stored, once read.
#[derive(Clone, Debug, PartialEq)]
pub enum Follow {
    /// Show this workbook; it is exactly what is stored.
    Show(Workbook),
    /// Written by a newer build: show it if readable, and stop writing.
    Newer { version: u32, workbook: Option<Workbook> },
    /// Unreadable for now (a key still being written, or worse): keep
    /// showing what is shown, and never write over it with nothing known.
    KeepShowing,
}

pub fn follow(loaded: Loaded, now: Timestamp) -> Follow {
    match loaded {
        Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => Follow::Show(workbook),
        Loaded::Fresh => Follow::Show(Workbook::new(now)),
        Loaded::Newer { version, workbook } => Follow::Newer { version, workbook },
        Loaded::Corrupt { .. } => Follow::KeepShowing,
    }
}

/// What an Undo copy (or the example's "before" copy) holds, decided from its text.
#[derive(Clone, Debug, PartialEq)]
pub enum Kept {
    /// Nothing was stored then: restoring removes the workbook.
    Nothing(Workbook),
    /// A workbook to write back byte for byte.
    Text(Workbook),
}

/// `decode` reads a text (the app's goes through `web::decoder`).
pub fn kept(
    text: &str,
    now: Timestamp,
    decode: impl FnOnce(&str) -> Result<Loaded, StorageError>,
) -> Result<Kept, StoreError> {
    if text.is_empty() {
        return Ok(Kept::Nothing(Workbook::new(now)));
    }
    match decode(text)? {
        Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => Ok(Kept::Text(workbook)),
        Loaded::Fresh => Ok(Kept::Nothing(Workbook::new(now))),
        Loaded::Newer { .. } | Loaded::Corrupt { .. } => Err(StoreError::UnreadableCopy),
    }
}
