//! The method as a path: where each of the four steps stands, and the one
//! next step, walked in the method's order.
//!
//! A step is done when the person marks it done. The app offers the mark
//! once the step's core is there:
//! - debrief: the key lesson and the closure note are written;
//! - share: the news is posted somewhere, or a first group of people told;
//! - mojo: a side project or an event is under way, or the person is resting
//!   on purpose (downtime is part of the method);
//! - next move: the end of the chosen path is reached (a job accepted, a
//!   first paying client, a business launched, a new role): the person says
//!   which end is theirs.
//!
//! Nothing here is a weekly quota. Each step's state reads one section only
//! ([`Debrief::step_state`], [`Outreach::step_state`], …), so the navigation
//! and page headers can follow one small memo a step.

use super::outreach::Outreach;
pub use super::plan::EndState;
use super::plan::{Plan, Stage};
use super::{Debrief, Mojo, SetbackKind, Workbook};
use crate::model::keyed::listed_enum;

/// How many people told make "a first group": enough to have begun.
pub const FIRST_GROUP: usize = 3;

/// One of the four steps of the method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Debrief,
    Share,
    Mojo,
    NextMove,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::Debrief, Step::Share, Step::Mojo, Step::NextMove];

    pub fn number(self) -> u8 {
        match self {
            Step::Debrief => 1,
            Step::Share => 2,
            Step::Mojo => 3,
            Step::NextMove => 4,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Step::Debrief => "Debrief with yourself",
            Step::Share => "Share it",
            Step::Mojo => "Regain your mojo",
            Step::NextMove => "Make your next move",
        }
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        match self {
            Step::Debrief => Some(Step::Share),
            Step::Share => Some(Step::Mojo),
            Step::Mojo => Some(Step::NextMove),
            Step::NextMove => None,
        }
    }
}

/// Where one step stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepState {
    NotStarted,
    UnderWay,
    /// Its core is there: the person can mark it done.
    Ready,
    Done,
}

impl StepState {
    /// A step's state from its marks, asked in this order (the later ones
    /// only when needed): marked done, its core there, anything started.
    pub fn of(done: bool, core_there: impl FnOnce() -> bool, started: impl FnOnce() -> bool) -> StepState {
        if done {
            StepState::Done
        } else if core_there() {
            StepState::Ready
        } else if started() {
            StepState::UnderWay
        } else {
            StepState::NotStarted
        }
    }

    pub fn is_done(self) -> bool {
        self == StepState::Done
    }

    /// A short word for badges and the navigation.
    pub fn label(self) -> &'static str {
        match self {
            StepState::NotStarted => "Not started",
            StepState::UnderWay => "Under way",
            StepState::Ready => "Ready to mark done",
            StepState::Done => "Done",
        }
    }
}

impl Debrief {
    /// Anything the person wrote about what happened (choosing a kind of
    /// setback on the welcome does not count as starting the debrief).
    pub fn has_content(&self) -> bool {
        !self.summary.trim().is_empty()
            || self.timeline.iter().any(|event| !event.what.trim().is_empty())
            || self.answered_count() > 0
            || !self.factors.is_empty()
            || !self.lessons.is_empty()
            || !self.closure_note.trim().is_empty()
    }

    /// Its core: the key lesson chosen and the closure written.
    /// The same rule as the guided sequence's required parts.
    pub fn core_written(&self) -> bool {
        self.missing_to_finish().is_empty()
    }

    pub fn step_state(&self) -> StepState {
        StepState::of(self.is_done(), || self.core_written(), || self.has_content() || self.session.is_scheduled())
    }
}

impl Outreach {
    /// People with at least one logged conversation.
    pub fn people_told(&self) -> usize {
        self.contacts.iter().filter(|contact| !contact.interactions.is_empty()).count()
    }

    /// Its core: the news posted somewhere, or a first group of people told.
    pub fn core_done(&self) -> bool {
        !self.announcement.postings.is_empty() || self.people_told() >= FIRST_GROUP
    }

    /// Marks Step 2 done, or not; the section's edit time moves with it, so
    /// a merge carries the mark from the device where it was set last.
    pub fn set_done(&mut self, done: bool, now: super::Timestamp) {
        self.done_at = done.then_some(now);
        self.updated_at = Some(now);
    }

    pub fn step_state(&self) -> StepState {
        let started =
            || !self.contacts.is_empty() || self.share_by.is_some() || !self.announcement.how_to_help.trim().is_empty();
        StepState::of(self.done_at.is_some(), || self.core_done(), started)
    }
}

impl Mojo {
    /// Its core: a side project with time or a milestone in it, an event
    /// planned or attended, or rest taken on purpose.
    pub fn core_done(&self) -> bool {
        let project_moving = self.projects.iter().any(|project| {
            project.milestones.iter().any(|milestone| milestone.done_on.is_some())
                || self.entries.iter().any(|entry| entry.project == project.meta.id && entry.hours > 0.0)
        });
        project_moving
            || !self.events.is_empty()
            || self.downtime.until.is_some()
            || !self.downtime.rest_days.is_empty()
    }

