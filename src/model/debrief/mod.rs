//! Step 1 of the method: a debrief with yourself. What happened, a booked
//! quiet block, the timeline, hard questions, contributing factors, lessons,
//! options to weigh, and closure.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::meta::Removed;
use super::meta::{record_edits, RecordMeta, Records, Timestamp};
use crate::model::dates;
use crate::model::sorting;
pub mod part;

use crate::model::keyed::keyed_enum;
pub use part::{Part, Place};

/// What kind of setback this was; it tailors the questions the debrief asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetbackKind {
    FiredOrLaidOff,
    BusinessFailed,
    ProjectRejected,
    Stalled,
    Other,
}

keyed_enum!(SetbackKind {
    FiredOrLaidOff => "fired_or_laid_off", "I was fired or laid off";
    BusinessFailed => "business_failed", "My business or freelance work failed";
    ProjectRejected => "project_rejected", "A project I launched was turned down";
    Stalled => "stalled", "My career has stalled";
    Other => "other", "Something else";
});

impl SetbackKind {
    /// A side-project goal that fits: about 20 hours a week between jobs, as
    /// the method says; a few evening hours for someone still in a job.
    pub fn weekly_hours(kind: Option<SetbackKind>) -> f32 {
        match kind {
            Some(SetbackKind::Stalled) => 5.0,
            Some(SetbackKind::ProjectRejected) => 10.0,
            _ => super::mojo::DEFAULT_WEEKLY_HOURS_GOAL,
        }
    }

    /// A line beside the weekly goal: a guide, never a quota.
    pub fn hours_hint(kind: Option<SetbackKind>) -> &'static str {
        match kind {
            Some(SetbackKind::Stalled) => "Still in your job? A few evening hours a week, around 5, is plenty. The goal is a guide, not a quota.",
            Some(SetbackKind::ProjectRejected) => "Around 10 hours a week keeps the next idea moving alongside everything else. The goal is a guide, not a quota.",
            _ => "Between jobs, about 20 hours a week on side projects is a good rhythm. The goal is a guide, not a quota: rest weeks count too.",
        }
    }
}

/// The booked, distraction-free block for the debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub minutes: u32,
}

/// The method asks for two to three hours; three is the default, two the floor.
pub const DEFAULT_SESSION_MINUTES: u32 = 180;
pub const MIN_SESSION_MINUTES: u32 = 120;

impl Default for Session {
    fn default() -> Self {
        Self { date: None, start: None, minutes: DEFAULT_SESSION_MINUTES }
    }
}

impl Session {
    /// Sets the length, never below the two-hour floor.
    pub fn set_minutes(&mut self, minutes: u32) {
        self.minutes = minutes.max(MIN_SESSION_MINUTES);
    }

    pub fn is_scheduled(&self) -> bool {
        self.date.is_some() && self.start.is_some()
    }

    /// A quiet slot to suggest when none is chosen: the next free morning
    /// after today (a Saturday for someone still at work), at half past nine.
    pub fn suggested_slot(today: NaiveDate, kind: Option<SetbackKind>) -> (NaiveDate, NaiveTime) {
        let tomorrow = today.succ_opt().unwrap_or(today);
        let date = if kind == Some(SetbackKind::Stalled) {
            let days =
                (chrono::Weekday::Sat.num_days_from_monday() + 7 - tomorrow.weekday().num_days_from_monday()) % 7;
            tomorrow.checked_add_days(chrono::Days::new(u64::from(days))).unwrap_or(tomorrow)
        } else {
            tomorrow
        };
        (date, NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default())
    }
}

/// When a timeline event happened, as precisely as the person remembers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "precision", rename_all = "snake_case")]
pub enum EventDate {
    #[default]
    Unknown,
    Month {
        year: i32,
        month: u32,
    },
    Day {
        date: NaiveDate,
    },
}

impl EventDate {
    /// Orders dated events; a month-only date sorts before the days of that month.
    fn sort_key(&self) -> Option<(i32, u32, u32)> {
        match *self {
            EventDate::Unknown => None,
            EventDate::Month { year, month } => Some((year, month, 0)),
            EventDate::Day { date } => Some((date.year(), date.month(), date.day())),
        }
    }

