//! Comeback: a private, offline-first workbook for getting back on your feet
//! after a professional setback.
//!
//! - `model`: the workbook as plain data, with its rules (native tests).
//! - `io`: text in, model out and back (stored JSON, migrations).
//! - `save`: when to write, and the saved/not-saved state.
//! - `web`: the only code that touches browser APIs.
//! - `store`, `router`: the live state shared by the pages.
//! - `pages`, `components`: the user interface.

pub mod components;
pub mod derived;
pub mod io;
pub mod model;
pub mod pages;
pub mod route;
pub mod router;
pub mod save;
pub mod store;
pub mod web;

use leptos::prelude::*;

use components::{
    example_banner::ExampleBanner, nav::Nav, notices::Notices, save_indicator::SaveIndicator,
    update_banner::UpdateBanner,
};
use store::Store;

/// The app, once the workbook can be read: a locked one first asks for its
/// passphrase (`pages::unlock`, fetched only then).
#[component]
pub fn App() -> impl IntoView {
    let locked = RwSignal::new(web::storage::needs_unlock());
    provide_context(pages::unlock::Unlocked(Callback::new(move |()| locked.set(false))));
    view! {
        <Show
            when=move || !locked.get()
            fallback=|| view! {
                <main id="main" tabindex="-1" class="shell">
                    <pages::lazy::LazyPart chunk=pages::lazy::Chunk::Unlock />
                </main>
            }
        >
            <Readable />
        </Show>
    }
}

/// Where reading what is stored stands (see `web::decoder`).
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// The decoder's chunk is on its way.
    Fetching,
    /// Nothing stored, or the decoder is there.
    Ready,
    /// Its chunk could not be fetched.
    Failed,
}

/// The workbook, once what is stored can be read: with something stored,
/// the decoder's chunk is fetched first (from the service worker's copy,
/// since storing something means an earlier visit); a first visit needs none.
#[component]
fn Readable() -> impl IntoView {
    let ready = web::decoder::is_loaded() || !web::storage::workbook_stored();
    let reading = RwSignal::new(if ready { Reading::Ready } else { Reading::Fetching });
    let fetch = move || {
        reading.set(Reading::Fetching);
        leptos::task::spawn_local(async move {
            reading.set(match web::decoder::load().await {
                Ok(()) => Reading::Ready,
                Err(_) => Reading::Failed,
            });
        });
    };
    if !ready {
        fetch();
    }
    move || match reading.get() {
        Reading::Ready => view! { <Workbook /> }.into_any(),
        Reading::Fetching => ().into_any(),
        Reading::Failed => view! { <ReaderMissing retry=fetch /> }.into_any(),
    }
}

/// What a failed fetch of the decoder shows: nothing stored is touched.
#[component]
fn ReaderMissing(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <main id="main" tabindex="-1" class="shell">
            <pages::lazy::FetchFailed
                title="Your workbook could not be opened"
                text="Comeback could not fetch the part of the app that reads your saved workbook. If you are offline, try again once you are connected. If Comeback was updated in another tab, reload to use the new version. Nothing was changed."
                retry=retry
                reload=web::service_worker::reload_newest
            />
        </main>
    }
}

/// The workbook's pages around its live state.
#[component]
fn Workbook() -> impl IntoView {
    let store = Store::load();
    store.lock_when_idle();
    provide_context(store);
    derived::provide(store);
    components::theme::apply_theme();
    // The browser's install offer can come at any moment: listen from the start.
    components::install::provide_install_offer();
    let route = router::use_hash_route();
    // The sequence reads its screen from the route; the page itself is drawn
    // again only when the page changes (`pages::show_pages`).
    provide_context(route);
    let page = Memo::new(move |_| route.with(route::Route::page));
    // The other pages' code, fetched while nobody is waiting for it.
    pages::lazy::prefetch_when_idle();
    // The page itself, drawn at the end of <main>.
    let main = NodeRef::new();
    pages::show_pages(page, main);

    view! {
        <a class="skip-link" href="#main" on:click=router::skip_to_main>"Skip to content"</a>
        <div class="shell" class:focus-mode=move || route.with(|route| matches!(route, route::Route::DebriefSession(_)))>
            <header class="app-header">
                <a class="brand" href="#/">"Comeback"</a>
                <SaveIndicator />
            </header>
            <Nav route=route />
            <main id="main" tabindex="-1" node_ref=main>
                <UpdateBanner />
                <Notices />
                <ExampleBanner />
            </main>
        </div>
    }
}
