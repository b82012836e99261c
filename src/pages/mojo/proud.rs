//! The proud list: accomplishments, best work and praise received, with
//! dates and links. Only http and https links are ever made clickable.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{date_input_value as date_value, parse_date_input as parse_date};
use crate::model::live::*;
use crate::model::mojo::{safe_link, ProudItem, ProudKind};
use crate::store::use_store;
use crate::web::clock;

#[component]
fn KindSelect(id: String, #[prop(into)] value: Signal<ProudKind>, on_change: Callback<ProudKind>) -> impl IntoView {
    view! {
        <select id=id on:change:target=move |event| {
            if let Some(kind) = ProudKind::from_key(&event.target().value()) {
                on_change.run(kind);
            }
        }>
            {ProudKind::ALL
                .into_iter()
                .map(|kind| view! { <option value=kind.key() prop:selected=move || value.get() == kind>{kind.label()}</option> })
                .collect_view()}
        </select>
    }
}

#[component]
pub fn Proud() -> impl IntoView {
    let store = use_store();
    let (kind, set_kind) = signal(ProudKind::Accomplishment);
    let (text, set_text) = signal(String::new());
    let ids = move || {
        store.workbook.mojo().proud().with(|proud| proud.iter().map(|item| item.meta.id).collect::<Vec<Uuid>>())
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (chosen, value) = (kind.get_untracked(), text.get_untracked());
        if value.trim().is_empty() {
            return;
        }
        store.edit_mojo(move |mojo, now| {
            mojo.add_proud(chosen, &value, clock::today(), now);
        });
        set_text.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="proud-list">
            <h2 id="proud-list">"What I am proud of"</h2>
            <p class="hint">"Your best work, what you achieved, the praise you received. A setback does not erase any of it; keep the evidence here."</p>
            <ul class="editable-list proud">
                <For each=ids key=|id| *id let:id>
                    <ProudRow id=id />
                </For>
            </ul>
            <form class="add-line" on:submit=add>
                <div class="row">
                    <div class="field grow">
                        <label for="new-proud">"Something I am proud of"</label>
                        <input id="new-proud" type="text" prop:value=text on:input:target=move |event| set_text.set(event.target().value()) />
                    </div>
                    <div class="field">
                        <label for="new-proud-kind">"Kind"</label>
                        <KindSelect id="new-proud-kind".into() value=Signal::derive(move || kind.get()) on_change=Callback::new(move |chosen| set_kind.set(chosen)) />
                    </div>
                </div>
                <div class="actions">
                    <button type="submit">"Add to the list"</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn ProudRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let item = move || -> Option<ProudItem> {
        store.workbook.mojo().proud().with(|proud| proud.iter().find(|item| item.meta.id == id).cloned())
    };
    let text = move || item().map(|item| item.text).unwrap_or_default();
    let link = move || item().map(|item| item.link).unwrap_or_default();
    let update = move |change: Box<dyn FnOnce(&mut ProudItem)>| {
        store.edit_mojo(move |mojo, now| mojo.update_proud(id, now, change))
    };
    let field_id = move |part: &str| format!("proud-{id}-{part}");
    view! {
        <li>
            <fieldset class="proud-item">
                <legend class="visually-hidden">{text}</legend>
                <div class="row">
                    <div class="field grow">
                        <label for=field_id("text")>"What"</label>
                        <input
                            id=field_id("text")
                            type="text"
                            prop:value=text
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(Box::new(move |item| item.text = value));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for=field_id("kind")>"Kind"</label>
                        <KindSelect
                            id=field_id("kind")
                            value=Signal::derive(move || item().map(|item| item.kind).unwrap_or_default())
                            on_change=Callback::new(move |kind| update(Box::new(move |item| item.kind = kind)))
                        />
                    </div>
                </div>
                <div class="row">
                    <div class="field">
                        <label for=field_id("date")>"Date"</label>
                        <input
                            id=field_id("date")
                            type="date"
                            prop:value=move || date_value(item().and_then(|item| item.date))
                            on:change:target=move |event| {
                                let date = parse_date(&event.target().value());
                                update(Box::new(move |item| item.date = date));
                            }
                        />
                    </div>
                    <div class="field grow">
                        <label for=field_id("link")>"Link (optional)"</label>
                        <input
                            id=field_id("link")
                            type="url"
                            prop:value=link
                            on:input:target=move |event| {
                                let value = event.target().value();
                                update(Box::new(move |item| item.link = value));
                            }
                        />
                    </div>
                </div>
                <div class="actions">
                    {move || match safe_link(&link()) {
                        Some(href) => view! {
                            <a href=href target="_blank" rel="noopener noreferrer" aria-label=format!("Open the link for {} (new tab)", text())>"Open link"</a>
                        }
                        .into_any(),
                        None if !link().trim().is_empty() => view! {
                            <span class="hint">"Only web addresses starting with http:// or https:// can be opened from here."</span>
                        }
                        .into_any(),
                        None => ().into_any(),
                    }}
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || format!("Delete from the proud list: {}", text())
                        on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_proud(id, now))
                    >
                        "Delete"
                    </button>
                </div>
            </fieldset>
        </li>
    }
}
