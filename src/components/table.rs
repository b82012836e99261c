//! Pieces of the data tables (a week by project, a backup's contents…).

use leptos::prelude::*;

/// A table's head: one row naming its columns.
#[component]
pub fn ColumnHeads(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>{columns.iter().map(|column| view! { <th scope="col">{*column}</th> }).collect_view()}</tr>
        </thead>
    }
}
