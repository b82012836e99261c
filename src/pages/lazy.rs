//! The pages a first visit does not need. In the release build each is a wasm
//! chunk of its own (the `split` feature: tools/build-wasm cuts the linked
//! wasm at these split points), fetched when the page is first opened, or
//! earlier once the app is idle, so that opening it rarely waits. Other
//! builds (tests, `trunk serve`) link them in as ordinary functions.

use leptos::prelude::*;

use crate::store::use_store;
use crate::web::{decoder, focus, later, service_worker, split_loader};

pub use crate::web::split_loader::ChunkMissing;

/// For each page: `$load` builds it from chunk `$chunk`, `$preload` only
/// fetches the chunk, and [`Chunk`] names it. `fallible`: a failed fetch is an
/// `Err` to show, not a panic (which would end the app), and is not
/// remembered, so the next call tries again.
macro_rules! page_chunks {
    ($($name:ident: $chunk:ident, $load:ident, $preload:ident => $page:expr;)*) => {
        $(
            #[cfg(feature = "split")]
            #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
            fn $load() -> Result<AnyView, ChunkMissing> {
                Ok($page.into_any())
            }

            #[cfg(not(feature = "split"))]
            async fn $load() -> Result<AnyView, ChunkMissing> {
                Ok($page.into_any())
            }

            #[cfg(not(feature = "split"))]
            async fn $preload() -> Result<(), ChunkMissing> {
                Ok(())
            }
        )*

        /// The pages, and parts of pages, that are not in the entry module.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Chunk {
            $($name,)*
        }

        impl Chunk {
            /// Every chunk, in the order the idle prefetch fetches them.
            pub const ALL: &[Chunk] = &[$(Chunk::$name,)*];

            async fn load(self) -> Result<AnyView, ChunkMissing> {
                // Restoring reads backups and snapshots: the reader comes first.
                if self == Chunk::Backup {
                    decoder::load().await?;
                }
                match self {
                    $(Chunk::$name => $load().await,)*
                }
            }

            async fn preload(self) -> bool {
                match self {
                    $(Chunk::$name => $preload().await.is_ok(),)*
                }
            }
        }
    };
}

// In the order a person new to the workbook is likely to open them, after
// Today's keep-going cards, which show once the person has started: several
// pages load that file too (code merged into it, tools/merge-chunks.js), so
// it is fetched before them, alone.
page_chunks! {
    KeepGoing: keep_going, load_keep_going, preload_keep_going => super::review::keep_going::KeepGoing();
    FirstSteps: first_steps, load_first_steps, preload_first_steps => super::first_steps::FirstStepsPage();
    Debrief: debrief, load_debrief, preload_debrief => super::debrief::DebriefPage();
    DebriefSequence: debrief_sequence, load_debrief_sequence, preload_debrief_sequence => super::debrief::sequence::SequenceForRoute();
    Share: share, load_share, preload_share => super::share::SharePage();
    Mojo: mojo, load_mojo, preload_mojo => super::mojo::MojoPage();
    NextMove: next_move, load_next_move, preload_next_move => super::next_move::NextMovePage();
    Backup: backup, load_backup, preload_backup => super::backup::BackupPage();
    Review: review, load_review, preload_review => super::review::ReviewPage();
    Unlock: unlock, load_unlock, preload_unlock => super::unlock::UnlockPage();
    Notices: notices, load_notices, preload_notices => crate::components::notices::RareNotices();
}

/// Once the app is idle, fetches every chunk, so that a page opened later is
/// ready at once (and, with the service worker's copy, offline): the shared
/// chunks first, then each page's own, one file per idle period. All at once,
/// the fetches and instantiations made main-thread tasks of 50–200 ms at 4x
/// right after Today appeared (Lighthouse's blocking time 127 → 506 ms). A
/// chunk that fails here is simply fetched again when its page is opened.
pub fn prefetch_when_idle() {
    leptos::task::spawn_local(async {
        let mut shared = 0;
        loop {
            later::idle_period().await;
            if !split_loader::load_shared_chunk(shared).await {
                break;
            }
            shared += 1;
        }
        // The reader, which Backup and the rare work need (and a reload
        // with something stored, already there from the service worker).
        later::idle_period().await;
        let _ = decoder::load().await;
        // The unlock page is fetched only by a locked workbook, when it opens.
        for chunk in Chunk::ALL.iter().filter(|chunk| **chunk != Chunk::Unlock) {
            later::idle_period().await;
            chunk.preload().await;
        }
    });
}

/// A page from a chunk: shown once the chunk is there, or, when it cannot be
/// fetched, a plain message with a way to try again.
#[component]
pub fn LazyPage(chunk: Chunk) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let page = move || {
        attempt.track();
        Suspend::new(async move {
            match chunk.load().await {
                Ok(page) => {
                    // A route change to a page still loading found no heading
                    // to focus: its focus waits for the page to be drawn.
                    later::after_paint(focus::page_heading_ready);
                    page
                }
                Err(ChunkMissing) => {
                    view! { <ChunkFailed retry=move || attempt.update(|attempt| *attempt += 1) /> }.into_any()
                }
            }
        })
    };
    view! {
        <Suspense fallback=|| view! { <p class="page-loading" role="status">"Opening the page…"</p> }>{page}</Suspense>
    }
}

/// A part of a page (Today's keep-going cards, the rare notices) from a
/// chunk of its own, kept out of the entry module: nothing shows while it
/// loads, and a failed fetch is one line (`failed`) with a way to try
/// again, not a page of its own.
#[component]
pub fn LazyPart(
    chunk: Chunk,
    #[prop(default = "This part of the page could not be fetched. Your work is saved.")] failed: &'static str,
) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let part = move || {
        attempt.track();
        Suspend::new(async move {
            match chunk.load().await {
                Ok(part) => part,
                Err(ChunkMissing) => view! {
                    <p class="hint">
                        {failed}
                        " "
                        <button type="button" class="secondary" on:click=move |_| attempt.update(|attempt| *attempt += 1)>
                            "Try again"
                        </button>
                    </p>
                }
                .into_any(),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{part}</Suspense> }
}

/// What a failed chunk fetch shows. Nothing the person wrote is at risk: the
/// workbook is saved, only this page's code is missing.
#[component]
fn ChunkFailed(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let store = use_store();
    let reload = move || {
        store.save_now();
        service_worker::reload_newest();
    };
    view! {
        <section class="page">
            <FetchFailed
                title="This page could not be opened"
                text="Comeback could not fetch this part of the app. If you are offline, try again once you are connected. If Comeback was updated in another tab, reload to use the new version. Your work is saved either way."
                retry=retry
                reload=reload
            />
        </section>
    }
}

/// A part of the app that could not be fetched, said plainly, with "Try
/// again" and "Reload Comeback".
#[component]
pub fn FetchFailed(
    title: &'static str,
    text: &'static str,
    retry: impl Fn() + Copy + 'static,
    reload: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="banner warning" role="alert">
            <h1>{title}</h1>
            <p>{text}</p>
            <div class="actions">
                <button type="button" on:click=move |_| retry()>"Try again"</button>
                <button type="button" class="secondary" on:click=move |_| reload()>"Reload Comeback"</button>
            </div>
        </div>
    }
}
