//! The storage glue against the real `localStorage` of headless Chromium
//! (run by `cargo test --target wasm32-unknown-unknown --test web_storage`).
#![cfg(target_arch = "wasm32")]

use comeback::io::backup::Counts;
use comeback::io::kept;
use comeback::io::namespace::{Namespace, LEGACY_CLAIM_KEY};
use comeback::io::parts::{bucket_of, Layout, Source, Written};
use comeback::io::stored::{self, Loaded};
use comeback::model::example::example_workbook;
use comeback::model::outreach::Contact;
use comeback::model::{SetbackKind, Workbook, SCHEMA_VERSION};
use comeback::save::snapshots;
use comeback::web::storage::{self, StorageError};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ROOT: &str = "comeback@/comeback/.workbook";

/// Empties the origin's storage and uses the namespace of a copy served from `/comeback/`.
fn clear() {
    storage::local_storage().unwrap().clear().unwrap();
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
}

fn sample() -> Workbook {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_setback(Some(SetbackKind::Stalled), now);
    workbook.debrief.set_summary("Passed over twice for the lead role. 😶", now);
    workbook
}

/// The example plus `count` contacts of about 600 characters each (the benchmark's import).
fn large(count: usize) -> Workbook {
    let mut workbook = example();
    for n in 0..count {
        let mut contact = Contact::new(&format!("Contact number {n}"), now());
        contact.company = format!("Company {}", n % 300);
        contact.notes = format!("Met at the {n}th meetup; talked about bread and ovens. ").repeat(7);
        workbook.outreach.contacts.push(contact);
    }
    workbook
}

fn prototype() -> JsValue {
    let storage_class = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    js_sys::Reflect::get(&storage_class, &"prototype".into()).unwrap()
}

/// Replaces `Storage.prototype.setItem` with one that throws `error_js`;
/// returns the original so the test can put it back.
fn make_set_item_throw(error_js: &str) -> JsValue {
    let original = js_sys::Reflect::get(&prototype(), &"setItem".into()).unwrap();
    let throwing = js_sys::Function::new_no_args(&format!("throw {error_js};"));
    js_sys::Reflect::set(&prototype(), &"setItem".into(), &throwing).unwrap();
    original
}

/// Replaces `Storage.prototype.setItem` with one that says storage is full
/// while the JS `condition` holds (it sees `this`, `key` and `arg`);
/// returns the original.
fn make_set_item_full_when(condition: &str, arg: &str) -> JsValue {
    let original = js_sys::Reflect::get(&prototype(), &"setItem".into()).unwrap();
    let make = js_sys::Function::new_with_args(
        "original, arg",
        &format!("return function (key, value) {{ if ({condition}) throw new DOMException('full', 'QuotaExceededError'); return original.call(this, key, value); }};"),
    );
    let throwing = make.call2(&JsValue::NULL, &original, &arg.into()).unwrap();
    js_sys::Reflect::set(&prototype(), &"setItem".into(), &throwing).unwrap();
    original
}

fn restore_set_item(original: &JsValue) {
    js_sys::Reflect::set(&prototype(), &"setItem".into(), original).unwrap();
}

/// Wraps `Storage.prototype.setItem` to note each key and the characters
/// written; returns the original and the list of `[key, length]`.
fn record_set_item() -> (JsValue, js_sys::Array) {
    let original = js_sys::Reflect::get(&prototype(), &"setItem".into()).unwrap();
    let written = js_sys::Array::new();
    let make = js_sys::Function::new_with_args(
        "original, written",
        "return function (key, value) { written.push([key, String(value).length]); return original.call(this, key, value); };",
    );
    let recording = make.call2(&JsValue::NULL, &original, &written).unwrap();
    js_sys::Reflect::set(&prototype(), &"setItem".into(), &recording).unwrap();
    (original, written)
}

/// Saves what changed, noting each key `setItem` was called with and the characters written.
fn save_noting_keys(written: &mut Written, workbook: &Workbook) -> (Result<(), StorageError>, Vec<String>, usize) {
    let (original, log) = record_set_item();
    let result = storage::save_changes(written, workbook);
    restore_set_item(&original);
    let mut keys = Vec::new();
    let mut characters = 0;
    for entry in log.iter() {
        let entry = js_sys::Array::from(&entry);
        keys.push(entry.get(0).as_string().unwrap());
        characters += entry.get(1).as_f64().unwrap() as usize;
    }
    (result, keys, characters)
}

