//! The stored workbook, schema 5 (`io::parts`): buckets, manifest and
//! generations, read back from what a browser could hold, saved by what
//! changed, and moved in from every earlier layout within a quota.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::convert::Infallible;

use comeback::io::namespace::{self, Namespace, LEGACY_CLAIM_KEY};
use comeback::io::parts::{
    self, bucket_of, fnv1a, is_layout_key, is_workbook_key, read_document, run_move, split, split_text, Dirty,
    Document, Found, Layout, List, Move, Save, Section, Source, Written,
};
use comeback::io::stored::{decode, encode, Loaded};
use comeback::model::example::example_workbook;
use comeback::model::outreach::Contact;
use comeback::model::{ThemeChoice, Workbook, SCHEMA_VERSION};
use uuid::Uuid;

type Storage = BTreeMap<String, String>;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("fixture {path}: {err}"))
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn later(seconds: i64) -> chrono::DateTime<chrono::Utc> {
    now() + chrono::Duration::seconds(seconds)
}

fn ns() -> Namespace {
    Namespace::from_pathname("/comeback/")
}

/// The example workbook: every section has something in it.
fn full() -> Workbook {
    example_workbook(chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap(), now())
}

/// The example plus `count` contacts of about 600 characters each, as the
/// benchmark's LinkedIn import has.
fn large(count: usize) -> Workbook {
    let mut workbook = full();
    for n in 0..count {
        let mut contact = Contact::new(&format!("Contact number {n}"), now());
        contact.meta.id = Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 + n as u128);
        contact.company = format!("Company {}", n % 300);
        contact.notes = format!("Met at the {n}th meetup; talked about bread, ovens and the long hours. ").repeat(6);
        workbook.outreach.contacts.push(contact);
    }
    workbook
}

fn read(storage: &Storage) -> Document {
    read_document(&ns(), true, |key| Ok::<_, Infallible>(storage.get(key).cloned())).unwrap()
}

fn stored(workbook: &Workbook) -> (Storage, Written) {
    let (writes, written) = split(&ns(), workbook).unwrap();
    (writes.into_iter().collect(), written)
}

/// Carries out a save in `storage`: every write, then every removal.
fn apply(storage: &mut Storage, save: &Save) {
    for (key, text) in &save.writes {
        storage.insert(key.clone(), text.clone());
    }
    for key in &save.removes {
        storage.remove(key);
    }
}

fn save(storage: &mut Storage, written: &mut Written, workbook: &Workbook) -> Save {
    let save = written.changes(&ns(), workbook, &Dirty::Unknown).unwrap();
    apply(storage, &save);
    written.commit(save.clone());
    save
}

fn keys(save: &Save) -> Vec<String> {
    save.writes.iter().map(|(key, _)| key.clone()).collect()
}

// Guards the layout: a manifest naming each section's part, the long lists in buckets, manifest last.
#[test]
fn a_workbook_is_stored_as_a_manifest_parts_and_buckets() {
    let workbook = full();
    let (writes, _) = split(&ns(), &workbook).unwrap();
    assert_eq!(writes.last().map(|(key, _)| key.as_str()), Some("comeback@/comeback/.workbook"), "manifest last");
    let root: serde_json::Value = serde_json::from_str(&writes.last().unwrap().1).unwrap();
    assert_eq!(root["schema_version"], SCHEMA_VERSION);
    for section in ["debrief", "outreach", "mojo", "plan"] {
        assert_eq!(root[section], 1, "{section} is named by its generation");
    }
    let outreach: serde_json::Value = serde_json::from_str(
        &writes.iter().find(|(key, _)| key == "comeback@/comeback/.workbook.outreach.g1").unwrap().1,
    )
    .unwrap();
    let buckets = outreach["contacts"]["buckets"].as_array().unwrap();
    assert_eq!(buckets.len(), 1024);
    let used = buckets.iter().filter(|generation| **generation == 1).count();
    assert_eq!(
        used,
        workbook.outreach.contacts.iter().map(|c| bucket_of(&c.meta.id, 1024)).collect::<BTreeSet<_>>().len()
    );
    let contact = &workbook.outreach.contacts[0];
    let bucket = bucket_of(&contact.meta.id, 1024);
    let text = &writes
        .iter()
        .find(|(key, _)| *key == format!("comeback@/comeback/.workbook.outreach.contacts.{bucket}.g1"))
        .unwrap()
        .1;
    assert!(text.starts_with("[[1048576,{") && text.contains(&contact.meta.id.to_string()), "{text}");
    assert!(writes.iter().all(|(key, _)| key.starts_with("comeback@/comeback/.workbook")));
}

