//! One file per page of the app.

pub mod backup;
pub mod debrief;
pub mod first_steps;
pub mod lazy;
pub mod mojo;
pub mod next_move;
pub mod not_found;
pub mod share;
pub mod today;

use leptos::prelude::*;

use crate::route::Route;
use lazy::{Chunk, LazyPage};

fn lazy_page(chunk: Chunk) -> AnyView {
    view! { <LazyPage chunk=chunk /> }.into_any()
}

/// The page for a route.
#[component]
pub fn Page(route: Route) -> impl IntoView {
    match route {
        Route::Today => today::TodayPage().into_any(),
        Route::FirstSteps => first_steps::FirstStepsPage().into_any(),
        Route::Debrief => debrief::DebriefPage().into_any(),
        Route::DebriefSession => debrief::session::SessionPage().into_any(),
        Route::Share => share::SharePage().into_any(),
        Route::Mojo => mojo::MojoPage().into_any(),
        Route::NextMove => next_move::NextMovePage().into_any(),
        // From a chunk of its own (see `lazy`).
        Route::Backup => lazy_page(Chunk::Backup),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path /> }.into_any(),
    }
}
