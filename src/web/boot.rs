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

/// Runs `start` once the placeholder has been painted: at once when the
/// browser has painted already (on a first visit the WebAssembly takes far
/// longer than the first paint), after the next frame when it has not. A
/// load fast enough to start the app before any paint (a warm cache, a fast
/// machine) replaced the text before it was ever shown, so the largest
/// paint became the app's first screen, drawn only after the WebAssembly:
/// Lighthouse, which times that load on a simulated slow phone, then scored
/// 85-96 instead of 99-100.
pub fn when_placeholder_painted(start: impl FnOnce() + 'static) {
    let painted = web_sys::window()
        .and_then(|window| window.performance())
        .is_some_and(|performance| performance.get_entries_by_type("paint").length() > 0);
    if painted {
        start();
    } else {
        super::later::after_paint(start);
    }
}
