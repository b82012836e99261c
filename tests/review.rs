//! The weekly review: the week's figures (first days of the week, midnight
//! and year ends, empty and rest weeks, days not kept before schema 8), the
//! review's priorities as linked actions, reviews merged between devices,
//! and the momentum since the setback with its chart's geometry.

use chrono::{DateTime, Days, NaiveDate, Utc, Weekday};
use comeback::model::merge::merge;
use comeback::model::outreach::{Channel, Status};
use comeback::model::plan::{ActionOrigin, Stage};
use comeback::model::review::{
    momentum_geometry, priority_due, review_week, Momentum, MomentumWeek, PriorityError, MAX_PRIORITIES, MOMENTUM_WEEKS,
};
use comeback::model::Workbook;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A workbook with weeks starting on `first` and one side project.
fn workbook(first: Weekday) -> (Workbook, uuid::Uuid) {
    let mut workbook = Workbook::new(at(0));
    workbook.mojo.set_week_start(first, at(0));
    let project = workbook.mojo.add_project("Portfolio", at(0)).unwrap();
    (workbook, project)
}

// Guards the week's edges for every first day of the week: the first day
// counts in the week, the day before it in the week before.
#[test]
fn each_first_day_of_the_week_draws_its_own_edges() {
    // Wednesday 4 March 2026.
    let wednesday = date(2026, 3, 4);
    for first in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun] {
        let (mut workbook, project) = workbook(first);
        let start = workbook.mojo.week_of(wednesday);
        let before = start - Days::new(1);
        let last = start + Days::new(6);
        workbook.mojo.log_time(project, start, 2.0, "", at(1)).unwrap();
        workbook.mojo.log_time(project, last, 1.5, "", at(1)).unwrap();
        workbook.mojo.log_time(project, before, 4.0, "", at(1)).unwrap();
        let figures = workbook.week_figures(&[start - Days::new(7), start]);
        assert_eq!(figures[1].hours, 3.5, "{first}: the first and the last day of the week");
        assert_eq!(figures[0].hours, 4.0, "{first}: the day before belongs to the week before");
        assert_eq!(figures[1].end(), last);
    }
}

// Guards the days being local calendar days: an action marked done late on
// Sunday evening counts on Sunday, even when its edit time (UTC) is Monday.
#[test]
fn an_action_done_just_before_midnight_counts_in_its_local_day() {
    let (mut workbook, _) = workbook(Weekday::Mon);
    let sunday = date(2026, 11, 29);
    let monday_utc = DateTime::parse_from_rfc3339("2026-11-30T04:30:00Z").unwrap().with_timezone(&Utc);
    let id = workbook.plan.add_action("Send the portfolio to Ana", None, at(1)).unwrap();
    workbook.plan.set_done(id, true, sunday, monday_utc);
    let weeks = workbook.week_figures(&[date(2026, 11, 23), date(2026, 11, 30)]);
    assert_eq!((weeks[0].actions_done, weeks[1].actions_done), (1, 0));
    // Marked done again later keeps its first day; undone, it has none.
    workbook.plan.set_done(id, true, date(2026, 12, 2), at(3));
    assert_eq!(workbook.plan.actions[0].done_on, Some(sunday));
    workbook.plan.set_done(id, false, date(2026, 12, 2), at(4));
    assert_eq!(workbook.plan.actions[0].done_on, None);
}

// Guards the year's end: a week that starts in December and ends in January
// is one week, with its figures from both years.
#[test]
fn a_week_across_the_new_year_is_one_week() {
    let (mut workbook, project) = workbook(Weekday::Mon);
    let start = date(2026, 12, 28);
    assert_eq!(workbook.mojo.week_of(date(2027, 1, 3)), start);
    workbook.mojo.log_time(project, date(2026, 12, 31), 3.0, "", at(1)).unwrap();
    workbook.mojo.log_time(project, date(2027, 1, 2), 2.0, "", at(1)).unwrap();
    let ana = workbook.outreach.add_contact("Ana", "", None, at(1));
    workbook.outreach.log_interaction(ana, date(2027, 1, 1), Channel::Email, "Happy new year", at(2));
    let figures = workbook.figures_of_week(start);
    assert_eq!((figures.hours, figures.people_reached), (5.0, 1));
    assert_eq!(workbook.figures_of_week(date(2027, 1, 4)).hours, 0.0);
}

