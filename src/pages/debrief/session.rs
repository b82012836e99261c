//! The focused debrief session: navigation hidden, one part at a time (the
//! timeline, then each question), a timer against the booked block, and
//! Escape to leave. Everything typed is saved as it is typed.

use leptos::prelude::*;

use super::questions::QuestionCard;
use super::timeline::Timeline;
use crate::model::questions::questions_for;
use crate::route::Route;
use crate::store::use_store;
use crate::web::clock;

#[derive(Clone, PartialEq)]
enum Step {
    Timeline,
    Question { key: String, text: String },
}

/// "1:05:09" or "5:09", for the timer.
fn clock_text(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

fn leave() {
    let _ = window().location().set_hash(&Route::Debrief.href());
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let store = use_store();
    // The list of steps is fixed when the session opens, so skipping a
    // question does not pull the page from under the person.
    let steps: Vec<Step> = store.workbook.with_untracked(|workbook| {
        let debrief = &workbook.debrief;
        let bank = questions_for(debrief.setback)
            .into_iter()
            .map(|question| (question.id.to_owned(), question.text.to_owned()));
        let own = debrief.own_questions.iter().map(|question| (question.meta.id.to_string(), question.text.clone()));
        std::iter::once(Step::Timeline)
            .chain(
                bank.chain(own)
                    .filter(|(key, _)| !debrief.answer(key).is_some_and(|answer| answer.skipped))
                    .map(|(key, text)| Step::Question { key, text }),
            )
            .collect()
    });
    let total = steps.len();
    let steps = StoredValue::new(steps);
    let (index, set_index) = signal(0usize);

    let planned = store.workbook.with_untracked(|workbook| workbook.debrief.session.minutes) as u64 * 60;
    let started = clock::now_ms();
    let (elapsed, set_elapsed) = signal(0u64);
    if let Ok(ticker) = set_interval_with_handle(
        move || set_elapsed.set(((clock::now_ms() - started) / 1000.0).max(0.0) as u64),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }
    let escape = window_event_listener(leptos::ev::keydown, |event| {
        if event.key() == "Escape" {
            leave();
        }
    });
    on_cleanup(move || escape.remove());

    let current = move || steps.with_value(|steps| steps.get(index.get()).cloned());
    let go = move |to: usize| {
        set_index.set(to);
        crate::web::focus::focus_by_id("session-step".into());
    };

    view! {
        <section class="page session">
            <h1 tabindex="-1">"Debrief session"</h1>
            <p class="timer" role="timer">
                {move || format!("{} of {} planned", clock_text(elapsed.get()), clock_text(planned))}
                {move || (elapsed.get() > planned).then_some(". Your block is over: stop here if you need to.")}
            </p>
            <p class="hint">"Take your time. Everything you type is saved as you go. Press Escape to leave."</p>
            <div id="session-step" class="session-step" tabindex="-1" aria-live="polite">
                <p class="step-count">{move || format!("Part {} of {}", index.get() + 1, total)}</p>
                <fieldset class="plain" disabled=move || !store.can_edit()>
                    <legend class="visually-hidden">"Current part"</legend>
                    {move || match current() {
                        Some(Step::Timeline) => view! { <Timeline /> }.into_any(),
                        Some(Step::Question { key, text }) => view! {
                            <section class="card">
                                <QuestionCard key=key text=text />
                            </section>
                        }
                        .into_any(),
                        None => ().into_any(),
                    }}
                </fieldset>
            </div>
            <div class="actions session-nav">
                <button type="button" class="secondary" disabled=move || index.get() == 0 on:click=move |_| go(index.get_untracked().saturating_sub(1))>
                    "Previous"
                </button>
                <Show
                    when=move || index.get() + 1 < total
                    fallback=|| view! { <button type="button" on:click=|_| leave()>"Finish the session"</button> }
                >
                    <button type="button" on:click=move |_| go(index.get_untracked() + 1)>"Next"</button>
                </Show>
                <button type="button" class="secondary" on:click=|_| leave()>"Leave the session (Esc)"</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::clock_text;

    #[test]
    fn timer_text() {
        assert_eq!(clock_text(0), "0:00");
        assert_eq!(clock_text(309), "5:09");
        assert_eq!(clock_text(3 * 3600), "3:00:00");
    }
}
