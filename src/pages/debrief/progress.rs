//! What is complete so far, part by part, each part a way into the guided
//! sequence; and the ways to start it or pick it up again.

use leptos::prelude::*;

use crate::model::live::*;
use crate::model::sequence::Screen;
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn Progress() -> impl IntoView {
    let store = use_store();
    let parts = Memo::new(move |_| store.workbook.debrief().with(|debrief| debrief.progress()));
    let filled = move || parts.with(|parts| parts.iter().filter(|part| part.filled).count());
    let total = move || parts.with(Vec::len);
    // Where the person left off, if they have started the sequence.
    let resume = Memo::new(move |_| {
        store.workbook.debrief().with(|debrief| debrief.place.is_some().then(|| debrief.resume_screen()))
    });
    let continue_text = move || match resume.get() {
        Some(screen) => {
            format!("Continue where you left off: part {}, {}", screen.part().number(), screen.part().title())
        }
        None => "Go through it part by part".to_owned(),
    };
    view! {
        <section class="card progress" aria-labelledby="debrief-progress">
            <h2 id="debrief-progress">{move || format!("Your debrief: {} of {} parts", filled(), total())}</h2>
            <progress max=total value=filled aria-label="Parts of the debrief complete"></progress>
            <ol class="parts">
                {move || {
                    parts
                        .get()
                        .into_iter()
                        .map(|part| {
                            let state = if part.filled { "complete" } else { "to do" };
                            view! {
                                <li class:done=part.filled>
                                    <span aria-hidden="true">{if part.filled { "✓ " } else { "○ " }}</span>
                                    <a href=Route::DebriefGuide(Some(Screen::Part(part.part))).href()>{part.name}</a>
                                    <span class="visually-hidden">{format!(": {state}")}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <div class="actions no-print">
                <a class="button-link" href=Route::DebriefGuide(None).href()>{continue_text}</a>
                <a class="button-link secondary" href=Route::DebriefSession(None).href()>"Start a focused debrief session"</a>
            </div>
            <p class="hint no-print">"Part by part, one screen at a time. The focused session hides everything else and keeps time against your quiet block."</p>
        </section>
    }
}
