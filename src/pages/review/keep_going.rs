//! Today's "keep going" cards: the weekly review, offered on the person's
//! first day of the week, and the momentum since the setback, week by week,
//! drawn as SVG with the same numbers in a table. A chunk of its own, so
//! the chart's code stays out of the entry module.

use chrono::Datelike;
use leptos::prelude::*;

use crate::components::fields::{date_input_value, parse_date_input};
use crate::components::install::{InstallGuidance, Place};
use crate::derived::track_week_figures;
use crate::model::dates;
use crate::model::first_steps::date_label;
use crate::model::live::*;
use crate::model::mojo::format_hours;
use crate::model::numbers::Decimal;
use crate::model::review::{momentum_geometry, review_week, Momentum, MomentumWeek, MOMENTUM_WEEKS};
use crate::route::Route;
use crate::store::use_store;
use crate::web::clock;

// The chart's drawing: user units, drawn at the card's width (320 px on the
// smallest phones, where a unit is about a pixel).
const VIEW_WIDTH: f32 = 320.0;
const STRIP_HEIGHT: f32 = 44.0;
const AXIS_HEIGHT: f32 = 18.0;

#[component]
pub fn KeepGoing() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    let first = move || store.workbook.mojo().week_starts_on().get();
    let last_week = move || review_week(today, first());
    // Offered on the first day of the week, until that week's review is written.
    let offer = move || {
        let week = last_week();
        today.weekday() == first()
            && store
                .workbook
                .mojo()
                .reviews()
                .with(|reviews| !reviews.iter().any(|review| review.week == week && review.is_written()))
    };
    view! {
        <InstallGuidance place=Place::Today />
        <Show
            when=offer
            fallback=|| view! {
                <p class="review-link"><a href=Route::Review(None).href()>"Weekly review: look back at a week"</a></p>
            }
        >
            <section class="card review-offer" aria-labelledby="review-offer">
                <h2 id="review-offer">"A new week"</h2>
                <p>{move || format!("A few minutes to look back at the week of {}: what moved, what was hard, and up to three priorities for this week.", date_label(last_week()))}</p>
                <p><a href=Route::Review(None).href()>"Start the weekly review"</a></p>
            </section>
        </Show>
        <Momentum />
    }
}

#[component]
fn Momentum() -> impl IntoView {
    let store = use_store();
    let today = clock::today();
    // The figures' fields and the reviews (energy, links), nothing else.
    let momentum = Memo::new(move |_| {
        track_week_figures(store.workbook);
        store.workbook.mojo().reviews().track();
        store.workbook.with_untracked(|workbook| workbook.momentum(today))
    });
    let setback_on = move || store.workbook.debrief().with(|debrief| debrief.setback_on);
    let set_setback_on = move |text: String| {
        let day = parse_date_input(&text);
        store.edit_debrief(move |debrief, now| debrief.set_setback_on(day, now));
    };
    view! {
        <section class="card momentum" aria-labelledby="momentum">
            <h2 id="momentum">"Momentum since the setback"</h2>
            {move || momentum.with(|momentum| match momentum {
                Momentum::NoDate => view! {
                    <p class="hint">"Set the day of your setback to see the weeks since, one by one: people reached, hours on side projects, applications."</p>
                }.into_any(),
                Momentum::NotYet(day) => view! {
                    <p class="hint">{format!("The day you set, {}, is still ahead. The weeks will count from then; whatever you do before it is a head start.", date_label(*day))}</p>
                }.into_any(),
                Momentum::Weeks { weeks, earlier } => view! { <MomentumChart weeks=weeks.clone() earlier=*earlier /> }.into_any(),
            })}
            <div class="field">
                <label for="setback-on">"The day of the setback"</label>
                <input
                    id="setback-on"
                    type="date"
                    prop:value=move || date_input_value(setback_on())
                    on:change:target=move |event| set_setback_on(event.target().value())
                />
            </div>
        </section>
    }
}

/// The chart's y for a strip's name, below the name's top.
const LABEL_BASELINE: f32 = 13.0;

