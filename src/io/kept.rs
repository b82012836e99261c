//! How a kept copy (a daily snapshot, an Undo copy, a recovery copy) is
//! stored: a small versioned header says how, so that copies kept by an
//! older version, plain text without a header, still read.
//!
//! - `gz1:` then the gzip bytes of the text's UTF-8 (as the browser's
//!   `CompressionStream("gzip")` makes them) in `io::dense` text;
//! - `txt1:` then the text itself: plain, for a text that would otherwise
//!   look like it has a header;
//! - anything else: the text itself, plain (every copy before headers).
//!
//! Gzip rather than raw deflate: its trailer holds the CRC-32 and length of
//! the text, which the browser checks when it decompresses (a damaged copy
//! is refused, never read back wrong) and which tell whether a copy holds a
//! given text without decompressing it.
//!
//! Pure: [`pack`] and [`unpack`] compress and decompress (deflate from
//! `miniz_oxide`, in a gzip stream as the browser's `CompressionStream`
//! would write it); the browser glue only reads and writes the keys.

use thiserror::Error;

use super::dense::{self, DenseError};

/// A gzip-compressed copy.
pub const GZIP_HEADER: &str = "gz1:";
/// A plain copy whose text starts like a header.
pub const PLAIN_HEADER: &str = "txt1:";

/// A stored copy, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kept<'a> {
    /// The text itself.
    Plain(&'a str),
    /// The gzip bytes of the text.
    Gzip(Vec<u8>),
}

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum KeptError {
    #[error("the kept copy is damaged: {0}")]
    Damaged(#[from] DenseError),
    #[error("the kept copy is not a gzip stream")]
    NotGzip,
    #[error("the kept copy was stored by a newer version of Comeback ({0})")]
    Newer(String),
    #[error("the kept copy does not read back as text")]
    NotText,
    #[error("the kept copy is damaged: it does not decompress to what was kept")]
    Corrupt,
}

/// What is stored under a key: parses its header.
pub fn parse(stored: &str) -> Result<Kept<'_>, KeptError> {
    if let Some(coded) = stored.strip_prefix(GZIP_HEADER) {
        let bytes = dense::decode(coded)?;
        if !is_gzip(&bytes) {
            return Err(KeptError::NotGzip);
        }
        return Ok(Kept::Gzip(bytes));
    }
    if let Some(text) = stored.strip_prefix(PLAIN_HEADER) {
        return Ok(Kept::Plain(text));
    }
    if let Some(header) = header_like(stored) {
        return Err(KeptError::Newer(header.to_owned()));
    }
    Ok(Kept::Plain(stored))
}

/// What to store for gzip bytes.
pub fn gzip(bytes: &[u8]) -> String {
    let mut stored = String::with_capacity(GZIP_HEADER.len() + dense::encoded_len(bytes.len()) * 3);
    stored.push_str(GZIP_HEADER);
    stored.push_str(&dense::encode(bytes));
    stored
}

/// What to store for a text kept plain: the text itself, unless it starts
/// like a header.
pub fn plain(text: &str) -> String {
    if header_like(text).is_some() {
        format!("{PLAIN_HEADER}{text}")
    } else {
        text.to_owned()
    }
}

/// Whether `stored` certainly holds `text`, without decompressing it:
/// plain copies are compared, gzip copies by their trailer (CRC-32 and
/// length of the text). `None` when it cannot be read at all.
pub fn holds(stored: &str, text: &str) -> Option<bool> {
    match parse(stored).ok()? {
        Kept::Plain(kept) => Some(kept == text),
        Kept::Gzip(bytes) => {
            let (crc, size) = gzip_trailer(&bytes)?;
            Some(size == text.len() as u32 && crc == crc32(text.as_bytes()))
        }
    }
}

/// A version header this build does not know: lowercase letters and digits
/// ending in a digit, then `:` (as `gz2:`), within the first few characters.
/// A workbook's JSON starts with `{`, so no plain copy of one looks like this.
fn header_like(text: &str) -> Option<&str> {
    let end = text.bytes().take(12).position(|b| b == b':')?;
    let name = &text[..end];
    let ok = name.len() >= 2
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && name.bytes().last().is_some_and(|b| b.is_ascii_digit())
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    ok.then(|| &text[..=end])
}

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.len() >= 18 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 8
}

/// The CRC-32 and the length (modulo 2^32) of the uncompressed data, from
/// the last eight bytes of a gzip stream.
pub fn gzip_trailer(bytes: &[u8]) -> Option<(u32, u32)> {
    if !is_gzip(bytes) {
        return None;
    }
    let tail = &bytes[bytes.len() - 8..];
    let crc = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
    let size = u32::from_le_bytes([tail[4], tail[5], tail[6], tail[7]]);
    Some((crc, size))
}

/// CRC-32 (IEEE 802.3, as gzip uses).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, entry) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *entry = c;
    }
    !bytes.iter().fold(!0u32, |crc, byte| table[((crc ^ u32::from(*byte)) & 0xFF) as usize] ^ (crc >> 8))
}

