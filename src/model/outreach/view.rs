//! Which contacts to show and in what order: search, filters, sorts and the
//! default priority (weak ties in target jobs first, then due follow-ups).
//! Pure functions over the list, so 5,000 contacts are sorted in
//! milliseconds and tested without a browser.

use std::cmp::Ordering;

use chrono::NaiveDate;
use uuid::Uuid;

use super::{Contact, Outreach, Status, TieStrength};
use crate::model::plan::Targets;

/// Which follow-ups to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DueFilter {
    #[default]
    Any,
    /// Due today or overdue.
    Today,
    /// Due on or before the end of this week.
    ThisWeek,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words to look for in name, company, role, notes…; all must match.
    pub text: String,
    pub status: Option<Status>,
    pub tie: Option<TieStrength>,
    /// `Some(true)`: only target jobs; `Some(false)`: only the others.
    pub target: Option<bool>,
    pub due: DueFilter,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Weak ties in target jobs, then due follow-ups, then the rest.
    #[default]
    Priority,
    Name,
    /// Most recently contacted first; never contacted last.
    LastContacted,
    /// Soonest follow-up first; none last.
    NextFollowUp,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Priority, Sort::Name, Sort::LastContacted, Sort::NextFollowUp];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Priority => "priority",
            Sort::Name => "name",
            Sort::LastContacted => "last_contacted",
            Sort::NextFollowUp => "next_follow_up",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Priority => "Most promising first",
            Sort::Name => "Name",
            Sort::LastContacted => "Last contacted",
            Sort::NextFollowUp => "Next follow-up",
        }
    }
}

impl Filter {
    /// Whether `contact` passes every filter. `week_end` is the last day of this week.
    pub fn matches(&self, contact: &Contact, targets: &Targets, today: NaiveDate, week_end: NaiveDate) -> bool {
        if self.status.is_some_and(|status| contact.status != status) {
            return false;
        }
        if self.tie.is_some() && contact.tie() != self.tie {
            return false;
        }
        if self.target.is_some_and(|target| contact.is_target(targets) != target) {
            return false;
        }
        let due = match self.due {
            DueFilter::Any => true,
            DueFilter::Today => contact.is_due(today),
            DueFilter::ThisWeek => contact.is_due_by(week_end),
        };
        if !due {
            return false;
        }
        let words: Vec<String> = self.text.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return true;
        }
        let haystack = contact.search_text();
        words.iter().all(|word| haystack.contains(word.as_str()))
    }
}

/// The priority group of a contact (lower comes first).
pub fn priority_group(contact: &Contact, targets: &Targets, today: NaiveDate) -> u8 {
    if contact.status == Status::NotNow {
        4
    } else if contact.is_weak_tie() && contact.is_target(targets) {
        0
    } else if contact.is_due(today) {
        1
    } else if contact.is_target(targets) || contact.is_weak_tie() {
        2
    } else {
        3
    }
}

/// Case-insensitive order by name, then by id so the order is stable.
pub fn name_order(a: &Contact, b: &Contact) -> Ordering {
    a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.meta.id.cmp(&b.meta.id))
}

/// `None` after every date.
fn some_first<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two contacts for `sort`.
pub fn compare(sort: Sort, a: &Contact, b: &Contact, targets: &Targets, today: NaiveDate) -> Ordering {
    match sort {
        Sort::Priority => priority_group(a, targets, today)
            .cmp(&priority_group(b, targets, today))
            .then_with(|| some_first(a.next_follow_up(), b.next_follow_up()))
            .then_with(|| name_order(a, b)),
        Sort::Name => name_order(a, b),
        Sort::LastContacted => {
            some_first(a.last_contacted().map(std::cmp::Reverse), b.last_contacted().map(std::cmp::Reverse)).then_with(|| name_order(a, b))
        }
        Sort::NextFollowUp => some_first(a.next_follow_up(), b.next_follow_up()).then_with(|| name_order(a, b)),
    }
}

/// The ids to show, filtered and sorted.
pub fn select(outreach: &Outreach, targets: &Targets, filter: &Filter, sort: Sort, today: NaiveDate, week_end: NaiveDate) -> Vec<Uuid> {
    let mut shown: Vec<&Contact> = outreach.contacts.iter().filter(|contact| filter.matches(contact, targets, today, week_end)).collect();
    shown.sort_by(|a, b| compare(sort, a, b, targets, today));
    shown.into_iter().map(|contact| contact.meta.id).collect()
}
