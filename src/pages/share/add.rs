//! Adding someone by hand: the few fields that set their place in the list.

use leptos::prelude::*;

use super::use_share_ui;
use crate::components::card::Card;
use crate::model::outreach::{Contact, Frequency};
use crate::store::use_store;
use crate::web::focus::focus_now;

#[component]
pub fn AddContact() -> impl IntoView {
    let store = use_store();
    let ui = use_share_ui();
    let name = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let often = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let target = RwSignal::new(false);
    let (message, set_message) = signal(String::new());
    let add = move || {
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            set_message.set("Add a name first; everything else can wait.".into());
            focus_now("add-contact-name");
            return;
        }
        let contact = Contact {
            how_we_know: how.get_untracked().trim().to_owned(),
            how_often: Frequency::from_key(&often.get_untracked()),
            company: company.get_untracked().trim().to_owned(),
            role: role.get_untracked().trim().to_owned(),
            targets_job: target.get_untracked().then_some(true),
            ..Contact::new(&typed, crate::web::clock::now())
        };
        let id = contact.meta.id;
        let added = contact.name.clone();
        store.edit_outreach(move |outreach, now| {
            outreach.push(contact, now);
        });
        for field in [name, how, often, company, role] {
            field.set(String::new());
        }
        target.set(false);
        ui.open.set(Some(id));
        set_message.set(format!("{added} is on your list."));
        // The field is on the page already: no need to wait for a frame.
        focus_now("add-contact-name");
    };
    let text = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" prop:value=value on:input:target=move |event| value.set(event.target().value()) />
            </div>
        }
    };
    view! {
        <Card id="add-contact" title="Add someone">
            <form on:submit=move |event| {
                event.prevent_default();
                add();
            }>
                <div class="row">
                    {text("add-contact-name", "Name", name)}
                    {text("add-contact-how", "How we know each other", how)}
                    <div class="field">
                        <label for="add-contact-often">"How often we see each other"</label>
                        <select id="add-contact-often" on:change:target=move |event| often.set(event.target().value())>
                            <option value="" prop:selected=move || often.with(String::is_empty)>"Not said"</option>
                            {Frequency::ALL
                                .into_iter()
                                .map(|choice| view! { <option value=choice.key() prop:selected=move || often.with(|often| often == choice.key())>{choice.label()}</option> })
                                .collect_view()}
                        </select>
                    </div>
                </div>
                <div class="row">
                    {text("add-contact-company", "Company", company)}
                    {text("add-contact-role", "Role", role)}
                </div>
                <label class="choice">
                    <input type="checkbox" prop:checked=target on:change:target=move |event| target.set(event.target().checked()) />
                    <span>"Works in a job or company I am targeting"</span>
                </label>
                <div class="actions">
                    <button type="submit">"Add to my list"</button>
                </div>
                <p class="message" role="status">{move || message.get()}</p>
            </form>
        </Card>
    }
}
