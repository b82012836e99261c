//! "Lock this workbook on this device": turning the lock on (a passphrase
//! typed twice, an idle time, a plain warning and a backup first), and once
//! it is on, "Lock now", changing the passphrase and turning it off. The
//! storage side is `web::lock`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::fields::TextInput;
use crate::store::use_store;
use crate::web::lock;

/// The idle times offered, in minutes (`None`: only on request).
const IDLE_CHOICES: [(Option<u32>, &str); 4] = [
    (Some(5), "After 5 minutes"),
    (Some(15), "After 15 minutes"),
    (Some(60), "After an hour"),
    (None, "Only when I lock it"),
];

/// A new passphrase typed twice, each in a field of its own.
#[derive(Clone, Copy)]
struct TypedTwice {
    first: RwSignal<String>,
    again: RwSignal<String>,
}

impl TypedTwice {
    fn new() -> Self {
        Self { first: RwSignal::new(String::new()), again: RwSignal::new(String::new()) }
    }

    /// The passphrase, or why it cannot be used.
    fn passphrase(&self) -> Result<String, String> {
        let first = self.first.get_untracked();
        if first.is_empty() {
            return Err("Choose a passphrase first.".into());
        }
        if self.again.with_untracked(|again| *again != first) {
            return Err("The two passphrases are not the same. Type them again; nothing was changed.".into());
        }
        Ok(first)
    }

    fn clear(&self) {
        self.first.set(String::new());
        self.again.set(String::new());
    }
}

/// The two fields of a [`TypedTwice`].
#[component]
fn TypedTwiceFields(typed: TypedTwice, id: &'static str, label: &'static str, again: &'static str) -> impl IntoView {
    let TypedTwice { first, again: second } = typed;
    view! {
        <TextInput id=id label=label value=first on_input=Callback::new(move |text| first.set(text)) kind="password" />
        <TextInput id=format!("{id}-again") label=again value=second on_input=Callback::new(move |text| second.set(text)) kind="password" />
    }
}

#[component]
pub fn LockCard() -> impl IntoView {
    let locked = RwSignal::new(use_store().is_locked());
    // Shared by both forms: a lock that stops part-way says so after the
    // card has turned to the locked workbook's settings.
    let message = RwSignal::new(None::<String>);
    view! {
        <section class="card" aria-labelledby="lock-workbook">
            <h2 id="lock-workbook">"Lock this workbook on this device"</h2>
            <Show when=move || locked.get() fallback=move || view! { <TurnOn locked=locked message=message /> }>
                <Locked locked=locked message=message />
            </Show>
            <p class="message" role="status">{move || message.get()}</p>
        </section>
    }
}

