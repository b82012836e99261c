//! A row of a long list read as one line and edited on request: "Edit"
//! opens the record's fields under its line, "Done" closes them. A closed
//! row costs the browser a line of text and a few buttons; its fields cost
//! far more (at the benchmark's 4× throttle a date field takes about 8 ms
//! of style and layout, a select about 3.5 ms), so a page of rows opens,
//! and takes a new row, in a fraction of the time.

use leptos::prelude::*;

use crate::components::fields::RemoveButton;
use crate::web::focus;

#[component]
pub fn RowEditor(
    /// The id the row's parts are named from (`{id}-edit`).
    id: String,
    /// The record as the buttons name it: "Edit {name}", "Delete {name}"
    /// ("entry of 1 h on Fri 4 Dec, Ops course", "event 3").
    #[prop(into)]
    name: Signal<String>,
    /// The line the row shows, open or closed (drawn again when what it reads changes).
    line: ViewFn,
    /// The record's fields, drawn only while the row is open.
    fields: ViewFn,
    /// The field that takes the focus when the row opens.
    first_field: String,
    /// Deletes the record from its line; without it, the line has no Delete
    /// (a record whose deletion asks first keeps that in its fields).
    #[prop(optional, into)]
    on_remove: Option<Callback<()>>,
    /// More buttons for the closed row, between Edit and Delete ("Up", "Down").
    #[prop(optional)]
    actions: Option<ViewFn>,
    /// Opens the row as it is drawn, with the focus on its first field: a
    /// record just added is there to be written.
    #[prop(optional)]
    open_at_start: bool,
) -> impl IntoView {
    let open = RwSignal::new(open_at_start);
    if open_at_start {
        focus::focus_by_id(first_field.clone());
    }
    let edit_id = format!("{id}-edit");
    let toggle = {
        let first_field = first_field.clone();
        move |_| {
            let opening = !open.get_untracked();
            open.set(opening);
            if opening {
                focus::focus_by_id(first_field.clone());
            }
        }
    };
    let done = {
        let edit_id = edit_id.clone();
        move |_| {
            open.set(false);
            focus::focus_by_id(edit_id.clone());
        }
    };
    view! {
        <div class="row-line">
            <p class="row-summary">{move || line.run()}</p>
            <button
                type="button"
                class="secondary"
                id=edit_id
                aria-expanded=move || open.get().to_string()
                aria-label=move || format!("Edit {}", name.get())
                on:click=toggle
            >
                "Edit"
            </button>
            {actions.map(|actions| actions.run())}
            {on_remove.map(|on_remove| view! { <RemoveButton label=move || format!("Delete {}", name.get()) on_click=on_remove /> })}
        </div>
        <Show when=move || open.get()>
            <div class="row-fields">
                {fields.run()}
                <div class="actions">
                    <button type="button" class="secondary" on:click=done.clone()>
                        "Done"
                    </button>
                </div>
            </div>
        </Show>
    }
}
