//! The page's first paint: index.html shows what Comeback is while the
//! WebAssembly loads; the app takes over from it.

/// Removes index.html's placeholder (`#boot`), if it is there.
pub fn remove_placeholder() {
    if let Some(placeholder) =
        web_sys::window().and_then(|window| window.document()).and_then(|document| document.get_element_by_id("boot"))
    {
        placeholder.remove();
    }
}
