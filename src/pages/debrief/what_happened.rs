//! The kind of setback and a one- or two-sentence summary.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::fields::TextArea;
use crate::model::live::*;
use crate::model::SetbackKind;
use crate::store::use_store;

#[component]
pub fn WhatHappened() -> impl IntoView {
    let store = use_store();
    let kinds = SetbackKind::ALL
        .into_iter()
        .map(|kind| {
            let checked = move || store.workbook.debrief().with(|debrief| debrief.setback == Some(kind));
            let choose = move |_| store.edit(move |workbook, now| workbook.set_setback(Some(kind), now));
            view! {
                <label class="choice">
                    <input type="radio" name="setback" value=kind.key() prop:checked=checked on:change=choose />
                    <span>{kind.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <Card id="what-happened" title="What happened">
            <fieldset class="choices">
                <legend>"What kind of setback was it?"</legend>
                {kinds}
            </fieldset>
            <TextArea
                id="debrief-summary"
                label="In a sentence or two, what happened?"
                value=Signal::derive(move || store.workbook.debrief().with(|debrief| debrief.summary.clone()))
                on_input=Callback::new(move |text: String| store.edit_debrief(move |debrief, now| debrief.set_summary(&text, now)))
                rows=4
            />
        </Card>
    }
}