    pub fn is_known(&self) -> bool {
        self.sort_key().is_some()
    }

    /// How the date reads ("12 Mar 2025", "March 2025", "Date unknown").
    pub fn label(&self) -> String {
        match *self {
            EventDate::Unknown => "Date unknown".into(),
            EventDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1)
                .map(dates::month_year)
                .unwrap_or_else(|| format!("{year}-{month:02}")),
            EventDate::Day { date } => dates::short(date),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineEvent {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub date: EventDate,
    pub what: String,
    /// What I did, or could have done.
    pub my_part: String,
    pub turning_point: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// An answer to a question of the bank or one of the person's own, with the
/// "Why?" drill-down beneath it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// A bank question's id, or the id of an own question.
    pub question: String,
    pub text: String,
    /// Each entry answers "Why?" about the one before it.
    pub whys: Vec<String>,
    pub skipped: bool,
    pub updated_at: Option<Timestamp>,
}

/// How deep the "Why?" drill goes, as in the five-whys habit.
pub const MAX_WHYS: usize = 5;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnQuestion {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub text: String,
}

/// How much of a contributing factor was in the person's hands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Control {
    #[default]
    Mine,
    Partly,
    Outside,
}

keyed_enum!(Control {
    Mine => "mine", "Within my control";
    Partly => "partly", "Partly in my control";
    Outside => "outside", "Outside my control";
});

impl Control {
    /// What a new factor starts with: not pre-marked as the person's fault.
    pub const NEW_FACTOR: Control = Control::Partly;
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Factor {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub text: String,
    pub control: Control,
}

/// One line of a short list (went well, went wrong, lucky, lessons, options).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Note {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub text: String,
}

/// The short lists of the debrief that hold plain notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteList {
    WentWell,
    WentWrong,
    Lucky,
    Lessons,
    Options,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, reactive_stores::Store)]
#[serde(default)]
pub struct Debrief {
    pub setback: Option<SetbackKind>,
    /// The day it happened (schema 8): the momentum chart counts weeks from it.
    pub setback_on: Option<NaiveDate>,
    /// One or two sentences: what happened.
    pub summary: String,
    pub session: Session,
    /// In the person's own order; shown sorted by date (see `timeline_in_order`).
    pub timeline: Vec<TimelineEvent>,
    pub answers: Vec<Answer>,
    pub own_questions: Vec<OwnQuestion>,
    pub factors: Vec<Factor>,
    pub went_well: Vec<Note>,
    pub went_wrong: Vec<Note>,
    pub lucky: Vec<Note>,
    pub lessons: Vec<Note>,
    pub key_lesson: Option<Uuid>,
    /// Options to weigh afterwards; each may be linked to an action in the plan.
    pub options: Vec<Note>,
    pub closure_note: String,
    pub done_at: Option<Timestamp>,
    /// Where the person left the guided sequence (schema 7; `model::sequence`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    pub updated_at: Option<Timestamp>,
    /// Deleted records, so that merging an older backup does not bring them back.
    #[serde(skip_serializing_if = "Removed::is_empty")]
    pub removed: Removed,
}

/// One part of the debrief and whether it is complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartProgress {
    pub part: Part,
    pub name: &'static str,
    pub filled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FinishError {
    #[error("choose the one lesson that matters most before you close the debrief")]
    NoKeyLesson,
    #[error("write a note to yourself before you close the debrief")]
    NoClosureNote,
}

record_edits!(Debrief {
    timeline: TimelineEvent => update_event, remove_event;
    factors: Factor => update_factor, remove_factor;
});

impl Debrief {
    fn touch(&mut self, now: Timestamp) {
        self.updated_at = Some(now);
    }

    pub fn set_setback(&mut self, kind: Option<SetbackKind>, now: Timestamp) {
        if self.setback != kind {
            self.setback = kind;
            self.touch(now);
        }
    }

    pub fn set_setback_on(&mut self, day: Option<NaiveDate>, now: Timestamp) {
        if self.setback_on != day {
            self.setback_on = day;
            self.touch(now);
        }
    }

