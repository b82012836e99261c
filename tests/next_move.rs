//! Step 4, the next move: weighted path scores, targets, opportunities and
//! their stage history, the failure answer built from the rest of the
//! workbook, speaking time, the activity report and its exports, the dated
//! actions as a calendar.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use comeback::io::actions_ics::write_actions_ics;
use comeback::io::activity_report::{report_csv, report_markdown, CSV_COLUMNS};
use comeback::io::csv::read_records;
use comeback::model::debrief::NoteList;
use comeback::model::outreach::{Channel, Contact};
use comeback::model::plan::opportunities::{SourceKind, Stage, StageChange};
use comeback::model::plan::path::TypedScore;
use comeback::model::plan::report::{ActivityKind, DateRange};
use comeback::model::plan::story::{clock_label, length_advice, speaking_seconds, word_count, Part, Parts};
use comeback::model::plan::TargetKind;
use comeback::model::Workbook;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

#[test]
fn new_workbooks_start_with_three_paths_and_four_criteria_once() {
    let mut workbook = Workbook::new(at(0));
    let path = &workbook.plan.path;
    let names: Vec<&str> = path.options.iter().map(|option| option.name.as_str()).collect();
    assert_eq!(names, ["A new job", "Freelancing", "A new business"]);
    let criteria: Vec<&str> = path.criteria.iter().map(|criterion| criterion.name.as_str()).collect();
    assert_eq!(criteria, ["Income stability", "Interest", "Skills fit", "Time to first income"]);

    let freelancing = workbook.plan.path.options[1].meta.id;
    workbook.plan.remove_path_option(freelancing, at(1));
    workbook.ensure_defaults(at(2));
    assert_eq!(workbook.plan.path.options.len(), 2, "a removed default stays removed");
    assert!(workbook.is_empty(), "defaults alone are not something the person wrote");
}

#[test]
fn weighted_scores_follow_the_weights_and_say_how_much_is_scored() {
    let mut workbook = Workbook::new(at(0));
    let path = &mut workbook.plan.path;
    let [job, freelance, business] = [0, 1, 2].map(|index| path.options[index].meta.id);
    let [stability, interest, skills, time] = [0, 1, 2, 3].map(|index| path.criteria[index].meta.id);

    // Stability matters most; time to first income not at all.
    path.set_weight(stability, 5, at(1));
    path.set_weight(interest, 2, at(1));
    path.set_weight(skills, 3, at(1));
    path.set_weight(time, 0, at(1));
    for (criterion, score) in [(stability, 5), (interest, 2), (skills, 4), (time, 0)] {
        path.set_score(job, criterion, Some(score), at(2));
    }
    for (criterion, score) in [(stability, 1), (interest, 5), (skills, 4), (time, 5)] {
        path.set_score(freelance, criterion, Some(score), at(2));
    }

    // Job: (5×5 + 2×2 + 3×4) / (5+2+3)×5 = 41/50 = 82%.
    let job_score = path.score(&path.options[0]);
    assert_eq!((job_score.percent, job_score.scored, job_score.criteria), (82, 3, 3));
    // Freelancing: (5×1 + 2×5 + 3×4) / 50 = 27/50 = 54%; the weight-0 criterion is ignored.
    assert_eq!(path.score(&path.options[1]).percent, 54);
    let business_score = path.score(&path.options[2]);
    assert_eq!((business_score.percent, business_score.scored), (0, 0), "nothing scored yet");
    assert_eq!(path.leader(), Some(job));

    path.set_score(job, stability, Some(9), at(3));
    assert_eq!(path.options[0].scores[&stability], 5, "scores are capped at 5");
    path.set_score(job, stability, None, at(3));
    assert_eq!(path.score(&path.options[0]).scored, 2);

    // The choice is kept, can change, and goes with a removed option.
    path.choose(Some(freelance), at(4));
    assert_eq!(path.chosen_option().map(|option| option.name.as_str()), Some("Freelancing"));
    path.choose(Some(business), at(5));
    assert_eq!(path.chosen_at, Some(at(5)));
    workbook.plan.remove_path_option(business, at(6));
    let path = &mut workbook.plan.path;
    assert_eq!(path.chosen, None);

    // A criterion of their own; removing it removes its scores.
    let own = path.add_criterion("Close to home", at(7)).unwrap();
    path.set_score(job, own, Some(3), at(7));
    workbook.plan.remove_criterion(own, at(8));
    let path = &mut workbook.plan.path;
    assert!(!path.options[0].scores.contains_key(&own));

    // No weight anywhere: no score, no division by zero.
    for criterion in [stability, interest, skills, time] {
        path.set_weight(criterion, 0, at(9));
    }
    assert_eq!(path.score(&path.options[0]).percent, 0);
    assert_eq!(path.leader(), None);
}

