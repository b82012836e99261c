//! The debrief's guided sequence: the order of its parts and screens, which
//! parts are complete and which can be skipped, what closing needs, and the
//! remembered place (kept in the workbook, merged on its own time).

use chrono::{DateTime, Utc};
use comeback::io::parts;
use comeback::model::debrief::NoteList;
use comeback::model::merge::merge;
use comeback::model::questions::{questions_for, Theme};
use comeback::model::sequence::{Part, QuestionGroup, Screen};
use comeback::model::{Debrief, SetbackKind, Workbook};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn keys(debrief: &Debrief) -> Vec<String> {
    debrief.screens().into_iter().map(Screen::key).collect()
}

// Guards the order the issue names: nine parts, the method's order, each
// numbered from 1, and only the key lesson and closure required.
#[test]
fn nine_parts_in_the_methods_order() {
    let titles: Vec<&str> = Part::ALL.iter().map(|part| part.title()).collect();
    assert_eq!(
        titles,
        [
            "What happened",
            "The quiet block",
            "The timeline",
            "The hard questions",
            "What contributed",
            "What went well, wrong, or lucky",
            "Lessons and the key lesson",
            "Options to weigh",
            "Closure",
        ]
    );
    let numbers: Vec<usize> = Part::ALL.iter().map(|part| part.number()).collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
    let required: Vec<Part> = Part::ALL.into_iter().filter(|part| part.is_required()).collect();
    assert_eq!(required, [Part::Lessons, Part::Closure], "every other part can be skipped");
    for part in Part::ALL {
        assert_eq!(Part::from_key(part.key()), Some(part));
    }
}

// Guards the screens: one a part, the questions one theme a screen (the
// themes asked for this setback, in order) and then the person's own.
#[test]
fn the_questions_take_one_screen_a_theme_asked_for_the_setback() {
    let mut debrief = Debrief::default();
    debrief.set_setback(Some(SetbackKind::BusinessFailed), at(1));
    let asked: Vec<Theme> = Theme::ALL
        .into_iter()
        .filter(|theme| questions_for(debrief.setback).iter().any(|question| question.theme == *theme))
        .collect();
    let mut expected: Vec<String> = ["what-happened", "quiet-block", "timeline"].map(String::from).to_vec();
    expected.extend(asked.iter().map(|theme| format!("questions/{}", theme.key())));
    expected.push("questions/own".into());
    expected.extend(["factors", "looking-back", "lessons", "options", "closure"].map(String::from));
    assert_eq!(keys(&debrief), expected);
    for screen in debrief.screens() {
        assert_eq!(Screen::from_key(&screen.key()), Some(screen), "{}", screen.key());
    }

    // Back and Next walk the same list; the ends have no neighbour.
    let screens = debrief.screens();
    assert_eq!(debrief.previous_screen(screens[0]), None);
    assert_eq!(debrief.next_screen(*screens.last().unwrap()), None);
    for pair in screens.windows(2) {
        assert_eq!(debrief.next_screen(pair[0]), Some(pair[1]));
        assert_eq!(debrief.previous_screen(pair[1]), Some(pair[0]));
    }

    // "Part 4 of 9", and "2 of n" within the questions.
    let second_theme = Screen::Questions(QuestionGroup::Theme(asked[1]));
    let position = debrief.position(second_theme);
    assert_eq!((position.part, position.parts), (4, 9));
    assert_eq!((position.screen_in_part, position.screens_in_part), (2, asked.len() + 1));
    let closure = debrief.position(Screen::Part(Part::Closure));
    assert_eq!((closure.part, closure.screen_in_part, closure.screens_in_part), (9, 1, 1));
}

// Guards a theme that is not asked for the setback: its address opens the
// questions' first screen rather than nothing.
#[test]
fn a_screen_this_debrief_does_not_have_opens_its_part() {
    let mut debrief = Debrief::default();
    debrief.set_setback(Some(SetbackKind::Stalled), at(1));
    let not_asked = Theme::ALL
        .into_iter()
        .find(|theme| !questions_for(debrief.setback).iter().any(|question| question.theme == *theme));
    let first_questions = debrief.screens().into_iter().find(|screen| screen.part() == Part::Questions).unwrap();
    if let Some(theme) = not_asked {
        assert_eq!(debrief.screen_for(Screen::Questions(QuestionGroup::Theme(theme))), first_questions);
    }
    assert_eq!(debrief.screen_for(Screen::Part(Part::Questions)), first_questions);
    assert_eq!(debrief.screen_for(Screen::Part(Part::Options)), Screen::Part(Part::Options));
    assert_eq!(Screen::from_key("questions/nowhere"), None);
    assert_eq!(Screen::from_key("timeline/extra"), None);
}

