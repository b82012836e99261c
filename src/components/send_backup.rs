//! "Send a backup to myself": the whole workbook as a plain-text backup file
//! handed to the phone's share sheet (mail, notes, a drive), or downloaded
//! where a browser cannot share files. The Backup page offers it, and so
//! does the end of a weekly review.
//!
//! The share sheet only opens from a fresh tap, and locking a backup takes
//! seconds on a slow phone: a locked backup is prepared with one tap, then
//! sent with a second.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lock_choice::{LockChoice, LockFields};
use crate::io::backup;
use crate::store::use_store;
use crate::web::share::{can_share_files, share_text_file, Shared};
use crate::web::{clock, crypto, download::download_text, focus::focus_by_id};

/// A backup ready to send: its file name and text.
#[derive(Clone, Debug, PartialEq)]
struct Ready {
    name: String,
    text: String,
}

#[component]
pub fn SendBackup(
    /// Keeps the ids of two copies on one page apart.
    id: &'static str,
) -> impl IntoView {
    let store = use_store();
    let (message, set_message) = signal(None::<String>);
    let lock = LockChoice::new();
    let (busy, set_busy) = signal(false);
    // The locked backup, once prepared; any change to the choices drops it.
    let prepared = RwSignal::new(None::<Ready>);
    let send_id = StoredValue::new(format!("{id}-send-locked"));

    let sent = move |how: &str| {
        store.edit_settings(|settings, now| settings.last_export_at = Some(now));
        set_message.set(Some(how.to_owned()));
    };
    let send = move |ready: Ready| {
        if !can_share_files() {
            let result = download_text(&ready.name, "text/plain", &ready.text);
            match result {
                Ok(()) => sent("This browser cannot hand a file to another app, so your backup was downloaded instead. Keep it somewhere safe; Restore on the Backup page reads it back."),
                Err(err) => set_message.set(Some(format!("The backup could not be saved: {err}."))),
            }
            return;
        }
        // Called from the tap itself: the share sheet needs a fresh tap.
        spawn_local(async move {
            match share_text_file(&ready.name, &ready.text, "My Comeback backup").await {
                Ok(Shared::Sent) => sent(
                    "Your backup is on its way. Restore on the Backup page reads it back, on this device or another.",
                ),
                Ok(Shared::Cancelled) => {
                    set_message.set(Some("Nothing was sent. Your work is still saved on this device.".into()))
                }
                Err(err) => set_message
                    .set(Some(format!("The backup could not be shared: {err}. Try “Download a backup” instead."))),
            }
        });
    };
    let send_now = move |_| {
        let now = clock::now();
        let text = store.workbook.with_untracked(|workbook| backup::export(workbook, env!("CARGO_PKG_VERSION"), now));
        send(Ready { name: backup::shared_file_name(now, false), text });
    };
    let prepare_locked = move |_| {
        let secret = match lock.passphrase("nothing was sent") {
            Ok(secret) => secret,
            Err(why) => return set_message.set(Some(why)),
        };
        let now = clock::now();
        let text = store.workbook.with_untracked(|workbook| backup::export(workbook, env!("CARGO_PKG_VERSION"), now));
        set_busy.set(true);
        set_message.set(Some("Locking your backup… this can take a few seconds.".into()));
        spawn_local(async move {
            match crypto::lock(&text, &secret).await {
                Ok(locked) => {
                    prepared.set(Some(Ready { name: backup::shared_file_name(now, true), text: locked }));
                    set_message.set(Some(
                        "Your locked backup is ready. Tap “Send the locked backup” to choose where it goes.".into(),
                    ));
                    focus_by_id(send_id.get_value());
                }
                Err(err) => set_message.set(Some(format!("The backup could not be locked: {err}."))),
            }
            set_busy.set(false);
        });
    };
    let send_locked = move |_| {
        if let Some(ready) = prepared.get_untracked() {
            send(ready);
        }
    };
    let forget = move || prepared.set(None);

    view! {
        <div class="send-backup">
            <LockFields choice=lock id=id on_change=Callback::new(move |()| forget()) />
            <div class="actions">
                <Show
                    when=move || lock.locking.get()
                    fallback=move || view! { <button type="button" on:click=send_now>"Send a backup to myself"</button> }
                >
                    <button type="button" on:click=prepare_locked disabled=move || busy.get()>"Prepare a locked backup"</button>
                    <Show when=move || prepared.with(Option::is_some)>
                        <button type="button" id=send_id.get_value() on:click=send_locked>"Send the locked backup"</button>
                    </Show>
                </Show>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </div>
    }
}
