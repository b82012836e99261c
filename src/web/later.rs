//! Work that can wait until a page is on screen: it runs in a task of its
//! own after the next frame, so opening the page does not wait for it.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `run` once the next frame has been painted.
pub fn after_paint(run: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
}