// Guards the round trip: split, read back, the assembled text is byte for byte `encode`'s.
#[test]
fn what_is_stored_reads_back_as_the_same_text() {
    for workbook in [full(), large(300), Workbook::new(now()), Workbook::default()] {
        let (storage, _) = stored(&workbook);
        let document = read(&storage);
        assert_eq!(document.layout, Layout::Records);
        assert_eq!(document.source, Source::Namespace);
        assert_eq!(document.text.as_deref(), Some(encode(&workbook).unwrap().as_str()));
        assert_eq!(document.decode(), Loaded::Current(workbook));
    }
}

// Guards Undo copies and snapshots: an assembled text stored again reads back byte for byte.
#[test]
fn an_assembled_text_splits_back_byte_for_byte() {
    let workbook = large(200);
    let text = encode(&workbook).unwrap();
    let pieces = split_text(&ns(), &text, &Found::default());
    assert_eq!(pieces.last().unwrap().0, "comeback@/comeback/.workbook", "manifest last");
    let storage: Storage = pieces.into_iter().collect();
    let document = read(&storage);
    assert_eq!((document.text.as_deref(), document.layout), (Some(text.as_str()), Layout::Records));
    // The same keys and texts as a save from scratch.
    let (from_scratch, _) = stored(&workbook);
    assert_eq!(storage, from_scratch);
    // Over a stored layout, no key it names is touched before the manifest.
    let named = document.found.named(&ns());
    let again = split_text(&ns(), &text, &document.found);
    assert!(again.iter().all(|(key, _)| !named.contains(key)));
    assert!(again.iter().any(|(key, _)| key.ends_with(".g2")));
    let mut over = storage.clone();
    for (key, piece) in &again[..again.len() - 1] {
        over.insert(key.clone(), piece.clone());
        assert_eq!(read(&over).text.as_deref(), Some(text.as_str()));
    }
}

// Guards texts that are not current documents: they are kept whole, exactly.
#[test]
fn other_texts_stay_whole() {
    for text in [
        fixture("workbook-v3.json"),
        fixture("workbook-v1.json"),
        "".into(),
        "not json".into(),
        "[1]".into(),
        "{\"schema_version\": 5, \"outreach\": 3}".into(),
    ] {
        assert_eq!(
            split_text(&ns(), &text, &Found::default()),
            vec![("comeback@/comeback/.workbook".to_owned(), text.clone())],
            "{text:?}"
        );
    }
    // Pretty-printed, a current document would not read back the same: whole too.
    let pretty = serde_json::to_string_pretty(&full()).unwrap();
    assert_eq!(split_text(&ns(), &pretty, &Found::default()).len(), 1);
}

// Guards the hash: FNV-1a, the same on every build and platform (fixed expected values).
#[test]
fn the_bucket_hash_is_stable() {
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    let id = Uuid::parse_str("0b6f4a3e-5f55-4c36-9d6b-1d2f33f1c2a1").unwrap();
    assert_eq!(fnv1a(id.as_bytes()), EXPECTED_ID_HASH);
    assert_eq!(bucket_of(&id, 512), (EXPECTED_ID_HASH % 512) as usize);
    assert_eq!(bucket_of(&id, 128), (EXPECTED_ID_HASH % 128) as usize);
    assert_eq!(bucket_of(&Uuid::nil(), 512), FNV_OF_16_ZEROS as usize % 512);
}

/// FNV-1a 64 of the id's 16 bytes, computed independently (Python).
const EXPECTED_ID_HASH: u64 = 0x1931_ce4f_833d_8598;
const FNV_OF_16_ZEROS: u64 = 0x8820_1fb9_60ff_6465;

