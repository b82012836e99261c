//! Asking the browser to keep Comeback's data (persistent storage), with
//! the plain advice that a backup file is the real safety net.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::card::Card;
use crate::web::persist;

#[component]
pub fn Persistence() -> impl IntoView {
    let (state, set_state) = signal(None::<Result<bool, String>>);
    spawn_local(async move { set_state.set(Some(persist::is_persisted().await)) });
    let ask = move |_| spawn_local(async move { set_state.set(Some(persist::request().await)) });
    let granted = move || matches!(state.get(), Some(Ok(true)));
    view! {
        <Card id="persistence" title="Ask the browser to keep your data">
            <p>
                "When a device runs short of space, a browser may clear what sites keep. You can ask this browser to spare Comeback; it decides on its own terms, and may say no."
            </p>
            <p role="status">
                {move || match state.get() {
                    None => "Checking what this browser has agreed to…".to_owned(),
                    Some(Ok(true)) => "Granted: this browser has agreed to keep Comeback's data when space runs low.".to_owned(),
                    Some(Ok(false)) => "Not granted: this browser may clear Comeback's data when space runs low.".to_owned(),
                    Some(Err(err)) => format!("This browser cannot say whether it keeps Comeback's data ({err})."),
                }}
            </p>
            <Show when=move || !granted()>
                <div class="actions">
                    <button type="button" class="secondary" on:click=ask>"Ask the browser"</button>
                </div>
            </Show>
            <p class="hint">"Either way, a backup file kept somewhere else is the real safety net."</p>
        </Card>
    }
}
