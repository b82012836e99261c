//! Derived data shared by the pages: kept up to date edit by edit and kept
//! across route switches, so opening a page does not prepare 5,000 contacts
//! again. Each reads only the fields it depends on. Provided at the app root.

use chrono::NaiveDate;
use leptos::prelude::*;
use reactive_stores::Store as Live;
use uuid::Uuid;

use crate::model::debrief::DebriefStoreFields;
use crate::model::mojo::MojoStoreFields;
use crate::model::outreach::view::{Filter, IndexCache, Sort};
use crate::model::outreach::FollowUpDue;
use crate::model::outreach::OutreachStoreFields;
use crate::model::plan::end_of_week;
use crate::model::plan::PlanStoreFields;
use crate::model::progress::{next_step, NextStep, Step, StepState};
use crate::model::today::{with_follow_ups, DueItem, StepStatus};
use crate::model::workbook::WorkbookStoreFields;
use crate::model::{Debrief, Outreach, Workbook};
use crate::save::room::Usage;
use crate::save::SaveStatus;
use crate::store::Store;
use crate::web::{clock, later, storage};

/// The outreach list sorted and prepared for filtering ([`IndexCache`]).
#[derive(Clone, Copy)]
pub struct OutreachIndex {
    /// The sort chosen on the Share page (kept while the app is open).
    pub sort: RwSignal<Sort>,
    cache: StoredValue<IndexCache>,
    /// Changes whenever the index does: what reads the cache tracks this.
    version: Memo<u64>,
}

impl OutreachIndex {
    pub fn new(store: Store) -> Self {
        let sort = RwSignal::new(Sort::default());
        let cache = StoredValue::new(IndexCache::default());
        // The contacts' journal revision the cache is up to date with.
        let seen = StoredValue::new(0);
        let version = Memo::new(move |previous: Option<&u64>| {
            let sort = sort.get();
            let changed = store.workbook.outreach().contacts().with(|contacts| {
                let (revision, maybe_changed) = store.contacts.changed_places(seen.get_value(), contacts);
                seen.set_value(revision);
                store.workbook.plan().targets().with(|targets| {
                    cache.try_update_value(|cache| match &maybe_changed {
                        Some(maybe) => cache.refresh_known(contacts, maybe, targets, sort, clock::today()),
                        None => cache.refresh(contacts, targets, sort, clock::today()),
                    })
                })
            });
            match previous {
                Some(version) if changed != Some(true) => *version,
                Some(version) => version + 1,
                None => 0,
            }
        });
        Self { sort, cache, version }
    }

    /// A number that changes whenever the index does.
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// The ids that pass `filter`, in the sort's order, tracking the index's
    /// changes; recent filters are remembered ([`IndexCache::select_recalling`]).
    pub fn select(&self, filter: &Filter, today: NaiveDate, week_end: NaiveDate) -> Vec<Uuid> {
        // Read, not only tracked: reading brings the lazy index up to date.
        self.version.get();
        self.cache.try_update_value(|cache| cache.select_recalling(filter, today, week_end)).unwrap_or_default()
    }

    /// Reads the index, tracking its changes.
    pub fn with<T>(&self, read: impl FnOnce(&IndexCache) -> T) -> T {
        // Read, not only track: the memo is lazy, and reading it is what
        // brings the cache up to date.
        self.version.get();
        self.cache.with_value(read)
    }
}

/// Today's figures: the next step, where each step stands, what is due this
/// week. Each part reads only the sections it depends on, so an edit in one
/// step's page works out again only that step's part (and only when Today is
/// shown).
#[derive(Clone, Copy)]
pub struct TodayFigures {
    pub next: Memo<NextStep>,
    pub steps: Memo<[StepStatus; 4]>,
    pub due: Memo<Vec<DueItem>>,
}

