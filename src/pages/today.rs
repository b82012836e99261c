//! Today: a first-run welcome, where the person stands in each step, what is
//! due this week, and the one most useful next step, in kind words.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::fields::RadioChoice;
use crate::components::page_intro::PageIntro;
use crate::components::show_more::{Paging, ShowMore};
use crate::derived::{use_today_figures, TodayFigures};
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::outreach::share::{sharing_clock, sharing_clock_text};
use crate::model::sorting;
use crate::model::SetbackKind;
use crate::pages::lazy::{Chunk, LazyPart};
use crate::route::Route;
use crate::store::{rare, use_store};
use crate::web::clock;
use crate::web::split_loader::{ChunkMissing, CHUNK_MISSING};

/// Things due this week listed at first.
const DUE_PAGE: usize = 10;

#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    // Decided when the page opens, so answering its question does not hide it.
    let first_visit = store.workbook.with_untracked(|workbook| !workbook.settings.welcomed && workbook.is_empty());
    let show_welcome =
        move || first_visit && store.can_edit() && store.workbook.settings().with(|settings| !settings.welcomed);
    // Shared and kept between visits: worked out once per change of the workbook.
    let TodayFigures { next, steps, due } = use_today_figures();
    // A week with hundreds of follow-ups due (after an import) shows the
    // soonest first, a page at a time, instead of a wall of links.
    let due_paging = Paging::new(DUE_PAGE);
    let proud = move || {
        store.workbook.mojo().proud().with(|proud| {
            let mut items: Vec<_> = proud.iter().filter(|item| !item.text.trim().is_empty()).collect();
            sorting::sort_by_key(&mut items, |item| std::cmp::Reverse(item.date));
            items.into_iter().take(3).map(|item| item.text.clone()).collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page">
            <PageIntro
                title="Today"
                lead="This is not the end of your career. In a few months this will feel further away. One step at a time is enough."
            />
            <Show when=show_welcome>
                <Welcome />
            </Show>
            <section class="card next-step" aria-labelledby="next-step">
                <h2 id="next-step">"A good next step"</h2>
                <p>{move || next.get().message(store.workbook.debrief().setback().get())}</p>
                <p><a href=move || next.get().href()>{move || next.get().link_text()}</a></p>
            </section>
            // The weekly review's offer, the momentum chart and the install
            // guidance: a chunk of their own, fetched once the person has
            // started. A first visit has no week to look back on and nothing
            // stored to keep yet, so the welcome stands in their place, and
            // their code stays out of what a first visit downloads.
            <Show when=move || !show_welcome()>
                <LazyPart chunk=Chunk::KeepGoing />
            </Show>
            <Card id="due-this-week" title="Due this week">
                {move || {
                    if due.with(Vec::is_empty) {
                        view! { <p class="hint">"Nothing is due this week."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="due-list">
                                {due.with(|due| due_paging.visible(due))
                                    .into_iter()
                                    .map(|item| {
                                        let when = item.date.map(|date| if date < today { format!("was due {}", date_label(date)) } else { date_label(date) });
                                        view! {
                                            <li>
                                                <a href=item.href>{item.what}</a>
                                                {when.map(|when| view! { <span class="hint">{format!(" · {when}")}</span> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <ShowMore paging=due_paging total=Signal::derive(move || due.with(Vec::len)) label="Show more" />
                        }
                        .into_any()
                    }
                }}
            </Card>
            <Card id="sharing-card" title="Time to share">
                <p>
                    {move || store.workbook.outreach().share_by().with(|share_by| match share_by {
                        Some(_) => sharing_clock_text(sharing_clock(*share_by, today)),
                        None => "Give the grieving a limit: choose a day to start telling people.".to_owned(),
                    })}
                    " "
                    <a href=Route::Share.href()>"Open Share"</a>
                </p>
            </Card>
            <Card id="first-steps-card" title="First steps after the blow">
                <p>
                    {move || {
                        let kind = store.workbook.debrief().setback().get();
                        store.workbook.first_steps().with(|steps| {
                            let (done, all) = steps.progress_for(kind);
                            format!("The practical ground: money, the people at home, what your situation needs. {done} of {all} done. ")
                        })
                    }}
                    <a href=Route::FirstSteps.href()>"Checklist and survival budget"</a>
                </p>
            </Card>
            <h2>"The four steps"</h2>
            <ol class="steps">
                {move || {
                    steps
                        .get()
                        .into_iter()
                        .zip([Route::Debrief, Route::Share, Route::Mojo, Route::NextMove])
                        .map(|(step, route)| {
                            view! {
                                <li class="card" class:done=step.done>
                                    <a href=route.href()>{format!("{}. {}", step.number, step.name)}</a>
                                    <p>
                                        {step.done.then(|| view! { <span class="tag">"Done"</span> " " })}
                                        {step.summary}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <Show when=move || !proud().is_empty()>
                <Card id="proud-of" title="What you are proud of">
                    <ul>{move || proud().into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                </Card>
            </Show>
            <p class="privacy">
                "Everything you write stays in this browser, on this device. Nothing is sent anywhere."
            </p>
        </section>
    }
}

/// The first visit: what Comeback is, where the data stays, and the kind of setback.
#[component]
fn Welcome() -> impl IntoView {
    let store = use_store();
    let (problem, set_problem) = signal(String::new());
    let kinds = SetbackKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <RadioChoice
                    name="welcome-setback"
                    label=kind.label()
                    checked=Signal::derive(move || store.workbook.debrief().with(|debrief| debrief.setback == Some(kind)))
                    on_choose=Callback::new(move |()| store.edit(move |workbook, now| workbook.set_setback(Some(kind), now)))
                />
            }
        })
        .collect_view();
    view! {
        <section class="card welcome" aria-labelledby="welcome">
            <h2 id="welcome">"Welcome to Comeback"</h2>
            <p>
                "A private workbook for getting back on your feet after a setback at work, in four steps: look back honestly, tell people, get your confidence back, and make your next move."
            </p>
            <p>
                <strong>"Everything stays on this device. "</strong>
                "Nothing you write is sent anywhere, and there is no account. To keep it safe or move it to another device, make a backup from "
                <a href=Route::Backup.href()>"Backup & settings"</a>"."
            </p>
            <p>
                "If you were just let go, or are still in the job, use a phone or computer of your own for this, not a work one: work devices are often handed back or looked after by someone else."
            </p>
            <fieldset class="choices">
                <legend>"What happened to you? (You can change this later.)"</legend>
                {kinds}
            </fieldset>
            <p>"Start with an empty workbook, or look around first with an example: Maya, whose small bakery folded. One button removes the example and leaves nothing behind."</p>
            <div class="actions">
                <button type="button" on:click=move |_| store.edit_settings(|settings, _| settings.welcomed = true)>
                    "Start"
                </button>
                <button type="button" class="secondary" on:click=move |_| {
                    leptos::task::spawn_local(async move {
                        match rare::load_example(store).await {
                            Ok(Ok(())) => {}
                            Ok(Err(err)) => set_problem.set(format!("The example could not be shown: {err}.")),
                            Err(ChunkMissing) => set_problem.set(CHUNK_MISSING.into()),
                        }
                    });
                }>
                    "Try it with example data"
                </button>
            </div>
            <p class="message" role="alert">{move || problem.get()}</p>
        </section>
    }
}
