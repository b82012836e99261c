//! While the example workbook is shown, every page says so, with the one
//! action that removes it and puts back exactly what was stored before.

use leptos::prelude::*;

use crate::model::live::*;
use crate::store::{rare, use_store};
use crate::web::split_loader::{ChunkMissing, CHUNK_MISSING};

#[component]
pub fn ExampleBanner() -> impl IntoView {
    let store = use_store();
    let showing = move || store.workbook.settings().with(|settings| settings.example);
    let (problem, set_problem) = signal(String::new());
    let remove = move |_| {
        leptos::task::spawn_local(async move {
            match rare::remove_example(store).await {
                Ok(Ok(())) => {
                    set_problem.set(String::new());
                    crate::web::focus::focus_by_id("main".into());
                }
                Ok(Err(err)) => set_problem.set(format!("The example could not be removed: {err}.")),
                Err(ChunkMissing) => set_problem.set(CHUNK_MISSING.into()),
            }
        });
    };
    view! {
        <Show when=showing>
            <section class="banner info example-banner" aria-label="Example data">
                // On a phone one short line: "Example data" and "Remove"; the
                // full words stay for screen readers and show on wide screens.
                <p>
                    <strong class="example-short" aria-hidden="true">"Example data"</strong>
                    <span class="wide-only">
                        <strong>"You are looking at example data. "</strong>
                        "This is Maya, whose small bakery folded. Look around and try things: none of it is yours, and removing it puts back exactly what you had."
                    </span>
                </p>
                <button type="button" on:click=remove>"Remove"<span class="wide-only">" the example data"</span></button>
                <p class="message" role="alert">{move || problem.get()}</p>
            </section>
        </Show>
    }
}
