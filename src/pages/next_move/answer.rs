//! The answer to "tell me about this gap / what happened?": four parts,
//! suggested from the debrief, Mojo and the targets until the person writes
//! their own; the assembled answer with its length, saved versions, and a
//! rehearsal timer.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::RemoveButton;
use crate::model::dates;
use crate::model::live::*;
use crate::model::plan::story::{clock_label, length_advice, speaking_seconds, word_count, Part, Parts, AIM_SECONDS};
use crate::route::Route;
use crate::store::use_store;
use crate::web::{clipboard::copy_and_report, clock};

#[component]
pub fn FailureAnswerSection() -> impl IntoView {
    let store = use_store();
    // Each part's suggestion follows its own section only: the Mojo part
    // reads the whole time log, so it is not worked out again for a plan edit.
    let workbook = store.workbook;
    let from_debrief = Memo::new(move |_| workbook.debrief().with(|debrief| debrief.answer_words()));
    let from_mojo = Memo::new(move |_| workbook.mojo().with(|mojo| mojo.done_since_words()));
    let from_plan = Memo::new(move |_| workbook.plan().with(|plan| plan.ready_words()));
    let suggestions = Memo::new(move |_| {
        let (what_happened, learned) = from_debrief.get();
        Parts { what_happened, learned, done_since: from_mojo.get(), why_ready: from_plan.get() }
    });
    let resolved = Memo::new(move |_| {
        suggestions.with(|suggestions| store.workbook.plan().with(|plan| plan.answer.parts.resolved(suggestions)))
    });
    let answer = Memo::new(move |_| resolved.get().assemble());
    let words = move || word_count(&answer.get());
    let seconds = move || speaking_seconds(words());
    let (copied, set_copied) = signal(String::new());
    let version_name = RwSignal::new(String::new());
    let save_version = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (name, parts) = (version_name.get_untracked(), resolved.get_untracked());
        store.edit_plan(move |plan, now| {
            plan.answer.save_version(&name, parts, now);
        });
        version_name.set(String::new());
    };
    view! {
        <Card id="what-happened" title="Your answer to “What happened?”" focus=true>
            <p class="hint">
                "Interviewers will ask about the gap or the failure. A calm, honest answer of 60 to 90 seconds: what happened, what you learned, what you have done since, and why you are ready now. Parts are suggested from your "
                <a href=Route::Debrief.href()>"debrief"</a>
                " and "
                <a href=Route::Mojo.href()>"Mojo"</a>
                " until you write your own words."
            </p>
            <Editable legend="The four parts of the answer">
                {Part::ALL.map(|part| view! { <PartField part=part suggestions=suggestions /> }).collect_view()}
            </Editable>
            <h3>"The whole answer"</h3>
            <div class="assembled" role="group" aria-label="The whole answer">
                {move || {
                    let text = answer.get();
                    if text.is_empty() {
                        view! { <p class="hint">"Write or accept a part above and the answer appears here."</p> }.into_any()
                    } else {
                        text.split("\n\n").map(|paragraph| view! { <p>{paragraph.to_owned()}</p> }).collect_view().into_any()
                    }
                }}
            </div>
            <p class="message" role="status">
                {move || format!("{} words, about {} out loud. {}", words(), clock_label(seconds()), length_advice(seconds()))}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="secondary"
                    disabled=move || answer.get().is_empty()
                    on:click=move |_| copy_and_report(answer.get_untracked(), move |message| set_copied.set(message))
                >
                    "Copy the answer"
                </button>
            </div>
            <p class="message" role="status">{move || copied.get()}</p>
            <RehearsalTimer />
            <h3>"Versions"</h3>
            <form class="add-line" on:submit=save_version>
                <label for="answer-version-name">"Name this version (optional)"</label>
                <div class="add-line-row">
                    <input id="answer-version-name" type="text" prop:value=version_name on:input:target=move |event| version_name.set(event.target().value()) />
                    <button type="submit" disabled=move || answer.get().is_empty() || !store.can_edit()>"Save this version"</button>
                </div>
            </form>
            <Versions />
        </Card>
    }
}