// Guards every figure the review lists against its data.
#[test]
fn the_weeks_figures_come_from_the_data() {
    let (mut workbook, project) = workbook(Weekday::Mon);
    let start = date(2026, 11, 23);
    let today = date(2026, 11, 30);
    workbook.mojo.set_weekly_goal(20.0, at(0)).unwrap();
    workbook.mojo.log_time(project, date(2026, 11, 24), 6.0, "", at(1)).unwrap();
    // Ana: reached before, followed up this week, replied this week.
    let ana = workbook.outreach.add_contact("Ana", "", None, at(1));
    workbook.outreach.log_interaction(ana, date(2026, 11, 2), Channel::Email, "", at(1));
    workbook.outreach.log_interaction(ana, date(2026, 11, 25), Channel::Call, "", at(2));
    workbook.outreach.log_interaction(ana, date(2026, 11, 26), Channel::Email, "", at(2));
    workbook.outreach.update_contact(ana, at(3), |contact| contact.set_status(Status::Replied, date(2026, 11, 27)));
    // Bo: reached for the first time this week: not a follow-up.
    let bo = workbook.outreach.add_contact("Bo", "", None, at(1));
    workbook.outreach.log_interaction(bo, date(2026, 11, 23), Channel::Message, "", at(2));
    // Cy: reached long ago, follow-up overdue (14 days after 1 November).
    let cy = workbook.outreach.add_contact("Cy", "", None, at(1));
    workbook.outreach.log_interaction(cy, date(2026, 11, 1), Channel::Email, "", at(2));
    let meetup = workbook.mojo.add_event(Some(date(2026, 11, 26)), at(1));
    workbook.mojo.update_event(meetup, at(2), |event| event.attended = true);
    workbook.mojo.add_event(Some(date(2026, 11, 27)), at(1)); // planned, not attended
    let on = date(2026, 11, 24);
    let acme = workbook.plan.opportunities.add("Acme", "Analyst", Stage::Applied, on, at(1)).unwrap();
    workbook.plan.opportunities.move_to(acme, Stage::Screening, date(2026, 11, 28), at(2));
    let older = workbook.plan.opportunities.add("Initech", "", Stage::Idea, date(2026, 11, 10), at(1)).unwrap();
    workbook.plan.opportunities.move_to(older, Stage::Applied, date(2026, 11, 25), at(2));
    let action = workbook.plan.add_action("Update the CV", None, at(1)).unwrap();
    workbook.plan.set_done(action, true, date(2026, 11, 29), at(4));
    workbook.mojo.add_proud(Default::default(), "Finished the case study", date(2026, 11, 25), at(2));

    let figures = workbook.figures_of_week(start);
    assert_eq!(figures.hours, 6.0);
    assert_eq!(figures.people_reached, 2, "Ana once (two notes), Bo once");
    assert_eq!(figures.follow_ups_done, 1, "Ana had been reached before");
    assert_eq!(figures.replies, 1);
    assert_eq!(figures.events_attended, 1);
    assert_eq!((figures.opportunities_added, figures.opportunities_moved, figures.applications), (1, 2, 2));
    assert_eq!(figures.actions_done, 1);
    assert_eq!(figures.proud_added, 1);
    assert_eq!(figures.rest_days, 0);
    assert!(!figures.nothing_logged() && !figures.is_rest(today));
    // Waiting at the week's end: Cy (due 15 Nov); Ana's and Bo's clocks restarted.
    assert_eq!(workbook.follow_ups_waiting(start, today), 1);
    // Seen from the week before, Ana's follow-up (due 16 Nov) was waiting too.
    assert_eq!(workbook.follow_ups_waiting(date(2026, 11, 16), today), 2);
    // Contacts put on "not now" have no follow-up waiting.
    workbook.outreach.update_contact(cy, at(5), |contact| contact.set_status(Status::NotNow, today));
    assert_eq!(workbook.follow_ups_waiting(start, today), 0);
}