// Guards "a save writes what changed": one contact edit among 5,000 writes its bucket,
// the outreach part and the manifest, a few KB, and removes the two keys they replace.
#[test]
fn one_contact_edit_writes_one_bucket_its_part_and_the_manifest() {
    let mut workbook = large(5_000);
    let (mut storage, mut written) = stored(&workbook);
    let stored_characters: usize = storage.iter().map(|(key, text)| key.len() + text.len()).sum();
    let id = workbook.outreach.contacts[1234].meta.id;
    let bucket = bucket_of(&id, List::Contacts.default_buckets());
    workbook.outreach.update_contact(id, later(60), |contact| contact.company = "Moved on".into());

    let change = save(&mut storage, &mut written, &workbook);
    assert_eq!(
        keys(&change),
        [
            format!("comeback@/comeback/.workbook.outreach.contacts.{bucket}.g2"),
            "comeback@/comeback/.workbook.outreach.g2".to_owned(),
            "comeback@/comeback/.workbook".to_owned(),
        ]
    );
    assert_eq!(
        change.removes,
        [
            format!("comeback@/comeback/.workbook.outreach.contacts.{bucket}.g1"),
            "comeback@/comeback/.workbook.outreach.g1".to_owned()
        ]
    );
    let characters = change.characters();
    println!("one contact edit among 5,000: {characters} characters in 3 keys ({stored_characters} stored)");
    assert!(characters < 12_000, "{characters} characters written for one contact");
    assert_eq!(read(&storage).decode(), Loaded::Current(workbook.clone()));
    // Nothing changed, nothing written.
    assert!(written.changes(&ns(), &workbook, &Dirty::Unknown).unwrap().is_empty());
    // The measure behind the bucket count (module doc of io::parts): 100 edits, one contact each.
    let mut sizes: Vec<usize> = (0..100)
        .map(|n| {
            let id = workbook.outreach.contacts[n * 47].meta.id;
            workbook.outreach.update_contact(id, later(100 + n as i64), |contact| contact.role = format!("Role {n}"));
            save(&mut storage, &mut written, &workbook).characters()
        })
        .collect();
    sizes.sort_unstable();
    println!("one contact edit, 100 edits: median {} max {} characters", sizes[50], sizes[99]);
    assert!(sizes[99] < 16_000, "{sizes:?}");
}

// Guards the other edits: a debrief field, an added contact, a removed one, a reordered timeline.
#[test]
fn each_kind_of_edit_writes_only_its_buckets() {
    let mut workbook = large(500);
    let (mut storage, mut written) = stored(&workbook);

    workbook.debrief.set_summary("One more line.", later(1));
    let change = save(&mut storage, &mut written, &workbook);
    assert_eq!(keys(&change), ["comeback@/comeback/.workbook.debrief.g2", "comeback@/comeback/.workbook"]);

    let added = workbook.outreach.add_contact("Ines Duarte", "", None, later(2));
    let change = save(&mut storage, &mut written, &workbook);
    assert_eq!(change.writes.len(), 3, "{:?}", keys(&change));
    assert!(change.writes[0].0.contains(&format!(".contacts.{}.", bucket_of(&added, 1024))));

    let gone = workbook.outreach.contacts[17].meta.id;
    workbook.outreach.remove_contact(gone, later(3));
    let change = save(&mut storage, &mut written, &workbook);
    assert!(change.writes.iter().filter(|(key, _)| key.contains(".contacts.")).count() <= 1);
    assert_eq!(read(&storage).decode(), Loaded::Current(workbook.clone()));

    let events: Vec<Uuid> = workbook.debrief.timeline.iter().map(|event| event.meta.id).collect();
    assert!(events.len() >= 2, "the example has a timeline");
    let last = *events.last().unwrap();
    workbook.debrief.timeline.rotate_right(1);
    workbook.debrief.updated_at = Some(later(4));
    let change = save(&mut storage, &mut written, &workbook);
    let buckets: Vec<String> = keys(&change).into_iter().filter(|key| key.contains(".timeline.")).collect();
    assert!(!buckets.is_empty() && buckets.len() <= 2, "{buckets:?}");
    let document = read(&storage);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    let Loaded::Current(back) = document.decode() else { unreachable!() };
    assert_eq!(back.debrief.timeline[0].meta.id, last, "the order is kept across buckets");
}

// Guards the dirty hints: a hint naming the lists walks only those; no hint walks them all.
#[test]
fn dirty_hints_narrow_the_walk() {
    let mut workbook = large(50);
    let (_, written) = stored(&workbook);
    let id = workbook.outreach.contacts[3].meta.id;
    workbook.outreach.contacts[3].notes = "Changed, and the section's time too.".into();
    workbook.outreach.contacts[3].meta.updated_at = later(5);
    let with_hint = written.changes(&ns(), &workbook, &Dirty::Lists(BTreeSet::from([List::Contacts]))).unwrap();
    let unknown = written.changes(&ns(), &workbook, &Dirty::Unknown).unwrap();
    assert_eq!(with_hint.writes, unknown.writes);
    assert!(keys(&unknown)[0].contains(&format!(".contacts.{}.", bucket_of(&id, List::Contacts.default_buckets()))));
    // A hint that names other lists skips the contacts: the store must name what it touched.
    let other = written.changes(&ns(), &workbook, &Dirty::Lists(BTreeSet::from([List::Timeline]))).unwrap();
    assert!(other.writes.iter().all(|(key, _)| !key.contains(".contacts.")));
    // A replaced workbook (forget_records) compares every record again.
    let mut forgetting = written.clone();
    forgetting.forget_records();
    assert!(forgetting.changes(&ns(), &workbook, &Dirty::Unknown).unwrap().writes.len() > unknown.writes.len());
}

