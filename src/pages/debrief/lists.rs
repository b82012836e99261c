//! Contributing factors, the short "looking back" lists, lessons (one of
//! them the key lesson) and options to weigh (each can go to the plan).

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{AddForm, ChoiceField, DraftChoice, DraftInput, RemoveButton, TextInput};
use crate::components::record_list::{ListEditor, RecordList};
use crate::model::debrief::{Control, Factor, NoteList};
use crate::model::live::*;
use crate::model::plan::ActionOrigin;
use crate::store::records::{LiveRecord, LiveRecords, RecordChange, RecordEdits};
use crate::store::use_store;

#[component]
pub fn Factors() -> impl IntoView {
    let store = use_store();
    let factors = LiveRecords::short(store.workbook.debrief().factors(), |factor| factor.meta.id);
    let text = RwSignal::new(String::new());
    // Nothing is pre-marked as the person's own doing (a company-wide layoff
    // is not): a new factor starts in the middle, for them to move.
    let control = RwSignal::new(Control::NEW_FACTOR);
    let add = move |_| {
        let value = text.get_untracked();
        let chosen = control.get_untracked();
        store.edit_debrief(move |debrief, now| {
            debrief.add_factor(&value, chosen, now);
        });
        text.set(String::new());
    };
    view! {
        <Card id="factors" title="What contributed" hint="Several things usually played a part. Name each, and how much of it was in your hands.">
            <RecordList class="editable-list" records=factors row=|factor| view! { <FactorRow factor /> } />
            <AddForm button="Add factor" on_add=add>
                <DraftInput id="new-factor" label="A contributing factor" value=text grow=true />
                <DraftChoice id="new-factor-control" label="How much was in my control" value=control />
            </AddForm>
        </Card>
    }
}

#[component]
fn FactorRow(factor: LiveRecord<Factor>) -> impl IntoView {
    let store = use_store();
    let id = factor.id();
    let text = factor.signal(|factor| factor.text.clone());
    let number = move || {
        store
            .workbook
            .debrief()
            .factors()
            .with(|factors| factors.iter().position(|factor| factor.meta.id == id).map_or(0, |at| at + 1))
    };
    let edit = RecordEdits::new(move |change: RecordChange<Factor>| {
        store.edit_debrief(move |debrief, now| debrief.update_factor(id, now, change))
    });
    view! {
        <li class="row">
            <TextInput id=format!("factor-{id}") label=move || format!("Factor {}", number()) grow=true value=text on_input=edit.set(|factor, text| factor.text = text) />
            <ChoiceField id=format!("factor-{id}-control") label="How much was in my control" value=factor.signal(|factor| factor.control) on_change=edit.set(|factor, control| factor.control = control) />
            <RemoveButton label=move || format!("Delete factor: {}", text.get()) on_click=move |_| store.edit_debrief(move |debrief, now| debrief.remove_factor(id, now)) />
        </li>
    }
}

/// An editable list of short notes with an "Add" line.
#[component]
pub fn NoteListEditor(
    list: NoteList,
    title: &'static str,
    /// What one entry is called in its visible label ("Lesson 2").
    item_label: &'static str,
    add_label: &'static str,
    /// Lessons: each row can be marked as the key lesson.
    #[prop(optional)]
    key_choice: bool,
    /// Options: each row can be sent to the action plan.
    #[prop(optional)]
    plan_link: bool,
) -> impl IntoView {
    let store = use_store();
    let slug = format!("{list:?}").to_lowercase();
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.debrief.notes(list).iter().map(|note| note.meta.id).collect::<Vec<Uuid>>())
    };
    let add = Callback::new(move |text: String| {
        store.edit_debrief(move |debrief, now| {
            debrief.add_note(list, &text, now);
        });
    });
    view! {
        <ListEditor
            title=title
            ids=Signal::derive(ids)
            row=move |id| view! { <NoteRow list id item_label key_choice plan_link /> }
            add_id=format!("new-{slug}")
            add_label=add_label
            on_add=add
        />
    }
}

