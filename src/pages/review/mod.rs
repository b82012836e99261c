//! The weekly review: one week's figures from the workbook, three short
//! questions, the energy of the week, and up to three priorities for the
//! next one, which become dated actions in the plan.
//!
//! - this file: the review page;
//! - `keep_going`: Today's card offering the review, with the momentum
//!   since the setback (a chunk of its own, outside the entry module).

pub mod keep_going;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{AddLine, RadioChoice, TextArea};
use crate::components::page_intro::PageIntro;
use crate::components::send_backup::SendBackup;
use crate::derived::track_week_figures;
use crate::io::review_markdown::reviews_markdown;
use crate::model::dates;
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::mojo::week_start;
use crate::model::review::{review_week, WeeklyReview, MAX_ENERGY, MAX_PRIORITIES};
use crate::route::Route;
use crate::store::use_store;
use crate::web::{clock, download::download_text, focus::focus_by_id};

/// What each energy level means, for its label.
const ENERGY: [(u8, &str); MAX_ENERGY as usize] =
    [(1, "1, running on empty"), (2, "2, low"), (3, "3, steady"), (4, "4, good"), (5, "5, plenty")];

#[component]
pub fn ReviewPage() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let route = use_context::<ReadSignal<Route>>();
    let first = move || store.workbook.mojo().week_starts_on().get();
    // The week asked for (never one that has not started), or the one offered today.
    let week = Memo::new(move |_| {
        let asked =
            route.and_then(|route| route.with(|route| if let Route::Review(day) = route { *day } else { None }));
        match asked {
            Some(day) => week_start(day.min(today), first()),
            None => review_week(today, first()),
        }
    });
    let this_week = move || week_start(today, first());
    let review = Memo::new(move |_| {
        let week = week.get();
        store.workbook.mojo().reviews().with(|reviews| reviews.iter().find(|review| review.week == week).cloned())
    });
    let figures = Memo::new(move |_| {
        let week = week.get();
        track_week_figures(store.workbook);
        store.workbook.with_untracked(|workbook| {
            let figures = workbook.figures_of_week(week);
            let waiting = workbook.follow_ups_waiting(week, today);
            (
                figures.lines(workbook.mojo.weekly_hours_goal, Some(waiting)),
                figures.is_rest(today),
                figures.nothing_logged(),
            )
        })
    });
    let undated = Memo::new(move |_| {
        track_week_figures(store.workbook);
        store.workbook.with_untracked(|workbook| workbook.undated().words())
    });

    // The review is made by its first edit: opening a week writes nothing.
    let edit = move |change: Box<dyn FnOnce(&mut WeeklyReview)>| {
        let week = week.get_untracked();
        store.edit_mojo(move |mojo, now| {
            let id = mojo.start_review(week, now);
            mojo.update_review(id, now, change);
        });
    };
    let text = move |pick: fn(&WeeklyReview) -> &String| {
        Signal::derive(move || {
            review.with(|review| review.as_ref().map(|review| pick(review).clone()).unwrap_or_default())
        })
    };
    let field = move |id: &str,
                      label: &'static str,
                      hint: &'static str,
                      pick: fn(&WeeklyReview) -> &String,
                      set: fn(&mut WeeklyReview, String)| {
        view! {
            <TextArea
                id=id.to_owned()
                label=label
                hint=hint
                rows=3
                value=text(pick)
                on_input=Callback::new(move |value: String| edit(Box::new(move |review| set(review, value))))
            />
        }
    };
    let energy = move |level: Option<u8>, label: &'static str| {
        view! {
            <RadioChoice
                name="review-energy"
                label=label
                checked=Signal::derive(move || review.with(|review| review.as_ref().and_then(|review| review.energy)) == level)
                on_choose=Callback::new(move |()| edit(Box::new(move |review| review.energy = level)))
            />
        }
    };

    let week_title = move || {
        let week = week.get();
        if week == this_week() {
            format!("This week, from {}", date_label(week))
        } else {
            format!("The week of {}", date_label(week))
        }
    };
    let (download_problem, set_download_problem) = signal(None::<String>);
    let download = move |_| {
        let text = store.workbook.with_untracked(reviews_markdown);
        let name = format!("comeback-reviews-{}.md", dates::iso(today));
        set_download_problem
            .set(download_text(&name, "text/markdown", &text).err().map(|err| format!("Not downloaded: {err}.")));
    };

    view! {
        <section class="page review">
            <PageIntro
                title="Weekly review"
                lead="A few minutes to look back at one week: what moved, what was hard, and what matters next. Small weeks count, and so do weeks of rest."
            />
            <nav class="week-nav" aria-label="Other weeks">
                <a href=move || Route::Review(Some(week.get() - Days::new(7))).href()>"The week before"</a>
                <Show when=move || week.get() < this_week()>
                    <a href=move || Route::Review(Some(week.get() + Days::new(7))).href()>"The week after"</a>
                </Show>
            </nav>
            <section class="card" aria-labelledby="review-figures">
                <h2 id="review-figures">{week_title}</h2>
                <p class="hint">
                    {move || figures.with(|(_, rest, nothing)| {
                        if *rest {
                            "A week of rest. Rest is part of a comeback, not a gap in it."
                        } else if *nothing {
                            "Nothing was logged this week. Some weeks are like that; a few words below still help."
                        } else {
                            "What you logged this week, from your workbook."
                        }
                    })}
                </p>
                <dl class="figures">
                    {move || figures.with(|(lines, _, _)| {
                        lines
                            .iter()
                            .map(|line| view! { <div><dt>{line.label}</dt><dd>{line.value.clone()}</dd></div> })
                            .collect_view()
                    })}
                </dl>
                {move || undated.get().map(|words| view! { <p class="hint">{words}</p> })}
            </section>
            <Card id="review-questions" title="Three short questions">
                {field("review-moved", "What moved this week?", "Anything counts: a message sent, an hour on your project, a walk that cleared your head.", |review| &review.moved, |review, value| review.moved = value)}
                {field("review-hard", "What was hard?", "Naming it is enough; there is no need to fix it here.", |review| &review.hard, |review, value| review.hard = value)}
                {field("review-next-one", "What is the one thing for next week?", "If only one thing happens next week, which one would you want it to be?", |review| &review.next_one, |review, value| review.next_one = value)}
                <fieldset class="choices energy">
                    <legend>"Your energy this week (if you want to say)"</legend>
                    {ENERGY.into_iter().map(|(level, label)| energy(Some(level), label)).collect_view()}
                    {energy(None, "Rather not say")}
                </fieldset>
            </Card>
            <Priorities week=week review=review />
            <Card id="review-keep" title="Keep it safe" hint="Your reviews are saved on this device as you type. A Markdown copy of all of them is yours to keep.">
                <div class="actions">
                    <button type="button" class="secondary" on:click=download>"Download my reviews as Markdown"</button>
                </div>
                <p class="error" role="alert">{move || download_problem.get()}</p>
                <h3>"Send a backup to myself"</h3>
                <p class="hint">"The end of a week is a good moment for a backup: the whole workbook, in your mail, notes or drive."</p>
                <SendBackup id="review" />
            </Card>
        </section>
    }
}

