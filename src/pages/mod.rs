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

use leptos::html::Main;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

use crate::route::Route;
use crate::web::later;
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

/// A page on screen: its view and the owner of its signals and effects.
struct ShownPage {
    view: AnyViewState,
    owner: Owner,
}

impl ShownPage {
    /// Drops the view, then the signals and effects it read.
    fn drop_in_order(self) {
        let ShownPage { view, owner } = self;
        drop(view);
        drop(owner);
    }
}

/// Draws the page for `route` at the end of `host` (the app's `<main>`), and
/// the next one in its place when the route moves to another page. The page
/// left is taken off the screen at once but dropped after the next paint:
/// dropping the Mojo page with the benchmark's data (2,000 logged entries)
/// took longer than drawing Today, and the person waited for both.
pub fn show_pages(route: Memo<Route>, host: NodeRef<Main>) {
    // Each page gets an owner of its own under the app's (for its context:
    // the store, the route), not under this effect's, which would drop the
    // page's signals the moment the route changes.
    let app = Owner::current();
    Effect::new(move |shown: Option<Option<ShownPage>>| {
        let route = route.get();
        let host = host.get()?;
        let owner = app.as_ref().map_or_else(Owner::new, Owner::child);
        let mut view = owner.with(|| untrack(|| view! { <Page route=route /> }.into_any().build()));
        match shown.flatten() {
            Some(mut left) => {
                left.view.insert_before_this(&mut view);
                left.view.unmount();
                later::after_paint(move || left.drop_in_order());
            }
            None => view.mount(&host, None),
        }
        Some(ShownPage { view, owner })
    });
}
