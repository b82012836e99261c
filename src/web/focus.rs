//! Moves keyboard focus after the page changes under the person's hands
//! (a new row added, a dialog closed), once the DOM has been updated.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

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
