//! Reads a file the person picked (an `<input type="file">`) as text. The
//! file never leaves the browser: it is read here and parsed in `io`.

use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::describe_js_error;

#[derive(Clone, Debug, Error, PartialEq)]
#[error("the file could not be read ({0})")]
pub struct ReadError(String);

/// The first file chosen in a file input, if any.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// The whole file as text (UTF-8).
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadError> {
    let text = JsFuture::from(file.text()).await.map_err(|err| ReadError(describe_js_error(&err)))?;
    text.as_string().ok_or_else(|| ReadError("it is not text".into()))
}

/// The event target as an input element, if it is one.
pub fn as_input(target: web_sys::EventTarget) -> Option<web_sys::HtmlInputElement> {
    target.dyn_into::<web_sys::HtmlInputElement>().ok()
}