    pub fn set_summary(&mut self, summary: &str, now: Timestamp) {
        if self.summary != summary {
            self.summary = summary.to_owned();
            self.touch(now);
        }
    }

    /// Whether anything has been written yet.
    pub fn is_started(&self) -> bool {
        self.setback.is_some() || !self.summary.trim().is_empty() || !self.timeline.is_empty()
    }

    pub fn update_session(&mut self, now: Timestamp, change: impl FnOnce(&mut Session)) {
        change(&mut self.session);
        self.session.minutes = self.session.minutes.max(MIN_SESSION_MINUTES);
        self.touch(now);
    }

    // --- Timeline -------------------------------------------------------

    /// Adds an empty event at the end and returns its id.
    pub fn add_event(&mut self, now: Timestamp) -> Uuid {
        let event = TimelineEvent { meta: RecordMeta::new(now), ..TimelineEvent::default() };
        let id = self.timeline.push_record(event);
        self.touch(now);
        id
    }

    /// The timeline as shown: dated events in date order, each undated event
    /// kept in the slot where the person put it. Ties keep the person's order.
    pub fn timeline_in_order(&self) -> Vec<&TimelineEvent> {
        let mut dated: Vec<&TimelineEvent> = self.timeline.iter().filter(|event| event.date.is_known()).collect();
        sorting::sort_by_key(&mut dated, |event| event.date.sort_key());
        let mut dated = dated.into_iter();
        self.timeline
            .iter()
            .map(|event| if event.date.is_known() { dated.next().unwrap_or(event) } else { event })
            .collect()
    }

    /// Whether moving the event would change what is shown: it can swap with
    /// its neighbour unless both are dated on different dates.
    pub fn can_move_event(&self, id: Uuid, direction: Direction) -> bool {
        self.neighbours(id, direction).is_some_and(|(a, b)| {
            let (a, b) = (&self.timeline[a].date, &self.timeline[b].date);
            !(a.is_known() && b.is_known() && a.sort_key() != b.sort_key())
        })
    }

    /// Moves an event one place up or down in the order shown.
    pub fn move_event(&mut self, id: Uuid, direction: Direction, now: Timestamp) {
        if !self.can_move_event(id, direction) {
            return;
        }
        if let Some((a, b)) = self.neighbours(id, direction) {
            self.timeline.swap(a, b);
            self.touch(now);
        }
    }

    /// Storage indexes of the event and its neighbour in the shown order.
    fn neighbours(&self, id: Uuid, direction: Direction) -> Option<(usize, usize)> {
        let shown: Vec<Uuid> = self.timeline_in_order().iter().map(|event| event.meta.id).collect();
        let at = shown.iter().position(|shown_id| *shown_id == id)?;
        let other = match direction {
            Direction::Up => at.checked_sub(1)?,
            Direction::Down => (at + 1 < shown.len()).then_some(at + 1)?,
        };
        let index_of = |id: Uuid| self.timeline.iter().position(|event| event.meta.id == id);
        Some((index_of(shown[at])?, index_of(shown[other])?))
    }

