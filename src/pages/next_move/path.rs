//! Choosing the path: options side by side, scored on weighted criteria,
//! and the choice, which can change later.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::{AddLine, RemoveButton};
use crate::model::live::*;
use crate::model::meta::Records;
use crate::model::plan::path::{TypedScore, MAX_SCORE};
use crate::store::use_store;

#[component]
pub fn PathChoiceSection() -> impl IntoView {
    let store = use_store();
    let path = store.workbook.plan().path();
    // Keyed by id; each row reads its own name (a merge or another tab can rename it).
    let options = Memo::new(move |_| path.with(|path| path.options.ids()));
    let criteria = Memo::new(move |_| path.with(|path| path.criteria.ids()));
    let add_option = Callback::new(move |name: String| {
        store.edit_plan(move |plan, now| {
            plan.path.add_option(&name, now);
        })
    });
    let remove_option =
        Callback::new(move |option: Uuid| store.edit_plan(move |plan, now| plan.remove_path_option(option, now)));
    let add_criterion = Callback::new(move |name: String| {
        store.edit_plan(move |plan, now| {
            plan.path.add_criterion(&name, now);
        })
    });
    let summary = move || {
        path.with(|path| {
            let leader = path
                .leader()
                .and_then(|id| path.options.by_id(id))
                .map(|option| format!("{} scores highest ({}%).", option.name, path.score(option).percent));
            let chosen = path.chosen_option().map(|option| format!("Your choice: {}.", option.name));
            match (leader, chosen) {
                (None, None) => "Score each option to see how they compare.".to_owned(),
                (leader, chosen) => [leader, chosen].into_iter().flatten().collect::<Vec<_>>().join(" "),
            }
        })
    };
    view! {
        <Card id="choose-path" title="Choose the path" focus=true hint="Score each option from 0 (poor) to 5 (excellent) on what matters to you (leave a box empty until you know), and weight what matters from 0 (ignore it) to 5 (matters most). The scores only advise: the choice is yours, and you can change it later.">
            <Editable legend="Path options and criteria">
                <div class="table-scroll" role="region" aria-label="Scores side by side" tabindex="0">
                    <table class="scores">
                        <thead>
                            <tr>
                                <th scope="col">"What matters"</th>
                                <th scope="col">"Weight"</th>
                                <For each=move || options.get() key=|option| *option let(option)>
                                    <th scope="col">{option_name(option)}</th>
                                </For>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || criteria.get() key=|criterion| *criterion let(criterion)>
                                <CriterionRow criterion=criterion options=options />
                            </For>
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" colspan="2">"Weighted score"</th>
                                <For each=move || options.get() key=|option| *option let(option)>
                                    <td class="score">{move || path.with(|path| {
                                        path.options.by_id(option).map(|candidate| {
                                            let score = path.score(candidate);
                                            format!("{}% ({} of {} scored)", score.percent, score.scored, score.criteria)
                                        })
                                    })}</td>
                                </For>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class="message" role="status">{summary}</p>
                <fieldset class="choice-group">
                    <legend>"My choice"</legend>
                    <For each=move || options.get() key=|option| *option let(option)>
                        <ChoiceRow option=option on_remove=remove_option />
                    </For>
                    <Show when=move || path.with(|path| path.chosen.is_some())>
                        <button type="button" class="link" on:click=move |_| store.edit_plan(|plan, now| plan.path.choose(None, now))>
                            "I have not decided yet"
                        </button>
                    </Show>
                </fieldset>
                <div class="row">
                    <AddLine id="new-path-option" label="Add an option of your own" button="Add option" on_add=add_option />
                    <AddLine id="new-criterion" label="Add something that matters to you" button="Add criterion" on_add=add_criterion />
                </div>
            </Editable>
        </Card>
    }
}

/// The name of the path's option `id`, as it changes.
fn option_name(id: Uuid) -> Memo<String> {
    let path = use_store().workbook.plan().path();
    Memo::new(move |_| path.with(|path| path.options.by_id(id).map(|option| option.name.clone()).unwrap_or_default()))
}

