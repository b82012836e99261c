//! "Lock it with a passphrase": the checkbox, the advice and the passphrase
//! typed twice, shared by the backup download and the backup sent to
//! oneself.

use leptos::prelude::*;

use crate::components::fields::TextInput;

/// Whether to lock a backup, and with which passphrase.
#[derive(Clone, Copy)]
pub struct LockChoice {
    pub locking: RwSignal<bool>,
    passphrase: RwSignal<String>,
    again: RwSignal<String>,
}

impl LockChoice {
    pub fn new() -> Self {
        Self {
            locking: RwSignal::new(false),
            passphrase: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
        }
    }

    /// The passphrase to lock with, or why there is none (`nothing_done` ends
    /// the sentence: "nothing was downloaded").
    pub fn passphrase(&self, nothing_done: &str) -> Result<String, String> {
        let secret = self.passphrase.get_untracked();
        if secret.is_empty() {
            return Err("Choose a passphrase first, or untick “Lock it with a passphrase”.".into());
        }
        if secret != self.again.get_untracked() {
            return Err(format!("The two passphrases are not the same. Type them again; {nothing_done}."));
        }
        Ok(secret)
    }
}

impl Default for LockChoice {
    fn default() -> Self {
        Self::new()
    }
}

/// The checkbox and, once ticked, the advice and the two passphrase fields;
/// `on_change` runs after any change to them.
#[component]
pub fn LockFields(
    choice: LockChoice,
    /// Keeps the fields' ids apart from another copy on the page.
    id: &'static str,
    #[prop(optional)] on_change: Option<Callback<()>>,
) -> impl IntoView {
    let changed = move || {
        if let Some(on_change) = on_change {
            on_change.run(());
        }
    };
    let LockChoice { locking, passphrase, again } = choice;
    view! {
        <label class="choice">
            <input
                type="checkbox"
                prop:checked=locking
                on:change:target=move |event| {
                    locking.set(event.target().checked());
                    changed();
                }
            />
            <span>"Lock it with a passphrase"</span>
        </label>
        <Show when=move || locking.get()>
            <p class="hint">
                "Anyone who finds a locked backup sees only scrambled text. There is no way to recover a forgotten passphrase, and no hint is kept: a long sentence only you would think of is easiest to remember and hardest to guess."
            </p>
            <TextInput id=format!("{id}-passphrase") label="Passphrase" value=passphrase on_input=Callback::new(move |text| { passphrase.set(text); changed(); }) kind="password" />
            <TextInput id=format!("{id}-passphrase-again") label="The same passphrase again" value=again on_input=Callback::new(move |text| { again.set(text); changed(); }) kind="password" />
        </Show>
    }
}
