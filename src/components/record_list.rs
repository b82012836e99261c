//! A list of records, each row handed its record (as Leptos' stores example
//! hands a row its `Field`): rows are keyed by record id, so an edit, an add
//! or a move redraws only the rows it concerns.

use leptos::prelude::*;
use uuid::Uuid;

use crate::store::records::{LiveRecord, LiveRecords};

#[component]
pub fn RecordList<T, V>(
    /// The list's class (its look).
    #[prop(optional)]
    class: &'static str,
    records: LiveRecords<T>,
    /// The records shown, in order (all of them, unless told).
    #[prop(optional, into)]
    ids: Option<Signal<Vec<Uuid>>>,
    /// Draws one row.
    row: fn(LiveRecord<T>) -> V,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <ul class=class>
            <For each=move || ids.map_or_else(|| records.ids(), |ids| ids.get()) key=|id| *id let:id>
                {row(records.record(id))}
            </For>
        </ul>
    }
}
