//! The workbook's lock (`io::lock`): each stored value sealed under its
//! storage key, the plain root that says the workbook is locked, and what is
//! refused (a wrong key, a changed or moved value, a newer lock).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use comeback::io::dense;
use comeback::io::lock::{self, Cipher, Lock, LockError, State, AD_PREFIX, LOCKED_SCHEMA, SEALED_HEADER};
use comeback::io::stored::{self, Loaded};
use comeback::model::SCHEMA_VERSION;

const KEY: [u8; 32] = [7; 32];
const ROOT: &str = "comeback@/comeback/.workbook";
const BUCKET: &str = "comeback@/comeback/.workbook.outreach.contacts.3.g1";

/// A different nonce for every call, as the browser's `getRandomValues` gives.
fn nonces() -> impl FnMut() -> [u8; 12] {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    move || {
        let mut nonce = [0u8; 12];
        for chunk in nonce.chunks_mut(4) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            chunk.copy_from_slice(&state.to_le_bytes()[..4]);
        }
        nonce
    }
}

const SECRET: &str = r#"[[1048576,{"name":"Ada Lovelace","notes":"why I was let go: the reorg"}]]"#;

// Guards the round trip, for short values and long ones (deflated).
#[test]
fn a_sealed_value_opens_to_exactly_what_was_sealed() {
    let cipher = Cipher::new(&KEY);
    let mut nonce = nonces();
    let long = SECRET.repeat(200);
    for value in ["", "x", "{}", SECRET, long.as_str(), "gz1:\u{4e00}\u{4e01}", "émoji 🌱 and \u{2028}"] {
        let sealed = cipher.seal(BUCKET, value, nonce());
        assert!(sealed.starts_with(SEALED_HEADER) && lock::is_sealed(&sealed));
        assert_eq!(cipher.open(BUCKET, &sealed).as_deref(), Ok(value));
    }
    // Deflated before sealing: a long record list takes less room sealed than plain.
    let sealed = cipher.seal(BUCKET, &long, nonce());
    assert!(sealed.encode_utf16().count() * 4 < long.len(), "{} vs {}", sealed.len(), long.len());
}

// Guards confidentiality: no word of the value, in any form, is in the sealed text.
#[test]
fn nothing_of_the_value_shows_in_the_sealed_text() {
    let cipher = Cipher::new(&KEY);
    let sealed = cipher.seal(BUCKET, SECRET, nonces()());
    for word in ["Ada", "Lovelace", "reorg", "let go", "name"] {
        assert!(!sealed.contains(word), "{word} in {sealed}");
    }
}

// Guards nonce reuse: the same value sealed twice never gives the same text or nonce.
#[test]
fn every_seal_uses_a_fresh_nonce() {
    let cipher = Cipher::new(&KEY);
    let mut nonce = nonces();
    let mut seen = std::collections::HashSet::new();
    for _ in 0..1000 {
        let sealed = cipher.seal(BUCKET, SECRET, nonce());
        let bytes = dense::decode(&sealed[SEALED_HEADER.len()..]).unwrap();
        assert!(seen.insert(bytes[..12].to_vec()), "a nonce came back");
    }
}

// Guards the key: another key opens nothing.
#[test]
fn a_wrong_key_is_refused() {
    let sealed = Cipher::new(&KEY).seal(BUCKET, SECRET, nonces()());
    let mut other = KEY;
    other[31] ^= 1;
    assert_eq!(Cipher::new(&other).open(BUCKET, &sealed), Err(LockError::WrongKey));
}

