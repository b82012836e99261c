//! Which contacts to show and in what order: search, filters, sorts and the
//! default priority (weak ties in target jobs first, then due follow-ups).
//! Pure functions over the list, tested without a browser.
//!
//! With 5,000 contacts a filter keystroke must stay within a frame, so the
//! work is split: [`index`] sorts the list once and prepares what filters
//! read (the lowercased search text, the follow-up date), and is redone only
//! when the list or the sort changes; [`IndexCache::select`] then only filters.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use memchr::memmem::Finder;
use uuid::Uuid;

use super::FollowUpDue;
use super::{Contact, Outreach, Status, TieStrength};
use crate::model::keyed::keyed_enum;
use crate::model::meta::{IdMap, IdSet};
use crate::model::plan::Targets;
use crate::model::sorting;
use crate::model::Timestamp;

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

keyed_enum!(Sort {
    Priority => "priority", "Most promising first";
    Name => "name", "Name";
    LastContacted => "last_contacted", "Last contacted";
    NextFollowUp => "next_follow_up", "Next follow-up";
});

impl Filter {
    /// Whether `contact` passes every filter. `week_end` is the last day of this week.
    pub fn matches(&self, contact: &Contact, targets: &Targets, today: NaiveDate, week_end: NaiveDate) -> bool {
        let words = self.words();
        self.matches_entry(&Entry::of(contact, contact.is_target(targets)), &finders(&words), today, week_end)
    }

    /// The search words, lowercased: all must be found.
    fn words(&self) -> Vec<String> {
        self.text.split_whitespace().map(str::to_lowercase).collect()
    }

    /// Whether everything this filter keeps, `wider` keeps too: the same
    /// choices, and each of `wider`'s words inside one of these words (as
    /// when a search is typed further), so this filter need only look among
    /// what `wider` selected.
    fn narrows(&self, wider: &Filter) -> bool {
        let words = self.words();
        self.status == wider.status
            && self.tie == wider.tie
            && self.target == wider.target
            && self.due == wider.due
            && wider.words().iter().all(|wide| words.iter().any(|word| word.contains(wide.as_str())))
    }

    fn matches_entry(&self, entry: &Entry, words: &[Finder<'_>], today: NaiveDate, week_end: NaiveDate) -> bool {
        if self.status.is_some_and(|status| entry.status != status) {
            return false;
        }
        if self.tie.is_some() && entry.tie != self.tie {
            return false;
        }
        if self.target.is_some_and(|target| entry.target != target) {
            return false;
        }
        let due = match self.due {
            DueFilter::Any => true,
            DueFilter::Today => entry.next_follow_up.is_some_and(|next| next <= today),
            DueFilter::ThisWeek => entry.next_follow_up.is_some_and(|next| next <= week_end),
        };
        due && words.iter().all(|word| word.find(entry.haystack.as_bytes()).is_some())
    }
}

/// One searcher per word, built once for the whole list: building a
/// substring searcher per contact was a fifth of a filter keystroke's time.
fn finders(words: &[String]) -> Vec<Finder<'_>> {
    words.iter().map(|word| Finder::new(word.as_bytes())).collect()
}

/// What the filters read of one contact, computed once per [`index`].
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    id: Uuid,
    /// The name as shown, trimmed.
    name: String,
    /// [`Contact::search_text`]: every searchable field, lowercased.
    haystack: String,
    status: Status,
    tie: Option<TieStrength>,
    target: bool,
    next_follow_up: Option<NaiveDate>,
}

impl Entry {
    fn of(contact: &Contact, target: bool) -> Self {
        Self {
            id: contact.meta.id,
            name: contact.name.trim().to_owned(),
            haystack: contact.search_text(),
            status: contact.status,
            tie: contact.tie(),
            target,
            next_follow_up: contact.next_follow_up(),
        }
    }
}

/// Sorts the list for `sort` and prepares it for filtering. Each contact's
/// sort key is computed once ([`compare`] gives the same order pair by pair).
pub fn index(outreach: &Outreach, targets: &Targets, sort: Sort, today: NaiveDate) -> IndexCache {
    let mut index = IndexCache::default();
    index.rebuild(&outreach.contacts, targets, sort, today);
    index
}

/// [`index`] kept up to date edit by edit: a contact is prepared again only
/// when its edit time changed (every edit of a record sets it), and put back
/// in its place by binary search, so an edit beside 5,000 contacts costs one
/// pass comparing ids and times instead of preparing and sorting them all.
/// A change of sort, day or targets (which move every contact) prepares the
/// whole list again.
#[derive(Debug, Default)]
pub struct IndexCache {
    context: Option<(Sort, NaiveDate, Targets)>,
    /// The edit time of each contact as prepared.
    seen: IdMap<Timestamp>,
    sorted: Vec<(SortKey, Entry)>,
    /// The last few filters and what they selected, most recent first, while
    /// the index stays as it is ([`IndexCache::select_recalling`]).
    recent: Vec<Selection>,
}

