//! The order of events that led to the setback: add, edit, delete, reorder
//! (with buttons, so the keyboard works), mark turning points.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::TextArea;
use crate::components::row_editor::RowEditor;
use crate::components::show_more::{Paging, ShowMore};
use crate::model::debrief::{Direction, EventDate, TimelineEvent};
use crate::model::live::*;
use crate::model::meta::Records;
use crate::store::records::{RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::focus::focus_first_enabled;

#[component]
pub fn Timeline() -> impl IntoView {
    let store = use_store();
    // The order is worked out once per edit, here, not once per row: with
    // hundreds of events every row sorting the timeline was quadratic.
    let ids = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            workbook.debrief.timeline_in_order().iter().map(|event| event.meta.id).collect::<Vec<Uuid>>()
        })
    });
    // Each event's place, for its number: a row keeps its place in the
    // page's `For` (keyed by id, so an open row stays open when its new
    // date moves it) and reads its number from here.
    let places = Memo::new(move |_| {
        ids.with(|ids| ids.iter().enumerate().map(|(at, id)| (*id, at + 1)).collect::<HashMap<Uuid, usize>>())
    });
    // The event just added opens at once, to be written.
    let just_added = StoredValue::new(None::<Uuid>);
    // A long timeline is shown a page at a time, so opening the page stays quick.
    let paging = Paging::new(PAGE);
    let page = move || ids.with(|ids| paging.visible(ids));
    let add = move |_| {
        let mut added = None;
        store.edit_debrief(|debrief, now| added = Some(debrief.add_event(now)));
        if let Some(id) = added {
            just_added.set_value(Some(id));
            // The new event must be on the page to be drawn open.
            paging.show_at_least(ids.with_untracked(Vec::len));
        }
    };
    view! {
        <Card id="timeline" title="The timeline" hint="Write the events that led here, in order. Dated events sort themselves; undated ones stay where you put them.">
            <ol class="timeline">
                <For each=page key=|id| *id let(id)>
                    <EventRow
                        id=id
                        number=Signal::derive(move || places.with(|places| places.get(&id).copied().unwrap_or_default()))
                        open_at_start=just_added.get_value() == Some(id)
                    />
                </For>
            </ol>
            <ShowMore paging=paging total=Signal::derive(move || ids.with(Vec::len)) label="Show more events" />
            <div class="actions">
                <button type="button" on:click=add>"Add an event"</button>
            </div>
        </Card>
    }
}

/// Events rendered per page of the timeline. A closed event is a line and
/// four buttons; an open one is a small form.
const PAGE: usize = 20;

