//! Standard base64 (RFC 4648, with `=` padding) for the binary parts of an
//! encrypted backup. Written here rather than taken from a crate: it is a
//! few lines, and the app needs nothing else from one.

use thiserror::Error;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum Base64Error {
    #[error("its length is not a multiple of four")]
    Length,
    #[error("it has a character that base64 does not use at position {0}")]
    Character(usize),
}

pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (at, byte)| group | u32::from(*byte) << (16 - 8 * at));
        for at in 0..4 {
            if at <= chunk.len() {
                text.push(char::from(ALPHABET[(group >> (18 - 6 * at)) as usize & 63]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return Err(Base64Error::Length);
    }
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    for (index, chunk) in text.chunks(4).enumerate() {
        let last = index + 1 == text.len() / 4;
        let padding = chunk.iter().rev().take_while(|c| **c == b'=').count();
        if padding > 2 || (padding > 0 && !last) {
            return Err(Base64Error::Character(index * 4 + 4 - padding));
        }
        let mut group = 0u32;
        for (at, c) in chunk[..4 - padding].iter().enumerate() {
            let value = ALPHABET.iter().position(|letter| letter == c).ok_or(Base64Error::Character(index * 4 + at))?;
            group |= (value as u32) << (18 - 6 * at);
        }
        bytes.extend_from_slice(&group.to_be_bytes()[1..4 - padding]);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards the codec against the RFC 4648 test vectors.
    #[test]
    fn rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for length in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..length])).unwrap(), &bytes[..length]);
        }
    }

    #[test]
    fn bad_text_is_refused() {
        assert_eq!(decode("Zm9"), Err(Base64Error::Length));
        assert_eq!(decode("Zm9*"), Err(Base64Error::Character(3)));
        assert_eq!(decode("Zg==Zm9v"), Err(Base64Error::Character(2)));
        assert_eq!(decode("Z==="), Err(Base64Error::Character(1)));
    }
}
