//! Banners about the stored data: a failed save, data from a newer version,
//! unreadable data, no storage at all, or storage nearly full. Each says
//! what happened, that nothing was lost, and what the person can do.
//!
//! All but the failed save are rare, and none is shown on a first visit
//! with storage working: their code is a chunk of its own ([`RareNotices`]),
//! fetched when one has something to say (or once the app is idle).

use leptos::prelude::*;

use crate::derived::use_room;
use crate::model::first_steps::date_label;
use crate::pages::lazy::{Chunk, LazyPart};
use crate::route::Route;
use crate::save::room::Usage;
use crate::save::SaveStatus;
use crate::store::{rare, use_store, Notice};
use crate::web::download::download_text;
use crate::web::split_loader::{ChunkMissing, CHUNK_MISSING};

/// What shows when the rare notices' chunk cannot be fetched: that there is
/// something to read, and the way to try again.
const NOTICE_MISSING: &str = "Comeback has something to tell you about the data it keeps on this device, but could not fetch the part of the app that says it. If you are offline, try again once you are connected.";

#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    let room = use_room();
    let save_failure = move || match store.status.get() {
        SaveStatus::Failed(reason) => Some(view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Your latest changes are not saved on this device yet. "</strong>
                    {format!("The browser said: {reason}. ")}
                    "They are kept safe in this tab while it stays open, and Comeback tries again with your next change."
                </p>
            </div>
        }),
        _ => None,
    };
    let rare_notice = move || {
        store.notice.with(Option::is_some) || room.usage.with(|usage| usage.as_ref().is_some_and(Usage::nearly_full))
    };
    view! {
        {save_failure}
        <Show when=rare_notice>
            <LazyPart chunk=Chunk::Notices failed=NOTICE_MISSING />
        </Show>
    }
}

/// The notices about what is stored (newer version, unreadable, another
/// tab, no storage, a failed read) and the nearly-full word: the chunk.
#[component]
pub fn RareNotices() -> impl IntoView {
    let store = use_store();
    view! {
        {move || store.notice.get().map(|notice| view! { <StoredDataNotice notice=notice /> })}
        <NearlyFull />
    }
}

/// A calm word when storage is nearly full: what takes the room, and the
/// ways out (a backup; removing older snapshots). Not an alarm: nothing is
/// lost, and saving goes on while there is room.
#[component]
fn NearlyFull() -> impl IntoView {
    let store = use_store();
    let room = use_room();
    let (message, set_message) = signal(None::<String>);
    let download = move |_| store.download_backup_saying(set_message);
    let remove_older = move |_| {
        if let Err(err) = store.remove_older_snapshots() {
            set_message.set(Some(format!("The older snapshots could not be removed: {err}.")));
        }
        room.measure();
    };
    move || {
        let usage = room.usage.get().filter(Usage::nearly_full)?;
        Some(view! {
            <section class="banner info" aria-label="Storage is nearly full">
                <p>
                    <strong>"This browser's storage for Comeback is nearly full. "</strong>
                    {usage.nearly_full_message()}
                </p>
                <div class="actions">
                    <button type="button" on:click=download>"Download a backup"</button>
                    {(usage.snapshot_count > 1).then(|| view! {
                        <button type="button" class="secondary" on:click=remove_older>"Remove older snapshots"</button>
                    })}
                    <a href=Route::Backup.href()>"See what takes the room"</a>
                </div>
                <p class="message" role="status">{move || message.get()}</p>
            </section>
        })
    }
}

/// A notice across the page that needs no answer: what happened in bold,
/// then what it means.
#[component]
fn Banner(#[prop(default = "warning")] kind: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class=format!("banner {kind}") role="alert">
            <p>
                <strong>{title}</strong>
                {children()}
            </p>
        </div>
    }
}

/// What storage that is off, or a read that failed, says: what happened,
/// then (after the browser's reason) what it means.
const NO_STORAGE: [&str; 2] = [
    "This browser is not letting Comeback keep anything on this device. ",
    "You can still work here, but it will be gone when this tab closes.",
];
const READ_FAILED: [&str; 2] = [
    "Comeback could not read what it keeps on this device. ",
    "Nothing was changed, and nothing will be written in this tab. Reload the page to try again.",
];

