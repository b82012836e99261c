//! Reading stored text into the model: serde's deserializers for every
//! record kind and the migrations, a fifth of the code, and what only
//! follows such a read: the move of an older layout into records, reading a
//! backup or a kept copy. A first visit has nothing stored, so the release
//! build cuts it into a chunk of its own (`split_fn!`), fetched before the
//! workbook is shown only when something is stored; a person who has stored
//! something has visited before, so the service worker already holds it.
//! The code that needs it at once (a save, another tab's write) asks
//! [`decode`], which answers from the chunk once [`load`] has brought it.
//!
//! Everything that decodes goes through [`Decoder`]: wasm-split-cli cuts
//! code that several chunks reach into a file per set of users, so a direct
//! call from another chunk (the Backup page, the rare work) would cut the
//! reader into more files, each fetched before a stored workbook shows.
//! What it still shares with the pages, `tools/merge-chunks.js` puts into its
//! file.

use std::cell::Cell;

use crate::io::backup::{self, BackupError, Restored};
use crate::io::parts::{Document, Written};
use crate::io::stored::{self, Loaded};
use crate::model::Workbook;
use crate::web::split_loader::split_fn;
pub use crate::web::split_loader::ChunkMissing;
use crate::web::storage::{self, StorageError};

/// The chunk's functions.
#[derive(Clone, Copy)]
pub struct Decoder {
    /// `Document::decode`.
    decode: fn(&Document) -> Loaded,
    /// `storage::move_into_records`.
    move_into_records: fn(&Document, &Workbook) -> Result<Written, StorageError>,
    /// `stored::decode`: a kept copy's text.
    text: fn(Option<&str>) -> Loaded,
    /// `backup::decode`.
    backup: fn(&str) -> Result<Restored, BackupError>,
}

/// The split build fetches it; other builds (tests, `trunk serve`) link it
/// in, so it is there from the start.
#[cfg(feature = "split")]
const AT_START: Option<Decoder> = None;
#[cfg(not(feature = "split"))]
const AT_START: Option<Decoder> = Some(DECODER);
const DECODER: Decoder = Decoder {
    decode: Document::decode,
    move_into_records: storage::move_into_records,
    text: stored::decode,
    backup: backup::decode,
};

thread_local! {
    static LOADED: Cell<Option<Decoder>> = const { Cell::new(AT_START) };
}

split_fn! {
    /// The decoder itself: plain functions, so that the code they reach
    /// goes with the chunk and only their pointers come back.
    decoder: fn fetch_decoder() -> Decoder {
        DECODER
    }
}

/// Whether the decoder's chunk is there.
pub fn is_loaded() -> bool {
    LOADED.get().is_some()
}

/// Fetches the decoder's chunk, once; `Err` when it cannot be fetched (the
/// next call tries again).
pub async fn load() -> Result<(), ChunkMissing> {
    if LOADED.get().is_none() {
        LOADED.set(Some(fetch_decoder().await?));
    }
    Ok(())
}

/// `document` classified now: `Err` only when it holds text and the
/// decoder's chunk has not been loaded yet.
pub fn decode(document: &Document) -> Result<Loaded, ChunkMissing> {
    match document.classified_as_is() {
        Some(loaded) => Ok(loaded),
        None => LOADED.get().map(|decoder| (decoder.decode)(document)).ok_or(ChunkMissing),
    }
}

/// A kept copy's text (a snapshot, an Undo copy) classified now: `Err`
/// when the decoder's chunk has not been loaded yet.
pub fn decode_text(text: &str) -> Result<Loaded, ChunkMissing> {
    LOADED.get().map(|decoder| (decoder.text)(Some(text))).ok_or(ChunkMissing)
}

/// A backup file's text decoded (`backup::decode`: `without_duplicates` is
/// left to the caller), once [`load`] has brought the decoder.
pub fn read_backup(text: &str) -> Result<Result<Restored, BackupError>, ChunkMissing> {
    LOADED.get().map(|decoder| (decoder.backup)(text)).ok_or(ChunkMissing)
}

/// Moves a stored older layout into records (`storage::move_into_records`),
/// which only happens once it was read: the decoder is there.
pub fn move_into_records(document: &Document, workbook: &Workbook) -> Result<Written, StorageError> {
    let decoder = LOADED.get().ok_or(StorageError::ReaderMissing)?;
    (decoder.move_into_records)(document, workbook)
}
