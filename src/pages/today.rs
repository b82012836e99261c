//! Where the person stands, and the one next step.

use leptos::prelude::*;

use crate::components::page_intro::PageIntro;
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn TodayPage() -> impl IntoView {
    let store = use_store();
    let debrief_started = move || store.workbook.with(|workbook| workbook.debrief.is_started());
    let steps = [
        (Route::Debrief, "1. Debrief with yourself", "Put the story in order, ask the hard questions, find the lesson."),
        (Route::Share, "2. Share it", "Stop carrying it alone: tell your network, especially the people you rarely see."),
        (Route::Mojo, "3. Regain your mojo", "Side projects, new rooms, and a list of what you are proud of."),
        (Route::NextMove, "4. Make your next move", "Choose the path, track opportunities, and tell the story well."),
    ];
    view! {
        <section class="page">
            <PageIntro
                title="Today"
                lead="This is not the end of your career. In a few months this will feel further away. One step at a time is enough."
            />
            <div class="card next-step">
                <h2>"A good next step"</h2>
                {move || if debrief_started() {
                    view! {
                        <p>
                            "You have started your debrief. When you have a quiet stretch, go back to it: "
                            <a href=Route::Debrief.href()>"continue the debrief"</a>"."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>
                            "Start by writing down what happened, in a sentence or two: "
                            <a href=Route::Debrief.href()>"begin the debrief"</a>"."
                        </p>
                    }
                    .into_any()
                }}
            </div>
            <div class="card">
                <h2>"First steps after the blow"</h2>
                <p>
                    {move || store.workbook.with(|workbook| {
                        let steps = &workbook.first_steps;
                        format!("The practical ground: paperwork, money, health cover. {} of {} done. ", steps.done_count(), steps.checklist.len())
                    })}
                    <a href=Route::FirstSteps.href()>"Checklist and survival budget"</a>
                </p>
            </div>
            <h2>"The four steps"</h2>
            <ol class="steps">
                {steps
                    .into_iter()
                    .map(|(route, name, purpose)| {
                        view! {
                            <li class="card">
                                <a href=route.href()>{name}</a>
                                <p>{purpose}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p class="privacy">
                "Everything you write stays in this browser, on this device. Nothing is sent anywhere."
            </p>
        </section>
    }
}
