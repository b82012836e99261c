//! Step 2: share the setback and work the network.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;

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
        </section>
    }
}
