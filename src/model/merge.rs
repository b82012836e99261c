//! Merging this device's workbook with one from a backup made on another
//! device, without a server.
//!
//! The rules:
//! - **Records** (everything with a `RecordMeta`) are matched by id (answers
//!   by their question). The version edited last wins; on equal times the
//!   version whose JSON text sorts last wins, so both devices reach the same result whichever way
//!   they merge. Child lists (a project's milestones, a contact's log, the
//!   people met at an event) are merged the same way inside the winner.
//! - **Deletions** are kept as tombstones ([`Removed`]: id → when). A record
//!   stays deleted unless it was edited after it was deleted, so a deleted
//!   contact never comes back from an older backup.
//! - **Other fields of a section** (the debrief summary, the budget figures,
//!   the announcement, the weekly goal…) come from the side whose section was
//!   edited last (its `updated_at`), as a whole; ties as above.
//! - **A step's done mark** (`outreach.done_at`, `mojo.done_at`,
//!   `plan.done_at` with `plan.end_state`, schema 6) is one of those fields:
//!   marking or reopening a step is an edit of its section, so the side that
//!   did it last gives it.
//! - **The debrief's place in its guided sequence** (`debrief.place`,
//!   schema 7) carries its own time and is not an edit of the section: the
//!   later place wins, whichever side's section wins.
//! - **Weekly reviews** (`mojo.reviews`, schema 8) are matched by their
//!   week, not their id: a week has one review, so two devices that each
//!   started one for the same week keep the one edited last, with the
//!   priorities of both (a deleted review stays deleted, by its id).
//! - **The days kept since schema 8** (`debrief.setback_on`, an action's
//!   `done_on`, a contact's `replied_on`, a proud entry's `added_on`) go
//!   with their record or section, like any other field of it.
//! - **Settings** are this device's preferences: the theme stays; the last
//!   export is the later of the two; the welcome counts as read if either was.
//!
//! Adding to the model: a new record type is one word in `records!` (with its
//! child lists, if any); a new list of records is one `m.records(…)` line in
//! [`merge`]; a new section is one word in `sections!` and one `m.section(…)`
//! line (it needs `updated_at` and `removed` fields). Every remove function
//! records a tombstone: `self.removed.record(id, now)`.

use std::cmp::Ordering;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use chrono::DateTime;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::debrief::{Answer, Factor, Note, OwnQuestion, TimelineEvent};
use super::first_steps::{ChecklistItem, MoneyLine};
pub use super::meta::Removed;
use super::meta::{RecordMeta, Stamped, Timestamp};
use super::mojo::{ComfortEvent, Milestone, PersonMet, ProudItem, RestDay, SideProject, TimeEntry};
use super::outreach::share::Posting;
use super::outreach::{Contact, Interaction};
use super::plan::opportunities::Opportunity;
use super::plan::path::{Criterion, PathOption};
use super::plan::story::{AnswerVersion, Story};
use super::plan::targets::Target;
use super::plan::ActionItem;
use super::review::{Priority, WeeklyReview};
use super::sequence::Place;
use super::{Debrief, FirstSteps, Mojo, Outreach, Plan, Settings, Workbook, SCHEMA_VERSION};

/// A record that can be matched with its copy on another device.
pub trait Record: Clone + PartialEq + Serialize {
    type Key: Ord + Clone;
    fn key(&self) -> Self::Key;
    /// When it was last edited; records without a time count as the oldest.
    fn edited_at(&self) -> Timestamp;
    fn is_removed(&self, removed: &Removed) -> bool;
    /// Merges the child lists of the other version into this one (the winner).
    fn merge_children(&mut self, _other: &Self, _removed: &Removed) {}
}

/// Implements [`Stamped`] and [`Record`] for types with a flattened `meta: RecordMeta`, and
/// names their child lists, if any.
macro_rules! records {
    ($($kind:ty $({ $($child:ident),* })?),* $(,)?) => {$(
        impl Stamped for $kind {
            fn meta(&self) -> &RecordMeta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut RecordMeta {
                &mut self.meta
            }
        }
        impl Record for $kind {
            type Key = Uuid;
            fn key(&self) -> Uuid {
                self.meta.id
            }
            fn edited_at(&self) -> Timestamp {
                self.meta.updated_at
            }
            fn is_removed(&self, removed: &Removed) -> bool {
                removed.removes(self.meta.id, self.meta.updated_at)
            }
            $(fn merge_children(&mut self, other: &Self, removed: &Removed) {
                $(self.$child = merge_records(&self.$child, &other.$child, removed);)*
            })?
        }
    )*};
}

