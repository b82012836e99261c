//! The ground under your feet before the debrief: a practical first-week
//! checklist and a survival budget. Nothing here is legal or financial
//! advice; the wording says what to look at and why, plainly.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::Removed;
use super::meta::{record_edits, RecordMeta, Records, Timestamp};
use super::SetbackKind;
use crate::model::dates;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItem {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub title: String,
    /// One line on why it matters.
    pub why: String,
    pub due: Option<NaiveDate>,
    pub done_at: Option<Timestamp>,
}

/// Which kinds of setback a starting item is for (empty: every kind).
type Kinds = &'static [SetbackKind];

const FIRED: Kinds = &[SetbackKind::FiredOrLaidOff];
const LEFT_WORK: Kinds = &[SetbackKind::FiredOrLaidOff, SetbackKind::BusinessFailed];
const STALLED: Kinds = &[SetbackKind::Stalled];
const BUSINESS: Kinds = &[SetbackKind::BusinessFailed];
const PROJECT: Kinds = &[SetbackKind::ProjectRejected];
const ON_WORK_DEVICES: Kinds = &[SetbackKind::FiredOrLaidOff, SetbackKind::Stalled];
const EVERYONE: Kinds = &[];

/// The starting checklist, for the kinds of setback each item fits. Each has
/// a fixed id, so adding the defaults twice, or merging two devices that both
/// have them, never duplicates an item; items added to this list later reach
/// older workbooks once (a removed one stays removed: its tombstone).
const DEFAULT_ITEMS: [(u128, Kinds, &str, &str); 17] = [
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0001,
        FIRED,
        "Read the exit paperwork before signing anything",
        "Severance terms, notice and any agreement you are asked to sign are easier to question before you sign.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0002,
        FIRED,
        "Write down every deadline",
        "Benefits, health cover, final pay and returning equipment often come with dates that are easy to miss.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0003,
        FIRED,
        "Apply for unemployment benefits, where they exist",
        "Claims are often backdated only a little, so applying early protects money you are owed.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0004,
        LEFT_WORK,
        "Keep your health cover going",
        "A gap in cover is a risk you do not need right now; check what continues and what you must arrange.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0005,
        FIRED,
        "Collect references and work samples you may keep",
        "Proof of your good work is much harder to gather once accounts are closed and people move on.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0006,
        EVERYONE,
        "Tell the people at home",
        "Carrying it alone makes it heavier, and they can help with the practical side.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0007,
        EVERYONE,
        "Set a survival budget",
        "Knowing how many months you have turns a vague fear into a number you can plan around.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0008,
        EVERYONE,
        "Book your debrief",
        "Two or three quiet hours to understand what happened, before you decide what comes next.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0009,
        ON_WORK_DEVICES,
        "Keep this workbook on a device of your own",
        "Work phones and laptops are often handed back or looked after by someone else; your notes belong on yours.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000a,
        STALLED,
        "Write down what you have achieved where you are",
        "Your results of the last year or two are the story you will tell, in a review or in an interview.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000b,
        STALLED,
        "Ask your manager plainly what the next step would take",
        "A frank answer tells you whether growing here is possible, or whether it is time to look elsewhere.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000c,
        BUSINESS,
        "Close or pause the business properly",
        "Accounts, taxes, registrations and contracts each have their own ending; an accountant can list them with you.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000d,
        BUSINESS,
        "Tell your clients and suppliers",
        "A clear, early word protects your name: people remember how an ending was handled.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000e,
        BUSINESS,
        "Separate the business's debts from your own money",
        "Knowing exactly what you owe yourself lets you plan the next months calmly.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_000f,
        PROJECT,
        "Keep what you built and what people said about it",
        "The work, the numbers and the feedback are proof of what you can do, and the raw material for the next try.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0010,
        PROJECT,
        "Thank the people who tried it",
        "Early users and helpers are part of your network; a short thank-you keeps the door open.",
    ),
    (
        0x5c0e_0001_0000_4000_8000_0000_0000_0011,
        &[SetbackKind::ProjectRejected, SetbackKind::Stalled],
        "Decide how many evening hours you can really give",
        "While you still have a job, a small steady amount beats a big plan that burns you out.",
    ),
];

/// Whether the checklist item `id` fits this kind of setback: the person's
/// own items and the general ones always do; with no kind chosen yet (or
/// "something else"), those for someone who lost their job, as before.
pub fn fits(id: Uuid, kind: Option<SetbackKind>) -> bool {
    let kind = kind.filter(|kind| *kind != SetbackKind::Other).unwrap_or(SetbackKind::FiredOrLaidOff);
    DEFAULT_ITEMS
        .iter()
        .find(|(default, ..)| Uuid::from_u128(*default) == id)
        .is_none_or(|(_, kinds, ..)| kinds.is_empty() || kinds.contains(&kind))
}