// Guards room for a restore (issue 17): after a replace, buckets whose stored text is what they
// serialize to are kept, so restoring a snapshot much like the stored workbook writes only what
// differs (writing 1,024 buckets anew needs room for the workbook twice) and loads back equal.
#[test]
fn a_restore_keeps_the_buckets_that_still_hold_the_same_text() {
    let before = large(2_000);
    let (mut storage, mut written) = stored(&before);
    let mut restored = before.clone();
    let id = restored.outreach.contacts[700].meta.id;
    restored.outreach.update_contact(id, later(3), |contact| contact.role = "Head baker".into());
    restored.debrief.set_summary("As it was in the snapshot", later(3));
    written.forget_records();
    let reading = {
        let storage = storage.clone();
        move |key: &str| storage.get(key).cloned()
    };
    let save = written.changes_reading(&ns(), &restored, &Dirty::Unknown, &reading).unwrap();
    let bucket = format!(".contacts.{}.", bucket_of(&id, List::Contacts.default_buckets()));
    let bucket_writes: Vec<String> = keys(&save).into_iter().filter(|key| key.contains(".contacts.")).collect();
    assert_eq!(bucket_writes.len(), 1, "{bucket_writes:?}");
    assert!(bucket_writes[0].contains(&bucket));
    apply(&mut storage, &save);
    written.commit(save);
    assert_eq!(read(&storage).decode(), Loaded::Current(restored.clone()));
    // Without reading, every bucket would have been written again.
    let mut forgetting = written.clone();
    forgetting.forget_records();
    assert!(forgetting.changes(&ns(), &restored, &Dirty::Unknown).unwrap().writes.len() > 300);
}

// Guards atomic saves: interrupted before the manifest, the old state loads; after it, the new one.
#[test]
fn a_save_interrupted_anywhere_loads_the_old_or_the_new_state() {
    let old = large(300);
    let (storage, written) = stored(&old);
    let mut new = old.clone();
    let ids: Vec<Uuid> = new.outreach.contacts.iter().step_by(40).map(|contact| contact.meta.id).collect();
    for id in &ids {
        new.outreach.update_contact(*id, later(9), |contact| contact.notes = "Rewritten.".into());
    }
    new.settings.theme = ThemeChoice::Dark;
    let change = written.changes(&ns(), &new, &Dirty::Unknown).unwrap();
    assert!(change.writes.len() > 3);
    // Every prefix of the writes short of the manifest: the old state, whole.
    for written_so_far in 0..change.writes.len() {
        let mut partial = storage.clone();
        for (key, text) in &change.writes[..written_so_far] {
            partial.insert(key.clone(), text.clone());
        }
        assert_eq!(read(&partial).decode(), Loaded::Current(old.clone()), "after {written_so_far} writes");
    }
    // The manifest written, the old keys not yet removed: the new state.
    let mut partial = storage.clone();
    for (key, text) in &change.writes {
        partial.insert(key.clone(), text.clone());
    }
    assert_eq!(read(&partial).decode(), Loaded::Current(new.clone()));
    for key in &change.removes {
        partial.remove(key);
    }
    assert_eq!(read(&partial).decode(), Loaded::Current(new));
    // Nothing is left that the manifest does not name: as many keys as a fresh store of it.
    let (fresh, _) = stored(&old);
    assert_eq!(partial.len(), fresh.len());
}

