//! The live workbook as a `reactive_stores::Store`: the patterns the store
//! and the pages rely on (a record per row, narrow edits, whole replacements).
//! Stores are young upstream, so each pattern used is pinned here.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use comeback::derived::{track_due_besides_follow_ups, track_week_figures};
use comeback::model::live::*;
use comeback::model::outreach::Contact;
use comeback::model::Workbook;
use comeback::store::records::LiveRecords;
use leptos::prelude::*;
use reactive_stores::Store;
use uuid::Uuid;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000 + seconds, 0).unwrap_or_default()
}

fn with_contacts(names: &[&str]) -> (Workbook, Vec<Uuid>) {
    let mut workbook = Workbook::new(at(0));
    let ids = names.iter().map(|name| workbook.outreach.add_contact(name, "", None, at(1))).collect();
    (workbook, ids)
}

/// A memo that counts how often it runs.
fn counted<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn() -> T + Send + Sync + 'static,
) -> (Memo<T>, Arc<AtomicUsize>) {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = runs.clone();
    let memo = Memo::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        read()
    });
    (memo, runs)
}

fn runs(counter: &Arc<AtomicUsize>) -> usize {
    counter.load(Ordering::SeqCst)
}

fn live_contacts(store: Store<Workbook>) -> LiveRecords<Contact> {
    LiveRecords::new(store.outreach().contacts(), |contact| contact.meta.id)
}

// Guards rows: editing one contact through its handle re-runs that
// contact's readers and the list's, never another row's.
#[test]
fn a_record_edit_notifies_its_record_and_the_list_not_its_siblings() {
    let owner = Owner::new();
    owner.set();
    let (workbook, ids) = with_contacts(&["Ana", "Ben"]);
    let store = Store::new(workbook);
    let contacts = live_contacts(store);
    let (ana, ben) = (contacts.record(ids[0]), contacts.record(ids[1]));
    let (ana_name, ana_runs) = counted(move || ana.try_with(|contact| contact.name.clone()));
    let (ben_name, ben_runs) = counted(move || ben.try_with(|contact| contact.name.clone()));
    let (count, list_runs) = counted(move || store.outreach().contacts().with(Vec::len));
    let (summary, debrief_runs) = counted(move || store.debrief().with(|debrief| debrief.summary.clone()));
    assert_eq!(
        (ana_name.get(), ben_name.get(), count.get(), summary.get()),
        (Some("Ana".into()), Some("Ben".into()), 2, String::new())
    );

    assert!(contacts.update(ids[0], |contact| contact.name = "Ana Lima".into()));
    assert_eq!(ana_name.get(), Some("Ana Lima".into()));
    assert_eq!(ben_name.get(), Some("Ben".into()));
    assert_eq!(count.get(), 2);
    summary.get();
    assert_eq!(runs(&ana_runs), 2, "the edited record's reader runs again");
    assert_eq!(runs(&ben_runs), 1, "a sibling's reader does not");
    assert_eq!(runs(&list_runs), 2, "the list's reader does");
    assert_eq!(runs(&debrief_runs), 1, "another section's reader does not");
    assert!(
        !contacts.update(Uuid::new_v4(), |contact| contact.name = "Nobody".into()),
        "a record not there is left alone"
    );
}

// Guards sections: an edit of the debrief does not re-run outreach readers.
#[test]
fn a_section_edit_leaves_other_sections_alone() {
    let owner = Owner::new();
    owner.set();
    let (workbook, _) = with_contacts(&["Ana"]);
    let store = Store::new(workbook);
    let (count, list_runs) = counted(move || store.outreach().contacts().with(Vec::len));
    let (goal, mojo_runs) = counted(move || store.mojo().weekly_hours_goal().get());
    count.get();
    goal.get();
    store.debrief().update(|debrief| debrief.summary = "Laid off".into());
    store.outreach().announcement().update(|announcement| announcement.moved_on_from = "my role".into());
    count.get();
    goal.get();
    assert_eq!(runs(&list_runs), 1, "neither the debrief nor the announcement touches the contacts");
    assert_eq!(runs(&mojo_runs), 1);
}

