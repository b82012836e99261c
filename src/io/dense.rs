//! Bytes as dense text: 15 bits in every UTF-16 code unit, for keeping
//! compressed copies in `localStorage`, which holds strings and counts its
//! quota in UTF-16 code units. Base64 puts 6 bits in a code unit; this puts
//! 15, so a copy takes 2.5 times less room (the idea of "base32768").
//!
//! Every character is a single code unit of the Basic Multilingual Plane,
//! never a surrogate (a lone surrogate would not survive the trip through
//! UTF-8 between Rust and JavaScript):
//! - a full character, `U+4E00`..=`U+CDFF`, carries 15 bits;
//! - the last character may instead be a short one, `U+3400`..=`U+347F`,
//!   carrying 7 bits.
//!
//! The bits run most significant first; the few bits left over at the end
//! (fewer than 8) are zeros. The byte count is the bit count divided by 8.
//!
//! ```
//! use comeback::io::dense;
//! let text = dense::encode(b"gzip bytes");
//! assert_eq!(dense::decode(&text).unwrap(), b"gzip bytes");
//! ```

use thiserror::Error;

/// The first full character: 15 bits.
const FULL: u32 = 0x4E00;
/// The first short character: 7 bits, only at the end.
const SHORT: u32 = 0x3400;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum DenseError {
    #[error("it has a character this encoding does not use at position {0}")]
    Character(usize),
    #[error("it has a closing character before its end, at position {0}")]
    ShortInside(usize),
    #[error("its last character has stray bits")]
    Padding,
}

/// The number of characters `encode` makes of `bytes` bytes.
pub fn encoded_len(bytes: usize) -> usize {
    let bits = bytes * 8;
    let rest = bits % 15;
    bits / 15 + usize::from(rest > 0)
}

pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(encoded_len(bytes.len()) * 3);
    let mut buffer: u32 = 0;
    let mut held = 0u32;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(*byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            text.push(full((buffer >> held) & 0x7FFF));
            buffer &= (1 << held) - 1;
        }
    }
    if held > 7 {
        text.push(full((buffer << (15 - held)) & 0x7FFF));
    } else if held > 0 {
        text.push(short((buffer << (7 - held)) & 0x7F));
    }
    text
}

pub fn decode(text: &str) -> Result<Vec<u8>, DenseError> {
    let mut bytes = Vec::with_capacity(text.len() / 3 * 15 / 8 + 1);
    let mut buffer: u32 = 0;
    let mut held = 0u32;
    let mut ended = false;
    for (position, c) in text.chars().enumerate() {
        if ended {
            return Err(DenseError::ShortInside(position - 1));
        }
        let code = u32::from(c);
        let (value, width) = if (FULL..FULL + 0x8000).contains(&code) {
            (code - FULL, 15)
        } else if (SHORT..SHORT + 0x80).contains(&code) {
            ended = true;
            (code - SHORT, 7)
        } else {
            return Err(DenseError::Character(position));
        };
        buffer = (buffer << width) | value;
        held += width;
        while held >= 8 {
            held -= 8;
            bytes.push((buffer >> held) as u8);
        }
        buffer &= (1 << held) - 1;
    }
    if buffer != 0 {
        return Err(DenseError::Padding);
    }
    Ok(bytes)
}

fn full(value: u32) -> char {
    // In range by construction: FULL + 0x7FFF = 0xCDFF, below the surrogates.
    char::from_u32(FULL + value).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn short(value: u32) -> char {
    char::from_u32(SHORT + value).unwrap_or(char::REPLACEMENT_CHARACTER)
}
