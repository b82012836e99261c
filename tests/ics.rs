//! The iCalendar writer and the debrief block event: every file must import
//! cleanly (checked by a strict reading of RFC 5545 here and by the
//! `icalendar` crate's parser) and give back exactly what was written.

use chrono::{DateTime, Duration, Utc};
use comeback::io::debrief_session::{session_event, SESSION_SUMMARY};
use comeback::io::ics::{write_calendar, CalendarEvent, PRODID};
use comeback::model::debrief::{Session, MIN_SESSION_MINUTES};
use comeback::model::questions::questions_for;
use comeback::model::{Debrief, SetbackKind};
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// 2026-03-12 09:30:00 UTC.
fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-12T09:30:00Z").unwrap().with_timezone(&Utc)
}

fn stamp() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T18:05:09Z").unwrap().with_timezone(&Utc)
}

fn event(summary: &str, description: &str, location: Option<&str>) -> CalendarEvent {
    CalendarEvent {
        uid: "debrief-1@comeback".into(),
        start: start(),
        end: start() + Duration::hours(3),
        summary: summary.into(),
        description: description.into(),
        location: location.map(str::to_owned),
    }
}

/// What a TEXT value reads as once written: CRLF is one line break, a lone CR
/// and other control characters (but tab) are dropped.
fn as_written(text: &str) -> String {
    text.replace("\r\n", "\n").chars().filter(|c| *c == '\n' || *c == '\t' || !c.is_control()).collect()
}

// --- A strict reading of RFC 5545 -------------------------------------------

/// Checks the physical lines (CRLF everywhere, at most 75 octets, folds only
/// where the next character would not fit, each line valid UTF-8 by itself)
/// and returns the unfolded content lines.
fn strict_content_lines(ics: &str) -> Vec<String> {
    let bytes = ics.as_bytes();
    assert!(ics.ends_with("\r\n"), "the file ends with CRLF");
    let mut physical: Vec<&[u8]> = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let at = rest.windows(2).position(|pair| pair == b"\r\n").expect("every line ends with CRLF");
        let line = &rest[..at];
        assert!(!line.contains(&b'\r') && !line.contains(&b'\n'), "no bare CR or LF: {line:?}");
        assert!(line.len() <= 75, "line of {} octets: {:?}", line.len(), String::from_utf8_lossy(line));
        assert!(std::str::from_utf8(line).is_ok(), "a fold split a UTF-8 character: {line:?}");
        physical.push(line);
        rest = &rest[at + 2..];
    }
    // A fold happens only when the next character would not fit.
    for pair in physical.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if let Some(continued) = next.strip_prefix(b" ") {
            let next_char = std::str::from_utf8(continued).unwrap().chars().next().expect("a continuation has content");
            assert!(line.len() + next_char.len_utf8() > 75, "folded early: {:?}", String::from_utf8_lossy(line));
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        let line = std::str::from_utf8(line).unwrap();
        match line.strip_prefix(' ') {
            Some(continued) => lines.last_mut().expect("a continuation follows a line").push_str(continued),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

/// A content line `NAME:VALUE` (no parameters are written), with the name an
/// IANA token and no control characters but tab in the value.
fn split_property(line: &str) -> (&str, &str) {
    let (name, value) = line.split_once(':').unwrap_or_else(|| panic!("no colon in {line:?}"));
    assert!(
        !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
        "{name:?}"
    );
    assert!(value.chars().all(|c| c == '\t' || !c.is_control()), "control character in {line:?}");
    (name, value)
}

/// Unescapes a TEXT value, refusing anything RFC 5545 does not allow: an
/// unescaped `;` or `,`, or a backslash before anything but `\ ; , n N`.
fn strict_unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ';' | ',' => panic!("unescaped {c:?} in TEXT {value:?}"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, Default, PartialEq)]
struct StrictEvent {
    uid: String,
    dtstamp: String,
    dtstart: String,
    dtend: String,
    summary: String,
    description: String,
    location: Option<String>,
}

/// Reads the file strictly: the calendar frame and properties, and every
/// event with each required property exactly once.
fn strict_read(ics: &str) -> Vec<StrictEvent> {
    let lines = strict_content_lines(ics);
    assert_eq!(
        lines[..5],
        ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}"), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    );
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let mut events = Vec::new();
    let mut current: Option<(StrictEvent, Vec<String>)> = None;
    for line in &lines[5..lines.len() - 1] {
        let (name, value) = split_property(line);
        match (name, &mut current) {
            ("BEGIN", None) => {
                assert_eq!(value, "VEVENT", "only events, and no alarms");
                current = Some((StrictEvent::default(), Vec::new()));
            }
            ("END", Some((event, seen))) => {
                assert_eq!(value, "VEVENT");
                for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP"] {
                    assert!(seen.iter().any(|name| name == required), "{required} missing");
                }
                events.push(std::mem::take(event));
                current = None;
            }
            (_, Some((event, seen))) => {
                assert!(!seen.iter().any(|seen| seen == name), "{name} twice in one event");
                seen.push(name.to_owned());
                let date_time = |value: &str| {
                    assert!(
                        value.len() == 16
                            && value.as_bytes()[8] == b'T'
                            && value.ends_with('Z')
                            && value.chars().enumerate().all(|(i, c)| i == 8 || i == 15 || c.is_ascii_digit()),
                        "not a UTC DATE-TIME: {value:?}"
                    );
                    value.to_owned()
                };
                match name {
                    "UID" => event.uid = strict_unescape(value),
                    "DTSTAMP" => event.dtstamp = date_time(value),
                    "DTSTART" => event.dtstart = date_time(value),
                    "DTEND" => event.dtend = date_time(value),
                    "SUMMARY" => event.summary = strict_unescape(value),
                    "DESCRIPTION" => event.description = strict_unescape(value),
                    "LOCATION" => event.location = Some(strict_unescape(value)),
                    "TRANSP" => assert_eq!(value, "OPAQUE"),
                    other => panic!("unexpected property {other}"),
                }
            }
            (name, None) => panic!("{name} outside an event"),
        }
    }
    assert!(current.is_none(), "an event is left open");
    events
}