/// Every key and its text, sorted.
fn everything() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = storage::keys()
        .unwrap()
        .into_iter()
        .map(|key| {
            let text = storage::read(&key).unwrap().unwrap();
            (key, text)
        })
        .collect();
    all.sort();
    all
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn later() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_100, 0).unwrap()
}

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn example() -> Workbook {
    example_workbook(day(14), now())
}

/// `workbook`, saved in clear storage, and what is known to be stored.
fn saved(workbook: &Workbook) -> Written {
    clear();
    storage::save_workbook(workbook).unwrap();
    let document = storage::read_document().unwrap();
    Written::as_stored(&document, workbook)
}

#[wasm_bindgen_test]
fn nothing_stored_loads_as_fresh() {
    clear();
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Fresh);
}

// Guards the basic promise: what is saved is what loads.
#[wasm_bindgen_test]
fn saved_workbook_loads_back_equal() {
    clear();
    let workbook = sample();
    storage::save_workbook(&workbook).unwrap();
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}

#[wasm_bindgen_test]
fn corrupt_text_is_reported_with_the_raw_text() {
    clear();
    storage::write(ROOT, "{\"schema_version\": 2, \"debrief\": ").unwrap();
    match storage::load_workbook().unwrap() {
        Loaded::Corrupt { raw, .. } => assert_eq!(raw, "{\"schema_version\": 2, \"debrief\": "),
        other => panic!("expected corrupt, got {other:?}"),
    }
    // Loading never rewrites what it could not read.
    assert_eq!(storage::read(ROOT).unwrap().as_deref(), Some("{\"schema_version\": 2, \"debrief\": "));
}

// Guards recovery copies: kept once, never overwritten by a different one, in the namespace.
#[wasm_bindgen_test]
fn recovery_copies_are_kept_once_and_never_overwritten() {
    clear();
    let first = storage::keep_recovery_copy("broken one", now()).unwrap();
    assert!(first.starts_with("comeback@/comeback/.recovery."), "{first}");
    assert_eq!(storage::keep_recovery_copy("broken one", now()).unwrap(), first);
    let second = storage::keep_recovery_copy("broken two", later()).unwrap();
    assert_ne!(first, second);
    let copies = storage::recovery_copies().unwrap();
    let kept: Vec<_> = copies.iter().map(|copy| (copy.key.as_str(), copy.text.as_str())).collect();
    assert_eq!(kept, vec![(first.as_str(), "broken one"), (second.as_str(), "broken two")]);
    assert_eq!(copies[0].kept_on, Some(now().date_naive()));
}

// Guards the quota path: a throwing setItem is a QuotaExceeded error and the old copy survives.
#[wasm_bindgen_test]
fn quota_exceeded_is_reported_and_the_old_copy_stays() {
    let old = sample();
    let mut written = saved(&old);
    let original = make_set_item_throw("new DOMException('The quota has been exceeded.', 'QuotaExceededError')");
    let mut newer = old.clone();
    newer.debrief.summary.push_str(" More.");
    let result = storage::save_changes(&mut written, &newer);
    restore_set_item(&original);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(old));
    // Still to be written, and written on the next save.
    assert_eq!(storage::save_changes(&mut written, &newer), Ok(()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(newer));
}

#[wasm_bindgen_test]
fn other_write_failures_are_reported_not_swallowed() {
    clear();
    let original = make_set_item_throw("new Error('storage is switched off by policy')");
    let result = storage::write("comeback.test", "x");
    restore_set_item(&original);
    match result {
        Err(StorageError::WriteRefused(message)) => assert!(message.contains("switched off")),
        other => panic!("expected WriteRefused, got {other:?}"),
    }
    assert_eq!(storage::read("comeback.test").unwrap(), None);
}

