//! First steps after the blow: the survival budget's runway, the 30/60/90-day
//! horizons of the action plan, and the starting checklist.
// Amounts are in cents: 12_000_00 reads as 12,000.00, which the lint calls inconsistent.
#![allow(clippy::inconsistent_digit_grouping)]

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use comeback::io::stored::{decode, encode, Loaded};
use comeback::model::first_steps::{add_fractional_months, runway, BudgetList, MoneyLine, Runway};
use comeback::model::plan::{end_of_week, Horizon};
use comeback::model::{RecordMeta, Workbook};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn months(runway: Runway) -> (f64, NaiveDate) {
    match runway {
        Runway::Months { months, runs_out } => (months, runs_out),
        Runway::Covered => panic!("expected a runway in months"),
    }
}

// Guards the core arithmetic: savings ÷ (costs − income).
#[test]
fn runway_is_savings_over_the_monthly_gap() {
    let (m, date) = months(runway(12_000_00, 1_000_00, 3_000_00, day(2026, 1, 10)));
    assert_eq!(m, 6.0);
    assert_eq!(date, day(2026, 7, 10));
}

#[test]
fn zero_costs_or_income_above_costs_never_run_out() {
    assert_eq!(runway(5_000_00, 0, 0, day(2026, 1, 1)), Runway::Covered);
    assert_eq!(runway(0, 2_500_00, 2_000_00, day(2026, 1, 1)), Runway::Covered);
    assert_eq!(runway(0, 2_000_00, 2_000_00, day(2026, 1, 1)), Runway::Covered);
}

#[test]
fn zero_or_negative_savings_run_out_today() {
    assert_eq!(months(runway(0, 0, 1_000_00, day(2026, 3, 3))), (0.0, day(2026, 3, 3)));
    assert_eq!(months(runway(-500_00, 0, 1_000_00, day(2026, 3, 3))), (0.0, day(2026, 3, 3)));
}

// Guards fractional months: the fraction is a share of the following month's days.
#[test]
fn fractional_months_count_days_of_the_next_month() {
    let (m, date) = months(runway(2_500_00, 0, 1_000_00, day(2026, 1, 1)));
    assert_eq!(m, 2.5);
    // 1 Jan + 2 months = 1 Mar; half of March (31 days) = 15 days.
    assert_eq!(date, day(2026, 3, 16));
}

// Guards month ends: 31 January plus one month is the end of February, not March.
#[test]
fn dates_across_month_ends_clamp_to_the_last_day() {
    assert_eq!(add_fractional_months(day(2026, 1, 31), 1.0), day(2026, 2, 28));
    assert_eq!(add_fractional_months(day(2028, 1, 31), 1.0), day(2028, 2, 29));
    assert_eq!(add_fractional_months(day(2026, 8, 31), 0.0), day(2026, 8, 31));
    assert_eq!(add_fractional_months(day(2026, 12, 15), 1.5), day(2027, 1, 30));
}

#[test]
fn budget_runways_with_essentials_only_and_with_everything() {
    let mut workbook = Workbook::new(at(0));
    let budget = &mut workbook.first_steps.budget;
    budget.savings_cents = 9_000_00;
    let line =
        |label: &str, cents| MoneyLine { meta: RecordMeta::new(at(0)), label: label.into(), monthly_cents: cents };
    budget.lines_mut(BudgetList::Income).push(line("Benefits", 1_000_00));
    budget.lines_mut(BudgetList::Essential).push(line("Rent", 1_800_00));
    budget.lines_mut(BudgetList::Essential).push(line("Food", 700_00));
    budget.lines_mut(BudgetList::Optional).push(line("Gym", 500_00));
    let today = day(2026, 11, 28);
    assert_eq!(months(budget.runway_essentials(today)).0, 6.0);
    assert_eq!(months(budget.runway_everything(today)).0, 4.5);
    assert_eq!(months(budget.runway_everything(today)).1, day(2027, 4, 12));
}

#[test]
fn end_of_week_follows_the_first_day() {
    // Saturday 28 November 2026.
    assert_eq!(end_of_week(day(2026, 11, 28), Weekday::Mon), day(2026, 11, 29));
    assert_eq!(end_of_week(day(2026, 11, 28), Weekday::Sun), day(2026, 11, 28));
    assert_eq!(end_of_week(day(2026, 11, 29), Weekday::Sun), day(2026, 12, 5));
}

