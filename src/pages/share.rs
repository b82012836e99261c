//! Step 2: share the setback and work the network.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::page_intro::PageIntro;
use crate::store::use_store;

#[component]
pub fn SharePage() -> impl IntoView {
    view! {
        <section class="page">
            <PageIntro
                title="Step 2: Share it"
                lead="Grieving at home is natural; give it a limit. Then tell people plainly that you have moved on and what you are looking for. Not bragging, not complaining: sharing."
            />
            <div class="card">
                <h2>"Why the people you rarely see matter most"</h2>
                <p>
                    "In Mark Granovetter's study, 83% of people who found a job through someone they knew found it through a contact they saw once a year or less, not through close friends. Acquaintances move in other circles and hear of other openings."
                </p>
                <p>"This step will hold your outreach list: who to tell, who works where you want to be, and who to ask for an introduction."</p>
            </div>
            <OutreachList />
        </section>
    }
}

/// The people to reach out to, with how the person knows each.
#[component]
fn OutreachList() -> impl IntoView {
    let store = use_store();
    let ids = move || store.workbook.with(|workbook| workbook.outreach.contacts.iter().map(|contact| contact.meta.id).collect::<Vec<Uuid>>());
    view! {
        <section class="card" aria-labelledby="outreach-list">
            <h2 id="outreach-list">"Your outreach list"</h2>
            <Show
                when=move || !ids().is_empty()
                fallback=|| view! {
                    <p class="hint">"No one here yet. People you meet at events in step 3 can be added with one button."</p>
                }
            >
                <ul class="outreach-list">
                    <For each=ids key=|id| *id let:id>
                        <ContactRow id=id />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn ContactRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let contact = move || store.workbook.with(|workbook| workbook.outreach.contact(id).map(|contact| (contact.name.clone(), contact.how_we_know.clone())));
    view! {
        <li>
            <strong>{move || contact().map(|(name, _)| name).unwrap_or_default()}</strong>
            {move || contact().filter(|(_, how)| !how.is_empty()).map(|(_, how)| view! { <span class="how-we-know">{format!(" — {how}")}</span> })}
        </li>
    }
}
