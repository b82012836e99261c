//! Browser glue: the only code that touches web APIs (storage, clock, files).
//! Every call returns a `Result`; nothing here unwraps a browser answer.

pub mod boot;
pub mod clipboard;
pub mod clock;
pub mod crypto;
pub mod decoder;
pub mod document;
pub mod download;
pub mod files;
pub mod focus;
pub mod idle;
pub mod install;
pub mod keys;
pub mod later;
pub mod lifecycle;
pub mod location;
pub mod lock;
pub mod persist;
pub mod service_worker;
pub mod share;
pub mod split_loader;
pub mod storage;

use wasm_bindgen::{JsCast, JsValue};

/// A readable message for an exception thrown by a web API.
pub(crate) fn describe_js_error(err: &JsValue) -> String {
    if let Some(exception) = err.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", exception.name(), exception.message())
    } else if let Some(error) = err.dyn_ref::<js_sys::Error>() {
        String::from(error.message())
    } else {
        err.as_string().unwrap_or_else(|| "unknown error".to_owned())
    }
}