// Guards a half-stored workbook: a named key missing (or unreadable) makes the whole unreadable.
#[test]
fn a_missing_or_unreadable_named_key_makes_the_workbook_unreadable() {
    let workbook = full();
    let (good, _) = stored(&workbook);
    let bucket = bucket_of(&workbook.outreach.contacts[0].meta.id, 1024);
    let bucket_key = format!("comeback@/comeback/.workbook.outreach.contacts.{bucket}.g1");
    for (key, text) in [
        (bucket_key.as_str(), None),
        (bucket_key.as_str(), Some("[[0,{\"id\":")),
        ("comeback@/comeback/.workbook.mojo.g1", None),
        ("comeback@/comeback/.workbook.plan.g1", Some("{\"actions\": 3}")),
    ] {
        let mut storage = good.clone();
        match text {
            None => storage.remove(key),
            Some(text) => storage.insert(key.to_owned(), text.to_owned()),
        };
        let document = read(&storage);
        match document.decode() {
            Loaded::Corrupt { raw, reason } => {
                assert!(!reason.is_empty());
                assert_eq!(Some(raw.as_str()), document.text.as_deref(), "what is there is kept");
            }
            other => panic!("{key} = {text:?} should be unreadable, got {other:?}"),
        }
    }
}

// Guards the first visit's bytes: nothing stored, or a broken layout, is named without the
// decoder (which the release build fetches only when there is text to read, src/web/decoder.rs).
#[test]
fn only_stored_text_needs_the_decoder() {
    let nothing = read(&Storage::new());
    assert_eq!(nothing.classified_as_is(), Some(Loaded::Fresh));
    assert_eq!(nothing.decode(), Loaded::Fresh);

    let (good, _) = stored(&full());
    assert_eq!(read(&good).classified_as_is(), None);

    let mut broken = good.clone();
    broken.remove("comeback@/comeback/.workbook.mojo.g1");
    let document = read(&broken);
    assert!(matches!(document.classified_as_is(), Some(Loaded::Corrupt { .. })));
    assert_eq!(document.classified_as_is(), Some(document.decode()));
}

// Guards newer builds: a newer manifest is recognised (never written) and read leniently.
#[test]
fn a_newer_manifest_is_newer() {
    let original = full();
    let (mut storage, _) = stored(&original);
    let root = storage["comeback@/comeback/.workbook"]
        .replace(&format!("\"schema_version\":{SCHEMA_VERSION}"), "\"schema_version\":9");
    storage.insert("comeback@/comeback/.workbook".into(), root);
    let Loaded::Newer { version: 9, workbook: Some(workbook) } = read(&storage).decode() else {
        panic!("expected newer")
    };
    assert_eq!(workbook.outreach, original.outreach);
}

/// A fake `localStorage` with a quota on the characters of keys and values.
struct Quota {
    storage: Storage,
    limit: usize,
    peak: usize,
}

#[derive(Debug, PartialEq)]
struct Full;

impl Quota {
    fn used(&self) -> usize {
        self.storage.iter().map(|(key, text)| key.len() + text.len()).sum()
    }

    fn write(&mut self, key: &str, text: &str) -> Result<(), Full> {
        let replaced = self.storage.get(key).map_or(0, |old| key.len() + old.len());
        if self.used() - replaced + key.len() + text.len() > self.limit {
            return Err(Full);
        }
        self.storage.insert(key.to_owned(), text.to_owned());
        self.peak = self.peak.max(self.used());
        Ok(())
    }
}

fn is_bucket(key: &str) -> bool {
    key.rsplit('.').next().is_some_and(|last| last.starts_with('g') && last[1..].parse::<u64>().is_ok())
}

/// Moves what `storage` holds into schema 5 as the app does (`run_move`,
/// then a save writing the parts and the manifest and removing the old
/// keys), reading it back whole after every step.
fn move_within(storage: Storage, limit: usize) -> (Quota, Workbook) {
    let document = read(&storage);
    assert!(document.needs_move(), "{:?}", document.layout);
    let workbook = document.decode().workbook().expect("readable before the move");
    let quota = RefCell::new(Quota { storage, limit, peak: 0 });
    let mut moving = Move::new(&ns(), &document, |key| Ok::<_, Infallible>(quota.borrow().storage.get(key).cloned()))
        .unwrap()
        .unwrap();
    let mut steps = 0;
    run_move(
        &mut moving,
        |key, text| {
            quota.borrow_mut().write(key, text)?;
            if !is_bucket(key) {
                steps += 1;
                let back = read(&quota.borrow().storage);
                assert_eq!(back.decode().workbook(), Some(workbook.clone()), "readable whole after step {steps}");
                assert_ne!(back.layout, Layout::Records);
            }
            Ok(())
        },
        |key| {
            quota.borrow_mut().storage.remove(key);
            Ok(())
        },
        |_: &Full| true,
    )
    .unwrap();
    let mut quota = quota.into_inner();
    let moved = read(&quota.storage);
    let mut written = Written::as_stored(&moved, &workbook);
    let change = written.changes(&ns(), &workbook, &Dirty::Unknown).unwrap();
    for (key, text) in &change.writes {
        quota.write(key, text).unwrap();
    }
    for key in &change.removes {
        quota.storage.remove(key);
    }
    written.commit(change);
    assert!(written.changes(&ns(), &workbook, &Dirty::Unknown).unwrap().is_empty(), "all known once moved");
    (quota, workbook)
}

