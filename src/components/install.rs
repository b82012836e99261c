//! Install guidance, so the data stays: the "Install Comeback" button where
//! the browser offers it, and on an iPhone or iPad, the Add to Home Screen
//! steps with Safari's seven-day rule, shown once on Today (remembered on
//! this device) and always on the Backup page. Nothing shows once Comeback
//! runs installed. After installing, the browser is asked to keep the data,
//! and its answer is shown.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::route::Route;
use crate::web::{install, persist};

/// Whether the browser currently offers to install Comeback (provided at the
/// app's root, which listens from the first moment).
#[derive(Clone, Copy)]
pub struct InstallOffer(pub RwSignal<bool>);

/// Starts listening for the browser's offer; call once, at the root.
pub fn provide_install_offer() {
    let offer = RwSignal::new(false);
    install::watch(move |available| offer.set(available));
    provide_context(InstallOffer(offer));
}

/// Where the guidance is shown: Today shows the iPhone steps once.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Today,
    Backup,
}

#[component]
pub fn InstallGuidance(place: Place) -> impl IntoView {
    let standalone = install::is_standalone();
    let offer = use_context::<InstallOffer>().map(|offer| offer.0);
    let (answer, set_answer) = signal(None::<String>);
    let home_screen = RwSignal::new(
        !standalone && install::needs_home_screen() && (place == Place::Backup || !install::guidance_seen()),
    );
    let offered = move || !standalone && offer.is_some_and(|offer| offer.get());
    let install_now = move |_| {
        spawn_local(async move {
            let words = match install::prompt().await {
                Ok(true) => {
                    // Installed: the moment the person understands why the data should stay.
                    match persist::request().await {
                        Ok(true) => "Comeback is installed. This browser has also agreed to keep its data when space runs low.".to_owned(),
                        Ok(false) => "Comeback is installed. This browser may still clear its data when space runs low, so keep a backup somewhere else.".to_owned(),
                        Err(_) => "Comeback is installed. Keep a backup somewhere else too.".to_owned(),
                    }
                }
                Ok(false) => "Not installed. You can install Comeback any time from here.".to_owned(),
                Err(err) => format!("Comeback could not be installed from here: {err}."),
            };
            set_answer.set(Some(words));
        });
    };
    let set_aside = move |_| {
        install::mark_guidance_seen();
        home_screen.set(false);
    };
    view! {
        <Show when=offered>
            <section class="card install" aria-labelledby=format!("install-{}", place_key(place))>
                <h2 id=format!("install-{}", place_key(place))>"Install Comeback"</h2>
                <p>"Installed, Comeback opens like an app, works offline, and your browser is more likely to keep what you wrote. It stays on this device either way."</p>
                <div class="actions">
                    <button type="button" on:click=install_now>"Install Comeback"</button>
                </div>
            </section>
        </Show>
        <p class="message" role="status">{move || answer.get()}</p>
        <Show when=move || home_screen.get()>
            <section class="card install" aria-labelledby=format!("home-screen-{}", place_key(place))>
                <h2 id=format!("home-screen-{}", place_key(place))>"Keep your work on this iPhone or iPad"</h2>
                <p>
                    "Safari erases what a website keeps after seven days without a visit. Added to your Home Screen, Comeback keeps its own data, which is not erased this way."
                </p>
                <ol>
                    <li>"Tap the Share button in Safari (a square with an arrow pointing up)."</li>
                    <li>"Choose “Add to Home Screen”, then tap “Add”."</li>
                    <li>"Open Comeback from its new icon."</li>
                </ol>
                <p>
                    "The Home Screen app starts empty: it does not see what you wrote in Safari. To move your work across, first make a backup here ("
                    <a href=Route::Backup.href()>"Backup & settings"</a>
                    "), then restore it in the new app."
                </p>
                {(place == Place::Today).then(|| view! {
                    <div class="actions">
                        <button type="button" class="secondary" on:click=set_aside>"Got it"</button>
                    </div>
                })}
            </section>
        </Show>
    }
}

fn place_key(place: Place) -> &'static str {
    match place {
        Place::Today => "today",
        Place::Backup => "backup",
    }
}
