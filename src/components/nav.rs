//! The main navigation: a bottom bar on phones, a side bar on wide screens
//! (the layout is CSS; the markup is one list).

use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let links = Route::NAV
        .into_iter()
        .map(|target| {
            let href = target.href();
            let label = target.nav_label();
            let is_current = move || route.with(|current| *current == target);
            view! {
                <li>
                    <a href=href aria-current=move || is_current().then_some("page")>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>{links}</ul>
        </nav>
    }
}
