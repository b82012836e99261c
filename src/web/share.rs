//! Hands a file to the system's share sheet (`navigator.share`), so a phone
//! can put a backup in mail, notes or a drive. Chromium shares only files of
//! types on its allow-list, which has plain text but not JSON: the file is
//! shared as `text/plain`. `share()` needs a fresh tap: call it straight from
//! the click, with the text already made.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::describe_js_error;

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The person picked where it goes.
    Sent,
    /// The person closed the share sheet: nothing went anywhere.
    Cancelled,
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|window| window.navigator())
}

/// A plain-text file holding `text`.
fn text_file(name: &str, text: &str) -> Result<web_sys::File, String> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type("text/plain");
    web_sys::File::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), name, &options)
        .map_err(|err| describe_js_error(&err))
}

fn share_data(file: &web_sys::File, title: &str) -> web_sys::ShareData {
    let data = web_sys::ShareData::new();
    data.set_files(&Array::of1(file));
    data.set_title(title);
    data
}

/// Whether this browser can share a text file (desktop Firefox, for one,
/// has no `navigator.canShare`; then the backup is downloaded instead).
pub fn can_share_files() -> bool {
    let Some(navigator) = navigator() else { return false };
    let has = |name: &str| Reflect::has(&navigator, &JsValue::from_str(name)).unwrap_or(false);
    if !has("canShare") || !has("share") {
        return false;
    }
    text_file("comeback.txt", "").is_ok_and(|file| navigator.can_share_with_data(&share_data(&file, "Comeback")))
}

/// Opens the share sheet with `text` as the file `name`.
pub async fn share_text_file(name: &str, text: &str, title: &str) -> Result<Shared, String> {
    let navigator = navigator().ok_or_else(|| "no window".to_owned())?;
    let file = text_file(name, text)?;
    match JsFuture::from(navigator.share_with_data(&share_data(&file, title))).await {
        Ok(_) => Ok(Shared::Sent),
        // Closing the share sheet rejects with an AbortError: not a failure.
        Err(err) if error_name(&err).as_deref() == Some("AbortError") => Ok(Shared::Cancelled),
        Err(err) => Err(describe_js_error(&err)),
    }
}

/// The `name` of a thrown DOMException or Error ("AbortError").
fn error_name(err: &JsValue) -> Option<String> {
    Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|name| name.as_string())
}
