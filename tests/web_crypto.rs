//! Locking a backup with a passphrase through the real WebCrypto of headless
//! Chromium (run by `cargo test --target wasm32-unknown-unknown --test web_crypto`).
#![cfg(target_arch = "wasm32")]

use comeback::io::{backup, encrypted};
use comeback::model::Workbook;
use comeback::web::crypto::{self, CryptoError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sample_text() -> String {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_summary("Let go after the merger. Only I should read this. 🔒", now);
    backup::export(&workbook, "test", now)
}

// Guards the round trip: what is locked unlocks to the exact same text, with the right passphrase only.
#[wasm_bindgen_test]
async fn a_locked_backup_opens_with_its_passphrase_only() {
    let text = sample_text();
    let started = js_sys::Date::now();
    let locked = crypto::lock(&text, "correct horse battery staple").await.unwrap();
    console_log!("lock (PBKDF2-SHA-256 x600000 + AES-GCM) took {:.0} ms", js_sys::Date::now() - started);
    assert!(!locked.contains("merger"), "the text is not readable in the file");
    assert!(encrypted::is_encrypted(&locked));
    let sealed = encrypted::open(&locked).unwrap();
    assert_eq!(sealed.iterations, 600_000);

    let started = js_sys::Date::now();
    assert_eq!(crypto::unlock(&sealed, "correct horse battery staple").await.unwrap(), text);
    console_log!("unlock took {:.0} ms", js_sys::Date::now() - started);
    assert_eq!(crypto::unlock(&sealed, "correct horse battery stapler").await, Err(CryptoError::WrongPassphrase));
    assert_eq!(crypto::unlock(&sealed, "").await, Err(CryptoError::WrongPassphrase));
}

// Guards the randomness: the same text locked twice gives different salt, IV and ciphertext.
#[wasm_bindgen_test]
async fn each_lock_uses_a_fresh_salt_and_iv() {
    let text = sample_text();
    let one = encrypted::open(&crypto::lock(&text, "pass").await.unwrap()).unwrap();
    let two = encrypted::open(&crypto::lock(&text, "pass").await.unwrap()).unwrap();
    assert_ne!(one.salt, two.salt);
    assert_ne!(one.iv, two.iv);
    assert_ne!(one.ciphertext, two.ciphertext);
}

// Guards tampering: a changed byte of the ciphertext is refused, never decrypted into garbage.
#[wasm_bindgen_test]
async fn a_changed_file_is_refused() {
    let mut sealed = encrypted::open(&crypto::lock(&sample_text(), "pass").await.unwrap()).unwrap();
    sealed.ciphertext[3] ^= 1;
    assert_eq!(crypto::unlock(&sealed, "pass").await, Err(CryptoError::WrongPassphrase));
}