/// What one filter selected: places in [`IndexCache::sorted`].
#[derive(Debug)]
struct Selection {
    filter: Filter,
    days: (NaiveDate, NaiveDate),
    places: Vec<u32>,
}

/// How many recent selections are kept: a word typed and erased again.
const RECENT: usize = 16;

/// Past this many changed contacts (an import), sorting everything again is
/// cheaper than inserting them one by one.
const REBUILD_ABOVE: usize = 64;

impl IndexCache {
    /// Brings the index up to date with `contacts`; says whether it changed.
    /// Finds what changed by comparing every contact's edit time.
    pub fn refresh(&mut self, contacts: &[Contact], targets: &Targets, sort: Sort, today: NaiveDate) -> bool {
        self.refresh_from(contacts, None, targets, sort, today)
    }

    /// [`IndexCache::refresh`] told which contacts may have changed since
    /// the last refresh: each id with its place in `contacts` (`None` once
    /// removed). Only those are looked at, so an edit beside 5,000 contacts
    /// walks none of the others.
    pub fn refresh_known(
        &mut self,
        contacts: &[Contact],
        maybe_changed: &[(Uuid, Option<usize>)],
        targets: &Targets,
        sort: Sort,
        today: NaiveDate,
    ) -> bool {
        self.refresh_from(contacts, Some(maybe_changed), targets, sort, today)
    }

    fn refresh_from(
        &mut self,
        contacts: &[Contact],
        maybe_changed: Option<&[(Uuid, Option<usize>)]>,
        targets: &Targets,
        sort: Sort,
        today: NaiveDate,
    ) -> bool {
        let same_context =
            self.context.as_ref().is_some_and(|(s, day, known)| *s == sort && *day == today && known == targets);
        if !same_context {
            self.rebuild(contacts, targets, sort, today);
            return true;
        }
        let is_new = |contact: &&Contact| self.seen.get(&contact.meta.id) != Some(&contact.meta.updated_at);
        let (changed, gone): (Vec<&Contact>, IdSet) = match maybe_changed {
            Some(maybe) => (
                maybe
                    .iter()
                    .filter_map(|(id, place)| place.and_then(|at| contacts.get(at)).filter(|c| c.meta.id == *id))
                    .filter(is_new)
                    .collect(),
                maybe
                    .iter()
                    .filter(|(id, place)| place.is_none() && self.seen.contains_key(id))
                    .map(|(id, _)| *id)
                    .collect(),
            ),
            None => {
                let changed: Vec<&Contact> = contacts.iter().filter(is_new).collect();
                let unchanged = contacts.len() - changed.len();
                let gone = if self.seen.len() > unchanged {
                    let live: IdSet = contacts.iter().map(|contact| contact.meta.id).collect();
                    self.seen.keys().filter(|id| !live.contains(id)).copied().collect()
                } else {
                    IdSet::default()
                };
                (changed, gone)
            }
        };
        if changed.is_empty() && gone.is_empty() {
            return false;
        }
        if changed.len() > REBUILD_ABOVE {
            self.rebuild(contacts, targets, sort, today);
            return true;
        }
        self.recent.clear();
        let matcher = targets.matcher();
        // Only contacts prepared before have an entry to take out: a contact
        // just added has none, so adding one walks no list here.
        let mut stale: IdSet =
            changed.iter().map(|contact| contact.meta.id).filter(|id| self.seen.contains_key(id)).collect();
        stale.extend(gone.iter().copied());
        if !stale.is_empty() {
            self.sorted.retain(|(_, entry)| !stale.contains(&entry.id));
        }
        if !gone.is_empty() {
            self.seen.retain(|id, _| !gone.contains(id));
        }
        for contact in changed {
            let target = contact.is_target_for(&matcher);
            let key = SortKey::of(sort, contact, target, today);
            let at = self.sorted.binary_search_by(|(other, _)| other.cmp(&key)).unwrap_or_else(|at| at);
            self.sorted.insert(at, (key, Entry::of(contact, target)));
            self.seen.insert(contact.meta.id, contact.meta.updated_at);
        }
        true
    }

