//! The first-week checklist: tick, edit, date, remove, add.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::AddLine;
use crate::model::first_steps::{date_label, ChecklistItem};
use crate::store::use_store;
use crate::web::focus::focus_by_id;

#[component]
pub fn Checklist() -> impl IntoView {
    let store = use_store();
    // The items that fit the kind of setback chosen (the person's own always do).
    let ids = move || {
        store.workbook.with(|workbook| {
            workbook.first_steps.items_for(workbook.debrief.setback).map(|item| item.meta.id).collect::<Vec<Uuid>>()
        })
    };
    let done = move || store.workbook.with(|workbook| workbook.first_steps.progress_for(workbook.debrief.setback));
    let add = Callback::new(move |title: String| {
        let mut added = None;
        store.edit_first_steps(|first_steps, now| added = first_steps.add_item(&title, now));
        if let Some(id) = added {
            focus_by_id(format!("check-{id}"));
        }
    });
    view! {
        <Card id="checklist" title="This week's checklist">
            <p class="hint">{move || { let (done, all) = done(); format!("{done} of {all} done. Change anything that does not fit your situation.") }}</p>
            <ul class="checklist">
                <For each=ids key=|id| *id let:id>
                    <ChecklistRow id=id />
                </For>
            </ul>
            <AddLine id="new-check" label="Add something to the checklist" button="Add" on_add=add />
        </Card>
    }
}

#[component]
fn ChecklistRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let item = move || -> ChecklistItem {
        store.workbook.with(|workbook| {
            workbook.first_steps.checklist.iter().find(|item| item.meta.id == id).cloned().unwrap_or_default()
        })
    };
    let update = move |change: Box<dyn FnOnce(&mut ChecklistItem)>| {
        store.edit_first_steps(move |first_steps, now| first_steps.update_item(id, now, change))
    };
    let title_id = format!("check-{id}-title");
    let date_id = format!("check-{id}-date");
    view! {
        <li class="check-item" class:done=move || item().done_at.is_some()>
            <label class="choice">
                <input
                    id=format!("check-{id}")
                    type="checkbox"
                    prop:checked=move || item().done_at.is_some()
                    on:change:target=move |event| {
                        let done = event.target().checked();
                        store.edit_first_steps(move |first_steps, now| first_steps.set_done(id, done, now));
                    }
                />
                <span>{move || item().title}</span>
            </label>
            <p class="hint">
                {move || item().why}
                {move || item().done_at.map(|at| format!(" Done on {}.", date_label(at.date_naive())))}
                {move || item().due.filter(|_| item().done_at.is_none()).map(|due| format!(" By {}.", date_label(due)))}
            </p>
            <details>
                <summary>{move || format!("Edit “{}”", item().title)}</summary>
                <div class="row">
                    <div class="field grow">
                        <label for=title_id.clone()>"Item"</label>
                        <input
                            id=title_id
                            type="text"
                            prop:value=move || item().title
                            on:input:target=move |event| {
                                let title = event.target().value();
                                update(Box::new(move |item| item.title = title));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for=date_id.clone()>"Do it by"</label>
                        <input
                            id=date_id
                            type="date"
                            prop:value=move || item().due.map(|due| due.to_string()).unwrap_or_default()
                            on:change:target=move |event| {
                                let due = crate::components::fields::parse_date_input(&event.target().value());
                                update(Box::new(move |item| item.due = due));
                            }
                        />
                    </div>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || format!("Remove “{}” from the checklist", item().title)
                        on:click=move |_| store.edit_first_steps(move |first_steps, now| first_steps.remove_item(id, now))
                    >
                        "Remove"
                    </button>
                </div>
            </details>
        </li>
    }
}