// Guards tampering and swapping: any changed character, or a value moved to another key, is refused.
#[test]
fn a_changed_or_moved_value_is_refused() {
    let cipher = Cipher::new(&KEY);
    let sealed = cipher.seal(BUCKET, SECRET, nonces()());
    assert!(cipher.open("comeback@/comeback/.workbook.outreach.contacts.4.g1", &sealed).is_err());
    let chars: Vec<char> = sealed.chars().collect();
    for at in SEALED_HEADER.len()..chars.len() {
        let mut changed = chars.clone();
        changed[at] = if changed[at] == '\u{4e00}' { '\u{4e01}' } else { '\u{4e00}' };
        let changed: String = changed.into_iter().collect();
        assert!(cipher.open(BUCKET, &changed).is_err(), "a change at {at} went through");
    }
    assert!(cipher.open(BUCKET, &sealed[..sealed.len() - 3]).is_err());
    assert!(matches!(cipher.open(BUCKET, SECRET), Err(LockError::Damaged(_))));
}

// Guards the format: standard AES-256-GCM with the key as associated data, readable without this crate's code.
#[test]
fn the_sealed_value_is_standard_aes_gcm_bound_to_its_key() {
    let sealed = Cipher::new(&KEY).seal(BUCKET, "short", nonces()());
    let bytes = dense::decode(&sealed[SEALED_HEADER.len()..]).unwrap();
    let (nonce, ciphertext) = bytes.split_at(12);
    let aad = format!("{AD_PREFIX}{BUCKET}");
    let plain = Aes256Gcm::new(&KEY.into())
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ciphertext, aad: aad.as_bytes() })
        .unwrap();
    assert_eq!(plain, b"\0short");
}

