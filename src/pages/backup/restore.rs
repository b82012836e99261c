//! Restoring from a backup file: read it, show what is in it beside what is
//! here now, and replace only when the person says so, with Undo after.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::io::backup::{self, Counts, Restored};
use crate::model::first_steps::date_label;
use crate::store::{use_store, Store};
use crate::web::files;

#[component]
pub fn RestoreBackup() -> impl IntoView {
    let store = use_store();
    let (preview, set_preview) = signal(None::<Restored>);
    let (error, set_error) = signal(None::<String>);
    let (message, set_message) = signal(None::<String>);
    let (can_undo, set_can_undo) = signal(Store::can_undo_replace());

    let choose = move |event: leptos::ev::Event| {
        set_error.set(None);
        set_message.set(None);
        set_preview.set(None);
        let Some(file) = event.target().and_then(files::as_input).and_then(|input| files::chosen_file(&input)) else { return };
        if let Err(err) = backup::check_size(file.size() as u64) {
            set_error.set(Some(format!("This file cannot be restored: {err}.")));
            return;
        }
        spawn_local(async move {
            let result = match files::read_text(&file).await {
                Ok(text) => backup::read(&text).map_err(|err| err.to_string()),
                Err(err) => Err(err.to_string()),
            };
            match result {
                Ok(restored) => set_preview.set(Some(restored)),
                Err(err) => set_error.set(Some(format!("This file cannot be restored: {err}. Nothing was changed."))),
            }
        });
    };
    let replace = move |_| {
        let Some(restored) = preview.get_untracked() else { return };
        match store.replace_from_backup(restored.workbook) {
            Ok(()) => {
                set_preview.set(None);
                set_can_undo.set(true);
                set_message.set(Some("Your data was replaced by the backup. Changed your mind? Undo brings back what was here before.".into()));
            }
            Err(err) => set_error.set(Some(format!("Nothing was replaced: {err}."))),
        }
    };
    let undo = move |_| match store.undo_replace() {
        Ok(()) => {
            set_can_undo.set(false);
            set_message.set(Some("Done: your data is back as it was before the restore.".into()));
        }
        Err(err) => set_error.set(Some(format!("Undo did not work: {err}."))),
    };

    view! {
        <section class="card" aria-labelledby="restore-backup">
            <h2 id="restore-backup">"Restore from a backup"</h2>
            <p class="hint">"You will see what is in the file before anything changes."</p>
            <div class="field">
                <label for="restore-file">"Choose a backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=choose />
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
            {move || preview.get().map(|restored| view! { <Preview restored=restored on_replace=replace on_cancel=move |_| set_preview.set(None) /> })}
            <p class="message" role="status">{move || message.get()}</p>
            <Show when=move || can_undo.get()>
                <div class="actions">
                    <button type="button" class="secondary" on:click=undo>"Undo the last restore"</button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn Preview(
    restored: Restored,
    on_replace: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let store = use_store();
    let here = store.workbook.with_untracked(Counts::of);
    let incoming = Counts::of(&restored.workbook);
    let rows = incoming
        .rows()
        .into_iter()
        .zip(here.rows())
        .map(|((name, theirs), (_, ours))| {
            view! {
                <tr class:differs=theirs != ours>
                    <th scope="row">{name}</th>
                    <td>{theirs}</td>
                    <td>{ours}</td>
                </tr>
            }
        })
        .collect_view();
    let header = &restored.header;
    view! {
        <div class="preview" role="region" aria-label="What is in this backup">
            <p>
                {format!(
                    "Backup made on {} by Comeback {}.",
                    date_label(header.exported_at.date_naive()),
                    header.app_version,
                )}
                {restored.migrated_from.map(|from| format!(" It was written in an older format ({from}) and has been updated."))}
            </p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Part"</th>
                        <th scope="col">"In the backup"</th>
                        <th scope="col">"On this device now"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="hint">"Replacing keeps a copy of what is here now, so you can undo it."</p>
            <div class="actions">
                <button type="button" on:click=on_replace>"Replace my data with this backup"</button>
                <button type="button" class="secondary" on:click=on_cancel>"Cancel"</button>
            </div>
        </div>
    }
}