#[test]
fn a_typed_score_is_read_within_the_scale() {
    for (typed, read) in [
        ("", TypedScore::Empty),
        ("  ", TypedScore::Empty),
        ("0", TypedScore::Score(0)),
        ("4", TypedScore::Score(4)),
        (" 3 ", TypedScore::Score(3)),
        ("2.6", TypedScore::Score(3)),
        ("2,4", TypedScore::Score(2)),
        ("9", TypedScore::Score(5)),
        ("-2", TypedScore::Score(0)),
        ("abc", TypedScore::Unreadable),
        ("inf", TypedScore::Unreadable),
        ("NaN", TypedScore::Unreadable),
    ] {
        assert_eq!(TypedScore::read(typed), read, "{typed:?}");
    }
}

#[test]
fn opportunities_keep_a_dated_history_of_stages() {
    let mut workbook = Workbook::new(at(0));
    let opportunities = &mut workbook.plan.opportunities;
    assert_eq!(opportunities.add("  ", "", Stage::Idea, day(2026, 11, 1), at(1)), None, "nothing to name it by");
    let id = opportunities.add("Acme", "Data engineer", Stage::Idea, day(2026, 11, 1), at(1)).unwrap();
    opportunities.move_to(id, Stage::Applied, day(2026, 11, 3), at(2));
    opportunities.move_to(id, Stage::Applied, day(2026, 11, 4), at(3));
    opportunities.move_to(id, Stage::Interviewing, day(2026, 11, 10), at(4));
    let opportunity = opportunities.get(id).unwrap();
    assert_eq!(
        opportunity.history,
        vec![
            StageChange { stage: Stage::Idea, on: day(2026, 11, 1) },
            StageChange { stage: Stage::Applied, on: day(2026, 11, 3) },
            StageChange { stage: Stage::Interviewing, on: day(2026, 11, 10) },
        ],
        "moving to the stage it is in records nothing"
    );
    assert_eq!(opportunity.stage_since(), Some(day(2026, 11, 10)));
    assert_eq!(opportunity.title(), "Data engineer at Acme");
    assert_eq!(opportunities.in_stage(Stage::Interviewing), vec![id]);
    assert_eq!(opportunities.open_count(), 1);

    // The usual road, forwards and back.
    assert_eq!(Stage::Idea.next(), Some(Stage::Applied));
    assert_eq!(Stage::Offer.next(), Some(Stage::Accepted));
    assert_eq!(Stage::Rejected.next(), None);
    assert_eq!(Stage::Idea.previous(), None);
    assert_eq!(Stage::Declined.previous(), Some(Stage::Offer));
    opportunities.move_to(id, Stage::Rejected, day(2026, 11, 20), at(5));
    assert_eq!(opportunities.open_count(), 0);
    for stage in Stage::ALL {
        assert_eq!(Stage::from_key(stage.key()), Some(stage));
    }
}