    fn rebuild(&mut self, contacts: &[Contact], targets: &Targets, sort: Sort, today: NaiveDate) {
        let matcher = targets.matcher();
        self.sorted = contacts
            .iter()
            .map(|contact| {
                let target = contact.is_target_for(&matcher);
                (SortKey::of(sort, contact, target, today), Entry::of(contact, target))
            })
            .collect();
        sorting::sort_by(&mut self.sorted, |a, b| a.0.cmp(&b.0));
        self.seen = contacts.iter().map(|contact| (contact.meta.id, contact.meta.updated_at)).collect();
        self.context = Some((sort, today, targets.clone()));
        self.recent.clear();
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// How many contacts work in a target job or company.
    pub fn target_count(&self) -> usize {
        self.sorted.iter().filter(|(_, entry)| entry.target).count()
    }

    /// The ids that pass `filter`, in the sort's order.
    pub fn select(&self, filter: &Filter, today: NaiveDate, week_end: NaiveDate) -> Vec<Uuid> {
        let words = filter.words();
        let words = finders(&words);
        self.sorted
            .iter()
            .filter(|(_, entry)| filter.matches_entry(entry, &words, today, week_end))
            .map(|(_, entry)| entry.id)
            .collect()
    }

    /// The follow-ups due on or before `end`, soonest first, then by name:
    /// [`super::follow_ups_due`] from the prepared contacts,
    /// without working out 5,000 follow-up dates again.
    pub fn follow_ups_due(&self, end: NaiveDate) -> Vec<FollowUpDue> {
        let mut due: Vec<(NaiveDate, &SortKey, &Entry)> = self
            .sorted
            .iter()
            .filter_map(|(key, entry)| entry.next_follow_up.filter(|next| *next <= end).map(|next| (next, key, entry)))
            .collect();
        sorting::sort_by(&mut due, |a, b| {
            a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)).then_with(|| a.2.id.cmp(&b.2.id))
        });
        due.into_iter()
            .map(|(date, _, entry)| FollowUpDue { contact: entry.id, name: entry.name.clone(), date })
            .collect()
    }

    /// [`IndexCache::select`] for a filter being typed: a filter chosen a
    /// moment ago is answered from memory (erasing a letter), and one that
    /// narrows a recent filter looks only among that filter's matches
    /// (typing a letter), instead of searching all 5,000 contacts each time.
    pub fn select_recalling(&mut self, filter: &Filter, today: NaiveDate, week_end: NaiveDate) -> Vec<Uuid> {
        let days = (today, week_end);
        let kept = self.recent.iter().position(|selection| selection.days == days && selection.filter == *filter);
        let selection = match kept {
            Some(at) => self.recent.remove(at),
            None => {
                let words = filter.words();
                let words = finders(&words);
                let sorted = &self.sorted;
                let keeps = |place: &u32| {
                    sorted
                        .get(*place as usize)
                        .is_some_and(|(_, entry)| filter.matches_entry(entry, &words, today, week_end))
                };
                let narrowest = self
                    .recent
                    .iter()
                    .filter(|selection| selection.days == days && filter.narrows(&selection.filter))
                    .min_by_key(|selection| selection.places.len());
                let places = match narrowest {
                    Some(wider) => wider.places.iter().copied().filter(keeps).collect(),
                    None => (0..u32::try_from(sorted.len()).unwrap_or(u32::MAX)).filter(keeps).collect(),
                };
                Selection { filter: filter.clone(), days, places }
            }
        };
        let ids = selection
            .places
            .iter()
            .filter_map(|place| self.sorted.get(*place as usize))
            .map(|(_, entry)| entry.id)
            .collect();
        self.recent.insert(0, selection);
        self.recent.truncate(RECENT);
        ids
    }
}

/// One contact's place in a sort, ordered as [`compare`] orders contacts.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    group: u8,
    /// A date that orders first when smaller; `None` last.
    date: (bool, i32),
    name: String,
    id: Uuid,
}

impl SortKey {
    fn of(sort: Sort, contact: &Contact, target: bool, today: NaiveDate) -> Self {
        let date = |day: Option<NaiveDate>, newest_first: bool| match day {
            Some(day) if newest_first => (false, -day.num_days_from_ce()),
            Some(day) => (false, day.num_days_from_ce()),
            None => (true, 0),
        };
        let (group, date) = match sort {
            Sort::Priority => (group_of(contact, target, today), date(contact.next_follow_up(), false)),
            Sort::Name => (0, (false, 0)),
            Sort::LastContacted => (0, date(contact.last_contacted(), true)),
            Sort::NextFollowUp => (0, date(contact.next_follow_up(), false)),
        };
        Self { group, date, name: contact.name.to_lowercase(), id: contact.meta.id }
    }
}

/// The priority group of a contact (lower comes first).
pub fn priority_group(contact: &Contact, targets: &Targets, today: NaiveDate) -> u8 {
    group_of(contact, contact.is_target(targets), today)
}

/// [`priority_group`] of a contact whose target match is known.
fn group_of(contact: &Contact, target: bool, today: NaiveDate) -> u8 {
    if contact.status == Status::NotNow {
        4
    } else if contact.is_weak_tie() && target {
        0
    } else if contact.is_due(today) {
        1
    } else if target || contact.is_weak_tie() {
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
            some_first(a.last_contacted().map(std::cmp::Reverse), b.last_contacted().map(std::cmp::Reverse))
                .then_with(|| name_order(a, b))
        }
        Sort::NextFollowUp => some_first(a.next_follow_up(), b.next_follow_up()).then_with(|| name_order(a, b)),
    }
}

/// The ids to show, filtered and sorted.
pub fn select(
    outreach: &Outreach,
    targets: &Targets,
    filter: &Filter,
    sort: Sort,
    today: NaiveDate,
    week_end: NaiveDate,
) -> Vec<Uuid> {
    index(outreach, targets, sort, today).select(filter, today, week_end)
}
