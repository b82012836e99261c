//! The debrief's rules: timeline order and moves, answers and "Why?" depth,
//! factors and lists, the key lesson, closure, progress, and options linked
//! to the plan.

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::debrief::{
    Control, Direction, EventDate, FinishError, NoteList, Session, MAX_WHYS, MIN_SESSION_MINUTES,
};
use comeback::model::plan::ActionOrigin;
use comeback::model::{Debrief, Workbook};
use uuid::Uuid;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> EventDate {
    EventDate::Day { date: NaiveDate::from_ymd_opt(y, m, d).unwrap() }
}

fn event(debrief: &mut Debrief, date: EventDate, what: &str) -> Uuid {
    let id = debrief.add_event(at(0));
    debrief.update_event(id, at(1), |event| {
        event.date = date;
        event.what = what.into();
    });
    id
}

fn shown(debrief: &Debrief) -> Vec<String> {
    debrief.timeline_in_order().iter().map(|event| event.what.clone()).collect()
}

// Guards the display order: dated events by date, undated ones where the person put them.
#[test]
fn timeline_sorts_dated_events_and_keeps_undated_in_place() {
    let mut debrief = Debrief::default();
    event(&mut debrief, day(2025, 6, 1), "June");
    event(&mut debrief, EventDate::Unknown, "undated, second");
    event(&mut debrief, EventDate::Month { year: 2025, month: 3 }, "March (month only)");
    event(&mut debrief, day(2025, 3, 15), "15 March");
    event(&mut debrief, day(2024, 12, 24), "Christmas 2024");
    assert_eq!(shown(&debrief), ["Christmas 2024", "undated, second", "March (month only)", "15 March", "June"]);
}

// Guards keyboard reordering: moves work where they change the order, and only there.
#[test]
fn moving_events_up_and_down() {
    let mut debrief = Debrief::default();
    let a = event(&mut debrief, EventDate::Unknown, "a");
    let b = event(&mut debrief, EventDate::Unknown, "b");
    let c = event(&mut debrief, day(2025, 1, 1), "c");
    let d = event(&mut debrief, day(2025, 2, 1), "d");

    assert!(!debrief.can_move_event(a, Direction::Up), "first cannot go up");
    debrief.move_event(b, Direction::Up, at(5));
    assert_eq!(shown(&debrief), ["b", "a", "c", "d"]);
    assert_eq!(debrief.updated_at, Some(at(5)));

    debrief.move_event(a, Direction::Down, at(6));
    assert_eq!(shown(&debrief), ["b", "c", "a", "d"]);

    debrief.move_event(a, Direction::Down, at(7));
    assert_eq!(shown(&debrief), ["b", "c", "d", "a"]);
    // Two dated events on different dates: their order is the calendar's.
    assert!(!debrief.can_move_event(d, Direction::Up), "c and d are dated differently");
    assert!(!debrief.can_move_event(c, Direction::Down));
    debrief.move_event(d, Direction::Up, at(8));
    assert_eq!(shown(&debrief), ["b", "c", "d", "a"]);
    assert!(!debrief.can_move_event(a, Direction::Down), "last cannot go down");
}

#[test]
fn same_day_events_can_be_swapped() {
    let mut debrief = Debrief::default();
    event(&mut debrief, day(2025, 5, 5), "morning");
    let evening = event(&mut debrief, day(2025, 5, 5), "evening");
    assert!(debrief.can_move_event(evening, Direction::Up));
    debrief.move_event(evening, Direction::Up, at(2));
    assert_eq!(shown(&debrief), ["evening", "morning"]);
}

#[test]
fn removing_an_event() {
    let mut debrief = Debrief::default();
    let gone = event(&mut debrief, EventDate::Unknown, "gone");
    event(&mut debrief, EventDate::Unknown, "kept");
    debrief.remove_event(gone, at(3));
    assert_eq!(shown(&debrief), ["kept"]);
}

#[test]
fn event_date_labels() {
    assert_eq!(day(2025, 3, 7).label(), "7 Mar 2025");
    assert_eq!(EventDate::Month { year: 2025, month: 3 }.label(), "March 2025");
    assert_eq!(EventDate::Unknown.label(), "Date unknown");
}

// Guards the five-whys limit.
#[test]
fn why_drill_stops_at_five_levels() {
    let mut debrief = Debrief::default();
    for level in 1..=MAX_WHYS {
        assert!(debrief.add_why("numbers-low", at(level as i64)), "level {level}");
    }
    assert!(!debrief.add_why("numbers-low", at(9)));
    assert_eq!(debrief.answer("numbers-low").unwrap().whys.len(), MAX_WHYS);
}

#[test]
fn answers_count_only_when_written_and_not_skipped() {
    let mut debrief = Debrief::default();
    debrief.update_answer("time-used", at(1), |answer| answer.text = "Too many meetings.".into());
    debrief.update_answer("training", at(1), |answer| answer.text = "   ".into());
    debrief.update_answer("manager", at(1), |answer| {
        answer.text = "Yes".into();
        answer.skipped = true;
    });
    assert_eq!(debrief.answered_count(), 1);
}

