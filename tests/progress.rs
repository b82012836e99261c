//! The next-step engine (`model::progress`): for each kind of setback and
//! each way of finishing the next move, a workbook walked stage by stage from
//! the welcome to "comeback complete", with the one next step at each stage.

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::debrief::NoteList;
use comeback::model::outreach::share::Posting;
use comeback::model::outreach::Channel;
use comeback::model::plan::path::{FREELANCING, NEW_BUSINESS, NEW_JOB};
use comeback::model::plan::Stage;
use comeback::model::progress::{EndState, NextStep, Step, StepState, FIRST_GROUP};
use comeback::model::words::doubled_punctuation;
use comeback::model::{SetbackKind, Workbook};
use uuid::Uuid;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000 + seconds, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()
}

/// How the person's next move ends, and the path that leads there.
#[derive(Clone, Copy, Debug)]
enum Path {
    /// One of the three starting options.
    Start(u128),
    /// An option of the person's own ("A new role where I am"), whose end
    /// they name themselves.
    Own(EndState),
}

/// One stage of the walk: what the person does, and the next step after it.
type Move = (&'static str, fn(&mut Workbook, Path), NextStep);

fn tick_half_the_checklist(workbook: &mut Workbook, _: Path) {
    let kind = workbook.debrief.setback;
    let ids: Vec<Uuid> = workbook.first_steps.items_for(kind).map(|item| item.meta.id).collect();
    for id in ids.iter().take(ids.len().div_ceil(2)) {
        workbook.first_steps.set_done(*id, true, at(1));
    }
}

fn write_what_happened(workbook: &mut Workbook, _: Path) {
    workbook.debrief.set_summary("It ended in March.", at(2));
}

fn write_lesson_and_closure(workbook: &mut Workbook, _: Path) {
    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Ask for feedback early", at(3)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(3));
    workbook.debrief.set_closure_note("It is behind me now.", at(3));
}

fn close_debrief(workbook: &mut Workbook, _: Path) {
    workbook.debrief.finish(at(4)).unwrap();
}

fn add_a_contact(workbook: &mut Workbook, _: Path) {
    workbook.outreach.add_contact("Amina Diallo", "old colleague", None, at(5));
}

fn tell_a_first_group(workbook: &mut Workbook, _: Path) {
    for name in ["Bo", "Chen"] {
        workbook.outreach.add_contact(name, "", None, at(6));
    }
    let ids: Vec<Uuid> = workbook.outreach.contacts.iter().map(|contact| contact.meta.id).collect();
    assert_eq!(ids.len(), FIRST_GROUP);
    for id in ids {
        workbook.outreach.log_interaction(id, today(), Channel::Email, "", at(6));
    }
}

fn mark_shared(workbook: &mut Workbook, _: Path) {
    workbook.outreach.set_done(true, at(7));
}

fn start_a_project(workbook: &mut Workbook, _: Path) {
    workbook.mojo.add_project("Portfolio site", at(8));
}

fn log_some_hours(workbook: &mut Workbook, _: Path) {
    let project = workbook.mojo.projects[0].meta.id;
    workbook.mojo.log_time(project, today(), 1.5, "", at(9)).unwrap();
}

fn mark_mojo(workbook: &mut Workbook, _: Path) {
    workbook.mojo.set_done(true, at(10));
}

fn choose_the_path(workbook: &mut Workbook, path: Path) {
    let option = match path {
        Path::Start(id) => Uuid::from_u128(id),
        Path::Own(_) => workbook.plan.path.add_option("A new role where I am", at(11)).unwrap(),
    };
    workbook.plan.path.choose(Some(option), at(11));
}

fn name_the_end(workbook: &mut Workbook, path: Path) {
    if let Path::Own(end) = path {
        workbook.plan.set_end_state(Some(end), at(12));
    }
}

fn add_an_opportunity(workbook: &mut Workbook, _: Path) {
    workbook.plan.opportunities.add("Acme", "Analyst", Stage::Applied, today(), at(13));
}

fn plan_an_action(workbook: &mut Workbook, _: Path) {
    workbook.plan.add_action("Send two applications", Some(today()), at(14));
}

fn accept_the_offer(workbook: &mut Workbook, _: Path) {
    let id = workbook.plan.opportunities.list[0].meta.id;
    workbook.plan.opportunities.move_to(id, Stage::Accepted, today(), at(15));
}

fn mark_the_move_made(workbook: &mut Workbook, _: Path) {
    let end = workbook.plan.end_in_view().unwrap();
    workbook.plan.mark_done(end, at(16));
}

/// The walk for one kind of setback and one path: the stages up to the
/// choice of path are the same for everyone; after it, a job or a new role
/// goes through opportunities, freelancing and a business through actions.
fn walk(path: Path) -> Vec<Move> {
    let mut stages: Vec<Move> = vec![
        ("half the checklist ticked", tick_half_the_checklist, NextStep::BeginDebrief),
        ("what happened written", write_what_happened, NextStep::ContinueDebrief),
        ("lesson and closure written", write_lesson_and_closure, NextStep::CloseDebrief),
        ("debrief closed", close_debrief, NextStep::StartOutreach),
        ("a first contact", add_a_contact, NextStep::TellPeople),
        ("a first group told", tell_a_first_group, NextStep::MarkShared),
        ("share marked done", mark_shared, NextStep::StartSideProject),
        ("a side project", start_a_project, NextStep::KeepMoving),
        ("some hours logged", log_some_hours, NextStep::MarkMojo),
        ("mojo marked done", mark_mojo, NextStep::ChoosePath),
    ];
    let job_like = matches!(path, Path::Start(NEW_JOB) | Path::Own(EndState::JobAccepted | EndState::NewRole));
    match path {
        Path::Own(_) => {
            stages.push(("own path chosen", choose_the_path, NextStep::NameEnd));
            stages.push((
                "end named",
                name_the_end,
                if job_like { NextStep::TrackOpportunity } else { NextStep::PlanAction },
            ));
        }
        Path::Start(_) => stages.push((
            "path chosen",
            choose_the_path,
            if job_like { NextStep::TrackOpportunity } else { NextStep::PlanAction },
        )),
    }
    if job_like {
        stages.push(("an opportunity", add_an_opportunity, NextStep::PlanAction));
        stages.push(("an action", plan_an_action, NextStep::DoThisWeek));
        stages.push(("offer accepted", accept_the_offer, NextStep::MarkMoveMade));
    } else {
        stages.push(("an action", plan_an_action, NextStep::DoThisWeek));
    }
    stages.push(("move marked made", mark_the_move_made, NextStep::ComebackComplete));
    stages
}

/// The paths that fit each kind: anyone can take the three starting paths;
/// someone in a stalled career may also aim for a new role where they are.
fn paths_for(kind: SetbackKind) -> Vec<Path> {
    let mut paths = vec![Path::Start(NEW_JOB), Path::Start(FREELANCING), Path::Start(NEW_BUSINESS)];
    if kind == SetbackKind::Stalled {
        paths.push(Path::Own(EndState::NewRole));
    }
    if kind == SetbackKind::Other {
        paths.push(Path::Own(EndState::FirstClient));
    }
    paths
}

// Guards the whole path: for every kind and every way to finish, each stage
// leads to the next step of the method, ending in "comeback complete".
#[test]
fn every_kind_walks_every_path_to_comeback_complete() {
    for kind in SetbackKind::ALL {
        for path in paths_for(kind) {
            let mut workbook = Workbook::new(at(0));
            workbook.set_setback(Some(kind), at(0));
            // Choosing a kind on the welcome is not "debrief under way".
            assert_eq!(workbook.next_step(), NextStep::FirstSteps, "{kind:?} {path:?}: at the welcome");
            for (name, act, expected) in walk(path) {
                act(&mut workbook, path);
                assert_eq!(workbook.next_step(), expected, "{kind:?} {path:?}: after {name}");
                // Each suggestion reads well for this kind and leads somewhere.
                let message = expected.message(Some(kind));
                assert!(!message.is_empty() && doubled_punctuation(message).is_empty(), "{message}");
                assert!(expected.href().starts_with("#/"));
            }
            let states = workbook.step_states();
            assert!(states.iter().all(|state| state.is_done()), "{kind:?} {path:?}: {states:?}");
            let end = workbook.plan.end_state.expect("the end reached is kept");
            let expected_end = match path {
                Path::Start(NEW_JOB) => EndState::JobAccepted,
                Path::Start(FREELANCING) => EndState::FirstClient,
                Path::Start(_) => EndState::BusinessLaunched,
                Path::Own(end) => end,
            };
            assert_eq!(end, expected_end, "{kind:?} {path:?}");
        }
    }
}

// Guards the "never lets go" bug: once a step is marked done, no weekly
// quota brings it back, whatever the week; rest counts as a start.
#[test]
fn a_done_step_stays_done_and_rest_counts() {
    let mut workbook = Workbook::new(at(0));
    workbook.mojo.set_downtime_until(NaiveDate::from_ymd_opt(2026, 12, 1), at(1));
    assert_eq!(workbook.mojo.step_state(), StepState::Ready, "planned rest is part of the method");
    workbook.mojo.set_done(true, at(2));
    assert_eq!(workbook.mojo.step_state(), StepState::Done);
    assert_eq!(workbook.mojo.weekly_hours_goal, 20.0);
    assert_eq!(workbook.mojo.hours_in_week(workbook.mojo.week_of(today()), None), 0.0);
    assert!(workbook.steps_overview(today())[2].done, "0 h this week does not undo it");
    workbook.mojo.set_done(false, at(3));
    assert_eq!(workbook.mojo.step_state(), StepState::Ready, "reopened, it is offered again");
}

// Guards each step's own state: it reads its own section only, and the core
// that makes "mark it done" available is the one the method names.
#[test]
fn each_step_state_reads_its_own_core() {
    let mut workbook = Workbook::new(at(0));
    assert_eq!(workbook.step_states(), [StepState::NotStarted; 4]);

    workbook.set_setback(Some(SetbackKind::Stalled), at(1));
    assert_eq!(workbook.debrief.step_state(), StepState::NotStarted, "a kind alone is not a debrief");
    let lesson = workbook.debrief.add_note(NoteList::Lessons, "Speak up sooner", at(2)).unwrap();
    workbook.debrief.set_key_lesson(lesson, at(2));
    assert_eq!(workbook.debrief.step_state(), StepState::UnderWay, "the closure is still to write");
    workbook.debrief.set_closure_note("Enough waiting.", at(3));
    assert_eq!(workbook.debrief.step_state(), StepState::Ready);

    workbook.outreach.announcement.postings.push(Posting { place: "LinkedIn".into(), ..Posting::default() });
    assert_eq!(workbook.outreach.step_state(), StepState::Ready, "posting the news is enough to offer it");

    let event = workbook.mojo.add_event(Some(today()), at(4));
    workbook.mojo.update_event(event, at(4), |event| event.name = "Design meetup".into());
    assert_eq!(workbook.mojo.step_state(), StepState::Ready, "an event under way counts");

    let freelance = Uuid::from_u128(FREELANCING);
    workbook.plan.path.choose(Some(freelance), at(5));
    assert_eq!(workbook.plan.end_in_view(), Some(EndState::FirstClient));
    assert_eq!(workbook.plan.step_state(), StepState::Ready, "the person says when the first client paid");
    workbook.plan.set_end_state(Some(EndState::BusinessLaunched), at(6));
    assert_eq!(workbook.plan.end_in_view(), Some(EndState::BusinessLaunched), "their own word wins");
    assert!(!workbook.plan.end_shows_reached(), "only the person can say a business is launched");
    assert_eq!(Step::ALL.map(Step::number), [1, 2, 3, 4]);
    assert_eq!(Step::NextMove.next(), None);
}

// Guards the kinds: the side-project goal and the checklist follow the
// kind of setback, and a goal the person set stays theirs.
#[test]
fn the_kind_of_setback_sets_the_goal_and_the_checklist() {
    let titles = |workbook: &Workbook| -> Vec<String> {
        workbook.first_steps.items_for(workbook.debrief.setback).map(|item| item.title.clone()).collect()
    };
    let mut workbook = Workbook::new(at(0));
    workbook.set_setback(Some(SetbackKind::Stalled), at(1));
    assert_eq!(workbook.mojo.weekly_hours_goal, 5.0, "evening hours for someone still in a job");
    let stalled = titles(&workbook);
    assert!(
        stalled.iter().all(|title| !title.contains("unemployment") && !title.contains("exit paperwork")),
        "{stalled:?}"
    );
    assert!(stalled.iter().any(|title| title.contains("manager")), "{stalled:?}");
    assert!(stalled.iter().any(|title| title.contains("device of your own")), "{stalled:?}");

    workbook.set_setback(Some(SetbackKind::FiredOrLaidOff), at(2));
    assert_eq!(workbook.mojo.weekly_hours_goal, 20.0);
    assert!(titles(&workbook).iter().any(|title| title.contains("unemployment")));

    workbook.set_setback(Some(SetbackKind::BusinessFailed), at(3));
    let business = titles(&workbook);
    assert!(business.iter().any(|title| title.contains("Close or pause the business")), "{business:?}");
    assert!(business.iter().all(|title| !title.contains("unemployment")), "{business:?}");

    workbook.set_setback(Some(SetbackKind::ProjectRejected), at(4));
    assert_eq!(workbook.mojo.weekly_hours_goal, 10.0);
    assert!(titles(&workbook).iter().any(|title| title.contains("Thank the people who tried it")));

    workbook.mojo.set_weekly_goal(12.0, at(5)).unwrap();
    workbook.set_setback(Some(SetbackKind::Stalled), at(6));
    assert_eq!(workbook.mojo.weekly_hours_goal, 12.0, "a goal the person chose is theirs");

    // The person's own items show whatever the kind.
    let own = workbook.first_steps.add_item("Call my sister", at(7)).unwrap();
    for kind in SetbackKind::ALL {
        workbook.set_setback(Some(kind), at(8));
        assert!(workbook.first_steps.items_for(Some(kind)).any(|item| item.meta.id == own));
    }
}

// Guards the words of Today for every suggestion and kind: plain, with no
// glitches, and the stalled career is never told it has moved on.
#[test]
fn every_suggestion_reads_well_for_every_kind() {
    for kind in SetbackKind::ALL.map(Some).into_iter().chain([None]) {
        for step in NextStep::ALL {
            let text = step.message(kind);
            assert!(text.ends_with('.') && doubled_punctuation(text).is_empty(), "{step:?}: {text}");
            for word in ["streak", "should have", "failed to", "overdue"] {
                assert!(!text.to_lowercase().contains(word), "no guilt: {text}");
            }
            assert!(!step.link_text().is_empty());
        }
    }
    assert!(NextStep::StartOutreach.message(Some(SetbackKind::Stalled)).contains("ready for a change"));
    assert!(NextStep::FirstSteps.message(Some(SetbackKind::Stalled)).contains("your options where you are"));
}
