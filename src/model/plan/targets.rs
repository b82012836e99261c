//! Target roles and companies. The outreach list matches its contacts
//! against them to flag the people already in a job the person wants.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::meta::{RecordMeta, Records, Timestamp};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Role,
    Company,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Target {
    #[serde(flatten)]
    pub meta: RecordMeta,
    pub kind: TargetKind,
    pub text: String,
}

impl Default for Target {
    fn default() -> Self {
        Self { meta: RecordMeta::default(), kind: TargetKind::Role, text: String::new() }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    pub list: Vec<Target>,
    pub updated_at: Option<Timestamp>,
}

/// Words that say what kind of company it is rather than which one, left out
/// when matching ("Acme Ltd" is "Acme").
const COMPANY_SUFFIXES: [&str; 14] =
    ["inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "sa", "sas", "ag", "bv", "plc", "co", "co.", "corp"];

/// Lower-case words with punctuation trimmed off their ends.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#').to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

fn company_words(text: &str) -> Vec<String> {
    let mut words = words(text);
    while words.len() > 1 && words.last().is_some_and(|last| COMPANY_SUFFIXES.contains(&last.as_str())) {
        words.pop();
    }
    words
}

/// The targets' words, worked out once: matching 5,000 contacts against
/// targets split into words per contact was most of a list update.
pub struct TargetMatcher {
    companies: Vec<Vec<String>>,
    roles: Vec<Vec<String>>,
}

impl TargetMatcher {
    /// See [`Targets::matches`].
    pub fn matches(&self, company: &str, role: &str) -> bool {
        let company_matches = || {
            let company = company_words(company);
            !company.is_empty() && self.companies.contains(&company)
        };
        let role_matches = || {
            let role = words(role);
            self.roles.iter().any(|target| contains_phrase(&role, target))
        };
        (!self.companies.is_empty() && company_matches()) || (!self.roles.is_empty() && role_matches())
    }
}

/// Whether all of `needle`'s words appear in order, side by side, in `hay`.
fn contains_phrase(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|window| window == needle)
}

impl Targets {
    pub fn of_kind(&self, kind: TargetKind) -> impl Iterator<Item = &Target> {
        self.list.iter().filter(move |target| target.kind == kind && !target.text.trim().is_empty())
    }

    pub fn is_empty(&self) -> bool {
        self.of_kind(TargetKind::Role).next().is_none() && self.of_kind(TargetKind::Company).next().is_none()
    }

    pub fn add(&mut self, kind: TargetKind, text: &str, now: Timestamp) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let duplicate = self.of_kind(kind).any(|target| words(&target.text) == words(text));
        (!duplicate).then(|| {
            let target = Target { meta: RecordMeta::new(now), kind, text: text.into() };
            let id = self.list.push_record(target);
            self.updated_at = Some(now);
            id
        })
    }

    /// Through `Plan::remove_target`, which keeps the tombstone.
    pub(super) fn remove(&mut self, id: Uuid, now: Timestamp) {
        self.list.retain(|target| target.meta.id != id);
        self.updated_at = Some(now);
    }

    /// Whether someone at `company` in `role` works in a target job: the
    /// company is a target (same name, ignoring case, punctuation and "Ltd"
    /// and the like) or the role holds a target role's words ("Senior Data
    /// Engineer" matches "data engineer").
    pub fn matches(&self, company: &str, role: &str) -> bool {
        self.matcher().matches(company, role)
    }

    /// The targets prepared for matching many contacts (a whole list).
    pub fn matcher(&self) -> TargetMatcher {
        TargetMatcher {
            companies: self.of_kind(TargetKind::Company).map(|target| company_words(&target.text)).collect(),
            roles: self.of_kind(TargetKind::Role).map(|target| words(&target.text)).collect(),
        }
    }

    /// The target roles as a phrase for messages: "data engineer or analyst".
    pub fn roles_phrase(&self) -> String {
        let roles: Vec<&str> = self.of_kind(TargetKind::Role).map(|target| target.text.trim()).collect();
        match roles.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
        }
    }
}