// Guards erase: only this copy's keys go; another copy's and other sites' data on the origin stay.
#[wasm_bindgen_test]
fn erase_all_removes_only_this_namespace() {
    clear();
    storage::set_namespace(Namespace::from_pathname("/comeback-dev/"));
    storage::save_workbook(&sample()).unwrap();
    let dev = everything();
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
    storage::save_workbook(&example()).unwrap();
    storage::write(&format!("{}x", storage::recovery_prefix()), "raw").unwrap();
    storage::write("someone-else", "keep").unwrap();
    storage::erase_all().unwrap();
    let mut left = dev;
    left.push(("someone-else".to_owned(), "keep".to_owned()));
    left.sort();
    assert_eq!(everything(), left);
}

// Guards namespaces in real storage: two copies of the app in one origin never touch each other.
#[wasm_bindgen_test]
fn two_namespaces_do_not_touch_each_other() {
    clear();
    let (live, dev) = (Namespace::from_pathname("/comeback/"), Namespace::from_pathname("/comeback-dev/"));
    let (a, mut b) = (example(), sample());
    storage::set_namespace(live.clone());
    let mut written_a = saved(&a);
    storage::set_namespace(dev.clone());
    let mut written_b = Written::default();
    storage::save_changes(&mut written_b, &b).unwrap();
    b.debrief.set_summary("Edited in the dev copy.", later());
    let (result, keys, _) = save_noting_keys(&mut written_b, &b);
    assert_eq!(result, Ok(()));
    assert!(keys.iter().all(|key| key.starts_with(dev.prefix())), "{keys:?}");
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(b));
    storage::set_namespace(live);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(a.clone()));
    assert_eq!(storage::save_changes(&mut written_a, &a), Ok(()));
}

// Guards the rolling snapshots: one a day, the newest three kept, unreadable ones never offered.
#[wasm_bindgen_test]
fn snapshots_roll_one_a_day_and_keep_three() {
    clear();
    storage::save_workbook(&sample()).unwrap();
    let text = storage::read_document().unwrap().text.unwrap();
    let key = |d: u32| storage::key(&snapshots::key(day(d)));
    for d in 1..=3 {
        storage::write(&key(d), &text).unwrap();
    }
    storage::write(&key(4), "{ not json").unwrap();
    let holds = Counts::of(&sample());
    storage::take_daily_snapshot(day(10), &holds).unwrap();
    storage::take_daily_snapshot(day(10), &holds).unwrap();
    let kept: Vec<_> = storage::snapshot_list().unwrap().into_iter().map(|snapshot| snapshot.day).collect();
    assert_eq!(kept, [day(10), day(3)], "newest first; day 4 is unreadable and not offered");
    assert_eq!(key(10), "comeback@/comeback/.snapshot.2026-03-10");
    assert_eq!(storage::read_kept(&key(10)).unwrap().as_deref(), Some(text.as_str()), "byte for byte");
    assert_eq!(storage::read(&key(1)).unwrap(), None);
    assert_eq!(storage::read(&key(2)).unwrap(), None);
}

// Guards the quota rule: when storage is full, the oldest snapshot gives way to the workbook.
#[wasm_bindgen_test]
fn a_full_storage_drops_the_oldest_snapshot_to_save_the_workbook() {
    let mut written = saved(&sample());
    let text = storage::read_document().unwrap().text.unwrap();
    let key = |d: u32| storage::key(&snapshots::key(day(d)));
    storage::write(&key(1), &text).unwrap();
    storage::write(&key(2), &text).unwrap();
    // Full until the oldest snapshot is dropped.
    let original = make_set_item_full_when("this.getItem(arg) !== null", &key(1));
    let mut changed = sample();
    changed.debrief.set_summary("Saved after making room", later());
    let result = storage::save_changes(&mut written, &changed);
    restore_set_item(&original);
    assert_eq!(result, Ok(()));
    assert_eq!(storage::read(&key(1)).unwrap(), None);
    assert!(storage::read(&key(2)).unwrap().is_some());
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(changed));
}

