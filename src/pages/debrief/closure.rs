//! Closure (a note to self and the "done" mark) and taking the debrief out
//! as Markdown or on paper.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::fields::TextArea;
use crate::io::debrief_markdown::debrief_markdown;
use crate::model::dates;
use crate::model::live::*;
use crate::store::use_store;
use crate::web::{clock, document, download::download_text};

/// `in_sequence`: the guided sequence closes the debrief with its own
/// "Finish" button, so the card shows the mark but not the button.
#[component]
pub fn Closure(#[prop(optional)] in_sequence: bool) -> impl IntoView {
    let store = use_store();
    let (error, set_error) = signal(None::<String>);
    let done_at = move || store.workbook.debrief().with(|debrief| debrief.done_at);
    let finish = move |_| {
        let mut result = Ok(());
        store.edit_debrief(|debrief, now| result = debrief.finish(now));
        set_error.set(result.err().map(|err| format!("Almost there: {err}.")));
    };
    let reopen = move |_| store.edit_debrief(|debrief, now| debrief.reopen(now));
    view! {
        <Card id="closure" title="Closure">
            <TextArea
                id="closure-note"
                label="A note to yourself"
                hint="Give yourself permission to move on. What would you tell a friend in your place?"
                value=Signal::derive(move || store.workbook.debrief().with(|debrief| debrief.closure_note.clone()))
                on_input=Callback::new(move |text: String| store.edit_debrief(move |debrief, now| debrief.set_closure_note(&text, now)))
                rows=4
            />
            {move || match done_at() {
                Some(at) => view! {
                    <p class="done-mark">{format!("Debrief done on {}. Well done for facing it.", dates::long(at.date_naive()))}</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=reopen>"Reopen the debrief"</button>
                    </div>
                }
                .into_any(),
                None if in_sequence => ().into_any(),
                None => view! {
                    <div class="actions">
                        <button type="button" on:click=finish>"Mark the debrief done"</button>
                    </div>
                }
                .into_any(),
            }}
            <p class="error" role="alert">{move || error.get()}</p>
        </Card>
    }
}

#[component]
pub fn TakeItOut() -> impl IntoView {
    let store = use_store();
    let (message, set_message) = signal(None::<String>);
    let download = move |_| {
        let text = store.workbook.with_untracked(|workbook| debrief_markdown(&workbook.debrief));
        let name = format!("comeback-debrief-{}.md", dates::iso(clock::now().date_naive()));
        if let Err(err) = download_text(&name, "text/markdown", &text) {
            set_message.set(Some(err.to_string()));
        }
    };
    let print = move |_| document::print();
    view! {
        <section class="card no-print" aria-labelledby="take-it-out">
            <h2 id="take-it-out">"Take it with you"</h2>
            <p class="hint">"A copy of your whole debrief, to keep or print. It is made on this device and goes nowhere else."</p>
            <div class="actions">
                <button type="button" on:click=download>"Download as Markdown"</button>
                <button type="button" class="secondary" on:click=print>"Print"</button>
            </div>
            <p class="error">{move || message.get()}</p>
        </section>
    }
}
