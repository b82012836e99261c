//! Step 1: the debrief with yourself.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::model::SetbackKind;
use crate::store::use_store;

#[component]
pub fn DebriefPage() -> impl IntoView {
    let store = use_store();
    let kinds = SetbackKind::ALL
        .into_iter()
        .map(|kind| {
            let checked = move || store.workbook.with(|workbook| workbook.debrief.setback == Some(kind));
            let choose = move |_| store.edit(move |workbook, now| workbook.debrief.set_setback(Some(kind), now));
            view! {
                <label class="choice">
                    <input type="radio" name="setback" value=kind.key() prop:checked=checked on:change=choose />
                    <span>{kind.label()}</span>
                </label>
            }
        })
        .collect_view();
    let summary = move || store.workbook.with(|workbook| workbook.debrief.summary.clone());
    let write_summary = move |event: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlTextAreaElement>| {
        let text = event.target().value();
        store.edit(move |workbook, now| workbook.debrief.set_summary(&text, now));
    };

    view! {
        <section class="page">
            <PageIntro
                title="Step 1: Debrief with yourself"
                lead="Before applying anywhere or asking anyone for work, give yourself closure. Block two or three quiet hours, put what happened in order, and find out honestly why it did not work."
            />
            <fieldset class="card" disabled=move || !store.can_edit()>
                <legend>"What happened"</legend>
                <fieldset class="choices">
                    <legend>"What kind of setback was it?"</legend>
                    {kinds}
                </fieldset>
                <div class="field">
                    <label for="debrief-summary">"In a sentence or two, what happened?"</label>
                    <textarea
                        id="debrief-summary"
                        rows="4"
                        prop:value=summary
                        on:input:target=write_summary
                    ></textarea>
                </div>
            </fieldset>
        </section>
    }
}
