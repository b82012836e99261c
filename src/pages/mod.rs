//! One file per page of the app.

pub mod backup;
pub mod debrief;
pub mod first_steps;
pub mod lazy;
pub mod mojo;
pub mod next_move;
pub mod not_found;
pub mod review;
pub mod share;
pub mod today;
pub mod unlock;

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
        // The other pages come from chunks of their own (see `lazy`).
        Route::FirstSteps => lazy_page(Chunk::FirstSteps),
        Route::Debrief => lazy_page(Chunk::Debrief),
        Route::DebriefGuide(_) | Route::DebriefSession(_) => lazy_page(Chunk::DebriefSequence),
        Route::Share => lazy_page(Chunk::Share),
        Route::Mojo => lazy_page(Chunk::Mojo),
        Route::NextMove => lazy_page(Chunk::NextMove),
        Route::Backup => lazy_page(Chunk::Backup),
        Route::Review(_) => lazy_page(Chunk::Review),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path /> }.into_any(),
    }
}
