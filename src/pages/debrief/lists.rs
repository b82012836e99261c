//! Contributing factors, the short "looking back" lists, lessons (one of
//! them the key lesson) and options to weigh (each can go to the plan).

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::AddLine;
use crate::model::debrief::{Control, NoteList};
use crate::model::live::*;
use crate::model::plan::ActionOrigin;
use crate::store::use_store;

#[component]
pub fn Factors() -> impl IntoView {
    let store = use_store();
    let (text, set_text) = signal(String::new());
    // Nothing is pre-marked as the person's own doing (a company-wide layoff
    // is not): a new factor starts in the middle, for them to move.
    let (control, set_control) = signal(Control::NEW_FACTOR);
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.debrief.factors.iter().map(|factor| factor.meta.id).collect::<Vec<Uuid>>())
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let value = text.get_untracked();
        let chosen = control.get_untracked();
        store.edit_debrief(move |debrief, now| {
            debrief.add_factor(&value, chosen, now);
        });
        set_text.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="factors">
            <h2 id="factors">"What contributed"</h2>
            <p class="hint">"Several things usually played a part. Name each, and how much of it was in your hands."</p>
            <ul class="editable-list">
                <For each=ids key=|id| *id let:id>
                    <FactorRow id=id />
                </For>
            </ul>
            <form class="add-line" on:submit=add>
                <div class="row">
                    <div class="field grow">
                        <label for="new-factor">"A contributing factor"</label>
                        <input id="new-factor" type="text" prop:value=text on:input:target=move |event| set_text.set(event.target().value()) />
                    </div>
                    <div class="field">
                        <label for="new-factor-control">"How much was in my control"</label>
                        <ControlSelect id="new-factor-control".into() value=Signal::derive(move || control.get()) on_change=Callback::new(move |chosen| set_control.set(chosen)) />
                    </div>
                </div>
                <div class="actions">
                    <button type="submit">"Add factor"</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn ControlSelect(id: String, #[prop(into)] value: Signal<Control>, on_change: Callback<Control>) -> impl IntoView {
    view! {
        <select id=id on:change:target=move |event| {
            if let Some(control) = Control::from_key(&event.target().value()) {
                on_change.run(control);
            }
        }>
            {Control::ALL
                .into_iter()
                .map(|control| view! { <option value=control.key() prop:selected=move || value.get() == control>{control.label()}</option> })
                .collect_view()}
        </select>
    }
}

#[component]
fn FactorRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let factor = move || {
        store.workbook.debrief().with(|debrief| debrief.factors.iter().find(|factor| factor.meta.id == id).cloned())
    };
    let text_id = format!("factor-{id}");
    let number = move || {
        store.workbook.with(|workbook| {
            workbook.debrief.factors.iter().position(|factor| factor.meta.id == id).map_or(0, |at| at + 1)
        })
    };
    view! {
        <li class="row">
            <div class="field grow">
                <label for=text_id.clone()>{move || format!("Factor {}", number())}</label>
                <input
                    id=text_id
                    type="text"
                    prop:value=move || factor().map(|factor| factor.text).unwrap_or_default()
                    on:input:target=move |event| {
                        let text = event.target().value();
                        store.edit_debrief(move |debrief, now| debrief.update_factor(id, now, |factor| factor.text = text));
                    }
                />
            </div>
            <div class="field">
                <label for=format!("factor-{id}-control")>"How much was in my control"</label>
                <ControlSelect
                    id=format!("factor-{id}-control")
                    value=Signal::derive(move || factor().map(|factor| factor.control).unwrap_or_default())
                    on_change=Callback::new(move |control| store.edit_debrief(move |debrief, now| debrief.update_factor(id, now, |factor| factor.control = control)))
                />
            </div>
            <button
                type="button"
                class="secondary"
                aria-label=move || format!("Delete factor: {}", factor().map(|factor| factor.text).unwrap_or_default())
                on:click=move |_| store.edit_debrief(move |debrief, now| debrief.remove_factor(id, now))
            >
                "Delete"
            </button>
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
        <h3>{title}</h3>
        <ul class="editable-list">
            <For each=ids key=|id| *id let:id>
                <NoteRow list=list id=id item_label=item_label key_choice=key_choice plan_link=plan_link />
            </For>
        </ul>
        <AddLine id=format!("new-{slug}") label=add_label button="Add" on_add=add />
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
        <section class="card" aria-labelledby="looking-back">
            <h2 id="looking-back">"Looking back"</h2>
            <NoteListEditor list=NoteList::WentWell title="What went well" item_label="Went well" add_label="Something that went well" />
            <NoteListEditor list=NoteList::WentWrong title="What went wrong" item_label="Went wrong" add_label="Something that went wrong" />
            <NoteListEditor list=NoteList::Lucky title="Where I got lucky" item_label="Lucky" add_label="Where luck helped" />
        </section>
    }
}

#[component]
pub fn Lessons() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="lessons">
            <h2 id="lessons">"Lessons"</h2>
            <p class="hint">"What will you take from this? Mark the one that matters most: it is what you will tell people you learned."</p>
            <NoteListEditor list=NoteList::Lessons title="My lessons" item_label="Lesson" add_label="A lesson" key_choice=true />
        </section>
    }
}

#[component]
pub fn Options() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="options">
            <h2 id="options">"Options to weigh"</h2>
            <p class="hint">
                "For example: ask your former employer to take you back, move to a new city, look for remote roles to rebuild savings, freelance for a while. Add any to your plan."
            </p>
            <NoteListEditor list=NoteList::Options title="My options" item_label="Option" add_label="An option" plan_link=true />
        </section>
    }
}
