//! Step 1: the debrief with yourself. The overview (one page with every
//! part, for reading, printing and the Markdown copy) and the same parts as
//! a guided sequence (`sequence`), plain or as a focused session.

mod closure;
mod lists;
mod progress;
mod questions;
mod schedule;
pub mod sequence;
mod timeline;
mod what_happened;

use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::editable::Editable;
use crate::components::page_intro::PageIntro;
use crate::components::step_end::StepEnd;
use crate::model::progress::Step;
use crate::model::sequence::{Part, Screen};
use crate::route::Route;

#[component]
pub fn DebriefPage() -> impl IntoView {
    view! {
        <section class="page debrief">
            <PageIntro
                title="Step 1: Debrief with yourself"
                step=Step::Debrief
                lead="Before applying anywhere or asking anyone for work, give yourself closure. Block two or three quiet hours, put what happened in order, and find out honestly why it did not work."
            />
            <progress::Progress />
            <Editable legend="Your debrief">
                <what_happened::WhatHappened />
                <InSequence part=Part::WhatHappened />
                <schedule::Schedule />
                <InSequence part=Part::QuietBlock />
                // Below the first screen: drawn once the top is on screen.
                <Deferred>
                    <timeline::Timeline />
                    <InSequence part=Part::Timeline />
                </Deferred>
                <Deferred>
                    <questions::Questions />
                    <InSequence part=Part::Questions />
                </Deferred>
                <Deferred>
                    <lists::Factors />
                    <InSequence part=Part::Factors />
                    <lists::LookingBack />
                    <InSequence part=Part::LookingBack />
                </Deferred>
                <Deferred>
                    <lists::Lessons />
                    <InSequence part=Part::Lessons />
                    <lists::Options />
                    <InSequence part=Part::Options />
                    <closure::Closure />
                    <InSequence part=Part::Closure />
                </Deferred>
            </Editable>
            <Deferred>
                <closure::TakeItOut />
                <StepEnd step=Step::Debrief />
            </Deferred>
        </section>
    }
}

/// Under each part of the overview: the way into the sequence at that part.
#[component]
fn InSequence(part: Part) -> impl IntoView {
    view! {
        <p class="in-sequence no-print">
            <a href=Route::DebriefGuide(Some(Screen::Part(part))).href()>
                {format!("Work on “{}” on its own (part {} of {})", part.title(), part.number(), Part::ALL.len())}
            </a>
        </p>
    }
}
