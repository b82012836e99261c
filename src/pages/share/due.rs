//! Who to follow up with today and this week, and those follow-ups as a
//! calendar file.

use chrono::NaiveTime;
use leptos::prelude::*;
use uuid::Uuid;

use super::{short_date, use_share_ui};
use crate::components::card::Card;
use crate::components::show_more::{Paging, ShowMore};
use crate::derived::use_follow_ups;
use crate::io::contacts_export::write_follow_ups_ics;
use crate::store::use_store;
use crate::web::{clock, download::download_text};

/// Follow-ups listed per page, in each of the two lists.
const PAGE: usize = 20;

#[component]
pub fn DueList() -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let (message, set_message) = signal(String::new());
    // Shared with Today, and worked out once per change of the list.
    let due = use_follow_ups().due;
    let today_all = Memo::new(move |_| {
        due.with(|due| due.iter().filter(|due| due.date <= ui.today).map(|due| due.contact).collect::<Vec<_>>())
    });
    let week_all = Memo::new(move |_| {
        due.with(|due| due.iter().filter(|due| due.date > ui.today).map(|due| due.contact).collect::<Vec<_>>())
    });
    let export = move |_| {
        let week_end = ui.week_end.get_untracked();
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
        let text = store.workbook.with_untracked(|workbook| {
            let due = workbook.outreach.due_by(week_end);
            // Overdue follow-ups are put on today, not in the past.
            write_follow_ups_ics(&due, |date| clock::local_to_utc(date.max(ui.today), nine), clock::now())
        });
        match download_text("comeback-follow-ups.ics", "text/calendar", &text) {
            Ok(()) => set_message.set("Your follow-ups are downloading as a calendar file.".into()),
            Err(err) => set_message.set(format!("Sorry, {err}.")),
        }
    };
    view! {
        <Card id="due-heading" title="Follow up today and this week">
            <Show
                when=move || due.with(|due| !due.is_empty())
                fallback=|| view! { <p class="hint">"No follow-ups due this week. When you log a message to someone, their next follow-up appears here."</p> }
            >
                <DueGroup title="Today" label="Follow up today" more="Show more for today" all=today_all />
                <DueGroup title="Later this week" label="Follow up later this week" more="Show more for later this week" all=week_all />
                <div class="actions">
                    <button type="button" class="secondary" on:click=export>"Download these follow-ups for my calendar (.ics)"</button>
                </div>
            </Show>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}

/// One of the two lists of follow-ups, under its heading, shown only when
/// someone is in it. After a long import hundreds can be due at once: a
/// page at a time.
#[component]
fn DueGroup(title: &'static str, label: &'static str, more: &'static str, all: Memo<Vec<Uuid>>) -> impl IntoView {
    let paging = Paging::new(PAGE);
    let shown = move || all.with(|all| paging.visible(all));
    view! {
        <Show when=move || all.with(|all| !all.is_empty())>
            <h3>{title}</h3>
            <ul class="due-list" aria-label=label>
                <For each=shown key=|id| *id let:id><DueRow id=id /></For>
            </ul>
            <ShowMore paging=paging total=Signal::derive(move || all.with(Vec::len)) label=more />
        </Show>
    }
}

/// One follow-up: it reads its own contact, so a new name or date shows
/// where the row already is.
#[component]
fn DueRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let contact = store.contact(id);
    let line =
        Memo::new(move |_| contact.try_with(|contact| (contact.name.trim().to_owned(), contact.next_follow_up())));
    let name = move || line.with(|line| line.as_ref().map(|(name, _)| name.clone()));
    let when = move || {
        line.with(|line| line.as_ref().and_then(|(_, next)| next.map(|next| format!(" — {}", short_date(next)))))
    };
    view! { <li>{name}<span class="hint">{when}</span></li> }
}