/// Parses with the `icalendar` crate and checks each event against what was written.
fn assert_icalendar_round_trip(ics: &str, written: &[CalendarEvent], stamp: DateTime<Utc>) {
    let calendar: icalendar::Calendar = ics.parse().expect("the icalendar crate reads the file");
    assert_eq!(calendar.property_value("VERSION"), Some("2.0"));
    assert_eq!(calendar.property_value("PRODID"), Some(PRODID));
    assert_eq!(calendar.property_value("METHOD"), Some("PUBLISH"));
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .map(|component| match component {
            CalendarComponent::Event(event) => event,
            other => panic!("unexpected component {other:?}"),
        })
        .collect();
    assert_eq!(events.len(), written.len());
    for (read, written) in events.iter().zip(written) {
        assert_eq!(read.get_uid(), Some(as_written(&written.uid).as_str()));
        assert_eq!(read.get_summary(), Some(as_written(&written.summary).as_str()));
        assert_eq!(read.get_description(), Some(as_written(&written.description).as_str()));
        let location = written.location.as_deref().filter(|location| !location.trim().is_empty()).map(as_written);
        assert_eq!(read.get_location().map(str::to_owned), location);
        assert_eq!(read.get_start(), Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(written.start))));
        assert_eq!(
            read.get_end(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(written.end.max(written.start))))
        );
        assert_eq!(read.get_timestamp(), Some(stamp));
    }
}

/// Writes, reads back both ways, and checks every field came back exactly.
fn round_trip(events: &[CalendarEvent]) -> String {
    let ics = write_calendar(events, stamp());
    let read = strict_read(&ics);
    assert_eq!(read.len(), events.len());
    for (read, written) in read.iter().zip(events) {
        assert_eq!(read.uid, as_written(&written.uid));
        assert_eq!(read.summary, as_written(&written.summary));
        assert_eq!(read.description, as_written(&written.description));
        let location = written.location.as_deref().filter(|location| !location.trim().is_empty()).map(as_written);
        assert_eq!(read.location, location);
        assert_eq!(read.dtstamp, "20260301T180509Z");
    }
    assert_icalendar_round_trip(&ics, events, stamp());
    ics
}

// --- The writer ------------------------------------------------------------

#[test]
fn a_simple_calendar_is_written_exactly() {
    let ics = write_calendar(&[event("Debrief", "Quiet time.", Some("Home"))], stamp());
    let expected = "BEGIN:VCALENDAR\r\n\
                    VERSION:2.0\r\n\
                    PRODID:-//Comeback//Comeback//EN\r\n\
                    CALSCALE:GREGORIAN\r\n\
                    METHOD:PUBLISH\r\n\
                    BEGIN:VEVENT\r\n\
                    UID:debrief-1@comeback\r\n\
                    DTSTAMP:20260301T180509Z\r\n\
                    DTSTART:20260312T093000Z\r\n\
                    DTEND:20260312T123000Z\r\n\
                    SUMMARY:Debrief\r\n\
                    DESCRIPTION:Quiet time.\r\n\
                    LOCATION:Home\r\n\
                    TRANSP:OPAQUE\r\n\
                    END:VEVENT\r\n\
                    END:VCALENDAR\r\n";
    assert_eq!(ics, expected);
    round_trip(&[event("Debrief", "Quiet time.", Some("Home"))]);
}

