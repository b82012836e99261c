//! Target roles and companies; the outreach list flags the people in them.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::editable::Editable;
use crate::components::fields::{AddLine, RemoveButton};
use crate::derived::use_outreach_index;
use crate::model::live::*;
use crate::model::outreach::view::IndexCache;
use crate::model::plan::TargetKind;
use crate::route::Route;
use crate::store::use_store;

#[component]
pub fn TargetsSection() -> impl IntoView {
    // From the outreach index, which marks each contact in a target job once
    // per edit of that contact or of the targets, not 5,000 checks per edit.
    let index = use_outreach_index();
    let matched = move || index.with(IndexCache::target_count);
    view! {
        <Card id="targets" title="Targets" focus=true hint="The roles and companies you are aiming for. People on your outreach list who work in them are put first there.">
            <Editable legend="Target roles and companies">
                <div class="row targets-row">
                    <TargetList kind=TargetKind::Role heading="Target roles" add_label="Add a target role" />
                    <TargetList kind=TargetKind::Company heading="Target companies" add_label="Add a target company" />
                </div>
            </Editable>
            <p class="message" role="status">
                {move || match matched() {
                    0 => "No one on your outreach list works in a target job yet.".to_owned(),
                    1 => "1 person on your outreach list works in a target job.".to_owned(),
                    many => format!("{many} people on your outreach list work in a target job."),
                }}
                " "
                <a href=Route::Share.href()>"Open the outreach list"</a>
            </p>
        </Card>
    }
}

#[component]
fn TargetList(kind: TargetKind, heading: &'static str, add_label: &'static str) -> impl IntoView {
    let store = use_store();
    let targets = Memo::new(move |_| {
        store.workbook.plan().targets().with(|targets| {
            targets.of_kind(kind).map(|target| (target.meta.id, target.text.clone())).collect::<Vec<_>>()
        })
    });
    let add = Callback::new(move |text: String| {
        store.edit_plan(move |plan, now| {
            plan.targets.add(kind, &text, now);
        })
    });
    let id = match kind {
        TargetKind::Role => "new-target-role",
        TargetKind::Company => "new-target-company",
    };
    view! {
        <div class="target-list">
            <h3>{heading}</h3>
            <Show when=move || !targets.get().is_empty() fallback=|| view! { <p class="hint">"None yet."</p> }>
                <ul class="tags">
                    <For each=move || targets.get() key=|(target, _)| *target let((target, text))>
                        <li>
                            {text.clone()}
                            <RemoveButton label=format!("Remove the target “{text}”") text="Remove" small=true on_click=move |_| store.edit_plan(move |plan, now| plan.remove_target(target, now)) />
                        </li>
                    </For>
                </ul>
            </Show>
            <AddLine id=id label=add_label button="Add" on_add=add />
        </div>
    }
}
