//! The release build's shared chunks: code that several pages' chunks use,
//! cut by wasm-split-cli into wasm files of its own. Opening a page fetches
//! all it needs at once (its loader, __wasm_split.js, does that); the idle
//! prefetch takes them one at a time through `__comeback_load_shared`, which
//! tools/build-wasm adds to that loader.

/// Fetches and instantiates shared chunk `index` (0, 1, …), or finds it already
/// there; false once past the last one, when it could not be fetched, and in
/// builds that are not split.
pub async fn load_shared_chunk(index: u32) -> bool {
    #[cfg(feature = "split")]
    {
        let Ok(loading) = split::load_shared(index) else {
            return false;
        };
        matches!(wasm_bindgen_futures::JsFuture::from(loading).await, Ok(loaded) if loaded.as_bool() == Some(true))
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = index;
        false
    }
}

#[cfg(feature = "split")]
mod split {
    use wasm_bindgen::prelude::*;

    // Beside comeback.js in the split build (tools/build-wasm).
    #[wasm_bindgen(raw_module = "./__wasm_split.js")]
    extern "C" {
        #[wasm_bindgen(js_name = __comeback_load_shared, catch)]
        pub fn load_shared(index: u32) -> Result<js_sys::Promise, JsValue>;
    }
}
