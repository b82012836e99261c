fn main() {
    console_error_panic_hook::set_once();
    comeback::web::boot::remove_placeholder();
    leptos::mount::mount_to_body(comeback::App);
}
