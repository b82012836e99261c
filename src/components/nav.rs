//! The main navigation: a bottom bar on phones, a side bar on wide screens
//! (the layout is CSS; the markup is one list). Each step's link shows
//! whether the step is done, and the first step not done yet is marked as
//! where the person is, from the small per-step memos (`derived::StepStates`).

use leptos::prelude::*;

use crate::derived::use_step_states;
use crate::route::Route;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let states = use_step_states();
    let links = Route::NAV
        .into_iter()
        .map(|target| {
            let href = target.href();
            // On a phone only the first word shows (the rest stays in the
            // link's name), so that seven labels fit on one line at 320 px.
            let (first, rest) = match target.nav_label().split_once(' ') {
                Some((first, rest)) => (first, Some(format!(" {rest}"))),
                None => (target.nav_label(), None),
            };
            let step = target.step();
            let is_current = move || route.with(|current| current.step().is_some() && current.step() == step || *current == target);
            let done = move || step.is_some_and(|step| states.of(step).get().is_done());
            let here = move || step.is_some() && states.current() == step;
            view! {
                <li>
                    <a href=href aria-current=move || is_current().then_some("page") class:step-done=done class:step-here=here>
                        // One inline box, so the space before the rest stays.
                        <span class="nav-label">
                            {first}
                            {rest.map(|rest| view! { <span class="wide-only">{rest}</span> })}
                        </span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>{links}</ul>
        </nav>
    }
}
