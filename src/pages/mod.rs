//! One file per page of the app.

pub mod backup;
pub mod debrief;
pub mod first_steps;
pub mod mojo;
pub mod next_move;
pub mod not_found;
pub mod share;
pub mod today;

use leptos::prelude::*;

use crate::route::Route;

/// The page for a route.
#[component]
pub fn Page(route: Route) -> impl IntoView {
    match route {
        Route::Today => today::TodayPage().into_any(),
        Route::FirstSteps => first_steps::FirstStepsPage().into_any(),
        Route::Debrief => debrief::DebriefPage().into_any(),
        Route::DebriefGuide(_) => view! { <debrief::sequence::SequencePage focused=false /> }.into_any(),
        Route::DebriefSession(_) => view! { <debrief::sequence::SequencePage focused=true /> }.into_any(),
        Route::Share => share::SharePage().into_any(),
        Route::Mojo => mojo::MojoPage().into_any(),
        Route::NextMove => next_move::NextMovePage().into_any(),
        Route::Backup => backup::BackupPage().into_any(),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path /> }.into_any(),
    }
}