// Guards "which parts are complete", part by part, as a person fills them.
#[test]
fn each_part_is_complete_by_its_own_rule() {
    let mut debrief = Debrief::default();
    let complete =
        |debrief: &Debrief| Part::ALL.into_iter().filter(|part| debrief.is_complete(*part)).collect::<Vec<_>>();
    assert_eq!(complete(&debrief), []);

    debrief.set_setback(Some(SetbackKind::Stalled), at(1));
    assert!(!debrief.is_complete(Part::WhatHappened), "the kind alone is not what happened");
    debrief.set_summary("Same title for five years.", at(1));
    debrief.update_session(at(1), |session| session.date = chrono::NaiveDate::from_ymd_opt(2026, 12, 5));
    assert!(!debrief.is_complete(Part::QuietBlock), "a date without a start time is not booked");
    debrief.update_session(at(1), |session| session.start = chrono::NaiveTime::from_hms_opt(9, 30, 0));
    let event = debrief.add_event(at(2));
    assert!(!debrief.is_complete(Part::Timeline), "an empty event does not count");
    debrief.update_event(event, at(2), |event| event.what = "New manager".into());
    assert_eq!(complete(&debrief), [Part::WhatHappened, Part::QuietBlock, Part::Timeline]);

    // The questions: every one answered or skipped, at least one answered.
    let asked: Vec<&str> = questions_for(debrief.setback).iter().map(|question| question.id).collect();
    for key in &asked {
        debrief.update_answer(key, at(3), |answer| answer.skipped = true);
    }
    assert!(!debrief.is_complete(Part::Questions), "skipping every question is not a part written");
    debrief.update_answer(asked[0], at(3), |answer| {
        answer.skipped = false;
        answer.text = "Nobody asked what I wanted.".into();
    });
    assert!(debrief.is_complete(Part::Questions));
    let own = debrief.add_own_question("What would I tell a friend?", at(4)).unwrap();
    assert!(!debrief.is_complete(Part::Questions), "an own question waits for its answer");
    assert!(!debrief.is_screen_complete(Screen::Questions(QuestionGroup::Own)));
    let first_theme = debrief.screens().into_iter().find(|screen| screen.part() == Part::Questions).unwrap();
    assert!(debrief.is_screen_complete(first_theme), "a theme is complete on its own");
    debrief.update_answer(&own.to_string(), at(4), |answer| answer.text = "Be kind.".into());
    assert!(debrief.is_complete(Part::Questions));

    debrief.add_factor("No sponsor", comeback::model::debrief::Control::Partly, at(5));
    debrief.add_note(NoteList::Lucky, "A good team", at(5));
    debrief.add_note(NoteList::Options, "Ask for a new role", at(5));
    let lesson = debrief.add_note(NoteList::Lessons, "Ask for what I want", at(6)).unwrap();
    assert!(!debrief.is_complete(Part::Lessons), "a lesson without the key one chosen");
    debrief.set_key_lesson(lesson, at(6));
    debrief.set_closure_note("Enough waiting.", at(7));
    assert!(!debrief.is_complete(Part::Closure), "closure is complete once the debrief is closed");
    debrief.finish(at(8)).unwrap();
    assert_eq!(complete(&debrief), Part::ALL);
}

// Guards what finishing the sequence needs: the required parts, named.
#[test]
fn finishing_needs_the_key_lesson_and_the_note() {
    let mut debrief = Debrief::default();
    assert_eq!(debrief.missing_to_finish(), [Part::Lessons, Part::Closure]);
    assert!(!debrief.core_written());
    let lesson = debrief.add_note(NoteList::Lessons, "Keep a buffer", at(1)).unwrap();
    debrief.set_key_lesson(lesson, at(1));
    assert_eq!(debrief.missing_to_finish(), [Part::Closure]);
    debrief.update_note(NoteList::Lessons, lesson, "  ", at(2));
    assert_eq!(debrief.missing_to_finish(), [Part::Lessons, Part::Closure], "an empty key lesson is not one");
    debrief.update_note(NoteList::Lessons, lesson, "Keep a buffer", at(3));
    debrief.set_closure_note("Time to move on.", at(3));
    assert_eq!(debrief.missing_to_finish(), []);
    assert!(debrief.core_written(), "the progress engine's core is the same rule");
}

