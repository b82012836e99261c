//! One contact, opened from the list: every field, the status, the tie
//! strength, the follow-up clock, and the interaction log.

use crate::store::records::LiveRecord;
use leptos::prelude::*;
use uuid::Uuid;

use super::{long_date, short_date, use_share_ui};
use crate::components::fields::parse_date_input as parse_date;
use crate::model::live::*;
use crate::model::outreach::links::{mailto, safe_link, tel};
use crate::model::outreach::share::{mailto_message, message, MessageKind};
use crate::model::outreach::{
    Channel, Contact, Frequency, OutreachStoreFields, Status, TieStrength, DEFAULT_FOLLOW_UP_DAYS,
};
use crate::model::plan::{ActionOrigin, PlanStoreFields};
use crate::route::Route;
use crate::store::use_store;
use crate::web::clipboard::copy_and_report;
use crate::web::focus::focus_by_id;

/// The details of one contact, given its record: everything here reads and
/// edits that record only, so typing in one field re-renders this card, not
/// the list or the page.
#[component]
pub fn ContactDetail(id: Uuid, contact: LiveRecord<Contact>) -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    // `try_with`: the record may be gone (removed here or in another tab)
    // a moment before this card is.
    let read = move |get: fn(&Contact) -> String| contact.try_with(get).unwrap_or_default();
    let update = move |change: Box<dyn FnOnce(&mut Contact)>| store.edit_contact(id, change);
    let name = move || read(|contact| contact.name.clone());
    let often = Memo::new(move |_| contact.try_with(|contact| contact.how_often).flatten());
    let status = Memo::new(move |_| contact.try_with(|contact| contact.status).unwrap_or_default());

    // A one-line text field bound to one of the contact's strings.
    let text_field = move |key: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           get: fn(&Contact) -> String,
                           set: fn(&mut Contact, String)| {
        let field_id = format!("contact-{id}-{key}");
        view! {
            <div class="field">
                <label for=field_id.clone()>{label}</label>
                <input
                    id=field_id
                    type=kind
                    prop:value=move || read(get)
                    on:input:target=move |event| {
                        let value = event.target().value();
                        update(Box::new(move |contact| set(contact, value)));
                    }
                />
            </div>
        }
    };

    let profile_link = move || read(|contact| contact.profile_url.clone());
    view! {
        <div class="contact-detail" role="group" aria-label=move || format!("Details for {}", name())>
            <div class="row">
                {text_field("name", "Name", "text", |c| c.name.clone(), |c, v| c.name = v)}
                {text_field("how", "How we know each other", "text", |c| c.how_we_know.clone(), |c, v| c.how_we_know = v)}
                {text_field("relationship", "Relationship", "text", |c| c.relationship.clone(), |c, v| c.relationship = v)}
            </div>
            <div class="row">
                <div class="field">
                    <label for=format!("contact-{id}-often")>"How often we see each other"</label>
                    <select
                        id=format!("contact-{id}-often")
                        on:change:target=move |event| {
                            let chosen = Frequency::from_key(&event.target().value());
                            update(Box::new(move |contact| contact.how_often = chosen));
                        }
                    >
                        <option value="" prop:selected=move || often.get().is_none()>"Not said"</option>
                        {Frequency::ALL
                            .into_iter()
                            .map(|choice| view! { <option value=choice.key() prop:selected=move || often.get() == Some(choice)>{choice.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <p class="tie-note">
                    {move || match contact.try_with(Contact::tie).flatten() {
                        Some(TieStrength::Occasional | TieStrength::Rare) => "A weak tie: the most promising kind. Acquaintances hear of openings your close friends never do.",
                        Some(TieStrength::New) => "A new contact: not a tie yet. A warm introduction helps.",
                        Some(TieStrength::Close) => "A close tie: a good person to practise your story with.",
                        None => "Say how often you see each other to know the tie's strength.",
                    }}
                </p>
            </div>
            <div class="row">
                {text_field("company", "Company", "text", |c| c.company.clone(), |c, v| c.company = v)}
                {text_field("role", "Role", "text", |c| c.role.clone(), |c, v| c.role = v)}
            </div>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || store.workbook.plan().targets().with(|targets| contact.try_with(|contact| contact.is_target(targets)).unwrap_or(false))
                    on:change:target=move |event| {
                        let checked = event.target().checked();
                        update(Box::new(move |contact| contact.targets_job = Some(checked)));
                    }
                />
                <span>"Works in a job or company I am targeting"</span>
            </label>
            <p class="hint">
                {move || match contact.try_with(|contact| contact.targets_job).flatten() {
                    None => view! { "Set from your " <a href=Route::NextMove.href()>"target roles and companies"</a> "." }.into_any(),
                    Some(_) => view! {
                        "Set by you. "
                        <button type="button" class="link" on:click=move |_| update(Box::new(|contact| contact.targets_job = None))>
                            "Follow my targets instead"
                        </button>
                    }
                    .into_any(),
                }}
            </p>
            <div class="row">
                {text_field("email", "Email", "email", |c| c.email.clone(), |c, v| c.email = v)}
                {text_field("phone", "Phone", "tel", |c| c.phone.clone(), |c, v| c.phone = v)}
                {text_field("url", "Profile URL", "url", |c| c.profile_url.clone(), |c, v| c.profile_url = v)}
            </div>
            <p class="contact-links">
                {move || mailto(&read(|c| c.email.clone())).map(|href| view! { <a href=href>{format!("Write to {}", name())}</a> " " })}
                {move || tel(&read(|c| c.phone.clone())).map(|href| view! { <a href=href>{format!("Call {}", name())}</a> " " })}
                {move || {
                    let url = profile_link();
                    match safe_link(&url) {
                        Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank">{format!("Open {}'s profile", name())}</a> }.into_any(),
                        None if !url.trim().is_empty() => view! { <span class="hint">"This profile address stays plain text: only addresses starting with http, https, mailto or tel become links."</span> }.into_any(),
                        None => ().into_any(),
                    }
                }}
            </p>
            <div class="field">
                <label for=format!("contact-{id}-notes")>"Notes"</label>
                <textarea
                    id=format!("contact-{id}-notes")
                    rows="3"
                    prop:value=move || read(|c| c.notes.clone())
                    on:input:target=move |event| {
                        let notes = event.target().value();
                        update(Box::new(move |contact| contact.notes = notes));
                    }
                ></textarea>
            </div>
            <div class="row">
                <div class="field">
                    <label for=format!("contact-{id}-status")>"Status"</label>
                    <select
                        id=format!("contact-{id}-status")
                        on:change:target=move |event| {
                            let chosen = Status::from_key(&event.target().value()).unwrap_or_default();
                            update(Box::new(move |contact| contact.set_status(chosen, crate::web::clock::today())));
                        }
                    >
                        {Status::ALL
                            .into_iter()
                            .map(|choice| view! { <option value=choice.key() prop:selected=move || status.get() == choice>{choice.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <IntroducedBy id=id contact=contact />
                <div class="field">
                    <label for=format!("contact-{id}-cadence")>"Follow up every (days)"</label>
                    <input
                        id=format!("contact-{id}-cadence")
                        type="number"
                        min="1"
                        max="365"
                        inputmode="numeric"
                        prop:value=move || contact.try_with(Contact::cadence).unwrap_or(DEFAULT_FOLLOW_UP_DAYS).to_string()
                        on:change:target=move |event| {
                            let days = event.target().value().trim().parse::<u32>().ok().filter(|days| (1..=365).contains(days)).unwrap_or(DEFAULT_FOLLOW_UP_DAYS);
                            update(Box::new(move |contact| contact.follow_up_days = days));
                        }
                    />
                </div>
            </div>
            <FollowUp id=id contact=contact />
            <InteractionLog id=id contact=contact />
            <Messages id=id contact=contact />
            <div class="actions">
                <button
                    type="button"
                    class="secondary"
                    aria-label=move || format!("Remove {} from my list", name())
                    on:click=move |_| {
                        store.edit_outreach(move |outreach, now| outreach.remove_contact(id, now));
                        ui.open.set(None);
                        focus_by_id("outreach-search".into());
                    }
                >
                    "Remove from my list"
                </button>
            </div>
        </div>
    }
}

/// "Introduced by": another contact on the list.
#[component]
fn IntroducedBy(id: Uuid, contact: LiveRecord<Contact>) -> impl IntoView {
    let store = use_store();
    let query = RwSignal::new(String::new());
    // The person who introduced them, by name (looked up when the link changes).
    let current = Memo::new(move |_| {
        let by = contact.try_with(|contact| contact.introduced_by).flatten()?;
        store.workbook.outreach().contacts().with_untracked(|contacts| {
            contacts.iter().find(|other| other.meta.id == by).map(|other| (by, other.name.clone()))
        })
    });
    // A few names that match what is typed: a select of 5,000 names took a
    // tenth of a second to open the card on a slow phone.
    let matches = Memo::new(move |_| {
        let words: Vec<String> = query.with(|query| query.split_whitespace().map(str::to_lowercase).collect());
        if words.is_empty() {
            return Vec::new();
        }
        store.workbook.outreach().contacts().with_untracked(|contacts| {
            contacts
                .iter()
                .filter(|other| other.meta.id != id)
                .filter(|other| {
                    let name = other.name.to_lowercase();
                    words.iter().all(|word| name.contains(word.as_str()))
                })
                .take(INTRODUCER_MATCHES)
                .map(|other| (other.meta.id, other.name.clone()))
                .collect::<Vec<(Uuid, String)>>()
        })
    });
    let choose = move |by: Option<Uuid>| {
        store.edit_contact(id, move |contact| contact.introduced_by = by);
        query.set(String::new());
    };
    let input_id = format!("contact-{id}-introduced");
    view! {
        <div class="field introduced-by">
            <label for=input_id.clone()>"Introduced by"</label>
            <p class="hint" aria-live="polite">
                {move || match current.get() {
                    Some((_, name)) => view! {
                        {format!("{name}. ")}
                        <button type="button" class="link" on:click=move |_| choose(None)>"No one"</button>
                    }
                    .into_any(),
                    None => "No one yet.".into_any(),
                }}
            </p>
            <input
                id=input_id
                type="search"
                placeholder="Type a name to choose"
                prop:value=query
                on:input:target=move |event| query.set(event.target().value())
            />
            <Show when=move || matches.with(|matches| !matches.is_empty())>
            <ul class="introducer-matches" aria-label="People matching that name">
                <For each=move || matches.get() key=|(other, _)| *other let((other, name))>
                    <li>
                        <button type="button" class="secondary small" on:click=move |_| choose(Some(other))>
                            {format!("Choose {name}")}
                        </button>
                    </li>
                </For>
            </ul>
            </Show>
        </div>
    }
}

/// How many matching names the "Introduced by" search offers.
const INTRODUCER_MATCHES: usize = 8;

#[component]
fn FollowUp(id: Uuid, contact: LiveRecord<Contact>) -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let clock =
        move || contact.try_with(|contact| (contact.last_contacted(), contact.next_follow_up(), contact.status));
    view! {
        <p class="follow-up" aria-live="polite">
            {move || match clock() {
                Some((_, _, Status::NotNow)) => "Not now: no follow-ups until you change the status.".to_owned(),
                Some((Some(last), Some(next), _)) if next <= ui.today => format!("Last contacted {}. Follow-up due since {}, whenever you are ready.", long_date(last), long_date(next)),
                Some((Some(last), Some(next), _)) => format!("Last contacted {}. Next follow-up: {}.", long_date(last), long_date(next)),
                _ => "Not contacted yet. Logging your first message starts the follow-up clock.".to_owned(),
            }}
        </p>
        <Show when=move || clock().is_some_and(|(_, next, status)| next.is_some() && status != Status::NotNow)>
            {move || {
                let planned = store.workbook.plan().with(|plan| plan.action_from(ActionOrigin::FollowUp { contact: id }).is_some());
                if planned {
                    view! { <p class="hint">"This follow-up is in your " <a href=Route::NextMove.href()>"action plan"</a> "."</p> }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="secondary small"
                            on:click=move |_| store.edit(move |workbook, now| {
                                workbook.send_follow_up_to_plan(id, now);
                            })
                        >
                            "Add this follow-up to my action plan"
                        </button>
                    }
                    .into_any()
                }
            }}
        </Show>
    }
}

#[component]
fn InteractionLog(id: Uuid, contact: LiveRecord<Contact>) -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let date = RwSignal::new(ui.today.to_string());
    let channel = RwSignal::new(Channel::default());
    let note = RwSignal::new(String::new());
    let (problem, set_problem) = signal(None::<&'static str>);
    let entries = move || {
        contact
            .try_with(|contact| {
                contact
                    .interactions
                    .iter()
                    .rev()
                    .map(|entry| (entry.meta.clone(), entry.date, entry.channel, entry.note.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let log = move || {
        let Some(day) = parse_date(&date.get_untracked()) else {
            set_problem.set(Some("Choose the date it happened."));
            return;
        };
        set_problem.set(None);
        let text = note.get_untracked();
        let how = channel.get_untracked();
        store.edit_outreach(move |outreach, now| {
            outreach.log_interaction(id, day, how, &text, now);
        });
        note.set(String::new());
    };
    view! {
        <form class="log-form" on:submit=move |event| {
            event.prevent_default();
            log();
        }>
            <h3>"Log an interaction"</h3>
            <div class="row">
                <div class="field">
                    <label for=format!("contact-{id}-log-date")>"Date"</label>
                    <input id=format!("contact-{id}-log-date") type="date" prop:value=date on:input:target=move |event| date.set(event.target().value()) />
                </div>
                <div class="field">
                    <label for=format!("contact-{id}-log-channel")>"How"</label>
                    <select
                        id=format!("contact-{id}-log-channel")
                        on:change:target=move |event| channel.set(Channel::from_key(&event.target().value()).unwrap_or_default())
                    >
                        {Channel::ALL
                            .into_iter()
                            .map(|how| view! { <option value=how.key() prop:selected=move || channel.get() == how>{how.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for=format!("contact-{id}-log-note")>"What we talked about"</label>
                    <input id=format!("contact-{id}-log-note") type="text" prop:value=note on:input:target=move |event| note.set(event.target().value()) />
                </div>
            </div>
            {move || problem.get().map(|problem| view! { <p class="error">{problem}</p> })}
            <div class="actions">
                <button type="submit">"Log interaction"</button>
            </div>
        </form>
        <ul class="interaction-log" aria-label="Interaction log">
            // By id and edit time: an entry changed by a merge or another tab is drawn again.
            <For each=entries key=|entry| (entry.0.id, entry.0.updated_at) let:entry>
                {
                    let (meta, day, how, text) = entry;
                    let entry_id = meta.id;
                    let when = day.map(short_date).unwrap_or_else(|| "Undated".into());
                    let label = format!("{when} · {}", how.label());
                    let remove_label = format!("Remove the entry of {when}");
                    view! {
                        <li>
                            <span class="log-when">{label}</span>
                            {(!text.is_empty()).then(|| view! { <span>{format!(": {text}")}</span> })}
                            " "
                            <button type="button" class="secondary small" aria-label=remove_label on:click=move |_| {
                                store.edit_outreach(move |outreach, now| outreach.remove_interaction(id, entry_id, now));
                            }>"Remove"</button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

/// A message to this person from a template, to copy or open in the email app.
#[component]
fn Messages(id: Uuid, contact: LiveRecord<Contact>) -> impl IntoView {
    let store = use_store();
    let kind = RwSignal::new(MessageKind::default());
    let (copied, set_copied) = signal(String::new());
    // The announcement's words come from three sections: worked out once per
    // change of the workbook, not once per message.
    let announcement = Memo::new(move |_| store.workbook.with(|workbook| workbook.announcement_filled()));
    let setback = Memo::new(move |_| store.workbook.debrief().setback().get());
    let written = move || {
        announcement.with(|announcement| {
            contact.try_with(|contact| {
                let (subject, body) = message(kind.get(), contact, announcement, setback.get());
                let link = mailto_message(&contact.email, &subject, &body);
                (contact.name.clone(), body, link)
            })
        })
    };
    view! {
        <div class="messages">
            <h3>"Write to them"</h3>
            <div class="field">
                <label for=format!("contact-{id}-message-kind")>"Message"</label>
                <select id=format!("contact-{id}-message-kind") on:change:target=move |event| kind.set(MessageKind::from_key(&event.target().value()).unwrap_or_default())>
                    {MessageKind::ALL.into_iter().map(|choice| view! { <option value=choice.key() prop:selected=move || kind.get() == choice>{choice.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=format!("contact-{id}-message")>"Message text, to copy and adjust"</label>
                <textarea id=format!("contact-{id}-message") rows="7" readonly prop:value=move || written().map(|(_, body, _)| body).unwrap_or_default()></textarea>
            </div>
            <div class="actions">
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        if let Some((_, body, _)) = written() {
                            copy_and_report(body, move |message| set_copied.set(message));
                        }
                    }
                >
                    "Copy the message"
                </button>
            </div>
            <p class="message" role="status">{move || copied.get()}</p>
            {move || written().and_then(|(name, _, link)| link.map(|href| view! { <p><a href=href>{format!("Open this message to {name} in my email app")}</a></p> }))}
        </div>
    }
}
