//! Choosing the path: a new job, freelancing, a new business or an option of
//! the person's own, weighed on criteria they can weight and add to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::meta::{RecordMeta, Records, Timestamp};
use crate::model::sorting;

/// The highest score an option can get on one criterion, and the highest weight.
pub const MAX_SCORE: u8 = 5;

/// What a score or weight typed in a number field says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedScore {
    /// Nothing typed: not scored (a weight keeps its value).
    Empty,
    /// A number, rounded and brought within 0..=`MAX_SCORE`.
    Score(u8),
    /// Not a number: nothing changes.
    Unreadable,
}

impl TypedScore {
    pub fn read(text: &str) -> Self {
        let text = text.trim();
        if text.is_empty() {
            return Self::Empty;
        }
        match text.replace(',', ".").parse::<f32>() {
            Ok(number) if number.is_finite() => Self::Score(number.round().clamp(0.0, f32::from(MAX_SCORE)) as u8),
            _ => Self::Unreadable,
        }
    }
}

/// The starting options and criteria, with fixed ids so that defaults added
/// on two devices merge into one rather than doubling.
pub const NEW_JOB: u128 = 0x5a7e_0000_0000_4000_8000_0000_0000_0001;
pub const FREELANCING: u128 = 0x5a7e_0000_0000_4000_8000_0000_0000_0002;
pub const NEW_BUSINESS: u128 = 0x5a7e_0000_0000_4000_8000_0000_0000_0003;
const DEFAULT_OPTIONS: [(u128, &str); 3] =
    [(NEW_JOB, "A new job"), (FREELANCING, "Freelancing"), (NEW_BUSINESS, "A new business")];
