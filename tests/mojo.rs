//! Step 3's rules: weeks (first day, week and year boundaries), quarter-hour
//! hours, the chart's geometry, the time-off summary, people met becoming
//! outreach contacts, and which links may be clicked.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use comeback::model::mojo::{
    chart_geometry, parse_hours, round_hours, safe_link, week_start, EventKind, HoursError, ProjectKind, ProjectStatus,
    WeekTotal, DEFAULT_WEEKLY_HOURS_GOAL,
};
use comeback::model::{Mojo, Workbook};
use uuid::Uuid;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn with_project(name: &str) -> (Mojo, Uuid) {
    let mut mojo = Mojo::default();
    let id = mojo.add_project(name, at(0)).unwrap();
    (mojo, id)
}

#[test]
fn a_project_reads_as_one_line() {
    let (mut mojo, id) = with_project("Portfolio site");
    let summary = |mojo: &Mojo| mojo.projects[0].summary();
    assert_eq!(summary(&mojo), "Other · Active", "a new project says only its kind and status");
    mojo.update_project(id, at(1), |project| {
        project.kind = ProjectKind::PortfolioSite;
        project.status = ProjectStatus::Active;
        project.weekly_hours = 2.5;
    });
    assert_eq!(summary(&mojo), "Portfolio site · Active · 2.5 h a week");
    mojo.add_milestone(id, "Shipped the site", at(2));
    assert_eq!(summary(&mojo), "Portfolio site · Active · 2.5 h a week · 0 of 1 milestone reached");
    mojo.add_milestone(id, "Wrote the case study", at(3));
    mojo.update_project(id, at(4), |project| project.milestones[0].done_on = Some(date(2026, 11, 2)));
    assert_eq!(summary(&mojo), "Portfolio site · Active · 2.5 h a week · 1 of 2 milestones reached");
}

// Guards the first day of the week: the same Sunday belongs to different weeks.
#[test]
fn weeks_start_on_the_chosen_day() {
    let sunday = date(2026, 3, 8);
    assert_eq!(week_start(sunday, Weekday::Mon), date(2026, 3, 2));
    assert_eq!(week_start(sunday, Weekday::Sun), sunday);
    let monday = date(2026, 3, 9);
    assert_eq!(week_start(monday, Weekday::Mon), monday);
    assert_eq!(week_start(monday, Weekday::Sun), sunday);
    assert_eq!(week_start(date(2026, 3, 7), Weekday::Sat), date(2026, 3, 7));
}

// Guards the totals with a Monday or a Sunday start: a Sunday entry moves between weeks.
#[test]
fn weekly_totals_follow_the_first_day() {
    let (mut mojo, project) = with_project("Portfolio");
    mojo.log_time(project, date(2026, 3, 7), 1.0, "Saturday", at(1)).unwrap();
    mojo.log_time(project, date(2026, 3, 8), 2.0, "Sunday", at(2)).unwrap();
    mojo.log_time(project, date(2026, 3, 9), 4.0, "Monday", at(3)).unwrap();

    assert_eq!(mojo.week_starts_on, Weekday::Mon, "Monday is the default");
    assert_eq!(mojo.hours_in_week(mojo.week_of(date(2026, 3, 8)), None), 3.0);
    assert_eq!(mojo.hours_in_week(mojo.week_of(date(2026, 3, 9)), None), 4.0);

    mojo.set_week_start(Weekday::Sun, at(4));
    assert_eq!(mojo.hours_in_week(mojo.week_of(date(2026, 3, 7)), None), 1.0);
    assert_eq!(mojo.hours_in_week(mojo.week_of(date(2026, 3, 8)), None), 6.0);
}

// Guards the week card's totals made in one pass: per week and per project,
// for either first day of the week, they equal the log read week by week.
#[test]
fn week_totals_in_one_pass_equal_the_log_read_week_by_week() {
    let (mut mojo, first) = with_project("Portfolio");
    let second = mojo.add_project("Course", at(0)).unwrap();
    for day in 0..60u64 {
        let when = date(2026, 1, 1) + chrono::Days::new(day * 3);
        let project = if day % 2 == 0 { first } else { second };
        mojo.log_time(project, when, 0.25 * (day % 7 + 1) as f32, "", at(day as i64)).unwrap();
    }
    for first_day in [Weekday::Mon, Weekday::Sun] {
        mojo.set_week_start(first_day, at(100));
        let totals = mojo.week_totals();
        let today = date(2026, 6, 30);
        assert_eq!(totals.recent(mojo.week_of(today), 30), mojo.recent_weeks(today, 30), "{first_day:?}");
        for week in mojo.recent_weeks(today, 30) {
            for project in [None, Some(first), Some(second)] {
                assert_eq!(totals.hours(week.start, project), mojo.hours_in_week(week.start, project), "{week:?}");
            }
        }
    }
}

