//! The activity report for a chosen range of dates, shown on the page and
//! downloaded as Markdown or CSV.

use chrono::{Datelike, Days};
use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::fields::{date_input_value, parse_date_input};
use crate::components::show_more::{Paging, ShowMore};
use crate::io::activity_report::{report_csv, report_file_name, report_markdown};
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::plan::report::DateRange;
use crate::store::use_store;
use crate::web::{clock, download::download_text};

/// Table rows shown at first.
const ROWS_PAGE: usize = 50;

#[component]
pub fn ActivityReportSection() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    // The month so far, the period unemployment offices most often ask about.
    let from = RwSignal::new(today.with_day(1).unwrap_or(today));
    let to = RwSignal::new(today);
    let range = move || DateRange::new(from.get(), to.get());
    // What `activity_report` reads: typing in the plan does not walk the contacts again.
    let activities = Memo::new(move |_| {
        let range = range();
        store.workbook.plan().opportunities().track();
        store.workbook.outreach().contacts().track();
        store.workbook.mojo().events().track();
        store.workbook.with_untracked(|workbook| workbook.activity_report(range))
    });
    // A month of a busy search can hold hundreds of lines: the table shows
    // them a page at a time; the downloads always hold them all.
    let paging = Paging::new(ROWS_PAGE);
    let (message, set_message) = signal(String::new());
    let download = move |extension: &'static str| {
        let (range, lines) = (range(), activities.get_untracked());
        let (text, mime) = match extension {
            "csv" => (report_csv(&lines), "text/csv"),
            _ => (report_markdown(range, &lines), "text/markdown"),
        };
        match download_text(&report_file_name(range, extension), mime, &text) {
            Ok(()) => set_message.set(format!("Your report is downloading ({}).", extension.to_uppercase())),
            Err(err) => set_message.set(format!("Sorry, {err}.")),
        }
    };
    let last_30 = move |_| {
        from.set(today.checked_sub_days(Days::new(29)).unwrap_or(today));
        to.set(today);
    };
    view! {
        <Card id="activity-report" title="Activity report" focus=true hint="A dated list of what you did for your search: applications and stage changes, people contacted, events attended. The kind of proof an unemployment office asks for.">
            <div class="row">
                <div class="field">
                    <label for="report-from">"From"</label>
                    <input id="report-from" type="date" prop:value=move || date_input_value(Some(from.get()))
                        on:change:target=move |event| if let Some(date) = parse_date_input(&event.target().value()) { from.set(date) } />
                </div>
                <div class="field">
                    <label for="report-to">"To"</label>
                    <input id="report-to" type="date" prop:value=move || date_input_value(Some(to.get()))
                        on:change:target=move |event| if let Some(date) = parse_date_input(&event.target().value()) { to.set(date) } />
                </div>
                <button type="button" class="secondary" on:click=last_30>"The last 30 days"</button>
            </div>
            <p class="message" role="status">
                {move || match activities.with(Vec::len) {
                    0 => format!("Nothing recorded from {} to {}.", date_label(range().from), date_label(range().to)),
                    1 => format!("1 activity from {} to {}.", date_label(range().from), date_label(range().to)),
                    many => format!("{many} activities from {} to {}.", date_label(range().from), date_label(range().to)),
                }}
            </p>
            <Show when=move || !activities.with(Vec::is_empty)>
                <div class="table-scroll" role="region" aria-label="Activities" tabindex="0">
                    <table class="report">
                        <thead>
                            <tr><th scope="col">"Date"</th><th scope="col">"Type"</th><th scope="col">"Activity"</th><th scope="col">"Details"</th></tr>
                        </thead>
                        <tbody>
                            {move || activities.with(|all| paging.visible(all)).into_iter().map(|line| view! {
                                <tr><td>{date_label(line.date)}</td><td>{line.kind.label()}</td><td>{line.what}</td><td>{line.details}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <ShowMore paging=paging total=Signal::derive(move || activities.with(Vec::len)) label="Show more activities" />
            </Show>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| download("md")>"Download as Markdown"</button>
                <button type="button" class="secondary" on:click=move |_| download("csv")>"Download as CSV"</button>
            </div>
            <p class="message" role="status">{move || message.get()}</p>
        </Card>
    }
}
