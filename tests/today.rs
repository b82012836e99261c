//! The Today page's figures and its one next step, from empty, partial and
//! full workbooks.

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::debrief::NoteList;
use comeback::model::outreach::share::Posting;
use comeback::model::outreach::Channel;
use comeback::model::plan::Stage;
use comeback::model::progress::EndState;
use comeback::model::progress::NextStep;
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
            (false, "0 of 9 parts written.".to_owned()),
            (false, "No one on your outreach list yet.".to_owned()),
            (false, "No side project or event yet. Rest counts too.".to_owned()),
            (false, "No path chosen yet. No open opportunities. No actions in your plan yet.".to_owned()),
        ]
    );
    assert_eq!(workbook.next_step(), NextStep::FirstSteps);
    assert!(workbook.due_this_week(today()).is_empty());
}

// Guards the overview: each step's summary, and "done" only where the person marked it.
#[test]
fn the_overview_follows_what_is_written_and_marked() {
    let mut workbook = Workbook::new(at(0));
    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Ask for feedback early", at(3)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(3));
    workbook.debrief.set_closure_note("It is behind me now.", at(3));
    workbook.debrief.finish(at(4)).unwrap();
    let amina = workbook.outreach.add_contact("Amina", "old colleague", None, at(5));
    let project = workbook.mojo.add_project("Portfolio site", at(6)).unwrap();
    workbook.mojo.log_time(project, today(), 2.0, "", at(7)).unwrap();
    let job = workbook.plan.path.options[0].meta.id;
    workbook.plan.path.choose(Some(job), at(8));
    let applied = workbook.plan.opportunities.add("Acme", "Analyst", Stage::Applied, today(), at(9)).unwrap();
    workbook.plan.opportunities.add(
        "Globex",
        "Analyst",
        Stage::Applied,
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        at(9),
    );
    workbook.plan.add_action("Apply to two roles", Some(today()), at(10));
    workbook.outreach.log_interaction(amina, today(), Channel::Email, "", at(11));
    workbook.outreach.announcement.postings.push(Posting {
        place: "LinkedIn".into(),
        date: Some(today()),
        ..Posting::default()
    });
    assert_eq!(
        summaries(&workbook),
        [
            (true, "Done on 18 November 2026.".to_owned()),
            (false, "1 person on your outreach list, 1 reached. Your news is posted in 1 place.".to_owned()),
            (false, "2 h on side projects so far, 2 h this week. 1 project, 0 events.".to_owned()),
            (
                false,
                "Path chosen: A new job. 2 open opportunities, 1 moved in the last two weeks. 0 of 1 actions done."
                    .to_owned()
            ),
        ]
    );

    // An accepted offer does not finish the step by itself: the person says so.
    workbook.plan.opportunities.move_to(applied, Stage::Accepted, today(), at(12));
    assert!(!workbook.steps_overview(today())[3].done);
    workbook.outreach.done_at = Some(at(13));
    workbook.mojo.done_at = Some(at(13));
    workbook.plan.mark_done(EndState::JobAccepted, at(14));
    let steps = workbook.steps_overview(today());
    assert!(steps.iter().all(|step| step.done));
    assert_eq!(steps[3].summary, "Done on 18 November 2026: a new job accepted.");
}

#[test]
fn the_share_step_counts_people_reached_before_the_news_is_posted() {
    let mut workbook = Workbook::new(at(0));
    workbook.outreach.add_contact("Amina", "", None, at(1));
    workbook.outreach.add_contact("Bo", "", None, at(1));
    assert_eq!(
        summaries(&workbook)[1],
        (false, "2 people on your outreach list, 0 reached. Your news is not posted yet.".to_owned())
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
    workbook.plan.set_done(done, true, at(2).date_naive(), at(2));
    let item = workbook.first_steps.checklist[0].meta.id;
    workbook.first_steps.update_item(item, at(3), |item| item.due = Some(today()));
    let event = workbook.mojo.add_event(Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()), at(4));
    workbook.mojo.update_event(event, at(4), |event| event.name = "Rust meetup".into());

    // A follow-up due (a message three weeks ago) and an opportunity's next step.
    let ana = workbook.outreach.add_contact("Ana", "", None, at(5));
    workbook.outreach.log_interaction(ana, NaiveDate::from_ymd_opt(2026, 10, 29).unwrap(), Channel::Email, "", at(5));
    let opportunity = workbook.plan.opportunities.add("Acme", "Analyst", Stage::Applied, today(), at(6)).unwrap();
    workbook.plan.opportunities.update(opportunity, at(6), |opportunity| {
        opportunity.next_step = "Send the portfolio".into();
        opportunity.next_date = Some(NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    });

    let due: Vec<(String, &str)> =
        workbook.due_this_week(today()).into_iter().map(|item| (item.what, item.href)).collect();
    assert_eq!(
        due,
        [
            ("Follow up with Ana".to_owned(), "#/share"),
            ("Read the exit paperwork before signing anything".to_owned(), "#/first-steps"),
            ("Rust meetup".to_owned(), "#/mojo"),
            ("Send the portfolio (Analyst at Acme)".to_owned(), "#/next"),
            ("Send two applications".to_owned(), "#/next"),
        ]
    );

    // Once the follow-up is in the plan, it shows once, as the action.
    workbook.send_follow_up_to_plan(ana, at(7));
    let due: Vec<String> = workbook.due_this_week(today()).into_iter().map(|item| item.what).collect();
    assert_eq!(due.iter().filter(|what| what.contains("Follow up with Ana")).count(), 1);
}

#[test]
fn the_example_is_a_whole_realistic_workbook_and_says_it_is_one() {
    let example = comeback::model::example::example_workbook(today(), at(0));
    assert!(example.settings.example && example.settings.welcomed);
    assert_eq!(example.debrief.setback, Some(SetbackKind::BusinessFailed));
    assert!(example.debrief.is_done() && example.debrief.key_lesson().is_some());
    assert_eq!(example.debrief.timeline.len(), 4);

    let contacts = &example.outreach.contacts;
    assert_eq!(contacts.len(), 25);
    let ties: std::collections::HashSet<_> = contacts.iter().filter_map(|contact| contact.tie()).collect();
    assert_eq!(ties.len(), 4, "occasional, rare and close ties, and new contacts");
    assert!(contacts.iter().any(|contact| contact.is_weak_tie() && contact.is_target(&example.plan.targets)));

    assert_eq!(example.mojo.projects.len(), 2);
    let weeks: std::collections::HashSet<_> =
        example.mojo.entries.iter().map(|entry| example.mojo.week_of(entry.date)).collect();
    assert!(weeks.len() >= 3, "several weeks of logged hours: {weeks:?}");
    assert!(example.mojo.events.iter().any(|event| event.attended));
    assert_eq!(example.plan.opportunities.list.len(), 2);
    assert!(example.plan.path.chosen.is_some());
    let answer = example.plan.answer.parts.resolved(&example.answer_suggestions()).assemble();
    assert_eq!(answer.split("\n\n").count(), 4, "a drafted answer in four parts: {answer}");

    // Today has something to show: three steps done, things due, and a next
    // step that matches where she is (path chosen, opportunities moving).
    assert_eq!(example.steps_overview(today()).iter().filter(|step| step.done).count(), 3);
    assert!(!example.due_this_week(today()).is_empty());
    assert_eq!(example.next_step(), NextStep::DoThisWeek);
    let text = serde_json::to_string(&example).unwrap();
    assert_eq!(serde_json::from_str::<Workbook>(&text).unwrap(), example);
}
