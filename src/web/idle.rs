//! Notices when the person has left the app alone for a while (no key
//! pressed, no tap or click), for the lock's idle time (`web::lock`).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::clock;

/// How often the idle time is checked (a hidden tab's timers run at most
/// once a minute: it locks within a minute of its time then).
const CHECK_EVERY: Duration = Duration::from_secs(5);

/// Runs `on_idle` once `minutes` pass without a keystroke, tap or click.
pub fn watch(minutes: u32, on_idle: impl Fn() + 'static) {
    let last = Rc::new(Cell::new(clock::now_ms()));
    // Dropping a handle keeps its listener: it lives as long as the page.
    let seen = last.clone();
    let _ = window_event_listener(leptos::ev::keydown, move |_| seen.set(clock::now_ms()));
    let seen = last.clone();
    let _ = window_event_listener(leptos::ev::pointerdown, move |_| seen.set(clock::now_ms()));
    let limit = f64::from(minutes) * 60_000.0;
    let _ = set_interval_with_handle(
        move || {
            if clock::now_ms() - last.get() >= limit {
                on_idle();
            }
        },
        CHECK_EVERY,
    );
}