/// One event, read as a line and edited on request; `number` is its place
/// in the timeline.
#[component]
pub fn EventRow(id: Uuid, number: Signal<usize>, open_at_start: bool) -> impl IntoView {
    let store = use_store();
    // A memo: the row's many bindings read one copy, updated only when this event changes.
    let event_memo = Memo::new(move |_| store.workbook.debrief().with(|debrief| debrief.timeline.by_id(id).cloned()));
    let event = move || event_memo.get();
    let number = move || number.get();
    let edit = RecordEdits::new(move |change: RecordChange<TimelineEvent>| {
        store.edit_debrief(move |debrief, now| debrief.update_event(id, now, change))
    });
    // The date's precision comes from the stored date; a precision chosen
    // before its date is typed is held here until then.
    let (chosen_precision, set_chosen_precision) = signal(None::<&'static str>);
    let precision = move || match event().map(|event| event.date).unwrap_or_default() {
        EventDate::Day { .. } => "day",
        EventDate::Month { .. } => "month",
        EventDate::Unknown => chosen_precision.get().unwrap_or("unknown"),
    };
    let set_precision = move |value: String| {
        let value: &'static str = match value.as_str() {
            "day" => "day",
            "month" => "month",
            _ => "unknown",
        };
        set_chosen_precision.set(Some(value));
        edit.run(move |event| {
            let known = match event.date {
                EventDate::Day { date } => Some(date),
                EventDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
                EventDate::Unknown => None,
            };
            event.date = match (value, known) {
                ("day", Some(date)) => EventDate::Day { date },
                ("month", Some(date)) => EventDate::Month { year: date.year(), month: date.month() },
                _ => EventDate::Unknown,
            };
        });
    };
    let shown_precision = precision;

    let date_value = move || match event().map(|event| event.date) {
        Some(EventDate::Day { date }) => date.to_string(),
        Some(EventDate::Month { year, month }) => format!("{year:04}-{month:02}"),
        _ => String::new(),
    };
    let set_date = move |text: String| {
        let kind = shown_precision();
        let date = if kind == "month" {
            crate::model::dates::parse_iso(&format!("{text}-01"))
                .map(|date| EventDate::Month { year: date.year(), month: date.month() })
        } else {
            crate::components::fields::parse_date_input(&text).map(|date| EventDate::Day { date })
        };
        edit.run(move |event| event.date = date.unwrap_or_default());
    };

    let move_by = move |direction: Direction| {
        store.edit_debrief(move |debrief, now| debrief.move_event(id, direction, now));
        // Keep the keyboard on the moved event: the same button, or the
        // other one if this one is now disabled at the end of the list.
        let (same, other) = if direction == Direction::Up { ("up", "down") } else { ("down", "up") };
        focus_first_enabled(vec![format!("event-{id}-{same}"), format!("event-{id}-{other}")]);
    };
    let can_move =
        move |direction: Direction| store.workbook.debrief().with(|debrief| debrief.can_move_event(id, direction));
    let remove = move |_: ()| store.edit_debrief(move |debrief, now| debrief.remove_event(id, now));

    let field_id = move |name: &str| format!("event-{id}-{name}");
    let line = move || {
        event().map(|event| {
            let what = if event.what.trim().is_empty() { "Nothing written yet".to_owned() } else { event.what };
            let turning_point = event.turning_point.then(|| view! { " " <span class="tag">"Turning point"</span> });
            let my_part =
                (!event.my_part.trim().is_empty()).then(|| view! { <span class="row-note">{event.my_part}</span> });
            view! {
                <strong>{format!("{}. ", number())}</strong>
                <span class="event-date">{event.date.label()}</span>
                {format!(": {what}")}
                {turning_point}
                {my_part}
            }
        })
    };
    let fields = move || {
        view! {
            <fieldset>
                <legend>{move || format!("Event {}", number())}</legend>
                <TextArea id=field_id("what") label="What happened" value=Signal::derive(move || event().map(|event| event.what).unwrap_or_default()) on_input=edit.set(|event, text| event.what = text) rows=2 />
                <TextArea id=field_id("part") label="What I did, or could have done" value=Signal::derive(move || event().map(|event| event.my_part).unwrap_or_default()) on_input=edit.set(|event, text| event.my_part = text) rows=2 />
                <div class="row">
                    <div class="field">
                        <label for=field_id("precision")>"How exact is the date?"</label>
                        <select id=field_id("precision") on:change:target=move |event| set_precision(event.target().value())>
                            <option value="day" prop:selected=move || shown_precision() == "day">"Exact day"</option>
                            <option value="month" prop:selected=move || shown_precision() == "month">"Month only"</option>
                            <option value="unknown" prop:selected=move || shown_precision() == "unknown">"Not sure"</option>
                        </select>
                    </div>
                    <Show when=move || shown_precision() != "unknown">
                        <div class="field">
                            <label for=field_id("date")>"When"</label>
                            <input
                                id=field_id("date")
                                type=move || if shown_precision() == "month" { "month" } else { "date" }
                                prop:value=date_value
                                on:change:target=move |event| set_date(event.target().value())
                            />
                        </div>
                    </Show>
                </div>
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || event().is_some_and(|event| event.turning_point)
                        on:change:target=move |event| {
                            let checked = event.target().checked();
                            edit.run(move |timeline_event| timeline_event.turning_point = checked);
                        }
                    />
                    <span>"This was a turning point"</span>
                </label>
            </fieldset>
        }
    };
    let moves = move || {
        [(Direction::Up, "up", "↑ Up"), (Direction::Down, "down", "↓ Down")]
            .into_iter()
            .map(|(direction, name, text)| {
                view! {
                    <button
                        type="button"
                        id=field_id(name)
                        class="secondary"
                        aria-label=move || format!("Move event {} {name}", number())
                        disabled=move || !can_move(direction)
                        on:click=move |_| move_by(direction)
                    >
                        {text}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <li class="timeline-event" class:turning-point=move || event().is_some_and(|event| event.turning_point)>
            <RowEditor
                id=format!("event-{id}")
                name=Signal::derive(move || format!("event {}", number()))
                line=ViewFn::from(line)
                fields=ViewFn::from(fields)
                first_field=field_id("what")
                actions=ViewFn::from(moves)
                open_at_start=open_at_start
                on_remove=remove
            />
        </li>
    }
}
