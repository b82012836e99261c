//! Step 3: regain your mojo. Rest without guilt, side projects against a
//! weekly goal, the time log and the week's chart, comfort-zone events (the
//! people met there can join the outreach list), the proud list, and the
//! summary of how the time off was spent. One file per section.

mod downtime;
mod events;
mod projects;
mod proud;
mod summary;
mod time_log;
mod week;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::editable::Editable;
use crate::components::page_intro::PageIntro;
use crate::components::step_end::StepEnd;
use crate::model::dates;
use crate::model::progress::Step;

#[component]
pub fn MojoPage() -> impl IntoView {
    view! {
        <section class="page mojo">
            <PageIntro
                title="Step 3: Regain your mojo"
                step=Step::Mojo
                lead="Downtime is allowed. Alongside it, start doing things that prove to you, and later to an interviewer, that you still have it."
            />
            <Editable legend="Your mojo">
                <downtime::Downtime />
                <projects::Projects />
                // Below the first screen: drawn once the top is on screen.
                <Deferred>
                    <time_log::TimeLog />
                </Deferred>
                <Deferred>
                    <week::Week />
                </Deferred>
                <Deferred>
                    <events::Events />
                    <proud::Proud />
                </Deferred>
            </Editable>
            <Deferred>
                <summary::Summary />
                <Editable legend="Where Step 3 stands">
                    <StepEnd step=Step::Mojo />
                </Editable>
            </Deferred>
        </section>
    }
}

/// A short date for names and messages: "3 Mar".
fn short_date(date: NaiveDate) -> String {
    dates::short_day_month(date)
}
