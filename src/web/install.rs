//! Installing Comeback: the browser's own offer (`beforeinstallprompt`,
//! Chromium), whether it already runs installed (display-mode standalone),
//! and whether it runs in Safari on an iPhone or iPad, where a site's
//! storage is erased after seven days without a visit unless it is added to
//! the Home Screen. The "shown once" mark of the iPhone guidance is kept on
//! this device only, beside the workbook, never in it.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{describe_js_error, storage};

thread_local! {
    /// The browser's deferred install offer, until it is used or the app installed.
    static OFFER: RefCell<Option<web_sys::Event>> = const { RefCell::new(None) };
}

/// The local key of the "guidance shown" mark.
const GUIDANCE_SEEN: &str = "install-guidance-seen";

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name)).ok().filter(|value| !value.is_undefined())
}

/// Listens, for the life of the page, for the browser's install offer and for
/// the app being installed; `on_offer(true)` when it may be offered.
pub fn watch(on_offer: impl Fn(bool) + Clone + 'static) {
    let Some(window) = web_sys::window() else { return };
    let offered = on_offer.clone();
    let on_prompt = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Kept for the person's own tap on "Install Comeback", not shown now.
        event.prevent_default();
        OFFER.set(Some(event));
        offered(true);
    });
    let on_installed = Closure::<dyn FnMut()>::new(move || {
        OFFER.set(None);
        on_offer(false);
    });
    let _ = window.add_event_listener_with_callback("beforeinstallprompt", on_prompt.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("appinstalled", on_installed.as_ref().unchecked_ref());
    // The page keeps both listeners as long as it lives.
    on_prompt.forget();
    on_installed.forget();
}

/// Shows the browser's install dialog; returns whether the person accepted.
pub async fn prompt() -> Result<bool, String> {
    let event = OFFER.with_borrow(Clone::clone).ok_or_else(|| "the browser no longer offers it".to_owned())?;
    let prompt = get(&event, "prompt").and_then(|prompt| prompt.dyn_into::<Function>().ok());
    let prompt = prompt.ok_or_else(|| "this browser cannot install it from here".to_owned())?;
    let shown = prompt.call0(&event).map_err(|err| describe_js_error(&err))?;
    if let Ok(shown) = shown.dyn_into::<Promise>() {
        JsFuture::from(shown).await.map_err(|err| describe_js_error(&err))?;
    }
    // An offer is used once.
    OFFER.set(None);
    let choice = get(&event, "userChoice").and_then(|choice| choice.dyn_into::<Promise>().ok());
    let Some(choice) = choice else { return Ok(false) };
    let choice = JsFuture::from(choice).await.map_err(|err| describe_js_error(&err))?;
    Ok(get(&choice, "outcome").and_then(|outcome| outcome.as_string()).as_deref() == Some("accepted"))
}

/// Whether Comeback runs as an installed app (its own window, or an iOS
/// Home Screen app).
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let matches = get(&window, "matchMedia")
        .and_then(|match_media| match_media.dyn_into::<Function>().ok())
        .and_then(|match_media| match_media.call1(&window, &JsValue::from_str("(display-mode: standalone)")).ok())
        .and_then(|list| get(&list, "matches"))
        .and_then(|matches| matches.as_bool())
        .unwrap_or(false);
    matches || get(&window.navigator(), "standalone").and_then(|value| value.as_bool()).unwrap_or(false)
}

/// Whether this is an iPhone's or iPad's browser, not yet on the Home
/// Screen. iPadOS reports a Mac's user agent: a "Mac" with a touch screen
/// is an iPad.
pub fn needs_home_screen() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let touch = navigator.max_touch_points() > 1;
    let apple_mobile =
        ["iPhone", "iPad", "iPod"].iter().any(|name| agent.contains(name)) || (agent.contains("Macintosh") && touch);
    apple_mobile && !is_standalone()
}

/// Whether the iPhone guidance was already shown (and set aside) on this device.
pub fn guidance_seen() -> bool {
    matches!(storage::read(&storage::key(GUIDANCE_SEEN)), Ok(Some(_)))
}

/// Remembers, on this device only, that the guidance was shown.
pub fn mark_guidance_seen() {
    // Without storage the guidance simply shows again next time.
    let _ = storage::write(&storage::key(GUIDANCE_SEEN), "1");
}
