//! Merging two devices' workbooks: newer edits win, ties are settled the same
//! way from both sides, deletions stay deleted, and the preview counts what
//! changes.

use chrono::{DateTime, Utc};
use comeback::io::{backup, stored};
use comeback::model::debrief::NoteList;
use comeback::model::merge::{merge, merge_records, Change, Removed};
use comeback::model::outreach::Contact;
use comeback::model::{RecordMeta, Workbook};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

/// One workbook as it was copied to two devices.
fn shared() -> (Workbook, uuid::Uuid, uuid::Uuid) {
    let mut workbook = Workbook::new(at(0));
    let sam = workbook.outreach.add_contact("Sam", "old colleague", None, at(1));
    let alex = workbook.outreach.add_contact("Alex", "meetup", None, at(1));
    workbook.debrief.set_summary("Laid off in March", at(1));
    (workbook, sam, alex)
}

fn names(workbook: &Workbook) -> Vec<&str> {
    workbook.outreach.contacts.iter().map(|contact| contact.name.as_str()).collect()
}

fn change<'a>(changes: &'a [Change], part: &str) -> Option<&'a Change> {
    changes.iter().find(|change| change.part == part)
}

// Guards the main rule: a record's newer edit wins, whichever side has it.
#[test]
fn the_newer_edit_of_a_record_wins_from_either_side() {
    let (phone, sam, alex) = shared();
    let mut laptop = phone.clone();
    let mut phone = phone;
    phone.outreach.update_contact(sam, at(10), |contact| contact.company = "Acme (phone)".into());
    laptop.outreach.update_contact(sam, at(20), |contact| contact.company = "Initech (laptop)".into());
    laptop.outreach.update_contact(alex, at(5), |contact| contact.role = "old".into());
    phone.outreach.update_contact(alex, at(30), |contact| contact.role = "new".into());

    for merged in [merge(&phone, &laptop).workbook, merge(&laptop, &phone).workbook] {
        assert_eq!(merged.outreach.contact(sam).unwrap().company, "Initech (laptop)");
        assert_eq!(merged.outreach.contact(alex).unwrap().role, "new");
        assert_eq!(merged.outreach.contacts.len(), 2);
    }
}

// Guards determinism: equal timestamps give the same result whichever side merges.
#[test]
fn equal_timestamps_give_the_same_result_both_ways() {
    let (phone, sam, _) = shared();
    let mut laptop = phone.clone();
    let mut phone = phone;
    phone.outreach.update_contact(sam, at(10), |contact| contact.notes = "phone".into());
    laptop.outreach.update_contact(sam, at(10), |contact| contact.notes = "laptop".into());
    phone.debrief.set_summary("Told from the phone", at(12));
    laptop.debrief.set_summary("Told from the laptop", at(12));
    phone.plan.add_action("Phone-only action", None, at(13));
    laptop.plan.add_action("Laptop-only action", None, at(13));

    let one_way = merge(&phone, &laptop).workbook;
    let other_way = merge(&laptop, &phone).workbook;
    assert_eq!(one_way, other_way);
    // The version whose text sorts last wins: "phone" > "laptop".
    assert_eq!(one_way.outreach.contact(sam).unwrap().notes, "phone");
    assert_eq!(one_way.debrief.summary, "Told from the phone");
    assert_eq!(one_way.plan.actions.len(), 2);
}

// Guards tombstones: a contact deleted on one device does not come back from the other.
#[test]
fn a_deleted_contact_does_not_come_back() {
    let (phone, sam, _) = shared();
    let laptop = phone.clone();
    let mut phone = phone;
    phone.outreach.remove_contact(sam, at(50));
    assert!(phone.outreach.removed.contains(sam));

    for merged in [merge(&phone, &laptop), merge(&laptop, &phone)] {
        assert_eq!(names(&merged.workbook), ["Alex"]);
        assert!(merged.workbook.outreach.removed.contains(sam), "the tombstone travels on");
    }
    // From the laptop's side, the preview says one contact goes.
    let merged = merge(&laptop, &phone);
    assert_eq!(change(&merged.changes, "Contacts").map(|change| change.removed), Some(1));
    // Merging the result again with the old laptop copy changes nothing.
    assert_eq!(merge(&merged.workbook, &laptop).workbook, merged.workbook);
}

