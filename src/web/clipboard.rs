//! Copies text to the clipboard (an announcement, a message, an answer).
//! The Clipboard API needs a secure context and may be refused; the caller
//! shows the error, and the text stays on the page to select by hand.

use thiserror::Error;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::describe_js_error;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum ClipboardError {
    #[error("this browser does not allow copying here; select the text and copy it by hand")]
    Unavailable,
    #[error("the text could not be copied ({0}); select it and copy it by hand")]
    Refused(String),
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: String) -> Result<(), ClipboardError> {
    let clipboard =
        web_sys::window().map(|window| window.navigator().clipboard()).ok_or(ClipboardError::Unavailable)?;
    // Older browsers and insecure pages have no `navigator.clipboard`.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return Err(ClipboardError::Unavailable);
    }
    JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|err| ClipboardError::Refused(describe_js_error(&err)))
}

/// Copies `text`, then tells `report` what happened, in words for a status line.
pub fn copy_and_report(text: String, report: impl Fn(String) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        match copy_text(text).await {
            Ok(()) => report("Copied.".into()),
            Err(err) => report(format!("Sorry, {err}.")),
        }
    });
}