#[test]
fn speaking_time_is_about_140_words_a_minute() {
    assert_eq!(word_count("  I was laid off — in March, with 40 others.  "), 9, "a lone dash is not a word");
    assert_eq!(word_count(""), 0);
    assert_eq!(speaking_seconds(140), 60);
    assert_eq!(speaking_seconds(210), 90);
    assert_eq!(speaking_seconds(1), 0);
    assert_eq!(speaking_seconds(2), 1);
    assert_eq!(clock_label(75), "1:15");
    assert_eq!(length_advice(0), "Nothing to say out loud yet.");
    assert!(length_advice(45).starts_with("Shorter"));
    assert!(length_advice(60).starts_with("Within"));
    assert!(length_advice(90).starts_with("Within"));
    assert!(length_advice(91).starts_with("Longer"));
}

#[test]
fn the_answer_is_suggested_from_the_debrief_mojo_and_targets_until_written() {
    let mut workbook = Workbook::new(at(0));
    let empty = workbook.answer_suggestions();
    assert_eq!(empty, Parts::default(), "nothing written anywhere: nothing suggested");
    assert_eq!(workbook.plan.answer.parts.resolved(&empty).assemble(), "");

    workbook.debrief.summary = "  My shop closed after two slow winters.  ".into();
    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Test demand before building stock.", at(1)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(1));
    let suggestions = workbook.answer_suggestions();
    assert_eq!(suggestions.what_happened.as_deref(), Some("My shop closed after two slow winters."));
    assert_eq!(
        suggestions.learned.as_deref(),
        Some("Looking back, the biggest lesson for me was this: Test demand before building stock.")
    );
    assert_eq!(suggestions.done_since, None, "no hours or events yet");
    assert_eq!(suggestions.why_ready, None);

    let project = workbook.mojo.add_project("Pricing course", at(2)).unwrap();
    workbook.mojo.log_time(project, day(2026, 11, 2), 12.0, "", at(2)).unwrap();
    workbook.plan.targets.add(TargetKind::Role, "operations manager", at(3));
    let suggestions = workbook.answer_suggestions();
    assert!(
        suggestions
            .done_since
            .as_deref()
            .is_some_and(|text| text.contains("12 hours") && text.contains("Pricing course")),
        "{suggestions:?}"
    );
    assert!(suggestions.why_ready.as_deref().is_some_and(|text| text.contains("operations manager")));

    // Own words win; an empty own part leaves the part out of the answer.
    workbook.plan.answer.set_part(Part::Learned, Some("I learned to ask before I build.".into()), at(4));
    workbook.plan.answer.set_part(Part::WhyReady, Some(String::new()), at(4));
    let answer = workbook.plan.answer.parts.resolved(&suggestions).assemble();
    let paragraphs: Vec<&str> = answer.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3, "{answer}");
    assert_eq!(paragraphs[0], "My shop closed after two slow winters.");
    assert_eq!(paragraphs[1], "I learned to ask before I build.");

    // Versions keep the parts as they read, suggestions written out; an empty one is not kept.
    let resolved = workbook.plan.answer.parts.resolved(&suggestions);
    let first = workbook.plan.answer.save_version("", resolved, at(5)).unwrap();
    assert_eq!(workbook.plan.answer.versions[0].name, "Version 1");
    assert_eq!(workbook.plan.answer.versions[0].text(), answer);
    assert_eq!(workbook.plan.answer.save_version("Empty", Parts::default(), at(6)), None);
    workbook.plan.answer.set_part(Part::WhatHappened, Some("I closed my shop.".into()), at(7));
    workbook.plan.answer.use_version(first, at(8));
    assert_eq!(
        workbook.plan.answer.parts.resolved(&Parts::default()).assemble(),
        answer,
        "the version comes back whole"
    );
    workbook.plan.remove_answer_version(first, at(9));
    assert_eq!(workbook.plan.answer.versions.len(), 0);
}

