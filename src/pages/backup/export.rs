//! Downloading a backup, and a kind reminder when the last one is old.

use leptos::prelude::*;

use crate::io::backup;
use crate::model::first_steps::date_label;
use crate::store::use_store;
use crate::web::{clock, download::download_text};

#[component]
pub fn ExportBackup() -> impl IntoView {
    let store = use_store();
    let (message, set_message) = signal(None::<String>);
    let last = move || store.workbook.with(|workbook| workbook.settings.last_export_at);
    let old = move || store.workbook.with(|workbook| workbook.settings.backup_is_old(clock::now()));
    let export = move |_| {
        let now = clock::now();
        let text = store.workbook.with_untracked(|workbook| backup::export(workbook, env!("CARGO_PKG_VERSION"), now));
        match download_text(&backup::file_name(now), "application/json", &text) {
            Ok(()) => {
                store.edit(|workbook, now| workbook.settings.last_export_at = Some(now));
                set_message.set(Some("Your backup is downloading. Keep it somewhere safe, like a folder you back up or a USB stick.".into()));
            }
            Err(err) => set_message.set(Some(format!("The backup could not be made: {err}."))),
        }
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
            <div class="actions">
                <button type="button" on:click=export>"Download a backup"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </section>
    }
}
