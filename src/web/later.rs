//! Work that can wait until a page is on screen: it runs in a task of its
//! own after the next frame, so opening the page does not wait for it.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::JsCast;

/// Runs `run` once the next frame has been painted.
pub fn after_paint(run: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
}

/// What an idle period must still have left for a slice of background work
/// to start in it: a chunk's fetch and instantiation take a few ms at 4x.
const IDLE_SLICE_MS: f64 = 10.0;

/// Resolves in an idle period with at least [`IDLE_SLICE_MS`] left of it, for
/// background work done a slice at a time (the pages' chunks fetched ahead):
/// each slice then runs while the browser has nothing else to do, and no slice
/// holds the main thread long enough to delay a tap. Without
/// `requestIdleCallback` (Safari), a short timer stands in for it.
pub async fn idle_period() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_idle_callbacks = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    loop {
        let next = js_sys::Promise::new(&mut |resolve, _| {
            let requested = if has_idle_callbacks {
                window.request_idle_callback(&resolve).is_ok()
            } else {
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).is_ok()
            };
            if !requested {
                // Nothing to wait for: the slice runs now rather than never.
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            }
        });
        let Ok(deadline) = wasm_bindgen_futures::JsFuture::from(next).await else {
            return;
        };
        match deadline.dyn_into::<web_sys::IdleDeadline>() {
            Ok(deadline) if deadline.time_remaining() < IDLE_SLICE_MS && !deadline.did_timeout() => continue,
            _ => return,
        }
    }
}
