//! The always-visible "Saved" / "Not saved" line in the header.

use leptos::prelude::*;

use crate::save::SaveStatus;
use crate::store::use_store;

#[component]
pub fn SaveIndicator() -> impl IntoView {
    let store = use_store();
    let text = move || match store.status.get() {
        SaveStatus::Saved => "Saved on this device",
        SaveStatus::Pending => "Saving…",
        SaveStatus::Failed(_) => "Not saved",
        SaveStatus::ReadOnly => "Read-only: not saving",
    };
    let class = move || match store.status.get() {
        SaveStatus::Saved => "save-status saved",
        SaveStatus::Pending => "save-status pending",
        SaveStatus::Failed(_) | SaveStatus::ReadOnly => "save-status problem",
    };
    view! {
        <p class=class role="status">
            {text}
        </p>
    }
}