fn report_workbook() -> Workbook {
    let mut workbook = Workbook::new(at(0));
    let ana = workbook
        .outreach
        .push(Contact { company: "Acme".into(), role: "CTO".into(), ..Contact::new("Ana Lopez", at(0)) }, at(0));
    workbook.outreach.log_interaction(
        ana,
        day(2026, 11, 2),
        Channel::Email,
        "=HYPERLINK(\"x\") asked for an intro, \"soon\"",
        at(1),
    );
    workbook.outreach.log_interaction(ana, day(2026, 10, 30), Channel::Call, "", at(1));
    let opportunities = &mut workbook.plan.opportunities;
    let id = opportunities.add("Acme", "Data engineer", Stage::Idea, day(2026, 11, 1), at(2)).unwrap();
    opportunities.update(id, at(2), |opportunity| {
        opportunity.source = SourceKind::Contact;
        opportunity.contact = Some(ana);
    });
    opportunities.move_to(id, Stage::Applied, day(2026, 11, 3), at(3));
    opportunities.move_to(id, Stage::Interviewing, day(2026, 11, 30), at(4));
    let event = workbook.mojo.add_event(Some(day(2026, 11, 3)), at(5));
    workbook.mojo.update_event(event, at(5), |event| {
        event.name = "Ops meetup".into();
        event.attended = true;
        event.place = "Library, room 2".into();
    });
    let planned = workbook.mojo.add_event(Some(day(2026, 11, 4)), at(6));
    workbook.mojo.update_event(planned, at(6), |event| event.name = "Not gone yet".into());
    workbook
}

#[test]
fn the_activity_report_keeps_only_the_chosen_dates_oldest_first() {
    let workbook = report_workbook();
    let range = DateRange::new(day(2026, 11, 29), day(2026, 11, 1));
    assert_eq!(range.from, day(2026, 11, 1), "ends given the wrong way round are swapped");
    let lines = workbook.activity_report(range);
    let summary: Vec<(NaiveDate, ActivityKind)> = lines.iter().map(|line| (line.date, line.kind)).collect();
    assert_eq!(
        summary,
        vec![
            (day(2026, 11, 2), ActivityKind::ContactReached),
            (day(2026, 11, 3), ActivityKind::Application),
            (day(2026, 11, 3), ActivityKind::EventAttended),
        ],
        "the idea, the call before the range, the interview after it and the planned event are left out"
    );
    assert_eq!(lines[0].what, "Contacted Ana Lopez (CTO at Acme)");
    assert_eq!(lines[1].what, "Applied: Data engineer at Acme");
    assert_eq!(lines[1].details, "Through Ana Lopez");
    assert_eq!(lines[2].what, "Attended Ops meetup (meetup)");

    let one_day = workbook.activity_report(DateRange::new(day(2026, 11, 30), day(2026, 11, 30)));
    assert_eq!(one_day.len(), 1, "both ends are included");
    assert_eq!(one_day[0].what, "Interviewing: Data engineer at Acme");
}

#[test]
fn the_report_exports_escape_what_spreadsheets_and_markdown_would_run() {
    let workbook = report_workbook();
    let range = DateRange::new(day(2026, 11, 1), day(2026, 11, 29));
    let lines = workbook.activity_report(range);

    let csv = report_csv(&lines);
    let records = read_records(&csv);
    assert_eq!(records[0], CSV_COLUMNS);
    assert_eq!(records.len(), 4);
    assert_eq!(records[1][0], "2026-11-02");
    assert_eq!(records[1][3], "Email: =HYPERLINK(\"x\") asked for an intro, \"soon\"");
    // The note sits inside "Email: …", so it starts no formula; a value that starts with = is escaped.
    let formula = comeback::model::plan::report::Activity {
        date: day(2026, 11, 5),
        kind: ActivityKind::ContactReached,
        what: "=cmd|' /C calc'!A0".into(),
        details: "@SUM(1)".into(),
    };
    let escaped = read_records(&report_csv(&[formula]));
    assert_eq!(escaped[1][2], "'=cmd|' /C calc'!A0");
    assert_eq!(escaped[1][3], "'@SUM(1)");

    let markdown = report_markdown(range, &lines);
    assert!(markdown.starts_with("# Job search activity\n\nFrom 1 November 2026 to 29 November 2026."));
    assert!(markdown.contains("- Application: 1\n- Stage change: 0\n- Contact reached: 1\n- Event attended: 1"));
    assert!(markdown.contains("## Monday 2 November 2026"));
    assert!(markdown.contains("- **Application:** Applied: Data engineer at Acme — Through Ana Lopez"));
    assert!(markdown.contains("\\=HYPERLINK") || markdown.contains("=HYPERLINK"), "text kept");
    assert!(!markdown.contains("<script"));
    assert_eq!(report_markdown(range, &[]).lines().last(), Some("No activity recorded in this period."));
}

