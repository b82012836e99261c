//! Labelled form fields bound to the workbook. Each takes the value to show
//! and a callback for the new text; the page decides what the edit does.

use leptos::prelude::*;

/// A multi-line text field with a visible label.
#[component]
pub fn TextArea(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <textarea
                id=id
                rows=rows
                aria-describedby=hint_id.clone()
                prop:value=value
                on:input:target=move |event| on_input.run(event.target().value())
            ></textarea>
        </div>
    }
}

/// A one-line text field with a visible label.
#[component]
pub fn TextInput(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=kind
                prop:value=value
                on:input:target=move |event| on_input.run(event.target().value())
            />
        </div>
    }
}

/// A one-line field with an "Add" button; Enter adds too. Clears after adding.
#[component]
pub fn AddLine(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] button: String,
    on_add: Callback<String>,
) -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let add = move || {
        let value = text.get_untracked();
        if !value.trim().is_empty() {
            on_add.run(value);
            set_text.set(String::new());
        }
    };
    view! {
        <form class="add-line" on:submit=move |event| {
            event.prevent_default();
            add();
        }>
            <label for=id.clone()>{label}</label>
            <div class="add-line-row">
                <input id=id type="text" prop:value=text on:input:target=move |event| set_text.set(event.target().value()) />
                <button type="submit">{button}</button>
            </div>
        </form>
    }
}

/// Reads the value of an `<input type="date">` (empty or unreadable: `None`).
pub fn parse_date_input(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// The value an `<input type="date">` shows for a date.
pub fn date_input_value(date: Option<chrono::NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

/// One radio button of a group, with its label: checked while `checked`
/// says so, `on_choose` when picked.
#[component]
pub fn RadioChoice(
    /// The group's name (one per group on a page).
    name: &'static str,
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    on_choose: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input type="radio" name=name prop:checked=checked on:change=move |_| on_choose.run(()) />
            <span>{label}</span>
        </label>
    }
}
