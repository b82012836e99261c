//! Keeps the current [`Route`] in a signal that follows `location.hash`,
//! sets the document title, and moves focus to the new page's heading so
//! screen-reader and keyboard users land where the content starts.

use leptos::prelude::*;

use crate::route::Route;
use crate::web::{document, focus, location};

/// The current route, updated on every `hashchange`.
pub fn use_hash_route() -> ReadSignal<Route> {
    let current = || Route::from_hash(&location_hash().unwrap_or_default());
    let (route, set_route) = signal(current());
    location::on_hash_change(move || set_route.set(current()));

    Effect::new(move |_| document::set_title(&route.with(Route::title)));
    // A new page moves focus to its heading; a new screen of the debrief's
    // sequence is the same page, which moves focus itself.
    let page = Memo::new(move |_| route.with(Route::page));
    Effect::watch(move || page.get(), |_, _, _| focus::focus_page_heading_after_route_change(), false);
    route
}

/// The skip link moves focus to the main content without touching the
/// fragment, which holds the route.
pub fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    focus::focus_now("main");
}
