//! The storage glue against the real `localStorage` of headless Chromium
//! (run by `cargo test --target wasm32-unknown-unknown --test web_storage`).
#![cfg(target_arch = "wasm32")]

use comeback::io::parts::{Layout, Written};
use comeback::io::stored::{self, Loaded};
use comeback::model::example::example_workbook;
use comeback::model::{SetbackKind, Workbook};
use comeback::save::snapshots;
use comeback::web::storage::{self, StorageError, RECOVERY_PREFIX, WORKBOOK_KEY};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    storage::local_storage().unwrap().clear().unwrap();
}

fn sample() -> Workbook {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    workbook.debrief.set_setback(Some(SetbackKind::Stalled), now);
    workbook.debrief.set_summary("Passed over twice for the lead role. 😶", now);
    workbook
}

/// Replaces `Storage.prototype.setItem` with one that throws `error_js`;
/// returns the original so the test can put it back.
fn make_set_item_throw(error_js: &str) -> JsValue {
    let storage_class = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let prototype = js_sys::Reflect::get(&storage_class, &"prototype".into()).unwrap();
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).unwrap();
    let throwing = js_sys::Function::new_no_args(&format!("throw {error_js};"));
    js_sys::Reflect::set(&prototype, &"setItem".into(), &throwing).unwrap();
    original
}

/// Replaces `Storage.prototype.setItem` with one that says storage is full
/// while the JS `condition` holds (it sees `this`, `key` and `arg`);
/// returns the original.
fn make_set_item_full_when(condition: &str, arg: &str) -> JsValue {
    let storage_class = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let prototype = js_sys::Reflect::get(&storage_class, &"prototype".into()).unwrap();
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).unwrap();
    let make = js_sys::Function::new_with_args(
        "original, arg",
        &format!("return function (key, value) {{ if ({condition}) throw new DOMException('full', 'QuotaExceededError'); return original.call(this, key, value); }};"),
    );
    let throwing = make.call2(&JsValue::NULL, &original, &arg.into()).unwrap();
    js_sys::Reflect::set(&prototype, &"setItem".into(), &throwing).unwrap();
    original
}

fn restore_set_item(original: &JsValue) {
    let storage_class = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let prototype = js_sys::Reflect::get(&storage_class, &"prototype".into()).unwrap();
    js_sys::Reflect::set(&prototype, &"setItem".into(), original).unwrap();
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
    storage::write(WORKBOOK_KEY, "{\"schema_version\": 2, \"debrief\": ").unwrap();
    match storage::load_workbook().unwrap() {
        Loaded::Corrupt { raw, .. } => assert_eq!(raw, "{\"schema_version\": 2, \"debrief\": "),
        other => panic!("expected corrupt, got {other:?}"),
    }
    // Loading never rewrites what it could not read.
    assert_eq!(storage::read(WORKBOOK_KEY).unwrap().as_deref(), Some("{\"schema_version\": 2, \"debrief\": "));
}

// Guards recovery copies: kept once, never overwritten by a different one.
#[wasm_bindgen_test]
fn recovery_copies_are_kept_once_and_never_overwritten() {
    clear();
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let first = storage::keep_recovery_copy("broken one", now).unwrap();
    assert!(first.starts_with(RECOVERY_PREFIX));
    assert_eq!(storage::keep_recovery_copy("broken one", now).unwrap(), first);
    let later = now + chrono::Duration::seconds(1);
    let second = storage::keep_recovery_copy("broken two", later).unwrap();
    assert_ne!(first, second);
    let copies = storage::recovery_copies().unwrap();
    assert_eq!(copies, vec![(first, "broken one".to_owned()), (second, "broken two".to_owned())]);
}

// Guards the quota path: a throwing setItem is a QuotaExceeded error and the old copy survives.
#[wasm_bindgen_test]
fn quota_exceeded_is_reported_and_the_old_copy_stays() {
    clear();
    let old = sample();
    storage::save_workbook(&old).unwrap();

    let original = make_set_item_throw("new DOMException('The quota has been exceeded.', 'QuotaExceededError')");
    let mut newer = old.clone();
    newer.debrief.summary.push_str(" More.");
    let result = storage::save_workbook(&newer);
    restore_set_item(&original);

    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(old));
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

// Guards erase: only Comeback's keys go; other sites' data on the origin stays.
#[wasm_bindgen_test]
fn erase_all_removes_only_comeback_keys() {
    clear();
    storage::save_workbook(&sample()).unwrap();
    storage::write("comeback.recovery.x", "raw").unwrap();
    storage::write("someone-else", "keep").unwrap();
    storage::erase_all().unwrap();
    assert_eq!(storage::keys().unwrap(), vec!["someone-else".to_owned()]);
}

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

