//! The part of a page the person edits: switched off while this session
//! may not write (another tab holds the workbook, or storage is full), so
//! no edit is typed that could not be kept.

use leptos::prelude::*;

use crate::store::use_store;

#[component]
pub fn Editable(
    /// Names the group for a screen reader (it is not shown).
    legend: &'static str,
    children: Children,
) -> impl IntoView {
    let store = use_store();
    view! {
        <fieldset class="plain" disabled=move || !store.can_edit()>
            <legend class="visually-hidden">{legend}</legend>
            {children()}
        </fieldset>
    }
}