// Guards "newer edit wins" against deletions too: an edit made after the deletion keeps the record.
#[test]
fn a_record_edited_after_its_deletion_stays() {
    let (phone, sam, _) = shared();
    let mut laptop = phone.clone();
    let mut phone = phone;
    phone.outreach.remove_contact(sam, at(50));
    laptop.outreach.update_contact(sam, at(60), |contact| contact.notes = "met again".into());
    let merged = merge(&phone, &laptop).workbook;
    assert_eq!(merged.outreach.contact(sam).map(|contact| contact.notes.as_str()), Some("met again"));
    // Deleted again later: gone for good.
    let mut again = merged.clone();
    again.outreach.remove_contact(sam, at(70));
    assert!(merge(&again, &laptop).workbook.outreach.contact(sam).is_none());
}

// Guards every remove function of the model: each leaves a tombstone, cascades included.
#[test]
fn every_removal_leaves_a_tombstone() {
    let mut workbook = Workbook::new(at(0));
    let event = workbook.debrief.add_event(at(1));
    workbook.debrief.remove_event(event, at(2));
    let note = workbook.debrief.add_note(NoteList::Lessons, "Save more", at(1)).unwrap();
    workbook.debrief.remove_note(NoteList::Lessons, note, at(2));
    let factor = workbook.debrief.add_factor("Targets", Default::default(), at(1)).unwrap();
    workbook.debrief.remove_factor(factor, at(2));
    let question = workbook.debrief.add_own_question("Why me?", at(1)).unwrap();
    workbook.debrief.remove_own_question(question, at(2));
    let option = workbook.debrief.add_note(NoteList::Options, "Ask to come back", at(1)).unwrap();
    workbook.remove_option(option, at(2));
    let item = workbook.first_steps.add_item("Call HR", at(1)).unwrap();
    workbook.first_steps.remove_item(item, at(2));
    let action = workbook.plan.add_action("Apply", None, at(1)).unwrap();
    workbook.plan.remove_action(action, at(2));
    let contact = workbook.outreach.add_contact("Kim", "", None, at(1));
    let entry =
        workbook.outreach.log_interaction(contact, at(1).date_naive(), Default::default(), "hi", at(1)).unwrap();
    workbook.outreach.remove_interaction(contact, entry, at(2));
    workbook.outreach.remove_contact(contact, at(2));
    let mojo = &mut workbook.mojo;
    let project = mojo.add_project("Book", at(1)).unwrap();
    let milestone = mojo.add_milestone(project, "Chapter 1", at(1)).unwrap();
    mojo.remove_milestone(project, milestone, at(2));
    let time = mojo.log_time(project, at(1).date_naive(), 2.0, "", at(1)).unwrap();
    let kept_time = mojo.log_time(project, at(1).date_naive(), 1.0, "", at(1)).unwrap();
    mojo.remove_entry(time, at(2));
    mojo.remove_project(project, at(2));
    let rest = mojo.add_rest_day(at(1).date_naive(), "", at(1));
    mojo.remove_rest_day(rest, at(2));
    let meetup = mojo.add_event(None, at(1));
    let person = mojo.add_person(meetup, "Jo", at(1)).unwrap();
    mojo.remove_person(meetup, person, at(2));
    mojo.remove_event(meetup, at(2));
    let proud = mojo.add_proud(Default::default(), "Shipped", at(1).date_naive(), at(1)).unwrap();
    mojo.remove_proud(proud, at(2));

    assert!([event, note, factor, question, option].iter().all(|id| workbook.debrief.removed.contains(*id)));
    assert!(workbook.first_steps.removed.contains(item));
    assert!(workbook.plan.removed.contains(action));
    assert!(workbook.outreach.removed.contains(contact) && workbook.outreach.removed.contains(entry));
    let removed = &workbook.mojo.removed;
    assert!([project, milestone, time, kept_time, rest, meetup, person, proud].iter().all(|id| removed.contains(*id)));
}

// Guards cascades across devices: a project's time log and an own question's answer go with them.
#[test]
fn cascaded_deletions_are_merged_too() {
    let mut phone = Workbook::new(at(0));
    let project = phone.mojo.add_project("Portfolio", at(1)).unwrap();
    phone.mojo.log_time(project, at(1).date_naive(), 3.0, "", at(1)).unwrap();
    let question = phone.debrief.add_own_question("Did I love the work?", at(1)).unwrap();
    phone.debrief.update_answer(&question.to_string(), at(1), |answer| answer.text = "Not really".into());
    let laptop = phone.clone();
    phone.mojo.remove_project(project, at(5));
    phone.debrief.remove_own_question(question, at(5));
    let merged = merge(&laptop, &phone).workbook;
    assert!(merged.mojo.projects.is_empty() && merged.mojo.entries.is_empty());
    assert!(merged.debrief.own_questions.is_empty() && merged.debrief.answers.is_empty());
}

