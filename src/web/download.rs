//! Hands text to the person as a downloaded file (exports, recovery copies).

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use super::describe_js_error;

#[derive(Clone, Debug, Error, PartialEq)]
#[error("the file could not be prepared for download ({0})")]
pub struct DownloadError(String);

impl From<JsValue> for DownloadError {
    fn from(err: JsValue) -> Self {
        DownloadError(describe_js_error(&err))
    }
}

/// Starts a download of `text` as `filename` with the given MIME type.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;

    let document =
        web_sys::window().and_then(|window| window.document()).ok_or_else(|| DownloadError("no document".into()))?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a")?.dyn_into().map_err(|_| DownloadError("could not create a link".into()))?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // The click has handed the blob to the download; the URL is no longer needed.
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
