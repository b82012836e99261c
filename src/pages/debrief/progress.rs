//! What is filled in so far, part by part.

use leptos::prelude::*;

use crate::model::live::*;
use crate::store::use_store;

#[component]
pub fn Progress() -> impl IntoView {
    let store = use_store();
    let parts = Memo::new(move |_| store.workbook.debrief().with(|debrief| debrief.progress()));
    let filled = move || parts.with(|parts| parts.iter().filter(|part| part.filled).count());
    let total = move || parts.with(Vec::len);
    view! {
        <section class="card progress" aria-labelledby="debrief-progress">
            <h2 id="debrief-progress">{move || format!("Your debrief: {} of {} parts", filled(), total())}</h2>
            <progress max=total value=filled aria-label="Parts of the debrief filled in"></progress>
            <ul class="parts">
                {move || {
                    parts
                        .get()
                        .into_iter()
                        .map(|part| {
                            let state = if part.filled { "done" } else { "to do" };
                            view! {
                                <li class:done=part.filled>
                                    <span aria-hidden="true">{if part.filled { "✓ " } else { "○ " }}</span>
                                    {part.name}
                                    <span class="visually-hidden">{format!(": {state}")}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
