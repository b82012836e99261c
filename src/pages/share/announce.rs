//! Before the list: a limit on the grieving, and the broad announcement,
//! written from a few templates, with where and when it was posted.

use leptos::prelude::*;

use super::{short_date, use_share_ui};
use crate::components::card::Card;
use crate::components::fields::{
    parse_date_input as parse_date, AddForm, DateInput, DraftChoice, DraftInput, RemoveButton,
};
use crate::model::live::*;
use crate::model::outreach::share::{
    announcement_text, close_note, sharing_clock, sharing_clock_text, Announcement, AnnouncementStyle, Posting,
};
use crate::model::outreach::OutreachStoreFields;
use crate::model::RecordMeta;
use crate::store::use_store;
use crate::web::clipboard::copy_and_report;

#[component]
pub fn TimeBox() -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let share_by = move || store.workbook.outreach().share_by().get();
    view! {
        <Card id="time-box" title="Give the grieving a limit">
            <DateInput
                id="share-by"
                label="Start sharing by"
                value=Signal::derive(share_by)
                on_change=move |date| {
                    let outreach = store.workbook.outreach();
                    store.edit_in(outreach.share_by(), outreach.updated_at(), move |share_by, _| *share_by = date);
                }
            />
            <p class="sharing-clock" aria-live="polite">{move || sharing_clock_text(sharing_clock(share_by(), ui.today))}</p>
        </Card>
    }
}

#[component]
pub fn Announce() -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let style = RwSignal::new(AnnouncementStyle::default());
    let announcement = Memo::new(move |_| store.workbook.outreach().announcement().get());
    // Empty fields take words from the debrief and the plan's targets.
    let filled = Memo::new(move |_| store.workbook.with(|workbook| workbook.announcement_filled()));
    let setback = move || store.workbook.debrief().setback().get();
    let post = move || filled.with(|announcement| announcement_text(announcement, style.get(), setback()));
    // Whom the note is for: only to greet them by name, never stored.
    let friend = RwSignal::new(String::new());
    let note = move || filled.with(|announcement| friend.with(|name| close_note(announcement, name, setback())));
    let (copied, set_copied) = signal(String::new());
    let copy = move |text: String| copy_and_report(text, move |message| set_copied.set(message));
    let field = move |id: &'static str,
                      label: &'static str,
                      get: fn(&Announcement) -> String,
                      set: fn(&mut Announcement, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    placeholder=move || filled.with(get)
                    prop:value=move || announcement.with(get)
                    on:input:target=move |event| {
                        let value = event.target().value();
                        let outreach = store.workbook.outreach();
                        store.edit_in(outreach.announcement(), outreach.updated_at(), move |announcement, _| set(announcement, value));
                    }
                />
            </div>
        }
    };
    let place = RwSignal::new(String::new());
    let date = RwSignal::new(ui.today.to_string());
    let record = move || {
        let where_ = place.get_untracked().trim().to_owned();
        if where_.is_empty() {
            return;
        }
        let posting = Posting {
            meta: RecordMeta::new(crate::web::clock::now()),
            place: where_,
            date: parse_date(&date.get_untracked()),
        };
        let outreach = store.workbook.outreach();
        store.edit_in(outreach.announcement(), outreach.updated_at(), move |announcement, _| {
            announcement.postings.push(posting)
        });
        place.set(String::new());
    };
    let postings = move || {
        announcement.with(|announcement| {
            announcement
                .postings
                .iter()
                .map(|posting| (posting.meta.id, posting.place.clone(), posting.date))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Card id="announce" title="Tell your network" hint="A short post on LinkedIn, Facebook or wherever your people are: you have moved on, what you are looking for, how they can help.">
            <div class="row">
                {field("announce-from", "What I moved on from", |a| a.moved_on_from.clone(), |a, v| a.moved_on_from = v)}
                {field("announce-to", "What I am pursuing now", |a| a.pursuing.clone(), |a, v| a.pursuing = v)}
            </div>
            {field("announce-help", "How people can help", |a| a.how_to_help.clone(), |a, v| a.how_to_help = v)}
            <DraftChoice id="announce-style" label="Style" value=style />
            <div class="field">
                <label for="announce-post">"Your post"</label>
                <p class="hint" id="announce-post-hint">"Empty fields above take words from your debrief and your targets; with nothing on how people can help, the post simply asks for introductions. Copy the post and paste it where you share; change anything you like there."</p>
                <textarea id="announce-post" rows="6" readonly aria-describedby="announce-post-hint" prop:value=post></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| copy(post())>"Copy the post"</button>
            </div>
            <DraftInput id="announce-friend" label="The friend's first name, for the note (not kept)" value=friend />
            <div class="field">
                <label for="announce-note">"A personal note for close friends, before the post"</label>
                <textarea id="announce-note" rows="5" readonly prop:value=note></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| copy(note())>"Copy the note"</button>
            </div>
            <p class="message" role="status">{move || copied.get()}</p>
            <h3>"Where I posted it"</h3>
            <ul class="editable-list" aria-label="Where I posted it">
                <For each=postings key=|(id, _, _)| *id let:posting>
                    {
                        let (id, place, when) = posting;
                        let text = match when {
                            Some(when) => format!("{place}, {}", short_date(when)),
                            None => place.clone(),
                        };
                        let remove = move |_| store.edit_outreach(move |outreach, now| outreach.remove_posting(id, now));
                        view! {
                            <li class="row">
                                <span class="grow">{text}</span>
                                <RemoveButton label=format!("Remove the post on {place}") text="Remove" small=true on_click=remove />
                            </li>
                        }
                    }
                </For>
            </ul>
            <AddForm button="Record this post" plain=true on_add=move |_| record()>
                <DraftInput id="posting-place" label="Posted on" value=place grow=true />
                <DraftInput id="posting-date" label="On" kind="date" value=date />
            </AddForm>
        </Card>
    }
}
