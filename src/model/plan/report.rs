//! The activity report: a dated list of job-search activity between two
//! dates (applications and stage changes, contacts reached, events
//! attended), the kind of proof an unemployment office asks for.

use chrono::NaiveDate;

use super::opportunities::Stage;
use crate::model::meta::Records;
use crate::model::sorting;
use crate::model::Workbook;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActivityKind {
    Application,
    StageChange,
    ContactReached,
    EventAttended,
}

impl ActivityKind {
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Application => "Application",
            ActivityKind::StageChange => "Stage change",
            ActivityKind::ContactReached => "Contact reached",
            ActivityKind::EventAttended => "Event attended",
        }
    }
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub date: NaiveDate,
    pub kind: ActivityKind,
    /// What was done: "Applied: Data engineer at Acme".
    pub what: String,
    /// How or where: the source, the channel, the place.
    pub details: String,
}

/// The days from `from` to `to`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateRange {
    /// The range, with its ends swapped if given the wrong way round.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        if from <= to {
            Self { from, to }
        } else {
            Self { from: to, to: from }
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

impl Workbook {
    /// Every activity dated within `range`, oldest first.
    pub fn activity_report(&self, range: DateRange) -> Vec<Activity> {
        let mut lines = Vec::new();
        for opportunity in &self.plan.opportunities.list {
            for change in opportunity.history.iter().filter(|change| range.contains(change.on)) {
                let (kind, what) = match change.stage {
                    // Noting an idea is not yet an activity to report.
                    Stage::Idea => continue,
                    Stage::Applied => (ActivityKind::Application, format!("Applied: {}", opportunity.title())),
                    stage => (ActivityKind::StageChange, format!("{}: {}", stage.label(), opportunity.title())),
                };
                let source = opportunity.contact.and_then(|id| self.outreach.contacts.by_id(id));
                let details = match (source, opportunity.source_note.trim()) {
                    (Some(contact), "") => format!("Through {}", contact.name.trim()),
                    (Some(contact), note) => format!("Through {} ({note})", contact.name.trim()),
                    (None, "") => String::new(),
                    (None, note) => format!("{}: {note}", opportunity.source.label()),
                };
                lines.push(Activity { date: change.on, kind, what, details });
            }
        }
        for contact in &self.outreach.contacts {
            for interaction in &contact.interactions {
                let Some(date) = interaction.date.filter(|date| range.contains(*date)) else { continue };
                let who = match (contact.role.trim(), contact.company.trim()) {
                    ("", "") => contact.name.trim().to_owned(),
                    ("", company) => format!("{} ({company})", contact.name.trim()),
                    (role, "") => format!("{} ({role})", contact.name.trim()),
                    (role, company) => format!("{} ({role} at {company})", contact.name.trim()),
                };
                let details = match interaction.note.trim() {
                    "" => interaction.channel.label().to_owned(),
                    note => format!("{}: {note}", interaction.channel.label()),
                };
                lines.push(Activity {
                    date,
                    kind: ActivityKind::ContactReached,
                    what: format!("Contacted {who}"),
                    details,
                });
            }
        }
        for event in self.mojo.events.iter().filter(|event| event.attended) {
            let Some(date) = event.date.filter(|date| range.contains(*date)) else { continue };
            let what = match event.name.trim() {
                "" => format!("Attended a {}", event.kind.label().to_lowercase()),
                name => format!("Attended {name} ({})", event.kind.label().to_lowercase()),
            };
            lines.push(Activity {
                date,
                kind: ActivityKind::EventAttended,
                what,
                details: event.place.trim().to_owned(),
            });
        }
        sorting::sort_by(&mut lines, |a, b| (a.date, a.kind, &a.what).cmp(&(b.date, b.kind, &b.what)));
        lines
    }
}
