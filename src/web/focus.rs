//! Moves keyboard focus after the page changes under the person's hands
//! (a new row added, a dialog closed), once the DOM has been updated.

use std::cell::Cell;

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

thread_local! {
    /// A route change found no heading yet: its page is still being fetched.
    static HEADING_AWAITED: Cell<bool> = const { Cell::new(false) };
}

/// After a route change, moves focus to the new page's heading on the next
/// frame, so screen-reader and keyboard users land where the content starts.
/// A page still being fetched has no heading yet: it calls
/// [`page_heading_ready`] once it is drawn.
pub fn focus_page_heading_after_route_change() {
    HEADING_AWAITED.set(false);
    request_animation_frame(|| HEADING_AWAITED.set(!focus_page_heading()));
}

/// Called by a page that was fetched, once it is drawn: takes the focus a
/// route change left waiting for it, if any.
pub fn page_heading_ready() {
    if HEADING_AWAITED.replace(false) {
        focus_page_heading();
    }
}

/// Focuses the page's `h1`; false when there is none.
fn focus_page_heading() -> bool {
    let heading = document().query_selector("main h1").ok().flatten();
    match heading.map(|heading| heading.dyn_into::<web_sys::HtmlElement>()) {
        Some(Ok(heading)) => heading.focus().is_ok(),
        _ => false,
    }
}

/// Focuses the element with `id` at once, if it exists (the skip link's
/// target, already on the page).
pub fn focus_now(id: &str) {
    if let Some(Ok(element)) =
        document().get_element_by_id(id).map(|element| element.dyn_into::<web_sys::HtmlElement>())
    {
        let _ = element.focus();
    }
}

/// Focuses the element with `id` on the next frame, if it exists.
pub fn focus_by_id(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// After adding a record: focuses its first field (`field` names it from
/// the record's id), if a record was added.
pub fn focus_added(added: Option<uuid::Uuid>, field: impl FnOnce(uuid::Uuid) -> String) {
    if let Some(id) = added {
        focus_by_id(field(id));
    }
}

/// Focuses, on the next frame, the first of `ids` that exists and is not
/// disabled (a "Move up" button that just reached the top, say).
pub fn focus_first_enabled(ids: Vec<String>) {
    request_animation_frame(move || {
        let document = document();
        let target = ids
            .iter()
            .filter_map(|id| document.get_element_by_id(id))
            .find(|element| !element.has_attribute("disabled"));
        if let Some(Ok(element)) = target.map(|element| element.dyn_into::<web_sys::HtmlElement>()) {
            let _ = element.focus();
        }
    });
}