/// One line of the budget: a monthly amount, in cents to avoid rounding drift.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoneyLine {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub label: String,
    pub monthly_cents: i64,
}

/// Which list of the budget a line belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetList {
    Income,
    Essential,
    Optional,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Budget {
    /// Savings and other cash at hand.
    pub savings_cents: i64,
    /// Money still coming in each month: severance instalments, benefits, a partner's income, freelance work.
    pub income: Vec<MoneyLine>,
    pub essential: Vec<MoneyLine>,
    /// Costs that could be paused.
    pub optional: Vec<MoneyLine>,
    /// Shown after amounts ("€", "USD"); the app does no conversion.
    pub currency: String,
}

/// How long the money lasts at a given monthly spend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Runway {
    /// Income covers these costs: the savings are not being used up.
    Covered,
    /// Lasts this many months and runs out on this date.
    Months { months: f64, runs_out: NaiveDate },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FirstSteps {
    pub checklist: Vec<ChecklistItem>,
    /// Set once the starting items were added, so removed ones stay removed.
    pub defaults_added: bool,
    pub budget: Budget,
    pub updated_at: Option<Timestamp>,
    /// Deleted records, so that merging an older backup does not bring them back.
    #[serde(skip_serializing_if = "Removed::is_empty")]
    pub removed: Removed,
}

record_edits!(FirstSteps {
    checklist: ChecklistItem => update_item, remove_item;
});

impl FirstSteps {
    /// Adds the starting checklist: the first time, and then any item added
    /// to it by a later version, once (removed ones stay removed). Returns
    /// whether anything was added.
    pub fn ensure_defaults(&mut self, now: Timestamp) -> bool {
        let mut added = false;
        for (id, _, title, why) in DEFAULT_ITEMS {
            let id = Uuid::from_u128(id);
            if !self.checklist.iter().any(|item| item.meta.id == id) && !self.removed.contains(id) {
                self.checklist.push(ChecklistItem {
                    meta: RecordMeta { id, updated_at: now },
                    title: title.into(),
                    why: why.into(),
                    ..ChecklistItem::default()
                });
                added = true;
            }
        }
        if added || !self.defaults_added {
            self.defaults_added = true;
            self.updated_at = Some(now);
        }
        added
    }

    /// The items that fit this kind of setback, in their order.
    pub fn items_for(&self, kind: Option<SetbackKind>) -> impl Iterator<Item = &ChecklistItem> {
        self.checklist.iter().filter(move |item| fits(item.meta.id, kind))
    }

    /// Done and all, of the items that fit this kind of setback.
    pub fn progress_for(&self, kind: Option<SetbackKind>) -> (usize, usize) {
        self.items_for(kind).fold((0, 0), |(done, all), item| (done + usize::from(item.done_at.is_some()), all + 1))
    }

    /// Barely started: fewer than half of the items that apply to this kind
    /// of setback are done.
    pub fn barely_started(&self, kind: Option<SetbackKind>) -> bool {
        let (done, all) = self.progress_for(kind);
        done * 2 < all
    }

    pub fn add_item(&mut self, title: &str, now: Timestamp) -> Option<Uuid> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let item = ChecklistItem { meta: RecordMeta::new(now), title: title.into(), ..ChecklistItem::default() };
        let id = self.checklist.push_record(item);
        self.updated_at = Some(now);
        Some(id)
    }

    /// Ticks or unticks an item; a ticked item remembers when.
    pub fn set_done(&mut self, id: Uuid, done: bool, now: Timestamp) {
        self.update_item(id, now, |item| item.done_at = done.then_some(now));
    }

    pub fn done_count(&self) -> usize {
        self.checklist.iter().filter(|item| item.done_at.is_some()).count()
    }
}

impl Budget {
    pub fn lines(&self, list: BudgetList) -> &Vec<MoneyLine> {
        match list {
            BudgetList::Income => &self.income,
            BudgetList::Essential => &self.essential,
            BudgetList::Optional => &self.optional,
        }
    }

    pub fn lines_mut(&mut self, list: BudgetList) -> &mut Vec<MoneyLine> {
        match list {
            BudgetList::Income => &mut self.income,
            BudgetList::Essential => &mut self.essential,
            BudgetList::Optional => &mut self.optional,
        }
    }

