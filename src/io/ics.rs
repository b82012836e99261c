//! A small RFC 5545 iCalendar writer: one calendar of plain events in UTC.
//!
//! Every line ends with CRLF, TEXT values are escaped (section 3.3.11) and
//! content lines are folded at 75 octets (section 3.1) without ever splitting
//! a UTF-8 character. No alarms (VALARM): the app does not nag.

use crate::model::dates;
use chrono::{DateTime, Utc};

/// The identifier of the product that wrote the file.
pub const PRODID: &str = "-//Comeback//Comeback//EN";

/// The longest a physical line may be, in octets, not counting its CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// One event of the calendar, in UTC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Globally unique and stable, so re-importing updates the event instead of doubling it.
    pub uid: String,
    pub start: DateTime<Utc>,
    /// When it ends; an end before the start is written as the start.
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: String,
    /// Written only when it has something in it.
    pub location: Option<String>,
}

/// The whole `.ics` file for `events`; `stamp` is when it was made (DTSTAMP).
pub fn write_calendar(events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |content: &str| push_folded(&mut out, content);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for event in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape_text(&event.uid)));
        line(&format!("DTSTAMP:{}", utc_date_time(stamp)));
        line(&format!("DTSTART:{}", utc_date_time(event.start)));
        line(&format!("DTEND:{}", utc_date_time(event.end.max(event.start))));
        line(&format!("SUMMARY:{}", escape_text(&event.summary)));
        line(&format!("DESCRIPTION:{}", escape_text(&event.description)));
        if let Some(location) = event.location.as_deref().filter(|location| !location.trim().is_empty()) {
            line(&format!("LOCATION:{}", escape_text(location)));
        }
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// A DATE-TIME in UTC form (`YYYYMMDDTHHMMSSZ`, section 3.3.5, form #2).
pub fn utc_date_time(moment: DateTime<Utc>) -> String {
    dates::basic_moment(moment)
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash, every
/// line break (CRLF, LF or a lone CR) becomes `\n`, and the other control
/// characters, which TEXT may not hold, are dropped (a tab is kept).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // CRLF is one line break; a CR on its own is dropped.
            '\r' => {}
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line exceeds
/// `MAX_LINE_OCTETS` octets: each continuation line starts with a single
/// space, which counts towards its 75. Folds fall between characters.
pub(crate) fn push_folded(out: &mut String, content: &str) {
    let mut room = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in content.chars() {
        let width = c.len_utf8();
        if used + width > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_specials_and_line_breaks() {
        assert_eq!(escape_text("a\\b;c,d\ne\r\nf\rg:h\u{7}\ti"), "a\\\\b\\;c\\,d\\ne\\nfg:h\ti");
    }

    #[test]
    fn folds_at_75_octets_with_a_leading_space() {
        let mut out = String::new();
        push_folded(&mut out, &"x".repeat(200));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines.iter().map(|line| line.len()).collect::<Vec<_>>(), vec![75, 75, 52]);
        assert!(lines[1].starts_with(' ') && lines[2].starts_with(' '));
    }

    #[test]
    fn a_short_line_is_not_folded() {
        let mut out = String::new();
        push_folded(&mut out, "VERSION:2.0");
        assert_eq!(out, "VERSION:2.0\r\n");
        let mut exact = String::new();
        push_folded(&mut exact, &"y".repeat(75));
        assert_eq!(exact, format!("{}\r\n", "y".repeat(75)));
    }
}
