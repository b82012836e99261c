//! Asks the browser to keep Comeback's storage even when space runs low
//! (`navigator.storage.persist()`), and reads whether it agreed. Browsers
//! decide on their own terms; a backup file stays the real safety net.

use wasm_bindgen_futures::JsFuture;

use super::describe_js_error;

fn manager() -> Result<web_sys::StorageManager, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_owned())?;
    Ok(window.navigator().storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Result<bool, String> {
    let promise = promise.map_err(|err| describe_js_error(&err))?;
    let answer = JsFuture::from(promise).await.map_err(|err| describe_js_error(&err))?;
    answer.as_bool().ok_or_else(|| "the browser gave no answer".to_owned())
}

/// Whether the browser already keeps this site's storage persistently.
pub async fn is_persisted() -> Result<bool, String> {
    ask(manager()?.persisted()).await
}

/// Asks for persistent storage; returns whether it was granted.
pub async fn request() -> Result<bool, String> {
    ask(manager()?.persist()).await
}