// Guards the empty week, and rest showing as rest rather than as nothing.
#[test]
fn empty_weeks_and_rest_weeks() {
    let (mut workbook, _) = workbook(Weekday::Mon);
    let start = date(2026, 11, 23);
    let today = date(2026, 12, 10);
    let empty = workbook.figures_of_week(start);
    assert!(empty.nothing_logged());
    assert!(!empty.is_rest(today), "an empty week without rest is not called rest");

    // Two rest days and nothing else: a week of rest.
    workbook.mojo.add_rest_day(date(2026, 11, 24), "", at(1));
    workbook.mojo.add_rest_day(date(2026, 11, 25), "", at(1));
    let rested = workbook.figures_of_week(start);
    assert_eq!(rested.rest_days, 2);
    assert!(rested.is_rest(today));

    // Planned downtime, from the setback's day until a day: every day of it is rest.
    workbook.debrief.set_setback_on(Some(date(2026, 11, 30)), at(1));
    workbook.mojo.set_downtime_until(Some(date(2026, 12, 13)), at(1));
    let downtime = workbook.figures_of_week(date(2026, 12, 7));
    assert_eq!(downtime.rest_days, 7);
    assert!(downtime.is_rest(today), "a whole week of downtime is rest even with a little done");
    assert_eq!(workbook.figures_of_week(date(2026, 11, 16)).rest_days, 0, "before the setback: no downtime");
    // This week, seen on its Wednesday: the three days so far were rest.
    let mut partly = workbook.figures_of_week(date(2026, 12, 7));
    partly.hours = 1.0;
    assert!(partly.is_rest(date(2026, 12, 9)));
}

// Guards the review offered on the first day of the week: the week just ended.
#[test]
fn the_review_is_of_the_week_just_ended_on_the_first_day() {
    let monday = date(2026, 11, 30);
    assert_eq!(review_week(monday, Weekday::Mon), date(2026, 11, 23));
    assert_eq!(review_week(date(2026, 12, 2), Weekday::Mon), monday);
    let sunday = date(2026, 11, 29);
    assert_eq!(review_week(sunday, Weekday::Sun), date(2026, 11, 22));
    // The week after next ends on the review's following week.
    assert_eq!(priority_due(date(2026, 11, 23), monday, Weekday::Mon), date(2026, 12, 6));
    // An old week's priorities fall due at the end of this week.
    assert_eq!(priority_due(date(2026, 10, 5), monday, Weekday::Mon), date(2026, 12, 6));
    assert_eq!(priority_due(date(2026, 10, 5), date(2026, 12, 2), Weekday::Mon), date(2026, 12, 6));
}

// Guards the priorities: dated actions in the plan, linked (an edit shows in
// the plan), three at most, and a removed one leaves its action with its words.
#[test]
fn priorities_become_linked_dated_actions() {
    let (mut workbook, _) = workbook(Weekday::Mon);
    let today = date(2026, 11, 30);
    let week = review_week(today, Weekday::Mon);
    let review = workbook.mojo.start_review(week, at(1));
    assert_eq!(workbook.mojo.start_review(week, at(2)), review, "one review per week");
    workbook.mojo.update_review(review, at(2), |review| review.energy = Some(9));
    assert_eq!(workbook.mojo.review(review).unwrap().energy, None, "energy stays on its 1–5 scale");

    let first = workbook.add_priority(review, " Call Ana about the analyst role ", today, at(3)).unwrap();
    assert_eq!(workbook.add_priority(review, "  ", today, at(3)), Err(PriorityError::Blank));
    workbook.add_priority(review, "Two applications", today, at(3)).unwrap();
    workbook.add_priority(review, "Rest on Sunday", today, at(3)).unwrap();
    assert_eq!(workbook.add_priority(review, "A fourth", today, at(3)), Err(PriorityError::Full));
    assert_eq!(workbook.mojo.review(review).unwrap().priorities.len(), MAX_PRIORITIES);

    let action = workbook.priority_action(review, first).unwrap().clone();
    assert_eq!(action.due, Some(date(2026, 12, 6)));
    assert_eq!(action.origin, Some(ActionOrigin::ReviewPriority { review, priority: first }));
    assert_eq!(workbook.action_title(&action), "Call Ana about the analyst role");
    workbook.mojo.set_priority_text(review, first, "Call Ana on Tuesday", at(4));
    assert_eq!(workbook.action_title(&action), "Call Ana on Tuesday", "linked, not copied");
    assert_eq!(workbook.plan.actions.len(), 3);

    workbook.remove_priority(review, first, at(5));
    let kept = workbook.plan.actions.iter().find(|candidate| candidate.meta.id == action.meta.id).unwrap();
    assert_eq!((kept.origin, workbook.action_title(kept)), (None, "Call Ana on Tuesday".to_owned()));
    assert!(workbook.mojo.removed.contains(first));
}