// Guards the layout in real storage: a manifest, parts and buckets that load back as the very text encoded.
#[wasm_bindgen_test]
fn the_workbook_is_stored_in_buckets_and_loads_back_equal() {
    let workbook = example();
    saved(&workbook);
    let keys: Vec<String> = everything().into_iter().map(|(key, _)| key).collect();
    assert!(keys.contains(&ROOT.to_owned()));
    for section in ["debrief", "outreach", "mojo", "plan"] {
        assert!(keys.contains(&format!("{ROOT}.{section}.g1")), "{section}");
    }
    assert!(keys.iter().all(|key| key.starts_with(ROOT)));
    let document = storage::read_document().unwrap();
    assert_eq!(document.layout, Layout::Records);
    assert_eq!(document.text, Some(stored::encode(&workbook).unwrap()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}

// Guards the point of buckets (issue 17): one contact edit among 5,000 writes a handful of keys, a few KB.
#[wasm_bindgen_test]
fn one_contact_edit_among_5000_writes_a_few_kb() {
    let mut workbook = large(5_000);
    let mut written = saved(&workbook);
    let stored_characters: usize = everything().iter().map(|(key, text)| key.len() + text.len()).sum();
    assert!(stored_characters > 3_000_000, "{stored_characters}");
    let id = workbook.outreach.contacts[2_500].meta.id;
    workbook.outreach.update_contact(id, later(), |contact| contact.role = "Head baker".into());

    let (result, keys, characters) = save_noting_keys(&mut written, &workbook);
    assert_eq!(result, Ok(()));
    let bucket = bucket_of(&id, 1024);
    assert_eq!(keys, [format!("{ROOT}.outreach.contacts.{bucket}.g2"), format!("{ROOT}.outreach.g2"), ROOT.to_owned()]);
    // A bucket holds ~5 of the 5,000 contacts (up to ~12: ids are random), ~750 characters
    // each here, beside the part's reference (~2 KB) and the manifest (~0.3 KB):
    // a few KB, against the 3.7 MB stored.
    assert!(characters < 14_000, "{characters} characters written for one contact");
    web_sys::console::log_1(&format!("one contact edit among 5,000: {characters} characters in 3 keys").into());
    assert_eq!(storage::read(&format!("{ROOT}.outreach.contacts.{bucket}.g1")).unwrap(), None, "the old key is gone");
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook.clone()));
    // Saving again with nothing changed writes nothing.
    let (result, keys, _) = save_noting_keys(&mut written, &workbook);
    assert_eq!((result, keys), (Ok(()), vec![]));
}

// Guards atomic saves in real storage: a save that dies before its manifest leaves the old state whole.
#[wasm_bindgen_test]
fn a_save_that_dies_before_its_manifest_loads_the_old_state() {
    let old = large(200);
    let mut written = saved(&old);
    let mut new = old.clone();
    for contact in new.outreach.contacts.iter_mut().step_by(20) {
        contact.notes = "Rewritten".into();
        contact.meta.touch(later());
    }
    let original = make_set_item_full_when("key === arg", ROOT);
    let result = storage::save_changes(&mut written, &new);
    restore_set_item(&original);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(old));
    assert_eq!(storage::save_changes(&mut written, &new), Ok(()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(new.clone()));
    // The buckets the failed save left, named by no manifest, are gone: as
    // many keys are left as a save of the same workbook from scratch writes.
    let after_recovery = everything().len();
    saved(&new);
    assert_eq!(after_recovery, everything().len());
}

// Guards a half-stored workbook in real storage: a missing bucket is unreadable, never fresh.
#[wasm_bindgen_test]
fn a_missing_bucket_is_unreadable() {
    let workbook = example();
    saved(&workbook);
    let bucket = bucket_of(&workbook.outreach.contacts[0].meta.id, 1024);
    storage::remove(&format!("{ROOT}.outreach.contacts.{bucket}.g1")).unwrap();
    match storage::load_workbook().unwrap() {
        Loaded::Corrupt { reason, .. } => assert!(reason.contains("contacts bucket"), "{reason}"),
        other => panic!("expected unreadable, got {other:?}"),
    }
}