// Guards the locked root: plain, says it is locked, names a schema older builds refuse to write over.
#[test]
fn the_locked_root_is_plain_and_read_only_to_older_builds() {
    let cipher = Cipher::new(&KEY);
    let lock = Lock::new(&[3; 16], State::Locked);
    let manifest = r#"{"schema_version":8,"created_at":"2026-01-01T00:00:00Z","debrief":3}"#;
    let root = cipher.seal_root(ROOT, &lock, manifest, nonces()());
    assert!(!root.contains("debrief"));
    assert_eq!(lock::lock_of(&root), Ok(Some(lock.clone())));
    assert_eq!(cipher.open_root(ROOT, &root), Ok((lock, manifest.to_owned())));
    const { assert!(LOCKED_SCHEMA > SCHEMA_VERSION) };
    // What a build that knows nothing of locks makes of it: newer, so read only.
    assert!(matches!(stored::decode(Some(&root)), Loaded::Newer { version: 9, .. }));
    // A plain root is not a lock.
    assert_eq!(lock::lock_of(manifest), Ok(None));
    assert_eq!(lock::lock_of("not json"), Ok(None));
    // Only a `lock` member of the root itself, and not a null one, says locked.
    assert_eq!(lock::lock_of(r#"{"schema_version":8,"lock":null}"#), Ok(None));
    assert_eq!(lock::lock_of(r#"{"schema_version":8,"debrief":{"lock":{"salt":"x"}},"note":"\"lock\""}"#), Ok(None));
    // A `lock` member of any other shape is a lock this build cannot read.
    assert!(lock::lock_of(r#"{"schema_version":9,"lock":[1,2]}"#).is_err());
}

// Guards the root's state: it cannot be changed (to make plain values acceptable) without the key.
#[test]
fn the_roots_state_is_authenticated() {
    let cipher = Cipher::new(&KEY);
    let root = cipher.seal_root(ROOT, &Lock::new(&[3; 16], State::Locked), "{}", nonces()());
    let edited = root.replace("\"locked\"", "\"locking\"");
    assert_ne!(edited, root);
    assert_eq!(cipher.open_root(ROOT, &edited), Err(LockError::WrongKey));
    assert_eq!(Cipher::new(&[8; 32]).open_root(ROOT, &root), Err(LockError::WrongKey));
    assert!(cipher.open_root("comeback@/other/.workbook", &root).is_err());
}

// Guards versions and algorithms: a newer or foreign lock gets a clear error before any key is derived.
#[test]
fn a_newer_or_foreign_lock_is_refused() {
    let root = Cipher::new(&KEY).seal_root(ROOT, &Lock::new(&[3; 16], State::Locked), "{}", nonces()());
    let edited = |from: &str, to: &str| lock::lock_of(&root.replacen(from, to, 1));
    assert_eq!(edited("\"version\":1", "\"version\":2"), Err(LockError::Newer(2)));
    assert!(matches!(edited("PBKDF2-SHA-256", "scrypt"), Err(LockError::Unsupported(_))));
    assert!(matches!(edited("AES-256-GCM", "ROT13"), Err(LockError::Unsupported(_))));
    assert!(matches!(edited("600000", "0"), Err(LockError::Damaged(_))));
    assert!(matches!(edited("\"salt\":\"", "\"salt\":\"*"), Err(LockError::Damaged(_))));
    assert!(!root.to_lowercase().contains("hint"));
}

// Guards a passphrase change: the new key alone opens everything (the
// previous key travels sealed with it), new seals use only the new key, and
// a root that says "rekeying" must carry the previous key (and only then).
#[test]
fn a_passphrase_change_opens_with_the_new_key_alone() {
    const PREVIOUS: [u8; 32] = [1; 32];
    let mut nonce = nonces();
    let old_value = Cipher::new(&PREVIOUS).seal(BUCKET, SECRET, nonce());
    let new = Cipher::new(&KEY);
    let sealed_previous = new.seal_key(ROOT, &PREVIOUS, nonce());
    assert!(!sealed_previous.contains(&comeback::io::base64::encode(&PREVIOUS)));
    assert_eq!(new.open_key(ROOT, &sealed_previous), Ok(PREVIOUS));
    // Bound to the new key and to this root.
    assert_eq!(Cipher::new(&[9; 32]).open_key(ROOT, &sealed_previous), Err(LockError::WrongKey));
    assert!(new.open_key("comeback@/other/.workbook", &sealed_previous).is_err());

    let rekeying = Cipher::new(&KEY).with_previous(&PREVIOUS);
    assert_eq!(rekeying.open(BUCKET, &old_value).as_deref(), Ok(SECRET));
    assert!(!rekeying.is_current(BUCKET, &old_value));
    let resealed = rekeying.seal(BUCKET, SECRET, nonce());
    assert!(rekeying.is_current(BUCKET, &resealed));
    assert_eq!(Cipher::new(&PREVIOUS).open(BUCKET, &resealed), Err(LockError::WrongKey));
    // Without the previous key, what it sealed does not open.
    assert_eq!(Cipher::new(&KEY).open(BUCKET, &old_value), Err(LockError::WrongKey));
    // Nothing is accepted plain while rekeying.
    assert!(!State::Rekeying.accepts_plain());
    assert!(rekeying.read_value(BUCKET, SECRET, State::Rekeying).starts_with(lock::UNSEALED));

    let with_previous = Lock { previous_key: Some(sealed_previous), ..Lock::new(&[3; 16], State::Rekeying) };
    let root = new.seal_root(ROOT, &with_previous, "{}", nonce());
    assert_eq!(lock::lock_of(&root), Ok(Some(with_previous.clone())));
    let missing = Lock { previous_key: None, ..with_previous.clone() };
    assert!(matches!(lock::lock_of(&new.seal_root(ROOT, &missing, "{}", nonce())), Err(LockError::Damaged(_))));
    let left_over = Lock { state: State::Locked, ..with_previous };
    assert!(matches!(lock::lock_of(&new.seal_root(ROOT, &left_over, "{}", nonce())), Err(LockError::Damaged(_))));
}

mod layout {
    //! The stored layout (`io::parts`) under the lock: every value sealed as
    //! `web::storage` seals it, read back through `Cipher::read_value`.
    use std::collections::BTreeMap;
    use std::convert::Infallible;

    use super::*;
    use comeback::io::namespace::Namespace;
    use comeback::io::parts::{read_document, split};
    use comeback::model::example::example_workbook;
    use comeback::model::outreach::Contact;
    use comeback::model::Workbook;

    type Storage = BTreeMap<String, String>;

    fn ns() -> Namespace {
        Namespace::from_pathname("/comeback/")
    }

    fn workbook() -> Workbook {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let mut workbook = example_workbook(chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(), now);
        for n in 0..1500 {
            let mut contact = Contact::new(&format!("Confidential person {n}"), now);
            contact.notes = format!("Met at the {n}th meetup; talked about the layoffs and the severance. ").repeat(5);
            workbook.outreach.contacts.push(contact);
        }
        workbook
    }

    /// The workbook stored plain, and the same keys sealed as a locked tab stores them.
    fn stored_both(workbook: &Workbook) -> (Storage, Storage) {
        let (writes, _) = split(&ns(), workbook).unwrap();
        let plain: Storage = writes.into_iter().collect();
        let cipher = Cipher::new(&KEY);
        let mut nonce = nonces();
        let lock = Lock::new(&[5; 16], State::Locked);
        let root = ns().root_key();
        let sealed = plain
            .iter()
            .map(|(key, value)| {
                let sealed = match *key == root {
                    true => cipher.seal_root(key, &lock, value, nonce()),
                    false => cipher.seal(key, value, nonce()),
                };
                (key.clone(), sealed)
            })
            .collect();
        (plain, sealed)
    }

    fn read_locked(storage: &Storage) -> Loaded {
        let cipher = Cipher::new(&KEY);
        let root = ns().root_key();
        read_document(&ns(), false, |key| {
            Ok::<_, Infallible>(storage.get(key).map(|stored| match key == root {
                true => cipher.open_root(key, stored).unwrap().1,
                false => cipher.read_value(key, stored, State::Locked),
            }))
        })
        .unwrap()
        .decode()
    }

    // Guards the layout under lock: every key sealed, the workbook reads back whole, in less room than plain.
    #[test]
    fn a_locked_workbook_reads_back_whole_and_takes_less_room() {
        let workbook = workbook();
        let (plain, sealed) = stored_both(&workbook);
        assert!(plain.len() > 100, "buckets: {}", plain.len());
        for value in sealed.values() {
            for word in ["Confidential", "severance", "layoffs"] {
                assert!(!value.contains(word));
            }
        }
        assert!(matches!(read_locked(&sealed), Loaded::Current(read) if read == workbook));
        let room = |storage: &Storage| {
            storage.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum::<usize>()
        };
        let (plain_room, sealed_room) = (room(&plain), room(&sealed));
        println!("stored plain {plain_room} characters, sealed {sealed_room}");
        // Rewriting key by key in place never needs room for two copies.
        assert!(sealed_room < plain_room);
    }

    // Guards swapping and tampering in the layout: the workbook reads as unreadable, never half-read.
    #[test]
    fn a_swapped_changed_or_plain_value_makes_the_workbook_unreadable() {
        let workbook = workbook();
        let (plain, sealed) = stored_both(&workbook);
        let buckets: Vec<&String> = sealed.keys().filter(|key| key.contains(".contacts.")).take(2).collect();

        let mut swapped = sealed.clone();
        swapped.insert(buckets[0].clone(), sealed[buckets[1]].clone());
        swapped.insert(buckets[1].clone(), sealed[buckets[0]].clone());
        assert!(matches!(read_locked(&swapped), Loaded::Corrupt { .. }));

        let mut changed = sealed.clone();
        let value = changed.get_mut(buckets[0]).unwrap();
        let last = value.pop().unwrap();
        value.push(if last == '\u{4e00}' { '\u{4e01}' } else { '\u{4e00}' });
        assert!(matches!(read_locked(&changed), Loaded::Corrupt { .. }));

        // A plain value planted in a locked workbook is not read as data.
        let mut planted = sealed.clone();
        planted.insert(buckets[0].clone(), plain[buckets[0]].clone());
        assert!(matches!(read_locked(&planted), Loaded::Corrupt { .. }));
    }
}
