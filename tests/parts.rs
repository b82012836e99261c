//! The workbook stored in parts (`io::parts`): split, assembled, read back
//! from what a browser could hold, and saved part by part.

use std::collections::BTreeMap;
use std::convert::Infallible;

use comeback::io::parts::{
    self, is_part_key, is_workbook_key, read_document, split, split_text, Layout, Piece, Section, Written, ROOT_KEY,
};
use comeback::io::stored::{decode, encode, Loaded};
use comeback::model::example::example_workbook;
use comeback::model::{SetbackKind, ThemeChoice, Workbook};

type Storage = BTreeMap<String, String>;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("fixture {path}: {err}"))
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

/// The example workbook: every section has something in it.
fn full() -> Workbook {
    example_workbook(chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(), now())
}

fn read(storage: &Storage) -> parts::Document {
    read_document(|key| Ok::<_, Infallible>(storage.get(key).cloned())).unwrap()
}

fn stored_in_parts(workbook: &Workbook) -> Storage {
    split(workbook).unwrap().into_iter().collect()
}

// Guards the layout: one root naming four parts, each under its own key, root written last.
#[test]
fn a_workbook_splits_into_a_root_and_four_parts() {
    let pieces = split(&full()).unwrap();
    let keys: Vec<&str> = pieces.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "comeback.workbook.debrief",
            "comeback.workbook.outreach",
            "comeback.workbook.mojo",
            "comeback.workbook.plan",
            ROOT_KEY
        ]
    );
    let root: serde_json::Value = serde_json::from_str(&pieces[4].1).unwrap();
    assert_eq!(root["schema_version"], 4);
    assert_eq!(root["parts"], serde_json::json!(["debrief", "outreach", "mojo", "plan"]));
    assert!(root.get("outreach").is_none(), "the big sections are not in the root");
    assert!(root.get("first_steps").is_some() && root.get("settings").is_some());
}

// Guards the basic promise: what is stored in parts reads back equal.
#[test]
fn parts_read_back_as_the_same_workbook() {
    let workbook = full();
    let document = read(&stored_in_parts(&workbook));
    assert_eq!(document.layout, Layout::Parts);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    // The assembled text is one document that reads alone (snapshots, Undo copies).
    assert_eq!(decode(document.text.as_deref()), Loaded::Current(workbook));
}

// Guards Undo and snapshots: an assembled text splits back into exactly what was stored.
#[test]
fn an_assembled_text_splits_back_byte_for_byte() {
    let storage = stored_in_parts(&full());
    let text = read(&storage).text.unwrap();
    let back: Storage = split_text(&text).into_iter().collect();
    assert_eq!(back, storage);
    assert_eq!(split_text(&text).last().map(|(key, _)| key.as_str()), Some(ROOT_KEY), "root last");
}

// Guards the layout from before parts: a whole document is stored and read as one text.
#[test]
fn a_whole_document_stays_one_text() {
    let v3 = fixture("workbook-v3.json");
    assert_eq!(split_text(&v3), vec![(ROOT_KEY.to_owned(), v3.clone())]);
    let whole = encode(&full()).unwrap();
    assert_eq!(split_text(&whole), vec![(ROOT_KEY.to_owned(), whole.clone())]);
    for odd in ["", "not json", "[1]", "{\"parts\": 3}"] {
        assert_eq!(split_text(odd), vec![(ROOT_KEY.to_owned(), odd.to_owned())], "{odd:?}");
    }
}

// Guards old data: the single-text layout reads exactly as before, and stale part keys are ignored.
#[test]
fn the_old_layout_reads_as_before_and_ignores_stale_parts() {
    let v3 = fixture("workbook-v3.json");
    let mut storage = Storage::from([(ROOT_KEY.to_owned(), v3.clone())]);
    storage.insert("comeback.workbook.debrief".into(), "{\"summary\": \"stale\"}".into());
    storage.insert("comeback.workbook.outreach".into(), "not even JSON".into());
    let document = read(&storage);
    assert_eq!(document.layout, Layout::Whole);
    assert_eq!(document.text.as_deref(), Some(v3.as_str()));
    assert_eq!(document.decode(), decode(Some(&v3)));
    let Loaded::Migrated { workbook, from: 3 } = document.decode() else { panic!("v3 migrates") };
    assert_eq!(workbook.debrief.setback, Some(SetbackKind::BusinessFailed));
    assert_eq!(read(&Storage::new()), parts::Document { text: None, layout: Layout::Whole, parts: vec![] });
    assert_eq!(read(&Storage::new()).decode(), Loaded::Fresh);
}