// Guards the rolling snapshots: one a day, the newest three kept, unreadable ones never offered.
#[wasm_bindgen_test]
fn snapshots_roll_one_a_day_and_keep_three() {
    clear();
    storage::save_workbook(&sample()).unwrap();
    let text = storage::read_document().unwrap().text.unwrap();
    for d in 1..=3 {
        storage::write(&snapshots::key(day(d)), &text).unwrap();
    }
    storage::write(&snapshots::key(day(4)), "{ not json").unwrap();
    storage::take_daily_snapshot(day(10)).unwrap();
    storage::take_daily_snapshot(day(10)).unwrap();
    let kept: Vec<_> = storage::snapshots().unwrap().into_iter().map(|snapshot| snapshot.day).collect();
    assert_eq!(kept, [day(10), day(3)], "newest first; day 4 is unreadable and not offered");
    assert_eq!(storage::read(&snapshots::key(day(10))).unwrap().as_deref(), Some(text.as_str()), "byte for byte");
    assert_eq!(storage::read(&snapshots::key(day(1))).unwrap(), None);
    assert_eq!(storage::read(&snapshots::key(day(2))).unwrap(), None);
}

// Guards the quota rule: when storage is full, the oldest snapshot gives way to the workbook.
#[wasm_bindgen_test]
fn a_full_storage_drops_the_oldest_snapshot_to_save_the_workbook() {
    clear();
    let text = storage::save_workbook(&sample()).map(|()| storage::read_document().unwrap().text.unwrap()).unwrap();
    storage::write(&snapshots::key(day(1)), &text).unwrap();
    storage::write(&snapshots::key(day(2)), &text).unwrap();
    // Full until the oldest snapshot is dropped.
    let original = make_set_item_full_when("this.getItem(arg) !== null", &snapshots::key(day(1)));
    let mut changed = sample();
    changed.debrief.set_summary("Saved after making room", chrono::DateTime::from_timestamp(1_790_000_100, 0).unwrap());
    let result = storage::save_workbook(&changed);
    restore_set_item(&original);
    assert_eq!(result, Ok(()));
    assert_eq!(storage::read(&snapshots::key(day(1))).unwrap(), None);
    assert!(storage::read(&snapshots::key(day(2))).unwrap().is_some());
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(changed));
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

/// Saves what changed, noting each key `setItem` was called with.
fn save_noting_keys(written: &mut Written, workbook: &Workbook) -> (Result<(), StorageError>, Vec<String>) {
    let (original, keys) = record_set_item();
    let result = storage::save_changes(written, workbook);
    restore_set_item(&original);
    (result, keys.iter().filter_map(|key| key.as_string()).collect())
}

/// Wraps `Storage.prototype.setItem` to note each key written; returns the
/// original (for `restore_set_item`) and the list of keys.
fn record_set_item() -> (JsValue, js_sys::Array) {
    let storage_class = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let prototype = js_sys::Reflect::get(&storage_class, &"prototype".into()).unwrap();
    let original = js_sys::Reflect::get(&prototype, &"setItem".into()).unwrap();
    let written = js_sys::Array::new();
    let make = js_sys::Function::new_with_args(
        "original, written",
        "return function (key, value) { written.push(key); return original.call(this, key, value); };",
    );
    let recording = make.call2(&JsValue::NULL, &original, &written).unwrap();
    js_sys::Reflect::set(&prototype, &"setItem".into(), &recording).unwrap();
    (original, written)
}

fn example() -> Workbook {
    example_workbook(day(14), chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap())
}

fn later() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_100, 0).unwrap()
}

/// The example workbook, saved in clear storage, and what is known to be stored.
fn saved_example() -> (Workbook, Written) {
    clear();
    let workbook = example();
    storage::save_workbook(&workbook).unwrap();
    let written = Written::of(&workbook);
    (workbook, written)
}

// Guards the layout in real storage: a root and four parts that load back equal.
#[wasm_bindgen_test]
fn the_workbook_is_stored_in_parts_and_loads_back_equal() {
    clear();
    let workbook = example();
    storage::save_workbook(&workbook).unwrap();
    let keys: Vec<String> = everything().into_iter().map(|(key, _)| key).collect();
    assert_eq!(
        keys,
        [
            "comeback.workbook",
            "comeback.workbook.debrief",
            "comeback.workbook.mojo",
            "comeback.workbook.outreach",
            "comeback.workbook.plan"
        ]
    );
    let document = storage::read_document().unwrap();
    assert_eq!(document.layout, Layout::Parts);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}

// Guards the point of parts: an edit to one section writes that part alone, and nothing else changes.
#[wasm_bindgen_test]
fn a_save_writes_only_the_changed_part() {
    let (mut workbook, mut written) = saved_example();
    let before = everything();
    workbook.debrief.set_summary("Only this changed.", later());

    let (result, keys) = save_noting_keys(&mut written, &workbook);
    assert_eq!(result, Ok(()));
    assert_eq!(keys, ["comeback.workbook.debrief"]);
    let after = everything();
    for ((key, old), (_, new)) in before.iter().zip(&after) {
        assert_eq!(old == new, key != "comeback.workbook.debrief", "{key}");
    }
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook.clone()));

    // Saving again with nothing changed writes nothing.
    assert_eq!(save_noting_keys(&mut written, &workbook), (Ok(()), vec![]));
}