const DEFAULT_CRITERIA: [(u128, &str); 4] = [
    (0x5a7e_0000_0000_4000_8000_0000_0001_0001, "Income stability"),
    (0x5a7e_0000_0000_4000_8000_0000_0001_0002, "Interest"),
    (0x5a7e_0000_0000_4000_8000_0000_0001_0003, "Skills fit"),
    (0x5a7e_0000_0000_4000_8000_0000_0001_0004, "Time to first income"),
];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PathOption {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    /// Criterion id → score from 0 (poor) to `MAX_SCORE` (excellent); a
    /// criterion not scored yet is missing.
    pub scores: BTreeMap<Uuid, u8>,
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Criterion {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub name: String,
    /// How much it matters, 0 (not at all) to `MAX_SCORE`.
    pub weight: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PathChoice {
    pub options: Vec<PathOption>,
    pub criteria: Vec<Criterion>,
    /// The option chosen; it can change later.
    pub chosen: Option<Uuid>,
    pub chosen_at: Option<Timestamp>,
    /// Set once the starting options are in, so removed ones stay removed.
    pub defaults_added: bool,
    pub updated_at: Option<Timestamp>,
}

/// An option's weighted result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// Weighted score as a share of the best possible, 0–100.
    pub percent: u8,
    /// How many of the weighted criteria have a score.
    pub scored: usize,
    pub criteria: usize,
}

impl PathChoice {
    /// Adds the three usual paths and four criteria (weight 3), once.
    pub fn ensure_defaults(&mut self, now: Timestamp) -> bool {
        if self.defaults_added {
            return false;
        }
        for (id, name) in DEFAULT_OPTIONS {
            let id = Uuid::from_u128(id);
            if !self.options.iter().any(|option| option.meta.id == id) {
                self.options.push(PathOption {
                    meta: RecordMeta { id, updated_at: now },
                    name: name.into(),
                    ..PathOption::default()
                });
            }
        }
        for (id, name) in DEFAULT_CRITERIA {
            let id = Uuid::from_u128(id);
            if !self.criteria.iter().any(|criterion| criterion.meta.id == id) {
                self.criteria.push(Criterion {
                    meta: RecordMeta { id, updated_at: now },
                    name: name.into(),
                    weight: 3,
                });
            }
        }
        self.defaults_added = true;
        self.updated_at = Some(now);
        true
    }

    /// The weighted score of `option`: Σ weight × score over Σ weight × 5.
    /// Unscored criteria count as 0, and the result says how many are scored.
    pub fn score(&self, option: &PathOption) -> Score {
        let weighted: Vec<&Criterion> = self.criteria.iter().filter(|criterion| criterion.weight > 0).collect();
        let best: u32 = weighted.iter().map(|criterion| u32::from(criterion.weight) * u32::from(MAX_SCORE)).sum();
        let got: u32 = weighted
            .iter()
            .map(|criterion| {
                u32::from(criterion.weight)
                    * u32::from(option.scores.get(&criterion.meta.id).copied().unwrap_or(0).min(MAX_SCORE))
            })
            .sum();
        let percent = (got * 100 + best / 2).checked_div(best).unwrap_or(0) as u8;
        let scored = weighted.iter().filter(|criterion| option.scores.contains_key(&criterion.meta.id)).count();
        Score { percent, scored, criteria: weighted.len() }
    }

    /// The option with the highest score, if one is strictly ahead.
    pub fn leader(&self) -> Option<Uuid> {
        let mut scores: Vec<(u8, Uuid)> =
            self.options.iter().map(|option| (self.score(option).percent, option.meta.id)).collect();
        sorting::sort_by_key(&mut scores, |score| std::cmp::Reverse(score.0));
        match scores.as_slice() {
            [(first, id), (second, _), ..] if first > second => Some(*id),
            [(first, id)] if *first > 0 => Some(*id),
            _ => None,
        }
    }

    pub fn chosen_option(&self) -> Option<&PathOption> {
        self.chosen.and_then(|id| self.options.by_id(id))
    }

    pub fn choose(&mut self, option: Option<Uuid>, now: Timestamp) {
        if self.chosen != option {
            self.chosen = option;
            self.chosen_at = option.map(|_| now);
            self.updated_at = Some(now);
        }
    }

    pub fn add_option(&mut self, name: &str, now: Timestamp) -> Option<Uuid> {
        let name = name.trim();
        (!name.is_empty()).then(|| {
            let option = PathOption { meta: RecordMeta::new(now), name: name.into(), ..PathOption::default() };
            let id = self.options.push_record(option);
            self.updated_at = Some(now);
            id
        })
    }

    pub fn add_criterion(&mut self, name: &str, now: Timestamp) -> Option<Uuid> {
        let name = name.trim();
        (!name.is_empty()).then(|| {
            let criterion = Criterion { meta: RecordMeta::new(now), name: name.into(), weight: 3 };
            let id = self.criteria.push_record(criterion);
            self.updated_at = Some(now);
            id
        })
    }

    pub fn set_score(&mut self, option: Uuid, criterion: Uuid, score: Option<u8>, now: Timestamp) {
        let scored = |option: &mut PathOption| {
            match score {
                Some(score) => option.scores.insert(criterion, score.min(MAX_SCORE)),
                None => option.scores.remove(&criterion),
            };
        };
        if self.options.edit(option, now, scored) {
            self.updated_at = Some(now);
        }
    }

    pub fn set_weight(&mut self, criterion: Uuid, weight: u8, now: Timestamp) {
        if self.criteria.edit(criterion, now, |criterion| criterion.weight = weight.min(MAX_SCORE)) {
            self.updated_at = Some(now);
        }
    }

    pub fn rename_option(&mut self, option: Uuid, name: String, now: Timestamp) {
        if self.options.edit(option, now, |option| option.name = name) {
            self.updated_at = Some(now);
        }
    }

    pub fn rename_criterion(&mut self, criterion: Uuid, name: String, now: Timestamp) {
        if self.criteria.edit(criterion, now, |criterion| criterion.name = name) {
            self.updated_at = Some(now);
        }
    }

    /// Removes an option; if it was the choice, nothing is chosen any more.
    /// (Through `Plan::remove_path_option`, which keeps the tombstone.)
    pub(super) fn remove_option(&mut self, option: Uuid, now: Timestamp) {
        self.options.retain(|candidate| candidate.meta.id != option);
        if self.chosen == Some(option) {
            self.chosen = None;
            self.chosen_at = None;
        }
        self.updated_at = Some(now);
    }

    /// Removes a criterion and every score given on it (through `Plan`).
    pub(super) fn remove_criterion(&mut self, criterion: Uuid, now: Timestamp) {
        self.criteria.retain(|candidate| candidate.meta.id != criterion);
        for option in &mut self.options {
            option.scores.remove(&criterion);
        }
        self.updated_at = Some(now);
    }
}
