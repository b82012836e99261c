//! The action plan's dated actions as calendar events, one all-morning slot
//! on the due day; the UID is stable per action so re-importing moves the
//! event instead of doubling it.

use chrono::{DateTime, NaiveDate, Utc};

use super::ics::{write_calendar, CalendarEvent};
use crate::model::plan::ActionItem;

/// One event per action with a due date and not done. `title` gives an
/// action's words (linked actions show their source's text); `at` turns the
/// due date into a moment (9:00 local time, say).
pub fn action_events(
    actions: &[&ActionItem],
    title: impl Fn(&ActionItem) -> String,
    at: impl Fn(NaiveDate) -> Option<DateTime<Utc>>,
) -> Vec<CalendarEvent> {
    actions
        .iter()
        .filter(|action| !action.done)
        .filter_map(|action| {
            let start = at(action.due?)?;
            Some(CalendarEvent {
                uid: format!("action-{}@comeback", action.meta.id),
                start,
                end: start + chrono::Duration::minutes(30),
                summary: title(action),
                description: "From my Comeback action plan.".into(),
                location: None,
            })
        })
        .collect()
}

/// The `.ics` file for those actions.
pub fn write_actions_ics(
    actions: &[&ActionItem],
    title: impl Fn(&ActionItem) -> String,
    at: impl Fn(NaiveDate) -> Option<DateTime<Utc>>,
    stamp: DateTime<Utc>,
) -> String {
    write_calendar(&action_events(actions, title, at), stamp)
}
