//! The live store in the browser (real localStorage, the app's own `Store`
//! and shared derived data): an edit reaches only what depends on it.
//! Run by `cargo test --target wasm32-unknown-unknown --test web_live`.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use comeback::derived::OutreachIndex;
use comeback::model::live::*;
use comeback::model::Workbook;
use comeback::store::Store;
use comeback::web::storage;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A stored workbook with `contacts` people and a side project with a logged hour.
fn stored_workbook(contacts: usize) -> Workbook {
    let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
    let mut workbook = Workbook::new(now);
    for i in 0..contacts {
        workbook.outreach.add_contact(&format!("Person {i}"), "", None, now);
    }
    let project = workbook.mojo.add_project("A small app", now).unwrap();
    workbook.mojo.log_time(project, now.date_naive(), 1.0, "", now).unwrap();
    storage::local_storage().unwrap().clear().unwrap();
    storage::save_workbook(&workbook).unwrap();
    workbook
}

/// Counts the runs of a memo over `read`.
fn counted<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn() -> T + Send + Sync + 'static,
) -> (Memo<T>, impl Fn() -> u32) {
    let runs = Arc::new(AtomicU32::new(0));
    let count = runs.clone();
    let memo = Memo::new(move |_| {
        count.fetch_add(1, Ordering::SeqCst);
        read()
    });
    (memo, move || runs.load(Ordering::SeqCst))
}

// Guards fine-grained state: typing in the debrief does not re-prepare the
// outreach index or re-run the time log's readers; editing a contact does
// re-prepare the index, and leaves the debrief's and mojo's readers alone.
#[wasm_bindgen_test]
fn an_edit_reaches_only_the_derived_data_that_reads_it() {
    let owner = Owner::new();
    owner.set();
    let workbook = stored_workbook(200);
    let contact = workbook.outreach.contacts[17].meta.id;
    let other = workbook.outreach.contacts[18].meta.id;
    let store = Store::load();
    let index = OutreachIndex::new(store);
    // Two rows of the list, as `ContactRow` reads its contact.
    let (row, row_runs) = counted(move || store.contact(contact).try_with(|person| person.name.clone()));
    let (other_row, other_row_runs) = counted(move || store.contact(other).try_with(|person| person.name.clone()));
    row.get();
    other_row.get();
    let (hours, hours_runs) = counted(move || store.workbook.mojo().entries().with(Vec::len));
    let (summary, summary_runs) = counted(move || store.workbook.debrief().summary().get());
    let first = index.version();
    assert_eq!(index.with(|index| index.len()), 200);
    hours.get();
    summary.get();

    store.edit_debrief(|debrief, now| debrief.set_summary("Laid off in the March round", now));
    assert_eq!(index.version(), first, "the debrief does not touch the outreach index");
    assert_eq!(hours.get(), 1);
    assert_eq!(hours_runs(), 1, "nor the time log");
    assert_eq!(summary.get(), "Laid off in the March round");

    // Read through `with` alone (as the list does), the index follows an add.
    store.edit_outreach(|outreach, now| {
        outreach.add_contact("Bilal Haddad", "", None, now);
    });
    assert_eq!(index.with(|index| index.len()), 201, "the index is brought up to date when read");

    store.edit_contact(contact, |person| person.name = "Ana Lima".into());
    assert_ne!(index.version(), first, "a contact's edit reaches the index");
    assert!(index.with(|index| index
        .select(&Default::default(), chrono::NaiveDate::MIN, chrono::NaiveDate::MIN)
        .contains(&contact)));
    hours.get();
    summary.get();
    assert_eq!(hours_runs(), 1, "a contact's edit does not reach the time log");
    assert_eq!(summary_runs(), 2, "nor the debrief (run once more for its own edit only)");
    assert_eq!(hours_runs(), 1, "nor, after an add, the time log");
    assert_eq!(row.get(), Some("Ana Lima".into()), "the edited contact's row follows");
    assert_eq!(other_row.get(), Some("Person 18".into()));
    assert_eq!((row_runs(), other_row_runs()), (2, 1), "another row is not re-run by the add or the edit");
}

