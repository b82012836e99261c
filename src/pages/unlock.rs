//! The page a locked workbook opens on: one passphrase field. Nothing of
//! the workbook is read until the passphrase opens it; a wrong one changes
//! nothing and says so. In a chunk of its own (`pages::lazy`), with the
//! cipher: a plain workbook never fetches it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::fields::TextInput;
use crate::web::{focus, lock};

/// Called once this tab holds the key: the app then reads the workbook.
#[derive(Clone, Copy)]
pub struct Unlocked(pub Callback<()>);

#[component]
pub fn UnlockPage() -> impl IntoView {
    let unlocked = use_context::<Unlocked>();
    let passphrase = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let (busy, set_busy) = signal(false);
    focus::focus_by_id("unlock-passphrase".into());
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            return set_message.set(Some("Type your passphrase first.".into()));
        }
        set_busy.set(true);
        set_message.set(Some("Opening your workbook…".into()));
        spawn_local(async move {
            match lock::unlock(&typed).await {
                Ok(()) => {
                    passphrase.set(String::new());
                    if let Some(Unlocked(done)) = unlocked {
                        done.run(());
                    }
                }
                Err(err) => {
                    set_busy.set(false);
                    set_message.set(Some(err.to_string()));
                }
            }
        });
    };
    view! {
        <section class="page unlock">
            <h1 tabindex="-1">"Your workbook is locked"</h1>
            <p class="lead">
                "Type your passphrase to open it. It stays open in this tab until you lock it or leave it idle."
            </p>
            <form class="card" on:submit=submit>
                <TextInput id="unlock-passphrase" label="Passphrase" value=passphrase on_input=Callback::new(move |text| passphrase.set(text)) kind="password" />
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>"Unlock"</button>
                </div>
                <p class="message" role="status">{move || message.get()}</p>
            </form>
            <p class="hint">
                "Forgot it? No one can open a locked workbook without its passphrase. If you have a backup file, you can erase this device's copy from the browser's site settings and restore the backup."
            </p>
        </section>
    }
}
