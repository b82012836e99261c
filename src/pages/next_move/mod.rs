//! Step 4: make the next move. The runway check, the path choice, targets,
//! opportunities, the answer to "what happened?", other interview stories,
//! the action plan and the activity report, one section each.

mod actions;
mod answer;
mod opportunities;
mod path;
mod report;
mod stories;
mod targets;

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::deferred::Deferred;
use crate::components::editable::Editable;
use crate::components::page_intro::PageIntro;
use crate::components::step_end::StepEnd;
use crate::model::live::*;
use crate::model::progress::Step;
use crate::model::SetbackKind;
use crate::pages::first_steps::RunwaySummary;
use crate::store::use_store;

/// Why the runway matters, in words that fit the kind of setback.
fn runway_hint(kind: Option<SetbackKind>) -> &'static str {
    match kind {
        Some(SetbackKind::FiredOrLaidOff) => "Know how long your money lasts, so you can choose your next move rather than take the first one.",
        Some(SetbackKind::Stalled) => "Leaving a steady paycheck too soon is a classic cause of failure. Know how long you could go before you leave.",
        _ => "Leaving a paycheck too soon is a classic cause of failure. Know how long you can go.",
    }
}

#[component]
pub fn NextMovePage() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="page">
            <PageIntro
                title="Step 4: Make your next move"
                step=Step::NextMove
                lead="The comeback is complete with the next move: a new job, committing to freelance work, or a new business."
            />
            <nav class="in-page" aria-label="On this page">
                <ul>
                    <li><a href="#/next" on:click=jump("choose-path")>"Choose the path"</a></li>
                    <li><a href="#/next" on:click=jump("targets")>"Targets"</a></li>
                    <li><a href="#/next" on:click=jump("opportunities")>"Opportunities"</a></li>
                    <li><a href="#/next" on:click=jump("what-happened")>"“What happened?”"</a></li>
                    <li><a href="#/next" on:click=jump("stories")>"Other stories"</a></li>
                    <li><a href="#/next" on:click=jump("action-plan")>"Action plan"</a></li>
                    <li><a href="#/next" on:click=jump("activity-report")>"Activity report"</a></li>
                </ul>
            </nav>
            <Card id="runway-check" title="Runway check">
                <p class="hint">{move || runway_hint(store.workbook.debrief().setback().get())}</p>
                <RunwaySummary with_link=true />
            </Card>
            <path::PathChoiceSection />
            // Below the first screen: drawn once the top is on screen.
            <Deferred>
                <targets::TargetsSection />
                <opportunities::OpportunitiesSection />
            </Deferred>
            <Deferred>
                <answer::FailureAnswerSection />
                <stories::StoriesSection />
            </Deferred>
            <Deferred>
                <actions::ActionPlanSection />
            </Deferred>
            <Deferred>
                <report::ActivityReportSection />
                <Editable legend="Where Step 4 stands">
                    <StepEnd step=Step::NextMove />
                </Editable>
            </Deferred>
        </section>
    }
}

/// Moves to a section's heading without changing the hash route: links in a
/// hash-routed app cannot point at ids, so the click scrolls and focuses.
fn jump(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |event| {
        event.prevent_default();
        crate::web::focus::focus_by_id(id.to_owned());
    }
}
