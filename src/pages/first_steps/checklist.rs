//! The first-week checklist: tick, edit, date, remove, add.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{AddLine, DateInput, RemoveButton, TextInput};
use crate::model::first_steps::{date_label, ChecklistItem};
use crate::model::live::*;
use crate::model::meta::Records;
use crate::store::records::{RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::focus::focus_added;

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
        focus_added(added, |id| format!("check-{id}"));
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
    // The section is small and not a store of its own: the row reads it whole.
    let item = move || -> ChecklistItem {
        store.workbook.first_steps().with(|first_steps| first_steps.checklist.by_id(id).cloned().unwrap_or_default())
    };
    let edit = RecordEdits::new(move |change: RecordChange<ChecklistItem>| {
        store.edit_first_steps(move |first_steps, now| first_steps.update_item(id, now, change))
    });
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
                    <TextInput id=format!("check-{id}-title") label="Item" grow=true value=Signal::derive(move || item().title) on_input=edit.set(|item, title| item.title = title) />
                    <DateInput id=format!("check-{id}-date") label="Do it by" value=Signal::derive(move || item().due) on_change=edit.set(|item, due| item.due = due) />
                </div>
                <div class="actions">
                    <RemoveButton
                        label=move || format!("Remove “{}” from the checklist", item().title)
                        text="Remove"
                        on_click=move |_| store.edit_first_steps(move |first_steps, now| first_steps.remove_item(id, now))
                    />
                </div>
            </details>
        </li>
    }
}