    // --- Questions ------------------------------------------------------

    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.iter().find(|answer| answer.question == question)
    }

    /// Changes the answer to `question`, creating it on first use.
    pub fn update_answer(&mut self, question: &str, now: Timestamp, change: impl FnOnce(&mut Answer)) {
        let index = match self.answers.iter().position(|answer| answer.question == question) {
            Some(index) => index,
            None => {
                self.answers.push(Answer { question: question.to_owned(), ..Answer::default() });
                self.answers.len() - 1
            }
        };
        let answer = &mut self.answers[index];
        change(answer);
        answer.whys.truncate(MAX_WHYS);
        answer.updated_at = Some(now);
        self.updated_at = Some(now);
    }

    /// Adds one more "Why?" level under an answer, up to `MAX_WHYS`.
    pub fn add_why(&mut self, question: &str, now: Timestamp) -> bool {
        let can = self.answer(question).is_none_or(|answer| answer.whys.len() < MAX_WHYS);
        if can {
            self.update_answer(question, now, |answer| answer.whys.push(String::new()));
        }
        can
    }

    pub fn add_own_question(&mut self, text: &str, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let question = OwnQuestion { meta: RecordMeta::new(now), text: text.to_owned() };
        let id = self.own_questions.push_record(question);
        self.touch(now);
        Some(id)
    }

    pub fn remove_own_question(&mut self, id: Uuid, now: Timestamp) {
        self.own_questions.remove_record(id, &mut self.removed, now);
        let key = id.to_string();
        self.answers.retain(|answer| answer.question != key);
        self.touch(now);
    }

    /// How many questions have an answer.
    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|answer| !answer.skipped && !answer.text.trim().is_empty()).count()
    }

    // --- Factors and short lists -----------------------------------------

    pub fn add_factor(&mut self, text: &str, control: Control, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let factor = Factor { meta: RecordMeta::new(now), text: text.to_owned(), control };
        let id = self.factors.push_record(factor);
        self.touch(now);
        Some(id)
    }

    pub fn notes(&self, list: NoteList) -> &Vec<Note> {
        match list {
            NoteList::WentWell => &self.went_well,
            NoteList::WentWrong => &self.went_wrong,
            NoteList::Lucky => &self.lucky,
            NoteList::Lessons => &self.lessons,
            NoteList::Options => &self.options,
        }
    }

    fn notes_mut(&mut self, list: NoteList) -> &mut Vec<Note> {
        match list {
            NoteList::WentWell => &mut self.went_well,
            NoteList::WentWrong => &mut self.went_wrong,
            NoteList::Lucky => &mut self.lucky,
            NoteList::Lessons => &mut self.lessons,
            NoteList::Options => &mut self.options,
        }
    }

    pub fn add_note(&mut self, list: NoteList, text: &str, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let note = Note { meta: RecordMeta::new(now), text: text.to_owned() };
        let id = note.meta.id;
        self.notes_mut(list).push(note);
        self.touch(now);
        Some(id)
    }

    pub fn update_note(&mut self, list: NoteList, id: Uuid, text: &str, now: Timestamp) {
        if let Some(note) = self.notes_mut(list).by_id_mut(id) {
            if note.text != text {
                note.text = text.to_owned();
                note.meta.touch(now);
                self.updated_at = Some(now);
            }
        }
    }

    pub fn remove_note(&mut self, list: NoteList, id: Uuid, now: Timestamp) {
        self.notes_mut(list).retain(|note| note.meta.id != id);
        self.removed.record(id, now);
        if list == NoteList::Lessons && self.key_lesson == Some(id) {
            self.key_lesson = None;
        }
        self.touch(now);
    }

    // --- Lessons and closure ---------------------------------------------

    /// Marks one lesson as *the* key lesson (only one at a time).
    pub fn set_key_lesson(&mut self, id: Uuid, now: Timestamp) {
        if self.lessons.iter().any(|lesson| lesson.meta.id == id) {
            self.key_lesson = Some(id);
            self.touch(now);
        }
    }

    pub fn key_lesson(&self) -> Option<&Note> {
        let id = self.key_lesson?;
        self.lessons.by_id(id)
    }

    pub fn set_closure_note(&mut self, text: &str, now: Timestamp) {
        if self.closure_note != text {
            self.closure_note = text.to_owned();
            self.touch(now);
        }
    }

    /// Marks the debrief done; it needs its required parts (the key lesson
    /// and the note to oneself, see `sequence::Part::is_required`).
    pub fn finish(&mut self, now: Timestamp) -> Result<(), FinishError> {
        match self.missing_to_finish().first() {
            Some(Part::Lessons) => return Err(FinishError::NoKeyLesson),
            Some(_) => return Err(FinishError::NoClosureNote),
            None => {}
        }
        self.done_at = Some(now);
        self.touch(now);
        Ok(())
    }

    pub fn reopen(&mut self, now: Timestamp) {
        self.done_at = None;
        self.touch(now);
    }

    pub fn is_done(&self) -> bool {
        self.done_at.is_some()
    }

    /// What is complete, part by part, in the sequence's order.
    pub fn progress(&self) -> Vec<PartProgress> {
        Part::ALL
            .into_iter()
            .map(|part| PartProgress { part, name: part.title(), filled: self.is_complete(part) })
            .collect()
    }
}