trait Shown {
    fn workbook(self) -> Option<Workbook>;
}

impl Shown for Loaded {
    fn workbook(self) -> Option<Workbook> {
        match self {
            Loaded::Current(workbook) | Loaded::Migrated { workbook, .. } => Some(workbook),
            _ => None,
        }
    }
}

/// After a move: only this namespace's keys, every one named, reading back the workbook.
fn assert_moved(quota: &Quota, workbook: &Workbook) {
    let document = read(&quota.storage);
    assert_eq!(document.layout, Layout::Records);
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));
    assert!(
        quota.storage.keys().all(|key| key.starts_with("comeback@/comeback/.workbook")),
        "{:?}",
        quota.storage.keys().collect::<Vec<_>>()
    );
    let (fresh, _) = stored(workbook);
    assert_eq!(
        quota.storage.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "exactly the keys of the layout"
    );
}

// Guards the migrations from every earlier layout: v1, v2, v3 whole documents under the legacy key.
#[test]
fn whole_documents_of_every_schema_move_into_buckets() {
    for name in ["workbook-v1.json", "workbook-v2.json", "workbook-v3.json"] {
        let storage = Storage::from([("comeback.workbook".to_owned(), fixture(name))]);
        let expected = decode(Some(&fixture(name))).workbook().unwrap();
        let (quota, workbook) = move_within(storage, 5_000_000);
        assert_eq!(workbook, expected, "{name}");
        assert_moved(&quota, &workbook);
    }
}

// Guards a v4 whole document (the benchmark's, too big to move into v4 parts).
#[test]
fn a_v4_whole_document_moves_into_buckets() {
    let workbook = large(100);
    let v4 =
        encode(&workbook).unwrap().replacen(&format!("\"schema_version\":{SCHEMA_VERSION}"), "\"schema_version\":4", 1);
    let (quota, moved) = move_within(Storage::from([("comeback.workbook".to_owned(), v4)]), 5_000_000);
    assert_eq!(moved, workbook);
    assert_moved(&quota, &moved);
}

// Guards a real v4 browser storage (root and four parts) against a silent loss.
#[test]
fn the_v4_parts_fixture_moves_into_buckets() {
    let storage: Storage = serde_json::from_str(&fixture("storage-v4.json")).unwrap();
    let document = read(&storage);
    assert_eq!((document.layout.clone(), document.source), (Layout::Parts, Source::Legacy));
    let Loaded::Migrated { workbook, from: 4 } = document.decode() else {
        panic!("v4 migrates: {:?}", document.decode())
    };
    let from_v3 = decode(Some(&fixture("workbook-v3.json"))).workbook().unwrap();
    assert_eq!(workbook, from_v3, "the same content as the v3 fixture");
    assert_eq!(workbook.outreach.contacts[0].name, "Amina Okafor");
    let (quota, moved) = move_within(storage, 5_000_000);
    assert_eq!(moved, workbook);
    assert_moved(&quota, &moved);
}

// Guards a v4 move into parts left part-way (the root naming some parts, holding the rest).
#[test]
fn a_v4_document_moved_part_way_into_parts_moves_into_buckets() {
    let workbook = large(80);
    let text =
        encode(&workbook).unwrap().replacen(&format!("\"schema_version\":{SCHEMA_VERSION}"), "\"schema_version\":4", 1);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut root = value.as_object().unwrap().clone();
    let debrief = root.remove("debrief").unwrap();
    let outreach = root.remove("outreach").unwrap();
    root.insert("parts".into(), serde_json::json!(["debrief", "outreach"]));
    let storage = Storage::from([
        ("comeback.workbook".to_owned(), serde_json::to_string(&root).unwrap()),
        ("comeback.workbook.debrief".to_owned(), debrief.to_string()),
        ("comeback.workbook.outreach".to_owned(), outreach.to_string()),
    ]);
    assert_eq!(read(&storage).decode(), Loaded::Migrated { workbook: workbook.clone(), from: 4 });
    let (quota, moved) = move_within(storage, 5_000_000);
    assert_eq!(moved, workbook);
    assert_moved(&quota, &moved);
}

