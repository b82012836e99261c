//! The action plan in a 30/60/90-day view, with the dated actions as an
//! `.ics` file for the person's calendar.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::{AddLine, RemoveButton};
use crate::io::actions_ics::write_actions_ics;
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::plan::Horizon;
use crate::route::Route;
use crate::store::use_store;
use crate::web::{clock, download::download_text, focus::focus_by_id};

#[component]
pub fn ActionPlanSection() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let (message, set_message) = signal(String::new());
    let add = Callback::new(move |title: String| {
        store.edit_plan(move |plan, now| {
            plan.add_action(&title, None, now);
        })
    });
    // A memo, so rows are rebuilt only when an action changes horizon.
    let groups = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            let week = workbook.week_starts();
            Horizon::ALL
                .into_iter()
                .map(|horizon| {
                    (
                        horizon,
                        workbook
                            .plan
                            .in_horizon(horizon, today, week)
                            .iter()
                            .map(|action| action.meta.id)
                            .collect::<Vec<Uuid>>(),
                    )
                })
                .filter(|(_, ids)| !ids.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let dated = move || store.workbook.plan().with(|plan| plan.dated_open_actions().len());
    let export = move |_| {
        let nine = chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
        let text = store.workbook.with(|workbook| {
            // Overdue actions are put on today, not in the past.
            write_actions_ics(
                &workbook.plan.dated_open_actions(),
                |action| workbook.action_title(action),
                |date| clock::local_to_utc(date.max(today), nine),
                clock::now(),
            )
        });
        match download_text("comeback-actions.ics", "text/calendar", &text) {
            Ok(()) => set_message.set("Your dated actions are downloading as a calendar file.".into()),
            Err(err) => set_message.set(format!("Sorry, {err}.")),
        }
    };
    view! {
        <Card id="action-plan" title="My action plan" focus=true>
            <p class="hint">
                "Grouped by when they are due. Options from your "
                <a href=Route::Debrief.href()>"debrief"</a>
                ", follow-ups from your "
                <a href=Route::Share.href()>"outreach list"</a>
                " and milestones from your "
                <a href=Route::Mojo.href()>"side projects"</a>
                " can be added here too."
            </p>
            <Editable legend="Actions">
                {move || {
                    groups
                        .get()
                        .into_iter()
                        .map(|(horizon, ids)| {
                            view! {
                                <section class="horizon" aria-label=horizon.label()>
                                    <h3>{horizon.label()}</h3>
                                    <ul class="editable-list">
                                        {ids.into_iter().map(|id| view! { <ActionRow id=id today=today /> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()
                }}
                <AddLine id="new-action" label="Add an action" button="Add" on_add=add />
            </Editable>
            <Show when=move || dated() != 0>
                <div class="actions">
                    <button type="button" class="secondary" on:click=export>
                        {move || format!("Download {} dated action{} for my calendar (.ics)", dated(), if dated() == 1 { "" } else { "s" })}
                    </button>
                </div>
            </Show>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}

#[component]
fn ActionRow(id: Uuid, today: NaiveDate) -> impl IntoView {
    let store = use_store();
    let action = move || {
        store.workbook.with(|workbook| {
            workbook.plan.actions.iter().find(|action| action.meta.id == id).cloned().unwrap_or_default()
        })
    };
    let title = move || {
        store.workbook.with(|workbook| {
            workbook
                .plan
                .actions
                .iter()
                .find(|action| action.meta.id == id)
                .map(|action| workbook.action_title(action))
                .unwrap_or_default()
        })
    };
    let horizon = move || store.workbook.with(|workbook| Horizon::of(action().due, today, workbook.week_starts()));
    let move_to = move |key: String| {
        if let Some(horizon) = Horizon::from_key(&key) {
            let week = store.workbook.mojo().week_starts_on().get_untracked();
            store.edit_plan(move |plan, now| plan.move_to(id, horizon, today, week, now));
            // The row now stands in another group: keep the keyboard on it.
            focus_by_id(format!("action-{id}-move"));
        }
    };
    let due_id = format!("action-{id}-due");
    let move_id = format!("action-{id}-move");
    view! {
        <li class="action-row">
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || action().done
                    on:change:target=move |event| {
                        let done = event.target().checked();
                        store.edit_plan(move |plan, now| plan.set_done(id, done, clock::today(), now));
                    }
                />
                <span class:done-text=move || action().done>{title}</span>
            </label>
            <p class="hint">{move || action().due.map(|due| format!("Due {}", date_label(due))).unwrap_or_else(|| "No date yet".into())}</p>
            <div class="row">
                <div class="field">
                    <label for=due_id.clone()>{move || format!("Due date for “{}”", title())}</label>
                    <input
                        id=due_id
                        type="date"
                        prop:value=move || action().due.map(|due| due.to_string()).unwrap_or_default()
                        on:change:target=move |event| {
                            let due = crate::components::fields::parse_date_input(&event.target().value());
                            store.edit_plan(move |plan, now| plan.update_action(id, now, |action| action.due = due));
                        }
                    />
                </div>
                <div class="field">
                    <label for=move_id.clone()>{move || format!("Move “{}” to", title())}</label>
                    <select id=move_id on:change:target=move |event| move_to(event.target().value())>
                        {Horizon::ALL
                            .into_iter()
                            .map(|option| view! { <option value=option.key() prop:selected=move || horizon() == option>{option.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <RemoveButton label=move || format!("Delete action “{}”", title()) on_click=move |_| store.edit_plan(move |plan, now| plan.remove_action(id, now)) />
            </div>
        </li>
    }
}
