//! "A new version is ready": shown when an update has installed; the switch
//! happens only when the person asks for it, after saving what they typed.

use leptos::prelude::*;

use crate::store::use_store;
use crate::web::service_worker;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let store = use_store();
    let (ready, set_ready) = signal(false);
    service_worker::register(move || set_ready.set(true));
    let update = move |_| {
        store.save_now();
        service_worker::reload_newest();
    };
    view! {
        <Show when=move || ready.get()>
            <div class="banner info" role="status">
                <p>"A new version of Comeback is ready. Your work is saved."</p>
                <div class="actions">
                    <button type="button" on:click=update>"Reload to update"</button>
                    <button type="button" class="secondary" on:click=move |_| set_ready.set(false)>"Later"</button>
                </div>
            </div>
        </Show>
    }
}
