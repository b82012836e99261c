//! The debrief as a guided sequence: one part a screen (the hard questions
//! one theme a screen), "Part 4 of 9", Back and Next, and the person's place
//! kept in the workbook. The same parts the overview shows, drawn by the
//! same components. As a focused session (`focused`), the navigation is
//! hidden, a timer runs against the booked block, and leaving asks first.
//! The order and the rules live in `model::sequence`.

use leptos::prelude::*;

use super::closure::Closure;
use super::lists::{Factors, Lessons, LookingBack, Options};
use super::questions::Questions;
use super::schedule::Schedule;
use super::timeline::Timeline;
use super::what_happened::WhatHappened;
use crate::model::live::*;
use crate::model::progress::Step;
use crate::model::sequence::{self, Part, Screen};
use crate::route::Route;
use crate::store::use_store;
use crate::web::{clock, focus::focus_by_id, keys, location::go_to};

/// "1:05:09" or "5:09", for the timer.
fn clock_text(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// The id the sequence moves focus to when a new screen opens.
const SCREEN_ID: &str = "sequence-screen";

/// The sequence as the route it was opened at asks: the guided sequence, or
/// the focused session (one chunk holds both).
#[component]
pub fn SequenceForRoute() -> impl IntoView {
    let focused = use_context::<ReadSignal<Route>>()
        .is_some_and(|route| matches!(route.get_untracked(), Route::DebriefSession(_)));
    view! { <SequencePage focused=focused /> }
}

#[component]
pub fn SequencePage(focused: bool) -> impl IntoView {
    let store = use_store();
    let route = use_context::<ReadSignal<Route>>();
    let asked = Memo::new(move |_| route.and_then(|route| route.with(Route::screen)));
    // The screen shown: the one asked for, as this debrief has it, or the
    // place where the person left off.
    let screen = Memo::new(move |_| {
        let asked = asked.get();
        store.workbook.debrief().with(|debrief| match asked {
            Some(screen) => debrief.screen_for(screen),
            None => debrief.resume_screen(),
        })
    });
    // The place follows the screen, in the workbook (reloads, other devices).
    Effect::new(move |_| {
        let shown = screen.get();
        let known = store
            .workbook
            .debrief()
            .place()
            .with_untracked(|place| place.as_ref().is_some_and(|place| place.screen == shown.key()));
        if !known {
            store.edit_field(store.workbook.debrief().place(), move |place, now| {
                sequence::move_place(place, shown, now);
            });
        }
    });
    let address = move |screen: Screen| {
        if focused {
            Route::DebriefSession(Some(screen)).href()
        } else {
            Route::DebriefGuide(Some(screen)).href()
        }
    };
    let go = move |to: Screen| {
        go_to(&address(to));
        focus_by_id(SCREEN_ID.into());
    };
    let neighbours = Memo::new(move |_| {
        let shown = screen.get();
        store.workbook.debrief().with(|debrief| (debrief.previous_screen(shown), debrief.next_screen(shown)))
    });
    let position = Memo::new(move |_| {
        let shown = screen.get();
        store.workbook.debrief().with(|debrief| debrief.position(shown))
    });
    let part = move || screen.get().part();
    let where_text = move || {
        let at = position.get();
        format!("Part {} of {}: {}", at.part, at.parts, part().title())
    };
    let within_part = move || {
        let at = position.get();
        (at.screens_in_part > 1).then(|| {
            let group = match screen.get() {
                Screen::Questions(group) => group.title(),
                Screen::Part(part) => part.title(),
            };
            format!("Questions {} of {}: {group}", at.screen_in_part, at.screens_in_part)
        })
    };
    let requirement = move || {
        if part().is_required() {
            "This part is needed to close the debrief."
        } else {
            "Nothing here is required: skip this part if it does not fit."
        }
    };

    let body = move || match screen.get() {
        Screen::Part(Part::WhatHappened) => view! { <WhatHappened /> }.into_any(),
        Screen::Part(Part::QuietBlock) => view! { <Schedule /> }.into_any(),
        Screen::Part(Part::Timeline) => view! { <Timeline /> }.into_any(),
        Screen::Part(Part::Questions) => view! { <Questions /> }.into_any(),
        Screen::Questions(group) => view! { <Questions only=group /> }.into_any(),
        Screen::Part(Part::Factors) => view! { <Factors /> }.into_any(),
        Screen::Part(Part::LookingBack) => view! { <LookingBack /> }.into_any(),
        Screen::Part(Part::Lessons) => view! { <Lessons /> }.into_any(),
        Screen::Part(Part::Options) => view! { <Options /> }.into_any(),
        Screen::Part(Part::Closure) => view! { <Closure in_sequence=true /> }.into_any(),
    };

    view! {
        <section class="page sequence">
            <h1 tabindex="-1">{if focused { "Debrief session" } else { "Step 1: Debrief, part by part" }}</h1>
            {focused.then(|| view! { <SessionTimer /> })}
            {focused.then(|| view! { <LeaveSession /> })}
            <div id=SCREEN_ID class="session-step" tabindex="-1" role="group" aria-labelledby="sequence-where">
                <p class="step-count" id="sequence-where">{where_text}</p>
                <progress
                    max=move || position.get().parts
                    value=move || position.get().part
                    aria-label="Parts of the debrief"
                ></progress>
                {move || within_part().map(|text| view! { <p class="step-count">{text}</p> })}
                <p class="hint">{requirement}</p>
                <fieldset class="plain" disabled=move || !store.can_edit()>
                    <legend class="visually-hidden">{move || part().title()}</legend>
                    {body}
                </fieldset>
            </div>
            <div class="actions sequence-nav">
                <button
                    type="button"
                    class="secondary"
                    disabled=move || neighbours.get().0.is_none()
                    on:click=move |_| {
                        if let Some(previous) = neighbours.get_untracked().0 {
                            go(previous);
                        }
                    }
                >
                    "Back"
                </button>
                {move || match neighbours.get().1 {
                    Some(next) => view! { <button type="button" on:click=move |_| go(next)>"Next"</button> }.into_any(),
                    None => view! { <Finish /> }.into_any(),
                }}
            </div>
            {(!focused).then(|| view! {
                <p class="no-print">
                    <a href=Route::Debrief.href()>"See the whole debrief on one page"</a>
                </p>
            })}
        </section>
    }
}

/// The end of the sequence: closing the debrief, once its required parts
/// are written, and the way on to Step 2.
#[component]
fn Finish() -> impl IntoView {
    let store = use_store();
    let done = move || store.workbook.debrief().done_at().with(Option::is_some);
    let (missing, set_missing) = signal(Vec::<Part>::new());
    let (error, set_error) = signal(None::<String>);
    let next = Step::Debrief.next().unwrap_or(Step::Share);
    let finish = move |_| {
        let still_missing = store.workbook.debrief().with_untracked(|debrief| debrief.missing_to_finish());
        set_missing.set(still_missing.clone());
        if !still_missing.is_empty() {
            focus_by_id("sequence-missing".into());
            return;
        }
        let mut result = Ok(());
        store.edit_debrief(|debrief, now| result = debrief.finish(now));
        match result {
            Ok(()) => {
                set_error.set(None);
                focus_by_id("sequence-on".into());
            }
            Err(err) => set_error.set(Some(format!("Almost there: {err}."))),
        }
    };
    view! {
        <Show
            when=done
            fallback=move || view! { <button type="button" on:click=finish>"Finish the debrief"</button> }
        >
            <a id="sequence-on" class="button-link" href=Route::of_step(next).href()>
                {format!("Go on to Step {}: {}", next.number(), next.name())}
            </a>
        </Show>
        <Show when=move || !missing.with(Vec::is_empty) && !done()>
            <div id="sequence-missing" class="error" role="alert" tabindex="-1">
                <p>"Almost there. To close the debrief, write:"</p>
                <ul>
                    {move || {
                        missing
                            .get()
                            .into_iter()
                            .map(|part| {
                                view! {
                                    <li>
                                        <a href=Route::DebriefGuide(Some(Screen::Part(part))).href()>
                                            {format!("Part {}: {}", part.number(), part.title())}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
        <p class="error" role="alert">{move || error.get()}</p>
    }
}

/// Time spent against the booked block.
#[component]
fn SessionTimer() -> impl IntoView {
    let store = use_store();
    let planned = store.workbook.debrief().session().with_untracked(|session| u64::from(session.minutes) * 60);
    let started = clock::now_ms();
    let (elapsed, set_elapsed) = signal(0u64);
    if let Ok(ticker) = set_interval_with_handle(
        move || set_elapsed.set(((clock::now_ms() - started) / 1000.0).max(0.0) as u64),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }
    view! {
        <p class="timer" role="timer">
            {move || format!("{} of {} planned", clock_text(elapsed.get()), clock_text(planned))}
            {move || (elapsed.get() > planned).then_some(". Your block is over: stop here if you need to.")}
        </p>
        <p class="hint">"Take your time. Everything you type is saved as you go. Press Escape to leave."</p>
    }
}

/// The way out of the focused session: the button or Escape, and a
/// question first. Escape in a date or time field or a select only closes
/// its picker (`web::keys`).
#[component]
fn LeaveSession() -> impl IntoView {
    let (asking, set_asking) = signal(false);
    let ask = move || {
        set_asking.set(true);
        focus_by_id("leave-session-yes".into());
    };
    let stay = move || {
        set_asking.set(false);
        focus_by_id(SCREEN_ID.into());
    };
    let escape = keys::on_escape(move || if asking.get_untracked() { stay() } else { ask() });
    on_cleanup(move || escape.remove());
    view! {
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| ask()>"Leave the session (Esc)"</button>
        </div>
        <Show when=move || asking.get()>
            <div class="card confirm" role="alertdialog" aria-labelledby="leave-session" aria-describedby="leave-session-text">
                <h2 id="leave-session">"Leave the session?"</h2>
                <p id="leave-session-text">"Everything you wrote is saved. You can come back to this part whenever you like."</p>
                <div class="actions">
                    <button type="button" id="leave-session-yes" on:click=|_| go_to(&Route::Debrief.href())>
                        "Leave the session"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| stay()>"Stay"</button>
                </div>
            </div>
        </Show>
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
