//! Step 4: make the next move.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;

#[component]
pub fn NextMovePage() -> impl IntoView {
    view! {
        <section class="page">
            <PageIntro
                title="Step 4: Make your next move"
                lead="The comeback is complete with the next move: a new job, committing to freelance work, or a new business."
            />
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
