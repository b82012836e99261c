//! The storage glue against the real `localStorage` of headless Chromium
//! (run by `cargo test --target wasm32-unknown-unknown --test web_storage`).
#![cfg(target_arch = "wasm32")]

use comeback::io::stored::Loaded;
use comeback::model::{SetbackKind, Workbook};
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
