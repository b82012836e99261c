//! The release build's shared chunks: code that several pages' chunks use,
//! cut by wasm-split-cli into wasm files of its own. Opening a page fetches
//! all it needs at once (its loader, __wasm_split.js, does that); the idle
//! prefetch takes them one at a time through `__comeback_load_shared`, which
//! tools/build-wasm adds to that loader.
//!
//! Also the split points themselves: [`ChunkMissing`], and [`split_fn!`] for
//! work that is not a page but is rarely needed (src/store/rare.rs).

/// A chunk could not be fetched: offline before it was ever stored, or this
/// tab runs a build whose files an update has replaced.
#[derive(Debug, Clone, Copy)]
pub struct ChunkMissing;

/// What an action whose chunk could not be fetched says.
pub const CHUNK_MISSING: &str =
    "Comeback could not fetch the part of the app that does this. If you are offline, try again once you are connected. Nothing was changed.";

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// A function that the release build cuts into chunk `$chunk`, fetched the
/// first time it is called: so it is `async`, and `Err(ChunkMissing)` when
/// its chunk cannot be fetched (`fallible`: never a panic, and the next call
/// tries again). Other builds (tests, `trunk serve`) call the body directly.
macro_rules! split_fn {
    ($(#[$doc:meta])* $chunk:ident: fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::web::split_loader::ChunkMissing> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::web::split_loader::ChunkMissing> {
            Ok($body)
        }
    };
}
pub(crate) use split_fn;

/// The result of a [`split_fn!`] call at once, for work that must stay
/// synchronous (a save). Its future is ready at the first poll only once an
/// earlier call of the *same* function was awaited: each split function
/// fetches through a loader of its own, even when another one has already
/// brought its chunk. Otherwise `Err(ChunkMissing)`.
pub fn at_once<T>(call: impl std::future::Future<Output = Result<T, ChunkMissing>>) -> Result<T, ChunkMissing> {
    let mut call = std::pin::pin!(call);
    match call.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(result) => result,
        std::task::Poll::Pending => Err(ChunkMissing),
    }
}

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
