//! Opportunities: jobs, clients or deals followed from first idea to the end,
//! with the date of every change of stage (the activity report reads them).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::keyed::keyed_enum;
use crate::model::meta::{RecordMeta, Records, Timestamp};
use crate::model::sorting;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Idea,
    Applied,
    Screening,
    Interviewing,
    Offer,
    Accepted,
    Declined,
    Rejected,
}

keyed_enum!(Stage {
    Idea => "idea", "Idea";
    Applied => "applied", "Applied";
    Screening => "screening", "Screening";
    Interviewing => "interviewing", "Interviewing";
    Offer => "offer", "Offer";
    Accepted => "accepted", "Accepted";
    Declined => "declined", "Declined";
    Rejected => "rejected", "Rejected";
});

impl Stage {
    /// Accepted, declined and rejected end the road.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Accepted | Stage::Declined | Stage::Rejected)
    }

    /// The next stage on the usual road (an offer leads to "accepted").
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::Idea => Some(Stage::Applied),
            Stage::Applied => Some(Stage::Screening),
            Stage::Screening => Some(Stage::Interviewing),
            Stage::Interviewing => Some(Stage::Offer),
            Stage::Offer => Some(Stage::Accepted),
            Stage::Accepted | Stage::Declined | Stage::Rejected => None,
        }
    }

    /// The stage before on the usual road; a closed one goes back to where
    /// it was decided, the offer (or the interviews for a rejection).
    pub fn previous(self) -> Option<Stage> {
        match self {
            Stage::Idea => None,
            Stage::Applied => Some(Stage::Idea),
            Stage::Screening => Some(Stage::Applied),
            Stage::Interviewing => Some(Stage::Screening),
            Stage::Offer => Some(Stage::Interviewing),
            Stage::Accepted | Stage::Declined => Some(Stage::Offer),
            Stage::Rejected => Some(Stage::Interviewing),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Someone from the outreach list.
    Contact,
    JobBoard,
    Referral,
    #[default]
    Other,
}

keyed_enum!(SourceKind {
    Contact => "contact", "A contact";
    JobBoard => "job_board", "A job board";
    Referral => "referral", "A referral";
    Other => "other", "Other";
});

/// One change of stage and the day it happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    pub on: NaiveDate,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Opportunity {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub company: String,
    pub role: String,
    pub source: SourceKind,
    /// The contact it came through (for "a contact" and "a referral").
    pub contact: Option<Uuid>,
    /// Which job board, who referred, or other words about the source.
    pub source_note: String,
    pub stage: Stage,
    /// Every stage it has been in, oldest first, starting with the first.
    pub history: Vec<StageChange>,
    pub next_step: String,
    pub next_date: Option<NaiveDate>,
    pub notes: String,
}

impl Opportunity {
    /// "Data engineer at Acme", or whichever half is known.
    pub fn title(&self) -> String {
        match (self.role.trim(), self.company.trim()) {
            ("", "") => "Untitled opportunity".into(),
            (role, "") => role.into(),
            ("", company) => company.into(),
            (role, company) => format!("{role} at {company}"),
        }
    }

    /// When it entered its current stage.
    pub fn stage_since(&self) -> Option<NaiveDate> {
        self.history.iter().rev().find(|change| change.stage == self.stage).map(|change| change.on)
    }

    /// Moves it to `stage` on `on`, recording the change; moving to the stage
    /// it is already in changes nothing.
    pub fn move_to(&mut self, stage: Stage, on: NaiveDate, now: Timestamp) -> bool {
        if stage == self.stage && !self.history.is_empty() {
            return false;
        }
        self.stage = stage;
        self.history.push(StageChange { stage, on });
        self.meta.touch(now);
        true
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Opportunities {
    pub list: Vec<Opportunity>,
    pub updated_at: Option<Timestamp>,
}

impl Opportunities {
    pub fn get(&self, id: Uuid) -> Option<&Opportunity> {
        self.list.by_id(id)
    }

    /// Adds an opportunity at `stage`, entered `on`; returns its id.
    pub fn add(&mut self, company: &str, role: &str, stage: Stage, on: NaiveDate, now: Timestamp) -> Option<Uuid> {
        let (company, role) = (company.trim(), role.trim());
        if company.is_empty() && role.is_empty() {
            return None;
        }
        let opportunity = Opportunity {
            meta: RecordMeta::new(now),
            company: company.into(),
            role: role.into(),
            stage,
            history: vec![StageChange { stage, on }],
            ..Opportunity::default()
        };
        let id = self.list.push_record(opportunity);
        self.updated_at = Some(now);
        Some(id)
    }

    pub fn update(&mut self, id: Uuid, now: Timestamp, change: impl FnOnce(&mut Opportunity)) {
        if self.list.edit(id, now, change) {
            self.updated_at = Some(now);
        }
    }

    pub fn move_to(&mut self, id: Uuid, stage: Stage, on: NaiveDate, now: Timestamp) {
        if let Some(opportunity) = self.list.by_id_mut(id) {
            if opportunity.move_to(stage, on, now) {
                self.updated_at = Some(now);
            }
        }
    }

    /// Through `Plan::remove_opportunity`, which keeps the tombstone.
    pub(super) fn remove(&mut self, id: Uuid, now: Timestamp) {
        self.list.retain(|opportunity| opportunity.meta.id != id);
        self.updated_at = Some(now);
    }

    /// The ids in `stage`, the next dated step first, then the rest by title.
    pub fn in_stage(&self, stage: Stage) -> Vec<Uuid> {
        let mut shown: Vec<&Opportunity> = self.list.iter().filter(|opportunity| opportunity.stage == stage).collect();
        sorting::sort_by(&mut shown, |a, b| {
            (a.next_date.is_none(), a.next_date, a.title().to_lowercase()).cmp(&(
                b.next_date.is_none(),
                b.next_date,
                b.title().to_lowercase(),
            ))
        });
        shown.into_iter().map(|opportunity| opportunity.meta.id).collect()
    }

    /// How many are still open (not accepted, declined or rejected).
    pub fn open_count(&self) -> usize {
        self.list.iter().filter(|opportunity| !opportunity.stage.is_closed()).count()
    }
}
