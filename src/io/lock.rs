//! The workbook locked on this device: every value Comeback stores is sealed
//! with AES-256-GCM under a key derived from a passphrase, and the root says
//! so in plain words that an older build understands as "newer, read only".
//!
//! # A sealed value
//! `lk1:` then, in `io::dense` text, the 12-byte nonce and the AES-256-GCM
//! ciphertext (tag appended) of one flag byte and the value: flag 0, the
//! value's UTF-8; flag 1, its raw deflate (JSON shrinks to a fifth, so a
//! sealed workbook takes less room than a plain one). The associated data
//! is [`AD_PREFIX`] and the full storage key: a value moved to another key
//! (records swapped) fails to open, as does any changed character.
//!
//! # The root of a locked workbook
//! ```json
//! { "schema_version": 9, "lock": { "format": "comeback-lock", "version": 1,
//!   "kdf": "PBKDF2-SHA-256", "iterations": 600000, "salt": "…base64…",
//!   "cipher": "AES-256-GCM", "state": "locked" },
//!   "manifest": "lk1:…" }
//! ```
//! `manifest` is the sealed root of the plain layout (`io::parts`); its
//! associated data also names the state, so the state cannot be changed
//! without the key. While the lock is being turned on (`locking`) or off
//! (`unlocking`), a value may still be plain or already sealed: the change
//! goes one key at a time, in place, and resumes where it stopped. While the
//! passphrase is being changed (`rekeying`), a value is sealed with the new
//! key or the previous one, and the lock carries the previous key's bits
//! sealed with the new key (`previous_key`): the new passphrase alone opens
//! everything and finishes the change; once it is finished the previous key
//! is gone from the root and nothing is left sealed with it.
//!
//! Pure: the nonces and the key bits come from the browser (`web::lock`).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::base64;
use super::dense;
pub use super::encrypted::{CIPHER, ITERATIONS, KDF, MAX_ITERATIONS, SALT_BYTES};

pub const FORMAT: &str = "comeback-lock";
pub const VERSION: u32 = 1;
/// The schema version of a locked root: above every plain one this build
/// writes, so that an older build opens it read only and never saves over it.
pub const LOCKED_SCHEMA: u32 = 9;
/// The header of a sealed value.
pub const SEALED_HEADER: &str = "lk1:";
pub const KEY_BYTES: usize = 32;
pub const NONCE_BYTES: usize = 12;
/// Begins the associated data of every sealed value (then its storage key).
pub const AD_PREFIX: &str = "comeback-lock/1 ";
/// Marks a value found plain in a locked workbook, so that it never reads as data.
pub const UNSEALED: &str = "unsealed:";
/// Values shorter than this are sealed as they are: deflate would not help.
const DEFLATE_FROM: usize = 64;
const RAW: u8 = 0;
const DEFLATED: u8 = 1;
/// Deflate's level (zlib's default, as `io::kept`).
const LEVEL: u8 = 6;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum LockError {
    #[error("this passphrase does not open the workbook")]
    WrongKey,
    #[error("a locked value is damaged or was changed ({0})")]
    Damaged(String),
    #[error("the workbook was locked by a newer version of Comeback (lock {0}); update the app, then try again")]
    Newer(u32),
    #[error("the workbook is locked with {0}, which this version of Comeback cannot open")]
    Unsupported(String),
}

/// Where a locked workbook stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Being locked: each value is plain or sealed.
    Locking,
    /// Every value is sealed.
    Locked,
    /// Being unlocked for good: each value is sealed or plain.
    Unlocking,
    /// The passphrase being changed: each value is sealed with the new key or
    /// the previous one (which the lock carries, sealed with the new key).
    Rekeying,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Locking => "locking",
            State::Locked => "locked",
            State::Unlocking => "unlocking",
            State::Rekeying => "rekeying",
        }
    }

    /// Whether a plain value may be read as it is (a change under way).
    pub fn accepts_plain(self) -> bool {
        matches!(self, State::Locking | State::Unlocking)
    }
}

/// How the key is derived, as the root says (no hint of the passphrase).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub format: String,
    pub version: u32,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub state: State,
    /// Lock again after this many minutes without a keystroke or a tap
    /// (`None`: only on request). Plain: it says nothing of the workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_minutes: Option<u32>,
    /// While `rekeying`: the previous key's bits, sealed with the new key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_key: Option<String>,
}