/// The name of the path's criterion `id`, as it changes.
fn criterion_name(id: Uuid) -> Memo<String> {
    let path = use_store().workbook.plan().path();
    Memo::new(move |_| {
        path.with(|path| path.criteria.by_id(id).map(|criterion| criterion.name.clone()).unwrap_or_default())
    })
}

/// An option to choose, by its radio button, or to remove.
#[component]
fn ChoiceRow(option: Uuid, on_remove: Callback<Uuid>) -> impl IntoView {
    let store = use_store();
    let path = store.workbook.plan().path();
    let name = option_name(option);
    view! {
        <div class="choice-row">
            <label class="choice">
                <input
                    type="radio"
                    name="path-choice"
                    prop:checked=move || path.with(|path| path.chosen == Some(option))
                    on:change=move |_| store.edit_plan(move |plan, now| plan.path.choose(Some(option), now))
                />
                <span>{name}</span>
            </label>
            <RemoveButton label=move || format!("Remove the option “{}”", name.get()) text="Remove" small=true on_click=move |_| on_remove.run(option) />
        </div>
    }
}

#[component]
fn CriterionRow(criterion: Uuid, options: Memo<Vec<Uuid>>) -> impl IntoView {
    let store = use_store();
    let weight = Memo::new(move |_| {
        store.workbook.plan().path().with(|path| path.criteria.by_id(criterion).map_or(0, |candidate| candidate.weight))
    });
    let name = criterion_name(criterion);
    view! {
        <tr>
            <th scope="row">
                {name}
                " "
                <RemoveButton label=move || format!("Remove “{}”", name.get()) text="Remove" small=true on_click=move |_| store.edit_plan(move |plan, now| plan.remove_criterion(criterion, now)) />
            </th>
            <td>
                <ScoreField
                    label=Signal::derive(move || format!("Weight of “{}”", name.get()))
                    value=Signal::derive(move || Some(weight.get()))
                    on_change=Callback::new(move |weight: Option<u8>| {
                        // A weight has no "not scored": an empty field keeps it.
                        if let Some(weight) = weight {
                            store.edit_plan(move |plan, now| plan.path.set_weight(criterion, weight, now));
                        }
                    })
                />
            </td>
            <For each=move || options.get() key=|option| *option let(option)>
                <td>
                    <ScoreCell option=option criterion=criterion label=Signal::derive({
                        let option = option_name(option);
                        move || format!("{}: {}", option.get(), name.get())
                    }) />
                </td>
            </For>
        </tr>
    }
}

#[component]
fn ScoreCell(option: Uuid, criterion: Uuid, label: Signal<String>) -> impl IntoView {
    let store = use_store();
    let score = Memo::new(move |_| {
        store
            .workbook
            .plan()
            .path()
            .with(|path| path.options.by_id(option).and_then(|found| found.scores.get(&criterion).copied()))
    });
    view! {
        <ScoreField
            label
            value=score.into()
            on_change=Callback::new(move |score| {
                store.edit_plan(move |plan, now| plan.path.set_score(option, criterion, score, now));
            })
        />
    }
}

/// A number field of the grid, from 0 to `MAX_SCORE`, empty while not
/// scored. The grid holds one per option and criterion, and a number field
/// costs the browser about a third of what a `<select>` of seven choices
/// does to draw (0.22 against 0.75 ms each at 4× CPU throttle).
#[component]
fn ScoreField(label: Signal<String>, value: Signal<Option<u8>>, on_change: Callback<Option<u8>>) -> impl IntoView {
    let text = |value: Option<u8>| value.map(|value| value.to_string()).unwrap_or_default();
    let shown = move || text(value.get());
    view! {
        <input
            type="number"
            inputmode="numeric"
            min="0"
            max=MAX_SCORE.to_string()
            step="1"
            aria-label=label
            prop:value=shown
            on:change:target=move |event| {
                let field = event.target();
                match TypedScore::read(&field.value()) {
                    TypedScore::Empty => on_change.run(None),
                    TypedScore::Score(score) => on_change.run(Some(score)),
                    TypedScore::Unreadable => {}
                }
                // Shows what was kept: 9 becomes 5, and text that says
                // nothing (or an emptied weight) shows the value again.
                field.set_value(&text(value.get_untracked()));
            }
        />
    }
}
