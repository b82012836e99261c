//! Every text the app writes for the person to send or say (the post, the
//! note to close friends, the messages to one contact, the interview answer)
//! with empty, partial and full data: no placeholder bracket where the data
//! exists, no doubled punctuation, and nothing from the fields meant to stay
//! private (how we know each other, notes, the conversation log).

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::debrief::NoteList;
use comeback::model::example::example_workbook;
use comeback::model::outreach::share::{announcement_text, close_note, message, AnnouncementStyle, MessageKind};
use comeback::model::outreach::{Channel, Contact};
use comeback::model::plan::story::Part;
use comeback::model::words::{clause, doubled_punctuation, sentence};
use comeback::model::{SetbackKind, Workbook};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + seconds, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()
}

/// Private words planted in a contact: none may reach an outgoing text.
const PRIVATE: [&str; 3] = ["Old colleague from the hotel kitchen", "owes me a favour", "talked about the layoff"];

fn private_contact() -> Contact {
    let mut contact = Contact::new("Lena Fischer", at(0));
    contact.how_we_know = PRIVATE[0].into();
    contact.notes = PRIVATE[1].into();
    contact.company = "Harbour Hotels.".into();
    contact
}

/// The three data sets: nothing written, a little, and a whole workbook.
fn workbooks() -> Vec<(&'static str, Workbook)> {
    let empty = Workbook::new(at(0));
    let mut partial = Workbook::new(at(0));
    partial.set_setback(Some(SetbackKind::FiredOrLaidOff), at(1));
    partial.outreach.announcement.pursuing = "a data role.".into();
    let mut full = example_workbook(today(), at(0));
    let lena = full.outreach.push(private_contact(), at(2));
    full.outreach.log_interaction(lena, today(), Channel::Email, PRIVATE[2], at(3));
    vec![("empty", empty), ("partial", partial), ("full", full)]
}

/// The checks every outgoing text passes; `filled` names the data that
/// exists, so no placeholder may stand in for it.
fn check(what: &str, text: &str, filled: &[(&str, bool)]) {
    assert!(doubled_punctuation(text).is_empty(), "{what}: doubled punctuation in {text:?}");
    assert!(!text.contains("  ") && !text.contains(" ,") && !text.contains("( )"), "{what}: {text:?}");
    for private in PRIVATE {
        assert!(!text.contains(private), "{what}: private words {private:?} in {text:?}");
    }
    for (placeholder, exists) in filled {
        if *exists {
            assert!(!text.contains(&format!("[{placeholder}")), "{what}: [{placeholder}] though it exists: {text:?}");
        }
    }
    assert!(!text.contains("[how people can help]"), "{what}: an empty ask is left out, not bracketed");
    assert!(!text.contains("Hi there"), "{what}: {text:?}");
}

// Guards the post and the note: every style and kind, with each data set.
#[test]
fn the_post_and_the_note_read_well_with_any_data() {
    for (name, workbook) in workbooks() {
        let announcement = workbook.announcement_filled();
        let filled = [
            ("what you moved on from", !announcement.moved_on_from.trim().is_empty()),
            ("what you are pursuing", !announcement.pursuing.trim().is_empty()),
        ];
        for kind in SetbackKind::ALL.map(Some).into_iter().chain([None]) {
            for style in AnnouncementStyle::ALL {
                let post = announcement_text(&announcement, style, kind);
                check(&format!("{name} {kind:?} {style:?} post"), &post, &filled);
                if kind == Some(SetbackKind::Stalled) {
                    assert!(!post.contains("moved on"), "someone still in the job cannot post that: {post}");
                }
            }
            for friend in ["", "Sam Lee"] {
                let note = close_note(&announcement, friend, kind);
                check(&format!("{name} {kind:?} note"), &note, &filled);
                let greeting = note.lines().next().unwrap_or_default();
                assert_eq!(greeting, if friend.is_empty() { "Hi," } else { "Hi Sam," });
            }
        }
    }
}

// Guards the full example's words against the bugs seen: "Crumb & Co.." and
// the bracket left in the post although the page says empty fields are filled.
#[test]
fn the_example_post_has_one_full_stop_and_no_brackets() {
    let example = example_workbook(today(), at(0));
    let post = announcement_text(&example.announcement_filled(), AnnouncementStyle::Plain, example.debrief.setback);
    assert!(post.contains("I have moved on from my bakery, Crumb & Co. I am now pursuing"), "{post}");
    assert!(!post.contains('['), "{post}");
    let mut empty_help = example.announcement_filled();
    empty_help.how_to_help = " ".into();
    for style in AnnouncementStyle::ALL {
        let post = announcement_text(&empty_help, style, example.debrief.setback);
        assert!(!post.contains('['), "{style:?}: {post}");
    }
}

