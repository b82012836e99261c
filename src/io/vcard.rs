//! vCard 3.0 and 4.0 (`.vcf`, RFC 6350): reading address-book exports and
//! writing the outreach list back out as vCard 4.0.
//!
//! Reading unfolds continuation lines, takes FN (or N), EMAIL, TEL, ORG,
//! TITLE, URL and NOTE, and unescapes `\n`, `\,`, `\;` and `\\`. A card it
//! cannot use (no name, or no END) is counted and named, never dropped in
//! silence.

use thiserror::Error;

use crate::model::outreach::import::Skipped;
use crate::model::outreach::Contact;
use crate::model::Timestamp;

// vCard 4.0 escapes TEXT and folds lines as iCalendar does (RFC 6350 3.2, 3.4).
use super::ics::{escape_text as escape, push_folded};
use super::linkedin_csv::Parsed;

#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum VCardError {
    #[error("This file holds no contact cards (no line “BEGIN:VCARD”). Is it a .vcf file?")]
    NoCards,
}

/// Joins folded lines: a line starting with a space or tab continues the one before.
fn unfold(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some(last)) => last.push_str(rest),
            _ => lines.push(raw.to_owned()),
        }
    }
    lines
}

/// Undoes TEXT escaping.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a structured value (N, ORG) at unescaped semicolons.
fn components(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    if let Some(part) = parts.last_mut() {
                        part.push('\\');
                        part.push(next);
                    }
                }
            }
            ';' => parts.push(String::new()),
            c => {
                if let Some(part) = parts.last_mut() {
                    part.push(c);
                }
            }
        }
    }
    parts.iter().map(|part| unescape(part).trim().to_owned()).collect()
}

/// A property line: its name (without group, uppercase) and raw value.
fn property(line: &str) -> Option<(String, &str)> {
    // The value starts at the first colon outside a quoted parameter.
    let mut quoted = false;
    let colon = line.char_indices().find(|(_, c)| {
        if *c == '"' {
            quoted = !quoted;
        }
        *c == ':' && !quoted
    })?;
    let head = &line[..colon.0];
    let name = head.split(';').next().unwrap_or_default();
    let name = name.rsplit('.').next().unwrap_or(name);
    Some((name.trim().to_ascii_uppercase(), &line[colon.0 + 1..]))
}

/// Reads every card of a `.vcf` file; `now` stamps the new records.
pub fn parse_vcards(text: &str, now: Timestamp) -> Result<Parsed, VCardError> {
    let lines = unfold(text);
    let mut parsed = Parsed::default();
    let mut card: Option<Vec<(String, String)>> = None;
    let mut number = 0;
    let mut found_any = false;
    for line in &lines {
        let Some((name, value)) = property(line) else { continue };
        match name.as_str() {
            "BEGIN" if value.trim().eq_ignore_ascii_case("VCARD") => {
                found_any = true;
                number += 1;
                if card.is_some() {
                    parsed.skipped.push(Skipped {
                        name: format!("Card {}", number - 1),
                        reason: "it does not end (no END:VCARD)".into(),
                    });
                }
                card = Some(Vec::new());
            }
            "END" if value.trim().eq_ignore_ascii_case("VCARD") => {
                if let Some(properties) = card.take() {
                    match contact_from(&properties, now) {
                        Some(contact) => parsed.contacts.push(contact),
                        None => {
                            let hint = properties
                                .iter()
                                .find(|(name, _)| matches!(name.as_str(), "EMAIL" | "ORG" | "TEL"))
                                .map(|(_, value)| unescape(value));
                            let name = match hint {
                                Some(hint) if !hint.trim().is_empty() => format!("Card {number} ({})", hint.trim()),
                                _ => format!("Card {number}"),
                            };
                            parsed.skipped.push(Skipped { name, reason: "it has no name".into() });
                        }
                    }
                }
            }
            _ => {
                if let Some(properties) = card.as_mut() {
                    properties.push((name, value.to_owned()));
                }
            }
        }
    }
    if card.is_some() {
        parsed
            .skipped
            .push(Skipped { name: format!("Card {number}"), reason: "it does not end (no END:VCARD)".into() });
    }
    if !found_any {
        return Err(VCardError::NoCards);
    }
    Ok(parsed)
}

fn contact_from(properties: &[(String, String)], now: Timestamp) -> Option<Contact> {
    let first = |wanted: &str| {
        properties
            .iter()
            .find(|(name, value)| name == wanted && !value.trim().is_empty())
            .map(|(_, value)| value.as_str())
    };
    let text = |wanted: &str| first(wanted).map(|value| unescape(value).trim().to_owned()).unwrap_or_default();
    let mut name = text("FN");
    if name.is_empty() {
        if let Some(n) = first("N") {
            // N is family;given;additional;prefixes;suffixes.
            let parts = components(n);
            let get = |at: usize| parts.get(at).cloned().unwrap_or_default();
            name = [get(3), get(1), get(2), get(0), get(4)]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    if name.is_empty() {
        return None;
    }
    let company = first("ORG")
        .map(|org| components(org).into_iter().filter(|part| !part.is_empty()).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    let email = text("EMAIL");
    let email = email.strip_prefix("mailto:").unwrap_or(&email).to_owned();
    let phone = text("TEL");
    let phone = phone.strip_prefix("tel:").unwrap_or(&phone).to_owned();
    Some(Contact {
        company,
        role: text("TITLE"),
        email,
        phone,
        profile_url: text("URL"),
        notes: text("NOTE"),
        ..Contact::new(&name, now)
    })
}

/// The contacts as one vCard 4.0 file.
pub fn write_vcards(contacts: &[Contact]) -> String {
    let mut out = String::new();
    for contact in contacts {
        let mut line = |content: String| push_folded(&mut out, &content);
        line("BEGIN:VCARD".into());
        line("VERSION:4.0".into());
        line(format!("UID:urn:uuid:{}", contact.meta.id));
        line(format!("FN:{}", escape(&contact.name)));
        let fields = [
            ("ORG", &contact.company),
            ("TITLE", &contact.role),
            ("EMAIL", &contact.email),
            ("TEL", &contact.phone),
            ("URL", &contact.profile_url),
            ("NOTE", &contact.notes),
        ];
        for (name, value) in fields {
            if !value.trim().is_empty() {
                line(format!("{name}:{}", escape(value.trim())));
            }
        }
        line("END:VCARD".into());
    }
    out
}