// Guards the outreach index brought up to date from the contacts' journal
// (issue 17): after an add, an edit that moves a contact, a removal and a
// whole-workbook edit, each made through the store, it selects exactly what
// an index prepared anew selects; one edit names one contact.
#[wasm_bindgen_test]
fn the_index_follows_the_journal_of_contact_changes() {
    use comeback::model::meta::RecordsChanged;
    use comeback::model::outreach::view::{index, Filter, Sort};

    let owner = Owner::new();
    owner.set();
    let workbook = stored_workbook(300);
    let moved = workbook.outreach.contacts[150].meta.id;
    let removed = workbook.outreach.contacts[40].meta.id;
    let store = Store::load();
    let kept = OutreachIndex::new(store);
    let today = comeback::web::clock::today();
    let anew = move || {
        store.workbook.with_untracked(|workbook| {
            index(&workbook.outreach, &workbook.plan.targets, Sort::default(), today).select(
                &Filter::default(),
                today,
                today,
            )
        })
    };
    let selected = move || kept.select(&Filter::default(), today, today);
    assert_eq!(selected(), anew(), "first preparation");

    store.edit_outreach(|outreach, now| {
        outreach.add_contact("Aaron Abel", "", None, now);
    });
    assert_eq!(selected(), anew(), "an add");
    let (revision, _) = store.contacts.changes_since(0);
    store.edit_contact(moved, |person| person.name = "Aardvark".into());
    assert_eq!(store.contacts.changes_since(revision).1, RecordsChanged::Only(vec![moved]), "one edit, one contact");
    assert_eq!(selected(), anew(), "an edit that moves a contact");
    store.edit_outreach(|outreach, now| outreach.remove_contact(removed, now));
    assert_eq!(selected(), anew(), "a removal");
    assert_eq!(selected().len(), 300);
    store.edit(|workbook, now| {
        workbook.outreach.add_contact("Zoe Zeller", "", None, now);
    });
    assert_eq!(selected(), anew(), "a whole-workbook edit");
    assert_eq!(selected().len(), 301);
}

// Guards what a save walks (issue 17): an edit names the stored lists it may
// change from where the field sits, so setting the date to start sharing by
// beside 5,000 contacts compares none of them, while an edit inside or above
// a list still compares that list (a hint too narrow would lose the edit).
#[wasm_bindgen_test]
fn an_edit_names_the_stored_lists_it_may_change() {
    use comeback::io::parts::{Dirty, List};
    let owner = Owner::new();
    owner.set();
    let workbook = stored_workbook(3);
    let store = Store::load();
    let lists = |names: &[List]| Dirty::Lists(names.iter().copied().collect());
    let outreach = store.workbook.outreach();
    assert_eq!(store.lists_reached(&outreach.share_by()), lists(&[]));
    assert_eq!(store.lists_reached(&outreach.announcement()), lists(&[]));
    assert_eq!(store.lists_reached(&store.workbook.mojo().weekly_hours_goal()), lists(&[]));
    assert_eq!(store.lists_reached(&outreach), lists(&[List::Contacts]));
    assert_eq!(store.lists_reached(&outreach.contacts()), lists(&[List::Contacts]));
    assert_eq!(store.lists_reached(&store.workbook.mojo()), lists(&[List::Entries, List::Events]));
    assert_eq!(store.lists_reached(&store.workbook), lists(&List::ALL));

    // And the save that follows writes the edit: the date is there after a reload.
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 7);
    store.edit_in(outreach.share_by(), outreach.updated_at(), move |share_by, _| *share_by = date);
    store.save_now();
    let stored = match storage::load_workbook().unwrap() {
        comeback::io::stored::Loaded::Current(workbook) => workbook,
        other => panic!("{other:?}"),
    };
    assert_eq!(stored.outreach.share_by, date);
    assert_eq!(stored.outreach.contacts, workbook.outreach.contacts);
}