records!(
    TimelineEvent,
    OwnQuestion,
    Factor,
    Note,
    ChecklistItem,
    MoneyLine,
    Contact { interactions },
    Interaction,
    Posting,
    SideProject { milestones },
    Milestone,
    TimeEntry,
    RestDay,
    ComfortEvent { people },
    PersonMet,
    ProudItem,
    ActionItem,
    PathOption,
    Criterion,
    Target,
    Opportunity,
    AnswerVersion,
    Story,
    Priority,
);

impl Stamped for WeeklyReview {
    fn meta(&self) -> &RecordMeta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut RecordMeta {
        &mut self.meta
    }
}

/// Reviews are keyed by their week: a week has one review, whichever device
/// started it. The version edited last wins, with both sides' priorities.
impl Record for WeeklyReview {
    type Key = chrono::NaiveDate;
    fn key(&self) -> chrono::NaiveDate {
        self.week
    }
    fn edited_at(&self) -> Timestamp {
        self.meta.updated_at
    }
    fn is_removed(&self, removed: &Removed) -> bool {
        removed.removes(self.meta.id, self.meta.updated_at)
    }
    fn merge_children(&mut self, other: &Self, removed: &Removed) {
        self.priorities = merge_records(&self.priorities, &other.priorities, removed);
    }
}

/// Answers are keyed by their question; an own question's deletion removes its answer.
impl Record for Answer {
    type Key = String;
    fn key(&self) -> String {
        self.question.clone()
    }
    fn edited_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(DateTime::UNIX_EPOCH)
    }
    fn is_removed(&self, removed: &Removed) -> bool {
        Uuid::parse_str(&self.question).is_ok_and(|id| removed.removes(id, self.edited_at()))
    }
}

/// A section of the workbook as the merge sees it: its own fields, lists of
/// records, the time of its last edit and its tombstones. (Not
/// `io::parts::Section`, which names where a section is stored.)
pub trait MergedSection: Clone + Serialize {
    fn updated_at(&self) -> Option<Timestamp>;
    fn removed(&self) -> &Removed;
    fn removed_mut(&mut self) -> &mut Removed;
}

macro_rules! merged_sections {
    ($($kind:ty),* $(,)?) => {$(
        impl MergedSection for $kind {
            fn updated_at(&self) -> Option<Timestamp> {
                self.updated_at
            }
            fn removed(&self) -> &Removed {
                &self.removed
            }
            fn removed_mut(&mut self) -> &mut Removed {
                &mut self.removed
            }
        }
    )*};
}

merged_sections!(FirstSteps, Debrief, Outreach, Mojo);

/// The plan's parts (path, targets, opportunities, answer) keep their own
/// edit times; the section counts as edited at the latest of them.
impl MergedSection for Plan {
    fn updated_at(&self) -> Option<Timestamp> {
        self.last_edit()
    }
    fn removed(&self) -> &Removed {
        &self.removed
    }
    fn removed_mut(&mut self) -> &mut Removed {
        &mut self.removed
    }
}

/// Orders two versions by the merge rule: later edit first, then JSON text.
fn precedence<T: Serialize>(a: &T, a_at: Option<Timestamp>, b: &T, b_at: Option<Timestamp>) -> Ordering {
    a_at.cmp(&b_at).then_with(|| {
        let text = |value: &T| serde_json::to_string(value).unwrap_or_default();
        text(a).cmp(&text(b))
    })
}

fn newer<'a, T: Record>(a: &'a T, b: &'a T, removed: &Removed) -> T {
    let (winner, other) = match precedence(a, Some(a.edited_at()), b, Some(b.edited_at())) {
        Ordering::Less => (b, a),
        _ => (a, b),
    };
    let mut merged = winner.clone();
    merged.merge_children(other, removed);
    merged
}

