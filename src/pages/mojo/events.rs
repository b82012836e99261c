//! Comfort-zone events: meetups, networking events, coffee chats,
//! conferences, talks given. Each may list the people met there; one button
//! puts a person on the outreach list ("met at <event>"), linked both ways.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{date_input_value as date_value, parse_date_input as parse_date};
use crate::components::fields::{AddLine, TextArea, TextInput};
use crate::model::live::*;
use crate::model::mojo::{ComfortEvent, EventKind, PersonMet};
use crate::store::use_store;
use crate::web::focus::focus_by_id;

#[component]
pub fn Events() -> impl IntoView {
    let store = use_store();
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.mojo.events_in_order().iter().map(|event| event.meta.id).collect::<Vec<Uuid>>())
    };
    let add = move |_| {
        let mut added = None;
        store.edit_mojo(|mojo, now| added = Some(mojo.add_event(None, now)));
        if let Some(id) = added {
            focus_by_id(format!("event-{id}-name"));
        }
    };
    view! {
        <section class="card" aria-labelledby="comfort-zone">
            <h2 id="comfort-zone">"Out of your comfort zone"</h2>
            <p class="hint">
                "Confidence comes back by doing: a meetup in your field, a networking event, coffee with someone who works where you would like to. Plan one, then note who you met."
            </p>
            <ul class="event-list">
                <For each=ids key=|id| *id let:id>
                    <EventRow id=id />
                </For>
            </ul>
            <div class="actions">
                <button type="button" on:click=add>"Add an event"</button>
            </div>
        </section>
    }
}

#[component]
fn EventRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let event = move || -> Option<ComfortEvent> {
        store.workbook.mojo().events().with(|events| events.iter().find(|event| event.meta.id == id).cloned())
    };
    let title = move || event().map(|event| event.title()).unwrap_or_default();
    let update = move |change: Box<dyn FnOnce(&mut ComfortEvent)>| {
        store.edit_mojo(move |mojo, now| mojo.update_event(id, now, change))
    };
    let field_id = move |part: &str| format!("event-{id}-{part}");
    let attended = move || event().is_some_and(|event| event.attended);
    let people = move || {
        event().map(|event| event.people.iter().map(|person| person.meta.id).collect::<Vec<Uuid>>()).unwrap_or_default()
    };
    let add_person = Callback::new(move |name: String| {
        store.edit_mojo(move |mojo, now| {
            mojo.add_person(id, &name, now);
        });
    });
    view! {
        <li>
            <fieldset class="comfort-event" class:attended=attended>
                <legend>{title}</legend>
                <div class="row">
                    <div class="grow">
                        <TextInput
                            id=field_id("name")
                            label="What it was"
                            value=Signal::derive(move || event().map(|event| event.name).unwrap_or_default())
                            on_input=Callback::new(move |text: String| update(Box::new(move |event| event.name = text)))
                        />
                    </div>
                    <div class="field">
                        <label for=field_id("kind")>"Kind"</label>
                        <select id=field_id("kind") on:change:target=move |change| {
                            if let Some(kind) = EventKind::from_key(&change.target().value()) {
                                update(Box::new(move |event| event.kind = kind));
                            }
                        }>
                            {EventKind::ALL
                                .into_iter()
                                .map(|kind| view! {
                                    <option value=kind.key() prop:selected=move || event().is_some_and(|event| event.kind == kind)>{kind.label()}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <fieldset class="choices inline-choices">
                    <legend>"Planned or attended?"</legend>
                    <label class="choice">
                        <input type="radio" name=field_id("status") prop:checked=move || !attended() on:change=move |_| update(Box::new(|event| event.attended = false)) />
                        <span>"Planned"</span>
                    </label>
                    <label class="choice">
                        <input type="radio" name=field_id("status") prop:checked=attended on:change=move |_| update(Box::new(|event| event.attended = true)) />
                        <span>"Attended"</span>
                    </label>
                </fieldset>
                <div class="row">
                    <div class="field">
                        <label for=field_id("date")>"Date"</label>
                        <input
                            id=field_id("date")
                            type="date"
                            prop:value=move || date_value(event().and_then(|event| event.date))
                            on:change:target=move |change| {
                                let date = parse_date(&change.target().value());
                                update(Box::new(move |event| event.date = date));
                            }
                        />
                    </div>
                    <div class="grow">
                        <TextInput
                            id=field_id("place")
                            label="Where"
                            value=Signal::derive(move || event().map(|event| event.place).unwrap_or_default())
                            on_input=Callback::new(move |text: String| update(Box::new(move |event| event.place = text)))
                        />
                    </div>
                </div>
                <TextArea
                    id=field_id("notes")
                    label="Notes"
                    value=Signal::derive(move || event().map(|event| event.notes).unwrap_or_default())
                    on_input=Callback::new(move |text: String| update(Box::new(move |event| event.notes = text)))
                    rows=2
                />
                <h3>{move || format!("People I met at {}", title())}</h3>
                <ul class="editable-list">
                    <For each=people key=|id| *id let:person>
                        <PersonRow event=id id=person />
                    </For>
                </ul>
                <AddLine id=field_id("new-person") label="Someone I met" button="Add person" on_add=add_person />
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || format!("Delete event {}", title())
                        on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_event(id, now))
                    >
                        "Delete event"
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn PersonRow(event: Uuid, id: Uuid) -> impl IntoView {
    let store = use_store();
    let person = move || -> Option<PersonMet> {
        store.workbook.with(|workbook| {
            workbook
                .mojo
                .event(event)
                .and_then(|found| found.people.iter().find(|person| person.meta.id == id).cloned())
        })
    };
    let name = move || person().map(|person| person.name).unwrap_or_default();
    // A contact deleted from the outreach list no longer counts as a link.
    let in_outreach = move || {
        store.workbook.with(|workbook| {
            workbook
                .mojo
                .event(event)
                .and_then(|found| found.people.iter().find(|person| person.meta.id == id))
                .and_then(|person| person.contact)
                .is_some_and(|contact| workbook.outreach.contact(contact).is_some())
        })
    };
    let to_outreach = move |_| {
        store.edit(move |workbook, now| {
            workbook.person_to_contact(event, id, now);
        });
    };
    view! {
        <li class="row">
            <div class="field grow">
                <label for=format!("person-{id}")>"Name"</label>
                <input
                    id=format!("person-{id}")
                    type="text"
                    prop:value=name
                    on:input:target=move |change| {
                        let value = change.target().value();
                        store.edit_mojo(move |mojo, now| mojo.update_person(event, id, now, |person| person.name = value));
                    }
                />
            </div>
            <div class="field grow">
                <label for=format!("person-{id}-note")>"What we talked about"</label>
                <input
                    id=format!("person-{id}-note")
                    type="text"
                    prop:value=move || person().map(|person| person.note).unwrap_or_default()
                    on:input:target=move |change| {
                        let value = change.target().value();
                        store.edit_mojo(move |mojo, now| mojo.update_person(event, id, now, |person| person.note = value));
                    }
                />
            </div>
            <Show
                when=in_outreach
                fallback=move || view! {
                    <button type="button" class="secondary" aria-label=move || format!("Add {} to my outreach list", name()) on:click=to_outreach>
                        "Add to my outreach list"
                    </button>
                }
            >
                <span class="tag">"In your outreach list"</span>
            </Show>
            <button
                type="button"
                class="secondary"
                aria-label=move || format!("Remove {} from this event", name())
                on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_person(event, id, now))
            >
                "Remove"
            </button>
        </li>
    }
}
