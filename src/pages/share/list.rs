//! The outreach list: most promising first (weak ties in target jobs, then
//! due follow-ups), with search, filters and sorts. Only a page of rows is
//! rendered at a time ("Show more"), and rows are keyed by id, so a list of
//! 5,000 stays quick and a filter keystroke re-renders only what changed.
//! The list is sorted and prepared for search once per change of the list
//! or the sort (`index`); a filter keystroke only filters that index.

use leptos::prelude::*;
use uuid::Uuid;

use super::contact::ContactDetail;
use super::{short_date, use_share_ui};
use crate::components::card::Card;
use crate::components::fields::{FilterField, OptionsFilter};
use crate::components::show_more::{Paging, ShowMore};
use crate::derived::use_outreach_index;
use crate::model::outreach::view::{DueFilter, Filter, Sort};
use crate::model::outreach::{Contact, OutreachStoreFields, Status, TieStrength};
use crate::model::plan::{PlanStoreFields, Targets};
use crate::model::workbook::WorkbookStoreFields;
use crate::store::use_store;
use crate::web::later;

/// Rows rendered per page.
const PAGE: usize = 20;

#[component]
pub fn OutreachList() -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let index = use_outreach_index();
    let sort = index.sort;
    let filter = RwSignal::new(Filter::default());
    let paging = Paging::new(PAGE);
    let total = move || store.workbook.outreach().contacts().with(Vec::len);
    let selected = Memo::new(move |_| {
        let week_end = ui.week_end.get();
        filter.with(|filter| index.select(filter, ui.today, week_end))
    });
    let page = move || selected.with(|ids| paging.visible(ids));
    // A new search or filter starts again from the first page.
    let set_filter = move |change: Box<dyn FnOnce(&mut Filter)>| {
        filter.update(change);
        paging.reset();
    };
    // What is typed shows at once; the list follows after the next frame, in
    // a task of its own, so a keystroke is echoed within a frame even over
    // 5,000 contacts, and keys typed faster than the list can follow are
    // searched once.
    let typed = RwSignal::new(String::new());
    let search_due = StoredValue::new(false);
    let search_typed = move || {
        search_due.set_value(false);
        // The page may have closed in the meantime.
        let Some(text) = typed.try_get_untracked() else { return };
        if filter.try_with_untracked(|filter| filter.text != text) == Some(true) {
            set_filter(Box::new(move |filter| filter.text = text));
        }
    };
    view! {
        <Card id="outreach-list" title="Your outreach list">
            <Show
                when=move || total() != 0
                fallback=|| view! {
                    <p class="hint">"No one here yet. Add someone below, import your LinkedIn connections, or add people you meet at events in step 3 with one button."</p>
                }
            >
                <div class="outreach-tools">
                    <div class="field grow">
                        <label for="outreach-search">"Search your list"</label>
                        <input
                            id="outreach-search"
                            type="search"
                            prop:value=move || typed.get()
                            on:input:target=move |event| {
                                typed.set(event.target().value());
                                if !search_due.get_value() {
                                    search_due.set_value(true);
                                    later::after_paint(search_typed);
                                }
                            }
                        />
                    </div>
                    <FilterField id="outreach-status" label="Filter by status" any="Any status" on_change=Callback::new(move |status: Option<Status>| set_filter(Box::new(move |filter| filter.status = status))) />
                    <FilterField id="outreach-tie" label="Filter by tie strength" any="Any tie" on_change=Callback::new(move |tie: Option<TieStrength>| set_filter(Box::new(move |filter| filter.tie = tie))) />
                    <OptionsFilter
                        id="outreach-target"
                        label="Filter by target jobs"
                        options=&[("", "Everyone"), ("yes", "In a job or company I am targeting"), ("no", "Not marked as a target")]
                        on_change=move |value: String| {
                            let target = match value.as_str() {
                                "yes" => Some(true),
                                "no" => Some(false),
                                _ => None,
                            };
                            set_filter(Box::new(move |filter| filter.target = target));
                        }
                    />
                    <OptionsFilter
                        id="outreach-due"
                        label="Filter by follow-up"
                        options=&[("", "Any time"), ("today", "Due today"), ("week", "Due this week")]
                        on_change=move |value: String| {
                            let due = match value.as_str() {
                                "today" => DueFilter::Today,
                                "week" => DueFilter::ThisWeek,
                                _ => DueFilter::Any,
                            };
                            set_filter(Box::new(move |filter| filter.due = due));
                        }
                    />
                    <div class="field">
                        <label for="outreach-sort">"Sort by"</label>
                        <select id="outreach-sort" on:change:target=move |event| {
                            sort.set(Sort::from_key(&event.target().value()).unwrap_or_default());
                            paging.reset();
                        }>
                            {Sort::ALL.into_iter().map(|choice| view! { <option value=choice.key() prop:selected=move || sort.get() == choice>{choice.label()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <p class="hint" aria-live="polite">
                    {move || {
                        let (count, total) = (selected.with(Vec::len), total());
                        if count == total { format!("{total} people.") } else { format!("{count} of {total} people match.") }
                    }}
                </p>
                <ul class="outreach-list">
                    <For each=page key=|id| *id let:id>
                        <ContactRow id=id />
                    </For>
                </ul>
                <ShowMore paging=paging total=Signal::derive(move || selected.with(Vec::len)) label="Show more" />
            </Show>
        </Card>
    }
}

/// What a row shows; compared so the row re-renders only when it changes.
#[derive(Clone, Debug, PartialEq)]
struct RowSummary {
    name: String,
    how_we_know: String,
    work: String,
    tie: Option<TieStrength>,
    target: bool,
    status: Status,
    next: Option<chrono::NaiveDate>,
}

impl RowSummary {
    fn of(contact: &Contact, targets: &Targets) -> Self {
        let work = [contact.role.trim(), contact.company.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" at ");
        Self {
            name: contact.name.clone(),
            how_we_know: contact.how_we_know.clone(),
            work,
            tie: contact.tie(),
            target: contact.is_target(targets),
            status: contact.status,
            next: contact.next_follow_up(),
        }
    }
}

/// One row: it reads its own record (and the targets), so an edit of
/// another contact does not re-run it.
#[component]
fn ContactRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let contact = store.contact(id);
    let summary = Memo::new(move |_| {
        store.workbook.plan().targets().with(|targets| contact.try_with(|contact| RowSummary::of(contact, targets)))
    });
    // One subscription to the open contact per row, not one per binding.
    let is_open = Memo::new(move |_| ui.open.get() == Some(id));
    let name = move || {
        summary.with(|summary| match summary {
            Some(summary) if !summary.name.trim().is_empty() => summary.name.clone(),
            _ => "(no name yet)".to_owned(),
        })
    };
    view! {
        <li class="contact-row" class:open=is_open>
            <button
                type="button"
                class="contact-name"
                id=format!("contact-{id}-open")
                aria-expanded=move || if is_open.get() { "true" } else { "false" }
                on:click=move |_| ui.open.update(|open| *open = if *open == Some(id) { None } else { Some(id) })
            >
                {name}
            </button>
            // What the row says beside the name: built in one go, again only
            // when the summary changes.
            {move || summary.with(|summary| summary.as_ref().map(|summary| details(summary, ui.today)))}
            {move || is_open.get().then(|| view! { <ContactDetail id=id contact=contact /> })}
        </li>
    }
}

/// How we know them, then the tags.
fn details(summary: &RowSummary, today: chrono::NaiveDate) -> impl IntoView {
    let how = summary.how_we_know.trim();
    (
        (!how.is_empty()).then(|| view! { <span class="how-we-know">{format!(" — {how}")}</span> }),
        badges(summary, today),
    )
}

/// The row's tags; a contact with nothing said about them shows none.
fn badges(summary: &RowSummary, today: chrono::NaiveDate) -> impl IntoView {
    let mut tags: Vec<(String, &'static str)> = Vec::new();
    if !summary.work.is_empty() {
        tags.push((summary.work.clone(), "work"));
    }
    if let Some(tie) = summary.tie {
        tags.push((tie.label().to_owned(), if tie.is_weak() { "tag weak" } else { "tag" }));
    }
    if summary.target {
        tags.push(("Target job".to_owned(), "tag target"));
    }
    if summary.status != Status::NotContacted {
        tags.push((summary.status.label().to_owned(), "tag"));
    }
    if let Some(next) = summary.next {
        if next <= today {
            tags.push((format!("Follow-up due since {}", short_date(next)), "tag due"));
        } else {
            tags.push((format!("Follow up on {}", short_date(next)), "tag"));
        }
    }
    (!tags.is_empty()).then(|| {
        view! {
            <span class="contact-tags">
                {tags.into_iter().map(|(text, class)| view! { " " <span class=class>{text}</span> }).collect_view()}
            </span>
        }
    })
}
