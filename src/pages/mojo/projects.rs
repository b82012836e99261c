//! Side projects: name, kind, the career goal each moves forward, status,
//! a weekly hours target, and milestones with the dates they were reached.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{date_input_value as date_value, parse_date_input as parse_date};
use crate::components::fields::{AddLine, TextInput};
use crate::model::live::*;
use crate::model::mojo::{format_hours, Milestone, ProjectKind, ProjectStatus, SideProject};
use crate::model::plan::ActionOrigin;
use crate::route::Route;
use crate::store::use_store;
use crate::web::focus::focus_by_id;

#[component]
pub fn Projects() -> impl IntoView {
    let store = use_store();
    let ids = move || {
        store
            .workbook
            .with(|workbook| workbook.mojo.projects.iter().map(|project| project.meta.id).collect::<Vec<Uuid>>())
    };
    let add = Callback::new(move |name: String| {
        store.edit_mojo(move |mojo, now| {
            mojo.add_project(&name, now);
        });
    });
    let goal = move || store.workbook.mojo().weekly_hours_goal().get();
    view! {
        <Card id="projects" title="Side projects">
            <p class="hint">
                {move || format!(
                    "Work that moves your career forward: a book, an app that shows your skills, a portfolio site, a hobby turned into consulting. About {} a week in all is the aim; every hour counts.",
                    format_hours(goal()),
                )}
            </p>
            <ul class="project-list">
                <For each=ids key=|id| *id let:id>
                    <ProjectRow id=id />
                </For>
            </ul>
            <AddLine id="new-project" label="A new side project" button="Add project" on_add=add />
        </Card>
    }
}