// Guards the horizons around month and year ends.
#[test]
fn horizons_around_month_and_year_boundaries() {
    let today = day(2026, 12, 30); // a Wednesday
    let of = |due: Option<NaiveDate>| Horizon::of(due, today, Weekday::Mon);
    assert_eq!(of(None), Horizon::Someday);
    assert_eq!(of(Some(day(2026, 12, 1))), Horizon::ThisWeek, "overdue stays in view");
    assert_eq!(of(Some(day(2027, 1, 3))), Horizon::ThisWeek, "Sunday across the new year");
    assert_eq!(of(Some(day(2027, 1, 4))), Horizon::Next30);
    assert_eq!(of(Some(day(2027, 1, 29))), Horizon::Next30, "30 days");
    assert_eq!(of(Some(day(2027, 1, 30))), Horizon::Next60, "31 days");
    assert_eq!(of(Some(day(2027, 2, 28))), Horizon::Next60, "60 days, across February");
    assert_eq!(of(Some(day(2027, 3, 1))), Horizon::Next90);
    assert_eq!(of(Some(day(2027, 3, 30))), Horizon::Next90, "90 days");
    assert_eq!(of(Some(day(2027, 3, 31))), Horizon::Later);
}

// Guards moving: each horizon's due date lands back in that horizon.
#[test]
fn moving_to_a_horizon_sets_a_due_date_inside_it() {
    let today = day(2027, 1, 31);
    for horizon in Horizon::ALL {
        let due = horizon.due_date(today, Weekday::Mon);
        assert_eq!(Horizon::of(due, today, Weekday::Mon), horizon, "{horizon:?}");
    }
    let mut workbook = Workbook::new(at(0));
    let id = workbook.plan.add_action("Call the benefits office", None, at(1)).unwrap();
    workbook.plan.move_to(id, Horizon::Next60, today, Weekday::Mon, at(2));
    assert_eq!(workbook.plan.actions[0].due, Some(day(2027, 4, 1)));
    assert_eq!(workbook.plan.in_horizon(Horizon::Next60, today, Weekday::Mon).len(), 1);
    workbook.plan.move_to(id, Horizon::Someday, today, Weekday::Mon, at(3));
    assert_eq!(workbook.plan.actions[0].due, None);
}

// Guards the checklist defaults: added once, not duplicated on reload or import, removed ones stay removed.
#[test]
fn checklist_defaults_are_added_once() {
    // A new workbook starts with them.
    let mut workbook = Workbook::new(at(0));
    let count = workbook.first_steps.checklist.len();
    assert_eq!(count, 17, "the starting items of every kind of setback (each page shows those that fit)");
    assert!(!workbook.first_steps.ensure_defaults(at(1)));
    assert_eq!(workbook.first_steps.checklist.len(), count);

    // Reload: the stored copy keeps the flag and the same ids.
    let Loaded::Current(mut reloaded) = decode(Some(&encode(&workbook).unwrap())) else { panic!("reload") };
    reloaded.first_steps.ensure_defaults(at(2));
    assert_eq!(reloaded.first_steps.checklist, workbook.first_steps.checklist);

    // Data from before the checklist existed gets the defaults once, with the
    // same fixed ids as every other device (so a later merge cannot double them).
    let mut older = Workbook::default();
    assert!(older.first_steps.checklist.is_empty());
    assert!(older.first_steps.ensure_defaults(at(5)));
    let ids = |workbook: &Workbook| workbook.first_steps.checklist.iter().map(|item| item.meta.id).collect::<Vec<_>>();
    assert_eq!(ids(&older), ids(&workbook));

    // A removed default does not come back.
    let first = workbook.first_steps.checklist[0].meta.id;
    workbook.first_steps.remove_item(first, at(3));
    workbook.first_steps.ensure_defaults(at(4));
    assert_eq!(workbook.first_steps.checklist.len(), count - 1);

    // A workbook from before the items for each kind existed (8 items, the
    // flag set) gets the new ones once, and keeps what it had.
    let mut before = Workbook::new(at(0));
    before.first_steps.checklist.truncate(8);
    before.first_steps.set_done(first, true, at(1));
    assert!(before.first_steps.ensure_defaults(at(6)));
    assert_eq!(before.first_steps.checklist.len(), count);
    assert!(before.first_steps.checklist[0].done_at.is_some());
    assert!(!before.first_steps.ensure_defaults(at(7)), "once");
}

#[test]
fn ticking_remembers_when_and_own_items_can_be_added() {
    let mut workbook = Workbook::new(at(0));
    workbook.first_steps.ensure_defaults(at(0));
    let id = workbook.first_steps.add_item("Call my sister", at(1)).unwrap();
    assert_eq!(workbook.first_steps.add_item("   ", at(1)), None);
    workbook.first_steps.set_done(id, true, at(2));
    assert_eq!(workbook.first_steps.checklist.last().unwrap().done_at, Some(at(2)));
    assert_eq!(workbook.first_steps.done_count(), 1);
    workbook.first_steps.set_done(id, false, at(3));
    assert_eq!(workbook.first_steps.done_count(), 0);
}