// Guards the place: it opens the sequence where the person left off, a
// stale one falls back, and moving does not count as an edit.
#[test]
fn the_place_is_remembered_without_editing_the_debrief() {
    let mut debrief = Debrief::default();
    assert_eq!(debrief.resume_screen(), Screen::Part(Part::WhatHappened));
    debrief.set_summary("x", at(1));
    debrief.set_place(Screen::Part(Part::Factors), at(5));
    assert_eq!(debrief.resume_screen(), Screen::Part(Part::Factors));
    assert_eq!(debrief.updated_at, Some(at(1)), "moving through the parts is not an edit");
    debrief.set_place(Screen::Part(Part::Factors), at(9));
    assert_eq!(debrief.place.as_ref().unwrap().at, at(5), "staying put keeps the time");

    debrief.place.as_mut().unwrap().screen = "a-part-of-a-newer-build".into();
    assert_eq!(debrief.resume_screen(), Screen::Part(Part::WhatHappened));
    debrief.place.as_mut().unwrap().screen = "questions/money".into();
    debrief.set_setback(Some(SetbackKind::ProjectRejected), at(10));
    let resumed = debrief.resume_screen();
    assert_eq!(resumed.part(), Part::Questions, "a theme not asked opens the questions");
    assert!(debrief.screens().contains(&resumed));
}

// Guards the place across devices: the later place wins whichever section
// wins, and it is no change to report.
#[test]
fn the_later_place_wins_a_merge_on_its_own_time() {
    let mut phone = Workbook::new(at(0));
    phone.debrief.set_summary("Laid off in March", at(1));
    let mut laptop = phone.clone();
    laptop.debrief.set_summary("Laid off in March, with 40 others", at(20));
    phone.debrief.set_place(Screen::Part(Part::Lessons), at(30));
    laptop.debrief.set_place(Screen::Part(Part::Timeline), at(10));

    for (ours, theirs) in [(&phone, &laptop), (&laptop, &phone)] {
        let merged = merge(ours, theirs);
        assert_eq!(merged.workbook.debrief.summary, "Laid off in March, with 40 others", "the text edited last");
        assert_eq!(merged.workbook.debrief.resume_screen(), Screen::Part(Part::Lessons), "the place moved last");
    }
    let mut moved = phone.clone();
    moved.debrief.set_place(Screen::Part(Part::Closure), at(40));
    assert!(merge(&phone, &moved).changes.is_empty(), "a place is not a change to what was written");
    assert_eq!(merge(&phone, &moved).workbook.debrief.place, moved.debrief.place);
}

// Guards the place in storage: written in the debrief's part of the stored
// layout, read back as it was, and a move alone is saved.
#[test]
fn the_place_is_stored_with_the_workbook() {
    use comeback::io::namespace::Namespace;
    use comeback::io::stored::{encode, Loaded};
    use std::collections::BTreeMap;
    let namespace = Namespace::from_pathname("/comeback/");
    let read = |storage: &BTreeMap<String, String>| {
        parts::read_document(&namespace, true, |key| Ok::<_, std::convert::Infallible>(storage.get(key).cloned()))
            .unwrap()
    };
    let mut workbook = Workbook::new(at(0));
    workbook.debrief.set_place(Screen::Questions(QuestionGroup::Own), at(3));
    let (writes, written) = parts::split(&namespace, &workbook).unwrap();
    let mut storage: BTreeMap<String, String> = writes.into_iter().collect();
    let document = read(&storage);
    assert_eq!(document.text.as_deref(), Some(encode(&workbook).unwrap().as_str()));
    assert_eq!(document.decode(), Loaded::Current(workbook.clone()));

    workbook.debrief.set_place(Screen::Part(Part::Closure), at(4));
    let save = written.changes(&namespace, &workbook, &parts::Dirty::Lists(Default::default())).unwrap();
    assert!(!save.writes.is_empty(), "moving on is saved");
    for (key, text) in &save.writes {
        storage.insert(key.clone(), text.clone());
    }
    for key in &save.removes {
        storage.remove(key);
    }
    let Loaded::Current(reloaded) = read(&storage).decode() else { panic!("the workbook reads back") };
    assert_eq!(reloaded.debrief.resume_screen(), Screen::Part(Part::Closure));
}

// Guards Today's suggestion: a debrief under way opens the sequence where the
// person left off, one ready to close opens at its closure.
#[test]
fn the_next_step_leads_into_the_sequence() {
    use comeback::model::progress::NextStep;
    use comeback::route::Route;
    assert_eq!(Route::from_hash(NextStep::ContinueDebrief.href()), Route::DebriefGuide(None));
    assert_eq!(Route::from_hash(NextStep::CloseDebrief.href()), Route::DebriefGuide(Some(Screen::Part(Part::Closure))));
    assert_eq!(Route::from_hash(NextStep::BeginDebrief.href()), Route::Debrief, "a first look starts at the overview");
}
