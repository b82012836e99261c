//! Notices when the person has left the app alone for a while (no key
//! pressed, no tap or click), for the lock's idle time (`web::lock`).

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;

use super::clock;

/// How often the idle time is checked (a hidden tab's timers run at most
/// once a minute: it locks within a minute of its time then).
const CHECK_EVERY: Duration = Duration::from_secs(5);

thread_local! {
    /// The idle time in minutes (`None`: never), changeable while watched.
    static LIMIT: Cell<Option<u32>> = const { Cell::new(None) };
    static LAST_SEEN: Cell<f64> = const { Cell::new(0.0) };
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `on_idle` once `minutes` pass without a keystroke, tap or click
/// (never while `minutes` is `None`). Watches once per page: a second call
/// only changes the time, as [`set_limit`] does.
pub fn watch(minutes: Option<u32>, on_idle: impl Fn() + 'static) {
    set_limit(minutes);
    if WATCHING.with(|watching| watching.replace(true)) {
        return;
    }
    let seen = || LAST_SEEN.with(|last| last.set(clock::now_ms()));
    seen();
    // Dropping a handle keeps its listener: it lives as long as the page.
    let _ = window_event_listener(leptos::ev::keydown, move |_| seen());
    let _ = window_event_listener(leptos::ev::pointerdown, move |_| seen());
    let _ = set_interval_with_handle(
        move || {
            let Some(minutes) = LIMIT.with(Cell::get) else { return };
            if clock::now_ms() - LAST_SEEN.with(Cell::get) >= f64::from(minutes) * 60_000.0 {
                on_idle();
            }
        },
        CHECK_EVERY,
    );
}

/// Changes the idle time of the watch (counted from the last keystroke or tap).
pub fn set_limit(minutes: Option<u32>) {
    LIMIT.with(|limit| limit.set(minutes));
}
