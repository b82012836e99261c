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

// Guards the lock's key bits: PBKDF2-HMAC-SHA-256 as standard (RFC 7914's test vector, one round).
#[wasm_bindgen_test]
async fn the_locks_key_bits_are_standard_pbkdf2() {
    let bits = crypto::derive_bits("password", b"salt", 1).await.unwrap();
    let hex: String = bits.iter().map(|byte| format!("{byte:02x}")).collect();
    assert_eq!(hex, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    // NFC: "é" typed as one character or as e + a combining accent is one passphrase.
    assert_eq!(crypto::nfc("e\u{301}te\u{301}"), "\u{e9}t\u{e9}");
}

// Guards the lock in storage: once on, nothing readable is stored; a wrong
// passphrase changes nothing; the right one reads it all; off, it is plain again.
#[wasm_bindgen_test]
async fn a_locked_workbook_is_stored_sealed_and_opens_with_its_passphrase_only() {
    use comeback::io::namespace::Namespace;
    use comeback::io::stored::Loaded;
    use comeback::web::lock::{self, UnlockError};
    use comeback::web::storage;

    storage::local_storage().unwrap().clear().unwrap();
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_summary("Let go after the merger. Only I should read this.", now);
    storage::save_workbook(&workbook).unwrap();
    let everything = || {
        let store = storage::local_storage().unwrap();
        storage::keys()
            .unwrap()
            .into_iter()
            .map(|key| store.get_item(&key).unwrap().unwrap_or_default())
            .collect::<Vec<_>>()
    };

    let started = js_sys::Date::now();
    lock::turn_on("river walk", &workbook, Some(15)).await.unwrap();
    console_log!("turning the lock on took {:.0} ms", js_sys::Date::now() - started);
    assert!(everything().iter().all(|value| !value.contains("merger")));
    assert!(
        matches!(storage::load_workbook().unwrap(), Loaded::Current(read) if read.debrief.summary == workbook.debrief.summary)
    );

    // A new tab: no key yet.
    storage::install_sealer(None);
    assert!(storage::needs_unlock());
    // Read without the key, it is a newer schema: read only, nothing plain.
    assert!(matches!(storage::load_workbook().unwrap(), Loaded::Newer { version: 9, .. }));
    let before = everything();
    assert_eq!(lock::unlock("river walk!").await, Err(UnlockError::WrongPassphrase));
    assert_eq!(everything(), before);
    lock::unlock("river walk").await.unwrap();
    assert!(
        matches!(storage::load_workbook().unwrap(), Loaded::Current(read) if read.debrief.summary == workbook.debrief.summary)
    );
    assert_eq!(storage::stored_lock().unwrap().unwrap().idle_minutes, Some(15));

    lock::turn_off("river walk").await.unwrap();
    assert!(!storage::needs_unlock() && !storage::is_sealing());
    assert!(everything().iter().any(|value| value.contains("merger")));
    assert!(
        matches!(storage::load_workbook().unwrap(), Loaded::Current(read) if read.debrief.summary == workbook.debrief.summary)
    );
}

// Guards resuming: a lock turned on in a tab that closed half-way (root
// "locking", some values still plain) is finished by the next unlock.
#[wasm_bindgen_test]
async fn a_lock_cut_short_is_finished_by_the_next_unlock() {
    use comeback::io::lock::{self, Cipher, State};
    use comeback::io::namespace::Namespace;
    use comeback::io::stored::Loaded;
    use comeback::web::{lock as web_lock, storage};

    storage::local_storage().unwrap().clear().unwrap();
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_summary("Half-way through locking", now);
    storage::save_workbook(&workbook).unwrap();
    let plain: Vec<(String, String)> = storage::keys()
        .unwrap()
        .into_iter()
        .map(|key| (key.clone(), storage::read_raw(&key).unwrap().unwrap()))
        .collect();
    web_lock::turn_on("river walk", &workbook, None).await.unwrap();
    storage::install_sealer(None);

    // As a tab closed right after sealing the root: every other value plain, the root "locking".
    let root_key = storage::workbook_key();
    let mut stored_lock = storage::stored_lock().unwrap().unwrap();
    let bits =
        crypto::derive_bits("river walk", &stored_lock.salt_bytes().unwrap(), stored_lock.iterations).await.unwrap();
    let cipher = Cipher::new(&bits);
    let manifest = cipher.open_root(&root_key, &storage::read_raw(&root_key).unwrap().unwrap()).unwrap().1;
    stored_lock.state = State::Locking;
    for (key, value) in &plain {
        let value =
            if *key == root_key { cipher.seal_root(key, &stored_lock, &manifest, [9; 12]) } else { value.clone() };
        storage::write_raw(key, &value).unwrap();
    }
    assert!(storage::needs_unlock());

    web_lock::unlock("river walk").await.unwrap();
    assert_eq!(storage::stored_lock().unwrap().unwrap().state, State::Locked);
    for (key, _) in &plain {
        let value = storage::read_raw(key).unwrap().unwrap();
        assert!(!value.contains("Half-way"), "{key} is still plain");
        assert!(*key == root_key || lock::is_sealed(&value));
    }
    assert!(
        matches!(storage::load_workbook().unwrap(), Loaded::Current(read) if read.debrief.summary == workbook.debrief.summary)
    );
    storage::install_sealer(None);
}

// Guards a passphrase change cut short (the root already says the new one,
// most values still sealed with the old key): the new passphrase alone opens
// everything and finishes the change; the old one opens nothing any more.
#[wasm_bindgen_test]
async fn a_passphrase_change_cut_short_is_finished_by_the_next_unlock() {
    use comeback::io::lock::{Cipher, Lock, State};
    use comeback::io::namespace::Namespace;
    use comeback::io::stored::Loaded;
    use comeback::web::{lock as web_lock, storage};

    storage::local_storage().unwrap().clear().unwrap();
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_summary("Changing the passphrase", now);
    storage::save_workbook(&workbook).unwrap();
    web_lock::turn_on("old river", &workbook, Some(15)).await.unwrap();
    storage::install_sealer(None);

    // As a tab closed right after the root switched to the new passphrase.
    let root_key = storage::workbook_key();
    let old_lock = storage::stored_lock().unwrap().unwrap();
    let old_bits =
        crypto::derive_bits("old river", &old_lock.salt_bytes().unwrap(), old_lock.iterations).await.unwrap();
    let old = Cipher::new(&old_bits);
    let manifest = old.open_root(&root_key, &storage::read_raw(&root_key).unwrap().unwrap()).unwrap().1;
    let mut next = Lock { idle_minutes: Some(15), ..Lock::new(&[4; 16], State::Rekeying) };
    let new_bits = crypto::derive_bits("new river", &[4; 16], next.iterations).await.unwrap();
    let new = Cipher::new(&new_bits);
    next.previous_key = Some(new.seal_key(&root_key, &old_bits, [5; 12]));
    storage::write_raw(&root_key, &new.seal_root(&root_key, &next, &manifest, [6; 12])).unwrap();
    let values: Vec<String> = storage::keys().unwrap().into_iter().filter(|key| *key != root_key).collect();
    assert!(values.iter().any(|key| old.open(key, &storage::read_raw(key).unwrap().unwrap()).is_ok()));

    assert_eq!(web_lock::unlock("old river").await, Err(web_lock::UnlockError::WrongPassphrase));
    web_lock::unlock("new river").await.unwrap();
    let stored_lock = storage::stored_lock().unwrap().unwrap();
    assert_eq!(
        (stored_lock.state, stored_lock.previous_key, stored_lock.idle_minutes),
        (State::Locked, None, Some(15))
    );
    for key in &values {
        let value = storage::read_raw(key).unwrap().unwrap();
        if storage::namespace().local(key) != Some(comeback::io::namespace::LOCK_SIGNAL) {
            assert!(old.open(key, &value).is_err(), "{key} still opens with the old key");
            assert!(new.is_current(key, &value), "{key} is not sealed with the new key");
        }
    }
    assert!(
        matches!(storage::load_workbook().unwrap(), Loaded::Current(read) if read.debrief.summary == workbook.debrief.summary)
    );
    storage::install_sealer(None);
    assert_eq!(web_lock::check("old river").await, Err(web_lock::UnlockError::WrongPassphrase));
}
