//! The envelope of a backup locked with a passphrase: a small versioned JSON
//! document that says how it was locked, with the encrypted backup inside.
//! The encryption itself is WebCrypto's (`web::crypto`); here the envelope is
//! only written and checked, so that a damaged or foreign file gets a clear
//! message before any key is derived. No hint of the passphrase is stored.
//!
//! ```json
//! { "format": "comeback-encrypted-backup", "version": 1,
//!   "kdf": "PBKDF2-SHA-256", "iterations": 600000, "salt": "…base64…",
//!   "cipher": "AES-256-GCM", "iv": "…base64…", "ciphertext": "…base64…" }
//! ```
//! The key is PBKDF2-HMAC-SHA-256(passphrase as UTF-8, salt, iterations),
//! 32 bytes; the ciphertext is AES-256-GCM of the backup's text with a
//! 128-bit tag appended.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use super::base64;

pub const FORMAT: &str = "comeback-encrypted-backup";
pub const VERSION: u32 = 1;
pub const KDF: &str = "PBKDF2-SHA-256";
pub const CIPHER: &str = "AES-256-GCM";
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
pub const ITERATIONS: u32 = 600_000;
/// More than this would let a crafted file keep the browser busy for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;

/// An encrypted backup, decoded from its envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    kdf: String,
    iterations: u32,
    salt: String,
    cipher: String,
    iv: String,
    ciphertext: String,
}

#[derive(Clone, Debug, Error, PartialEq)]
pub enum EnvelopeError {
    #[error(
        "this locked backup was made by a newer version of Comeback (envelope {0}); update the app, then try again"
    )]
    Newer(u32),
    #[error("this locked backup uses {0}, which this version of Comeback cannot open")]
    Unsupported(String),
    #[error("the locked backup is damaged: {0}")]
    Damaged(String),
}

/// Whether `text` is an encrypted backup (whatever its state).
pub fn is_encrypted(text: &str) -> bool {
    matches!(
        serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')),
        Ok(Value::Object(document)) if document.get("format").and_then(Value::as_str) == Some(FORMAT)
    )
}

/// The envelope's text for a sealed backup.
pub fn seal(sealed: &Sealed) -> String {
    let envelope = Envelope {
        format: FORMAT.into(),
        version: VERSION,
        kdf: KDF.into(),
        iterations: sealed.iterations,
        salt: base64::encode(&sealed.salt),
        cipher: CIPHER.into(),
        iv: base64::encode(&sealed.iv),
        ciphertext: base64::encode(&sealed.ciphertext),
    };
    // Plain strings and numbers always serialise.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// Reads and checks an envelope.
pub fn open(text: &str) -> Result<Sealed, EnvelopeError> {
    let damaged = |detail: String| EnvelopeError::Damaged(detail);
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|err| damaged(err.to_string()))?;
    if let Some(version) = value.get("version").and_then(Value::as_u64) {
        if version > u64::from(VERSION) {
            return Err(EnvelopeError::Newer(u32::try_from(version).unwrap_or(u32::MAX)));
        }
    }
    let envelope: Envelope = serde_json::from_value(value).map_err(|err| damaged(err.to_string()))?;
    if envelope.format != FORMAT {
        return Err(damaged("it is not a locked Comeback backup".into()));
    }
    if envelope.kdf != KDF {
        return Err(EnvelopeError::Unsupported(format!("the key derivation “{}”", envelope.kdf)));
    }
    if envelope.cipher != CIPHER {
        return Err(EnvelopeError::Unsupported(format!("the cipher “{}”", envelope.cipher)));
    }
    if !(1..=MAX_ITERATIONS).contains(&envelope.iterations) {
        return Err(damaged(format!("its iteration count ({}) is out of range", envelope.iterations)));
    }
    let field = |name: &str, text: &str| {
        base64::decode(text).map_err(|err| damaged(format!("its “{name}” is not base64: {err}")))
    };
    let sealed = Sealed {
        iterations: envelope.iterations,
        salt: field("salt", &envelope.salt)?,
        iv: field("iv", &envelope.iv)?,
        ciphertext: field("ciphertext", &envelope.ciphertext)?,
    };
    if sealed.salt.len() < SALT_BYTES || sealed.iv.len() != IV_BYTES || sealed.ciphertext.len() < TAG_BYTES {
        return Err(damaged("its salt, IV or ciphertext is too short".into()));
    }
    Ok(sealed)
}
