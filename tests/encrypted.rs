//! Locked backups: the envelope is checked before any key is derived, and a
//! file the app locked opens with standard PBKDF2-SHA-256 and AES-256-GCM
//! (RustCrypto here, WebCrypto in the app) with its passphrase only.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use comeback::io::backup;
use comeback::io::encrypted::{self, EnvelopeError, Sealed};
use sha2::Sha256;

/// Made by the app: Backup → "Lock it with a passphrase" → Download.
const FIXTURE: &str = include_str!("fixtures/backup-encrypted.json");
const PASSPHRASE: &str = "correct horse battery staple";

fn decrypt(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, aes_gcm::Error> {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), &sealed.salt, sealed.iterations, &mut key);
    Aes256Gcm::new(&key.into()).decrypt(Nonce::from_slice(&sealed.iv), sealed.ciphertext.as_slice())
}

// Guards interoperability: the app's locked file is standard and opens here with its passphrase.
#[test]
fn the_apps_locked_backup_opens_with_its_passphrase() {
    let sealed = encrypted::open(FIXTURE).unwrap();
    assert!(sealed.iterations >= 600_000);
    assert_eq!((sealed.salt.len(), sealed.iv.len()), (16, 12));
    let text = String::from_utf8(decrypt(&sealed, PASSPHRASE).unwrap()).unwrap();
    let restored = backup::read(&text).unwrap();
    assert_eq!(restored.workbook.debrief.summary, "Locked by the app for the native test");
}

// Guards the wrong-passphrase case: authentication fails, nothing is decrypted.
#[test]
fn a_wrong_passphrase_opens_nothing() {
    let sealed = encrypted::open(FIXTURE).unwrap();
    assert!(decrypt(&sealed, "correct horse battery stapler").is_err());
}

// Guards the envelope's own round trip and what it refuses before any key is derived.
#[test]
fn the_envelope_is_checked_before_anything_is_derived() {
    let sealed = Sealed { iterations: 600_000, salt: vec![7; 16], iv: vec![9; 12], ciphertext: vec![1; 40] };
    let text = encrypted::seal(&sealed);
    assert!(encrypted::is_encrypted(&text));
    assert_eq!(encrypted::open(&text), Ok(sealed));
    assert!(!text.to_lowercase().contains("hint"));
    assert!(!encrypted::is_encrypted(&backup::export(&Default::default(), "1", chrono::DateTime::UNIX_EPOCH)));

    let edited = |from: &str, to: &str| encrypted::open(&text.replacen(from, to, 1));
    assert_eq!(edited("\"version\": 1", "\"version\": 2"), Err(EnvelopeError::Newer(2)));
    assert!(matches!(edited("PBKDF2-SHA-256", "scrypt"), Err(EnvelopeError::Unsupported(_))));
    assert!(matches!(edited("AES-256-GCM", "ROT13"), Err(EnvelopeError::Unsupported(_))));
    assert!(matches!(edited("600000", "4000000000"), Err(EnvelopeError::Damaged(_))));
    assert!(matches!(edited("\"iv\": \"", "\"iv\": \"*"), Err(EnvelopeError::Damaged(_))));
    assert!(matches!(edited("\"iv\": \"CQkJ", "\"iv\": \""), Err(EnvelopeError::Damaged(_))));
    assert!(matches!(encrypted::open("{\"format\": \"comeback-encrypted-backup\"}"), Err(EnvelopeError::Damaged(_))));
}
