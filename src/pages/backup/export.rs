//! Downloading a backup, optionally locked with a passphrase, and a kind
//! reminder when the last one is old.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::lock_choice::{LockChoice, LockFields};
use crate::io::backup;
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::store::use_store;
use crate::web::{clock, crypto, download::download_text};

#[component]
pub fn ExportBackup() -> impl IntoView {
    let store = use_store();
    let (message, set_message) = signal(None::<String>);
    let lock = LockChoice::new();
    // A locked workbook's backups are locked too, unless the person chooses otherwise.
    let workbook_locked = store.is_locked();
    lock.locking.set(workbook_locked);
    let (busy, set_busy) = signal(false);
    let last = move || store.workbook.settings().with(|settings| settings.last_export_at);
    let old = move || store.workbook.settings().with(|settings| settings.backup_is_old(clock::now()));
    let deliver = move |text: Result<String, String>, file_name: String, done: &str| match text
        .and_then(|text| download_text(&file_name, "application/json", &text).map_err(|err| err.to_string()))
    {
        Ok(()) => {
            store.edit_settings(|settings, now| settings.last_export_at = Some(now));
            set_message.set(Some(done.to_owned()));
        }
        Err(err) => set_message.set(Some(format!("The backup could not be made: {err}."))),
    };
    let export = move |_| {
        let now = clock::now();
        let text = store.workbook.with_untracked(|workbook| backup::export(workbook, env!("CARGO_PKG_VERSION"), now));
        if !lock.locking.get_untracked() {
            let done = "Your backup is downloading. Keep it somewhere safe, like a folder you back up or a USB stick.";
            deliver(Ok(text), backup::file_name(now), done);
            return;
        }
        let secret = match lock.passphrase("nothing was downloaded") {
            Ok(secret) => secret,
            Err(why) => return set_message.set(Some(why)),
        };
        set_busy.set(true);
        set_message.set(Some("Locking your backup…".into()));
        spawn_local(async move {
            let locked = crypto::lock(&text, &secret).await.map_err(|err| err.to_string());
            let done = "Your locked backup is downloading. Without the passphrase nobody can open it, you included: keep the passphrase somewhere safe too.";
            deliver(locked, backup::locked_file_name(now), done);
            set_busy.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="export-backup">
            <h2 id="export-backup">"Make a backup"</h2>
            <p>
                "A backup is one file with everything you wrote. It is the only copy outside this browser: use it to keep your work safe or to move it to another device."
            </p>
            <p class="hint">
                {move || match last() {
                    Some(at) => format!("Your last backup: {}.", date_label(at.date_naive())),
                    None => "You have not made a backup yet.".into(),
                }}
                {move || old().then_some(" A fresh one would be a good idea when you have a moment.")}
            </p>
            <LockFields choice=lock id="export" />
            <Show when=move || workbook_locked && !lock.locking.get()>
                <p class="hint warning-text">
                    "Your workbook is locked on this device, but this backup would not be: anyone who has the file can read it. Lock it with your passphrase or another one, or keep the file somewhere only you can reach."
                </p>
            </Show>
            <div class="actions">
                <button type="button" on:click=export disabled=move || busy.get()>"Download a backup"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </section>
    }
}
