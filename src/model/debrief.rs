//! Step 1 of the method: a debrief with yourself.

use serde::{Deserialize, Serialize};

use super::meta::Timestamp;

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

impl SetbackKind {
    pub const ALL: [SetbackKind; 5] = [
        SetbackKind::FiredOrLaidOff,
        SetbackKind::BusinessFailed,
        SetbackKind::ProjectRejected,
        SetbackKind::Stalled,
        SetbackKind::Other,
    ];

    /// Stable key used in forms and storage.
    pub fn key(self) -> &'static str {
        match self {
            SetbackKind::FiredOrLaidOff => "fired_or_laid_off",
            SetbackKind::BusinessFailed => "business_failed",
            SetbackKind::ProjectRejected => "project_rejected",
            SetbackKind::Stalled => "stalled",
            SetbackKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// How the choice reads to the person using the app.
    pub fn label(self) -> &'static str {
        match self {
            SetbackKind::FiredOrLaidOff => "I was fired or laid off",
            SetbackKind::BusinessFailed => "My business or freelance work failed",
            SetbackKind::ProjectRejected => "A project I launched was turned down",
            SetbackKind::Stalled => "My career has stalled",
            SetbackKind::Other => "Something else",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Debrief {
    pub setback: Option<SetbackKind>,
    /// One or two sentences: what happened.
    pub summary: String,
    pub updated_at: Option<Timestamp>,
}

impl Debrief {
    pub fn set_setback(&mut self, kind: Option<SetbackKind>, now: Timestamp) {
        if self.setback != kind {
            self.setback = kind;
            self.updated_at = Some(now);
        }
    }

    pub fn set_summary(&mut self, summary: &str, now: Timestamp) {
        if self.summary != summary {
            self.summary = summary.to_owned();
            self.updated_at = Some(now);
        }
    }

    /// Whether anything has been written yet.
    pub fn is_started(&self) -> bool {
        self.setback.is_some() || !self.summary.trim().is_empty()
    }
}