    /// Marks Step 3 done, or not (as [`Outreach::set_done`]).
    pub fn set_done(&mut self, done: bool, now: super::Timestamp) {
        self.done_at = done.then_some(now);
        self.updated_at = Some(now);
    }

    pub fn step_state(&self) -> StepState {
        let started = || !self.projects.is_empty() || !self.entries.is_empty() || !self.proud.is_empty();
        StepState::of(self.done_at.is_some(), || self.core_done(), started)
    }
}

impl Plan {
    /// The end the person named, or the one that goes with the chosen path.
    pub fn end_in_view(&self) -> Option<EndState> {
        self.end_state.or_else(|| self.path.chosen.and_then(EndState::for_path))
    }

    /// Whether what is written shows the end reached (an accepted job); the
    /// other ends only the person can tell.
    pub fn end_shows_reached(&self) -> bool {
        matches!(self.end_in_view(), Some(EndState::JobAccepted | EndState::NewRole) | None)
            && self.opportunities.list.iter().any(|opportunity| opportunity.stage == Stage::Accepted)
    }

    pub fn step_state(&self) -> StepState {
        // With a path and an end in view, the person can say they reached
        // it whenever they have.
        let core = || self.path.chosen.is_some() && self.end_in_view().is_some();
        let started = || {
            self.path.chosen.is_some()
                || !self.opportunities.list.is_empty()
                || !self.actions.is_empty()
                || !self.targets.is_empty()
        };
        StepState::of(self.done_at.is_some(), core, started)
    }

    /// What finishing the move means for this person (`None`: not said yet).
    pub fn set_end_state(&mut self, end: Option<EndState>, now: super::Timestamp) {
        if self.end_state != end {
            self.end_state = end;
            self.updated_at = Some(now);
        }
    }

    /// Marks the next move made, with the end the person reached.
    pub fn mark_done(&mut self, end: EndState, now: super::Timestamp) {
        self.end_state = Some(end);
        self.done_at = Some(now);
        self.updated_at = Some(now);
    }

    pub fn reopen(&mut self, now: super::Timestamp) {
        self.done_at = None;
        self.updated_at = Some(now);
    }
}

listed_enum! {
    /// The one next step, at the top of Today; `ALL` lists every suggestion
    /// in the order of the method.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum NextStep {
        /// The practical checklist is barely started and nothing is written yet.
        FirstSteps,
        BeginDebrief,
        ContinueDebrief,
        /// The lesson and the closure are written: mark the debrief done.
        CloseDebrief,
        StartOutreach,
        TellPeople,
        MarkShared,
        StartSideProject,
        KeepMoving,
        MarkMojo,
        ChoosePath,
        NameEnd,
        TrackOpportunity,
        /// An accepted job is there: mark the move made.
        MarkMoveMade,
        PlanAction,
        DoThisWeek,
        /// All four steps are done.
        ComebackComplete,
    }
}

impl NextStep {
    /// The step this suggestion belongs to (none for first steps and the end).
    pub fn step(self) -> Option<Step> {
        use NextStep::*;
        match self {
            FirstSteps | ComebackComplete => None,
            BeginDebrief | ContinueDebrief | CloseDebrief => Some(Step::Debrief),
            StartOutreach | TellPeople | MarkShared => Some(Step::Share),
            StartSideProject | KeepMoving | MarkMojo => Some(Step::Mojo),
            ChoosePath | NameEnd | TrackOpportunity | MarkMoveMade | PlanAction | DoThisWeek => Some(Step::NextMove),
        }
    }