impl Lock {
    pub fn new(salt: &[u8], state: State) -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            kdf: KDF.into(),
            iterations: ITERATIONS,
            salt: base64::encode(salt),
            cipher: CIPHER.into(),
            state,
            idle_minutes: None,
            previous_key: None,
        }
    }

    /// The salt's bytes, once the lock is checked.
    pub fn salt_bytes(&self) -> Result<Vec<u8>, LockError> {
        base64::decode(&self.salt).map_err(|err| LockError::Damaged(format!("its salt: {err}")))
    }

    fn check(&self) -> Result<(), LockError> {
        if self.version > VERSION {
            return Err(LockError::Newer(self.version));
        }
        if self.format != FORMAT {
            return Err(LockError::Damaged("not a Comeback lock".into()));
        }
        if self.kdf != KDF {
            return Err(LockError::Unsupported(format!("the key derivation “{}”", self.kdf)));
        }
        if self.cipher != CIPHER {
            return Err(LockError::Unsupported(format!("the cipher “{}”", self.cipher)));
        }
        if !(1..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(LockError::Damaged(format!("its iteration count ({})", self.iterations)));
        }
        if self.salt_bytes()?.len() < SALT_BYTES {
            return Err(LockError::Damaged("its salt is too short".into()));
        }
        if (self.state == State::Rekeying) != self.previous_key.is_some() {
            return Err(LockError::Damaged("its previous key".into()));
        }
        Ok(())
    }
}

/// The plain root of a locked workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockedRoot {
    pub schema_version: u32,
    pub lock: Lock,
    /// The sealed root of the plain layout.
    pub manifest: String,
}

/// The lock the stored root names, if it is a locked root; `Err` for a
/// locked root this build cannot open. A plain root (or none) is `Ok(None)`.
pub fn lock_of(root: &str) -> Result<Option<Lock>, LockError> {
    // A plain root can be megabytes (a workbook stored whole by an older
    // build): one scan for the member's name spares parsing it.
    if !root.contains("\"lock\"") {
        return Ok(None);
    }
    // A plain root is JSON too: only a root with a `lock` member is locked.
    // `IgnoredAny`, not `serde_json::Value`: the member is skipped, not
    // built, and the entry module carries no `Value` reader (4 KB).
    #[derive(Deserialize)]
    struct Probe {
        lock: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_str::<Probe>(root) {
        Ok(Probe { lock: Some(_) }) => {}
        _ => return Ok(None),
    }
    let root: LockedRoot = serde_json::from_str(root).map_err(|err| LockError::Damaged(err.to_string()))?;
    root.lock.check()?;
    Ok(Some(root.lock))
}

/// Whether `stored` is a sealed value (not whether it opens).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_HEADER)
}

/// Seals and opens values with one key, derived once per unlock (and,
/// while the passphrase is changed, opens with the previous one too).
pub struct Cipher {
    aes: Aes256Gcm,
    previous: Option<Aes256Gcm>,
}

impl Cipher {
    pub fn new(key: &[u8; KEY_BYTES]) -> Self {
        Self { aes: Aes256Gcm::new(&(*key).into()), previous: None }
    }

    /// This cipher, opening what `previous` sealed as well (never sealing with it).
    pub fn with_previous(self, previous: &[u8; KEY_BYTES]) -> Self {
        Self { previous: Some(Aes256Gcm::new(&(*previous).into())), ..self }
    }

    /// `previous` (the key being replaced) sealed with this cipher's key, for
    /// the lock's `previous_key` while the passphrase is changed.
    pub fn seal_key(&self, root_key: &str, previous: &[u8; KEY_BYTES], nonce: [u8; NONCE_BYTES]) -> String {
        self.seal(&previous_key_ad(root_key), &base64::encode(previous), nonce)
    }

    /// The previous key that [`Cipher::seal_key`] sealed.
    pub fn open_key(&self, root_key: &str, sealed: &str) -> Result<[u8; KEY_BYTES], LockError> {
        let coded = self.open_with(&self.aes, &previous_key_ad(root_key), sealed)?;
        let bits = base64::decode(&coded).map_err(|err| LockError::Damaged(format!("its previous key: {err}")))?;
        bits.try_into().map_err(|_| LockError::Damaged("its previous key is not 256 bits".into()))
    }

    /// The sealed text of `value`, stored under `storage_key`. `nonce` must
    /// be fresh random bytes for every call (the browser's `getRandomValues`).
    pub fn seal(&self, storage_key: &str, value: &str, nonce: [u8; NONCE_BYTES]) -> String {
        let mut plain = Vec::with_capacity(value.len() + 1);
        // Kept copies are already gzip: deflating them again gains nothing.
        if value.len() >= DEFLATE_FROM && !value.starts_with(super::kept::GZIP_HEADER) {
            plain.push(DEFLATED);
            plain.extend(miniz_oxide::deflate::compress_to_vec(value.as_bytes(), LEVEL));
        } else {
            plain.push(RAW);
            plain.extend(value.as_bytes());
        }
        let ad = associated_data(storage_key);
        // Encryption fails only for inputs over 64 GB.
        let sealed = self.aes.encrypt(Nonce::from_slice(&nonce), Payload { msg: &plain, aad: &ad }).unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{SEALED_HEADER}{}", dense::encode(&bytes))
    }

