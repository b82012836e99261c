//! Restoring from a backup file: read it (asking for the passphrase of a
//! locked one), show what is in it beside what is here now and what a merge
//! would change, and replace or merge only when the person says so, with
//! Undo after. The automatic snapshots are restored the same way.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::card::Card;
use crate::components::fields::TextInput;
use crate::components::table::ColumnHeads;
use crate::io::backup::{self, Counts, Restored};
use crate::io::encrypted::{self, Sealed};
use crate::model::first_steps::date_label;
use crate::model::merge::merge;
use crate::store::kept::SnapshotEntry;
use crate::store::{use_store, Store, StoreError};
use crate::web::decoder::{self, ChunkMissing};
use crate::web::split_loader::CHUNK_MISSING;
use crate::web::{crypto, files, later};

#[component]
pub fn RestoreBackup() -> impl IntoView {
    let store = use_store();
    let (preview, set_preview) = signal(None::<Restored>);
    let (locked, set_locked) = signal(None::<Sealed>);
    let passphrase = RwSignal::new(String::new());
    let (unlocking, set_unlocking) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let (message, set_message) = signal(None::<String>);
    let (can_undo, set_can_undo) = signal(Store::can_undo_replace());

    // The decoder came with this page (`pages::lazy`).
    let show = move |text: &str| match decoder::read_backup(text) {
        Ok(Ok(restored)) => set_preview.set(Some(restored.without_duplicates())),
        Ok(Err(err)) => set_error.set(Some(format!("This file cannot be restored: {err}. Nothing was changed."))),
        Err(ChunkMissing) => set_error.set(Some(CHUNK_MISSING.into())),
    };
    let choose = move |event: leptos::ev::Event| {
        set_error.set(None);
        set_message.set(None);
        set_preview.set(None);
        set_locked.set(None);
        let Some(file) = event.target().and_then(files::as_input).and_then(|input| files::chosen_file(&input)) else {
            return;
        };
        if let Err(err) = backup::check_size(file.size() as u64) {
            set_error.set(Some(format!("This file cannot be restored: {err}.")));
            return;
        }
        spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) if encrypted::is_encrypted(&text) => match encrypted::open(&text) {
                    Ok(sealed) => set_locked.set(Some(sealed)),
                    Err(err) => {
                        set_error.set(Some(format!("This file cannot be restored: {err}. Nothing was changed.")))
                    }
                },
                Ok(text) => show(&text),
                Err(err) => set_error.set(Some(format!("This file cannot be restored: {err}. Nothing was changed."))),
            }
        });
    };
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(sealed) = locked.get_untracked() else { return };
        set_error.set(None);
        set_unlocking.set(true);
        spawn_local(async move {
            match crypto::unlock(&sealed, &passphrase.get_untracked()).await {
                Ok(text) => {
                    set_locked.set(None);
                    passphrase.set(String::new());
                    show(&text);
                }
                Err(err) => {
                    set_error.set(Some(format!("The backup stays locked: {err}. Check the passphrase and try again.")))
                }
            }
            set_unlocking.set(false);
        });
    };
    let applied = move |result: Result<(), StoreError>, done: String| match result {
        Ok(()) => {
            set_preview.set(None);
            set_can_undo.set(true);
            set_message.set(Some(format!("{done} Changed your mind? Undo brings back what was here before.")));
        }
        Err(err) => set_error.set(Some(format!("Nothing was changed: {err}."))),
    };
    let replace = move |_| {
        let Some(restored) = preview.get_untracked() else { return };
        applied(store.replace_from_backup(restored.workbook), "Your data was replaced by the backup.".into());
    };
    let merge_in = move |_| {
        let Some(restored) = preview.get_untracked() else { return };
        applied(store.merge_from_backup(&restored.workbook), "The backup was merged with your data.".into());
    };
    let undo = move |_| match store.undo_replace() {
        Ok(()) => {
            set_can_undo.set(false);
            set_message.set(Some("Done: your data is back as it was before the restore.".into()));
        }
        Err(err) => set_error.set(Some(format!("Undo did not work: {err}."))),
    };
    // The snapshot is read whole only now: the list holds what each one holds.
    let restore_snapshot = Callback::new(move |day: chrono::NaiveDate| {
        set_error.set(None);
        let done = format!("Your data was restored from the snapshot of {}.", date_label(day));
        match store.restore_snapshot(day) {
            Err(StoreError::NoSnapshot) => set_error.set(Some(format!(
                "The snapshot of {} could not be read, so nothing was changed. Try an earlier snapshot or a backup file.",
                date_label(day)
            ))),
            result => applied(result, done),
        }
    });

    view! {
        <Card id="restore-backup" title="Restore from a backup" hint="You will see what is in the file before anything changes.">
            <div class="field">
                <label for="restore-file">"Choose a backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json,.txt,text/plain" on:change=choose />
            </div>
            <Show when=move || locked.with(Option::is_some)>
                <form class="preview" aria-label="Unlock this backup" on:submit=unlock>
                    <p>"This backup is locked with a passphrase."</p>
                    <TextInput
                        id="unlock-passphrase"
                        label="Passphrase of this backup"
                        value=passphrase
                        on_input=Callback::new(move |text| passphrase.set(text))
                        kind="password"
                    />
                    <div class="actions">
                        <button type="submit" disabled=move || unlocking.get()>
                            {move || if unlocking.get() { "Unlocking…" } else { "Unlock" }}
                        </button>
                    </div>
                </form>
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
            {move || preview.get().map(|restored| view! {
                <Preview restored=restored on_merge=merge_in on_replace=replace on_cancel=move |_| set_preview.set(None) />
            })}
            <p class="message" role="status">{move || message.get()}</p>
            <Show when=move || can_undo.get()>
                <div class="actions">
                    <button type="button" class="secondary" on:click=undo>"Undo the last restore"</button>
                </div>
            </Show>
            <Snapshots on_restore=restore_snapshot refresh=message />
        </Card>
    }
}

