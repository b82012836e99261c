//! Long lists shown a page at a time, with a "Show more" button: opening a
//! page with thousands of records renders only the first rows, and a slow
//! phone stays quick. Everything stays reachable, one press per page.

use leptos::prelude::*;

/// How many rows of a list are shown; grows by one page at a time.
#[derive(Clone, Copy)]
pub struct Paging {
    shown: RwSignal<usize>,
    page: usize,
}

impl Paging {
    pub fn new(page: usize) -> Self {
        Self { shown: RwSignal::new(page), page }
    }

    /// The rows to render now, from the start of `rows` (tracked).
    pub fn visible<T: Clone>(&self, rows: &[T]) -> Vec<T> {
        rows.iter().take(self.shown.get()).cloned().collect()
    }

    /// How many of `total` rows are not shown yet (tracked).
    pub fn hidden(&self, total: usize) -> usize {
        total.saturating_sub(self.shown.get())
    }

    /// Back to the first page, e.g. after a new search.
    pub fn reset(&self) {
        self.shown.set(self.page);
    }

    /// Shows at least `count` rows, e.g. so a row just added can take focus.
    pub fn show_at_least(&self, count: usize) {
        self.shown.update(|shown| *shown = (*shown).max(count));
    }

    fn show_next_page(&self) {
        self.shown.update(|shown| *shown += self.page);
    }
}

/// The button under a paged list, there only while rows are hidden:
/// "`label` (n not shown yet)".
#[component]
pub fn ShowMore(paging: Paging, #[prop(into)] total: Signal<usize>, label: &'static str) -> impl IntoView {
    let hidden = move || paging.hidden(total.get());
    view! {
        <Show when=move || hidden() != 0>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| paging.show_next_page()>
                    {move || format!("{label} ({} not shown yet)", hidden())}
                </button>
            </div>
        </Show>
    }
}
