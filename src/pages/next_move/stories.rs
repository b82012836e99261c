//! A small bank of other interview stories, each told as situation, task,
//! action, result and lesson.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::{AddLine, RemoveButton};
use crate::model::live::*;
use crate::model::plan::story::{clock_label, speaking_seconds, word_count};
use crate::model::plan::Story;
use crate::store::use_store;
use crate::web::focus::focus_added;

#[component]
pub fn StoriesSection() -> impl IntoView {
    let store = use_store();
    let ids = Memo::new(move |_| {
        store.workbook.plan().with(|plan| plan.stories.iter().map(|story| story.meta.id).collect::<Vec<Uuid>>())
    });
    let add = Callback::new(move |question: String| {
        let mut added = None;
        store.edit_plan(|plan, now| added = plan.add_story(&question, now));
        focus_added(added, |id| format!("story-{id}-situation"));
    });
    view! {
        <Card id="stories" title="Other stories for interviews" focus=true hint="Short true stories for the other questions (“a time you disagreed”, “a mistake you made”): the situation, your task, what you did, the result, and what you learned.">
            <Editable legend="Stories">
                <ul class="editable-list">
                    <For each=move || ids.get() key=|id| *id let(id)>
                        <StoryEditor id=id />
                    </For>
                </ul>
                <AddLine id="new-story" label="The question a story answers" button="Add story" on_add=add />
            </Editable>
        </Card>
    }
}

#[component]
fn StoryEditor(id: Uuid) -> impl IntoView {
    let store = use_store();
    let story = Memo::new(move |_| {
        store.workbook.with(|workbook| {
            workbook.plan.stories.iter().find(|story| story.meta.id == id).cloned().unwrap_or_default()
        })
    });
    let field =
        move |key: &'static str, label: &'static str, get: fn(&Story) -> String, set: fn(&mut Story, String)| {
            let field_id = format!("story-{id}-{key}");
            view! {
                <div class="field">
                    <label for=field_id.clone()>{label}</label>
                    <textarea
                        id=field_id
                        rows="2"
                        prop:value=move || get(&story.get())
                        on:input:target=move |event| {
                            let value = event.target().value();
                            store.edit_plan(move |plan, now| plan.update_story(id, now, |story| set(story, value)));
                        }
                    ></textarea>
                </div>
            }
        };
    let words = move || word_count(&story.get().text());
    view! {
        <li class="story">
            <fieldset>
                <legend>{move || story.get().question}</legend>
                {field("question", "The question", |s| s.question.clone(), |s, v| s.question = v)}
                {field("situation", "Situation", |s| s.situation.clone(), |s, v| s.situation = v)}
                {field("task", "Task", |s| s.task.clone(), |s, v| s.task = v)}
                {field("action", "Action", |s| s.action.clone(), |s, v| s.action = v)}
                {field("result", "Result", |s| s.result.clone(), |s, v| s.result = v)}
                {field("lesson", "Lesson", |s| s.lesson.clone(), |s, v| s.lesson = v)}
                <p class="hint">{move || format!("{} words, about {} out loud.", words(), clock_label(speaking_seconds(words())))}</p>
                <RemoveButton label=move || format!("Delete the story “{}”", story.get().question) on_click=move |_| store.edit_plan(move |plan, now| plan.remove_story(id, now)) />
            </fieldset>
        </li>
    }
}