/// A [`Banner`] that gives the browser's reason between what happened and what it means.
fn with_reason([title, then]: [&'static str; 2], reason: String) -> AnyView {
    view! { <Banner title=title>{format!("({reason}) ")}{then}</Banner> }.into_any()
}

#[component]
fn StoredDataNotice(notice: Notice) -> impl IntoView {
    let store = use_store();
    match notice {
        Notice::NewerVersion { version, readable } => view! {
            <Banner kind="info" title="This workbook was saved by a newer version of Comeback. ">
                {format!("It uses format {version}, which this version does not know. ")}
                {if readable {
                    "So that nothing gets lost, it is shown here read-only and no change is saved. "
                } else {
                    "So that nothing gets lost, it is left untouched and no change is saved. "
                }}
                "Reload the page to get the newer version."
            </Banner>
        }
        .into_any(),
        Notice::Unreadable { reason, raw, recovery_key } => {
            let (error, set_error) = signal(None::<String>);
            let download = move |_| {
                if let Err(err) = download_text("comeback-unreadable-data.txt", "text/plain", &raw) {
                    set_error.set(Some(err.to_string()));
                }
            };
            let start_new = move |_| {
                leptos::task::spawn_local(async move {
                    match rare::start_new_workbook(store).await {
                        Ok(Ok(())) => {}
                        Ok(Err(err)) => set_error.set(Some(format!("A new workbook was not started: {err}"))),
                        Err(ChunkMissing) => set_error.set(Some(CHUNK_MISSING.into())),
                    }
                });
            };
            // Read from the snapshots' chunk: the button comes a moment later.
            let (last_snapshot, set_last_snapshot) = signal(None::<chrono::NaiveDate>);
            leptos::task::spawn_local(async move {
                if let Ok(day) = rare::newest_snapshot_day().await {
                    set_last_snapshot.set(day);
                }
            });
            let fall_back = move |_| {
                leptos::task::spawn_local(async move {
                    match rare::fall_back_to_snapshot(store).await {
                        Ok(Ok(_)) => {}
                        Ok(Err(err)) => set_error.set(Some(format!("The snapshot was not restored: {err}"))),
                        Err(ChunkMissing) => set_error.set(Some(CHUNK_MISSING.into())),
                    }
                });
            };
            let kept = match recovery_key {
                Ok(key) => format!("It has not been changed or deleted, and a copy is kept on this device under “{key}”."),
                Err(err) => format!("It has not been changed or deleted. (A second copy could not be made: {err}.)"),
            };
            view! {
                <div class="banner warning" role="alert">
                    <p>
                        <strong>"Your saved workbook could not be read. "</strong>
                        {format!("The reason: {reason}. {kept} ")}
                        "Download it to keep it elsewhere; when you are ready, go back to the last snapshot that could be read, or start a new workbook. Until then, nothing is saved."
                    </p>
                    <div class="actions">
                        <button type="button" on:click=download>"Download the unreadable data"</button>
                        {move || last_snapshot.get().map(|day| view! {
                            <button type="button" on:click=fall_back>{format!("Go back to the snapshot of {}", date_label(day))}</button>
                        })}
                        <button type="button" on:click=start_new>"Start a new workbook"</button>
                    </div>
                    <p class="error">{move || error.get()}</p>
                </div>
            }
            .into_any()
        }
        Notice::OtherTabConflict => view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Comeback is open in another tab too. "</strong>
                    "Both changed your workbook at the same moment; this tab's version was kept. To be safe, keep Comeback open in one tab only."
                </p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| store.notice.set(None)>"Understood"</button>
                </div>
            </div>
        }
        .into_any(),
        Notice::NoStorage(reason) => with_reason(NO_STORAGE, reason),
        Notice::ReadFailed(reason) => with_reason(READ_FAILED, reason),
    }
}