/// The gzip header this module writes: deflate, no name, no time, no flags.
const GZIP_START: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// Deflate's level, zlib's default. Measured with zlib on the benchmark's
/// 2.7-million-character workbook: level 6 keeps 16.3% of the bytes in 51 ms
/// (native); level 3, 18.7% in 26 ms; level 9, 15.4% in 157 ms.
const LEVEL: u8 = 6;

/// The gzip stream of `bytes`.
pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    gzip_bytes_noted(bytes, "")
}

/// The gzip stream of `bytes`, with `note` as the stream's comment (RFC 1952
/// FCOMMENT: text without NUL, which gzip tools and the browser skip). A
/// copy's note can be read without decompressing it ([`note`]).
fn gzip_bytes_noted(bytes: &[u8], note: &str) -> Vec<u8> {
    let mut out = GZIP_START.to_vec();
    let note: Vec<u8> = note.bytes().filter(|b| *b != 0).collect();
    if !note.is_empty() {
        out[3] |= FCOMMENT;
        out.extend(note);
        out.push(0);
    }
    out.extend(miniz_oxide::deflate::compress_to_vec(bytes, LEVEL));
    out.extend(crc32(bytes).to_le_bytes());
    out.extend((bytes.len() as u32).to_le_bytes());
    out
}

/// The bytes of a gzip stream, checked against its trailer.
pub fn gunzip_bytes(bytes: &[u8]) -> Result<Vec<u8>, KeptError> {
    let (crc, size) = gzip_trailer(bytes).ok_or(KeptError::NotGzip)?;
    let body = skip_gzip_header(bytes).ok_or(KeptError::NotGzip)?;
    let data = miniz_oxide::inflate::decompress_to_vec(&body[..body.len() - 8]).map_err(|_| KeptError::Corrupt)?;
    if data.len() as u32 != size || crc32(&data) != crc {
        return Err(KeptError::Corrupt);
    }
    Ok(data)
}

/// The gzip header's flag for a comment.
const FCOMMENT: u8 = 16;

/// The note kept with a compressed copy by [`pack_noted`], read from the
/// start of the stored text only: listing copies by their notes costs
/// almost nothing, whatever their size. `None` for a copy without one.
pub fn note(stored: &str) -> Option<String> {
    let coded = stored.strip_prefix(GZIP_HEADER)?;
    // Eight dense characters are exactly fifteen bytes: a prefix that is a
    // multiple of eight decodes on its own. Longer notes take longer prefixes.
    let mut chars = 64;
    loop {
        let end = coded.char_indices().nth(chars).map_or(coded.len(), |(at, _)| at);
        let whole = end == coded.len();
        let bytes = dense::decode(&coded[..end]).ok()?;
        if bytes.len() < 10 || bytes[..3] != GZIP_START[..3] || bytes[3] & FCOMMENT == 0 {
            return None;
        }
        // Name and extra fields are never written here: the comment follows the fixed header.
        if bytes[3] & !FCOMMENT != 0 {
            return None;
        }
        match bytes[10..].iter().position(|b| *b == 0) {
            Some(len) => return String::from_utf8(bytes[10..10 + len].to_vec()).ok(),
            None if whole => return None,
            None => chars *= 4,
        }
    }
}

/// The deflate data and trailer after a gzip header, its optional fields
/// skipped (RFC 1952: extra, name, comment, header CRC).
fn skip_gzip_header(bytes: &[u8]) -> Option<&[u8]> {
    let flags = *bytes.get(3)?;
    let mut at = 10;
    if flags & 4 != 0 {
        let extra = usize::from(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        at += 2 + extra;
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            at += bytes.get(at..)?.iter().position(|b| *b == 0)? + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    let rest = bytes.get(at..)?;
    (rest.len() >= 8).then_some(rest)
}

/// What to store for `text`: compressed, unless that is not smaller (a text
/// of a few characters), in characters as the browser counts its quota.
pub fn pack(text: &str) -> String {
    pack_noted(text, "")
}

/// As [`pack`], with a short note about the text (what a snapshot holds)
/// that [`note`] reads back cheaply. A copy kept plain has no note.
pub fn pack_noted(text: &str, note: &str) -> String {
    let packed = gzip(&gzip_bytes_noted(text.as_bytes(), note));
    // The dense text is all 2-byte UTF-8 or less per UTF-16 unit; counting
    // UTF-16 units is what the quota counts.
    if packed.encode_utf16().count() < text.encode_utf16().count() {
        packed
    } else {
        plain(text)
    }
}

/// The text of a stored copy, exactly as it was kept.
pub fn unpack(stored: &str) -> Result<String, KeptError> {
    match parse(stored)? {
        Kept::Plain(text) => Ok(text.to_owned()),
        Kept::Gzip(bytes) => String::from_utf8(gunzip_bytes(&bytes)?).map_err(|_| KeptError::NotText),
    }
}