#[component]
fn NoteRow(list: NoteList, id: Uuid, item_label: &'static str, key_choice: bool, plan_link: bool) -> impl IntoView {
    let store = use_store();
    let text = move || {
        store.workbook.with(|workbook| {
            workbook
                .debrief
                .notes(list)
                .iter()
                .find(|note| note.meta.id == id)
                .map(|note| note.text.clone())
                .unwrap_or_default()
        })
    };
    let text_id = format!("note-{id}");
    let number = move || {
        store.workbook.with(|workbook| {
            workbook.debrief.notes(list).iter().position(|note| note.meta.id == id).map_or(0, |at| at + 1)
        })
    };
    let remove = move |_| {
        store.edit(move |workbook, now| {
            if list == NoteList::Options {
                workbook.remove_option(id, now);
            } else {
                workbook.debrief.remove_note(list, id, now);
            }
        })
    };
    let is_key = move || store.workbook.debrief().with(|debrief| debrief.key_lesson == Some(id));
    let in_plan = move || {
        store.workbook.plan().with(|plan| plan.action_from(ActionOrigin::DebriefOption { option: id }).is_some())
    };
    view! {
        <li class="row" class:key-lesson=is_key>
            <div class="field grow">
                <label for=text_id.clone()>{move || format!("{item_label} {}", number())}</label>
                <input
                    id=text_id
                    type="text"
                    prop:value=text
                    on:input:target=move |event| {
                        let value = event.target().value();
                        store.edit_debrief(move |debrief, now| debrief.update_note(list, id, &value, now));
                    }
                />
            </div>
            {key_choice.then(|| view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="key-lesson"
                        prop:checked=is_key
                        on:change=move |_| store.edit_debrief(move |debrief, now| debrief.set_key_lesson(id, now))
                    />
                    <span>"Key lesson"</span>
                </label>
            })}
            {plan_link.then(|| view! {
                <Show
                    when=in_plan
                    fallback=move || view! {
                        <button
                            type="button"
                            class="secondary"
                            aria-label=move || format!("Add to my plan: {}", text())
                            on:click=move |_| store.edit(move |workbook, now| {
                                workbook.send_option_to_plan(id, now);
                            })
                        >
                            "Add to my plan"
                        </button>
                    }
                >
                    <span class="tag">"In my plan"</span>
                </Show>
            })}
            <button type="button" class="secondary" aria-label=move || format!("Delete: {}", text()) on:click=remove>
                "Delete"
            </button>
        </li>
    }
}

/// What went well, what went wrong, where luck helped.
#[component]
pub fn LookingBack() -> impl IntoView {
    view! {
        <Card id="looking-back" title="Looking back">
            <NoteListEditor list=NoteList::WentWell title="What went well" item_label="Went well" add_label="Something that went well" />
            <NoteListEditor list=NoteList::WentWrong title="What went wrong" item_label="Went wrong" add_label="Something that went wrong" />
            <NoteListEditor list=NoteList::Lucky title="Where I got lucky" item_label="Lucky" add_label="Where luck helped" />
        </Card>
    }
}

#[component]
pub fn Lessons() -> impl IntoView {
    view! {
        <Card id="lessons" title="Lessons" hint="What will you take from this? Mark the one that matters most: it is what you will tell people you learned.">
            <NoteListEditor list=NoteList::Lessons title="My lessons" item_label="Lesson" add_label="A lesson" key_choice=true />
        </Card>
    }
}

#[component]
pub fn Options() -> impl IntoView {
    view! {
        <Card id="options" title="Options to weigh" hint="For example: ask your former employer to take you back, move to a new city, look for remote roles to rebuild savings, freelance for a while. Add any to your plan.">
            <NoteListEditor list=NoteList::Options title="My options" item_label="Option" add_label="An option" plan_link=true />
        </Card>
    }
}
