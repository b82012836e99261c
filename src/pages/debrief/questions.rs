//! The hard questions: the bank tailored to the setback, grouped by theme,
//! each with a "Why?" drill-down, plus the person's own questions.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{AddLine, TextArea};
use crate::model::debrief::{Answer, MAX_WHYS};
use crate::model::live::*;
use crate::model::questions::{questions_for, Theme};
use crate::model::sequence::QuestionGroup;
use crate::store::use_store;
use crate::web::focus::{focus_added, focus_by_id};

/// The hard questions, every group of them (the overview) or `only` one
/// (a screen of the guided sequence).
#[component]
pub fn Questions(#[prop(optional)] only: Option<QuestionGroup>) -> impl IntoView {
    let store = use_store();
    let kind = Memo::new(move |_| store.workbook.debrief().with(|debrief| debrief.setback));
    let shown = move |group: QuestionGroup| only.is_none_or(|only| only == group);
    let groups = move || {
        let questions = questions_for(kind.get());
        Theme::ALL
            .into_iter()
            .filter(|theme| shown(QuestionGroup::Theme(*theme)))
            .filter_map(|theme| {
                let in_theme: Vec<_> = questions.iter().filter(|question| question.theme == theme).copied().collect();
                (!in_theme.is_empty()).then(|| {
                    view! {
                        <h3>{theme.title()}</h3>
                        {in_theme
                            .into_iter()
                            .map(|question| view! { <QuestionCard key=question.id.to_owned() text=question.text.to_owned() /> })
                            .collect_view()}
                    }
                })
            })
            .collect_view()
    };
    view! {
        <Card id="questions" title="The hard questions" hint="Go beneath the surface, even if no big answer comes. Skip any question that does not fit; use “Ask why” to dig deeper.">
            {groups}
            {shown(QuestionGroup::Own).then(|| view! { <OwnQuestions /> })}
        </Card>
    }
}

/// The person's own questions, and the line to add one.
#[component]
fn OwnQuestions() -> impl IntoView {
    let store = use_store();
    let own_ids = move || {
        store.workbook.with(|workbook| {
            workbook.debrief.own_questions.iter().map(|question| question.meta.id).collect::<Vec<Uuid>>()
        })
    };
    let add_own = Callback::new(move |text: String| {
        let mut added = None;
        store.edit_debrief(|debrief, now| added = debrief.add_own_question(&text, now));
        focus_added(added, |id| format!("answer-{id}"));
    });
    view! {
        <h3>{QuestionGroup::Own.title()}</h3>
        <For each=own_ids key=|id| *id let:id>
            <OwnQuestion id=id />
        </For>
        <AddLine id="own-question" label="Add a question of your own" button="Add question" on_add=add_own />
    }
}

#[component]
fn OwnQuestion(id: Uuid) -> impl IntoView {
    let store = use_store();
    // A memo: the card is drawn again only when the question's text changes,
    // not on every keystroke of its answer (that would take the focus away).
    let text = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            workbook
                .debrief
                .own_questions
                .iter()
                .find(|question| question.meta.id == id)
                .map(|question| question.text.clone())
        })
    });
    let remove = move |_| store.edit_debrief(move |debrief, now| debrief.remove_own_question(id, now));
    view! {
        {move || text.get().map(|text| view! { <QuestionCard key=id.to_string() text=text /> })}
        <div class="actions">
            <button type="button" class="secondary" on:click=remove>"Remove this question"</button>
        </div>
    }
}

/// One question with its answer, its "Why?" levels and a skip switch.
#[component]
pub fn QuestionCard(key: String, text: String) -> impl IntoView {
    let store = use_store();
    let answer_id = format!("answer-{key}");
    let heading_id = format!("question-{key}");
    let labelled_by = heading_id.clone();
    // A Copy handle on the key, so every closure below can use it.
    let key = StoredValue::new(key);
    let answer = move || {
        store.workbook.with(|workbook| key.with_value(|key| workbook.debrief.answer(key).cloned().unwrap_or_default()))
    };
    let skipped = move || answer().skipped;
    let why_count = move || answer().whys.len();
    let edit_answer = move |change: Box<dyn FnOnce(&mut Answer)>| {
        let key = key.get_value();
        store.edit_debrief(move |debrief, now| debrief.update_answer(&key, now, change));
    };
    let ask_why = move |_| {
        let key = key.get_value();
        let mut level = 0;
        store.edit_debrief(|debrief, now| {
            if debrief.add_why(&key, now) {
                level = debrief.answer(&key).map_or(0, |answer| answer.whys.len());
            }
        });
        if level > 0 {
            focus_by_id(format!("answer-{key}-why-{level}"));
        }
    };
    let whys = move || {
        (0..why_count())
            .map(|index| {
                view! {
                    <TextArea
                        id=format!("answer-{}-why-{}", key.get_value(), index + 1)
                        label=format!("Why? (level {})", index + 1)
                        value=Signal::derive(move || answer().whys.get(index).cloned().unwrap_or_default())
                        on_input=Callback::new(move |text: String| {
                            edit_answer(Box::new(move |answer| {
                                if let Some(why) = answer.whys.get_mut(index) {
                                    *why = text;
                                }
                            }))
                        })
                        rows=2
                    />
                }
            })
            .collect_view()
    };
    view! {
        <div class="question" class:skipped=skipped role="group" aria-labelledby=labelled_by>
            <p class="question-text" id=heading_id>{text}</p>
            <Show when=move || !skipped() fallback=|| view! { <p class="hint">"Skipped."</p> }>
                <TextArea
                    id=answer_id.clone()
                    label="My answer"
                    value=Signal::derive(move || answer().text)
                    on_input=Callback::new(move |text: String| edit_answer(Box::new(move |answer| answer.text = text)))
                    rows=3
                />
                {whys}
            </Show>
            <div class="actions">
                <Show when=move || !skipped() && why_count() < MAX_WHYS>
                    <button type="button" class="secondary" on:click=ask_why>"Ask why"</button>
                </Show>
                <button type="button" class="secondary" on:click=move |_| edit_answer(Box::new(|answer| answer.skipped = !answer.skipped))>
                    {move || if skipped() { "Bring this question back" } else { "Skip this question" }}
                </button>
            </div>
        </div>
    }
}
