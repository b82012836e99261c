//! Labelled form fields bound to the workbook. Each takes the value to show
//! and a callback for the new text; the page decides what the edit does.
//! A form's own fields, not kept until it is sent, bind to a signal
//! ([`DraftInput`]).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::model::keyed::Keyed;

/// A multi-line text field with a visible label.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
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

/// A one-line text field with a visible label; `grow` lets it take the
/// room left in its row.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] grow: bool,
) -> impl IntoView {
    view! {
        <div class="field" class:grow=grow>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                type=kind
                prop:value=value
                on:input:target=move |event| on_input.run(event.target().value())
            />
        </div>
    }
}

/// A field of a form not sent yet, bound to its signal.
#[component]
pub fn DraftInput(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] grow: bool,
) -> impl IntoView {
    view! { <TextInput id label value kind grow on_input=move |text| value.set(text) /> }
}

/// A date field: an empty or unreadable date is `None`.
#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                type="date"
                prop:value=move || date_input_value(value.get())
                on:change:target=move |event| on_change.run(parse_date_input(&event.target().value()))
            />
        </div>
    }
}

/// A `<select>` of one kind of choice (an event's kind, a stage…), showing
/// `value` by property, so Undo, a merge or another tab are shown too.
/// The options are fixed: the choice drawn first is marked `selected`, and
/// later changes set the select's value, one update where an update per
/// option cost a reactive effect each.
#[component]
pub fn ChoiceSelect<C: Keyed>(
    #[prop(into)] id: String,
    value: Signal<C>,
    #[prop(into)] on_change: Callback<C>,
) -> impl IntoView {
    let first = value.get_untracked();
    view! {
        // The value is set before the options exist (attributes come first),
        // so it takes effect from the first change on.
        <select id=id prop:value=move || value.get().key() on:change:target=move |event| {
            if let Some(choice) = C::from_key(&event.target().value()) {
                on_change.run(choice);
            }
        }>
            {C::choices()
                .iter()
                .map(|choice| view! { <option value=choice.key() selected=*choice == first>{choice.label()}</option> })
                .collect_view()}
        </select>
    }
}

/// A [`ChoiceSelect`] with its visible label.
#[component]
pub fn ChoiceField<C: Keyed>(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    value: Signal<C>,
    #[prop(into)] on_change: Callback<C>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <ChoiceSelect id value on_change />
        </div>
    }
}

/// A filter of a list by fixed options (value, words); the first is the
/// one that lets everything through.
#[component]
pub fn OptionsFilter(
    id: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change:target=move |event| on_change.run(event.target().value())>
                {options.iter().map(|(value, words)| view! { <option value=*value>{*words}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A filter of a list by one kind of choice: any, or one of them.
#[component]
pub fn FilterField<C: Keyed>(
    id: &'static str,
    label: &'static str,
    /// The words for "any of them".
    any: &'static str,
    on_change: Callback<Option<C>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change:target=move |event| on_change.run(C::from_key(&event.target().value()))>
                <option value="">{any}</option>
                {C::choices().iter().map(|choice| view! { <option value=choice.key()>{choice.label()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A [`ChoiceField`] of a form not sent yet, bound to its signal.
#[component]
pub fn DraftChoice<C: Keyed>(
    #[prop(into)] id: String,
    #[prop(into)] label: TextProp,
    value: RwSignal<C>,
) -> impl IntoView {
    view! { <ChoiceField id label value=Signal::derive(move || value.get()) on_change=move |choice| value.set(choice) /> }
}

/// The button that deletes a record from a list: its visible text is short
/// ("Delete", "Remove"), its accessible name says which record.
#[component]
pub fn RemoveButton(
    #[prop(into)] label: TextProp,
    #[prop(into)] on_click: Callback<()>,
    #[prop(default = "Delete")] text: &'static str,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    view! {
        <button type="button" class="secondary" class:small=small aria-label=label on:click=move |_| on_click.run(())>
            {text}
        </button>
    }
}

/// A form that adds a record from the fields it holds (laid out in a row),
/// with its submit button: the page reads the fields when it is sent.
#[component]
pub fn AddForm(
    /// The submit button's words.
    button: &'static str,
    #[prop(into)] on_add: Callback<()>,
    /// Without the add line's look (a form in the flow of its card).
    #[prop(optional)]
    plain: bool,
    /// Under the button (an error, a message).
    #[prop(optional, into)]
    after: Option<ViewFn>,
    children: Children,
) -> impl IntoView {
    view! {
        <form class=(!plain).then_some("add-line") on:submit=move |event| {
            event.prevent_default();
            on_add.run(());
        }>
            <div class="row">{children()}</div>
            <div class="actions">
                <button type="submit">{button}</button>
            </div>
            {after.map(|after| after.run())}
        </form>
    }
}

/// A one-line field with an "Add" button; Enter adds too. Clears after adding.
#[component]
pub fn AddLine(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] button: String,
    #[prop(into)] on_add: Callback<String>,
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
    crate::model::dates::parse_iso(text.trim())
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