#[component]
fn ProjectRow(id: Uuid) -> impl IntoView {
    let store = use_store();
    let project = move || -> Option<SideProject> {
        store.workbook.mojo().projects().with(|projects| projects.iter().find(|project| project.meta.id == id).cloned())
    };
    let name = move || project().map(|project| project.display_name()).unwrap_or_default();
    let update = move |change: Box<dyn FnOnce(&mut SideProject)>| {
        store.edit_mojo(move |mojo, now| mojo.update_project(id, now, change))
    };
    let field_id = move |part: &str| format!("project-{id}-{part}");
    let (confirm, set_confirm) = signal(false);
    let milestone_ids = move || {
        project()
            .map(|project| project.milestones.iter().map(|milestone| milestone.meta.id).collect::<Vec<Uuid>>())
            .unwrap_or_default()
    };
    let add_milestone = Callback::new(move |text: String| {
        store.edit_mojo(move |mojo, now| {
            mojo.add_milestone(id, &text, now);
        });
    });
    view! {
        <li>
            <fieldset class="project">
                <legend>{name}</legend>
                <div class="row">
                    <div class="grow">
                        <TextInput
                            id=field_id("name")
                            label="Name"
                            value=Signal::derive(move || project().map(|project| project.name).unwrap_or_default())
                            on_input=Callback::new(move |text: String| update(Box::new(move |project| project.name = text)))
                        />
                    </div>
                    <div class="field">
                        <label for=field_id("kind")>"Kind"</label>
                        <select id=field_id("kind") on:change:target=move |event| {
                            if let Some(kind) = ProjectKind::from_key(&event.target().value()) {
                                update(Box::new(move |project| project.kind = kind));
                            }
                        }>
                            {ProjectKind::ALL
                                .into_iter()
                                .map(|kind| view! {
                                    <option value=kind.key() prop:selected=move || project().is_some_and(|project| project.kind == kind)>{kind.label()}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=field_id("status")>"Status"</label>
                        <select id=field_id("status") on:change:target=move |event| {
                            if let Some(status) = ProjectStatus::from_key(&event.target().value()) {
                                update(Box::new(move |project| project.status = status));
                            }
                        }>
                            {ProjectStatus::ALL
                                .into_iter()
                                .map(|status| view! {
                                    <option value=status.key() prop:selected=move || project().is_some_and(|project| project.status == status)>{status.label()}</option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <div class="row">
                    <div class="grow">
                        <TextInput
                            id=field_id("goal")
                            label="The career goal it moves forward"
                            value=Signal::derive(move || project().map(|project| project.goal).unwrap_or_default())
                            on_input=Callback::new(move |text: String| update(Box::new(move |project| project.goal = text)))
                        />
                    </div>
                    <div class="field hours-field">
                        <label for=field_id("hours")>"Hours a week (target)"</label>
                        <input
                            id=field_id("hours")
                            type="number"
                            inputmode="decimal"
                            min="0"
                            step="0.25"
                            prop:value=move || project().map(|project| project.weekly_hours.to_string()).unwrap_or_default()
                            on:change:target=move |event| {
                                let hours = event.target().value().replace(',', ".").trim().parse::<f32>().unwrap_or(0.0);
                                update(Box::new(move |project| project.weekly_hours = hours));
                            }
                        />
                    </div>
                </div>
                <h3 class="milestones-heading">{move || format!("Milestones for {}", name())}</h3>
                <ul class="editable-list">
                    <For each=milestone_ids key=|id| *id let:milestone>
                        <MilestoneRow project=id id=milestone />
                    </For>
                </ul>
                <AddLine id=field_id("new-milestone") label="A milestone (shipped the site, finished chapter 3)" button="Add milestone" on_add=add_milestone />
                <div class="actions">
                    <Show
                        when=move || confirm.get()
                        fallback=move || view! {
                            <button
                                type="button"
                                class="secondary"
                                id=field_id("delete")
                                aria-label=move || format!("Delete project {}", name())
                                on:click=move |_| {
                                    set_confirm.set(true);
                                    focus_by_id(field_id("keep"));
                                }
                            >
                                "Delete project"
                            </button>
                        }
                    >
                        <p class="confirm-text">{move || format!("Delete {} and the hours logged on it?", name())}</p>
                        <button type="button" class="danger" on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_project(id, now))>
                            {move || format!("Yes, delete {}", name())}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            id=field_id("keep")
                            on:click=move |_| {
                                set_confirm.set(false);
                                focus_by_id(field_id("delete"));
                            }
                        >
                            "Keep it"
                        </button>
                    </Show>
                </div>
            </fieldset>
        </li>
    }
}

#[component]
fn MilestoneRow(project: Uuid, id: Uuid) -> impl IntoView {
    let store = use_store();
    let milestone = move || -> Option<Milestone> {
        store.workbook.mojo().projects().with(|projects| {
            projects
                .iter()
                .find(|found| found.meta.id == project)
                .and_then(|found| found.milestones.iter().find(|milestone| milestone.meta.id == id).cloned())
        })
    };
    let text = move || milestone().map(|milestone| milestone.text).unwrap_or_default();
    let update = move |change: Box<dyn FnOnce(&mut Milestone)>| {
        store.edit_mojo(move |mojo, now| mojo.update_milestone(project, id, now, change))
    };
    view! {
        <li class="row">
            <div class="field grow">
                <label for=format!("milestone-{id}")>"Milestone"</label>
                <input
                    id=format!("milestone-{id}")
                    type="text"
                    prop:value=text
                    on:input:target=move |event| {
                        let value = event.target().value();
                        update(Box::new(move |milestone| milestone.text = value));
                    }
                />
            </div>
            <div class="field">
                <label for=format!("milestone-{id}-done")>"Done on"</label>
                <input
                    id=format!("milestone-{id}-done")
                    type="date"
                    prop:value=move || date_value(milestone().and_then(|milestone| milestone.done_on))
                    on:change:target=move |event| {
                        let date = parse_date(&event.target().value());
                        update(Box::new(move |milestone| milestone.done_on = date));
                    }
                />
            </div>
            {move || {
                let planned = store.workbook.plan().with(|plan| plan.action_from(ActionOrigin::Milestone { project, milestone: id }).is_some());
                let done = milestone().is_some_and(|milestone| milestone.done_on.is_some());
                match (planned, done) {
                    (true, _) => view! { <p class="hint">"In your " <a href=Route::NextMove.href()>"action plan"</a> "."</p> }.into_any(),
                    (false, true) => ().into_any(),
                    (false, false) => view! {
                        <button
                            type="button"
                            class="secondary"
                            aria-label=move || format!("Add to my action plan: {}", text())
                            on:click=move |_| store.edit(move |workbook, now| {
                                workbook.send_milestone_to_plan(project, id, now);
                            })
                        >
                            "Add to my plan"
                        </button>
                    }
                    .into_any(),
                }
            }}
            <button
                type="button"
                class="secondary"
                aria-label=move || format!("Delete milestone: {}", text())
                on:click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_milestone(project, id, now))
            >
                "Delete"
            </button>
        </li>
    }
}
