//! The survival budget: cash, money still coming in, essential and optional
//! costs, and how long the money lasts. The Next move step shows the same
//! runway from these same figures.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::model::first_steps::{date_label, format_amount, months_label, parse_amount, BudgetList, MoneyLine, Runway};
use crate::model::live::*;
use crate::model::RecordMeta;
use crate::route::Route;
use crate::store::use_store;
use crate::web::{clock, focus::focus_by_id};

const LISTS: [(BudgetList, &str, &str, &str); 3] = [
    (
        BudgetList::Income,
        "Money still coming in each month",
        "Severance instalments, benefits, a partner's income, freelance work.",
        "Income",
    ),
    (
        BudgetList::Essential,
        "Essential monthly costs",
        "Rent or mortgage, food, utilities, health, debt payments.",
        "Essential cost",
    ),
    (
        BudgetList::Optional,
        "Costs you could pause",
        "Subscriptions, memberships, eating out: what could stop for a while.",
        "Optional cost",
    ),
];

#[component]
pub fn BudgetEditor() -> impl IntoView {
    let store = use_store();
    let savings = store.workbook.with_untracked(|workbook| workbook.first_steps.budget.savings_cents);
    let (savings_error, set_savings_error) = signal(false);
    view! {
        <Card id="budget" title="Survival budget" hint="Monthly amounts. Rough figures are fine; you can refine them any time.">
            <div class="row">
                <div class="field grow">
                    <label for="budget-savings">"Savings and other cash"</label>
                    <input
                        id="budget-savings"
                        type="text"
                        inputmode="decimal"
                        value=(savings != 0).then(|| format_amount(savings))
                        aria-invalid=move || savings_error.get().then_some("true")
                        on:input:target=move |event| match parse_amount(&event.target().value()) {
                            Some(cents) => {
                                set_savings_error.set(false);
                                store.edit_first_steps(move |first_steps, now| {
                                    first_steps.budget.savings_cents = cents;
                                    first_steps.updated_at = Some(now);
                                });
                            }
                            None => set_savings_error.set(true),
                        }
                    />
                </div>
                <div class="field">
                    <label for="budget-currency">"Currency (optional)"</label>
                    <input
                        id="budget-currency"
                        type="text"
                        maxlength="8"
                        prop:value=move || store.workbook.first_steps().with(|first_steps| first_steps.budget.currency.clone())
                        on:input:target=move |event| {
                            let currency = event.target().value();
                            store.edit_first_steps(move |first_steps, now| {
                                first_steps.budget.currency = currency;
                                first_steps.updated_at = Some(now);
                            });
                        }
                    />
                </div>
            </div>
            <Show when=move || savings_error.get()>
                <p class="error">"Use digits, like 1250.50."</p>
            </Show>
            {LISTS.into_iter().map(|(list, title, hint, item)| view! { <MoneyList list=list title=title hint=hint item=item /> }).collect_view()}
            <RunwaySummary />
        </Card>
    }
}

#[component]
fn MoneyList(list: BudgetList, title: &'static str, hint: &'static str, item: &'static str) -> impl IntoView {
    let store = use_store();
    let ids = move || {
        store.workbook.with(|workbook| {
            workbook.first_steps.budget.lines(list).iter().map(|line| line.meta.id).collect::<Vec<Uuid>>()
        })
    };
    let add = move |_| {
        let mut added = None;
        store.edit_first_steps(|first_steps, now| {
            let line = MoneyLine { meta: RecordMeta::new(now), ..MoneyLine::default() };
            added = Some(line.meta.id);
            first_steps.budget.lines_mut(list).push(line);
        });
        if let Some(id) = added {
            focus_by_id(format!("money-{id}-label"));
        }
    };
    view! {
        <h3>{title}</h3>
        <p class="hint">{hint}</p>
        <ul class="editable-list">
            <For each=ids key=|id| *id let:id>
                <MoneyRow list=list id=id item=item />
            </For>
        </ul>
        <div class="actions">
            <button type="button" class="secondary" on:click=add>{format!("Add a line: {}", title.to_lowercase())}</button>
        </div>
    }
}

