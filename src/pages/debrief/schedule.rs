//! Booking the quiet block: date, start time, length, and a calendar file.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::io::{debrief_session::session_event, ics::write_calendar};
use crate::model::dates;
use crate::model::debrief::{Session, MIN_SESSION_MINUTES};
use crate::model::live::*;
use crate::store::use_store;
use crate::web::{clock, download::download_text};

const LENGTHS: [(u32, &str); 5] =
    [(120, "2 hours"), (150, "2½ hours"), (180, "3 hours"), (210, "3½ hours"), (240, "4 hours")];

#[component]
pub fn Schedule() -> impl IntoView {
    let store = use_store();
    let (message, set_message) = signal(None::<String>);
    let session = move || store.workbook.debrief().with(|debrief| debrief.session.clone());
    let date_value = move || session().date.map(|date| date.to_string()).unwrap_or_default();
    let time_value = move || session().start.map(dates::clock).unwrap_or_default();

    let set_date = move |text: String| {
        let date = crate::components::fields::parse_date_input(&text);
        store.edit_debrief(move |debrief, now| debrief.update_session(now, |session| session.date = date));
    };
    let set_time = move |text: String| {
        let start = dates::parse_clock(&text);
        store.edit_debrief(move |debrief, now| debrief.update_session(now, |session| session.start = start));
    };
    let set_length = move |text: String| {
        let minutes = text.parse().unwrap_or(MIN_SESSION_MINUTES);
        store.edit_debrief(move |debrief, now| debrief.update_session(now, |session| session.set_minutes(minutes)));
    };

    let download = move |_| {
        // No slot chosen yet: suggest one rather than refuse.
        let unset = store.workbook.with_untracked(|workbook| {
            let session = &workbook.debrief.session;
            (session.date.is_none() || session.start.is_none()).then_some(workbook.debrief.setback)
        });
        if let Some(kind) = unset {
            let (date, start) = Session::suggested_slot(clock::today(), kind);
            store.edit_debrief(move |debrief, now| {
                debrief.update_session(now, |session| {
                    session.date = session.date.or(Some(date));
                    session.start = session.start.or(Some(start));
                })
            });
            let chosen = store.workbook.with_untracked(|workbook| workbook.debrief.session.clone());
            set_message.set(Some(format!(
                "How about {}{}? Change the date or time above if it does not suit you, then download the calendar file.",
                chosen.date.map(dates::weekday_day_month).unwrap_or_default(),
                chosen.start.map(|time| format!(" at {}", dates::clock(time))).unwrap_or_default(),
            )));
            return;
        }
        let result = store.workbook.with_untracked(|workbook| {
            let debrief = &workbook.debrief;
            let (Some(date), Some(start)) = (debrief.session.date, debrief.session.start) else {
                return Err("Choose a date and a start time first.".to_owned());
            };
            let start = clock::local_to_utc(date, start).ok_or("That date and time could not be read.".to_owned())?;
            let uid =
                format!("debrief-{}@comeback.app", workbook.created_at.map(|at| at.timestamp()).unwrap_or_default());
            let event = session_event(debrief, start, &uid);
            let text = write_calendar(&[event], clock::now());
            download_text("comeback-debrief.ics", "text/calendar", &text).map_err(|err| err.to_string())
        });
        set_message.set(Some(match result {
            Ok(()) => "The calendar file is downloading. Open it to add the block to your calendar.".into(),
            Err(err) => err,
        }));
    };

    view! {
        <Card id="schedule" title="Book a quiet block" hint="Two to three hours with no phone, no inbox, no interruptions. Put it in your calendar like any important meeting.">
            <div class="row">
                <div class="field">
                    <label for="session-date">"Date"</label>
                    <input id="session-date" type="date" prop:value=date_value on:change:target=move |event| set_date(event.target().value()) />
                </div>
                <div class="field">
                    <label for="session-start">"Start time"</label>
                    <input id="session-start" type="time" prop:value=time_value on:change:target=move |event| set_time(event.target().value()) />
                </div>
                <div class="field">
                    <label for="session-length">"Length"</label>
                    <select id="session-length" on:change:target=move |event| set_length(event.target().value())>
                        {LENGTHS
                            .into_iter()
                            .map(|(minutes, label)| {
                                view! {
                                    <option value=minutes.to_string() prop:selected=move || session().minutes == minutes>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <div class="actions">
                <button type="button" on:click=download>"Download calendar file (.ics)"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}
