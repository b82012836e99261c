//! First steps after the blow: the practical checklist and the survival
//! budget, before the calm of the debrief.

mod budget;
mod checklist;

use leptos::prelude::*;

use crate::components::editable::Editable;
use crate::components::page_intro::PageIntro;

#[component]
pub fn FirstStepsPage() -> impl IntoView {
    view! {
        <section class="page">
            <PageIntro
                title="First steps after the blow"
                lead="Before the debrief, get some ground under your feet: the paperwork, the money, the people at home. This is practical help, not legal or financial advice."
            />
            <Editable legend="First steps">
                <checklist::Checklist />
                <budget::BudgetEditor />
            </Editable>
            <p class="card lead-on">
                "When the ground feels a little firmer: "
                <a href=crate::route::Route::Debrief.href()>"Go on to Step 1: Debrief with yourself"</a>
            </p>
        </section>
    }
}

pub use budget::RunwaySummary;
