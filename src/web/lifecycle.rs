//! The page's life around the app: leaving it (hidden, closed, reloaded)
//! and what another tab of the app writes to storage.

use leptos::prelude::{document, window_event_listener};

/// Runs `leaving` when the tab is hidden (phones often kill hidden tabs) and
/// when the page is unloaded (reload, close, navigate away). The listeners
/// last as long as the page.
pub fn on_leaving(leaving: impl Fn() + Clone + 'static) {
    let hidden = leaving.clone();
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            hidden();
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| leaving());
}

/// Runs `changed` with the key of each storage write made by another tab of
/// this origin (the browser sends no event to the tab that wrote).
pub fn on_other_tab_write(changed: impl Fn(String) + 'static) {
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        if let Some(key) = event.key() {
            changed(key);
        }
    });
}
