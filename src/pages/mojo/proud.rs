//! The proud list: accomplishments, best work and praise received, with
//! dates and links. Only http and https links are ever made clickable.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::fields::{AddForm, ChoiceField, DateInput, DraftChoice, DraftInput, RemoveButton, TextInput};
use crate::components::record_list::RecordList;
use crate::model::live::*;
use crate::model::mojo::{safe_link, ProudItem, ProudKind};
use crate::store::records::{LiveRecord, LiveRecords, RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::clock;

#[component]
pub fn Proud() -> impl IntoView {
    let store = use_store();
    let items = LiveRecords::short(store.workbook.mojo().proud(), |item| item.meta.id);
    let kind = RwSignal::new(ProudKind::Accomplishment);
    let text = RwSignal::new(String::new());
    let add = move |_| {
        let (chosen, value) = (kind.get_untracked(), text.get_untracked());
        if value.trim().is_empty() {
            return;
        }
        store.edit_mojo(move |mojo, now| {
            mojo.add_proud(chosen, &value, clock::today(), now);
        });
        text.set(String::new());
    };
    view! {
        <Card id="proud-list" title="What I am proud of" hint="Your best work, what you achieved, the praise you received. A setback does not erase any of it; keep the evidence here.">
            <RecordList class="editable-list proud" records=items row=|item| view! { <ProudRow item /> } />
            <AddForm button="Add to the list" on_add=add>
                <DraftInput id="new-proud" label="Something I am proud of" value=text grow=true />
                <DraftChoice id="new-proud-kind" label="Kind" value=kind />
            </AddForm>
        </Card>
    }
}

#[component]
fn ProudRow(item: LiveRecord<ProudItem>) -> impl IntoView {
    let store = use_store();
    let id = item.id();
    let text = item.signal(|item| item.text.clone());
    let link = item.signal(|item| item.link.clone());
    let edit = RecordEdits::new(move |change: RecordChange<ProudItem>| {
        store.edit_mojo(move |mojo, now| mojo.update_proud(id, now, change))
    });
    let field_id = move |part: &str| format!("proud-{id}-{part}");
    view! {
        <li>
            <fieldset class="proud-item">
                <legend class="visually-hidden">{text}</legend>
                <div class="row">
                    <TextInput id=field_id("text") label="What" grow=true value=text on_input=edit.set(|item, value| item.text = value) />
                    <ChoiceField id=field_id("kind") label="Kind" value=item.signal(|item| item.kind) on_change=edit.set(|item, kind| item.kind = kind) />
                </div>
                <div class="row">
                    <DateInput id=field_id("date") label="Date" value=item.signal(|item| item.date) on_change=edit.set(|item, date| item.date = date) />
                    <TextInput id=field_id("link") label="Link (optional)" kind="url" grow=true value=link on_input=edit.set(|item, value| item.link = value) />
                </div>
                <div class="actions">
                    {move || match safe_link(&link.get()) {
                        Some(href) => view! {
                            <a href=href target="_blank" rel="noopener noreferrer" aria-label=format!("Open the link for {} (new tab)", text.get())>"Open link"</a>
                        }
                        .into_any(),
                        None if !link.get().trim().is_empty() => view! {
                            <span class="hint">"Only web addresses starting with http:// or https:// can be opened from here."</span>
                        }
                        .into_any(),
                        None => ().into_any(),
                    }}
                    <RemoveButton label=move || format!("Delete from the proud list: {}", text.get()) on_click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_proud(id, now)) />
                </div>
            </fieldset>
        </li>
    }
}
