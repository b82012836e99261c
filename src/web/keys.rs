//! Keys the whole page listens for.

use leptos::prelude::{window_event_listener, WindowListenerHandle};
use wasm_bindgen::JsCast;

/// Calls `action` when Escape is pressed and nothing under it uses the key
/// itself: in a date, time or month field Escape closes the picker, in a
/// select it closes the list, and a handler that took the key says so.
pub fn on_escape(action: impl Fn() + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::keydown, move |event| {
        if event.key() == "Escape" && !event.default_prevented() && !used_by_its_control(&event) {
            action();
        }
    })
}

fn used_by_its_control(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    match element.tag_name().to_ascii_lowercase().as_str() {
        "select" => true,
        "input" => matches!(
            element.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
            "date" | "time" | "month" | "week" | "datetime-local"
        ),
        _ => false,
    }
}
