//! Backup & settings: backups out and in, where the data lives, recovery
//! copies, and erasing.

mod export;
mod lock;
mod persist;
mod restore;
mod room;

use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::install::{InstallGuidance, Place};
use crate::components::page_intro::PageIntro;
use crate::components::send_backup::SendBackup;
use crate::components::theme::ThemeSwitch;
use crate::derived::use_room;
use crate::model::first_steps::date_label;
use crate::store::use_store;
use crate::web::download::download_text;

#[component]
pub fn BackupPage() -> impl IntoView {
    let store = use_store();
    let room = use_room();
    let (confirming, set_confirming) = signal(false);
    let (message, set_message) = signal(None::<String>);
    let (copies, set_copies) = signal(store.recovery_copies().unwrap_or_default());

    let erase = move |_| {
        match store.erase_everything() {
            Ok(()) => set_message.set(Some("Everything Comeback kept on this device has been erased.".into())),
            Err(err) => set_message.set(Some(format!("Nothing was erased: {err}"))),
        }
        set_copies.set(store.recovery_copies().unwrap_or_default());
        room.measure();
        set_confirming.set(false);
    };

    view! {
        <section class="page">
            <PageIntro
                title="Backup & settings"
                lead="Your workbook lives only in this browser on this device. Nothing is sent anywhere, and there is no account."
            />
            <ThemeSwitch />
            <InstallGuidance place=Place::Backup />
            <export::ExportBackup />
            <section class="card" aria-labelledby="send-backup">
                <h2 id="send-backup">"Send a backup to myself"</h2>
                <p>"On a phone, this puts a backup file in your mail, notes or drive, wherever you choose. Where the browser cannot do that, the file is downloaded instead. Restore, below, reads it back."</p>
                <SendBackup id="backup-page" />
            </section>
            <restore::RestoreBackup />
            <lock::LockCard />
            // Below the first screen: drawn once the top is on screen.
            <Deferred>
                <persist::Persistence />
                <room::Room />
            </Deferred>
            <div class="card">
                <h2>"Where your data lives"</h2>
                <p>
                    "Comeback keeps everything in this browser's local storage for this site. Clearing this site's data in the browser, or using a private window, removes it."
                </p>
            </div>
            <Show when=move || copies.with(|copies| !copies.is_empty())>
                <div class="card">
                    <h2>"Recovery copies"</h2>
                    <p>
                        "Saved data that could not be read is kept here untouched. Once you have downloaded a copy and no longer need it here, you can remove it to make room."
                    </p>
                    <ul aria-label="Recovery copies">
                        {move || {
                            copies
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(at, copy)| {
                                    let (name, file_name) = match copy.kept_on {
                                        Some(day) => (
                                            format!("Recovery copy {}, kept on {}", at + 1, date_label(day)),
                                            format!("comeback-recovery-copy-{day}.txt"),
                                        ),
                                        None => (format!("Recovery copy {}", at + 1), "comeback-recovery-copy.txt".to_owned()),
                                    };
                                    let download_label = format!("Download {name}");
                                    let remove_label = format!("Remove {name}");
                                    let key = copy.key;
                                    let remove = move |_| {
                                        if let Err(err) = store.remove_recovery_copy(&key) {
                                            set_message.set(Some(format!("The copy was not removed: {err}.")));
                                        }
                                        set_copies.set(store.recovery_copies().unwrap_or_default());
                                        room.measure();
                                    };
                                    let text = copy.text;
                                    let download = move |_| {
                                        if let Err(err) = download_text(&file_name, "text/plain", &text) {
                                            set_message.set(Some(err.to_string()));
                                        }
                                    };
                                    view! {
                                        <li>
                                            {name}" "
                                            <button type="button" aria-label=download_label on:click=download>
                                                "Download"
                                            </button>" "
                                            <button type="button" class="secondary" aria-label=remove_label on:click=remove>
                                                "Remove"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <div class="card danger-zone">
                <h2>"Erase everything"</h2>
                <p>"Removes your workbook, its snapshots and any recovery copies from this device. This cannot be undone."</p>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" on:click=move |_| set_confirming.set(true)>
                                "Erase everything…"
                            </button>
                        }
                    }
                >
                    <p class="warning-text">"Are you sure? Everything you wrote in Comeback on this device will be gone."</p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=erase>"Yes, erase everything"</button>
                        <button type="button" on:click=move |_| set_confirming.set(false)>"Keep my data"</button>
                    </div>
                </Show>
            </div>
            <p role="status" class="message">{move || message.get()}</p>
        </section>
    }
}
