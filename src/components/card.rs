//! A card of a page: a section named by its heading, with a line on what it
//! is for.

use leptos::prelude::*;

#[component]
pub fn Card(
    /// The heading's id, which names the section.
    id: &'static str,
    title: &'static str,
    /// A line on what the card is for, under the heading.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The heading can take the focus (another page's link leads to it).
    #[prop(optional)]
    focus: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=id>
            <h2 id=id tabindex=focus.then_some("-1")>{title}</h2>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            {children()}
        </section>
    }
}