// Guards the preview: what is added, updated and removed, part by part; nothing when equal.
#[test]
fn changes_are_counted_part_by_part() {
    let (phone, sam, alex) = shared();
    let mut laptop = phone.clone();
    assert!(merge(&phone, &laptop).changes.is_empty());
    laptop.outreach.add_contact("Robin", "", None, at(5));
    laptop.outreach.update_contact(sam, at(6), |contact| contact.role = "CTO".into());
    laptop.outreach.remove_contact(alex, at(7));
    laptop.debrief.set_summary("Changed on the laptop", at(8));
    let merged = merge(&phone, &laptop);
    assert_eq!(
        change(&merged.changes, "Contacts"),
        Some(&Change { part: "Contacts", added: 1, updated: 1, removed: 1 })
    );
    assert_eq!(
        change(&merged.changes, "Debrief: what happened, session, closure").map(|change| change.updated),
        Some(1)
    );
    assert_eq!(merged.workbook.debrief.summary, "Changed on the laptop");
    assert_eq!(merged.changes.len(), 2);
}

// Guards section fields: the side whose section was edited last gives them, as a whole.
#[test]
fn section_fields_come_from_the_side_edited_last() {
    let (phone, _, _) = shared();
    let mut laptop = phone.clone();
    let mut phone = phone;
    phone.debrief.set_summary("Phone summary", at(10));
    laptop.debrief.set_closure_note("Laptop closure", at(20));
    let merged = merge(&phone, &laptop).workbook;
    assert_eq!(merged.debrief.closure_note, "Laptop closure");
    assert_eq!(merged.debrief.summary, "Laid off in March", "the whole section comes from the newer side");
    // Settings: this device's theme, the later export, welcomed if either.
    phone.settings.theme = comeback::model::ThemeChoice::Dark;
    laptop.settings.last_export_at = Some(at(99));
    laptop.settings.welcomed = true;
    let merged = merge(&phone, &laptop).workbook;
    assert_eq!(merged.settings.theme, comeback::model::ThemeChoice::Dark);
    assert_eq!(merged.settings.last_export_at, Some(at(99)));
    assert!(merged.settings.welcomed);
}

// Guards the steps' done marks (schema 6): each travels with its section's
// other fields, from the side where the section was edited last; marking a
// step done is an edit of its section, so the later mark (or reopening) wins.
#[test]
fn step_marks_come_from_the_side_that_marked_them_last() {
    use comeback::model::progress::{EndState, StepState};
    let (phone, _, _) = shared();
    let mut laptop = phone.clone();
    let mut phone = phone;
    phone.outreach.set_done(true, at(10));
    phone.plan.mark_done(EndState::FirstClient, at(11));
    laptop.mojo.set_done(true, at(12));
    let merged = merge(&phone, &laptop).workbook;
    assert_eq!(merged.outreach.done_at, Some(at(10)));
    assert_eq!(merged.mojo.done_at, Some(at(12)));
    assert_eq!((merged.plan.done_at, merged.plan.end_state), (Some(at(11)), Some(EndState::FirstClient)));
    assert_eq!(merge(&laptop, &phone).workbook, merged, "the same from either side");

    // Reopened later on the laptop: the reopening wins.
    laptop.outreach = merged.outreach.clone();
    laptop.outreach.set_done(false, at(20));
    let merged = merge(&merged, &laptop).workbook;
    assert_ne!(merged.outreach.step_state(), StepState::Done);
    assert_eq!(merged.outreach.done_at, None);
}

// Guards child lists: milestones edited on both devices are merged one by one.
#[test]
fn child_records_are_merged_inside_their_parent() {
    let mut phone = Workbook::new(at(0));
    let project = phone.mojo.add_project("App", at(1)).unwrap();
    let first = phone.mojo.add_milestone(project, "Design", at(1)).unwrap();
    let mut laptop = phone.clone();
    phone.mojo.update_milestone(project, first, at(10), |milestone| milestone.text = "Design, done".into());
    laptop.mojo.add_milestone(project, "Build", at(20)).unwrap();
    for merged in [merge(&phone, &laptop).workbook, merge(&laptop, &phone).workbook] {
        let texts: Vec<&str> = merged.mojo.projects[0].milestones.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["Design, done", "Build"]);
    }
}