impl TodayFigures {
    fn new(store: Store, states: StepStates, follow_ups: FollowUps) -> Self {
        let workbook = store.workbook;
        let status = move |step: Step, summary: String| StepStatus::of(step, states.of(step).get(), summary);
        let debrief = Memo::new(move |_| status(Step::Debrief, workbook.debrief().with(Debrief::step_summary)));
        let share = Memo::new(move |_| status(Step::Share, workbook.outreach().with(Outreach::step_summary)));
        let mojo =
            Memo::new(move |_| status(Step::Mojo, workbook.mojo().with(|mojo| mojo.step_summary(clock::today()))));
        let next_move =
            Memo::new(move |_| status(Step::NextMove, workbook.plan().with(|plan| plan.step_summary(clock::today()))));
        let next = Memo::new(move |_| {
            let setback = workbook.debrief().setback().get();
            let barely_started = workbook.first_steps().with(|first_steps| first_steps.barely_started(setback));
            let has_contacts = workbook.outreach().contacts().with(|contacts| !contacts.is_empty());
            workbook.plan().with(|plan| next_step(states.all(), barely_started, has_contacts, plan))
        });
        // Small lists (actions, opportunities, checklist, events) read afresh
        // after any edit; the 5,000 contacts' follow-ups only when they change.
        let besides = Memo::new(move |_| {
            track_due_besides_follow_ups(workbook);
            workbook.with_untracked(|workbook| workbook.due_besides_follow_ups(clock::today()))
        });
        let due = Memo::new(move |_| {
            follow_ups.due.with(|follow_ups| {
                besides.with(|besides| workbook.plan().with(|plan| with_follow_ups(besides.clone(), follow_ups, plan)))
            })
        });
        Self { next, steps: Memo::new(move |_| [debrief.get(), share.get(), mojo.get(), next_move.get()]), due }
    }
}

/// The contacts' follow-ups due by the end of this week, soonest first, for
/// Today and the Share page: worked out again only when the outreach list or
/// the first day of the week changes.
#[derive(Clone, Copy)]
pub struct FollowUps {
    pub due: Memo<Vec<FollowUpDue>>,
}

impl FollowUps {
    /// Read from the outreach index, which keeps each contact's follow-up
    /// date edit by edit: adding a contact does not work out 5,000 dates.
    fn new(store: Store, index: OutreachIndex) -> Self {
        let workbook = store.workbook;
        let due = Memo::new(move |_| {
            let end = end_of_week(clock::today(), workbook.mojo().week_starts_on().get());
            index.with(|index| index.follow_ups_due(end))
        });
        Self { due }
    }
}

/// Where each of the four steps stands, one small memo a step, each reading
/// its own section only: the navigation and the page headers follow these,
/// never the whole next-step engine.
#[derive(Clone, Copy)]
pub struct StepStates {
    debrief: Memo<StepState>,
    share: Memo<StepState>,
    mojo: Memo<StepState>,
    next_move: Memo<StepState>,
}

impl StepStates {
    fn new(store: Store) -> Self {
        let workbook = store.workbook;
        Self {
            debrief: Memo::new(move |_| workbook.debrief().with(|debrief| debrief.step_state())),
            share: Memo::new(move |_| workbook.outreach().with(|outreach| outreach.step_state())),
            mojo: Memo::new(move |_| workbook.mojo().with(|mojo| mojo.step_state())),
            next_move: Memo::new(move |_| workbook.plan().with(|plan| plan.step_state())),
        }
    }

    /// The four states, in the method's order (tracked).
    pub fn all(&self) -> [StepState; 4] {
        [self.debrief.get(), self.share.get(), self.mojo.get(), self.next_move.get()]
    }

    pub fn of(&self, step: Step) -> Memo<StepState> {
        match step {
            Step::Debrief => self.debrief,
            Step::Share => self.share,
            Step::Mojo => self.mojo,
            Step::NextMove => self.next_move,
        }
    }

    /// The first step not done yet: where the person is on the path.
    pub fn current(&self) -> Option<Step> {
        Step::ALL.into_iter().find(|step| !self.of(*step).get().is_done())
    }
}