// Guards snapshots: today's snapshot is the whole assembled document, readable alone.
#[wasm_bindgen_test]
fn a_snapshot_keeps_the_whole_document() {
    let workbook = example();
    saved(&workbook);
    storage::take_daily_snapshot(day(10), &Counts::of(&workbook)).unwrap();
    let key = storage::key(&snapshots::key(day(10)));
    assert_eq!(storage::read_kept(&key).unwrap(), Some(stored::encode(&workbook).unwrap()));
    // Kept compressed (io::kept), with what it holds noted for the list.
    assert!(storage::read(&key).unwrap().unwrap().starts_with(kept::GZIP_HEADER));
    let listed = storage::snapshot_list().unwrap();
    assert_eq!(listed, [storage::SnapshotEntry { day: day(10), holds: Counts::of(&workbook) }]);
    assert!(listed[0].holds.contacts > 0);
    assert_eq!(storage::snapshot(day(10)).unwrap().map(|snapshot| snapshot.workbook), Some(workbook.clone()));
    assert_eq!(storage::newest_snapshot().unwrap().map(|snapshot| snapshot.day), Some(day(10)));
}

// Guards room for a big workbook (issue 17): beside 5,000 contacts in the real quota, today's
// snapshot and an Undo copy are kept, compressed, and read back byte for byte; a damaged
// snapshot is not offered.
#[wasm_bindgen_test]
fn a_big_workbook_keeps_its_snapshot_and_undo_copy() {
    clear();
    let workbook = large(5_000);
    saved(&workbook);
    let text = storage::read_document().unwrap().text.unwrap();
    assert!(text.len() > 3_000_000, "{}", text.len());
    storage::take_daily_snapshot(day(10), &Counts::of(&workbook)).unwrap();
    storage::keep(&storage::before_import_key(), &text).unwrap();
    let listed = storage::snapshot_list().unwrap();
    assert_eq!(
        listed.iter().map(|snapshot| (snapshot.day, snapshot.holds.contacts)).collect::<Vec<_>>(),
        [(day(10), workbook.outreach.contacts.len())]
    );
    assert_eq!(storage::snapshot(day(10)).unwrap().map(|snapshot| snapshot.text), Some(text.clone()));
    assert_eq!(storage::read_kept(&storage::before_import_key()).unwrap().as_deref(), Some(text.as_str()));
    let key = storage::key(&snapshots::key(day(10)));
    let packed = storage::read(&key).unwrap().unwrap();
    assert!(packed.encode_utf16().count() * 5 < text.len(), "{} characters kept", packed.encode_utf16().count());
    // One changed character in the compressed copy: refused, never read back wrong.
    let mut damaged: Vec<char> = packed.chars().collect();
    let middle = damaged.len() / 2;
    damaged[middle] = if damaged[middle] == '\u{4E00}' { '\u{4E01}' } else { '\u{4E00}' };
    storage::write(&key, &damaged.into_iter().collect::<String>()).unwrap();
    assert_eq!(storage::snapshot(day(10)).unwrap(), None);
    assert_eq!(storage::newest_snapshot().unwrap(), None);
}

// Guards Undo copies and snapshot restores: a kept document text goes back byte for byte,
// in buckets, with every key of the layout before removed; an old whole text goes back whole.
#[wasm_bindgen_test]
fn a_kept_document_is_written_back_exactly() {
    let first = example();
    saved(&first);
    let kept = storage::read_document().unwrap().text.unwrap();
    let mut second = large(50);
    second.debrief.set_summary("Another workbook", later());
    storage::save_workbook(&second).unwrap();
    assert_eq!(storage::write_document(&kept), Ok(true));
    assert_eq!(storage::read_document().unwrap().text.as_deref(), Some(kept.as_str()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(first.clone()));
    // Only the keys the new manifest names are left.
    let document = storage::read_document().unwrap();
    let mut written = Written::as_stored(&document, &first);
    assert_eq!(storage::save_changes(&mut written, &first), Ok(()));
    let count = everything().len();
    saved(&first);
    assert_eq!(everything().len(), count);

    // A whole text (a layout before schema 5) goes back as it was.
    let v2 = "{\"schema_version\": 2, \"debrief\": {\"summary\": \"Kept from before.\"}}";
    assert_eq!(storage::write_document(v2), Ok(false));
    assert_eq!(everything(), vec![(ROOT.to_owned(), v2.to_owned())]);

    // Nothing was stored: nothing is left.
    storage::save_workbook(&sample()).unwrap();
    storage::remove_document().unwrap();
    assert_eq!(everything(), vec![]);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Fresh);
}

