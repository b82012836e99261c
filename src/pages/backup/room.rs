//! How much of this browser's storage Comeback uses, and what takes the
//! room: the workbook, the snapshots, the Undo copy, recovery copies.

use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::table::ColumnHeads;
use crate::derived::use_room;
use crate::save::room::{amount, QUOTA_CHARS};
use crate::store::use_store;
use crate::web::later;

#[component]
pub fn Room() -> impl IntoView {
    let store = use_store();
    let room = use_room();
    // The room as it is now, measured once the page is on screen (it asks
    // every key its length).
    later::after_paint(move || room.measure());
    let (message, set_message) = signal(None::<String>);
    let remove_older = move |_| {
        match store.remove_older_snapshots() {
            Ok(()) => set_message.set(Some("The older snapshots were removed; the newest is kept.".into())),
            Err(err) => set_message.set(Some(format!("The older snapshots could not be removed: {err}."))),
        }
        room.measure();
    };
    view! {
        <Card id="room" title="Room on this device">
            {move || match room.usage.get() {
                None => view! { <p>"This browser does not say how much of its storage is in use."</p> }.into_any(),
                Some(usage) => {
                    let rows = usage
                        .rows()
                        .into_iter()
                        .map(|(label, length)| {
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{amount(length)}</td>
                                    <td>{format!("{}%", length * 100 / QUOTA_CHARS)}</td>
                                </tr>
                            }
                        })
                        .collect_view();
                    let older = usage.snapshot_count > 1;
                    view! {
                        <p>{usage.summary()}</p>
                        <meter
                            class="room-meter"
                            aria-label="Storage in use"
                            min="0"
                            max="100"
                            high="80"
                            value=usage.percent().to_string()
                        >
                            {format!("{}%", usage.percent())}
                        </meter>
                        <table class="room-table" aria-label="What takes the room">
                            <ColumnHeads columns=&["What", "Size", "Share of the room"] />
                            <tbody>{rows}</tbody>
                        </table>
                        {older.then(|| view! {
                            <div class="actions">
                                <button type="button" class="secondary" on:click=remove_older>
                                    "Remove older snapshots"
                                </button>
                            </div>
                        })}
                    }
                    .into_any()
                }
            }}
            <p class="hint">
                "Sizes are in characters, as the browser counts them; the room is what Chromium gives a site, and other browsers give about as much. Snapshots and the Undo copy are kept compressed."
            </p>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}