// Guards the messages to one person: name and company only, never how we
// know each other or notes; a contact without a name is greeted plainly.
#[test]
fn messages_use_public_words_only() {
    for (name, workbook) in workbooks() {
        let announcement = workbook.announcement_filled();
        let filled = [("what you are pursuing", !announcement.pursuing.trim().is_empty())];
        for contact in [private_contact(), Contact::new("", at(0)), Contact::new("Bilal", at(0))] {
            for kind in MessageKind::ALL {
                for setback in SetbackKind::ALL.map(Some).into_iter().chain([None]) {
                    let (subject, body) = message(kind, &contact, &announcement, setback);
                    assert!(!subject.is_empty());
                    check(&format!("{name} {kind:?} to {:?}", contact.name), &body, &filled);
                    if contact.name.is_empty() {
                        assert!(body.starts_with("Hi,\n"), "{body}");
                    }
                    if setback == Some(SetbackKind::Stalled) {
                        assert!(!body.contains("moved on"), "{body}");
                    }
                }
            }
        }
        let (_, body) = message(MessageKind::AskIntroduction, &private_contact(), &announcement, None);
        assert!(body.contains("someone at Harbour Hotels, or elsewhere"), "{name}: {body}");
    }
}

// Guards the interview answer: suggested parts read as spoken, with no log
// export (no "h", no dates, no categories in brackets), no names of people met.
#[test]
fn the_answer_reads_as_a_person_would_say_it() {
    for (name, workbook) in workbooks() {
        let suggestions = workbook.answer_suggestions();
        let answer = workbook.plan.answer.parts.resolved(&suggestions).assemble();
        check(&format!("{name} answer"), &answer, &[]);
        if let Some(done) = &suggestions.done_since {
            assert!(!done.contains(" h ") && !done.contains("(course") && !done.contains("2026"), "{name}: {done}");
            for person in workbook.mojo.events.iter().flat_map(|event| event.people.iter()) {
                assert!(!done.contains(person.name.trim()), "{name}: people met stay private: {done}");
            }
        }
    }
    let example = example_workbook(today(), at(0));
    let parts = example.answer_suggestions();
    let learned = parts.learned.unwrap();
    assert_eq!(
        learned,
        "Looking back, the biggest lesson for me was this: Test demand for longer before I commit my savings."
    );
    let done = parts.done_since.unwrap();
    assert!(done.starts_with("Since then I have"), "side projects lead: {done}");
    assert!(done.contains("hours"), "{done}");
    for part in Part::ALL {
        assert!(part.prompt().ends_with('.'), "each part asks for what only the person can add");
    }
    assert!(Part::DoneSince.prompt().contains("enjoyed") && Part::DoneSince.prompt().contains("interviewer"));
}

// Guards the answer's parts with partial data: one project, no milestones.
#[test]
fn the_answer_with_partial_data() {
    let mut workbook = Workbook::new(at(0));
    assert_eq!(workbook.answer_suggestions().done_since, None, "nothing to tell yet");
    let project = workbook.mojo.add_project("Recipe blog.", at(1)).unwrap();
    workbook.mojo.log_time(project, today(), 0.5, "", at(2)).unwrap();
    assert_eq!(
        workbook.answer_suggestions().done_since.as_deref(),
        Some("Since then I have been working on Recipe blog, about half an hour so far.")
    );
    workbook.debrief.set_summary("The shop closed", at(3));
    assert_eq!(workbook.answer_suggestions().what_happened.as_deref(), Some("The shop closed."));
    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Keep a cash buffer!", at(4)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(4));
    let learned = workbook.answer_suggestions().learned.unwrap();
    assert!(learned.ends_with("Keep a cash buffer!") && doubled_punctuation(&learned).is_empty(), "{learned}");
}

// Guards the helpers the texts are built with.
#[test]
fn clause_and_sentence_keep_punctuation_single() {
    assert_eq!(clause("  Crumb & Co.  "), "Crumb & Co");
    assert_eq!(clause("a role, "), "a role");
    assert_eq!(clause(""), "");
    assert_eq!(sentence("It ended"), "It ended.");
    assert_eq!(sentence("Did it?"), "Did it?");
    assert_eq!(sentence("  "), "");
    assert_eq!(doubled_punctuation("Co.. and"), vec![3]);
    assert!(doubled_punctuation("Wait... then").is_empty(), "an ellipsis is not a glitch");
    assert_eq!(doubled_punctuation("a ,b"), vec![2]);
}
