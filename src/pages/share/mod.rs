//! Step 2: share the setback and work the network. A limit on the grieving,
//! the announcement, and the outreach list with
//! its priority order, search, filters and paging; a contact's details and
//! interaction log; who to follow up with this week; import and export.
//! One file per section.

mod add;
mod announce;
mod contact;
mod due;
mod import;
mod list;

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::deferred::Deferred;
use crate::components::editable::Editable;
use crate::components::page_intro::PageIntro;
use crate::components::step_end::StepEnd;
use crate::model::dates;
use crate::model::first_steps::date_label;
use crate::model::mojo::MojoStoreFields;
use crate::model::plan::end_of_week;
use crate::model::progress::Step;
use crate::model::workbook::WorkbookStoreFields;
use crate::store::use_store;
use crate::web::clock;

/// State shared by the sections of this page (not stored).
#[derive(Clone, Copy)]
struct ShareUi {
    /// The contact whose details are open in the list.
    open: RwSignal<Option<Uuid>>,
    today: NaiveDate,
    /// The last day of this week (the person's week start, set in Mojo).
    week_end: Memo<NaiveDate>,
}

fn use_share_ui() -> ShareUi {
    expect_context::<ShareUi>()
}

#[component]
pub fn SharePage() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let week_end = Memo::new(move |_| end_of_week(today, store.workbook.mojo().week_starts_on().get()));
    provide_context(ShareUi { open: RwSignal::new(None), today, week_end });
    view! {
        <section class="page share">
            <PageIntro
                title="Step 2: Share it"
                step=Step::Share
                lead="Grieving at home is natural; give it a limit. Then tell people plainly that you have moved on and what you are looking for. Not bragging, not complaining: sharing."
            />
            <div class="card">
                <h2>"Why acquaintances matter most"</h2>
                <p>
                    "In Mark Granovetter's study of people who found a job through someone they knew, 16.7% saw that person often (twice a week or more), 55.6% occasionally (more than once a year) and 27.8% rarely (once a year or less). So about 83% found it through an acquaintance, not a close friend: acquaintances move in other circles and hear of other openings."
                </p>
                <p>"So tell people broadly, and keep your outreach list below: who to tell, who works where you want to be, and who to ask for an introduction. People you see every week, every month or a few times a year, and those you see once a year or less, come first."</p>
            </div>
            <Editable legend="Share it">
                <announce::TimeBox />
                <announce::Announce />
                // Below the first screen: drawn once the top is on screen.
                <Deferred>
                    <due::DueList />
                </Deferred>
                <Deferred>
                    <list::OutreachList />
                </Deferred>
                <Deferred>
                    <add::AddContact />
                    <import::ImportExport />
                    <StepEnd step=Step::Share />
                </Deferred>
            </Editable>
        </section>
    }
}

/// A short date for lists: "3 Dec 2026".
fn short_date(date: NaiveDate) -> String {
    dates::short(date)
}

/// "14 December 2026", as in the rest of the app.
fn long_date(date: NaiveDate) -> String {
    date_label(date)
}