    /// Kind words for the suggestion, fitted to the kind of setback.
    pub fn message(self, kind: Option<SetbackKind>) -> &'static str {
        use NextStep::*;
        let still_employed = kind == Some(SetbackKind::Stalled);
        match self {
            FirstSteps => match kind {
                Some(SetbackKind::Stalled) => "Start with the practical ground: your savings, your options where you are, the people at home.",
                Some(SetbackKind::BusinessFailed) => "Start with the practical ground: closing the books, the people you owe, your own money, the people at home.",
                _ => "Start with the practical ground: the paperwork, the money, the people at home.",
            },
            BeginDebrief => "When you have a quiet moment, write down what happened, in a sentence or two.",
            ContinueDebrief => "Your debrief is under way. Go back to it when you have a calm stretch, and find the one lesson that matters most.",
            CloseDebrief => "You have your lesson and your closure. Mark the debrief done, and let the rest of it go.",
            StartOutreach if still_employed => "You have looked back honestly. Now tell a few people you trust that you are ready for a change, especially the acquaintances you see only now and then.",
            StartOutreach => "You have looked back honestly. Now tell a few people, especially the acquaintances you see only now and then.",
            TellPeople => "Send one message, or post your news. People you see now and then are where most leads come from.",
            MarkShared => "Your news is out. When you feel it is shared, mark the step done and turn to your mojo.",
            StartSideProject if still_employed => "Pick one small side project for your evenings that moves you towards what is next.",
            StartSideProject => "Pick one side project that moves you towards what is next, or a meetup to go to. Small is fine.",
            KeepMoving => "Give your side project an hour when you can, or sign up for one event. Rest counts too.",
            MarkMojo => "Something is under way. When you feel steadier, mark this step done and make your next move.",
            ChoosePath => "Compare a new job, freelancing and a business on what matters to you, and choose a path. You can change it later.",
            NameEnd => "Say what finishing looks like for you: a job accepted, a first client, a business launched or a new role.",
            TrackOpportunity => "Note one opportunity worth a try, even a small one, and who could help with it.",
            MarkMoveMade => "You have accepted an offer. Mark your move made: that is your comeback.",
            PlanAction => "Write down one concrete action for your next move.",
            DoThisWeek => "Pick one action from your plan for this week. One is enough.",
            ComebackComplete => "You made your comeback. Thank the people who helped, keep a backup of this workbook, and keep what you learned close.",
        }
    }

    /// Where the suggestion leads (a route's address). A debrief under way
    /// opens its guided sequence where the person left off, and one ready to
    /// close opens at its closure.
    pub fn href(self) -> &'static str {
        match self {
            NextStep::ContinueDebrief => return "#/debrief/guide",
            NextStep::CloseDebrief => return "#/debrief/guide/closure",
            _ => {}
        }
        match self.step() {
            None if self == NextStep::FirstSteps => "#/first-steps",
            None => "#/share",
            Some(Step::Debrief) => "#/debrief",
            Some(Step::Share) => "#/share",
            Some(Step::Mojo) => "#/mojo",
            Some(Step::NextMove) => "#/next",
        }
    }

    pub fn link_text(self) -> &'static str {
        use NextStep::*;
        match self {
            FirstSteps => "Open the first steps",
            BeginDebrief => "Begin the debrief",
            ContinueDebrief => "Continue the debrief",
            CloseDebrief => "Close the debrief",
            StartOutreach => "Open your outreach list",
            TellPeople | MarkShared => "Open Share",
            StartSideProject => "Start a side project",
            KeepMoving | MarkMojo => "Open Mojo",
            ChoosePath => "Choose your path",
            NameEnd | MarkMoveMade => "Open your next move",
            TrackOpportunity => "Add an opportunity",
            PlanAction | DoThisWeek => "Open your plan",
            ComebackComplete => "Thank the people who helped",
        }
    }
}

/// The four steps' states, each read from its own section.
pub type StepStates = [StepState; 4];

impl Workbook {
    pub fn step_states(&self) -> StepStates {
        [self.debrief.step_state(), self.outreach.step_state(), self.mojo.step_state(), self.plan.step_state()]
    }

    /// The one next step worth suggesting, in the order of the method.
    pub fn next_step(&self) -> NextStep {
        next_step(
            self.step_states(),
            self.first_steps.barely_started(self.debrief.setback),
            !self.outreach.contacts.is_empty(),
            &self.plan,
        )
    }
}

/// [`Workbook::next_step`] from what it reads, each part from its own
/// section, so the figure can follow those parts only: the steps' states,
/// whether the checklist is barely started, whether anyone is on the
/// outreach list, and the plan.
pub fn next_step(states: StepStates, checklist_barely_started: bool, has_contacts: bool, plan: &Plan) -> NextStep {
    let [debrief, share, mojo, next_move] = states;
    match debrief {
        StepState::NotStarted if checklist_barely_started => return NextStep::FirstSteps,
        StepState::NotStarted => return NextStep::BeginDebrief,
        StepState::UnderWay => return NextStep::ContinueDebrief,
        StepState::Ready => return NextStep::CloseDebrief,
        StepState::Done => {}
    }
    match share {
        StepState::NotStarted => return NextStep::StartOutreach,
        StepState::UnderWay if !has_contacts => return NextStep::StartOutreach,
        StepState::UnderWay => return NextStep::TellPeople,
        StepState::Ready => return NextStep::MarkShared,
        StepState::Done => {}
    }
    match mojo {
        StepState::NotStarted => return NextStep::StartSideProject,
        StepState::UnderWay => return NextStep::KeepMoving,
        StepState::Ready => return NextStep::MarkMojo,
        StepState::Done => {}
    }
    if next_move.is_done() {
        return NextStep::ComebackComplete;
    }
    if plan.path.chosen.is_none() {
        return NextStep::ChoosePath;
    }
    let Some(end) = plan.end_in_view() else { return NextStep::NameEnd };
    if plan.end_shows_reached() {
        return NextStep::MarkMoveMade;
    }
    if matches!(end, EndState::JobAccepted | EndState::NewRole) && plan.opportunities.open_count() == 0 {
        return NextStep::TrackOpportunity;
    }
    if plan.actions.iter().all(|action| action.done) {
        return NextStep::PlanAction;
    }
    NextStep::DoThisWeek
}
