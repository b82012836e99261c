//! The debrief as a guided sequence: its nine parts in the method's order,
//! the screens they take (the hard questions one theme a screen, so that a
//! phone shows one short part at a time), which parts are complete, which
//! can be skipped, and where the person left off.
//!
//! The place is part of the workbook (`Debrief::place`), so it follows the
//! person across reloads and, through backups, across devices. Moving
//! through the parts is not an edit of what was written: the place carries
//! its own time and merges on it (see `model::merge`), and it leaves the
//! debrief's edit time alone.

use super::debrief::Debrief;
pub use super::debrief::{Part, Place};
use super::meta::Timestamp;
use super::questions::{questions_for, Theme};

/// The hard questions come a group a screen: each theme asked for this
/// setback, then the person's own questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionGroup {
    Theme(Theme),
    Own,
}

impl QuestionGroup {
    pub fn key(self) -> &'static str {
        match self {
            QuestionGroup::Theme(theme) => theme.key(),
            QuestionGroup::Own => "own",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            QuestionGroup::Theme(theme) => theme.title(),
            QuestionGroup::Own => "My own questions",
        }
    }
}

/// One screen of the sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Part(Part),
    Questions(QuestionGroup),
}

impl Screen {
    pub fn part(self) -> Part {
        match self {
            Screen::Part(part) => part,
            Screen::Questions(_) => Part::Questions,
        }
    }

    /// `"timeline"`, `"questions/goals"`, `"questions/own"`.
    pub fn key(self) -> String {
        match self {
            Screen::Part(part) => part.key().to_owned(),
            Screen::Questions(group) => format!("{}/{}", Part::Questions.key(), group.key()),
        }
    }

    /// Reads a key written by [`Screen::key`]; the questions part alone
    /// stands for its first group, whichever that is for the setback.
    pub fn from_key(key: &str) -> Option<Self> {
        let (part, group) = match key.split_once('/') {
            Some((part, group)) => (part, Some(group)),
            None => (key, None),
        };
        match (Part::from_key(part)?, group) {
            (Part::Questions, Some("own")) => Some(Screen::Questions(QuestionGroup::Own)),
            (Part::Questions, Some(theme)) => {
                Theme::from_key(theme).map(|theme| Screen::Questions(QuestionGroup::Theme(theme)))
            }
            (part, None) => Some(Screen::Part(part)),
            (_, Some(_)) => None,
        }
    }
}

/// Moves a remembered place to `screen` (its time moves only if it moved).
pub fn move_place(place: &mut Option<Place>, screen: Screen, now: Timestamp) {
    let key = screen.key();
    if place.as_ref().is_none_or(|place| place.screen != key) {
        *place = Some(Place { screen: key, at: now });
    }
}

/// Where a screen stands in the sequence, for "Part 4 of 9" and "2 of 6".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub part: usize,
    pub parts: usize,
    /// Within a part of several screens (the questions): which, and how many.
    pub screen_in_part: usize,
    pub screens_in_part: usize,
}

impl Debrief {
    /// Every screen of the sequence, in order. The questions' themes are
    /// the ones asked for the setback chosen in the first part.
    pub fn screens(&self) -> Vec<Screen> {
        let asked = questions_for(self.setback);
        Part::ALL
            .into_iter()
            .flat_map(|part| match part {
                Part::Questions => Theme::ALL
                    .into_iter()
                    .filter(|theme| asked.iter().any(|question| question.theme == *theme))
                    .map(QuestionGroup::Theme)
                    .chain([QuestionGroup::Own])
                    .map(Screen::Questions)
                    .collect::<Vec<_>>(),
                part => vec![Screen::Part(part)],
            })
            .collect()
    }

    /// The screen a key names, as this debrief has it: a theme not asked for
    /// this setback, or a bare part, opens the part's first screen.
    pub fn screen_for(&self, screen: Screen) -> Screen {
        let screens = self.screens();
        if screens.contains(&screen) {
            return screen;
        }
        screens.into_iter().find(|shown| shown.part() == screen.part()).unwrap_or(Screen::Part(Part::WhatHappened))
    }

