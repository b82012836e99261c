//! The service worker (`sw.js`, written by tools/post-build.js): registered in
//! release builds so the app works offline, and watched for a new version,
//! which waits until the person agrees to reload.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The browser's service worker container, where there is one (secure
/// contexts only; `http://127.0.0.1` counts as secure).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let supported = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    supported.then(|| navigator.service_worker())
}

/// Registers `sw.js` next to the page and calls `on_update_ready` when a new
/// version has installed and is waiting. Development builds skip it, so
/// `trunk serve` always shows the latest code.
pub fn register(on_update_ready: impl Fn() + 'static) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    let on_update_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        watch_for_updates(&container, registration, on_update_ready);
    });
}

fn watch_for_updates(container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration, ready: Rc<dyn Fn()>) {
    // A worker installed while this page has a controller is an update, not
    // the first install.
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        ready();
    }
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let ready = ready.clone();
        let has_controller = has_controller.clone();
        let on_state_change = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                ready();
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    // Lives as long as the page, like the registration it watches.
    on_update_found.forget();
}

/// Reloads the app on the newest build there is: a version waiting to take
/// over is told to, and the page reloads once it has; with none waiting (or
/// one that took over meanwhile, say from another tab) the page simply
/// reloads, so the person's click is never lost. Save pending edits before
/// calling this.
pub fn reload_newest() {
    let reload_now = || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let Some(container) = container() else { return reload_now() };
    let on_controller_change = Closure::<dyn FnMut()>::new(reload_now);
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    // Lives until the reload it triggers.
    on_controller_change.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let registration = JsFuture::from(container.get_registration()).await;
        let waiting =
            registration.ok().and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok()).and_then(|r| r.waiting());
        match waiting {
            Some(waiting) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = waiting.post_message(&message);
            }
            None => reload_now(),
        }
    });
}
