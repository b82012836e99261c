//! Moving to another page of the app from code (a button, not a link).

use leptos::prelude::{window, window_event_listener};

/// Goes to `href`, a route's `#/…` address; the router follows.
pub fn go_to(href: &str) {
    let _ = window().location().set_hash(href);
}

/// Starts the page again (after a lock: nothing stays in memory).
pub fn reload() {
    let _ = window().location().reload();
}

/// Runs `changed` after every change of `location.hash` (links, Back, code).
pub fn on_hash_change(changed: impl Fn() + 'static) {
    let _ = window_event_listener(leptos::ev::hashchange, move |_| changed());
}