// Guards the week totals kept entry by entry (issue 17): told which entries
// each edit changed (as the live store's journal tells it), after a log, a
// new date, new hours, another project, a removal and a new first day of
// the week, they equal the totals of the whole log counted anew.
#[test]
fn week_totals_kept_entry_by_entry_equal_the_totals_made_anew() {
    use comeback::model::meta::ListShape;
    use comeback::model::mojo::WeekTotalsCache;

    let (mut mojo, first) = with_project("Portfolio");
    let second = mojo.add_project("Course", at(0)).unwrap();
    for day in 0..40u64 {
        let when = date(2026, 1, 1) + chrono::Days::new(day * 2);
        mojo.log_time(if day % 3 == 0 { second } else { first }, when, 0.25 * (day % 5 + 1) as f32, "", at(1)).unwrap();
    }
    let shape = |mojo: &Mojo| ListShape::of(&mojo.entries, |entry| &entry.meta);
    let mut cache = WeekTotalsCache::default();
    assert!(cache.refresh(&mojo.entries, mojo.week_starts_on));
    let mut before = shape(&mojo);
    let mut check = |mojo: &Mojo, step: &str, changed: bool| {
        let after = shape(mojo);
        let maybe: Vec<(Uuid, Option<usize>)> = std::mem::replace(&mut before, shape(mojo))
            .changes(&after)
            .records
            .into_iter()
            .map(|id| (id, mojo.entries.iter().position(|entry| entry.meta.id == id)))
            .collect();
        assert_eq!(cache.refresh_known(&mojo.entries, &maybe, mojo.week_starts_on), changed, "{step}: reported");
        assert_eq!(cache.totals(), &mojo.week_totals(), "{step}");
    };
    let ids: Vec<Uuid> = mojo.entries.iter().map(|entry| entry.meta.id).collect();
    mojo.log_time(first, date(2026, 3, 3), 1.0, "", at(2)).unwrap();
    check(&mojo, "an hour logged", true);
    mojo.set_entry_date(ids[4], date(2026, 5, 20), at(3)).unwrap();
    check(&mojo, "a new date", true);
    mojo.set_entry_hours(ids[7], 2.5, at(4)).unwrap();
    check(&mojo, "new hours", true);
    mojo.set_entry_project(ids[8], second, at(5));
    check(&mojo, "another project", true);
    mojo.remove_entry(ids[0], at(6));
    check(&mojo, "a removal", true);
    check(&mojo, "nothing", false);
    mojo.set_week_start(Weekday::Sun, at(7));
    check(&mojo, "a new first day", true);
    let today = date(2026, 6, 30);
    assert_eq!(cache.totals().recent(mojo.week_of(today), 30), mojo.recent_weeks(today, 30));
}

// Guards the year boundary: the week of New Year holds days of both years.
#[test]
fn a_week_across_new_year() {
    let (mut mojo, project) = with_project("Book");
    mojo.log_time(project, date(2025, 12, 29), 1.5, "", at(1)).unwrap();
    mojo.log_time(project, date(2025, 12, 31), 2.0, "", at(2)).unwrap();
    mojo.log_time(project, date(2026, 1, 1), 3.0, "", at(3)).unwrap();
    mojo.log_time(project, date(2026, 1, 4), 0.5, "", at(4)).unwrap();
    mojo.log_time(project, date(2026, 1, 5), 10.0, "next week", at(5)).unwrap();
    let start = mojo.week_of(date(2026, 1, 1));
    assert_eq!(start, date(2025, 12, 29));
    assert_eq!(mojo.hours_in_week(start, None), 7.0);
    assert_eq!(mojo.hours_in_week(start, Some(project)), 7.0);
    assert_eq!(mojo.hours_in_week(start, Some(Uuid::new_v4())), 0.0);

    // Twelve weeks back from the second week of January reach into October.
    let weeks = mojo.recent_weeks(date(2026, 1, 7), 12);
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0].start, date(2025, 10, 20));
    assert_eq!(weeks[10], WeekTotal { start: date(2025, 12, 29), hours: 7.0 });
    assert_eq!(weeks[11], WeekTotal { start: date(2026, 1, 5), hours: 10.0 });
    assert!(weeks.windows(2).all(|pair| (pair[1].start - pair[0].start).num_days() == 7));
}

