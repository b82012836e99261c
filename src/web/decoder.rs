//! Reading stored text into the model: serde's deserializers for every
//! record kind and the migrations, a fifth of the code. A first visit has
//! nothing stored, so the release build cuts it into a chunk of its own
//! (`split_fn!`), fetched before the workbook is shown only when something
//! is stored; a person who has stored something has visited before, so the
//! service worker already holds it. The code that needs it at once (a save,
//! another tab's write) asks [`decode`], which answers from the chunk once
//! [`load`] has brought it.

use std::cell::Cell;

use crate::io::parts::Document;
use crate::io::stored::Loaded;
use crate::web::split_loader::{split_fn, ChunkMissing};

/// Classifies a stored document (`Document::decode`), from the chunk.
#[derive(Clone, Copy)]
pub struct Decoder(fn(&Document) -> Loaded);

/// The split build fetches it; other builds (tests, `trunk serve`) link it
/// in, so it is there from the start.
#[cfg(feature = "split")]
const AT_START: Option<Decoder> = None;
#[cfg(not(feature = "split"))]
const AT_START: Option<Decoder> = Some(Decoder(Document::decode));

thread_local! {
    static LOADED: Cell<Option<Decoder>> = const { Cell::new(AT_START) };
}

split_fn! {
    /// The decoder itself: a plain function, so that the code it reaches
    /// goes with the chunk and only this pointer comes back.
    decoder: fn fetch_decoder() -> Decoder {
        Decoder(Document::decode)
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
        None => LOADED.get().map(|Decoder(decode)| decode(document)).ok_or(ChunkMissing),
    }
}
