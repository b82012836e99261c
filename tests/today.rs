//! The Today page's figures and its one next step, from empty, partial and
//! full workbooks.

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::debrief::NoteList;
use comeback::model::today::NextStep;
use comeback::model::{SetbackKind, Workbook};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + seconds, 0).unwrap()
}

// Thursday 19 November 2026.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()
}

fn summaries(workbook: &Workbook) -> Vec<(bool, String)> {
    workbook.steps_overview(today()).into_iter().map(|step| (step.done, step.summary)).collect()
}

#[test]
fn an_empty_workbook() {
    let workbook = Workbook::new(at(0));
    assert_eq!(
        summaries(&workbook),
        [
            (false, "0 of 7 parts written.".to_owned()),
            (false, "No one on your outreach list yet.".to_owned()),
            (false, "0 h of 20 h this week on side projects.".to_owned()),
            (false, "No actions in your plan yet.".to_owned()),
        ]
    );
    assert_eq!(workbook.next_step(today()), NextStep::FirstSteps);
    assert!(workbook.due_this_week(today()).is_empty());
}

#[test]
fn the_next_step_follows_the_method() {
    let mut workbook = Workbook::new(at(0));
    // Half the checklist done: the debrief comes next.
    let ids: Vec<_> = workbook.first_steps.checklist.iter().take(4).map(|item| item.meta.id).collect();
    for id in ids {
        workbook.first_steps.set_done(id, true, at(1));
    }
    assert_eq!(workbook.next_step(today()), NextStep::BeginDebrief);

    workbook.debrief.set_setback(Some(SetbackKind::FiredOrLaidOff), at(2));
    workbook.debrief.set_summary("Laid off.", at(2));
    assert_eq!(workbook.next_step(today()), NextStep::ContinueDebrief);

    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Ask for feedback early", at(3)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(3));
    workbook.debrief.finish(at(4)).unwrap();
    assert_eq!(workbook.next_step(today()), NextStep::StartOutreach);

    workbook.outreach.add_contact("Amina", "old colleague", None, at(5));
    assert_eq!(workbook.next_step(today()), NextStep::StartSideProject);

    let project = workbook.mojo.add_project("Portfolio site", at(6)).unwrap();
    assert_eq!(workbook.next_step(today()), NextStep::LogHours);
    workbook.mojo.set_weekly_goal(2.0, at(7)).unwrap();
    workbook.mojo.log_time(project, today(), 2.0, "", at(7)).unwrap();
    assert_eq!(workbook.next_step(today()), NextStep::PlanAction);

    workbook.plan.add_action("Apply to two roles", Some(today()), at(8));
    assert_eq!(workbook.next_step(today()), NextStep::DoThisWeek);

    // The full picture.
    assert_eq!(
        summaries(&workbook),
        [
            (true, "Done on 18 November 2026.".to_owned()),
            (true, "1 person on your outreach list.".to_owned()),
            (true, "2 h of 2 h this week on side projects.".to_owned()),
            (false, "0 of 1 actions done.".to_owned()),
        ]
    );
}

#[test]
fn due_this_week_gathers_actions_checklist_and_events_soonest_first() {
    let mut workbook = Workbook::new(at(0));
    let sunday = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let next_monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    workbook.plan.add_action("Send two applications", Some(sunday), at(1));
    workbook.plan.add_action("Later thing", Some(next_monday), at(1));
    let done = workbook.plan.add_action("Already done", Some(today()), at(1)).unwrap();
    workbook.plan.set_done(done, true, at(2));
    let item = workbook.first_steps.checklist[0].meta.id;
    workbook.first_steps.update_item(item, at(3), |item| item.due = Some(today()));
    let event = workbook.mojo.add_event(Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()), at(4));
    workbook.mojo.update_event(event, at(4), |event| event.name = "Rust meetup".into());

    let due: Vec<(String, &str)> = workbook.due_this_week(today()).into_iter().map(|item| (item.what, item.href)).collect();
    assert_eq!(
        due,
        [
            ("Read the exit paperwork before signing anything".to_owned(), "#/first-steps"),
            ("Rust meetup".to_owned(), "#/mojo"),
            ("Send two applications".to_owned(), "#/next"),
        ]
    );
}
