//! Opportunities by stage: a board on wide screens, a list on phones (the
//! same markup, laid out by CSS). Every move between stages is a button or a
//! select, so the keyboard does all of it, and focus follows the card.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::{DateInput, DraftChoice, DraftInput, TextArea, TextInput};
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::plan::opportunities::{Opportunity, SourceKind, Stage};
use crate::model::sorting;
use crate::store::records::{RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::{clock, focus::focus_first_enabled};

/// The board's columns; the three endings share the last one.
const COLUMNS: [(&str, &[Stage]); 6] = [
    ("Ideas", &[Stage::Idea]),
    ("Applied", &[Stage::Applied]),
    ("Screening", &[Stage::Screening]),
    ("Interviewing", &[Stage::Interviewing]),
    ("Offer", &[Stage::Offer]),
    ("Closed", &[Stage::Accepted, Stage::Declined, Stage::Rejected]),
];

#[component]
pub fn OpportunitiesSection() -> impl IntoView {
    let store = use_store();
    let open = move || store.workbook.plan().with(|plan| plan.opportunities.open_count());
    view! {
        <Card id="opportunities" title="Opportunities" focus=true hint="Jobs, clients or deals, from first idea to the end. Each change of stage is dated, for your activity report.">
            <Editable legend="Opportunities">
                <AddOpportunity />
                <p class="message" role="status">
                    {move || match open() {
                        0 => "No open opportunities yet.".to_owned(),
                        1 => "1 open opportunity.".to_owned(),
                        many => format!("{many} open opportunities."),
                    }}
                </p>
                <div class="board">
                    {COLUMNS.into_iter().map(|(title, stages)| view! { <StageColumn title=title stages=stages /> }).collect_view()}
                </div>
            </Editable>
        </Card>
    }
}

#[component]
fn AddOpportunity() -> impl IntoView {
    let store = use_store();
    let company = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Idea);
    let source = RwSignal::new(SourceKind::Other);
    let contact = RwSignal::new(None::<Uuid>);
    let note = RwSignal::new(String::new());
    let (message, set_message) = signal(String::new());
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (typed_company, typed_role) = (company.get_untracked(), role.get_untracked());
        if typed_company.trim().is_empty() && typed_role.trim().is_empty() {
            set_message.set("Add a company or a role first.".into());
            crate::web::focus::focus_by_id("new-opportunity-company".into());
            return;
        }
        let (chosen_stage, chosen_source, chosen_contact, typed_note) =
            (stage.get_untracked(), source.get_untracked(), contact.get_untracked(), note.get_untracked());
        let today = clock::today();
        store.edit_plan(move |plan, now| {
            let opportunities = &mut plan.opportunities;
            if let Some(id) = opportunities.add(&typed_company, &typed_role, chosen_stage, today, now) {
                opportunities.update(id, now, |opportunity| {
                    opportunity.source = chosen_source;
                    opportunity.contact =
                        chosen_contact.filter(|_| matches!(chosen_source, SourceKind::Contact | SourceKind::Referral));
                    opportunity.source_note = typed_note.trim().to_owned();
                });
            }
        });
        set_message.set(format!("Added to {}.", chosen_stage.label()));
        for field in [company, role, note] {
            field.set(String::new());
        }
        contact.set(None);
        crate::web::focus::focus_by_id("new-opportunity-company".into());
    };
    view! {
        <form class="add-opportunity" on:submit=add>
            <h3>"Add an opportunity"</h3>
            <div class="row">
                <DraftInput id="new-opportunity-company" label="Company" value=company />
                <DraftInput id="new-opportunity-role" label="Role" value=role />
                <DraftChoice id="new-opportunity-stage" label="Stage" value=stage />
            </div>
            <SourceFields id="new-opportunity" source=source contact=contact note=note />
            <div class="actions">
                <button type="submit">"Add opportunity"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </form>
    }
}

