fn main() {
    // The release build aborts on a panic without running any hook
    // (tools/build-wasm): the hook, and the message formatting it carries,
    // would be bytes every first visit downloads for nothing.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    comeback::web::boot::when_placeholder_painted(|| {
        comeback::web::boot::remove_placeholder();
        leptos::mount::mount_to_body(comeback::App);
    });
}

/// Room in the read-only data for the split (tools/build-wasm). wasm-split-cli
/// lays each module's data out anew inside the linked data segment, with some
/// alignment padding; when that does not fit in the segment's length, it puts
/// all the data in the main module instead (its "Overlong segment" warning):
/// that was 100 KB of the pages' text in the entry, 49 KB gzip, for a shortfall
/// of one byte. Nothing refers to these bytes, so no module carries them.
#[cfg(feature = "split")]
#[used]
static SPLIT_DATA_ROOM: [u8; 4096] = [0x5a; 4096];
