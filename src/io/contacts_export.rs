//! The outreach list written out: a CSV for spreadsheets (formula-like values
//! escaped, see `io::csv`) and the follow-ups as calendar events (`io::ics`).

use chrono::{DateTime, NaiveDate, Utc};

use super::csv::write_record;
use super::ics::{write_calendar, CalendarEvent};
use crate::model::outreach::Contact;

/// The columns of the exported CSV, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "Name",
    "How we know each other",
    "Relationship",
    "How often we see each other",
    "Tie strength",
    "Company",
    "Role",
    "Target job",
    "Email",
    "Phone",
    "Profile URL",
    "Status",
    "Last contacted",
    "Next follow-up",
    "Follow up every (days)",
    "Notes",
];

/// The contacts as CSV, one row each, with a header row.
pub fn write_contacts_csv(contacts: &[Contact]) -> String {
    let mut out = write_record(&CSV_COLUMNS);
    let date = |date: Option<NaiveDate>| date.map(|date| date.to_string()).unwrap_or_default();
    for contact in contacts {
        let target = match contact.targets_job {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        out.push_str(&write_record(&[
            contact.name.clone(),
            contact.how_we_know.clone(),
            contact.relationship.clone(),
            contact.how_often.map(|often| often.label().to_owned()).unwrap_or_default(),
            contact.tie().map(|tie| tie.label().to_owned()).unwrap_or_default(),
            contact.company.clone(),
            contact.role.clone(),
            target.to_owned(),
            contact.email.clone(),
            contact.phone.clone(),
            contact.profile_url.clone(),
            contact.status.label().to_owned(),
            date(contact.last_contacted()),
            date(contact.next_follow_up()),
            contact.cadence().to_string(),
            contact.notes.clone(),
        ]));
    }
    out
}

/// One calendar event per contact with a follow-up on or before `until`.
/// `at` turns the follow-up date into a moment (9:00 local time, say); the
/// UID is stable per contact, so importing again moves the event rather than
/// doubling it.
pub fn follow_up_events(contacts: &[&Contact], at: impl Fn(NaiveDate) -> Option<DateTime<Utc>>) -> Vec<CalendarEvent> {
    contacts
        .iter()
        .filter_map(|contact| {
            let date = contact.next_follow_up()?;
            let start = at(date)?;
            let mut about = Vec::new();
            if !contact.role.trim().is_empty() || !contact.company.trim().is_empty() {
                about.push(
                    [contact.role.trim(), contact.company.trim()]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join(" at "),
                );
            }
            if let Some(last) = contact.last_contacted() {
                about.push(format!("Last in touch on {last}."));
            }
            if let Some(note) = contact
                .interactions
                .iter()
                .rev()
                .map(|interaction| interaction.note.trim())
                .find(|note| !note.is_empty())
            {
                about.push(format!("Last note: {note}"));
            }
            Some(CalendarEvent {
                uid: format!("follow-up-{}@comeback", contact.meta.id),
                start,
                end: start + chrono::Duration::minutes(15),
                summary: format!("Follow up with {}", contact.name),
                description: about.join("\n"),
                location: None,
            })
        })
        .collect()
}

/// The `.ics` file for those follow-ups.
pub fn write_follow_ups_ics(
    contacts: &[&Contact],
    at: impl Fn(NaiveDate) -> Option<DateTime<Utc>>,
    stamp: DateTime<Utc>,
) -> String {
    write_calendar(&follow_up_events(contacts, at), stamp)
}
