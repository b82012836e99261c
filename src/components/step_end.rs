//! The end of each step's page: where the step stands, the "done" mark once
//! its core is there (see `model::progress`), and the way on to the next step.

use leptos::prelude::*;

use crate::components::fields::RadioChoice;
use crate::derived::use_step_states;
use crate::model::dates;
use crate::model::live::*;
use crate::model::progress::{EndState, Step, StepState};
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn StepEnd(step: Step) -> impl IntoView {
    let store = use_store();
    let state = use_step_states().of(step);
    let heading_id = format!("step-end-{}", step.number());
    let labelled_by = heading_id.clone();
    // The step's own mark only: an edit elsewhere does not touch this card.
    let workbook = store.workbook;
    let done_at = move || match step {
        Step::Debrief => workbook.debrief().done_at().get(),
        Step::Share => workbook.outreach().done_at().get(),
        Step::Mojo => workbook.mojo().done_at().get(),
        Step::NextMove => workbook.plan().done_at().get(),
    };
    let mark = move |done: bool| match step {
        // The debrief is marked in its closure card, above.
        Step::Debrief => {}
        Step::Share => store.edit_outreach(move |outreach, now| outreach.set_done(done, now)),
        Step::Mojo => store.edit_mojo(move |mojo, now| mojo.set_done(done, now)),
        Step::NextMove => store.edit_plan(move |plan, now| match (done, plan.end_in_view()) {
            (true, Some(end)) => plan.mark_done(end, now),
            (true, None) => {}
            (false, _) => plan.reopen(now),
        }),
    };
    let status = move || match (state.get(), done_at()) {
        (StepState::Done, Some(at)) => {
            format!("Step {} is done, since {}.", step.number(), dates::long(at.date_naive()))
        }
        (StepState::Ready, _) => ready_words(step).to_owned(),
        (StepState::UnderWay, _) => under_way_words(step).to_owned(),
        _ => not_started_words(step).to_owned(),
    };
    let next = match step.next() {
        Some(next) => view! {
            <a href=Route::of_step(next).href()>{format!("Go on to Step {}: {}", next.number(), next.name())}</a>
        }
        .into_any(),
        None => view! { <a href=Route::Today.href()>"Back to Today"</a> }.into_any(),
    };
    view! {
        <section class="card step-end" aria-labelledby=labelled_by>
            <h2 id=heading_id>{format!("Where Step {} stands", step.number())}</h2>
            {(step == Step::NextMove).then(|| view! { <EndChoice /> })}
            <p>{status}</p>
            {move || (step != Step::Debrief).then(|| match state.get() {
                StepState::Done => view! {
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| mark(false)>
                            {format!("Reopen Step {}", step.number())}
                        </button>
                    </div>
                }
                .into_any(),
                StepState::Ready => view! {
                    <div class="actions">
                        <button type="button" on:click=move |_| mark(true)>{mark_label(step)}</button>
                    </div>
                }
                .into_any(),
                _ => ().into_any(),
            })}
            <p class="lead-on">{next}</p>
        </section>
    }
}

/// Step 4: what finishing the move means for this person.
#[component]
fn EndChoice() -> impl IntoView {
    let store = use_store();
    let end = move || store.workbook.plan().with(|plan| plan.end_in_view());
    let choices = EndState::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <RadioChoice
                    name="end-state"
                    label=choice.label()
                    checked=Signal::derive(move || end() == Some(choice))
                    on_choose=Callback::new(move |()| store.edit_plan(move |plan, now| plan.set_end_state(Some(choice), now)))
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>"My move is made when…"</legend>
            {choices}
        </fieldset>
    }
}

fn mark_label(step: Step) -> &'static str {
    match step {
        Step::Debrief => "Mark the debrief done",
        Step::Share => "Mark Step 2 done",
        Step::Mojo => "Mark Step 3 done",
        Step::NextMove => "I have made my move",
    }
}

fn ready_words(step: Step) -> &'static str {
    match step {
        Step::Debrief => {
            "Your key lesson and your closure are written. Mark the debrief done above when you are ready."
        }
        Step::Share => "Your news is out. When you feel it is shared, mark this step done: you can keep adding people.",
        Step::Mojo => "Something is under way. When you feel steadier, mark this step done: your projects carry on.",
        Step::NextMove => "When you have reached it, say so here: that is your comeback.",
    }
}

fn under_way_words(step: Step) -> &'static str {
    match step {
        Step::Debrief => "Under way. Choose the one lesson that matters most and write your closure, and this step is ready to close.",
        Step::Share => "Under way. Post your news somewhere, or tell a first few people, and you can mark this step done.",
        Step::Mojo => "Under way. Log some time on a side project, plan an event, or take rest on purpose, and you can mark this step done.",
        Step::NextMove => "Under way. Choose your path above and say what finishing looks like for you.",
    }
}

fn not_started_words(step: Step) -> &'static str {
    match step {
        Step::Debrief => "Not started. Begin with what happened, in a sentence or two.",
        Step::Share => "Not started. Choose a day to start sharing, or add the first people to tell.",
        Step::Mojo => "Not started. One small side project, an event, or planned rest is a start.",
        Step::NextMove => "Not started. Compare the paths above and choose one; you can change it later.",
    }
}