// Guards an edit of the whole list (an add, an import): only the rows whose
// record changed are told, and a row finds its record after the ids moved.
#[test]
fn a_list_edit_notifies_only_the_rows_whose_record_changed() {
    use comeback::model::outreach::OutreachShape;

    let owner = Owner::new();
    owner.set();
    let (workbook, ids) = with_contacts(&["Ana", "Ben", "Cleo"]);
    let store = Store::new(workbook);
    let contacts = live_contacts(store);
    let (ana, cleo) = (contacts.record(ids[0]), contacts.record(ids[2]));
    let (ana_name, ana_runs) = counted(move || ana.try_with(|contact| contact.name.clone()));
    let (cleo_name, cleo_runs) = counted(move || cleo.try_with(|contact| contact.name.clone()));
    ana_name.get();
    cleo_name.get();

    // Dan is added, and Cleo renamed in the same edit.
    let edit = |change: &dyn Fn(&mut comeback::model::Outreach)| {
        let before = store.outreach().with_untracked(OutreachShape::of);
        store.outreach().update_untracked(|outreach| change(outreach));
        let after = store.outreach().with_untracked(OutreachShape::of);
        contacts.changed(&before.contacts.changes(&after.contacts));
    };
    edit(&|outreach| {
        outreach.add_contact("Dan", "", None, at(5));
        let cleo = outreach.contacts.iter_mut().find(|contact| contact.meta.id == ids[2]).unwrap();
        cleo.name = "Cleo B".into();
        cleo.meta.touch(at(6));
    });
    assert_eq!(cleo_name.get(), Some("Cleo B".into()));
    assert_eq!(ana_name.get(), Some("Ana".into()));
    assert_eq!(runs(&cleo_runs), 2, "the changed record's row runs again");
    assert_eq!(runs(&ana_runs), 1, "a row whose record did not change does not");

    // Ben is removed: Cleo's row finds her one place up.
    edit(&|outreach| outreach.contacts.retain(|contact| contact.meta.id != ids[1]));
    assert_eq!(cleo_name.get(), Some("Cleo B".into()), "found at its new position");
    assert_eq!(contacts.with_untracked(ids[1], |contact| contact.name.clone()), None, "a removed record is gone");
    assert_eq!(runs(&ana_runs), 1, "a row whose record did not change does not");
}

