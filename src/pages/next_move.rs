//! Step 4: make the next move. For now it holds the action plan that other
//! steps feed (options from the debrief); the Next move issue builds the rest.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::page_intro::PageIntro;
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn NextMovePage() -> impl IntoView {
    let store = use_store();
    let ids = move || store.workbook.with(|workbook| workbook.plan.actions.iter().map(|action| action.meta.id).collect::<Vec<Uuid>>());
    view! {
        <section class="page">
            <PageIntro
                title="Step 4: Make your next move"
                lead="The comeback is complete with the next move: a new job, committing to freelance work, or a new business."
            />
            <section class="card" aria-labelledby="action-plan">
                <h2 id="action-plan">"My action plan"</h2>
                <Show
                    when=move || !ids().is_empty()
                    fallback=|| view! {
                        <p class="hint">
                            "Nothing here yet. Options you weigh in your "
                            <a href=Route::Debrief.href()>"debrief"</a>
                            " can be added to this plan."
                        </p>
                    }
                >
                    <ul class="editable-list">
                        <For each=ids key=|id| *id let:id>
                            <ActionRow id=id />
                        </For>
                    </ul>
                </Show>
            </section>
            <div class="card">
                <h2>"What this step is for"</h2>
                <ul>
                    <li>"Choosing the path that fits, with a plain look at how long your savings last."</li>
                    <li>"Keeping track of opportunities, from first idea to offer."</li>
                    <li>"Preparing a calm, honest answer to “what happened?”: what you learned, and what you have done since."</li>
                </ul>
            </div>
        </section>
    }
}

#[component]
fn ActionRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let title = move || {
        store.workbook.with(|workbook| {
            workbook.plan.actions.iter().find(|action| action.meta.id == id).map(|action| workbook.action_title(action)).unwrap_or_default()
        })
    };
    let done = move || store.workbook.with(|workbook| workbook.plan.actions.iter().any(|action| action.meta.id == id && action.done));
    view! {
        <li>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=done
                    disabled=move || !store.can_edit()
                    on:change:target=move |event| {
                        let checked = event.target().checked();
                        store.edit(move |workbook, now| workbook.plan.set_done(id, checked, now));
                    }
                />
                <span>{title}</span>
            </label>
        </li>
    }
}