// Guards the merge of reviews: matched by week, the later edit wins with the
// priorities of both sides, and a deleted priority stays deleted.
#[test]
fn reviews_merge_by_week() {
    let (base, _) = workbook(Weekday::Mon);
    let today = date(2026, 11, 30);
    let week = date(2026, 11, 23);
    let (mut phone, mut laptop) = (base.clone(), base);
    let on_phone = phone.mojo.start_review(week, at(10));
    phone.mojo.update_review(on_phone, at(11), |review| review.moved = "Two calls".into());
    phone.add_priority(on_phone, "From the phone", today, at(12)).unwrap();
    let on_laptop = laptop.mojo.start_review(week, at(20));
    laptop.mojo.update_review(on_laptop, at(21), |review| {
        review.moved = "Two calls and a meetup".into();
        review.energy = Some(3);
    });
    laptop.add_priority(on_laptop, "From the laptop", today, at(22)).unwrap();

    for merged in [merge(&phone, &laptop).workbook, merge(&laptop, &phone).workbook] {
        assert_eq!(merged.mojo.reviews.len(), 1, "one week, one review");
        let review = &merged.mojo.reviews[0];
        assert_eq!((review.moved.as_str(), review.energy), ("Two calls and a meetup", Some(3)));
        let mut words: Vec<&str> = review.priorities.iter().map(|priority| priority.text.as_str()).collect();
        words.sort();
        assert_eq!(words, ["From the laptop", "From the phone"]);
        assert_eq!(merged.plan.actions.len(), 2);
        // The phone's action still shows its words: its priority came across.
        let titles: Vec<String> = merged.plan.actions.iter().map(|action| merged.action_title(action)).collect();
        assert!(titles.contains(&"From the phone".to_owned()));
    }

    // Removing a priority on one device removes it on the other after a merge.
    let mut merged = merge(&phone, &laptop).workbook;
    let back_on_phone = merged.clone();
    let review = merged.mojo.reviews[0].meta.id;
    let priority = merged.mojo.reviews[0].priorities[0].meta.id;
    merged.remove_priority(review, priority, at(40));
    let again = merge(&back_on_phone, &merged).workbook;
    assert_eq!(again.mojo.reviews[0].priorities.len(), 1);
}

fn week(number: usize, people: usize, hours: f32, applications: usize, energy: Option<u8>) -> MomentumWeek {
    MomentumWeek {
        number,
        start: date(2026, 9, 7) + Days::new(7 * (number as u64 - 1)),
        people,
        hours,
        applications,
        energy,
        rest: false,
        review: None,
    }
}