// Guards the move from builds before namespaces: the legacy whole document and its copies are adopted.
#[wasm_bindgen_test]
fn the_legacy_layout_is_adopted_and_moved_into_buckets() {
    clear();
    let workbook = example();
    let whole = stored::encode(&workbook).unwrap().replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":4",
        1,
    );
    storage::write("comeback.workbook", &whole).unwrap();
    storage::write("comeback.snapshot.2026-03-01", &whole).unwrap();
    storage::write("comeback.before-import", "").unwrap();
    storage::adopt_legacy().unwrap();
    assert_eq!(storage::read("comeback.snapshot.2026-03-01").unwrap(), None);
    assert_eq!(storage::read("comeback@/comeback/.snapshot.2026-03-01").unwrap().as_deref(), Some(whole.as_str()));
    assert_eq!(storage::read("comeback@/comeback/.before-import").unwrap().as_deref(), Some(""));
    let document = storage::read_document().unwrap();
    assert_eq!((document.source, document.layout.clone()), (Source::Legacy, Layout::Whole));
    assert_eq!(document.decode(), Loaded::Migrated { workbook: workbook.clone(), from: 4 });
    let mut written = storage::move_into_records(&document, &workbook).unwrap();
    assert!(
        everything().iter().all(|(key, _)| key.starts_with("comeback@/comeback/.")),
        "legacy keys and claim removed"
    );
    assert_eq!(storage::read(LEGACY_CLAIM_KEY).unwrap(), None);
    assert_eq!(storage::read_document().unwrap().layout, Layout::Records);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook.clone()));
    let (result, keys, _) = save_noting_keys(&mut written, &workbook);
    assert_eq!((result, keys), (Ok(()), vec![]), "nothing left to write");
}

// Guards a copy served from another path: it does not adopt what a first copy is moving.
#[wasm_bindgen_test]
fn a_second_copy_leaves_claimed_legacy_keys_alone() {
    clear();
    storage::write("comeback.workbook", &stored::encode(&sample()).unwrap()).unwrap();
    storage::write(LEGACY_CLAIM_KEY, "\"comeback@/comeback/.\"").unwrap();
    storage::set_namespace(Namespace::from_pathname("/comeback-dev/"));
    storage::adopt_legacy().unwrap();
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Fresh);
    assert!(storage::read("comeback.workbook").unwrap().is_some());
    storage::set_namespace(Namespace::from_pathname("/comeback/"));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(sample()));
}

// Guards the benchmark's case (issue 17): a 3 MB whole document in one key, which cannot be held
// twice in the real quota, moves into buckets and keeps loading.
#[wasm_bindgen_test]
fn a_large_whole_document_moves_within_the_real_quota() {
    clear();
    let workbook = large(5_000);
    let whole = stored::encode(&workbook).unwrap().replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":4",
        1,
    );
    assert!(whole.len() > 2_700_000, "{}", whole.len());
    storage::write("comeback.workbook", &whole).unwrap();
    // Proof that it cannot be held twice.
    assert_eq!(storage::write("comeback.twice", &whole), Err(StorageError::QuotaExceeded));
    let document = storage::read_document().unwrap();
    let written = storage::move_into_records(&document, &workbook).unwrap();
    let document = storage::read_document().unwrap();
    assert_eq!(document.layout, Layout::Records);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    assert_eq!(storage::read("comeback.workbook").unwrap(), None);
    assert!(written.has_manifest());
}

// Guards a full storage while moving: the old layout stays readable and nothing is lost.
#[wasm_bindgen_test]
fn no_room_to_move_leaves_the_old_layout_readable() {
    clear();
    let workbook = example();
    let whole = stored::encode(&workbook).unwrap().replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        "\"schema_version\":4",
        1,
    );
    storage::write(ROOT, &whole).unwrap();
    let document = storage::read_document().unwrap();
    let original = make_set_item_full_when("key !== arg", ROOT);
    let result = storage::move_into_records(&document, &workbook);
    restore_set_item(&original);
    assert_eq!(result.map(|_| ()), Err(StorageError::QuotaExceeded));
    assert_eq!(everything(), vec![(ROOT.to_owned(), whole)]);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Migrated { workbook, from: 4 });
}