// Guards the id → place map redone from the first place that moved (an add
// at the end redoes it for the new record only): after adds, removals in
// the middle and at the start, and many removals, every handle finds its
// record and a removed one reads as gone.
#[test]
fn rows_find_their_records_after_adds_and_removals_anywhere() {
    use comeback::model::outreach::OutreachShape;

    let owner = Owner::new();
    owner.set();
    let (workbook, mut ids) = with_contacts(&["Ana", "Ben", "Cleo", "Dan", "Eve", "Fay"]);
    let store = Store::new(workbook);
    let contacts = live_contacts(store);
    let edit = |change: &mut dyn FnMut(&mut comeback::model::Outreach)| {
        let before = store.outreach().with_untracked(OutreachShape::of);
        store.outreach().update_untracked(|outreach| change(outreach));
        let after = store.outreach().with_untracked(OutreachShape::of);
        contacts.changed(&before.contacts.changes(&after.contacts));
    };
    let names = |ids: &[Uuid]| -> Vec<Option<String>> {
        ids.iter().map(|id| contacts.with_untracked(*id, |contact| contact.name.clone())).collect()
    };
    let listed = || -> Vec<Option<String>> {
        store
            .outreach()
            .contacts()
            .with_untracked(|list| list.iter().map(|contact| Some(contact.name.clone())).collect())
    };
    assert_eq!(names(&ids), listed());

    let mut added = Vec::new();
    edit(&mut |outreach| {
        added.push(outreach.add_contact("Gus", "", None, at(5)));
        added.push(outreach.add_contact("Hal", "", None, at(5)));
    });
    ids.extend(added);
    assert_eq!(names(&ids), listed(), "added at the end: each found, the others where they were");

    let (ben, ana) = (ids.remove(1), ids.remove(0));
    edit(&mut |outreach| outreach.contacts.retain(|contact| contact.meta.id != ben));
    assert_eq!(names(&ids), listed()[1..], "found one place up after a removal before them");
    edit(&mut |outreach| outreach.contacts.retain(|contact| contact.meta.id != ana));
    assert_eq!(names(&ids), listed(), "found after a removal at the start");
    assert_eq!(names(&[ana, ben]), vec![None, None], "removed records read as gone");

    let kept = ids[ids.len() - 1];
    let gone: Vec<Uuid> = ids[..ids.len() - 1].to_vec();
    for id in &gone {
        edit(&mut |outreach| outreach.contacts.retain(|contact| contact.meta.id != *id));
        assert_eq!(names(&[kept]), vec![Some("Hal".to_owned())]);
    }
    assert!(names(&gone).iter().all(Option::is_none), "every removed record reads as gone");
    let ivy = store.outreach().try_update_untracked(|outreach| outreach.add_contact("Ivy", "", None, at(6)));
    contacts.replaced();
    assert_eq!(names(&[kept, ivy.unwrap_or_default()]), vec![Some("Hal".to_owned()), Some("Ivy".to_owned())]);
}

// Guards `Store::show` and whole-workbook edits: after the list was replaced
// around the handles, each finds its own record, a new record is found and a
// removed one is gone.
#[test]
fn handles_after_a_whole_replacement_find_the_right_records() {
    let owner = Owner::new();
    owner.set();
    let (workbook, ids) = with_contacts(&["Ana", "Ben", "Cleo"]);
    let store = Store::new(workbook);
    let contacts = live_contacts(store);
    let cleo = contacts.record(ids[2]);
    let (cleo_name, cleo_runs) = counted(move || cleo.try_with(|contact| contact.name.clone()));
    assert_eq!(cleo_name.get(), Some("Cleo".into()));

    // A restore: Ana is gone, Dan is new, Cleo moved from third to first.
    let (mut restored, _) = with_contacts(&[]);
    let dan = restored.outreach.add_contact("Dan", "", None, at(5));
    let mut kept: Vec<Contact> = store.outreach().contacts().with_untracked(|contacts| contacts.clone());
    kept.remove(0);
    kept.reverse();
    restored.outreach.contacts.splice(0..0, kept);
    store.set(restored);
    contacts.replaced();

    assert_eq!(cleo_name.get(), Some("Cleo".into()), "a handle follows its record, not its position");
    assert_eq!(runs(&cleo_runs), 2, "every row looks again after a replacement");
    assert_eq!(contacts.record(dan).try_with(|contact| contact.name.clone()), Some("Dan".into()));
    assert!(
        contacts.record(ids[0]).try_with(|contact| contact.name.clone()).is_none(),
        "a removed record reads as gone, without a panic"
    );

    assert!(contacts.update(ids[2], |contact| contact.name = "Cleo B".into()));
    assert_eq!(store.outreach().contacts().with(|contacts| contacts[0].name.clone()), "Cleo B");
}

