//! Logging time: a form (project, date, hours, note), quick buttons for
//! common amounts today, and the log itself, where entries can be edited or
//! deleted. Hours go in quarter-hour steps.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use super::short_date;
use crate::components::fields::{date_input_value as date_value, parse_date_input as parse_date};
use crate::model::live::*;
use crate::model::mojo::{format_hours, parse_hours, HoursError, TimeEntry};
use crate::store::{use_store, Store};
use crate::web::clock;

/// The amounts offered as one-tap buttons.
const QUICK_HOURS: [f32; 3] = [0.5, 1.0, 2.0];
/// How many of the newest entries the log shows before "Show all".
const SHOWN_ENTRIES: usize = 10;

/// The project names in the order they were added.
fn project_choices(store: Store) -> Vec<(Uuid, String)> {
    store
        .workbook
        .mojo()
        .projects()
        .with(|projects| projects.iter().map(|project| (project.meta.id, project.display_name())).collect())
}

#[component]
pub fn TimeLog() -> impl IntoView {
    let store = use_store();
    let (chosen, set_chosen) = signal(None::<Uuid>);
    let (date, set_date) = signal(date_value(Some(clock::today())));
    let (hours, set_hours) = signal(String::new());
    let (note, set_note) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let (message, set_message) = signal(None::<String>);
    let projects = store.workbook.mojo().projects();
    let has_projects = move || projects.with(|projects| !projects.is_empty());
    // The chosen project, or the first one while none is chosen (or it was deleted).
    let project = move || {
        projects.with(|projects| {
            chosen
                .get()
                .filter(|id| projects.iter().any(|project| project.meta.id == *id))
                .or_else(|| projects.first().map(|project| project.meta.id))
        })
    };
    let project_name = move || {
        project()
            .and_then(|id| {
                projects.with(|projects| {
                    projects.iter().find(|project| project.meta.id == id).map(|project| project.display_name())
                })
            })
            .unwrap_or_default()
    };

    let log = move |on: NaiveDate, amount: f32, text: String| -> bool {
        let Some(id) = project() else {
            set_error.set(Some("Add a side project first, then log time on it.".into()));
            return false;
        };
        let mut result = None;
        store.edit_mojo(|mojo, now| result = Some(mojo.log_time(id, on, amount, &text, now)));
        match result {
            Some(Ok(_)) => {
                set_error.set(None);
                set_message.set(Some(format!(
                    "Logged {} on {} for {}.",
                    format_hours(((amount * 4.0).round()) / 4.0),
                    project_name(),
                    short_date(on)
                )));
                true
            }
            Some(Err(err)) => {
                set_message.set(None);
                set_error.set(Some(format!("Not logged: {err}.")));
                false
            }
            None => false,
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(on) = parse_date(&date.get_untracked()) else {
            set_error.set(Some("Not logged: choose the date the time was spent.".into()));
            return;
        };
        match parse_hours(&hours.get_untracked()) {
            Ok(amount) => {
                if log(on, amount, note.get_untracked()) {
                    set_hours.set(String::new());
                    set_note.set(String::new());
                }
            }
            Err(err) => {
                set_message.set(None);
                set_error.set(Some(format!("Not logged: {err}.")));
            }
        }
    };

    let (show_all, set_show_all) = signal(false);
    let entries = store.workbook.mojo().entries();
    let entry_count = move || entries.with(Vec::len);
    let more_entries = move || !show_all.get() && entry_count() > SHOWN_ENTRIES;
    // Sorted once per change of the log, not once per read.
    let entry_ids = Memo::new(move |_| {
        let limit = if show_all.get() { usize::MAX } else { SHOWN_ENTRIES };
        entries.with(|entries| {
            crate::model::mojo::newest_first_up_to(entries, limit)
                .iter()
                .map(|entry| entry.meta.id)
                .collect::<Vec<Uuid>>()
        })
    });
    view! {
        <section class="card" aria-labelledby="time-log">
            <h2 id="time-log">"Log your time"</h2>
            <Show
                when=has_projects
                fallback=|| view! { <p class="hint">"Add a side project above; then you can log the time you give it here."</p> }
            >
                <form class="log-form" aria-label="Log time" on:submit=submit>
                    <div class="row">
                        <div class="field grow">
                            <label for="log-project">"Project"</label>
                            <select id="log-project" on:change:target=move |event| set_chosen.set(event.target().value().parse().ok())>
                                {move || project_choices(store)
                                    .into_iter()
                                    .map(|(id, name)| view! { <option value=id.to_string() prop:selected=move || project() == Some(id)>{name}</option> })
                                    .collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="log-date">"Date"</label>
                            <input id="log-date" type="date" prop:value=date on:input:target=move |event| set_date.set(event.target().value()) />
                        </div>
                        <div class="field hours-field">
                            <label for="log-hours">"Hours"</label>
                            <input
                                id="log-hours"
                                type="text"
                                inputmode="decimal"
                                aria-describedby="log-hours-hint"
                                prop:value=hours
                                on:input:target=move |event| set_hours.set(event.target().value())
                            />
                        </div>
                    </div>
                    <p class="hint" id="log-hours-hint">"Like 1.5 or 1:30. Rounded to the nearest quarter hour."</p>
                    <div class="field">
                        <label for="log-note">"Note (optional)"</label>
                        <input id="log-note" type="text" prop:value=note on:input:target=move |event| set_note.set(event.target().value()) />
                    </div>
                    <div class="actions">
                        <button type="submit">"Log time"</button>
                    </div>
                </form>
                <div class="actions quick-log" role="group" aria-label="Quick log for today">
                    {QUICK_HOURS
                        .into_iter()
                        .map(|amount| view! {
                            <button
                                type="button"
                                class="secondary"
                                aria-label=move || format!("Log {} today on {}", format_hours(amount), project_name())
                                on:click=move |_| {
                                    log(clock::today(), amount, String::new());
                                }
                            >
                                {format!("+{} today", format_hours(amount))}
                            </button>
                        })
                        .collect_view()}
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
                <p class="message" role="status">{move || message.get()}</p>
            </Show>
            <Show when=move || entry_ids.with(|ids| !ids.is_empty())>
                <h3>"Your log"</h3>
                <ul class="editable-list time-entries">
                    <For each=move || entry_ids.get() key=|id| *id let:id>
                        <EntryRow id=id />
                    </For>
                </ul>
                <Show when=more_entries>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| set_show_all.set(true)>
                            {move || format!("Show all {} entries", entry_count())}
                        </button>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

/// One entry of the log, given its record: editing it re-renders this row only.
#[component]
fn EntryRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let record = store.entry(id);
    // One memo the row's bindings read: a change elsewhere in the log (an
    // entry added above) re-runs it, not every binding. `try_with`: the
    // entry may be gone a moment before its row is.
    let entry = Memo::new(move |_| record.try_with(TimeEntry::clone));
    let entry = move || entry.get();
    let project_of = move || entry().map(|entry| entry.project);
    let describe = move || {
        entry()
            .map(|entry| {
                let project = store
                    .workbook
                    .mojo()
                    .projects()
                    .with(|projects| {
                        projects
                            .iter()
                            .find(|project| project.meta.id == entry.project)
                            .map(|project| project.display_name())
                    })
                    .unwrap_or_default();
                format!("{} on {}, {}", format_hours(entry.hours), short_date(entry.date), project)
            })
            .unwrap_or_default()
    };
    let (error, set_error) = signal(None::<String>);
    let field_id = move |part: &str| format!("entry-{id}-{part}");
    let show = move |result: Result<(), HoursError>| {
        set_error.set(result.err().map(|err| format!("Not changed: {err}.")));
    };
    view! {
        <li>
            <fieldset class="entry">
                <legend class="visually-hidden">{move || format!("Entry: {}", describe())}</legend>
                <div class="row">
                    <div class="field">
                        <label for=field_id("date")>"Date"</label>
                        <input
                            id=field_id("date")
                            type="date"
                            prop:value=move || date_value(entry().map(|entry| entry.date))
                            on:change:target=move |event| {
                                let Some(date) = parse_date(&event.target().value()) else {
                                    set_error.set(Some("Not changed: choose a date.".into()));
                                    return;
                                };
                                let mut result = Ok(());
                                store.edit_mojo(|mojo, now| result = mojo.set_entry_date(id, date, now));
                                show(result);
                            }
                        />
                    </div>
                    <div class="field hours-field">
                        <label for=field_id("hours")>"Hours"</label>
                        <input
                            id=field_id("hours")
                            type="text"
                            inputmode="decimal"
                            prop:value=move || entry().map(|entry| format_hours(entry.hours).trim_end_matches(" h").to_owned()).unwrap_or_default()
                            on:change:target=move |event| {
                                let result = parse_hours(&event.target().value()).and_then(|hours| {
                                    let mut result = Ok(());
                                    store.edit_mojo(|mojo, now| result = mojo.set_entry_hours(id, hours, now));
                                    result
                                });
                                show(result);
                            }
                        />
                    </div>
                    <div class="field">
                        <label for=field_id("project")>"Project"</label>
                        <select id=field_id("project") on:change:target=move |event| {
                            if let Ok(project) = event.target().value().parse::<Uuid>() {
                                store.edit_mojo(move |mojo, now| mojo.set_entry_project(id, project, now));
                            }
                        }>
                            {move || project_choices(store)
                                .into_iter()
                                .map(|(project, name)| view! { <option value=project.to_string() prop:selected=move || project_of() == Some(project)>{name}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field grow">
                        <label for=field_id("note")>"Note"</label>
                        <input
                            id=field_id("note")
                            type="text"
                            prop:value=move || entry().map(|entry| entry.note).unwrap_or_default()
                            on:input:target=move |event| {
                                let note = event.target().value();
                                store.edit_entry(id, move |entry| entry.note = note);
                            }
                        />
                    </div>
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || format!("Delete entry of {}", describe())
                        on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_entry(id, now))
                    >
                        "Delete"
                    </button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </fieldset>
        </li>
    }
}
