//! Before the list: a limit on the grieving, and the broad announcement,
//! written from a few templates, with where and when it was posted.

use leptos::prelude::*;

use super::{short_date, use_share_ui};
use crate::components::fields::parse_date_input as parse_date;
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
        <section class="card" aria-labelledby="time-box">
            <h2 id="time-box">"Give the grieving a limit"</h2>
            <div class="field">
                <label for="share-by">"Start sharing by"</label>
                <input
                    id="share-by"
                    type="date"
                    prop:value=move || share_by().map(|date| date.to_string()).unwrap_or_default()
                    on:change:target=move |event| {
                        let date = parse_date(&event.target().value());
                        let outreach = store.workbook.outreach();
                        store.edit_in(outreach.share_by(), outreach.updated_at(), move |share_by, _| *share_by = date);
                    }
                />
            </div>
            <p class="sharing-clock" aria-live="polite">{move || sharing_clock_text(sharing_clock(share_by(), ui.today))}</p>
        </section>
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
        <section class="card" aria-labelledby="announce">
            <h2 id="announce">"Tell your network"</h2>
            <p class="hint">"A short post on LinkedIn, Facebook or wherever your people are: you have moved on, what you are looking for, how they can help."</p>
            <div class="row">
                {field("announce-from", "What I moved on from", |a| a.moved_on_from.clone(), |a, v| a.moved_on_from = v)}
                {field("announce-to", "What I am pursuing now", |a| a.pursuing.clone(), |a, v| a.pursuing = v)}
            </div>
            {field("announce-help", "How people can help", |a| a.how_to_help.clone(), |a, v| a.how_to_help = v)}
            <div class="field">
                <label for="announce-style">"Style"</label>
                <select id="announce-style" on:change:target=move |event| style.set(AnnouncementStyle::from_key(&event.target().value()).unwrap_or_default())>
                    {AnnouncementStyle::ALL.into_iter().map(|choice| view! { <option value=choice.key() prop:selected=move || style.get() == choice>{choice.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="announce-post">"Your post"</label>
                <p class="hint" id="announce-post-hint">"Empty fields above take words from your debrief and your targets; with nothing on how people can help, the post simply asks for introductions. Copy the post and paste it where you share; change anything you like there."</p>
                <textarea id="announce-post" rows="6" readonly aria-describedby="announce-post-hint" prop:value=post></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| copy(post())>"Copy the post"</button>
            </div>
            <div class="field">
                <label for="announce-friend">"The friend's first name, for the note (not kept)"</label>
                <input id="announce-friend" type="text" prop:value=friend on:input:target=move |event| friend.set(event.target().value()) />
            </div>
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
                <For each=postings key=|posting| posting.clone() let:posting>
                    {
                        let (id, place, when) = posting;
                        let text = match when {
                            Some(when) => format!("{place}, {}", short_date(when)),
                            None => place.clone(),
                        };
                        view! {
                            <li class="row">
                                <span class="grow">{text}</span>
                                <button type="button" class="secondary small" aria-label=format!("Remove the post on {place}") on:click=move |_| {
                                    store.edit_outreach(move |outreach, now| {
                                        outreach.announcement.postings.retain(|posting: &Posting| posting.meta.id != id);
                                        outreach.removed.record(id, now);
                                        outreach.updated_at = Some(now);
                                    });
                                }>"Remove"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form on:submit=move |event| {
                event.prevent_default();
                record();
            }>
                <div class="row">
                    <div class="field grow">
                        <label for="posting-place">"Posted on"</label>
                        <input id="posting-place" type="text" prop:value=place on:input:target=move |event| place.set(event.target().value()) />
                    </div>
                    <div class="field">
                        <label for="posting-date">"On"</label>
                        <input id="posting-date" type="date" prop:value=date on:input:target=move |event| date.set(event.target().value()) />
                    </div>
                </div>
                <div class="actions">
                    <button type="submit">"Record this post"</button>
                </div>
            </form>
        </section>
    }
}