// What `Store::edit_mojo` and `edit_outreach` compare to notify only the
// parts an edit changed: each kind of edit moves the parts it touched and no
// other (a part missed here would leave its readers showing stale data).
#[test]
fn a_section_shape_changes_in_the_parts_an_edit_touched() {
    use comeback::model::mojo::MojoShape;
    use comeback::model::outreach::OutreachShape;

    let (mut workbook, ids) = with_contacts(&["Ana", "Bilal", "Chen"]);
    let project = workbook.mojo.add_project("A small app", at(2)).unwrap();
    let day = at(0).date_naive();

    let before = MojoShape::of(&workbook.mojo);
    workbook.mojo.log_time(project, day, 1.0, "", at(3)).unwrap();
    let after = MojoShape::of(&workbook.mojo);
    assert_ne!(before.entries, after.entries);
    assert_ne!(before.updated_at, after.updated_at);
    assert_eq!((before.projects, before.events, before.proud), (after.projects, after.events, after.proud));

    let entry = workbook.mojo.entries[0].meta.id;
    let before = MojoShape::of(&workbook.mojo);
    workbook.mojo.set_entry_hours(entry, 2.0, at(4)).unwrap();
    let after = MojoShape::of(&workbook.mojo);
    assert!(!before.entries.changes(&after.entries).ids_changed, "an edit inside an entry keeps the ids");
    assert_ne!(before.entries, after.entries, "and still changes the list's shape");

    let before = MojoShape::of(&workbook.mojo);
    workbook.mojo.remove_entry(entry, at(5));
    let after = MojoShape::of(&workbook.mojo);
    assert!(before.entries.changes(&after.entries).ids_changed);
    assert_ne!(before.removed, after.removed, "a removal leaves a tombstone");

    let before = OutreachShape::of(&workbook.outreach);
    workbook.outreach.update_contact(ids[1], at(6), |contact| contact.name = "Bilal H.".into());
    let after = OutreachShape::of(&workbook.outreach);
    assert!(!before.contacts.changes(&after.contacts).ids_changed);
    assert_ne!(before.contacts, after.contacts);
    assert_eq!((&before.announcement, before.share_by), (&after.announcement, after.share_by));

    let before = OutreachShape::of(&workbook.outreach);
    workbook.outreach.share_by = Some(day);
    let after = OutreachShape::of(&workbook.outreach);
    assert_eq!(before.contacts, after.contacts, "a date beside the list leaves the list alone");
    assert_ne!(before.share_by, after.share_by);
}

// Guards what `Store::edit_outreach` tells the rows: an edit names its
// record, an add the new one only, a removal every record from its place on.
#[test]
fn list_changes_name_the_records_an_edit_reached() {
    use comeback::model::meta::ListShape;
    use comeback::model::outreach::OutreachShape;

    let (mut workbook, ids) = with_contacts(&["Ana", "Ben", "Cleo"]);
    let shape = |workbook: &Workbook| OutreachShape::of(&workbook.outreach).contacts;
    let changes = |before: &ListShape, after: &ListShape| {
        let changes = before.changes(after);
        (changes.records, changes.ids_changed)
    };
    let same_up_to = |before: &ListShape, after: &ListShape| before.changes(after).same_ids_up_to;

    let before = shape(&workbook);
    assert!(before.changes(&shape(&workbook)).is_empty(), "nothing done, nothing changed");
    workbook.outreach.update_contact(ids[1], at(2), |contact| contact.name = "Ben Ode".into());
    assert_eq!(changes(&before, &shape(&workbook)), (vec![ids[1]], false));
    assert_eq!(same_up_to(&before, &shape(&workbook)), 3, "an edit inside moves no one");

    let before = shape(&workbook);
    let dan = workbook.outreach.add_contact("Dan", "", None, at(3));
    assert_eq!(changes(&before, &shape(&workbook)), (vec![dan], true), "an add names the new record only");
    assert_eq!(same_up_to(&before, &shape(&workbook)), 3, "an add at the end moves no one");

    let before = shape(&workbook);
    workbook.outreach.remove_contact(ids[1], at(4));
    assert_eq!(
        changes(&before, &shape(&workbook)),
        (vec![ids[1], ids[2], dan, ids[2], dan], true),
        "a removal names the records from its place on, before and after"
    );
    let before = shape(&workbook);
    workbook.outreach.remove_contact(ids[0], at(5));
    assert_eq!(same_up_to(&before, &shape(&workbook)), 0, "a removal at the start moves every record");
}