/// The room in use in this browser's storage, and what takes it. Measuring
/// asks every key its length, so it is measured once the first page is on
/// screen, when asked
/// ([`Room::measure`], e.g. after removing snapshots or on the Backup page),
/// and after a save at most once a minute: typing measures nothing.
#[derive(Clone, Copy)]
pub struct Room {
    pub usage: Memo<Option<Usage>>,
    asked: Trigger,
    due: StoredValue<bool>,
}

/// How often a save measures the room again.
const ROOM_EVERY_MS: f64 = 60_000.0;

impl Room {
    fn new(store: Store) -> Self {
        let asked = Trigger::new();
        let due = StoredValue::new(true);
        let last = StoredValue::new(0.0);
        let usage = Memo::new(move |previous: Option<&Option<Usage>>| {
            asked.track();
            let saved = store.status.with(|status| *status == SaveStatus::Saved);
            let now = clock::now_ms();
            match previous {
                // Not while the first page is built: measured once it is on screen.
                None => None,
                Some(previous) if !due.get_value() && (!saved || now - last.get_value() < ROOM_EVERY_MS) => {
                    previous.clone()
                }
                _ => {
                    due.set_value(false);
                    last.set_value(now);
                    storage::usage().ok()
                }
            }
        });
        let room = Self { usage, asked, due };
        later::after_paint(move || room.measure());
        room
    }

    /// Measures again now.
    pub fn measure(&self) {
        self.due.set_value(true);
        self.asked.notify();
    }
}

/// Creates the shared derived data; call once, below the store.
pub fn provide(store: Store) {
    let states = StepStates::new(store);
    let index = OutreachIndex::new(store);
    let follow_ups = FollowUps::new(store, index);
    provide_context(index);
    provide_context(TodayFigures::new(store, states, follow_ups));
    provide_context(states);
    provide_context(follow_ups);
    provide_context(Room::new(store));
}

pub fn use_room() -> Room {
    expect_context::<Room>()
}

pub fn use_step_states() -> StepStates {
    expect_context::<StepStates>()
}

pub fn use_follow_ups() -> FollowUps {
    expect_context::<FollowUps>()
}

pub fn use_today_figures() -> TodayFigures {
    expect_context::<TodayFigures>()
}

pub fn use_outreach_index() -> OutreachIndex {
    expect_context::<OutreachIndex>()
}

/// Subscribes the running memo to the fields [`Workbook::week_figures`],
/// [`Workbook::follow_ups_waiting`] and [`Workbook::undated`] read (keep in
/// step with them; `tests/live_state.rs` edits each one): typing in a weekly
/// review, which edits only the reviews, then counts no contact again.
pub fn track_week_figures(workbook: Live<Workbook>) {
    let mojo = workbook.mojo();
    mojo.entries().track();
    mojo.events().track();
    mojo.proud().track();
    mojo.downtime().track();
    mojo.week_starts_on().track();
    mojo.weekly_hours_goal().track();
    workbook.outreach().contacts().track();
    workbook.plan().opportunities().track();
    workbook.plan().actions().track();
    workbook.debrief().setback_on().track();
    workbook.created_at().track();
}

/// Subscribes the running memo to the fields
/// [`Workbook::due_besides_follow_ups`] reads, with the action titles' links
/// (keep in step with them): Today's list of what is due is not worked out
/// again for an edit elsewhere, say in the debrief's summary.
pub fn track_due_besides_follow_ups(workbook: Live<Workbook>) {
    let plan = workbook.plan();
    plan.actions().track();
    plan.opportunities().track();
    workbook.first_steps().track();
    let mojo = workbook.mojo();
    mojo.events().track();
    mojo.week_starts_on().track();
    mojo.projects().track();
    mojo.reviews().track();
    workbook.debrief().options().track();
    workbook.outreach().contacts().track();
}