// Guards the quota: the benchmark-sized document (one key, more than half the quota) moves
// bucket by bucket, never holding much more than itself, each step readable whole.
#[test]
fn a_document_larger_than_half_the_quota_moves_within_it() {
    let workbook = large(5_000);
    let text =
        encode(&workbook).unwrap().replacen(&format!("\"schema_version\":{SCHEMA_VERSION}"), "\"schema_version\":4", 1);
    let limit = text.len() * 13 / 10;
    assert!(2 * text.len() > limit, "it could not be held twice");
    let (quota, moved) = move_within(Storage::from([("comeback.workbook".to_owned(), text.clone())]), limit);
    assert_eq!(moved, workbook);
    assert_moved(&quota, &moved);
    assert!(quota.peak <= limit, "{} > {limit}", quota.peak);
    println!("moved {} characters within a quota of {limit}: peak {}", text.len(), quota.peak);
}

// Guards a move interrupted and resumed in a later session.
#[test]
fn a_move_left_part_way_is_readable_and_resumes() {
    let workbook = large(400);
    let storage = Storage::from([("comeback.workbook".to_owned(), encode(&workbook).unwrap())]);
    let document = read(&storage);
    let mut moving =
        Move::new(&ns(), &document, |key| Ok::<_, Infallible>(storage.get(key).cloned())).unwrap().unwrap();
    let mut storage = storage.clone();
    for _ in 0..3 {
        let step = moving.next_step(32).unwrap();
        for (key, text) in &step.writes {
            storage.insert(key.clone(), text.clone());
        }
        moving.done(&step);
    }
    let half = read(&storage);
    assert_eq!(half.layout, Layout::Moving);
    assert_eq!(half.decode(), Loaded::Current(workbook.clone()));
    // The written buckets of an unfinished step (the list's key not rewritten) change nothing.
    let step = moving.next_step(32).unwrap();
    let mut interrupted = storage.clone();
    for (key, text) in &step.writes[..step.writes.len() - 1] {
        interrupted.insert(key.clone(), text.clone());
    }
    assert_eq!(read(&interrupted).decode(), Loaded::Current(workbook.clone()));
    let (quota, moved) = move_within(interrupted, 5_000_000);
    assert_eq!(moved, workbook);
    assert_moved(&quota, &moved);
}

// Guards namespaces: two copies of the app in one origin never read or write each other's keys.
#[test]
fn two_namespaces_keep_apart() {
    assert_eq!(Namespace::from_pathname("/comeback/").prefix(), "comeback@/comeback/.");
    assert_eq!(Namespace::from_pathname("/comeback/index.html").prefix(), "comeback@/comeback/.");
    assert_eq!(Namespace::from_pathname("/comeback-dev/").prefix(), "comeback@/comeback-dev/.");
    assert_eq!(Namespace::from_pathname("/").prefix(), "comeback@/.");
    assert_eq!(Namespace::from_pathname("").prefix(), "comeback@/.");
    let (live, dev) = (ns(), Namespace::from_pathname("/comeback-dev/"));
    assert!(!dev.prefix().starts_with(live.prefix()) && !live.prefix().starts_with(dev.prefix()));
    assert_eq!(Namespace::from_pathname("/comeback/sub/").local("comeback@/comeback/.workbook"), None);

    let (a, b) = (full(), large(20));
    let mut storage: Storage = split(&live, &a).unwrap().0.into_iter().collect();
    storage.extend(split(&dev, &b).unwrap().0);
    let read_in = |namespace: &Namespace| {
        read_document(namespace, true, |key| Ok::<_, Infallible>(storage.get(key).cloned())).unwrap().decode()
    };
    assert_eq!(read_in(&live), Loaded::Current(a));
    assert_eq!(read_in(&dev), Loaded::Current(b));
    assert!(storage.keys().all(|key| is_layout_key(&live, key) != is_layout_key(&dev, key)));
    assert!(is_workbook_key(&live, "comeback@/comeback/.workbook"));
    assert!(!is_workbook_key(&dev, "comeback@/comeback/.workbook"));
    assert!(!is_workbook_key(&live, "comeback@/comeback/.workbook.outreach.g1"), "only the manifest is followed");
}

