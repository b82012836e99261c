//! The store's decisions (`save::decide`): what opening the app does with
//! each thing storage can hold, and how a tab follows another.

use std::collections::BTreeMap;
use std::convert::Infallible;

use comeback::io::namespace::Namespace;
use comeback::io::parts::{read_document, split, Document};
use comeback::io::stored::{encode, Loaded};
use comeback::model::example::example_workbook;
use comeback::model::Workbook;
use comeback::save::decide::{self, Follow, Kept, Notice, OtherTab, StoreError};
use comeback::web::storage::StorageError;

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("fixture {path}: {err}"))
}

fn document(storage: &[(&str, String)]) -> Document {
    let storage: BTreeMap<String, String> =
        storage.iter().map(|(key, text)| ((*key).to_owned(), text.clone())).collect();
    read_document(&Namespace::from_pathname("/comeback/"), true, |key| Ok::<_, Infallible>(storage.get(key).cloned()))
        .unwrap()
}

fn open(document: &Document) -> decide::Opening {
    decide::open(Ok((document, document.decode())), now())
}

fn example() -> Workbook {
    example_workbook(chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(), now())
}

// Guards a first visit: a new workbook, nothing to snapshot, move or keep.
#[test]
fn nothing_stored_opens_a_new_workbook() {
    let opening = open(&Document::default());
    assert_eq!(opening.workbook, Workbook::new(now()));
    assert_eq!((opening.notice, opening.read_only, opening.snapshot, opening.move_layout), (None, false, false, false));
}

// Guards the usual case: the current layout opens as it is, with a snapshot, and moves nothing.
#[test]
fn the_current_layout_opens_with_a_snapshot() {
    let mut workbook = example();
    workbook.settings.example = false;
    let stored: Vec<(String, String)> = split(&Namespace::from_pathname("/comeback/"), &workbook).unwrap().0;
    let stored: Vec<(&str, String)> = stored.iter().map(|(key, text)| (key.as_str(), text.clone())).collect();
    let opening = open(&document(&stored));
    assert_eq!(opening.workbook, workbook);
    assert!(opening.snapshot && !opening.move_layout && !opening.read_only);
    assert_eq!(opening.keep_recovery, None);
}

// Guards the example: never kept as a snapshot (removing it must leave nothing behind).
#[test]
fn the_example_is_never_snapshotted() {
    let text = encode(&example()).unwrap();
    let opening = open(&document(&[("comeback@/comeback/.workbook", text)]));
    assert!(!opening.snapshot);
    assert!(opening.move_layout, "a whole document moves into buckets");
}

// Guards older data: migrated, snapshotted as read, and moved into the current layout at once.
#[test]
fn an_older_document_is_migrated_and_moved() {
    let opening = open(&document(&[("comeback.workbook", fixture("workbook-v3.json"))]));
    assert!(opening.snapshot && opening.move_layout && !opening.read_only);
    assert_eq!(opening.workbook.outreach.contacts[0].name, "Amina Okafor");
    assert!(!opening.workbook.first_steps.checklist.is_empty(), "defaults added once");
}

// Guards newer data: shown read-only, never written, never moved.
#[test]
fn a_newer_document_is_read_only() {
    let opening = open(&document(&[("comeback.workbook", fixture("workbook-future.json"))]));
    assert_eq!(opening.notice, Some(Notice::NewerVersion { version: 99, readable: true }));
    assert!(opening.read_only && !opening.move_layout && !opening.snapshot);
    assert_eq!(opening.workbook.debrief.summary, "Written by a newer build.");
}

// Guards unreadable data: kept (a recovery copy), read-only, a new workbook shown.
#[test]
fn unreadable_data_is_kept_and_nothing_is_written() {
    let raw = "{\"schema_version\": 2, \"debrief\": ";
    let opening = open(&document(&[("comeback@/comeback/.workbook", raw.to_owned())]));
    assert_eq!(opening.keep_recovery.as_deref(), Some(raw));
    assert!(opening.read_only && !opening.move_layout && !opening.snapshot);
    assert!(matches!(opening.notice, Some(Notice::Unreadable { raw: kept, .. }) if kept == raw));
}

// Guards disabled storage: the app runs in memory with a notice.
#[test]
fn no_storage_runs_in_memory() {
    let opening = decide::open(Err(StorageError::Unavailable("switched off".into())), now());
    assert!(matches!(&opening.notice, Some(Notice::NoStorage(reason)) if reason.contains("switched off")));
    assert!(!opening.read_only && !opening.snapshot && !opening.move_layout);
}

// Guards stored data that cannot be read (not disabled storage): never written over with an empty workbook.
#[test]
fn a_failed_read_opens_read_only() {
    for err in [StorageError::ReadFailed("I/O".into()), StorageError::Sealed("does not open".into())] {
        let opening = decide::open(Err(err), now());
        assert!(matches!(&opening.notice, Some(Notice::ReadFailed(_))));
        assert!(opening.read_only && !opening.snapshot && !opening.move_layout && opening.keep_recovery.is_none());
    }
}

// Guards the other-tab rules: read-only ignores, unsaved edits conflict, otherwise follow.
#[test]
fn another_tab_is_followed_unless_there_are_unsaved_edits() {
    assert_eq!(decide::other_tab_wrote(true, true), OtherTab::Ignore);
    assert_eq!(decide::other_tab_wrote(true, false), OtherTab::Ignore);
    assert_eq!(decide::other_tab_wrote(false, true), OtherTab::Conflict);
    assert_eq!(decide::other_tab_wrote(false, false), OtherTab::Read);
    let shown = example();
    assert_eq!(decide::follow(Loaded::Current(shown.clone()), now()), Follow::Show(shown));
    assert_eq!(decide::follow(Loaded::Fresh, now()), Follow::Show(Workbook::new(now())));
    assert_eq!(
        decide::follow(Loaded::Newer { version: 9, workbook: None }, now()),
        Follow::Newer { version: 9, workbook: None }
    );
    assert_eq!(decide::follow(Loaded::Corrupt { raw: "x".into(), reason: "y".into() }, now()), Follow::KeepShowing);
}

/// How the app reads a kept copy, without the browser's decoder chunk.
fn read(text: &str) -> Result<Loaded, StorageError> {
    Ok(comeback::io::stored::decode(Some(text)))
}

// Guards Undo copies: empty text means nothing was stored; unreadable copies are refused.
#[test]
fn kept_copies_are_read_before_anything_is_written() {
    assert_eq!(decide::kept("", now(), read), Ok(Kept::Nothing(Workbook::new(now()))));
    let kept = example();
    assert_eq!(decide::kept(&encode(&kept).unwrap(), now(), read), Ok(Kept::Text(kept)));
    assert_eq!(decide::kept("{ broken", now(), read), Err(StoreError::UnreadableCopy));
    // Before the decoder's chunk is there, nothing is decided.
    let missing = |_: &str| Err(StorageError::ReaderMissing);
    assert_eq!(decide::kept("{}", now(), missing), Err(StoreError::Storage(StorageError::ReaderMissing)));
    // Typed errors still read as sentences.
    assert_eq!(StoreError::from(StorageError::QuotaExceeded).to_string(), "the browser's storage for Comeback is full");
    assert!(StoreError::NoRoomForUndo(StorageError::QuotaExceeded).to_string().contains("nothing was replaced"));
}
