//! The parts of a debrief, in the order the guided sequence walks them, and
//! where the person left it: kept with the debrief, which stores the place
//! and checks the required parts when it is closed.

use serde::{Deserialize, Serialize};

use crate::model::meta::Timestamp;

/// One part of the debrief, in the order the sequence walks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    WhatHappened,
    QuietBlock,
    Timeline,
    Questions,
    Factors,
    LookingBack,
    Lessons,
    Options,
    Closure,
}

impl Part {
    pub const ALL: [Part; 9] = [
        Part::WhatHappened,
        Part::QuietBlock,
        Part::Timeline,
        Part::Questions,
        Part::Factors,
        Part::LookingBack,
        Part::Lessons,
        Part::Options,
        Part::Closure,
    ];

    /// Stable key, used in addresses and in the remembered place.
    pub fn key(self) -> &'static str {
        match self {
            Part::WhatHappened => "what-happened",
            Part::QuietBlock => "quiet-block",
            Part::Timeline => "timeline",
            Part::Questions => "questions",
            Part::Factors => "factors",
            Part::LookingBack => "looking-back",
            Part::Lessons => "lessons",
            Part::Options => "options",
            Part::Closure => "closure",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|part| part.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            Part::WhatHappened => "What happened",
            Part::QuietBlock => "The quiet block",
            Part::Timeline => "The timeline",
            Part::Questions => "The hard questions",
            Part::Factors => "What contributed",
            Part::LookingBack => "What went well, wrong, or lucky",
            Part::Lessons => "Lessons and the key lesson",
            Part::Options => "Options to weigh",
            Part::Closure => "Closure",
        }
    }

    /// Its place in the sequence, from 1.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|part| *part == self).map_or(0, |at| at + 1)
    }

    /// Closing the debrief needs the key lesson and the note to oneself
    /// (its core, as `model::progress` reads it); every other part can be
    /// skipped.
    pub fn is_required(self) -> bool {
        matches!(self, Part::Lessons | Part::Closure)
    }
}

/// Where the person left the sequence, and when they got there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// A [`Screen::key`]; kept as text so that a screen a newer build adds
    /// reads as "start of the sequence" here rather than failing the load.
    pub screen: String,
    pub at: Timestamp,
}