#[test]
fn own_questions_are_added_trimmed_and_removed_with_their_answers() {
    let mut debrief = Debrief::default();
    assert_eq!(debrief.add_own_question("   ", at(1)), None);
    let id = debrief.add_own_question("  Why did I stay so long?  ", at(1)).unwrap();
    assert_eq!(debrief.own_questions[0].text, "Why did I stay so long?");
    debrief.update_answer(&id.to_string(), at(2), |answer| answer.text = "Comfort.".into());
    debrief.remove_own_question(id, at(3));
    assert!(debrief.own_questions.is_empty());
    assert!(debrief.answer(&id.to_string()).is_none());
}

#[test]
fn factors_carry_how_much_was_in_my_control() {
    let mut debrief = Debrief::default();
    let id = debrief.add_factor("Savings ran out", Control::Mine, at(1)).unwrap();
    debrief.update_factor(id, at(2), |factor| factor.control = Control::Partly);
    assert_eq!(debrief.factors[0].control, Control::Partly);
    assert_eq!(Control::from_key("outside"), Some(Control::Outside));
    debrief.remove_factor(id, at(3));
    assert!(debrief.factors.is_empty());
}

// Guards the key lesson: exactly one, and finishing needs it (and the note).
#[test]
fn exactly_one_key_lesson_and_finishing_needs_it() {
    let mut debrief = Debrief::default();
    let first = debrief.add_note(NoteList::Lessons, "Keep six months of savings", at(1)).unwrap();
    let second = debrief.add_note(NoteList::Lessons, "I quit my day job too soon", at(1)).unwrap();
    assert_eq!(debrief.finish(at(2)), Err(FinishError::NoKeyLesson));
    debrief.set_key_lesson(first, at(3));
    debrief.set_key_lesson(second, at(4));
    assert_eq!(debrief.key_lesson().unwrap().text, "I quit my day job too soon");
    debrief.set_key_lesson(Uuid::new_v4(), at(5));
    assert_eq!(debrief.key_lesson, Some(second), "an unknown id changes nothing");
    assert_eq!(debrief.finish(at(6)), Err(FinishError::NoClosureNote), "and the note to oneself");
    debrief.set_closure_note("Time to move on.", at(6));
    assert_eq!(debrief.finish(at(6)), Ok(()));
    assert_eq!(debrief.done_at, Some(at(6)));
    debrief.remove_note(NoteList::Lessons, second, at(7));
    assert_eq!(debrief.key_lesson, None);
    debrief.reopen(at(8));
    assert!(!debrief.is_done());
}

#[test]
fn session_length_never_drops_below_two_hours() {
    let mut session = Session::default();
    assert_eq!(session.minutes, 180);
    session.set_minutes(30);
    assert_eq!(session.minutes, MIN_SESSION_MINUTES);
    let mut debrief = Debrief::default();
    debrief.update_session(at(1), |session| session.minutes = 10);
    assert_eq!(debrief.session.minutes, MIN_SESSION_MINUTES);
}

// Guards the progress indicator against counting empty parts: it follows
// the sequence's parts, in their order, each complete by its own rule.
#[test]
fn progress_follows_what_is_complete() {
    let mut debrief = Debrief::default();
    assert!(debrief.progress().iter().all(|part| !part.filled));
    debrief.set_setback(Some(comeback::model::SetbackKind::Stalled), at(1));
    debrief.set_summary("Same title for five years.", at(1));
    debrief.add_event(at(1));
    let filled = |debrief: &Debrief| {
        debrief.progress().iter().filter(|part| part.filled).map(|part| part.name).collect::<Vec<_>>()
    };
    assert_eq!(filled(&debrief), ["What happened"], "an empty event does not count");
    let lesson = debrief.add_note(NoteList::Lessons, "Ask for the promotion", at(2)).unwrap();
    debrief.set_key_lesson(lesson, at(2));
    debrief.set_closure_note("Enough.", at(3));
    assert_eq!(filled(&debrief), ["What happened", "Lessons and the key lesson"], "closure needs the done mark");
    debrief.finish(at(4)).unwrap();
    assert_eq!(filled(&debrief), ["What happened", "Lessons and the key lesson", "Closure"]);
    assert_eq!(debrief.progress().len(), 9);
}

// Guards the link between an option and its plan action: one action, the option's live text.
#[test]
fn options_sent_to_the_plan_are_linked_not_copied() {
    let mut workbook = Workbook::new(at(0));
    let option = workbook.debrief.add_note(NoteList::Options, "Ask to come back", at(1)).unwrap();
    let action = workbook.send_option_to_plan(option, at(2)).unwrap();
    assert_eq!(workbook.send_option_to_plan(option, at(3)), Some(action), "sent once");
    assert_eq!(workbook.plan.actions.len(), 1);
    workbook.debrief.update_note(NoteList::Options, option, "Ask my old manager to take me back", at(4));
    let item = workbook.plan.action_from(ActionOrigin::DebriefOption { option }).unwrap();
    assert_eq!(workbook.action_title(item), "Ask my old manager to take me back");

    // Deleting the option keeps the action with the last words.
    workbook.remove_option(option, at(5));
    assert!(workbook.debrief.options.is_empty());
    assert_eq!(workbook.plan.actions[0].origin, None);
    assert_eq!(workbook.action_title(&workbook.plan.actions[0]), "Ask my old manager to take me back");
    assert_eq!(workbook.send_option_to_plan(Uuid::new_v4(), at(6)), None);
}