#[test]
fn dated_open_actions_become_calendar_events() {
    let mut workbook = Workbook::new(at(0));
    let plan = &mut workbook.plan;
    let call = plan.add_action("Call Ana about the opening", Some(day(2026, 12, 2)), at(1)).unwrap();
    let done = plan.add_action("Update CV", Some(day(2026, 12, 1)), at(1)).unwrap();
    plan.set_done(done, true, at(2).date_naive(), at(2));
    plan.add_action("Someday: learn Go", None, at(1));
    let dated = plan.dated_open_actions();
    assert_eq!(dated.len(), 1);
    let nine = |date: NaiveDate| Utc.from_local_datetime(&date.and_hms_opt(9, 0, 0)?).single();
    let ics = write_actions_ics(&dated, |action| action.title.clone(), nine, at(3));
    assert!(ics.contains(&format!("UID:action-{call}@comeback")));
    assert!(ics.contains("SUMMARY:Call Ana about the opening"));
    assert!(ics.contains("DTSTART:20261202T090000Z"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn follow_ups_and_milestones_can_join_the_plan_and_show_their_source() {
    let mut workbook = Workbook::new(at(0));
    let ana = workbook.outreach.push(Contact::new("Ana", at(0)), at(0));
    workbook.outreach.log_interaction(ana, day(2026, 11, 20), Channel::Email, "", at(1));
    let action = workbook.send_follow_up_to_plan(ana, at(2)).unwrap();
    assert_eq!(workbook.send_follow_up_to_plan(ana, at(3)), Some(action), "once per contact");
    let item = workbook.plan.actions.iter().find(|item| item.meta.id == action).unwrap().clone();
    assert_eq!(workbook.action_title(&item), "Follow up with Ana");
    assert_eq!(item.due, workbook.outreach.contact(ana).unwrap().next_follow_up());
    workbook.outreach.update_contact(ana, at(4), |contact| contact.name = "Ana Lopez".into());
    assert_eq!(workbook.action_title(&item), "Follow up with Ana Lopez", "the source's current words");

    let project = workbook.mojo.add_project("Portfolio site", at(5)).unwrap();
    let milestone = workbook.mojo.add_milestone(project, "First case study online", at(5)).unwrap();
    let linked = workbook.send_milestone_to_plan(project, milestone, at(6)).unwrap();
    let item = workbook.plan.actions.iter().find(|item| item.meta.id == linked).unwrap().clone();
    assert_eq!(workbook.action_title(&item), "First case study online (Portfolio site)");
}

#[test]
fn the_plan_round_trips_through_json() {
    let mut workbook = report_workbook();
    workbook.plan.targets.add(TargetKind::Company, "Acme", at(1));
    let id = workbook.plan.path.options[0].meta.id;
    let criterion = workbook.plan.path.criteria[0].meta.id;
    workbook.plan.path.set_score(id, criterion, Some(4), at(1));
    workbook.plan.path.choose(Some(id), at(1));
    workbook.plan.answer.set_part(Part::WhatHappened, Some("It closed.".into()), at(1));
    let story = workbook.plan.add_story("A time I disagreed", at(1)).unwrap();
    workbook.plan.update_story(story, at(2), |story| story.result = "We shipped.".into());
    let text = serde_json::to_string(&workbook).unwrap();
    let back: Workbook = serde_json::from_str(&text).unwrap();
    assert_eq!(back, workbook);
}
