//! Step 1: the debrief with yourself. One page with every part of the
//! debrief, plus a distraction-free session view (`session`).

mod closure;
mod lists;
mod progress;
mod questions;
mod schedule;
pub mod session;
mod timeline;
mod what_happened;

use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::step_end::StepEnd;
use crate::model::progress::Step;

use crate::components::page_intro::PageIntro;
use crate::model::debrief::NoteList;
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn DebriefPage() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="page debrief">
            <PageIntro
                title="Step 1: Debrief with yourself"
                step=Step::Debrief
                lead="Before applying anywhere or asking anyone for work, give yourself closure. Block two or three quiet hours, put what happened in order, and find out honestly why it did not work."
            />
            <progress::Progress />
            <p class="no-print">
                <a class="button-link" href=Route::DebriefSession.href()>"Start a focused debrief session"</a>
                " One question at a time, with a timer and nothing else on screen."
            </p>
            <fieldset class="plain" disabled=move || !store.can_edit()>
                <legend class="visually-hidden">"Your debrief"</legend>
                <what_happened::WhatHappened />
                <schedule::Schedule />
                // Below the first screen: drawn once the top is on screen.
                <Deferred>
                    <timeline::Timeline />
                </Deferred>
                <Deferred>
                    <questions::Questions />
                </Deferred>
                <Deferred>
                    <lists::Factors />
                    <section class="card" aria-labelledby="looking-back">
                        <h2 id="looking-back">"Looking back"</h2>
                        <lists::NoteListEditor list=NoteList::WentWell title="What went well" item_label="Went well" add_label="Something that went well" />
                        <lists::NoteListEditor list=NoteList::WentWrong title="What went wrong" item_label="Went wrong" add_label="Something that went wrong" />
                        <lists::NoteListEditor list=NoteList::Lucky title="Where I got lucky" item_label="Lucky" add_label="Where luck helped" />
                    </section>
                </Deferred>
                <Deferred>
                    <lists::Lessons />
                    <lists::Options />
                    <closure::Closure />
                </Deferred>
            </fieldset>
            <Deferred>
                <closure::TakeItOut />
                <StepEnd step=Step::Debrief />
            </Deferred>
        </section>
    }
}