#[component]
fn MoneyRow(list: BudgetList, id: Uuid, item: &'static str) -> impl IntoView {
    let store = use_store();
    let line = move || {
        store.workbook.with(|workbook| {
            workbook.first_steps.budget.lines(list).iter().find(|line| line.meta.id == id).cloned().unwrap_or_default()
        })
    };
    let number = move || {
        store.workbook.with(|workbook| {
            workbook.first_steps.budget.lines(list).iter().position(|line| line.meta.id == id).map_or(0, |at| at + 1)
        })
    };
    let update = move |change: Box<dyn FnOnce(&mut MoneyLine)>| {
        store.edit_first_steps(move |first_steps, now| {
            if let Some(line) = first_steps.budget.lines_mut(list).iter_mut().find(|line| line.meta.id == id) {
                change(line);
                line.meta.touch(now);
            }
            first_steps.updated_at = Some(now);
        })
    };
    // Typed amounts are not re-rendered while typing, so "12." stays as typed.
    let initial = line().monthly_cents;
    let (invalid, set_invalid) = signal(false);
    let label_id = format!("money-{id}-label");
    let amount_id = format!("money-{id}-amount");
    view! {
        <li class="row">
            <div class="field grow">
                <label for=label_id.clone()>{move || format!("{item} {}", number())}</label>
                <input
                    id=label_id
                    type="text"
                    prop:value=move || line().label
                    on:input:target=move |event| {
                        let label = event.target().value();
                        update(Box::new(move |line| line.label = label));
                    }
                />
            </div>
            <div class="field">
                <label for=amount_id.clone()>{move || format!("Per month, {} {}", item.to_lowercase(), number())}</label>
                <input
                    id=amount_id
                    type="text"
                    inputmode="decimal"
                    value=(initial != 0).then(|| format_amount(initial))
                    aria-invalid=move || invalid.get().then_some("true")
                    on:input:target=move |event| match parse_amount(&event.target().value()) {
                        Some(cents) => {
                            set_invalid.set(false);
                            update(Box::new(move |line| line.monthly_cents = cents));
                        }
                        None => set_invalid.set(true),
                    }
                />
            </div>
            <button
                type="button"
                class="secondary"
                aria-label=move || format!("Remove {} {}", item.to_lowercase(), number())
                on:click=move |_| store.edit_first_steps(move |first_steps, now| {
                    first_steps.budget.lines_mut(list).retain(|line| line.meta.id != id);
                    first_steps.removed.record(id, now);
                    first_steps.updated_at = Some(now);
                })
            >
                "Remove"
            </button>
            <Show when=move || invalid.get()>
                <p class="error">"Use digits, like 1250.50."</p>
            </Show>
        </li>
    }
}

/// How long the money lasts, with essentials only and with everything.
/// Shown on this page and in the Next move step, from the same figures.
#[component]
pub fn RunwaySummary(#[prop(optional)] with_link: bool) -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let describe = move |runway: Runway| match runway {
        Runway::Covered => "your income covers it: your savings are not being used up.".to_owned(),
        Runway::Months { months, runs_out } => {
            format!("{}, until about {}.", months_label(months), date_label(runs_out))
        }
    };
    let summary = move || {
        store.workbook.with(|workbook| {
            let budget = &workbook.first_steps.budget;
            budget
                .is_started()
                .then(|| (describe(budget.runway_essentials(today)), describe(budget.runway_everything(today))))
        })
    };
    view! {
        <section class="runway" aria-labelledby="runway-heading">
            <h3 id="runway-heading">"Your runway"</h3>
            {move || match summary() {
                Some((essentials, everything)) => view! {
                    <ul class="runway-figures">
                        <li><strong>"Essentials only: "</strong>{essentials}</li>
                        <li><strong>"Keeping everything: "</strong>{everything}</li>
                    </ul>
                }
                .into_any(),
                None => view! { <p class="hint">"Enter your savings and monthly costs to see how long your money lasts."</p> }.into_any(),
            }}
            {with_link.then(|| view! { <p><a href=Route::FirstSteps.href()>"Edit your survival budget"</a></p> })}
        </section>
    }
}
