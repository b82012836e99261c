//! LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of
//! your data). The file starts with a "Notes:" preamble of varying length,
//! so the header row is found by its column names, never by a fixed skip,
//! and columns are read by name. Imported people are weak ties: most
//! connections are people seen once a year or less.

use chrono::NaiveDate;
use thiserror::Error;

use super::csv::read_records;
use crate::model::first_steps::date_label;
use crate::model::outreach::import::Skipped;
use crate::model::outreach::{Contact, Frequency};
use crate::model::Timestamp;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum LinkedInError {
    #[error(
        "This does not look like LinkedIn's Connections.csv: no row names the columns “First Name” and “Last Name”."
    )]
    NoHeader,
}

/// What a file gave: the people read, and the rows that could not be used.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub contacts: Vec<Contact>,
    pub skipped: Vec<Skipped>,
}

/// Reads "15 Mar 2024", "3 Feb 2021", and a few other spellings of a date.
pub fn parse_connected_on(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    ["%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%b %d, %Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
}

/// Reads a `Connections.csv`; `now` stamps the new records.
pub fn parse_connections(text: &str, now: Timestamp) -> Result<Parsed, LinkedInError> {
    let records = read_records(text);
    let normalize = |field: &str| field.trim().to_lowercase();
    let header_at = records
        .iter()
        .position(|record| {
            let names: Vec<String> = record.iter().map(|field| normalize(field)).collect();
            names.iter().any(|name| name == "first name") && names.iter().any(|name| name == "last name")
        })
        .ok_or(LinkedInError::NoHeader)?;
    let header: Vec<String> = records[header_at].iter().map(|field| normalize(field)).collect();
    let column = |name: &str| header.iter().position(|field| field == name);
    let (first, last) = (column("first name"), column("last name"));
    let url = column("url").or_else(|| column("profile url"));
    let email = column("email address").or_else(|| column("email"));
    let company = column("company");
    let position = column("position").or_else(|| column("title"));
    let connected = column("connected on");

    let mut parsed = Parsed::default();
    for (offset, record) in records[header_at + 1..].iter().enumerate() {
        let get = |at: Option<usize>| {
            at.and_then(|at| record.get(at)).map(|field| field.trim().to_owned()).unwrap_or_default()
        };
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let name =
            [get(first), get(last)].iter().filter(|part| !part.is_empty()).cloned().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            // The record's place in the file, counting from 1.
            let row = header_at + offset + 2;
            let hint = [get(company), get(url)].into_iter().find(|part| !part.is_empty());
            let name = match hint {
                Some(hint) => format!("Row {row} ({hint})"),
                None => format!("Row {row}"),
            };
            parsed.skipped.push(Skipped { name, reason: "it has no name".into() });
            continue;
        }
        let since = parse_connected_on(&get(connected));
        let how_we_know = match since {
            Some(date) => format!("LinkedIn connection since {}", date_label(date)),
            None => "LinkedIn connection".to_owned(),
        };
        parsed.contacts.push(Contact {
            how_we_know,
            how_often: Some(Frequency::OnceAYearOrLess),
            company: get(company),
            role: get(position),
            email: get(email),
            profile_url: get(url),
            ..Contact::new(&name, now)
        });
    }
    Ok(parsed)
}