// Guards time zones: weeks are counted on local calendar dates, so an entry
// keeps its day whatever the offset of the moment it was typed in.
#[test]
fn entries_count_on_their_local_date() {
    let (mut mojo, project) = with_project("App");
    // Typed late on Sunday evening in Auckland: already Sunday UTC+13, but the
    // date the person chose is what counts.
    let typed_at = DateTime::parse_from_rfc3339("2026-03-08T23:30:00+13:00").unwrap().with_timezone(&Utc);
    mojo.log_time(project, date(2026, 3, 8), 1.0, "", typed_at).unwrap();
    assert_eq!(mojo.hours_in_week(date(2026, 3, 2), None), 1.0);
    assert_eq!(mojo.hours_in_week(date(2026, 3, 9), None), 0.0);
}

// Guards quarter-hour rounding and the refusal of nonsense amounts.
#[test]
fn hours_round_to_quarter_hours() {
    assert_eq!(round_hours(1.1), Ok(1.0));
    assert_eq!(round_hours(1.13), Ok(1.25));
    assert_eq!(round_hours(0.2), Ok(0.25));
    assert_eq!(round_hours(2.875), Ok(3.0));
    assert_eq!(round_hours(24.0), Ok(24.0));
    assert_eq!(round_hours(0.0), Err(HoursError::TooLittle));
    assert_eq!(round_hours(0.1), Err(HoursError::TooLittle), "rounds to zero");
    assert_eq!(round_hours(-2.0), Err(HoursError::TooLittle));
    assert_eq!(round_hours(24.2), Err(HoursError::TooMuch));
    assert_eq!(round_hours(f32::NAN), Err(HoursError::NotANumber));
    assert_eq!(parse_hours("0,75"), Ok(0.75));
    assert_eq!(parse_hours("1:45"), Ok(1.75));
    assert_eq!(parse_hours("lots"), Err(HoursError::NotANumber));
}

// Guards the log: stored rounded, a day never holds more than 24 hours, edits and deletes.
#[test]
fn logging_editing_and_deleting_time() {
    let (mut mojo, project) = with_project("Course");
    let day = date(2026, 3, 4);
    let entry = mojo.log_time(project, day, 1.4, " evening ", at(1)).unwrap();
    assert_eq!(mojo.entry(entry).unwrap().hours, 1.5);
    assert_eq!(mojo.entry(entry).unwrap().note, "evening");
    assert_eq!(mojo.log_time(project, day, 23.0, "", at(2)), Err(HoursError::DayTooFull(day)));
    assert_eq!(mojo.log_time(Uuid::new_v4(), day, 1.0, "", at(2)), Err(HoursError::NoProject));

    mojo.set_entry_hours(entry, 2.6, at(3)).unwrap();
    assert_eq!(mojo.entry(entry).unwrap().hours, 2.5);
    assert_eq!(mojo.set_entry_hours(entry, 0.0, at(3)), Err(HoursError::TooLittle));
    assert_eq!(mojo.entry(entry).unwrap().hours, 2.5, "a refused edit changes nothing");
    mojo.set_entry_date(entry, date(2026, 3, 5), at(4)).unwrap();
    mojo.set_entry_note(entry, "chapter 3", at(5));
    let edited = mojo.entry(entry).unwrap();
    assert_eq!((edited.date, edited.note.as_str(), edited.meta.updated_at), (date(2026, 3, 5), "chapter 3", at(5)));

    mojo.remove_entry(entry, at(6));
    assert!(mojo.entries.is_empty());
}

// Guards deleting a project: its logged hours go with it.
#[test]
fn removing_a_project_removes_its_hours() {
    let (mut mojo, book) = with_project("Book");
    let app = mojo.add_project("App", at(1)).unwrap();
    mojo.log_time(book, date(2026, 3, 4), 1.0, "", at(2)).unwrap();
    mojo.log_time(app, date(2026, 3, 4), 2.0, "", at(3)).unwrap();
    mojo.remove_project(book, at(4));
    assert_eq!(mojo.total_hours(None), 2.0);
    assert_eq!(mojo.projects.len(), 1);
    assert_eq!(mojo.add_project("   ", at(5)), None, "a blank name adds nothing");
}