// Guards the adoption of legacy keys: snapshots, recovery and Undo copies move; the workbook moves with the layout.
#[test]
fn legacy_keys_are_adopted_under_the_namespace() {
    let keys: Vec<String> = [
        "comeback.workbook",
        "comeback.workbook.outreach",
        "comeback.snapshot.2026-03-01",
        "comeback.recovery.2026-03-01T10:00:00.000Z",
        "comeback.before-import",
        "comeback.before-example",
        LEGACY_CLAIM_KEY,
        "comeback@/other/.workbook",
        "someone-else",
    ]
    .map(String::from)
    .to_vec();
    let copies = namespace::legacy_copies(&ns(), &keys);
    assert_eq!(
        copies,
        [
            ("comeback.before-example".to_owned(), "comeback@/comeback/.before-example".to_owned()),
            ("comeback.before-import".to_owned(), "comeback@/comeback/.before-import".to_owned()),
            (
                "comeback.recovery.2026-03-01T10:00:00.000Z".to_owned(),
                "comeback@/comeback/.recovery.2026-03-01T10:00:00.000Z".to_owned()
            ),
            ("comeback.snapshot.2026-03-01".to_owned(), "comeback@/comeback/.snapshot.2026-03-01".to_owned()),
        ]
    );
    // Not allowed to adopt (another copy claimed them): the legacy workbook is not read.
    let storage = Storage::from([("comeback.workbook".to_owned(), fixture("workbook-v3.json"))]);
    let document = read_document(&ns(), false, |key| Ok::<_, Infallible>(storage.get(key).cloned())).unwrap();
    assert_eq!(document.decode(), Loaded::Fresh);
    // Once this namespace has a workbook, the legacy one is ignored.
    let workbook = full();
    let mut storage = stored(&workbook).0;
    storage.insert("comeback.workbook".into(), fixture("workbook-v3.json"));
    assert_eq!(read(&storage).decode(), Loaded::Current(workbook));
}

// Guards what is known after a read: everything for the current layout, nothing to compare otherwise.
#[test]
fn what_is_known_after_a_read_depends_on_the_layout() {
    let workbook = large(100);
    let (storage, _) = stored(&workbook);
    let document = read(&storage);
    let known = Written::as_read(&document, &document.decode());
    assert!(known.has_manifest());
    assert!(known.changes(&ns(), &workbook, &Dirty::Unknown).unwrap().is_empty(), "nothing to write");
    let whole = read(&Storage::from([("comeback@/comeback/.workbook".to_owned(), encode(&workbook).unwrap())]));
    assert_eq!(whole.layout, Layout::Whole);
    assert!(whole.needs_move());
    assert!(!Written::as_read(&whole, &whole.decode()).has_manifest());
    // Another tab's layout: generations kept, everything written again above them.
    let others = Written::generations_only(&document);
    let change = others.changes(&ns(), &workbook, &Dirty::Unknown).unwrap();
    assert!(change.writes.iter().all(|(key, _)| key == "comeback@/comeback/.workbook" || key.ends_with(".g2")));
    assert_eq!(change.removes.len(), change.writes.len() - 1);
    assert_eq!(parts::highest_generation(&document), 1);
    let _ = Section::ALL;
}

// The same after an Undo: the stored buckets were written from a kept text (split_text), and
// the snapshot restored next is that text's workbook with one field changed.
#[test]
fn a_restore_after_an_undo_keeps_the_same_buckets() {
    let edited = large(2_000);
    let text = encode(&edited).unwrap();
    let mut storage: Storage = split_text(&ns(), &text, &Found::default()).into_iter().collect();
    let document = read(&storage);
    let mut written = Written::as_stored(&document, &edited);
    let mut snapshot = edited.clone();
    snapshot.debrief.set_summary("As it was in the snapshot", later(3));
    written.forget_records();
    let reading = {
        let storage = storage.clone();
        move |key: &str| storage.get(key).cloned()
    };
    let save = written.changes_reading(&ns(), &snapshot, &Dirty::Unknown, &reading).unwrap();
    let bucket_writes: Vec<String> = keys(&save).into_iter().filter(|key| key.contains(".contacts.")).collect();
    assert_eq!(bucket_writes.len(), 0, "{:?}", &bucket_writes[..bucket_writes.len().min(3)]);
    apply(&mut storage, &save);
    assert_eq!(read(&storage).decode(), Loaded::Current(snapshot));
}