/// Where an opportunity came from: the kind, the contact (for a contact or a
/// referral) and a note; bound to signals so the add form and a card share it.
#[component]
fn SourceFields(
    #[prop(into)] id: String,
    source: RwSignal<SourceKind>,
    contact: RwSignal<Option<Uuid>>,
    note: RwSignal<String>,
) -> impl IntoView {
    let store = use_store();
    // Read only while the choice is shown (the memo is lazy), and only from
    // the contacts: an edit elsewhere in the workbook does not sort them again.
    let people = Memo::new(move |_| {
        store.workbook.outreach().contacts().with(|contacts| {
            let mut people: Vec<(Uuid, String)> =
                contacts.iter().map(|contact| (contact.meta.id, contact.name.clone())).collect();
            sorting::sort_by_cached_key(&mut people, |(_, name)| name.to_lowercase());
            people
        })
    });
    let through_someone = move || matches!(source.get(), SourceKind::Contact | SourceKind::Referral);
    let (kind_id, contact_id, note_id) = (format!("{id}-source"), format!("{id}-contact"), format!("{id}-source-note"));
    let note_label = move || match source.get() {
        SourceKind::JobBoard => "Which job board",
        SourceKind::Referral => "Who referred you, or a note",
        _ => "Note on the source",
    };
    view! {
        <div class="row">
            <DraftChoice id=kind_id label="Source" value=source />
            <Show when=through_someone>
                <div class="field">
                    <label for=contact_id.clone()>"Through whom (from your outreach list)"</label>
                    <select id=contact_id.clone() on:change:target=move |event| contact.set(Uuid::parse_str(&event.target().value()).ok())>
                        <option value="" prop:selected=move || contact.get().is_none()>"Someone not on my list"</option>
                        <For each=move || people.get() key=|person| person.clone() let((person, name))>
                            <option value=person.to_string() prop:selected=move || contact.get() == Some(person)>{name}</option>
                        </For>
                    </select>
                </div>
            </Show>
            <DraftInput id=note_id label=note_label value=note />
        </div>
    }
}