#[test]
fn text_specials_and_line_breaks_are_escaped() {
    let odd = event("a;b,c\\d\ne", "one\r\ntwo\nthree\rfour; five, six \\n not a break", Some("Room 1; floor 2, left"));
    let ics = round_trip(&[odd]);
    assert!(ics.contains("SUMMARY:a\\;b\\,c\\\\d\\ne\r\n"), "{ics}");
    assert!(ics.contains("DESCRIPTION:one\\ntwo\\nthreefour\\; five\\, six \\\\n not a break\r\n"), "{ics}");
    assert!(ics.contains("LOCATION:Room 1\\; floor 2\\, left\r\n"), "{ics}");
}

#[test]
fn colons_and_odd_characters_survive() {
    let odd = CalendarEvent {
        uid: "odd:uid;with,all\\kinds 🙂".into(),
        ..event(
            "BEGIN:VEVENT",
            "END:VCALENDAR\nDTSTART:19700101T000000Z\n\tTabbed: \u{7}bell\u{0}nul\u{7f}del \u{200b}zero-width",
            None,
        )
    };
    let ics = round_trip(std::slice::from_ref(&odd));
    // Text that looks like calendar lines stays inside its value.
    assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 1);
    assert_eq!(ics.matches("END:VCALENDAR").count(), 2);
    assert!(!ics.contains('\u{7}') && !ics.contains('\u{0}') && !ics.contains('\u{7f}'));
}

#[test]
fn empty_fields_are_written_as_empty_values_and_an_empty_location_is_left_out() {
    let ics = round_trip(&[event("", "", Some("  ")), event("", "", None)]);
    assert_eq!(ics.matches("SUMMARY:\r\n").count(), 2);
    assert_eq!(ics.matches("DESCRIPTION:\r\n").count(), 2);
    assert!(!ics.contains("LOCATION"));
}

#[test]
fn every_line_is_at_most_75_octets_and_ends_with_crlf() {
    let long = "word, ".repeat(100);
    let ics = round_trip(&[event(&long, &long, Some(&long))]);
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75);
    }
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
}

#[test]
fn folds_count_octets_and_never_split_a_multibyte_character() {
    // Two-, three- and four-byte characters, shifted by 0 to 4 ASCII
    // characters so a fold falls at every position inside them.
    for wide in ["é", "€", "😀", "👩‍💻"] {
        for shift in 0..5 {
            let text = format!("{}{}", "x".repeat(shift), wide.repeat(60));
            let ics = round_trip(&[event(&text, &text, Some(&text))]);
            // Folded by octets: with characters wider than one byte, more lines than 75 chars each would need.
            let summary_lines = ics
                .split("\r\n")
                .skip_while(|line| !line.starts_with("SUMMARY:"))
                .take_while(|line| !line.starts_with("DESCRIPTION:"))
                .count();
            let octets = "SUMMARY:".len() + text.len();
            assert!(summary_lines >= octets.div_ceil(75), "{wide} shift {shift}: {summary_lines} lines");
        }
    }
}

#[test]
fn a_very_long_text_of_ten_thousand_characters_round_trips() {
    let pattern = "Lorem ipsum; dolor, sit\\amet\n🙂 äöü €—";
    let long: String = pattern.chars().cycle().take(10_000).collect();
    assert_eq!(long.chars().count(), 10_000);
    let ics = round_trip(&[event(&long, &long, Some(&long))]);
    assert!(ics.split_terminator("\r\n").count() > 400);
}