    /// Where to open the sequence: the remembered place, or the first part.
    pub fn resume_screen(&self) -> Screen {
        self.place
            .as_ref()
            .and_then(|place| Screen::from_key(&place.screen))
            .map_or(Screen::Part(Part::WhatHappened), |screen| self.screen_for(screen))
    }

    /// Remembers `screen` as the person's place. Not an edit of the debrief:
    /// its edit time stays, so a look through the parts on one device does
    /// not make its older text win a merge.
    pub fn set_place(&mut self, screen: Screen, now: Timestamp) {
        move_place(&mut self.place, screen, now);
    }

    pub fn next_screen(&self, screen: Screen) -> Option<Screen> {
        let screens = self.screens();
        let at = screens.iter().position(|shown| *shown == screen)?;
        screens.get(at + 1).copied()
    }

    pub fn previous_screen(&self, screen: Screen) -> Option<Screen> {
        let screens = self.screens();
        let at = screens.iter().position(|shown| *shown == screen)?;
        at.checked_sub(1).and_then(|before| screens.get(before).copied())
    }

    pub fn position(&self, screen: Screen) -> Position {
        let in_part: Vec<Screen> = self.screens().into_iter().filter(|shown| shown.part() == screen.part()).collect();
        Position {
            part: screen.part().number(),
            parts: Part::ALL.len(),
            screen_in_part: in_part.iter().position(|shown| *shown == screen).map_or(1, |at| at + 1),
            screens_in_part: in_part.len(),
        }
    }

    /// Whether a question was dealt with: answered, or skipped on purpose.
    fn dealt_with(&self, question: &str) -> bool {
        self.answer(question).is_some_and(|answer| answer.skipped || !answer.text.trim().is_empty())
    }

    /// The keys of the questions one group asks.
    fn group_questions(&self, group: QuestionGroup) -> Vec<String> {
        match group {
            QuestionGroup::Theme(theme) => questions_for(self.setback)
                .into_iter()
                .filter(|question| question.theme == theme)
                .map(|question| question.id.to_owned())
                .collect(),
            QuestionGroup::Own => self.own_questions.iter().map(|question| question.meta.id.to_string()).collect(),
        }
    }

    /// Whether one screen's work is all there.
    pub fn is_screen_complete(&self, screen: Screen) -> bool {
        match screen {
            Screen::Part(part) => self.is_complete(part),
            Screen::Questions(group) => self.group_questions(group).iter().all(|key| self.dealt_with(key)),
        }
    }

    /// Whether a part is complete: what it asks for is written (the
    /// questions: each one answered or skipped; closure: the note written
    /// and the debrief marked done).
    pub fn is_complete(&self, part: Part) -> bool {
        let written = |text: &str| !text.trim().is_empty();
        match part {
            Part::WhatHappened => self.setback.is_some() && written(&self.summary),
            Part::QuietBlock => self.session.is_scheduled(),
            Part::Timeline => self.timeline.iter().any(|event| written(&event.what)),
            Part::Questions => {
                let asked = self.screens().into_iter().filter_map(|screen| match screen {
                    Screen::Questions(group) => Some(group),
                    Screen::Part(_) => None,
                });
                let mut any_answered = false;
                for group in asked {
                    for key in self.group_questions(group) {
                        if !self.dealt_with(&key) {
                            return false;
                        }
                        any_answered |= self.answer(&key).is_some_and(|answer| !answer.skipped);
                    }
                }
                // Skipping every question is a choice, but not a part written.
                any_answered
            }
            Part::Factors => !self.factors.is_empty(),
            Part::LookingBack => !(self.went_well.is_empty() && self.went_wrong.is_empty() && self.lucky.is_empty()),
            Part::Lessons => self.key_lesson().is_some_and(|lesson| written(&lesson.text)),
            Part::Options => !self.options.is_empty(),
            Part::Closure => written(&self.closure_note) && self.is_done(),
        }
    }

    /// The required parts still to write before the sequence can close the
    /// debrief (closure counts once its note is written: closing is the mark).
    pub fn missing_to_finish(&self) -> Vec<Part> {
        Part::ALL
            .into_iter()
            .filter(|part| part.is_required())
            .filter(|part| match part {
                Part::Closure => self.closure_note.trim().is_empty(),
                part => !self.is_complete(*part),
            })
            .collect()
    }
}