#[component]
fn StageColumn(title: &'static str, stages: &'static [Stage]) -> impl IntoView {
    let store = use_store();
    let ids = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            stages.iter().flat_map(|stage| workbook.plan.opportunities.in_stage(*stage)).collect::<Vec<Uuid>>()
        })
    });
    let heading_id = format!("stage-{}", stages.first().map(|stage| stage.key()).unwrap_or("none"));
    let labelled_by = heading_id.clone();
    view! {
        <section class="stage-column" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title} <span class="count">{move || format!(" ({})", ids.get().len())}</span></h3>
            <Show when=move || !ids.get().is_empty() fallback=|| view! { <p class="hint">"None"</p> }>
                <ul class="cards">
                    <For each=move || ids.get() key=|id| *id let(id)>
                        <OpportunityCard id=id />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn OpportunityCard(id: Uuid) -> impl IntoView {
    let store = use_store();
    let opportunity =
        Memo::new(move |_| store.workbook.plan().with(|plan| plan.opportunities.get(id).cloned().unwrap_or_default()));
    // The person it came through is read by id, and only their own edits
    // reach this card (not every edit of the 5,000 contacts).
    let source_name = move || {
        let opportunity = opportunity.get();
        let person =
            opportunity.contact.and_then(|contact| store.contact(contact).try_with(|person| person.name.clone()));
        match (person, opportunity.source_note.trim()) {
            (Some(name), _) => format!("Through {name}"),
            (None, "") if opportunity.source == SourceKind::Other => String::new(),
            (None, "") => opportunity.source.label().to_owned(),
            (None, note) => format!("{}: {note}", opportunity.source.label()),
        }
    };
    let title = move || opportunity.get().title();
    let (next_id, back_id, stage_id) =
        (format!("opportunity-{id}-next"), format!("opportunity-{id}-back"), format!("opportunity-{id}-stage"));
    let move_to = move |stage: Stage, keep_focus_on: Vec<String>| {
        let today = clock::today();
        store.edit_plan(move |plan, now| plan.opportunities.move_to(id, stage, today, now));
        // The card now stands in another column: keep the keyboard on it.
        focus_first_enabled(keep_focus_on);
    };
    // Where the keyboard goes after each control moved the card: the same
    // control in the new column, else the next one still enabled.
    let after_next = vec![next_id.clone(), back_id.clone(), stage_id.clone()];
    let after_back = vec![back_id.clone(), next_id.clone(), stage_id.clone()];
    let after_stage = vec![stage_id.clone(), next_id.clone(), back_id.clone()];
    let details = RwSignal::new(false);
    // A button that moves the card one stage on or back (`step`), disabled
    // when there is none that way; `closed` is its text then.
    let move_button = move |id: String,
                            class: &'static str,
                            step: fn(Stage) -> Option<Stage>,
                            towards: &'static str,
                            arrow: &'static str,
                            closed: &'static str,
                            keep_focus_on: Vec<String>| {
        let to = move || step(opportunity.get().stage);
        view! {
            <button
                type="button"
                id=id
                class=class
                disabled=move || to().is_none()
                aria-label=move || to().map(|stage| format!("Move “{}” {towards} {}", title(), stage.label())).unwrap_or_default()
                on:click=move |_| {
                    if let Some(stage) = step(opportunity.get_untracked().stage) {
                        move_to(stage, keep_focus_on.clone());
                    }
                }
            >
                {move || to().map(|stage| format!("{arrow} {}", stage.label())).unwrap_or_else(|| closed.into())}
            </button>
        }
    };
    view! {
        <li class="opportunity-card">
            <h4>{title}</h4>
            <p class="hint">
                {move || {
                    let opportunity = opportunity.get();
                    let since = opportunity.stage_since().map(|on| format!(" since {}", date_label(on))).unwrap_or_default();
                    format!("{}{since}", opportunity.stage.label())
                }}
            </p>
            <Show when=move || !source_name().is_empty()>
                <p class="hint">{source_name}</p>
            </Show>
            <Show when=move || !opportunity.get().next_step.trim().is_empty() || opportunity.get().next_date.is_some()>
                <p>
                    "Next: "
                    {move || opportunity.get().next_step}
                    {move || opportunity.get().next_date.map(|on| format!(" ({})", date_label(on)))}
                </p>
            </Show>
            <div class="row card-moves">
                {move_button(next_id, "small", Stage::next, "to", "→", "Closed", after_next)}
                {move_button(back_id, "secondary small", Stage::previous, "back to", "←", "", after_back)}
                <div class="field">
                    <label for=stage_id.clone()>{move || format!("Stage of “{}”", title())}</label>
                    <select
                        id=stage_id
                        on:change:target=move |event| {
                            if let Some(stage) = Stage::from_key(&event.target().value()) {
                                move_to(stage, after_stage.clone());
                            }
                        }
                    >
                        {Stage::ALL.map(|stage| view! { <option value=stage.key() prop:selected=move || opportunity.get().stage == stage>{stage.label()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <button
                type="button"
                class="link"
                aria-expanded=move || details.get().to_string()
                on:click=move |_| details.update(|open| *open = !*open)
            >
                {move || if details.get() { format!("Close details of “{}”", title()) } else { format!("Details of “{}”", title()) }}
            </button>
            <Show when=move || details.get()>
                <OpportunityDetails id=id opportunity=opportunity />
            </Show>
        </li>
    }
}

#[component]
fn OpportunityDetails(id: Uuid, opportunity: Memo<Opportunity>) -> impl IntoView {
    let store = use_store();
    let edit = RecordEdits::new(move |change: RecordChange<Opportunity>| {
        store.edit_plan(move |plan, now| plan.opportunities.update(id, now, change))
    });
    let start = opportunity.get_untracked();
    let source = RwSignal::new(start.source);
    let contact = RwSignal::new(start.contact);
    let note = RwSignal::new(start.source_note);
    // The shared source fields write to signals; these carry them to the record.
    Effect::new(move |first: Option<()>| {
        let (source, contact, note) = (source.get(), contact.get(), note.get());
        if first.is_some() {
            edit.run(move |opportunity| {
                opportunity.source = source;
                opportunity.contact = contact.filter(|_| matches!(source, SourceKind::Contact | SourceKind::Referral));
                opportunity.source_note = note;
            });
        }
    });
    let text_field = move |key: &'static str,
                           label: &'static str,
                           get: fn(&Opportunity) -> String,
                           set: fn(&mut Opportunity, String)| {
        view! {
            <TextInput id=format!("opportunity-{id}-{key}") label=label value=Signal::derive(move || get(&opportunity.get())) on_input=edit.set(set) />
        }
    };
    view! {
        <div class="opportunity-details">
            <div class="row">
                {text_field("company", "Company", |o| o.company.clone(), |o, v| o.company = v)}
                {text_field("role", "Role", |o| o.role.clone(), |o, v| o.role = v)}
            </div>
            <SourceFields id=format!("opportunity-{id}-edit") source=source contact=contact note=note />
            <div class="row">
                {text_field("next-step", "Next step", |o| o.next_step.clone(), |o, v| o.next_step = v)}
                <DateInput id=format!("opportunity-{id}-next-date") label="Next step on" value=Signal::derive(move || opportunity.get().next_date) on_change=edit.set(|opportunity, date| opportunity.next_date = date) />
            </div>
            <TextArea id=format!("opportunity-{id}-notes") label="Notes" value=Signal::derive(move || opportunity.get().notes) on_input=edit.set(|opportunity, value| opportunity.notes = value) />
            <h5>"Stage history"</h5>
            <ol class="history">
                {move || opportunity.get().history.into_iter().map(|change| view! { <li>{format!("{}: {}", date_label(change.on), change.stage.label())}</li> }).collect_view()}
            </ol>
            <button
                type="button"
                class="secondary"
                on:click=move |_| store.edit_plan(move |plan, now| plan.remove_opportunity(id, now))
            >
                {move || format!("Delete “{}”", opportunity.get().title())}
            </button>
        </div>
    }
}