/// When the workbook locks again by itself.
#[component]
fn IdleChoice(value: RwSignal<Option<u32>>, #[prop(into)] on_change: Callback<Option<u32>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="lock-idle">"Lock again when I leave it alone"</label>
            <select
                id="lock-idle"
                on:change:target=move |event| on_change.run(event.target().value().parse::<u32>().ok())
            >
                {IDLE_CHOICES
                    .into_iter()
                    .map(|(minutes, label)| {
                        let option = minutes.map(|minutes| minutes.to_string()).unwrap_or_default();
                        view! { <option value=option prop:selected=move || value.get() == minutes>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn TurnOn(locked: RwSignal<bool>, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let typed = TypedTwice::new();
    let idle = RwSignal::new(Some(15_u32));
    let set_message = message.write_only();
    let (busy, set_busy) = signal(false);
    let backup_first = move |_| store.download_backup_saying(set_message);
    let turn_on = move |_| {
        let passphrase = match typed.passphrase() {
            Ok(passphrase) => passphrase,
            Err(why) => return set_message.set(Some(why)),
        };
        store.save_now();
        set_busy.set(true);
        set_message.set(Some("Locking your workbook…".into()));
        let workbook = store.workbook.with_untracked(Clone::clone);
        let idle_minutes = idle.get_untracked();
        spawn_local(async move {
            match lock::turn_on(&passphrase, &workbook, idle_minutes).await {
                Ok(()) => {
                    typed.clear();
                    store.lock_when_idle();
                    locked.set(true);
                    set_message
                        .set(Some("Your workbook is locked. Opening it from now on takes your passphrase.".into()));
                }
                // Stopped after the root was sealed (storage full): the lock is on,
                // and the next unlock seals what is left.
                Err(lock::UnlockError::Unfinished(err)) => {
                    store.lock_when_idle();
                    locked.set(true);
                    set_message.set(Some(format!("The lock is on, but not all of the workbook could be sealed yet ({err}). It is finished the next time you unlock.")));
                }
                Err(err) => set_message.set(Some(format!("The workbook was not locked: {err}"))),
            }
            set_busy.set(false);
        });
    };
    view! {
        <p>
            "Anyone who opens this browser can read what you wrote here. With a lock, everything Comeback keeps on this device is scrambled, and opening it takes your passphrase."
        </p>
        <div class="banner warning">
            <p>
                <strong>"If you forget this passphrase, no one can open your workbook: not us, not you. There is no reset and no hint."</strong>
                " A long sentence only you would think of is easiest to remember and hardest to guess."
            </p>
        </div>
        <p>"A backup first means a forgotten passphrase costs you nothing."</p>
        <div class="actions">
            <button type="button" class="secondary" on:click=backup_first>"Download a backup first"</button>
        </div>
        <TypedTwiceFields typed=typed id="lock-passphrase" label="Passphrase" again="The same passphrase again" />
        <IdleChoice value=idle on_change=move |minutes| idle.set(minutes) />
        <div class="actions">
            <button type="button" on:click=turn_on disabled=move || busy.get() || !store.can_edit()>
                "Lock my workbook"
            </button>
        </div>
    }
}

#[component]
fn Locked(locked: RwSignal<bool>, message: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let current = RwSignal::new(String::new());
    let typed = TypedTwice::new();
    let set_message = message.write_only();
    let (busy, set_busy) = signal(false);
    let idle = RwSignal::new(lock::idle_minutes());
    let change_idle = move |minutes: Option<u32>| match lock::set_idle_minutes(minutes) {
        Ok(()) => {
            idle.set(minutes);
            set_message.set(Some(match minutes {
                Some(minutes) => format!("It locks again after {minutes} minutes left alone."),
                None => "It locks again only when you lock it.".into(),
            }));
        }
        // The select shows the time still in force.
        Err(err) => {
            idle.notify();
            set_message.set(Some(format!("The idle time was not changed: {err}")));
        }
    };
    let change = move |_| {
        let (old, new) = (current.get_untracked(), typed.passphrase());
        let new = match new {
            Ok(new) => new,
            Err(why) => return set_message.set(Some(why)),
        };
        store.save_now();
        set_busy.set(true);
        set_message.set(Some("Changing the passphrase…".into()));
        spawn_local(async move {
            match lock::change(&old, &new).await {
                Ok(()) => {
                    current.set(String::new());
                    typed.clear();
                    set_message.set(Some("Done: from now on, your new passphrase opens the workbook.".into()));
                }
                Err(lock::UnlockError::Unfinished(err)) => {
                    current.set(String::new());
                    typed.clear();
                    set_message.set(Some(format!("Your new passphrase opens the workbook from now on, but not all of it could be sealed with it yet ({err}). It is finished the next time you unlock.")));
                }
                Err(err) => set_message.set(Some(format!("The passphrase was not changed. {err}"))),
            }
            set_busy.set(false);
        });
    };
    let turn_off = move |_| {
        let old = current.get_untracked();
        store.save_now();
        set_busy.set(true);
        set_message.set(Some("Turning the lock off…".into()));
        spawn_local(async move {
            match lock::turn_off(&old).await {
                Ok(()) => {
                    current.set(String::new());
                    locked.set(false);
                    set_message.set(Some(
                        "The lock is off: what Comeback keeps on this device is stored as plain text again.".into(),
                    ));
                }
                Err(lock::UnlockError::Unfinished(err)) => set_message.set(Some(format!("The lock is being turned off, but not all of the workbook could be stored plain yet ({err}). It is finished the next time you open it with your passphrase."))),
                Err(err) => set_message.set(Some(format!("The lock is still on. {err}"))),
            }
            set_busy.set(false);
        });
    };
    view! {
        <p>
            "Your workbook is locked on this device: what Comeback keeps here is scrambled, and only your passphrase opens it. This tab holds it open until you lock it or leave it alone."
        </p>
        <div class="actions">
            <button type="button" on:click=move |_| store.lock_all()>"Lock now"</button>
        </div>
        <IdleChoice value=idle on_change=change_idle />
        <h3>"Change the passphrase or turn the lock off"</h3>
        <p class="hint">"Both need the passphrase you use now."</p>
        <TextInput id="lock-current" label="Current passphrase" value=current on_input=Callback::new(move |text| current.set(text)) kind="password" />
        <TypedTwiceFields typed=typed id="lock-new" label="New passphrase" again="The new passphrase again" />
        <div class="actions">
            <button type="button" on:click=change disabled=move || busy.get()>"Change the passphrase"</button>
            <button type="button" class="secondary" on:click=turn_off disabled=move || busy.get()>
                "Turn the lock off"
            </button>
        </div>
    }
}
