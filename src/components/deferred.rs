//! The lower part of a long page, drawn once its top is on screen: opening
//! the page costs the cards a person sees first, and the ones below follow
//! in tasks of their own a frame later (each `Deferred` in its own task, so
//! none of them holds up a tap for long).

use leptos::prelude::*;

use crate::web::later;

#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    // `try_set`: the person may have left the page before the frame.
    later::after_paint(move || {
        set_ready.try_set(true);
    });
    move || ready.get().then(|| children())
}