/// Merges two lists of records: `lead`'s order is kept, records only in
/// `other` follow in their order, and deleted records are left out. An id
/// found more than once (also within one list) is kept once, by the same rule.
pub fn merge_records<T: Record>(lead: &[T], other: &[T], removed: &Removed) -> Vec<T> {
    // Maps of key -> position (not -> record) keep the generic code small in the wasm.
    let mut at: BTreeMap<T::Key, usize> = BTreeMap::new();
    let mut versions: Vec<T> = Vec::with_capacity(lead.len().max(other.len()));
    for record in lead.iter().chain(other) {
        match at.entry(record.key()) {
            Entry::Vacant(entry) => {
                entry.insert(versions.len());
                versions.push(record.clone());
            }
            Entry::Occupied(entry) => {
                let kept = &mut versions[*entry.get()];
                *kept = newer(kept, record, removed);
            }
        }
    }
    versions.retain(|record| !record.is_removed(removed));
    versions
}

/// The workbook with each repeated record id kept once (the latest edit), as
/// a merge would; for files edited by hand or damaged.
pub fn without_duplicates(workbook: &Workbook) -> Workbook {
    merge(workbook, workbook).workbook
}

/// What a merge changes in one part of this device's workbook.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub part: &'static str,
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.added + self.updated + self.removed == 0
    }
}

/// A merged workbook and what it changes here, part by part.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub workbook: Workbook,
    /// Only the parts that change.
    pub changes: Vec<Change>,
}

struct Merger<'a> {
    ours: &'a Workbook,
    theirs: &'a Workbook,
    removed: Removed,
    changes: Vec<Change>,
}

impl<'a> Merger<'a> {
    /// A section's own fields from the side edited last, with the tombstones of both.
    fn section<S: MergedSection>(&mut self, part: &'static str, of: impl Fn(&Workbook) -> &S) -> S {
        let (ours, theirs) = (of(self.ours), of(self.theirs));
        let mut merged = match precedence(ours, ours.updated_at(), theirs, theirs.updated_at()) {
            Ordering::Less => theirs.clone(),
            _ => ours.clone(),
        };
        for side in [ours, theirs] {
            self.removed.absorb(side.removed());
            merged.removed_mut().absorb(side.removed());
        }
        if own_fields(&merged) != own_fields(ours) {
            self.changes.push(Change { part, updated: 1, ..Change::default() });
        }
        merged
    }

    /// Merges one list of records, kept in `into` (already the leading side's list).
    fn records<T: Record>(&mut self, part: &'static str, into: &mut Vec<T>, of: impl Fn(&Workbook) -> &Vec<T>) {
        let (ours, theirs) = (of(self.ours), of(self.theirs));
        *into = merge_records(&merge_records(into, ours, &self.removed), theirs, &self.removed);
        let before: BTreeMap<T::Key, usize> = ours.iter().enumerate().map(|(at, record)| (record.key(), at)).collect();
        let mut change = Change { part, ..Change::default() };
        let mut kept = 0;
        for record in into.iter() {
            match before.get(&record.key()) {
                Some(at) => {
                    kept += 1;
                    change.updated += usize::from(ours[*at] != *record);
                }
                None => change.added += 1,
            }
        }
        change.removed = before.len() - kept;
        if !change.is_empty() {
            self.changes.push(change);
        }
    }
}

/// Section fields that are not "the section's own fields": its edit time,
/// its tombstones, and the debrief's place (merged by its own time).
const MERGED_ON_THEIR_OWN: [&str; 3] = ["updated_at", "removed", "place"];

/// The later of two places in the debrief's sequence (ties: the later key).
fn later_place(ours: &Option<Place>, theirs: &Option<Place>) -> Option<Place> {
    match (ours, theirs) {
        (Some(a), Some(b)) => Some(if (b.at, &b.screen) > (a.at, &a.screen) { b.clone() } else { a.clone() }),
        (a, b) => a.clone().or_else(|| b.clone()),
    }
}

/// A section's fields that are not lists (lists are merged record by record).
fn own_fields<S: Serialize>(section: &S) -> Value {
    fn strip(value: &mut Value) {
        if let Value::Object(fields) = value {
            fields.retain(|name, field| !field.is_array() && !MERGED_ON_THEIR_OWN.contains(&name.as_str()));
            fields.values_mut().for_each(strip);
        }
    }
    // Through text rather than `to_value`: the wasm already holds both halves.
    let mut value =
        serde_json::to_string(section).ok().and_then(|text| serde_json::from_str(&text).ok()).unwrap_or_default();
    strip(&mut value);
    value
}