    /// The value sealed under `storage_key` (with this key or, while the
    /// passphrase is changed, the previous one). Another key, another
    /// storage key or any change to the text is refused.
    pub fn open(&self, storage_key: &str, stored: &str) -> Result<String, LockError> {
        match (self.open_with(&self.aes, storage_key, stored), &self.previous) {
            (Err(LockError::WrongKey), Some(previous)) => self.open_with(previous, storage_key, stored),
            (opened, _) => opened,
        }
    }

    /// Whether `stored` is sealed with this cipher's own key (not the previous one).
    pub fn is_current(&self, storage_key: &str, stored: &str) -> bool {
        self.open_with(&self.aes, storage_key, stored).is_ok()
    }

    fn open_with(&self, aes: &Aes256Gcm, storage_key: &str, stored: &str) -> Result<String, LockError> {
        let coded = stored.strip_prefix(SEALED_HEADER).ok_or_else(|| LockError::Damaged("it is not sealed".into()))?;
        let bytes = dense::decode(coded).map_err(|err| LockError::Damaged(err.to_string()))?;
        if bytes.len() < NONCE_BYTES + 16 {
            return Err(LockError::Damaged("it is too short".into()));
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        let ad = associated_data(storage_key);
        let plain = aes
            .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: &ad })
            .map_err(|_| LockError::WrongKey)?;
        let text = match plain.split_first() {
            Some((&RAW, text)) => text.to_vec(),
            Some((&DEFLATED, deflated)) => miniz_oxide::inflate::decompress_to_vec(deflated)
                .map_err(|_| LockError::Damaged("it does not decompress".into()))?,
            _ => return Err(LockError::Damaged("unknown content".into())),
        };
        String::from_utf8(text).map_err(|_| LockError::Damaged("it is not text".into()))
    }

    /// What a read of a value (not the root) gives in a workbook locked in
    /// `state`: the opened value; a plain one as it is while the lock is
    /// turned on or off. A value that does not open (changed, moved, another
    /// key) or is plain in a locked workbook is given as stored, marked, and
    /// never as an error: the workbook it is part of then reads as
    /// unreadable (read only, its text kept), never half-read.
    pub fn read_value(&self, storage_key: &str, stored: &str, state: State) -> String {
        if !is_sealed(stored) {
            return if state.accepts_plain() { stored.to_owned() } else { format!("{UNSEALED}{stored}") };
        }
        self.open(storage_key, stored).unwrap_or_else(|_| stored.to_owned())
    }

    /// The locked root holding `manifest` (the plain layout's root text).
    pub fn seal_root(&self, root_key: &str, lock: &Lock, manifest: &str, nonce: [u8; NONCE_BYTES]) -> String {
        let root = LockedRoot {
            schema_version: LOCKED_SCHEMA,
            lock: lock.clone(),
            manifest: self.seal(&root_ad(root_key, lock.state), manifest, nonce),
        };
        // Strings and numbers always serialise.
        serde_json::to_string(&root).unwrap_or_default()
    }

    /// The plain layout's root from a locked root, and its lock. A wrong key
    /// is [`LockError::WrongKey`]: the first thing an unlock checks.
    pub fn open_root(&self, root_key: &str, stored: &str) -> Result<(Lock, String), LockError> {
        let root: LockedRoot = serde_json::from_str(stored).map_err(|err| LockError::Damaged(err.to_string()))?;
        root.lock.check()?;
        // Always sealed with the current key, never the previous one.
        let manifest = self.open_with(&self.aes, &root_ad(root_key, root.lock.state), &root.manifest)?;
        Ok((root.lock, manifest))
    }
}

fn associated_data(storage_key: &str) -> Vec<u8> {
    format!("{AD_PREFIX}{storage_key}").into_bytes()
}

/// The previous key is bound to the root's key and to its role.
fn previous_key_ad(root_key: &str) -> String {
    format!("{root_key}#previous-key")
}

/// The root's manifest is bound to its key and to the lock's state.
fn root_ad(root_key: &str, state: State) -> String {
    format!("{root_key}#{}", state.name())
}