#[component]
fn MomentumChart(weeks: Vec<MomentumWeek>, earlier: usize) -> impl IntoView {
    let geometry = momentum_geometry(&weeks, VIEW_WIDTH, STRIP_HEIGHT);
    let height = geometry.height + AXIS_HEIGHT;
    let slot = if weeks.is_empty() { 0.0 } else { VIEW_WIDTH / weeks.len() as f32 };
    // Rest weeks are shaded across every strip: rest, not an empty week.
    let rest = weeks
        .iter()
        .enumerate()
        .filter(|(_, week)| week.rest)
        .map(|(at, _)| {
            view! { <rect class="rest" x=Decimal(at as f32 * slot).to_string() y="0" width=Decimal(slot).to_string() height=Decimal(geometry.height).to_string()></rect> }
        })
        .collect_view();
    let strips = geometry
        .panels
        .iter()
        .map(|panel| {
            let most = if panel.label.starts_with("Hours") { format_hours(panel.max) } else { Decimal(panel.max).to_string() };
            let floor = panel.top + panel.height;
            view! {
                <text class="strip-label" x="0" y=Decimal(panel.label_y + LABEL_BASELINE).to_string()>{format!("{} (top: {most})", panel.label)}</text>
                <line class="axis" x1="0" x2=Decimal(VIEW_WIDTH).to_string() y1=Decimal(floor).to_string() y2=Decimal(floor).to_string()></line>
                {panel.bars.iter().map(|bar| view! {
                    <rect class="bar" x=Decimal(bar.x).to_string() y=Decimal(bar.y).to_string() width=Decimal(bar.width).to_string() height=Decimal(bar.height).to_string() rx="1"></rect>
                }).collect_view()}
            }
        })
        .collect_view();
    let energy = (geometry.energy.len() > 1).then(|| {
        let points: Vec<String> =
            geometry.energy.iter().map(|(x, y)| format!("{},{}", Decimal(*x), Decimal(*y))).collect();
        view! { <polyline class="energy-line" points=points.join(" ")></polyline> }
    });
    let dots = geometry
        .energy
        .iter()
        .map(|(x, y)| view! { <circle class="energy-dot" cx=Decimal(*x).to_string() cy=Decimal(*y).to_string() r="3"></circle> })
        .collect_view();
    let first_number = weeks.first().map_or(1, |week| week.number);
    let rows = weeks
        .iter()
        .rev()
        .map(|week| {
            let name = format!("Week {}, from {}", week.number, dates::short(week.start));
            let reviewed = if week.review.is_some() { "Read its review" } else { "Review it" };
            view! {
                <tr class:rest=week.rest>
                    <th scope="row">
                        {name}
                        {week.rest.then(|| view! { <span class="tag">"Rest"</span> })}
                        " "
                        <a href=Route::Review(Some(week.start)).href()>{reviewed}</a>
                    </th>
                    <td>{week.people}</td>
                    <td>{format_hours(week.hours)}</td>
                    <td>{week.applications}</td>
                    <td>{week.energy.map(|level| level.to_string()).unwrap_or_else(|| "–".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <svg class="momentum-chart" viewBox=format!("0 0 {} {}", Decimal(VIEW_WIDTH), Decimal(height)) aria-hidden="true" focusable="false">
            {rest}
            {strips}
            {energy}
            {dots}
            <text class="axis-label" x="0" y=Decimal(height - 4.0).to_string()>{format!("Week {first_number}")}</text>
            <text class="axis-label" x=Decimal(VIEW_WIDTH).to_string() y=Decimal(height - 4.0).to_string() text-anchor="end">"This week"</text>
        </svg>
        {(earlier > 0).then(|| view! {
            <p class="hint">{format!("The latest {MOMENTUM_WEEKS} weeks; the {earlier} before them are in your reviews.")}</p>
        })}
        <details class="chart-table">
            <summary>"Show the weeks as a table"</summary>
            <table>
                <caption>"Week by week since the setback, newest first: people reached, hours on side projects, applications, energy"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Week"</th>
                        <th scope="col">"People"</th>
                        <th scope="col">"Hours"</th>
                        <th scope="col">"Applied"</th>
                        <th scope="col">"Energy"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