#[test]
fn events_keep_their_order_and_each_gets_the_stamp() {
    let first = CalendarEvent { uid: "a".into(), ..event("First", "1", None) };
    let second = CalendarEvent {
        uid: "b".into(),
        start: start() + Duration::days(1),
        end: start() + Duration::days(1) + Duration::hours(2),
        ..event("Second", "2", None)
    };
    let ics = round_trip(&[first, second]);
    let read = strict_read(&ics);
    assert_eq!(read.iter().map(|event| event.uid.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    assert_eq!(read[1].dtstart, "20260313T093000Z");
    assert_eq!(read[1].dtend, "20260313T113000Z");
    assert!(read.iter().all(|event| event.dtstamp == "20260301T180509Z"));
}

#[test]
fn an_end_before_the_start_is_written_as_the_start() {
    let backwards = CalendarEvent { end: start() - Duration::hours(1), ..event("Backwards", "", None) };
    let read = strict_read(&round_trip(&[backwards]));
    assert_eq!(read[0].dtend, read[0].dtstart);
}

#[test]
fn times_are_written_in_utc_with_seconds() {
    let odd = CalendarEvent { start: at(1), end: at(59 + 60 * 60 * 24 * 366), ..event("Epoch", "", None) };
    let read = strict_read(&round_trip(&[odd]));
    assert_eq!(read[0].dtstart, "19700101T000001Z");
    assert_eq!(read[0].dtend, "19710102T000059Z");
}

#[test]
fn there_are_no_alarms() {
    let debrief = Debrief::default();
    let ics = write_calendar(&[session_event(&debrief, start(), "x")], stamp());
    assert!(!ics.contains("VALARM") && !ics.contains("TRIGGER") && !ics.contains("ACTION"));
    assert!(ics.contains("TRANSP:OPAQUE\r\n"));
}

// --- The debrief block --------------------------------------------------------

fn sample_debrief(kind: Option<SetbackKind>, summary: &str) -> Debrief {
    let mut debrief = Debrief::default();
    debrief.set_setback(kind, at(10));
    debrief.set_summary(summary, at(10));
    debrief
}

#[test]
fn the_block_lasts_as_long_as_the_session_and_imports_cleanly() {
    let debrief =
        sample_debrief(Some(SetbackKind::FiredOrLaidOff), "Let go after the merger; the team was cut by half.");
    let event = session_event(&debrief, start(), "session-7@comeback");
    assert_eq!(event.uid, "session-7@comeback");
    assert_eq!(event.summary, SESSION_SUMMARY);
    assert_eq!(event.summary, "Comeback: debrief with myself");
    assert_eq!(event.start, start());
    assert_eq!(event.end - event.start, Duration::minutes(180));
    assert_eq!(event.location, None);
    round_trip(&[event]);
}

#[test]
fn the_block_is_never_shorter_than_two_hours() {
    let mut debrief = Debrief::default();
    debrief.session.set_minutes(45);
    assert_eq!(debrief.session.minutes, MIN_SESSION_MINUTES);
    assert_eq!(session_event(&debrief, start(), "u").end - start(), Duration::hours(2));

    debrief.session.set_minutes(150);
    assert_eq!(session_event(&debrief, start(), "u").end - start(), Duration::minutes(150));

    // Even a stored session below the floor (older data, a hand-edited backup) books two hours.
    debrief.session = Session { minutes: 30, ..Session::default() };
    let event = session_event(&debrief, start(), "u");
    assert_eq!(event.end - start(), Duration::hours(2));
    assert!(event.description.contains("2 hours"), "{}", event.description);
}

#[test]
fn the_description_says_what_to_bring_and_where_to_start() {
    for kind in [None, Some(SetbackKind::BusinessFailed), Some(SetbackKind::Stalled), Some(SetbackKind::Other)] {
        let debrief = sample_debrief(kind, "");
        let description = session_event(&debrief, start(), "u").description;
        for thing in ["something to write with", "quiet place", "phone on silent", "exit letter", "reviews", "numbers"]
        {
            assert!(description.contains(thing), "{thing} missing from {description}");
        }
        let questions = questions_for(kind);
        for (number, question) in questions.iter().take(3).enumerate() {
            assert!(
                description.contains(&format!("{}. {}\n", number + 1, question.text)),
                "{kind:?}: {}",
                question.text
            );
        }
        assert!(!description.contains(questions[3].text), "only the first three questions");
        assert!(description.contains("3 hours"));
        assert!(!description.contains("in your own words"), "no summary line when there is no summary");
        for word in ["should", "must", "failure", "fault"] {
            assert!(!description.to_lowercase().contains(word), "no guilt: {word}");
        }
    }
}

#[test]
fn the_description_carries_the_persons_summary_and_survives_export() {
    let summary = "  Passed over; again, for \"lead\"\\manager.\r\nStill here. 😶  ";
    let debrief = sample_debrief(Some(SetbackKind::Stalled), summary);
    let event = session_event(&debrief, start(), "u");
    assert!(event.description.contains(summary.trim()), "{}", event.description);
    let ics = round_trip(std::slice::from_ref(&event));
    assert_eq!(strict_read(&ics)[0].description, as_written(&event.description));
}
