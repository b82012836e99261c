//! Step 3: regain your mojo.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::model::mojo::DEFAULT_WEEKLY_HOURS_GOAL;

#[component]
pub fn MojoPage() -> impl IntoView {
    view! {
        <section class="page">
            <PageIntro
                title="Step 3: Regain your mojo"
                lead="Downtime is allowed. Alongside it, start doing things that prove to you, and later to an interviewer, that you still have it."
            />
            <div class="card">
                <h2>"What this step is for"</h2>
                <ul>
                    <li>{format!("Side projects that move your career forward, about {DEFAULT_WEEKLY_HOURS_GOAL} hours a week: a book, an app, a portfolio site, a hobby turned into consulting.")}</li>
                    <li>"Stepping out of your comfort zone: a meetup in your field, a networking event, coffee with someone at a company you admire."</li>
                    <li>"A list of what you are proud of, because this setback did not erase it."</li>
                </ul>
            </div>
        </section>
    }
}
