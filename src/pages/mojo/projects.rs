//! Side projects: name, kind, the career goal each moves forward, status,
//! a weekly hours target, and milestones with the dates they were reached.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::card::Card;
use crate::components::fields::{AddLine, ChoiceField, DateInput, RemoveButton, TextInput};
use crate::components::record_list::{ListEditor, RecordList};
use crate::components::row_editor::RowEditor;
use crate::model::live::*;
use crate::model::meta::Records;
use crate::model::mojo::{format_hours, Milestone, SideProject};
use crate::model::numbers::Decimal;
use crate::model::plan::ActionOrigin;
use crate::route::Route;
use crate::store::records::{LiveRecord, LiveRecords, RecordChange, RecordEdits};
use crate::store::use_store;
use crate::web::focus::focus_by_id;

#[component]
pub fn Projects() -> impl IntoView {
    let store = use_store();
    let records = LiveRecords::short(store.workbook.mojo().projects(), |project| project.meta.id);
    // The project just added opens at once, to be filled in.
    let just_added = StoredValue::new(None::<Uuid>);
    let add = Callback::new(move |name: String| {
        let mut added = None;
        store.edit_mojo(|mojo, now| added = mojo.add_project(&name, now));
        just_added.set_value(added);
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
            <RecordList
                class="project-list"
                records
                row=move |project| view! { <ProjectRow project open_at_start=just_added.get_value() == Some(project.id()) /> }
            />
            <AddLine id="new-project" label="A new side project" button="Add project" on_add=add />
        </Card>
    }
}

/// A project as a line (its name, kind, status, target, milestones and
/// goal) with Edit, which opens its fields: four projects drawn as forms
/// made the Mojo page the slowest to open (two selects, a date per
/// milestone and about fifty elements each).
#[component]
fn ProjectRow(#[prop(name = "project")] record: LiveRecord<SideProject>, open_at_start: bool) -> impl IntoView {
    let store = use_store();
    let id = record.id();
    let project = move || -> Option<SideProject> { record.try_with(SideProject::clone) };
    let name = move || record.get(SideProject::display_name);
    let edit = RecordEdits::new(move |change: RecordChange<SideProject>| {
        store.edit_mojo(move |mojo, now| mojo.update_project(id, now, change))
    });
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
    let line = move || {
        let goal = record.get(|project| project.goal.trim().to_owned());
        view! {
            <strong>{name()}</strong>
            {format!(" · {}", record.get(SideProject::summary))}
            {(!goal.is_empty()).then(|| view! { <span class="row-note">{format!("Moves forward: {goal}")}</span> })}
        }
    };
    let fields = move || {
        view! {
            <fieldset class="project">
                <legend>{name}</legend>
                <div class="row">
                    <TextInput id=field_id("name") label="Name" grow=true value=record.signal(|project| project.name.clone()) on_input=edit.set(|project, text| project.name = text) />
                    <ChoiceField id=field_id("kind") label="Kind" value=record.signal(|project| project.kind) on_change=edit.set(|project, kind| project.kind = kind) />
                    <ChoiceField id=field_id("status") label="Status" value=record.signal(|project| project.status) on_change=edit.set(|project, status| project.status = status) />
                </div>
                <div class="row">
                    <TextInput id=field_id("goal") label="The career goal it moves forward" grow=true value=record.signal(|project| project.goal.clone()) on_input=edit.set(|project, text| project.goal = text) />
                    <div class="field hours-field">
                        <label for=field_id("hours")>"Hours a week (target)"</label>
                        <input
                            id=field_id("hours")
                            type="number"
                            inputmode="decimal"
                            min="0"
                            step="0.25"
                            prop:value=move || project().map(|project| Decimal(project.weekly_hours).to_string()).unwrap_or_default()
                            on:change:target=move |event| {
                                let hours = event.target().value().replace(',', ".").trim().parse::<f32>().unwrap_or(0.0);
                                edit.run(move |project| project.weekly_hours = hours);
                            }
                        />
                    </div>
                </div>
                <ListEditor
                    title=move || format!("Milestones for {}", name())
                    heading_class="milestones-heading"
                    ids=Signal::derive(milestone_ids)
                    row=move |milestone| view! { <MilestoneRow project=record id=milestone /> }
                    add_id=field_id("new-milestone")
                    add_label="A milestone (shipped the site, finished chapter 3)"
                    add_button="Add milestone"
                    on_add=add_milestone
                />
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
        }
    };
    view! {
        <li>
            <RowEditor
                id=format!("project-{id}")
                name=Signal::derive(move || format!("project {}", name()))
                line=ViewFn::from(line)
                fields=ViewFn::from(fields)
                first_field=field_id("name")
                open_at_start=open_at_start
            />
        </li>
    }
}

#[component]
fn MilestoneRow(#[prop(name = "project")] record: LiveRecord<SideProject>, id: Uuid) -> impl IntoView {
    let store = use_store();
    let project = record.id();
    let milestone =
        move || -> Option<Milestone> { record.try_with(|found| found.milestones.by_id(id).cloned()).flatten() };
    let text = move || milestone().map(|milestone| milestone.text).unwrap_or_default();
    let edit = RecordEdits::new(move |change: RecordChange<Milestone>| {
        store.edit_mojo(move |mojo, now| mojo.update_milestone(project, id, now, change))
    });
    view! {
        <li class="row">
            <TextInput id=format!("milestone-{id}") label="Milestone" grow=true value=Signal::derive(text) on_input=edit.set(|milestone, value| milestone.text = value) />
            <DateInput id=format!("milestone-{id}-done") label="Done on" value=Signal::derive(move || milestone().and_then(|milestone| milestone.done_on)) on_change=edit.set(|milestone, date| milestone.done_on = date) />
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
            <RemoveButton label=move || format!("Delete milestone: {}", text()) on_click=move |_| store.edit_mojo(move |mojo, now| mojo.remove_milestone(project, id, now)) />
        </li>
    }
}