// Guards the setback's day: missing, in the future, and the weeks since.
#[test]
fn momentum_counts_weeks_from_the_setback() {
    let (mut workbook, project) = workbook(Weekday::Mon);
    let today = date(2026, 11, 25);
    assert_eq!(workbook.momentum(today), Momentum::NoDate);
    workbook.debrief.set_setback_on(Some(date(2026, 12, 31)), at(1));
    assert_eq!(workbook.momentum(today), Momentum::NotYet(date(2026, 12, 31)));

    // Thursday 5 November: week 1 starts Monday 2 November; today is in week 4.
    workbook.debrief.set_setback_on(Some(date(2026, 11, 5)), at(1));
    workbook.mojo.log_time(project, date(2026, 11, 10), 3.0, "", at(2)).unwrap();
    let ana = workbook.outreach.add_contact("Ana", "", None, at(1));
    workbook.outreach.log_interaction(ana, date(2026, 11, 24), Channel::Email, "", at(2));
    workbook.plan.opportunities.add("Acme", "", Stage::Applied, date(2026, 11, 24), at(2));
    let review = workbook.mojo.start_review(date(2026, 11, 16), at(3));
    workbook.mojo.update_review(review, at(3), |review| review.energy = Some(2));
    workbook.mojo.add_rest_day(date(2026, 11, 17), "", at(3));
    let Momentum::Weeks { weeks, earlier } = workbook.momentum(today) else { panic!("weeks expected") };
    assert_eq!(earlier, 0);
    let numbers: Vec<usize> = weeks.iter().map(|week| week.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    assert_eq!(weeks[0].start, date(2026, 11, 2));
    assert_eq!(weeks[1].hours, 3.0);
    assert_eq!((weeks[2].energy, weeks[2].review, weeks[2].rest), (Some(2), Some(review), true));
    assert_eq!((weeks[3].people, weeks[3].applications, weeks[3].rest), (1, 1, false));

    // A setback long ago: the latest weeks only, and how many are left out.
    workbook.debrief.set_setback_on(Some(date(2025, 11, 5)), at(4));
    let Momentum::Weeks { weeks, earlier } = workbook.momentum(today) else { panic!("weeks expected") };
    assert_eq!(weeks.len(), MOMENTUM_WEEKS);
    assert_eq!(earlier + MOMENTUM_WEEKS, weeks.last().unwrap().number);
    assert_eq!(weeks.last().unwrap().start, date(2026, 11, 23));
}

// Guards the chart's geometry: one strip per figure with its own scale,
// bars in their week's slot, energy points on a 1–5 scale, no NaN for
// empty weeks.
#[test]
fn momentum_chart_geometry() {
    let weeks = [week(1, 0, 0.0, 0, None), week(2, 4, 10.0, 1, Some(5)), week(3, 2, 20.0, 2, Some(1))];
    let chart = momentum_geometry(&weeks, 300.0, 60.0);
    assert_eq!(chart.panels.len(), 4, "people, hours, applications, energy");
    assert_eq!(chart.height, 4.0 * (18.0 + 60.0));
    let [people, hours, applications, energy] = &chart.panels[..] else { panic!("four strips") };
    assert_eq!((people.max, hours.max, applications.max, energy.max), (4.0, 20.0, 2.0, 5.0));
    // Week 2 fills the people strip; week 3 the hours strip; week 1 is flat.
    assert_eq!((people.bars[1].height, people.bars[1].y), (60.0, people.top));
    assert_eq!(hours.bars[2].height, 60.0);
    assert_eq!(hours.bars[1].height, 30.0);
    assert_eq!(hours.bars[1].y + hours.bars[1].height, hours.top + 60.0, "bars stand on the strip's floor");
    assert_eq!(people.bars[0].height, 0.0);
    // Each week keeps its slot of 100 units in every strip.
    for panel in [people, hours, applications] {
        assert_eq!(panel.bars.len(), 3);
        assert!((panel.bars[1].x - 115.0).abs() < 1e-4 && (panel.bars[1].width - 70.0).abs() < 1e-4);
    }
    // Strips do not overlap: each starts below the one before.
    assert!(hours.label_y >= people.top + people.height && applications.label_y >= hours.top + hours.height);
    // Energy 5 at the strip's top, 1 a fifth up; week 1 gave none.
    assert_eq!(chart.energy, vec![(150.0, energy.top), (250.0, energy.top + 48.0)]);

    // No energy given: three strips; no weeks: nothing drawn, no NaN.
    assert_eq!(momentum_geometry(&weeks[..1], 300.0, 60.0).panels.len(), 3);
    let empty = momentum_geometry(&[], 300.0, 60.0);
    assert!(empty.panels.iter().all(|panel| panel.bars.is_empty() && panel.max == 0.0));
    let odd = momentum_geometry(&[week(1, 0, f32::NAN, 0, None)], 300.0, 60.0);
    assert_eq!(odd.panels[1].bars[0].height, 0.0);
}
