//! Logging time: a form (project, date, hours, note), quick buttons for
//! common amounts today, and the log itself, where entries can be edited or
//! deleted. Hours go in quarter-hour steps.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use super::short_date;
use crate::components::card::Card;
use crate::components::fields::{date_input_value as date_value, parse_date_input as parse_date};
use crate::components::fields::{DateInput, DraftInput, TextInput};
use crate::components::row_editor::RowEditor;
use crate::model::live::*;
use crate::model::meta::Records;
use crate::model::mojo::{format_hours, parse_hours, HoursError, TimeEntry};
use crate::store::{use_store, Store};
use crate::web::clock;

/// The amounts offered as one-tap buttons.
const QUICK_HOURS: [f32; 3] = [0.5, 1.0, 2.0];
/// How many of the newest entries the log shows before "Show all".
const SHOWN_ENTRIES: usize = 10;

/// A `<select>` of the side projects, in the order they were added.
#[component]
fn ProjectSelect(
    id: String,
    #[prop(into)] chosen: Signal<Option<Uuid>>,
    #[prop(into)] on_change: Callback<Uuid>,
) -> impl IntoView {
    let store = use_store();
    let choices = move || {
        store.workbook.mojo().projects().with(|projects| {
            projects.iter().map(|project| (project.meta.id, project.display_name())).collect::<Vec<_>>()
        })
    };
    view! {
        <select id=id on:change:target=move |event| {
            if let Ok(project) = event.target().value().parse::<Uuid>() {
                on_change.run(project);
            }
        }>
            {move || choices()
                .into_iter()
                .map(|(project, name)| view! { <option value=project.to_string() prop:selected=move || chosen.get() == Some(project)>{name}</option> })
                .collect_view()}
        </select>
    }
}

/// The name of the side project `id` (empty once it is gone).
fn project_name(store: Store, id: Uuid) -> String {
    store
        .workbook
        .mojo()
        .projects()
        .with(|projects| projects.by_id(id).map(|project| project.display_name()))
        .unwrap_or_default()
}

#[component]
pub fn TimeLog() -> impl IntoView {
    let store = use_store();
    let (chosen, set_chosen) = signal(None::<Uuid>);
    let date = RwSignal::new(date_value(Some(clock::today())));
    let (hours, set_hours) = signal(String::new());
    let note = RwSignal::new(String::new());
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
    let project_name = move || project().map(|id| project_name(store, id)).unwrap_or_default();

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
                    note.set(String::new());
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
        <Card id="time-log" title="Log your time">
            <Show
                when=has_projects
                fallback=|| view! { <p class="hint">"Add a side project above; then you can log the time you give it here."</p> }
            >
                <form class="log-form" aria-label="Log time" on:submit=submit>
                    <div class="row">
                        <div class="field grow">
                            <label for="log-project">"Project"</label>
                            <ProjectSelect id="log-project".into() chosen=Signal::derive(project) on_change=move |id| set_chosen.set(Some(id)) />
                        </div>
                        <DraftInput id="log-date" label="Date" kind="date" value=date />
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
                    <DraftInput id="log-note" label="Note (optional)" value=note />
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
        </Card>
    }
}

/// One entry of the log, given its record, read as a line and edited on
/// request: editing it re-renders this row only.
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
                let project = project_name(store, entry.project);
                format!("{} on {}, {}", format_hours(entry.hours), short_date(entry.date), project)
            })
            .unwrap_or_default()
    };
    let (error, set_error) = signal(None::<String>);
    let field_id = move |part: &str| format!("entry-{id}-{part}");
    let show = move |result: Result<(), HoursError>| {
        set_error.set(result.err().map(|err| format!("Not changed: {err}.")));
    };
    let set_date = move |date: Option<NaiveDate>| {
        let Some(date) = date else {
            set_error.set(Some("Not changed: choose a date.".into()));
            return;
        };
        let mut result = Ok(());
        store.edit_mojo(|mojo, now| result = mojo.set_entry_date(id, date, now));
        show(result);
    };
    let line = move || {
        entry().map(|entry| {
            let project = project_name(store, entry.project);
            let note = (!entry.note.is_empty()).then(|| view! { <span class="row-note">{entry.note}</span> });
            view! {
                <strong>{format_hours(entry.hours)}</strong>
                {format!(" on {}, {project}", short_date(entry.date))}
                {note}
            }
        })
    };
    let fields = move || {
        view! {
            <fieldset class="entry">
                <legend class="visually-hidden">{move || format!("Entry: {}", describe())}</legend>
                <div class="row">
                    <DateInput
                        id=field_id("date")
                        label="Date"
                        value=Signal::derive(move || entry().map(|entry| entry.date))
                        on_change=set_date
                    />
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
                        <ProjectSelect
                            id=field_id("project")
                            chosen=Signal::derive(project_of)
                            on_change=move |project| store.edit_mojo(move |mojo, now| mojo.set_entry_project(id, project, now))
                        />
                    </div>
                    <TextInput
                        id=field_id("note")
                        label="Note"
                        grow=true
                        value=Signal::derive(move || entry().map(|entry| entry.note).unwrap_or_default())
                        on_input=move |note: String| store.edit_entry(id, move |entry| entry.note = note)
                    />
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
            </fieldset>
        }
    };
    view! {
        <li>
            <RowEditor
                id=format!("entry-{id}")
                name=Signal::derive(move || format!("entry of {}", describe()))
                line=ViewFn::from(line)
                fields=ViewFn::from(fields)
                first_field=field_id("date")
                on_remove=move |_| store.edit_mojo(move |mojo, now| mojo.remove_entry(id, now))
            />
        </li>
    }
}