// Guards the goal: 20 h by default, editable in quarter hours, never absurd.
#[test]
fn the_weekly_goal() {
    let mut mojo = Mojo::default();
    assert_eq!(mojo.weekly_hours_goal, DEFAULT_WEEKLY_HOURS_GOAL);
    mojo.set_weekly_goal(12.4, at(1)).unwrap();
    assert_eq!(mojo.weekly_hours_goal, 12.5);
    assert!(mojo.set_weekly_goal(-1.0, at(2)).is_err());
    assert!(mojo.set_weekly_goal(200.0, at(2)).is_err());
    assert_eq!(mojo.weekly_hours_goal, 12.5);
}

fn weeks(hours: &[f32]) -> Vec<WeekTotal> {
    hours
        .iter()
        .enumerate()
        .map(|(index, hours)| WeekTotal {
            start: date(2026, 1, 5) + chrono::Days::new(7 * index as u64),
            hours: *hours,
        })
        .collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-3
}

// Guards the chart: bars proportional to hours, standing on the baseline, target line in place.
#[test]
fn chart_bars_are_proportional_and_the_target_sits_where_it_belongs() {
    let geometry = chart_geometry(&weeks(&[10.0, 0.0, 20.0, 40.0]), 20.0, 400.0, 200.0);
    assert_eq!(geometry.scale_max, 40.0, "the busiest week sets the scale when it beats the target");
    let heights: Vec<f32> = geometry.bars.iter().map(|bar| bar.height).collect();
    assert!(
        close(heights[0], 50.0) && close(heights[1], 0.0) && close(heights[2], 100.0) && close(heights[3], 200.0),
        "{heights:?}"
    );
    for bar in &geometry.bars {
        assert!(close(bar.y + bar.height, 200.0), "every bar stands on the baseline");
        assert!(close(bar.width, 70.0));
    }
    let xs: Vec<f32> = geometry.bars.iter().map(|bar| bar.x).collect();
    assert!(close(xs[0], 15.0) && close(xs[1], 115.0) && close(xs[3], 315.0), "{xs:?}");
    assert!(close(geometry.target_y.unwrap(), 100.0), "20 h of 40 h is half way up");
    // The 20 h bar reaches exactly the target line.
    assert!(close(geometry.bars[2].y, geometry.target_y.unwrap()));
}

// Guards the scale when the target is above every week: the target line is at the top.
#[test]
fn chart_scale_fits_the_target() {
    let geometry = chart_geometry(&weeks(&[5.0, 10.0]), 20.0, 100.0, 100.0);
    assert_eq!(geometry.scale_max, 20.0);
    assert!(close(geometry.target_y.unwrap(), 0.0));
    assert!(close(geometry.bars[1].height, 50.0));
}

// Guards the empty chart: no division by zero, flat bars, no target line without a goal.
#[test]
fn chart_with_no_data() {
    let geometry = chart_geometry(&weeks(&[0.0; 12]), 20.0, 360.0, 150.0);
    assert_eq!(geometry.bars.len(), 12);
    assert!(geometry.bars.iter().all(|bar| bar.height == 0.0 && close(bar.y, 150.0)));
    assert!(close(geometry.target_y.unwrap(), 0.0));

    let nothing = chart_geometry(&weeks(&[0.0, 0.0]), 0.0, 360.0, 150.0);
    assert_eq!(nothing.target_y, None);
    assert!(nothing.bars.iter().all(|bar| bar.height == 0.0 && bar.y.is_finite()));
    assert!(chart_geometry(&[], 20.0, 360.0, 150.0).bars.is_empty());
}

// Guards the summary from an empty workbook: a kind placeholder, no invented facts.
#[test]
fn summary_when_nothing_is_logged() {
    let summary = Mojo::default().time_off_summary();
    assert!(summary.starts_with("Nothing to tell yet"), "{summary}");
    assert!(!summary.contains(" h "));
}

// Guards a partial summary: only hours, no empty sentences about events or milestones.
#[test]
fn summary_with_hours_only() {
    let (mut mojo, project) = with_project("Portfolio site");
    mojo.update_project(project, at(1), |project| project.kind = ProjectKind::PortfolioSite);
    mojo.log_time(project, date(2026, 3, 2), 1.5, "", at(2)).unwrap();
    mojo.log_time(project, date(2026, 3, 3), 2.0, "", at(3)).unwrap();
    assert_eq!(mojo.time_off_summary(), "I put 3.5 h into side projects: 3.5 h on Portfolio site (portfolio site).");
}

