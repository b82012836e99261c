//! The native test suite: one binary with a module per topic, so the app and
//! Leptos are linked once rather than once per topic (ripgrep's layout).
//! Fixtures live in `tests/fixtures/`. The browser tests (`web_storage.rs`,
//! `web_crypto.rs`) are binaries of their own, run in headless Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod backup;
mod dates;
mod debrief;
mod debrief_markdown;
mod decide;
mod encrypted;
mod first_steps;
mod ics;
mod import;
mod kept;
mod live_state;
mod lock;
mod merge;
mod model;
mod model_layers;
mod mojo;
mod next_move;
mod numbers;
mod outreach;
mod parts;
mod progress;
mod review;
mod room;
mod sequence;
mod sorting;
mod stored;
mod today;
mod words;
