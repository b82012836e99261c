//! The heading and opening words every page starts with. The heading takes
//! focus after a route change (see `router`), hence `tabindex="-1"`.

use leptos::prelude::*;

#[component]
pub fn PageIntro(
    /// The page's one `h1`.
    title: &'static str,
    /// A line or two on what this page is for.
    lead: &'static str,
) -> impl IntoView {
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p class="lead">{lead}</p>
    }
}