// Guards a failed part write: the previous part stays, and the part is written on the next save.
#[wasm_bindgen_test]
fn a_failed_part_write_stays_to_be_written() {
    let (mut workbook, mut written) = saved_example();
    let old_outreach = storage::read("comeback.workbook.outreach").unwrap();
    workbook.outreach.add_contact("Ines Duarte", "", None, later());

    let original = make_set_item_throw("new DOMException('The quota has been exceeded.', 'QuotaExceededError')");
    let result = storage::save_changes(&mut written, &workbook);
    restore_set_item(&original);
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    assert_eq!(storage::read("comeback.workbook.outreach").unwrap(), old_outreach);

    assert_eq!(storage::save_changes(&mut written, &workbook), Ok(()));
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}

// Guards the first save after the layout from before parts: every part, then the root.
#[wasm_bindgen_test]
fn the_old_layout_is_read_then_rewritten_in_parts() {
    clear();
    let workbook = example();
    let whole = stored::encode(&workbook).unwrap();
    storage::write(WORKBOOK_KEY, &whole).unwrap();
    let document = storage::read_document().unwrap();
    assert_eq!((document.layout.clone(), document.text.as_deref()), (Layout::Whole, Some(whole.as_str())));
    let mut written = Written::as_read(&document, &document.decode());
    let (result, keys) = save_noting_keys(&mut written, &workbook);
    assert_eq!(result, Ok(()));
    // One part at a time, each followed by the root naming it (see io::parts).
    let root = "comeback.workbook";
    assert_eq!(
        keys,
        [
            "comeback.workbook.debrief",
            root,
            "comeback.workbook.outreach",
            root,
            "comeback.workbook.mojo",
            root,
            "comeback.workbook.plan",
            root
        ]
    );
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}

// Guards snapshots: today's snapshot is the whole assembled document, readable alone.
#[wasm_bindgen_test]
fn a_snapshot_keeps_the_whole_document() {
    clear();
    let workbook = example();
    storage::save_workbook(&workbook).unwrap();
    storage::take_daily_snapshot(day(10)).unwrap();
    let text = storage::read(&snapshots::key(day(10))).unwrap().unwrap();
    assert_eq!(Some(&text), storage::read_document().unwrap().text.as_ref());
    let found = storage::snapshots().unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].workbook, workbook);
}

// Guards Undo copies and snapshot restores: a kept document text goes back byte for byte,
// in parts, with stale part keys removed; an old whole text goes back whole.
#[wasm_bindgen_test]
fn a_kept_document_is_written_back_exactly() {
    clear();
    let first = example();
    storage::save_workbook(&first).unwrap();
    let kept_storage = everything();
    let kept = storage::read_document().unwrap().text.unwrap();
    storage::write(storage::BEFORE_IMPORT_KEY, &kept).unwrap();

    storage::save_workbook(&sample()).unwrap();
    storage::write("comeback.workbook.left-over", "{}").unwrap();
    assert_eq!(storage::write_document(&kept), Ok(true));
    storage::remove(storage::BEFORE_IMPORT_KEY).unwrap();
    assert_eq!(everything(), kept_storage);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(first));

    // A whole text (the layout before parts) goes back as it was; no part is left behind.
    let v2 = "{\"schema_version\": 2, \"debrief\": {\"summary\": \"Kept from before.\"}}";
    assert_eq!(storage::write_document(v2), Ok(false));
    assert_eq!(everything(), vec![(WORKBOOK_KEY.to_owned(), v2.to_owned())]);

    // Nothing was stored: nothing is left.
    storage::save_workbook(&sample()).unwrap();
    storage::remove_document().unwrap();
    assert_eq!(everything(), vec![]);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Fresh);
}

// Guards a half-stored workbook in real storage: a missing part is unreadable, never fresh.
#[wasm_bindgen_test]
fn a_missing_part_is_unreadable() {
    clear();
    storage::save_workbook(&example()).unwrap();
    storage::remove("comeback.workbook.plan").unwrap();
    match storage::load_workbook().unwrap() {
        Loaded::Corrupt { raw, reason } => {
            assert!(reason.contains("plan"), "{reason}");
            assert!(raw.starts_with(&storage::read(WORKBOOK_KEY).unwrap().unwrap()[..20]));
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
}

// Guards a full storage while moving into parts: the whole document is kept instead,
// no part is left behind, and later saves stay whole and succeed.
#[wasm_bindgen_test]
fn no_room_to_move_into_parts_keeps_the_whole_document() {
    clear();
    let mut workbook = example();
    storage::write(WORKBOOK_KEY, &stored::encode(&workbook).unwrap()).unwrap();
    let mut written = Written::default();
    let original = make_set_item_full_when("key === arg", "comeback.workbook.outreach");
    workbook.debrief.set_summary("Saved whole.", later());
    let first = storage::save_changes(&mut written, &workbook);
    workbook.mojo.weekly_hours_goal = 9.0;
    let second = storage::save_changes(&mut written, &workbook);
    restore_set_item(&original);
    assert_eq!((first, second), (Ok(()), Ok(())));
    assert_eq!(everything(), vec![(WORKBOOK_KEY.to_owned(), stored::encode(&workbook).unwrap())]);
    assert_eq!(storage::load_workbook().unwrap(), Loaded::Current(workbook));
}