// Guards section edits (issue 17): logging time or adding a contact goes
// through the section's edit, yet reaches only the readers of the parts it
// changed. Before, it redrew every card of the page: logging an hour rebuilt
// the project pickers of every row of the log.
#[wasm_bindgen_test]
fn a_section_edit_reaches_only_the_parts_it_changed() {
    let owner = Owner::new();
    owner.set();
    stored_workbook(20);
    let store = Store::load();
    let mojo = store.workbook.mojo();
    let outreach = store.workbook.outreach();
    let (entries, entries_runs) = counted(move || mojo.entries().with(Vec::len));
    let (projects, projects_runs) = counted(move || mojo.projects().with(Vec::len));
    let (goal, goal_runs) = counted(move || mojo.weekly_hours_goal().get().to_bits());
    let (whole, whole_runs) = counted(move || mojo.with(|mojo| mojo.entries.len() + mojo.projects.len()));
    let (contacts, contacts_runs) = counted(move || outreach.contacts().with(Vec::len));
    let (announcement, announcement_runs) = counted(move || outreach.announcement().with(|a| a.pursuing.clone()));
    let read_all = || (entries.get(), projects.get(), goal.get(), whole.get(), contacts.get(), announcement.get());
    read_all();
    let project = mojo.with_untracked(|mojo| mojo.projects[0].meta.id);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();

    store.edit_mojo(|mojo, now| {
        mojo.log_time(project, today, 1.0, "", now).unwrap();
    });
    read_all();
    assert_eq!(entries.get(), 2);
    assert_eq!(entries_runs(), 2, "the log's readers follow the new entry");
    assert_eq!(whole_runs(), 2, "and so do the section's whole readers");
    assert_eq!((projects_runs(), goal_runs()), (1, 1), "the projects and the goal are not redrawn");
    assert_eq!((contacts_runs(), announcement_runs()), (1, 1), "nor another section");
    let added = mojo.with_untracked(|mojo| mojo.entries[1].meta.id);
    assert!(store.entry(added).try_with(|entry| entry.hours).is_some(), "a row finds the new entry");

    store.edit_mojo(|mojo, now| {
        mojo.add_project("Open-source patches", now).unwrap();
    });
    read_all();
    assert_eq!((projects.get(), projects_runs(), entries_runs()), (2, 2, 2), "a new project reaches its readers only");

    store.edit_outreach(|outreach, now| {
        outreach.add_contact("Bilal Haddad", "", None, now);
    });
    read_all();
    assert_eq!((contacts.get(), contacts_runs(), announcement_runs()), (21, 2, 1));

    store.edit_outreach(|outreach, now| {
        outreach.announcement.pursuing = "a head chef role".into();
        outreach.updated_at = Some(now);
    });
    read_all();
    assert_eq!((contacts_runs(), announcement_runs()), (2, 2), "the announcement's edit does not redraw the list");

    // An edit inside a record, through the section, still reaches the list.
    let first = outreach.with_untracked(|outreach| outreach.contacts[0].meta.id);
    store.edit_outreach(|outreach, now| outreach.update_contact(first, now, |contact| contact.name = "Ana".into()));
    read_all();
    assert_eq!(contacts_runs(), 3, "an edit inside a contact reaches the list's readers");
}

// Guards Today's figures kept per section (issue 17): each follows the edits
// of the sections it reads, now that none of them reads the whole workbook.
#[wasm_bindgen_test]
fn todays_figures_follow_each_sections_edits() {
    let owner = Owner::new();
    owner.set();
    stored_workbook(20);
    let store = Store::load();
    comeback::derived::provide(store);
    let figures = comeback::derived::use_today_figures();
    let summary = |step: usize| figures.steps.with(|steps| steps[step].summary.clone());
    let (share_before, mojo_before) = (summary(1), summary(2));
    assert!(figures.due.with(Vec::is_empty), "nothing is due at first");
    assert_eq!(figures.next.get(), comeback::model::progress::NextStep::FirstSteps);

    let project = store.workbook.mojo().with_untracked(|mojo| mojo.projects[0].meta.id);
    store.edit_mojo(|mojo, now| {
        mojo.log_time(project, comeback::web::clock::today(), 2.0, "", now).unwrap();
    });
    assert_ne!(summary(2), mojo_before, "Mojo's line follows the hours logged");
    assert_eq!(summary(1), share_before, "Share's line stays");

    let first = store.workbook.outreach().with_untracked(|outreach| outreach.contacts[0].meta.id);
    let yesterday = comeback::web::clock::today().pred_opt().unwrap();
    store.edit_outreach(|outreach, now| {
        outreach.update_contact(first, now, |contact| contact.follow_up_days = 1);
        outreach.log_interaction(first, yesterday, comeback::model::outreach::Channel::Email, "hello", now).unwrap();
    });
    assert_ne!(summary(1), share_before, "Share's line counts the person reached");
    let due: Vec<String> = figures.due.with(|due| due.iter().map(|item| item.what.clone()).collect());
    assert_eq!(due, ["Follow up with Person 0"], "the follow-up falls due today");

    store.edit(|workbook, now| {
        workbook.send_follow_up_to_plan(first, now);
    });
    let due: Vec<String> = figures.due.with(|due| due.iter().map(|item| item.what.clone()).collect());
    assert_eq!(due, ["Follow up with Person 0"], "once in the plan it shows once, as its action");
    assert_eq!(figures.due.with(|due| due[0].href), "#/next");
}