// Guards the full summary: hours per project (busiest first), milestones by date, events attended, people met, rest.
#[test]
fn summary_with_everything() {
    let (mut mojo, book) = with_project("My first book");
    mojo.update_project(book, at(1), |project| project.kind = ProjectKind::Book);
    let app = mojo.add_project("Budget app", at(1)).unwrap();
    mojo.update_project(app, at(1), |project| project.kind = ProjectKind::App);
    mojo.log_time(book, date(2026, 3, 2), 3.0, "", at(2)).unwrap();
    mojo.log_time(app, date(2026, 3, 2), 5.0, "", at(2)).unwrap();
    let chapter = mojo.add_milestone(book, "Finished chapter 3", at(3)).unwrap();
    mojo.update_milestone(book, chapter, at(3), |milestone| milestone.done_on = Some(date(2026, 3, 10)));
    let shipped = mojo.add_milestone(app, "Shipped the beta", at(3)).unwrap();
    mojo.update_milestone(app, shipped, at(3), |milestone| milestone.done_on = Some(date(2026, 3, 5)));
    mojo.add_milestone(app, "Reach 100 users", at(3)).unwrap();

    let meetup = mojo.add_event(Some(date(2026, 3, 6)), at(4));
    mojo.update_event(meetup, at(4), |event| {
        event.name = "Rust Lyon".into();
        event.attended = true;
    });
    mojo.add_person(meetup, "Ana Lopez", at(4)).unwrap();
    mojo.add_person(meetup, "Ben Okoye", at(4)).unwrap();
    let coffee = mojo.add_event(Some(date(2026, 3, 12)), at(5));
    mojo.update_event(coffee, at(5), |event| {
        event.kind = EventKind::CoffeeChat;
        event.attended = true;
    });
    let planned = mojo.add_event(Some(date(2026, 4, 1)), at(5));
    mojo.update_event(planned, at(5), |event| event.name = "DevConf".into());
    mojo.set_downtime_until(Some(date(2026, 2, 28)), at(6));

    let summary = mojo.time_off_summary();
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(
        lines,
        [
            "I put 8 h into side projects: 5 h on Budget app (app) and 3 h on My first book (book).",
            "Milestones I reached: Shipped the beta for Budget app (5 Mar 2026) and Finished chapter 3 for My first book (10 Mar 2026).",
            "I stepped out of my comfort zone at 2 events: Rust Lyon (meetup, 6 Mar 2026) and a coffee chat (12 Mar 2026).",
            "I met 2 new people: Ana Lopez and Ben Okoye.",
            "I also took planned time to rest, until 28 Feb 2026.",
        ]
    );
}

// Guards the link both ways, and that a second click adds no duplicate contact.
#[test]
fn a_person_met_becomes_a_linked_contact_once() {
    let mut workbook = Workbook::default();
    let event = workbook.mojo.add_event(Some(date(2026, 3, 6)), at(1));
    workbook.mojo.update_event(event, at(1), |found| found.name = "Rust Lyon".into());
    let person = workbook.mojo.add_person(event, " Ana Lopez ", at(2)).unwrap();

    let contact = workbook.person_to_contact(event, person, at(3)).unwrap();
    let stored = workbook.outreach.contact(contact).unwrap();
    assert_eq!(stored.name, "Ana Lopez");
    assert_eq!(stored.how_we_know, "met at Rust Lyon");
    assert_eq!(stored.met_at_event, Some(event), "the contact points at the event");
    let met = &workbook.mojo.event(event).unwrap().people[0];
    assert_eq!(met.contact, Some(contact), "the person points at the contact");

    let again = workbook.person_to_contact(event, person, at(4));
    assert_eq!(again, Some(contact));
    assert_eq!(workbook.outreach.contacts.len(), 1, "no duplicate on a second click");

    // A contact deleted from the list can be made again.
    workbook.outreach.contacts.clear();
    let remade = workbook.person_to_contact(event, person, at(5)).unwrap();
    assert_ne!(remade, contact);
    assert_eq!(workbook.mojo.event(event).unwrap().people[0].contact, Some(remade));

    // Unknown ids do nothing.
    assert_eq!(workbook.person_to_contact(Uuid::new_v4(), person, at(6)), None);
}

