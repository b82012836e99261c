//! Shown for an address the app does not know.

use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <section class="page">
            <h1 tabindex="-1">"Page not found"</h1>
            <p class="lead">{format!("There is no page called “{path}” here. Your work is safe.")}</p>
            <p>
                <a href=Route::Today.href()>"Go to Today"</a>
            </p>
        </section>
    }
}
