//! The booked debrief block as a calendar event: a quiet, distraction-free
//! stretch of time with yourself, with what to bring and where to start.

use chrono::{DateTime, Duration, Utc};

use super::ics::CalendarEvent;
use crate::model::debrief::{Debrief, MIN_SESSION_MINUTES};
use crate::model::questions::questions_for;

/// The title of the event in the calendar.
pub const SESSION_SUMMARY: &str = "Comeback: debrief with myself";

/// How many of the tailored questions the invitation lists.
pub const QUESTIONS_IN_INVITE: usize = 3;

/// The debrief block starting at `start`, as long as the session asks for
/// (never under the two-hour floor). `uid` must be stable for the booking so
/// that a second export updates the same event.
pub fn session_event(debrief: &Debrief, start: DateTime<Utc>, uid: &str) -> CalendarEvent {
    let minutes = debrief.session.minutes.max(MIN_SESSION_MINUTES);
    CalendarEvent {
        uid: uid.to_owned(),
        start,
        // Only a moment at the very end of chrono's range could overflow; it then stays put.
        end: start.checked_add_signed(Duration::minutes(i64::from(minutes))).unwrap_or(start),
        summary: SESSION_SUMMARY.to_owned(),
        description: session_description(debrief, minutes),
        location: None,
    }
}

/// "2 hours", "2 hours 30 minutes", "3 hours".
pub fn session_length_label(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let unit = |count: u32, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    match (hours, rest) {
        (0, rest) => unit(rest, "minute", "minutes"),
        (hours, 0) => unit(hours, "hour", "hours"),
        (hours, rest) => format!("{} {}", unit(hours, "hour", "hours"), unit(rest, "minute", "minutes")),
    }
}

fn session_description(debrief: &Debrief, minutes: u32) -> String {
    let mut text = format!(
        "A quiet block of {}, just for you. This is a debrief, not a trial: the point is to \
         understand what happened, not to find someone to blame, least of all yourself.\n",
        session_length_label(minutes)
    );

    let summary = debrief.summary.trim();
    if !summary.is_empty() {
        text.push_str("\nWhat happened, in your own words:\n");
        text.push_str(summary);
        text.push('\n');
    }

    text.push_str(
        "\nWhat to bring:\n\
         - something to write with, on paper or on screen\n\
         - a quiet place where no one will need you for a while\n\
         - your phone on silent, notifications off\n\
         - any documents that help you remember: the exit letter, past reviews, emails, the numbers\n",
    );

    let questions = questions_for(debrief.setback);
    if !questions.is_empty() {
        text.push_str("\nA few questions to start with:\n");
        for (number, question) in questions.iter().take(QUESTIONS_IN_INVITE).enumerate() {
            text.push_str(&format!("{}. {}\n", number + 1, question.text));
        }
    }

    text.push_str(
        "\nGo at your own pace. If a question is not ready for an answer yet, let it wait; \
         you can come back to it. Everything else is waiting for you in Comeback.",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_naturally() {
        assert_eq!(session_length_label(120), "2 hours");
        assert_eq!(session_length_label(150), "2 hours 30 minutes");
        assert_eq!(session_length_label(61), "1 hour 1 minute");
        assert_eq!(session_length_label(45), "45 minutes");
    }
}