// Guards links: only http and https are ever clickable.
#[test]
fn only_web_links_are_clickable() {
    assert_eq!(safe_link(" https://example.com/talk "), Some("https://example.com/talk".into()));
    assert_eq!(safe_link("HTTP://Example.com"), Some("HTTP://Example.com".into()));
    for refused in [
        "javascript:alert(1)",
        "JavaScript://example.com/%0aalert(1)",
        "data:text/html,<b>hi</b>",
        "ftp://example.com",
        "example.com",
        "https://",
        "https:///path",
        "https://exa mple.com",
        "https://example.com/\"onmouseover",
        "",
    ] {
        assert_eq!(safe_link(refused), None, "{refused}");
    }
}

// Guards old data: a mojo stored before this step grew still loads, with defaults.
#[test]
fn an_older_mojo_loads_with_defaults() {
    let json = r#"{"weekly_hours_goal": 15.5, "projects": [{"id": "7f1b6a4e-3f65-4c36-8f5a-1f2d3c4b5a69", "updated_at": "2026-01-01T00:00:00Z", "name": "Site"}]}"#;
    let mojo: Mojo = serde_json::from_str(json).unwrap();
    assert_eq!(mojo.weekly_hours_goal, 15.5);
    assert_eq!(mojo.week_starts_on, Weekday::Mon);
    assert_eq!(mojo.projects[0].name, "Site");
    assert_eq!(mojo.projects[0].kind, ProjectKind::Other);
    assert!(mojo.entries.is_empty() && mojo.events.is_empty() && mojo.proud.is_empty());

    let contact: comeback::model::outreach::Contact = serde_json::from_str(
        r#"{"id": "2c9f1f7e-8a43-4b0e-9d4a-6f1e2d3c4b5a", "updated_at": "2026-01-01T00:00:00Z", "name": "Amina"}"#,
    )
    .unwrap();
    assert_eq!((contact.how_we_know.as_str(), contact.met_at_event), ("", None));

    // And what this build writes reads back the same.
    let (mut mojo, project) = with_project("Book");
    mojo.log_time(project, date(2026, 3, 4), 2.0, "", at(1)).unwrap();
    mojo.set_week_start(Weekday::Sun, at(2));
    let back: Mojo = serde_json::from_str(&serde_json::to_string(&mojo).unwrap()).unwrap();
    assert_eq!(back, mojo);
}

// Guards rest days: shown in their week, and "resting" through the downtime date.
#[test]
fn rest_is_part_of_the_plan() {
    let mut mojo = Mojo::default();
    mojo.set_downtime_until(Some(date(2026, 3, 15)), at(1));
    assert!(mojo.is_resting(date(2026, 3, 15)));
    assert!(!mojo.is_resting(date(2026, 3, 16)));
    mojo.add_rest_day(date(2026, 3, 20), "family", at(2));
    mojo.add_rest_day(date(2026, 3, 17), "", at(2));
    assert!(mojo.is_resting(date(2026, 3, 20)));
    let in_week: Vec<NaiveDate> = mojo.rest_days_in_week(date(2026, 3, 16)).iter().map(|day| day.date).collect();
    assert_eq!(in_week, [date(2026, 3, 17), date(2026, 3, 20)]);
    assert!(mojo.rest_days_in_week(date(2026, 3, 23)).is_empty());
}

// Guards the log's first page: picking the newest entries before sorting
// gives exactly the start of the whole sorted log, same-day entries logged
// last first, for any page size.
#[test]
fn the_newest_entries_picked_first_are_the_start_of_the_whole_log() {
    use comeback::model::mojo::{newest_first, newest_first_up_to};
    let (mut mojo, project) = with_project("A small app");
    for i in 0..40_u32 {
        // Days out of order, several entries on most days.
        let day = date(2026, 11, 1 + (i * 7) % 13);
        mojo.log_time(project, day, 0.25, &format!("entry {i}"), at(i64::from(i))).unwrap();
    }
    let whole: Vec<&str> = newest_first(&mojo.entries).iter().map(|entry| entry.note.as_str()).collect();
    assert_eq!(whole.len(), 40);
    for limit in [0, 1, 5, 20, 39, 40, 100] {
        let first: Vec<&str> =
            newest_first_up_to(&mojo.entries, limit).iter().map(|entry| entry.note.as_str()).collect();
        assert_eq!(first, whole[..limit.min(40)], "limit {limit}");
    }
}
