//! Work that can wait until a page is on screen: it runs in a task of its
//! own after the next frame, so opening the page does not wait for it.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, request_idle_callback, set_timeout};

/// Runs `run` once the next frame has been painted.
pub fn after_paint(run: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(run, Duration::ZERO));
}

/// Runs `run` once the browser is idle (after loading and the first paint),
/// for work nobody waits for, such as fetching the pages not yet opened.
pub fn when_idle(run: impl FnOnce() + 'static) {
    let run = std::cell::Cell::new(Some(run));
    request_idle_callback(move || {
        if let Some(run) = run.take() {
            run();
        }
    });
}