// Guards a real v4 browser storage (root and parts) against a silent loss.
#[test]
fn the_v4_fixture_reads_as_current() {
    let storage: Storage = serde_json::from_str(&fixture("storage-v4.json")).unwrap();
    let document = read(&storage);
    assert_eq!(document.layout, Layout::Parts);
    let Loaded::Current(workbook) = document.decode() else { panic!("expected the v4 fixture to load as current") };
    let Loaded::Migrated { workbook: from_v3, from: 3 } = decode(Some(&fixture("workbook-v3.json"))) else {
        panic!("v3 migrates")
    };
    assert_eq!(workbook, from_v3, "the same content as the v3 fixture");
    assert_eq!(workbook.settings.theme, ThemeChoice::Light);
    assert_eq!(workbook.outreach.contacts[0].name, "Amina Okafor");
}

// Guards a half-stored workbook: a missing part makes the whole unreadable, its text kept.
#[test]
fn a_missing_part_makes_the_workbook_unreadable() {
    let mut storage = stored_in_parts(&full());
    storage.remove("comeback.workbook.mojo");
    let document = read(&storage);
    assert!(matches!(&document.layout, Layout::Broken(reason) if reason.contains("mojo")));
    let Loaded::Corrupt { raw, reason } = document.decode() else { panic!("a missing part is unreadable") };
    assert!(reason.contains("missing (mojo)"), "{reason}");
    assert_eq!(Some(raw.as_str()), document.text.as_deref());
    assert!(raw.contains(&storage["comeback.workbook.plan"]), "what is there is kept");
}

// Guards corrupt parts: an unreadable part makes the workbook unreadable, the raw assembled text kept.
#[test]
fn an_unreadable_part_makes_the_workbook_unreadable() {
    let good = stored_in_parts(&full());
    for (part, text) in [("outreach", "{\"contacts\": [{\"name\": "), ("debrief", "{\"summary\": 42}"), ("plan", "")] {
        let mut storage = good.clone();
        storage.insert(format!("comeback.workbook.{part}"), text.to_owned());
        let document = read(&storage);
        assert_eq!(document.layout, Layout::Parts);
        match document.decode() {
            Loaded::Corrupt { raw, reason } => {
                assert_eq!(Some(raw.as_str()), document.text.as_deref());
                assert!(raw.contains(&format!("\"{part}\":{text}")), "{raw}");
                assert!(!reason.is_empty());
            }
            other => panic!("{part} = {text:?} should be corrupt, got {other:?}"),
        }
    }
    let mut storage = good;
    storage.insert(ROOT_KEY.into(), "{\"schema_version\": 4, \"parts\": \"debrief\"}".into());
    let document = read(&storage);
    assert!(matches!(document.decode(), Loaded::Corrupt { raw, .. } if raw == storage[ROOT_KEY]));
}

// Guards newer builds: a newer root in parts is recognised (never written) and read leniently.
#[test]
fn a_newer_root_in_parts_is_newer() {
    let original = full();
    let mut storage = stored_in_parts(&original);
    let root = storage[ROOT_KEY].replace("\"schema_version\":4", "\"schema_version\":9");
    storage.insert(ROOT_KEY.into(), root);
    let Loaded::Newer { version: 9, workbook: Some(workbook) } = read(&storage).decode() else {
        panic!("expected newer")
    };
    assert_eq!(workbook.outreach, original.outreach);
}

// Guards dirty parts: a save writes only the parts that changed, and the root only when it changed.
#[test]
fn only_changed_parts_are_written() {
    let mut workbook = full();
    let mut written = Written::of(&workbook);
    assert_eq!(written.changes(&workbook).unwrap(), vec![], "nothing changed, nothing written");

    workbook.debrief.set_summary("One more line.", now());
    let changes = written.changes(&workbook).unwrap();
    assert_eq!(changes.iter().map(|change| change.piece).collect::<Vec<_>>(), [Piece::Part(Section::Debrief)]);
    assert_eq!(changes[0].key, "comeback.workbook.debrief");
    assert_eq!(changes[0].text, serde_json::to_string(&workbook.debrief).unwrap());

    // A failed write is not recorded: the part is still to write next time.
    assert_eq!(written.changes(&workbook).unwrap(), changes);
    written.record(&changes[0], &workbook);
    assert_eq!(written.changes(&workbook).unwrap(), vec![]);

    workbook.settings.theme = ThemeChoice::Dark;
    workbook.outreach.add_contact("Ines Duarte", "", None, now());
    let pieces: Vec<Piece> = written.changes(&workbook).unwrap().iter().map(|change| change.piece).collect();
    assert_eq!(pieces, [Piece::Part(Section::Outreach), Piece::Root]);
}

