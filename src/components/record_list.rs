//! A list of records, each row handed its record (as Leptos' stores example
//! hands a row its `Field`): rows are keyed by record id, so an edit, an add
//! or a move redraws only the rows it concerns.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::AddLine;
use crate::store::records::{LiveRecord, LiveRecords};

#[component]
pub fn RecordList<T, V, R>(
    /// The list's class (its look).
    #[prop(optional)]
    class: &'static str,
    records: LiveRecords<T>,
    /// The records shown, in order (all of them, unless told).
    #[prop(optional, into)]
    ids: Option<Signal<Vec<Uuid>>>,
    /// Draws one row.
    row: R,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
    R: Fn(LiveRecord<T>) -> V + Copy + Send + Sync + 'static,
{
    view! {
        <ul class=class>
            <For each=move || ids.map_or_else(|| records.ids(), |ids| ids.get()) key=|id| *id let:id>
                {row(records.record(id))}
            </For>
        </ul>
    }
}

/// A short list under its heading with the line that adds to it (the people
/// met at an event, a project's milestones, a debrief list): rows keyed by
/// record id, drawn by `row`.
#[component]
pub fn ListEditor<F, V>(
    #[prop(into)] title: TextProp,
    #[prop(optional)] heading_class: Option<&'static str>,
    #[prop(into)] ids: Signal<Vec<Uuid>>,
    row: F,
    /// The add line's field: its id, its label and its button.
    #[prop(into)]
    add_id: String,
    #[prop(into)] add_label: String,
    #[prop(default = "Add")] add_button: &'static str,
    #[prop(into)] on_add: Callback<String>,
) -> impl IntoView
where
    F: Fn(Uuid) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <h3 class=heading_class>{move || title.get()}</h3>
        <ul class="editable-list">
            <For each=move || ids.get() key=|id| *id children=row />
        </ul>
        <AddLine id=add_id label=add_label button=add_button on_add />
    }
}
