//! The heading and opening words every page starts with. The heading takes
//! focus after a route change (see `router`), hence `tabindex="-1"`. A step's
//! page also says where that step stands, from its own small memo
//! (`derived::StepStates`), in the same words as its end and the navigation.

use leptos::prelude::*;

use crate::derived::use_step_states;
use crate::model::progress::Step;

#[component]
pub fn PageIntro(
    /// The page's one `h1`.
    title: &'static str,
    /// A line or two on what this page is for.
    lead: &'static str,
    /// The step of the method this page is for, if any.
    #[prop(optional)]
    step: Option<Step>,
) -> impl IntoView {
    let state = step.map(|step| (step, use_step_states().of(step)));
    view! {
        <h1 tabindex="-1">{title}</h1>
        {state.map(|(step, state)| view! {
            <p class="step-state">{move || format!("Step {} of 4 · {}", step.number(), state.get().label())}</p>
        })}
        <p class="lead">{lead}</p>
    }
}