// Guards the move from the old layout: one part at a time, each step readable
// whole, never more than one section stored twice, ending in exactly the parts layout.
#[test]
fn the_old_layout_moves_into_parts_one_section_at_a_time() {
    let workbook = full();
    let whole = encode(&workbook).unwrap();
    let mut storage = Storage::from([(ROOT_KEY.to_owned(), whole.clone())]);
    let largest =
        Section::ALL.iter().map(|section| storage_len(&stored_in_parts(&workbook), &section.key())).max().unwrap();
    let mut written = Written::default();
    let changes = written.changes(&workbook).unwrap();
    assert_eq!(changes.len(), 8, "each part, then a root naming it");
    for change in &changes {
        storage.insert(change.key.clone(), change.text.clone());
        written.record(change, &workbook);
        assert_eq!(read(&storage).decode(), Loaded::Current(workbook.clone()), "after writing {}", change.key);
        let total: usize = storage.values().map(String::len).sum();
        assert!(total <= whole.len() + largest + 200, "{total} stored after {}", change.key);
    }
    assert_eq!(storage, stored_in_parts(&workbook));
    assert_eq!(written.changes(&workbook).unwrap(), vec![]);
    // Read back half-way (the root names some parts and holds the rest), every part is written again.
    let half_way: Storage = changes[..4].iter().map(|change| (change.key.clone(), change.text.clone())).collect();
    let document = read(&half_way);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    assert_eq!(Written::as_read(&document, &document.decode()).changes(&workbook).unwrap().len(), 8);
}

fn storage_len(storage: &Storage, key: &str) -> usize {
    storage.get(key).map_or(0, String::len)
}

// Guards the other-tab conflict: storage is in parts but unknown, so every part and the root are written.
#[test]
fn with_parts_unknown_every_part_then_the_root_are_written() {
    let workbook = full();
    let changes = Written::parts_unknown().changes(&workbook).unwrap();
    let stored: Vec<(String, String)> = changes.into_iter().map(|change| (change.key, change.text)).collect();
    assert_eq!(stored, split(&workbook).unwrap());
}

// Guards what is known after a read: everything when current and in parts, nothing otherwise.
#[test]
fn what_is_known_after_a_read_depends_on_the_layout() {
    let workbook = full();
    let in_parts = read(&stored_in_parts(&workbook));
    assert_eq!(Written::as_read(&in_parts, &in_parts.decode()).changes(&workbook).unwrap(), vec![]);
    let whole = read(&Storage::from([(ROOT_KEY.to_owned(), encode(&workbook).unwrap())]));
    assert_eq!(whole.decode(), Loaded::Current(workbook.clone()));
    assert_eq!(
        Written::as_read(&whole, &whole.decode()).changes(&workbook).unwrap().len(),
        8,
        "the old layout is moved into parts"
    );
}

// Guards the other-tab listener: only the workbook's own keys count.
#[test]
fn workbook_keys_are_the_root_and_its_parts() {
    assert!(is_workbook_key("comeback.workbook"));
    assert!(is_workbook_key("comeback.workbook.outreach"));
    assert!(is_part_key("comeback.workbook.anything"));
    for other in [
        "comeback.workbooks",
        "comeback.workbook.",
        "comeback.before-import",
        "comeback.snapshot.2026-03-01",
        "workbook",
    ] {
        assert!(!is_workbook_key(other), "{other}");
    }
    assert!(!is_part_key(ROOT_KEY));
}

// Guards the fallback when there is no room to move into parts: one whole document, as before.
#[test]
fn staying_whole_writes_one_whole_document() {
    let workbook = full();
    assert!(Written::default().is_moving());
    assert!(!Written::of(&workbook).is_moving() && !Written::parts_unknown().is_moving());
    let whole = Written::stay_whole();
    assert!(!whole.is_moving());
    let changes = whole.changes(&workbook).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!((changes[0].piece, changes[0].key.as_str()), (Piece::Whole, ROOT_KEY));
    assert_eq!(changes[0].text, encode(&workbook).unwrap());
}