#[component]
fn Preview(
    restored: Restored,
    on_merge: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_replace: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let store = use_store();
    let here = store.workbook.with_untracked(Counts::of);
    let changes = store.workbook.with_untracked(|ours| merge(ours, &restored.workbook).changes);
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
    let merge_summary = if changes.is_empty() {
        view! { <p>"Merging would change nothing here: this device already has everything in the backup."</p> }
            .into_any()
    } else {
        let rows = changes
            .into_iter()
            .map(|change| {
                view! {
                    <tr>
                        <th scope="row">{change.part}</th>
                        <td>{change.added}</td>
                        <td>{change.updated}</td>
                        <td>{change.removed}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table aria-label="What merging would change here">
                <ColumnHeads columns=&["Part", "Added", "Updated", "Deleted"] />
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
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
                <ColumnHeads columns=&["Part", "In the backup", "On this device now"] />
                <tbody>{rows}</tbody>
            </table>
            <h3>"If you merge"</h3>
            <p class="hint">
                "Merging keeps what is on both devices: the same entry edited in both places keeps its latest edit, and what was deleted on either stays deleted."
            </p>
            {merge_summary}
            <p class="hint">"Merging or replacing keeps a copy of what is here now, so you can undo it."</p>
            <div class="actions">
                <button type="button" on:click=on_merge>"Merge with my data"</button>
                <button type="button" class="secondary" on:click=on_replace>"Replace my data with this backup"</button>
                <button type="button" class="secondary" on:click=on_cancel>"Cancel"</button>
            </div>
        </div>
    }
}

/// The automatic snapshots, newest first, each with one-click restore.
#[component]
fn Snapshots(on_restore: Callback<chrono::NaiveDate>, refresh: ReadSignal<Option<String>>) -> impl IntoView {
    // Listed from the note kept with each copy (a snapshot is decompressed
    // only to restore it), once the page is on screen and after each restore.
    let store = use_store();
    let (found, set_found) = signal(None::<Vec<SnapshotEntry>>);
    Effect::new(move |_| {
        refresh.track();
        later::after_paint(move || {
            set_found.try_set(Some(store.snapshots().unwrap_or_default()));
        });
    });
    view! {
        <h3>"Automatic snapshots"</h3>
        <p class="hint">
            "Once a day, when you open Comeback, a copy of your workbook is kept on this device (the last three). They live in this same browser, so they are no substitute for a backup file."
        </p>
        <ul aria-label="Automatic snapshots">
            {move || {
                let Some(snapshots) = found.get() else {
                    return view! { <li>"Looking for snapshots…"</li> }.into_any();
                };
                if snapshots.is_empty() {
                    return view! { <li>"No snapshot yet."</li> }.into_any();
                }
                snapshots
                    .into_iter()
                    .map(|snapshot| {
                        let day = date_label(snapshot.day);
                        let counts = snapshot.holds;
                        let label = format!("Restore the snapshot of {day}");
                        view! {
                            <li>
                                {format!("{day}: {} contacts, {} timeline events, {} actions ", counts.contacts, counts.timeline_events, counts.actions)}
                                <button type="button" class="secondary small" on:click=move |_| on_restore.run(snapshot.day)>{label}</button>
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </ul>
    }
}