    fn total(lines: &[MoneyLine]) -> i64 {
        lines.iter().map(|line| line.monthly_cents.max(0)).sum()
    }

    pub fn monthly_income(&self) -> i64 {
        Self::total(&self.income)
    }

    pub fn essential_costs(&self) -> i64 {
        Self::total(&self.essential)
    }

    pub fn all_costs(&self) -> i64 {
        Self::total(&self.essential) + Self::total(&self.optional)
    }

    /// Runway if only essential costs are paid.
    pub fn runway_essentials(&self, today: NaiveDate) -> Runway {
        runway(self.savings_cents, self.monthly_income(), self.essential_costs(), today)
    }

    /// Runway if everything, optional costs too, keeps being paid.
    pub fn runway_everything(&self, today: NaiveDate) -> Runway {
        runway(self.savings_cents, self.monthly_income(), self.all_costs(), today)
    }

    /// Whether any figure has been entered.
    pub fn is_started(&self) -> bool {
        self.savings_cents != 0 || !self.income.is_empty() || !self.essential.is_empty() || !self.optional.is_empty()
    }
}

/// Months of runway: savings divided by what the month costs beyond income.
/// Negative savings count as none; money runs out today when nothing is left.
pub fn runway(savings_cents: i64, income_cents: i64, costs_cents: i64, today: NaiveDate) -> Runway {
    let burn = costs_cents - income_cents;
    if burn <= 0 {
        return Runway::Covered;
    }
    let months = savings_cents.max(0) as f64 / burn as f64;
    Runway::Months { months, runs_out: add_fractional_months(today, months) }
}

/// `date` plus `months`, the whole months by the calendar (31 Jan + 1 month
/// is the end of February) and the fraction as a share of the next month's days.
pub fn add_fractional_months(date: NaiveDate, months: f64) -> NaiveDate {
    let whole = months.floor().min(12_000.0) as u32;
    let base = date.checked_add_months(Months::new(whole)).unwrap_or(NaiveDate::MAX);
    let next = base.checked_add_months(Months::new(1)).unwrap_or(NaiveDate::MAX);
    let days_in_step = (next - base).num_days().max(0) as f64;
    let extra = ((months - months.floor()) * days_in_step).floor() as u64;
    base.checked_add_days(Days::new(extra)).unwrap_or(NaiveDate::MAX)
}

/// Reads an amount typed by a person ("1 250,50", "1,250.50", "1250") into cents.
pub fn parse_amount(text: &str) -> Option<i64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    if cleaned.is_empty() {
        return Some(0);
    }
    // The last '.' or ',' followed by one or two digits is the decimal mark.
    let decimal_at = cleaned.rfind(['.', ',']).filter(|at| (1..=2).contains(&(cleaned.len() - at - 1)));
    let (whole, fraction) = match decimal_at {
        Some(at) => (&cleaned[..at], &cleaned[at + 1..]),
        None => (cleaned.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(cents)
}

/// Shows cents as an amount with two decimals ("1250.50").
pub fn format_amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    format!("{sign}{}.{:02}", cents / 100, cents % 100)
}

/// "4.5 months" / "less than a month", for people rather than spreadsheets.
pub fn months_label(months: f64) -> String {
    if months < 1.0 {
        "less than a month".into()
    } else {
        // In whole tenths: no float is formatted.
        let tenths = (months * 10.0).floor() as i64;
        match tenths % 10 {
            0 => format!("{} months", tenths / 10),
            tenth => format!("{}.{tenth} months", tenths / 10),
        }
    }
}

/// A date as people read it ("3 March 2027").
pub fn date_label(date: NaiveDate) -> String {
    dates::long(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_in_common_notations() {
        assert_eq!(parse_amount("1250"), Some(125_000));
        assert_eq!(parse_amount("1,250.50"), Some(125_050));
        assert_eq!(parse_amount("1.250,50"), Some(125_050));
        assert_eq!(parse_amount("1 250,5"), Some(125_050));
        assert_eq!(parse_amount("0.99"), Some(99));
        assert_eq!(parse_amount(""), Some(0));
        assert_eq!(parse_amount("12a"), None);
        assert_eq!(parse_amount("-5"), None);
        assert_eq!(format_amount(125_050), "1250.50");
        assert_eq!(format_amount(5), "0.05");
    }

    #[test]
    fn month_labels() {
        assert_eq!(months_label(0.4), "less than a month");
        assert_eq!(months_label(3.0), "3 months");
        assert_eq!(months_label(4.56), "4.5 months");
        assert_eq!(months_label(12.05), "12 months");
        assert_eq!(months_label(18.99), "18.9 months");
    }
}
