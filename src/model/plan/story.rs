//! The answer to "tell me about this gap / what happened?", built from four
//! parts, and a small bank of other interview stories (situation, task,
//! action, result, lesson).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::meta::{RecordMeta, Records, Timestamp};

/// Speaking pace used for the time estimate, in words a minute.
pub const WORDS_PER_MINUTE: u32 = 140;
/// The length to aim for, in seconds.
pub const AIM_SECONDS: (u32, u32) = (60, 90);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    WhatHappened,
    Learned,
    DoneSince,
    WhyReady,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::WhatHappened, Part::Learned, Part::DoneSince, Part::WhyReady];

    pub fn label(self) -> &'static str {
        match self {
            Part::WhatHappened => "What happened",
            Part::Learned => "What I learned",
            Part::DoneSince => "What I have done since",
            Part::WhyReady => "Why I am ready now",
        }
    }

    /// What only the person can add to this part, asked plainly.
    pub fn prompt(self) -> &'static str {
        match self {
            Part::WhatHappened => "Say it plainly, in a sentence or two, without blaming anyone.",
            Part::Learned => "In your words: what you learned, and what you do differently now.",
            Part::DoneSince => {
                "Lead with your side project: what you enjoyed about it, and what you would show an interviewer."
            }
            Part::WhyReady => "Why this next step, and why now: let your enthusiasm show.",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Part::WhatHappened => "what-happened",
            Part::Learned => "learned",
            Part::DoneSince => "done-since",
            Part::WhyReady => "why-ready",
        }
    }
}

/// The four parts. `None` means "not written yet": the part shows what the
/// rest of the workbook suggests (the debrief summary, the key lesson, the
/// time-off summary) until the person writes their own words.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Parts {
    pub what_happened: Option<String>,
    pub learned: Option<String>,
    pub done_since: Option<String>,
    pub why_ready: Option<String>,
}

impl Parts {
    pub fn get(&self, part: Part) -> Option<&String> {
        match part {
            Part::WhatHappened => self.what_happened.as_ref(),
            Part::Learned => self.learned.as_ref(),
            Part::DoneSince => self.done_since.as_ref(),
            Part::WhyReady => self.why_ready.as_ref(),
        }
    }

    pub fn slot(&mut self, part: Part) -> &mut Option<String> {
        match part {
            Part::WhatHappened => &mut self.what_happened,
            Part::Learned => &mut self.learned,
            Part::DoneSince => &mut self.done_since,
            Part::WhyReady => &mut self.why_ready,
        }
    }

    /// Each part's text: the person's own words, or else the suggestion.
    pub fn resolved(&self, suggestions: &Parts) -> Parts {
        let pick = |part: Part| self.get(part).or(suggestions.get(part)).cloned();
        Parts {
            what_happened: pick(Part::WhatHappened),
            learned: pick(Part::Learned),
            done_since: pick(Part::DoneSince),
            why_ready: pick(Part::WhyReady),
        }
    }

    /// One answer: the non-empty parts in order, a paragraph each.
    pub fn assemble(&self) -> String {
        Part::ALL
            .into_iter()
            .filter_map(|part| self.get(part).map(|text| text.trim()).filter(|text| !text.is_empty()))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A saved version of the answer, to compare and go back to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerVersion {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    pub saved_at: Option<Timestamp>,
    /// The parts as they read when saved (suggestions written out).
    pub parts: Parts,
}

impl AnswerVersion {
    pub fn text(&self) -> String {
        self.parts.assemble()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FailureAnswer {
    pub parts: Parts,
    pub versions: Vec<AnswerVersion>,
    pub updated_at: Option<Timestamp>,
}

impl FailureAnswer {
    pub fn set_part(&mut self, part: Part, text: Option<String>, now: Timestamp) {
        *self.parts.slot(part) = text;
        self.updated_at = Some(now);
    }

    /// Keeps the parts as they read now (`resolved`: suggestions written
    /// out) as a named version; returns its id. An empty answer is not kept.
    pub fn save_version(&mut self, name: &str, parts: Parts, now: Timestamp) -> Option<Uuid> {
        if parts.assemble().is_empty() {
            return None;
        }
        let name = match name.trim() {
            "" => format!("Version {}", self.versions.len() + 1),
            name => name.to_owned(),
        };
        let version = AnswerVersion { meta: RecordMeta::new(now), name, saved_at: Some(now), parts };
        let id = self.versions.push_record(version);
        self.updated_at = Some(now);
        Some(id)
    }

    /// Brings a saved version back as the parts being worked on.
    pub fn use_version(&mut self, id: Uuid, now: Timestamp) {
        if let Some(version) = self.versions.by_id(id) {
            let parts = &version.parts;
            self.parts = Parts {
                what_happened: Some(parts.what_happened.clone().unwrap_or_default()),
                learned: Some(parts.learned.clone().unwrap_or_default()),
                done_since: Some(parts.done_since.clone().unwrap_or_default()),
                why_ready: Some(parts.why_ready.clone().unwrap_or_default()),
            };
            self.updated_at = Some(now);
        }
    }

    /// Through `Plan::remove_answer_version`, which keeps the tombstone.
    pub(super) fn remove_version(&mut self, id: Uuid, now: Timestamp) {
        self.versions.retain(|version| version.meta.id != id);
        self.updated_at = Some(now);
    }
}

/// Words in a text, as a reader would count them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|word| word.chars().any(char::is_alphanumeric)).count()
}

/// Estimated speaking time in whole seconds at `WORDS_PER_MINUTE`.
pub fn speaking_seconds(words: usize) -> u32 {
    let words = u32::try_from(words).unwrap_or(u32::MAX);
    (words.saturating_mul(60) + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE
}

/// "1:05", for times shown to the person.
pub fn clock_label(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// A kind word on the length against the 60–90 second aim.
pub fn length_advice(seconds: u32) -> &'static str {
    let (short, long) = AIM_SECONDS;
    if seconds == 0 {
        "Nothing to say out loud yet."
    } else if seconds < short {
        "Shorter than a minute: fine, if it says what matters."
    } else if seconds <= long {
        "Within the 60–90 seconds to aim for."
    } else {
        "Longer than 90 seconds: try trimming what happened, and keep what you did since."
    }
}

/// Another interview story, told as situation, task, action, result, lesson.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    #[serde(flatten)]
    pub meta: RecordMeta,
    /// The question it answers ("a time you disagreed with your manager").
    pub question: String,
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
    pub lesson: String,
}

impl Story {
    pub fn new(question: &str, now: Timestamp) -> Self {
        Self { meta: RecordMeta::new(now), question: question.trim().into(), ..Self::default() }
    }

    pub fn text(&self) -> String {
        [&self.situation, &self.task, &self.action, &self.result, &self.lesson]
            .into_iter()
            .map(|part| part.trim())
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}