// Guards the journal derived data reads instead of walking a long list: it
// names the records changed after a revision, each once, says "everything"
// to a reader who never looked, after a replacement, and once more ids
// changed than it keeps.
#[test]
fn the_change_journal_names_what_changed_since_a_revision() {
    use comeback::model::meta::{ChangeJournal, RecordsChanged};

    let ids: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
    let mut journal = ChangeJournal::default();
    assert_eq!(journal.since(0), RecordsChanged::Everything, "a reader who never looked");
    let start = journal.revision();
    assert_eq!(journal.since(start), RecordsChanged::Only(vec![]));
    journal.note([ids[0]]);
    journal.note([ids[1], ids[0]]);
    assert_eq!(journal.since(start), RecordsChanged::Only(vec![ids[0], ids[1]]), "each id once");
    let middle = journal.revision();
    journal.note([ids[2]]);
    assert_eq!(journal.since(middle), RecordsChanged::Only(vec![ids[2]]), "only what came after");
    journal.note_everything();
    assert_eq!(journal.since(middle), RecordsChanged::Everything, "after a replacement");
    let after = journal.revision();
    journal.note([ids[3]]);
    assert_eq!(journal.since(after), RecordsChanged::Only(vec![ids[3]]));
    let many: Vec<Uuid> = (0..300).map(|_| Uuid::new_v4()).collect();
    journal.note(many);
    assert_eq!(journal.since(after), RecordsChanged::Everything, "an import: more than it keeps");
}

// Guards the weekly review's figures and Today's due list: each follows the
// fields its model function reads, and typing in a review (the reviews
// field) or in the debrief's summary counts no contact again.
#[test]
fn derived_figures_follow_their_fields_only() {
    let owner = Owner::new();
    owner.set();
    let (workbook, _) = with_contacts(&["Ana"]);
    let store = Store::new(workbook);
    let (figures, figure_runs) = counted(move || track_week_figures(store));
    let (due, due_runs) = counted(move || track_due_besides_follow_ups(store));
    let read = || {
        figures.get();
        due.get();
    };
    read();

    store.mojo().reviews().update(|_| {});
    store.debrief().summary().update(|summary| summary.push('!'));
    read();
    assert_eq!(runs(&figure_runs), 1, "a review's words do not count the week again");
    assert_eq!(runs(&due_runs), 2, "the due list shows review priorities' words");
    store.debrief().summary().update(|summary| summary.push('!'));
    read();
    assert_eq!((runs(&figure_runs), runs(&due_runs)), (1, 2), "the debrief's summary is in neither");

    type Edit = Box<dyn Fn()>;
    let week_inputs: [(&str, Edit); 11] = [
        ("time entries", Box::new(move || store.mojo().entries().update(|_| {}))),
        ("events", Box::new(move || store.mojo().events().update(|_| {}))),
        ("proud list", Box::new(move || store.mojo().proud().update(|_| {}))),
        ("downtime", Box::new(move || store.mojo().downtime().update(|_| {}))),
        ("first day of the week", Box::new(move || store.mojo().week_starts_on().update(|_| {}))),
        ("weekly goal", Box::new(move || store.mojo().weekly_hours_goal().update(|_| {}))),
        ("contacts", Box::new(move || store.outreach().contacts().update(|_| {}))),
        ("opportunities", Box::new(move || store.plan().opportunities().update(|_| {}))),
        ("actions", Box::new(move || store.plan().actions().update(|_| {}))),
        ("setback day", Box::new(move || store.debrief().setback_on().update(|_| {}))),
        ("start of the workbook", Box::new(move || store.created_at().update(|_| {}))),
    ];
    for (expected, (name, edit)) in (2..).zip(week_inputs.iter()) {
        edit();
        read();
        assert_eq!(runs(&figure_runs), expected, "the week's figures follow the {name}");
    }
}
