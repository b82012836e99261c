//! Applies the chosen theme to the page, and the switch that chooses it.

use leptos::prelude::*;

use crate::model::live::*;
use crate::model::ThemeChoice;
use crate::store::use_store;
use crate::web::document;

/// Keeps `data-theme` on the root element in step with the setting.
pub fn apply_theme() {
    let store = use_store();
    Effect::new(move |_| {
        let theme = store.workbook.settings().with(|settings| settings.theme);
        document::set_theme_attribute(theme.attribute());
    });
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let store = use_store();
    let choices = ThemeChoice::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="theme"
                        prop:checked=move || store.workbook.settings().with(|settings| settings.theme == choice)
                        on:change=move |_| store.edit_settings(move |settings, _| settings.theme = choice)
                    />
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="card" disabled=move || !store.can_edit()>
            <legend>"Appearance"</legend>
            {choices}
        </fieldset>
    }
}