fn merge_settings(ours: &Settings, theirs: &Settings) -> Settings {
    Settings {
        last_export_at: ours.last_export_at.max(theirs.last_export_at),
        welcomed: ours.welcomed || theirs.welcomed,
        ..ours.clone()
    }
}

/// Merges `theirs` (a backup from another device) into `ours` (this device).
pub fn merge(ours: &Workbook, theirs: &Workbook) -> Merged {
    let mut m = Merger { ours, theirs, removed: Removed::default(), changes: Vec::new() };
    let mut out = Workbook {
        schema_version: SCHEMA_VERSION,
        created_at: match (ours.created_at, theirs.created_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        first_steps: m.section("First steps: budget figures", |w| &w.first_steps),
        debrief: m.section("Debrief: what happened, session, closure", |w| &w.debrief),
        outreach: m.section("Share: date and announcement", |w| &w.outreach),
        mojo: m.section("Mojo: weekly goal and downtime", |w| &w.mojo),
        plan: m.section("Next move: plan settings", |w| &w.plan),
        settings: merge_settings(&ours.settings, &theirs.settings),
    };
    m.records("Checklist items", &mut out.first_steps.checklist, |w| &w.first_steps.checklist);
    m.records("Budget: income", &mut out.first_steps.budget.income, |w| &w.first_steps.budget.income);
    m.records("Budget: essential costs", &mut out.first_steps.budget.essential, |w| &w.first_steps.budget.essential);
    m.records("Budget: optional costs", &mut out.first_steps.budget.optional, |w| &w.first_steps.budget.optional);
    out.debrief.place = later_place(&ours.debrief.place, &theirs.debrief.place);
    m.records("Timeline events", &mut out.debrief.timeline, |w| &w.debrief.timeline);
    m.records("Answers", &mut out.debrief.answers, |w| &w.debrief.answers);
    m.records("Own questions", &mut out.debrief.own_questions, |w| &w.debrief.own_questions);
    m.records("Contributing factors", &mut out.debrief.factors, |w| &w.debrief.factors);
    m.records("Went well", &mut out.debrief.went_well, |w| &w.debrief.went_well);
    m.records("Went wrong", &mut out.debrief.went_wrong, |w| &w.debrief.went_wrong);
    m.records("Lucky breaks", &mut out.debrief.lucky, |w| &w.debrief.lucky);
    m.records("Lessons", &mut out.debrief.lessons, |w| &w.debrief.lessons);
    m.records("Options", &mut out.debrief.options, |w| &w.debrief.options);
    m.records("Contacts", &mut out.outreach.contacts, |w| &w.outreach.contacts);
    m.records("Announcement postings", &mut out.outreach.announcement.postings, |w| &w.outreach.announcement.postings);
    m.records("Side projects", &mut out.mojo.projects, |w| &w.mojo.projects);
    m.records("Time log entries", &mut out.mojo.entries, |w| &w.mojo.entries);
    m.records("Rest days", &mut out.mojo.downtime.rest_days, |w| &w.mojo.downtime.rest_days);
    m.records("Comfort-zone events", &mut out.mojo.events, |w| &w.mojo.events);
    m.records("Proud list", &mut out.mojo.proud, |w| &w.mojo.proud);
    m.records("Weekly reviews", &mut out.mojo.reviews, |w| &w.mojo.reviews);
    m.records("Actions", &mut out.plan.actions, |w| &w.plan.actions);
    m.records("Paths to compare", &mut out.plan.path.options, |w| &w.plan.path.options);
    m.records("What matters in a path", &mut out.plan.path.criteria, |w| &w.plan.path.criteria);
    m.records("Targets", &mut out.plan.targets.list, |w| &w.plan.targets.list);
    m.records("Opportunities", &mut out.plan.opportunities.list, |w| &w.plan.opportunities.list);
    m.records("Versions of the answer", &mut out.plan.answer.versions, |w| &w.plan.answer.versions);
    m.records("Interview stories", &mut out.plan.stories, |w| &w.plan.stories);
    Merged { workbook: out, changes: m.changes }
}
