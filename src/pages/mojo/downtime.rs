//! Rest, without guilt: a "resting until" date and single rest days.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{parse_date_input as parse_date, AddForm, DateInput, DraftInput, RemoveButton};
use crate::model::dates;
use crate::model::live::*;
use crate::model::meta::Records;
use crate::store::use_store;
use crate::web::clock;

#[component]
pub fn Downtime() -> impl IntoView {
    let store = use_store();
    let until = move || store.workbook.mojo().downtime().with(|downtime| downtime.until);
    let resting_line = move || {
        let today = clock::today();
        until().filter(|until| *until >= today).map(|until| {
            format!("You are resting until {}. That is part of the plan, not a pause in it.", dates::long(until))
        })
    };
    let new_date = RwSignal::new(String::new());
    let new_note = RwSignal::new(String::new());
    let (error, set_error) = signal(None::<String>);
    let add = move |_| {
        let Some(date) = parse_date(&new_date.get_untracked()) else {
            set_error.set(Some("Choose the date of the rest day first.".into()));
            return;
        };
        let note = new_note.get_untracked();
        store.edit_mojo(move |mojo, now| {
            mojo.add_rest_day(date, &note, now);
        });
        set_error.set(None);
        new_date.set(String::new());
        new_note.set(String::new());
    };
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.mojo.downtime.rest_days.iter().map(|day| day.meta.id).collect::<Vec<Uuid>>())
    };
    view! {
        <Card id="downtime" title="Rest, without guilt" hint="Days, weeks or months of downtime are fine. Mark them here so they count as part of your plan. You can start small things whenever you feel ready.">
            <div class="row">
                <DateInput
                    id="downtime-until"
                    label="Resting until (optional)"
                    value=Signal::derive(until)
                    on_change=move |date| store.edit_mojo(move |mojo, now| mojo.set_downtime_until(date, now))
                />
            </div>
            <p class="resting" role="status">{resting_line}</p>
            <h3>"Rest days"</h3>
            <ul class="editable-list">
                <For each=ids key=|id| *id let:id>
                    <RestDayRow id=id />
                </For>
            </ul>
            <AddForm button="Add rest day" on_add=add after=move || view! { <p class="error" role="alert">{move || error.get()}</p> }>
                <DraftInput id="new-rest-day" label="A rest day" kind="date" value=new_date />
                <DraftInput id="new-rest-note" label="Note (optional)" value=new_note grow=true />
            </AddForm>
        </Card>
    }
}

#[component]
fn RestDayRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let day = move || store.workbook.mojo().downtime().with(|downtime| downtime.rest_days.by_id(id).cloned());
    let label = move || day().map(|day| dates::weekday_long(day.date)).unwrap_or_default();
    view! {
        <li class="row">
            <span class="grow">
                {label}
                {move || day().filter(|day| !day.note.is_empty()).map(|day| format!(": {}", day.note))}
            </span>
            <RemoveButton label=move || format!("Delete rest day {}", label()) on_click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_rest_day(id, now)) />
        </li>
    }
}
