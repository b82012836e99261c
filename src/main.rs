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

/// The same room in the writable data segment (statics that can change,
/// about 400 bytes), which the split lays out the same way: it fell 4 bytes
/// short once the rare notices became a chunk.
#[cfg(feature = "split")]
#[used]
static SPLIT_WRITABLE_DATA_ROOM: [std::sync::atomic::AtomicU8; 256] =
    [const { std::sync::atomic::AtomicU8::new(0x5a) }; 256];