/// Up to three priorities for next week, each an action in the plan.
#[component]
fn Priorities(week: Memo<NaiveDate>, review: Memo<Option<WeeklyReview>>) -> impl IntoView {
    let store = use_store();
    let (problem, set_problem) = signal(None::<String>);
    let ids = move || {
        review.with(|review| {
            review
                .as_ref()
                .map(|review| review.priorities.iter().map(|priority| priority.meta.id).collect())
                .unwrap_or_else(Vec::new)
        })
    };
    let full =
        move || review.with(|review| review.as_ref().is_some_and(|review| review.priorities.len() >= MAX_PRIORITIES));
    let add = move |text: String| {
        let (week, today) = (week.get_untracked(), clock::today());
        let mut result = Ok(Uuid::nil());
        store.edit(|workbook, now| {
            let review = workbook.mojo.start_review(week, now);
            result = workbook.add_priority(review, &text, today, now);
        });
        set_problem.set(result.err().map(|err| format!("Not added: {err}.")));
    };
    view! {
        <Card id="review-priorities" title="Priorities for next week" hint="Up to three. Each goes into your plan with a date, and changing the words here changes them there.">
            <ol class="priorities">
                <For each=ids key=|id| *id let:id>
                    <PriorityRow id=id review=review />
                </For>
            </ol>
            <Show
                when=move || !full()
                fallback=|| view! { <p class="hint">"Three priorities are plenty for one week."</p> }
            >
                <AddLine
                    id="review-priority-new".to_owned()
                    label="A priority for next week"
                    button="Add to my plan"
                    on_add=Callback::new(add)
                />
            </Show>
            <p class="error" role="alert">{move || problem.get()}</p>
            <p><a href=Route::NextMove.href()>"Open your plan"</a></p>
        </Card>
    }
}

#[component]
fn PriorityRow(id: Uuid, review: Memo<Option<WeeklyReview>>) -> impl IntoView {
    let store = use_store();
    let review_id = move || review.with(|review| review.as_ref().map(|review| review.meta.id));
    let words = move || {
        review.with(|review| {
            review
                .as_ref()
                .and_then(|review| review.priorities.iter().find(|priority| priority.meta.id == id))
                .map(|priority| priority.text.clone())
                .unwrap_or_default()
        })
    };
    let due = move || {
        let review = review_id()?;
        store.workbook.plan().actions().with(|actions| {
            actions
                .iter()
                .find(|action| {
                    action.origin == Some(crate::model::plan::ActionOrigin::ReviewPriority { review, priority: id })
                })
                .map(|action| match (action.done, action.due) {
                    (true, _) => "In your plan: done.".to_owned(),
                    (false, Some(due)) => format!("In your plan, due {}.", date_label(due)),
                    (false, None) => "In your plan, without a date.".to_owned(),
                })
        })
    };
    let number = move || {
        review.with(|review| {
            review
                .as_ref()
                .and_then(|review| review.priorities.iter().position(|priority| priority.meta.id == id))
                .map_or(0, |at| at + 1)
        })
    };
    let input_id = format!("priority-{id}");
    let set = move |text: String| {
        if let Some(review) = review_id() {
            store.edit_mojo(move |mojo, now| mojo.set_priority_text(review, id, &text, now));
        }
    };
    let remove = move |_| {
        if let Some(review) = review_id() {
            store.edit(move |workbook, now| workbook.remove_priority(review, id, now));
            focus_by_id("review-priority-new".to_owned());
        }
    };
    view! {
        <li class="priority">
            <div class="field">
                <label for=input_id.clone()>{move || format!("Priority {}", number())}</label>
                <input id=input_id type="text" prop:value=words on:input:target=move |event| set(event.target().value()) />
            </div>
            <p class="hint">{due}</p>
            <button type="button" class="secondary" on:click=remove aria-label=move || format!("Remove the priority “{}” (its action stays in your plan)", words())>
                "Remove"
            </button>
        </li>
    }
}
