//! Comfort-zone events: meetups, networking events, coffee chats,
//! conferences, talks given. Each may list the people met there; one button
//! puts a person on the outreach list ("met at <event>"), linked both ways.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{ChoiceField, DateInput, RemoveButton, TextArea, TextInput};
use crate::components::record_list::{ListEditor, RecordList};
use crate::model::live::*;
use crate::model::meta::Records;
use crate::model::mojo::{ComfortEvent, PersonMet};
use crate::store::records::{LiveRecord, LiveRecords, RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::focus::focus_added;

#[component]
pub fn Events() -> impl IntoView {
    let store = use_store();
    let events = LiveRecords::short(store.workbook.mojo().events(), |event| event.meta.id);
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.mojo.events_in_order().iter().map(|event| event.meta.id).collect::<Vec<Uuid>>())
    };
    let add = move |_| {
        let mut added = None;
        store.edit_mojo(|mojo, now| added = Some(mojo.add_event(None, now)));
        focus_added(added, |id| format!("event-{id}-name"));
    };
    view! {
        <Card id="comfort-zone" title="Out of your comfort zone" hint="Confidence comes back by doing: a meetup in your field, a networking event, coffee with someone who works where you would like to. Plan one, then note who you met.">
            <RecordList class="event-list" records=events ids=Signal::derive(ids) row=|event| view! { <EventRow event /> } />
            <div class="actions">
                <button type="button" on:click=add>"Add an event"</button>
            </div>
        </Card>
    }
}

#[component]
fn EventRow(event: LiveRecord<ComfortEvent>) -> impl IntoView {
    let store = use_store();
    let id = event.id();
    let title = move || event.get(ComfortEvent::title);
    let edit = RecordEdits::new(move |change: RecordChange<ComfortEvent>| {
        store.edit_mojo(move |mojo, now| mojo.update_event(id, now, change))
    });
    let field_id = move |part: &str| format!("event-{id}-{part}");
    let attended = move || event.get(|event| event.attended);
    let people = move || event.get(|event| event.people.iter().map(|person| person.meta.id).collect::<Vec<Uuid>>());
    let add_person = move |name: String| {
        store.edit_mojo(move |mojo, now| {
            mojo.add_person(id, &name, now);
        });
    };
    view! {
        <li>
            <fieldset class="comfort-event" class:attended=attended>
                <legend>{title}</legend>
                <div class="row">
                    <TextInput id=field_id("name") label="What it was" grow=true value=event.signal(|event| event.name.clone()) on_input=edit.set(|event, text| event.name = text) />
                    <ChoiceField id=field_id("kind") label="Kind" value=event.signal(|event| event.kind) on_change=edit.set(|event, kind| event.kind = kind) />
                </div>
                <fieldset class="choices inline-choices">
                    <legend>"Planned or attended?"</legend>
                    <label class="choice">
                        <input type="radio" name=field_id("status") prop:checked=move || !attended() on:change=move |_| edit.run(|event| event.attended = false) />
                        <span>"Planned"</span>
                    </label>
                    <label class="choice">
                        <input type="radio" name=field_id("status") prop:checked=attended on:change=move |_| edit.run(|event| event.attended = true) />
                        <span>"Attended"</span>
                    </label>
                </fieldset>
                <div class="row">
                    <DateInput id=field_id("date") label="Date" value=event.signal(|event| event.date) on_change=edit.set(|event, date| event.date = date) />
                    <TextInput id=field_id("place") label="Where" grow=true value=event.signal(|event| event.place.clone()) on_input=edit.set(|event, text| event.place = text) />
                </div>
                <TextArea id=field_id("notes") label="Notes" value=event.signal(|event| event.notes.clone()) on_input=edit.set(|event, text| event.notes = text) rows=2 />
                <ListEditor
                    title=move || format!("People I met at {}", title())
                    ids=Signal::derive(people)
                    row=move |person| view! { <PersonRow event id=person /> }
                    add_id=field_id("new-person")
                    add_label="Someone I met"
                    add_button="Add person"
                    on_add=add_person
                />
                <div class="actions">
                    <RemoveButton label=move || format!("Delete event {}", title()) text="Delete event" on_click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_event(id, now)) />
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn PersonRow(event: LiveRecord<ComfortEvent>, id: Uuid) -> impl IntoView {
    let store = use_store();
    let event_id = event.id();
    let person =
        move |read: fn(&PersonMet) -> String| event.get(|event| event.people.by_id(id).map(read).unwrap_or_default());
    let name = move || person(|person| person.name.clone());
    // A contact deleted from the outreach list no longer counts as a link.
    let in_outreach = move || {
        let contact = event.try_with(|event| event.people.by_id(id).and_then(|person| person.contact)).flatten();
        contact.is_some_and(|contact| store.workbook.outreach().with(|outreach| outreach.contact(contact).is_some()))
    };
    let to_outreach = move |_| {
        store.edit(move |workbook, now| {
            workbook.person_to_contact(event_id, id, now);
        });
    };
    let update = move |change: fn(&mut PersonMet, String)| {
        move |text: String| {
            store.edit_mojo(move |mojo, now| mojo.update_person(event_id, id, now, |person| change(person, text)))
        }
    };
    view! {
        <li class="row">
            <TextInput id=format!("person-{id}") label="Name" grow=true value=Signal::derive(name) on_input=update(|person, text| person.name = text) />
            <TextInput id=format!("person-{id}-note") label="What we talked about" grow=true value=Signal::derive(move || person(|person| person.note.clone())) on_input=update(|person, text| person.note = text) />
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
            <RemoveButton label=move || format!("Remove {} from this event", name()) text="Remove" on_click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_person(event_id, id, now)) />
        </li>
    }
}