// Guards duplicate ids (a hand-edited or damaged file): each id is kept once, its latest edit.
#[test]
fn a_repeated_id_is_kept_once_with_its_latest_edit() {
    let meta = RecordMeta::new(at(1));
    let first = Contact { meta: meta.clone(), name: "First".into(), ..Contact::default() };
    let later = Contact { meta: RecordMeta { updated_at: at(2), ..meta }, name: "Later".into(), ..Contact::default() };
    let merged = merge_records(&[first.clone(), later.clone()], &[first], &Removed::default());
    assert_eq!(merged, [later]);
}

// Guards an imported file with repeated ids: read as one record each, nothing else changed.
#[test]
fn a_backup_with_repeated_ids_reads_each_once() {
    let (workbook, sam, _) = shared();
    let text = backup::export(&workbook, "1", at(5));
    let sam_text = serde_json::to_string(workbook.outreach.contact(sam).unwrap()).unwrap();
    let copy = sam_text.replace("\"Sam\"", "\"Sammy\"");
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["workbook"]["outreach"]["contacts"].as_array_mut().unwrap().push(serde_json::from_str(&copy).unwrap());
    let restored = backup::read(&value.to_string()).unwrap();
    assert_eq!(restored.workbook.outreach.contacts.len(), 2);
    // Same time: the version whose text sorts last wins, the same on every device.
    assert_eq!(restored.workbook.outreach.contact(sam).unwrap().name, "Sammy");
    assert_eq!(restored.workbook.debrief, workbook.debrief);
    // The app's reader decodes without this last step (the merge's code stays
    // out of the reader's chunk); the Backup page takes it after.
    let decoded = backup::decode(&value.to_string()).unwrap();
    assert_eq!(decoded.workbook.outreach.contacts.len(), 3);
    assert_eq!(decoded.without_duplicates(), restored);
}

// Guards the stored format: tombstones are saved and read back, and absent while there are none.
#[test]
fn tombstones_survive_storage_and_backups() {
    let (mut workbook, sam, _) = shared();
    assert!(!stored::encode(&workbook).unwrap().contains("\"removed\""));
    workbook.outreach.remove_contact(sam, at(9));
    let text = stored::encode(&workbook).unwrap();
    assert!(text.contains("\"removed\""));
    assert!(matches!(stored::decode(Some(&text)), stored::Loaded::Current(read) if read == workbook));
    let restored = backup::read(&backup::export(&workbook, "1", at(10))).unwrap();
    assert_eq!(restored.workbook.outreach.removed, workbook.outreach.removed);
}

// Guards the next-move plan in a merge: its lists merge by id with
// tombstones, and the path chosen last wins even though it lives in a part
// of the plan with its own edit time.
#[test]
fn the_plan_merges_opportunities_targets_stories_and_the_choice() {
    use comeback::model::plan::{Stage, TargetKind};
    let mut base = Workbook::new(at(0));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let acme = base.plan.opportunities.add("Acme", "Analyst", Stage::Idea, day, at(1)).unwrap();
    let story = base.plan.add_story("A time I failed", at(1)).unwrap();
    let (mut phone, mut laptop) = (base.clone(), base);

    // The phone deletes the story and moves Acme on; the laptop adds a target,
    // edits the deleted story before the deletion, and chooses a path later.
    phone.plan.remove_story(story, at(10));
    phone.plan.opportunities.move_to(acme, Stage::Applied, day, at(11));
    laptop.plan.update_story(story, at(5), |story| story.lesson = "Ask first".into());
    laptop.plan.targets.add(TargetKind::Company, "Globex", at(6));
    let teaching = laptop.plan.path.add_option("Teaching", at(7)).unwrap();
    laptop.plan.remove_path_option(teaching, at(8));
    let job = laptop.plan.path.options[0].meta.id;
    laptop.plan.path.choose(Some(job), at(20));

    for merged in [merge(&phone, &laptop).workbook, merge(&laptop, &phone).workbook] {
        assert!(merged.plan.stories.is_empty(), "the story deleted after its last edit stays deleted");
        assert_eq!(merged.plan.opportunities.get(acme).map(|opportunity| opportunity.stage), Some(Stage::Applied));
        assert_eq!(merged.plan.targets.list.len(), 1);
        assert_eq!(merged.plan.path.chosen, Some(job), "the choice made last wins");
        assert_eq!(merged.plan.path.options.len(), 3, "the removed option does not come back");
    }
}
