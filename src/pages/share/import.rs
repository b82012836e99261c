//! Import from LinkedIn's Connections.csv or a .vcf address-book file, with a
//! preview (added, filled in, skipped) before anything is written; and export
//! the list as CSV or vCard 4.0.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::io::contacts_export::write_contacts_csv;
use crate::io::linkedin_csv::{parse_connections, Parsed};
use crate::io::vcard::{parse_vcards, write_vcards};
use crate::model::outreach::import::{apply_import, plan_import, ImportPreview};
use crate::store::use_store;
use crate::web::{clock, download::download_text, files};

/// How many names of each kind the preview lists before "and N more".
const NAMES_SHOWN: usize = 30;

/// Reads a chosen file's text as LinkedIn CSV or vCard, by its name or content.
fn parse_file(name: &str, text: &str) -> Result<Parsed, String> {
    let now = clock::now();
    let is_vcard = name.to_lowercase().ends_with(".vcf")
        || name.to_lowercase().ends_with(".vcard")
        || text.trim_start_matches('\u{feff}').trim_start().to_uppercase().starts_with("BEGIN:VCARD");
    if is_vcard {
        parse_vcards(text, now).map_err(|err| err.to_string())
    } else {
        parse_connections(text, now).map_err(|err| err.to_string())
    }
}

/// A list of names, the first few only.
fn names_view(names: Vec<String>) -> impl IntoView {
    let more = names.len().saturating_sub(NAMES_SHOWN);
    view! {
        <ul class="import-names">
            {names.into_iter().take(NAMES_SHOWN).map(|name| view! { <li>{name}</li> }).collect_view()}
        </ul>
        {(more > 0).then(|| view! { <p class="hint">{format!("…and {more} more.")}</p> })}
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[component]
pub fn ImportExport() -> impl IntoView {
    let store = use_store();
    let preview = RwSignal::new(None::<ImportPreview>);
    let (message, set_message) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let clear_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let on_file = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(files::as_input) else { return };
        let Some(file) = files::chosen_file(&input) else { return };
        set_message.set(String::new());
        set_error.set(None);
        preview.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            match files::read_text(&file).await {
                Err(err) => set_error.set(Some(format!("Sorry, {err}. Nothing was changed."))),
                Ok(text) => match parse_file(&name, &text) {
                    Err(reason) => set_error.set(Some(format!("{reason} Nothing was changed."))),
                    Ok(parsed) => {
                        let planned = store.workbook.with_untracked(|workbook| {
                            plan_import(&workbook.outreach, parsed.contacts, parsed.skipped)
                        });
                        preview.set(Some(planned));
                    }
                },
            }
        });
    };
    let accept = move |_| {
        let Some(planned) = preview.get_untracked() else { return };
        let mut done = None;
        store.edit_outreach(|outreach, now| done = Some(apply_import(outreach, planned, now)));
        preview.set(None);
        clear_input();
        match done {
            Some(done) => {
                let mut said = format!("Added {}.", plural(done.added, "contact", "contacts"));
                if done.merged > 0 {
                    said.push_str(&format!(
                        " Filled in {}.",
                        plural(done.merged, "contact already on your list", "contacts already on your list")
                    ));
                }
                set_message.set(said);
            }
            None => set_message.set("Your workbook is read-only here, so nothing was added.".into()),
        }
    };
    let cancel = move |_| {
        preview.set(None);
        clear_input();
        set_message.set("Import cancelled. Nothing was changed.".into());
    };

    let export = move |kind: &'static str| {
        let (filename, mime, text) = store.workbook.with_untracked(|workbook| match kind {
            "csv" => ("comeback-contacts.csv", "text/csv", write_contacts_csv(&workbook.outreach.contacts)),
            _ => ("comeback-contacts.vcf", "text/vcard", write_vcards(&workbook.outreach.contacts)),
        });
        match download_text(filename, mime, &text) {
            Ok(()) => set_message.set(format!("Your contacts are downloading as {filename}.")),
            Err(err) => set_error.set(Some(format!("Sorry, {err}."))),
        }
    };

    view! {
        <Card id="import-heading" title="Import and export" hint="On LinkedIn: Settings, Data privacy, Get a copy of your data, Connections. The file is read here, in your browser, and goes nowhere else. Imported connections start as weak ties.">
            <div class="field">
                <label for="import-file">"Import LinkedIn Connections.csv or a contacts file (.vcf)"</label>
                <input id="import-file" type="file" accept=".csv,.vcf,.vcard,text/csv,text/vcard" node_ref=input_ref on:change=on_file />
            </div>
            {move || error.get().map(|error| view! { <p class="error" role="alert">{error}</p> })}
            {move || preview.get().map(|planned| {
                let added: Vec<String> = planned.add.iter().map(|contact| contact.name.clone()).collect();
                let merged: Vec<String> = planned.merge.iter().map(|merge| format!("{} (already on your list as {})", merge.incoming.name, merge.existing_name)).collect();
                let skipped: Vec<String> = planned.skip.iter().map(|skip| format!("{}: {}", skip.name, skip.reason)).collect();
                let (add_count, merge_count) = (added.len(), merged.len());
                let button = match (add_count, merge_count) {
                    (_, 0) => format!("Add {}", plural(add_count, "contact", "contacts")),
                    (0, _) => format!("Fill in {}", plural(merge_count, "contact", "contacts")),
                    _ => format!("Add {} and fill in {merge_count}", plural(add_count, "contact", "contacts")),
                };
                view! {
                    <div class="import-preview" role="group" aria-labelledby="import-preview-heading">
                        <h3 id="import-preview-heading">"Before anything is added"</h3>
                        <p>{format!("{} new, {} already on your list with something new, {} skipped.", add_count, merge_count, skipped.len())}</p>
                        {(!added.is_empty()).then(|| view! { <h4>"Will be added"</h4> {names_view(added)} })}
                        {(!merged.is_empty()).then(|| view! { <h4>"Will be filled in (what you wrote is kept)"</h4> {names_view(merged)} })}
                        {(!skipped.is_empty()).then(|| view! { <h4>"Skipped"</h4> {names_view(skipped)} })}
                        <div class="actions">
                            {(add_count + merge_count > 0).then(|| view! { <button type="button" on:click=accept>{button}</button> })}
                            <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| export("csv")>"Download contacts as CSV"</button>
                <button type="button" class="secondary" on:click=move |_| export("vcf")>"Download contacts as vCard"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}
