//! "How I spent my time off", written from the data (see
//! `Mojo::time_off_summary`), ready for the interview question.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::model::live::*;
use crate::store::use_store;

#[component]
pub fn Summary() -> impl IntoView {
    let store = use_store();
    let text = move || store.workbook.mojo().with(|mojo| mojo.time_off_summary());
    view! {
        <Card id="time-off" title="How I spent my time off" hint="Written from what you logged above. Interviewers will ask about the time between jobs; this is the start of your answer.">
            <p class="time-off-summary">{text}</p>
        </Card>
    }
}