#[component]
fn PartField(part: Part, suggestions: Memo<Parts>) -> impl IntoView {
    let store = use_store();
    let own = Memo::new(move |_| store.workbook.plan().with(|plan| plan.answer.parts.get(part).cloned()));
    let suggestion = Memo::new(move |_| suggestions.with(|suggestions| suggestions.get(part).cloned()));
    let id = format!("answer-{}", part.key());
    let hint_id = format!("answer-{}-hint", part.key());
    let source = match part {
        Part::WhatHappened => "your debrief summary",
        Part::Learned => "your key lesson",
        Part::DoneSince => "what you logged in Mojo",
        Part::WhyReady => "your targets and chosen path",
    };
    view! {
        <div class="field">
            <label for=id.clone()>{part.label()}</label>
            <p class="hint" id=hint_id.clone()>
                {move || match (own.get().is_some(), suggestion.get().is_some()) {
                    (false, true) => format!("Suggested from {source}; edit it to make it yours."),
                    (false, false) => format!("Nothing to suggest from {source} yet; write it in your own words."),
                    (true, _) => "In your own words.".to_owned(),
                }}
                " "
                {part.prompt()}
                <Show when=move || own.get().is_some() && suggestion.get().is_some()>
                    " "
                    <button type="button" class="link" on:click=move |_| store.edit_plan(move |plan, now| plan.answer.set_part(part, None, now))>
                        {format!("Use the suggestion from {source} again")}
                    </button>
                </Show>
            </p>
            <textarea
                id=id
                rows="4"
                aria-describedby=hint_id
                prop:value=move || own.get().or_else(|| suggestion.get()).unwrap_or_default()
                on:input:target=move |event| {
                    let text = event.target().value();
                    store.edit_plan(move |plan, now| plan.answer.set_part(part, Some(text), now));
                }
            ></textarea>
        </div>
    }
}

#[component]
fn Versions() -> impl IntoView {
    let store = use_store();
    let versions = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            workbook
                .plan
                .answer
                .versions
                .iter()
                .rev()
                .map(|version| (version.meta.id, version.name.clone(), version.saved_at, version.text()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !versions.get().is_empty() fallback=|| view! { <p class="hint">"No saved versions yet."</p> }>
            <ul class="versions">
                <For each=move || versions.get() key=|version| version.0 let((id, name, saved_at, text))>
                    <li>
                        <details>
                            <summary>
                                {format!(
                                    "{name} — {} words, about {}{}",
                                    word_count(&text),
                                    clock_label(speaking_seconds(word_count(&text))),
                                    saved_at.map(|at| format!(", saved {}", dates::short(at.date_naive()))).unwrap_or_default()
                                )}
                            </summary>
                            {text.split("\n\n").map(|paragraph| view! { <p>{paragraph.to_owned()}</p> }).collect_view()}
                        </details>
                        <div class="row">
                            <button
                                type="button"
                                class="secondary small"
                                aria-label=format!("Work on “{name}” again")
                                on:click=move |_| store.edit_plan(move |plan, now| plan.answer.use_version(id, now))
                            >
                                "Work on this version"
                            </button>
                            <RemoveButton label=format!("Delete “{name}”") small=true on_click=move |_| store.edit_plan(move |plan, now| plan.remove_answer_version(id, now)) />
                        </div>
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Say the answer out loud against the clock. Nothing is stored.
#[component]
fn RehearsalTimer() -> impl IntoView {
    let started = RwSignal::new(None::<f64>);
    let elapsed = RwSignal::new(0u32);
    let (result, set_result) = signal(String::new());
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let stop_ticking = move || {
        if let Some(handle) = ticker.get_value() {
            handle.clear();
            ticker.set_value(None);
        }
    };
    let start = move |_| {
        stop_ticking();
        let at = clock::now_ms();
        started.set(Some(at));
        elapsed.set(0);
        set_result.set(String::new());
        let handle = set_interval_with_handle(
            move || elapsed.set(((clock::now_ms() - at) / 1000.0).max(0.0) as u32),
            std::time::Duration::from_millis(250),
        );
        ticker.set_value(handle.ok());
    };
    let stop = move |_| {
        stop_ticking();
        if let Some(at) = started.get_untracked() {
            let seconds = ((clock::now_ms() - at) / 1000.0).max(0.0) as u32;
            elapsed.set(seconds);
            let (short, long) = AIM_SECONDS;
            let verdict = if seconds < short {
                "under a minute"
            } else if seconds <= long {
                "within the 60–90 seconds"
            } else {
                "over 90 seconds"
            };
            set_result.set(format!("You spoke for {}: {verdict}.", clock_label(seconds)));
        }
        started.set(None);
    };
    on_cleanup(stop_ticking);
    view! {
        <div class="rehearsal">
            <h3>"Rehearse it"</h3>
            <p class="hint">"Say it out loud, to the wall or to a friend. Start the timer, speak, stop."</p>
            <p class="timer" role="timer" aria-label="Time speaking">{move || clock_label(elapsed.get())}</p>
            <div class="actions">
                <Show
                    when=move || started.get().is_some()
                    fallback=move || view! { <button type="button" on:click=start>"Start the timer"</button> }
                >
                    <button type="button" on:click=stop>"Stop the timer"</button>
                </Show>
            </div>
            <p class="message" role="status">{move || result.get()}</p>
        </div>
    }
}
