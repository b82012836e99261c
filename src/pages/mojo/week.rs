//! The week: hours against the goal, in total and per project; the goal and
//! the first day of the week; a twelve-week chart drawn as SVG, with the
//! same numbers in a table for screen readers and keyboard users.

use std::collections::HashMap;

use chrono::Weekday;
use leptos::prelude::*;

use crate::components::card::Card;
use crate::components::table::ColumnHeads;
use crate::model::dates;
use crate::model::live::*;
use crate::model::mojo::{chart_geometry, format_hours, Bar, WeekTotal, WeekTotals, WeekTotalsCache, CHART_WEEKS};
use crate::model::numbers::Decimal;
use crate::model::SetbackKind;
use crate::store::{use_store, Store};
use crate::web::clock;

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];

// The chart's drawing box (SVG user units) and its plot area inside it.
const VIEW_WIDTH: f32 = 360.0;
const VIEW_HEIGHT: f32 = 200.0;
const PLOT_LEFT: f32 = 4.0;
const PLOT_TOP: f32 = 22.0;
const PLOT_WIDTH: f32 = 352.0;
const PLOT_HEIGHT: f32 = 150.0;

/// The log's [`WeekTotals`], brought up to date from what changed in it
/// ([`WeekTotalsCache`]) whenever the log or the first day of the week does.
fn week_totals(store: Store) -> Memo<WeekTotals> {
    let cache = StoredValue::new(WeekTotalsCache::default());
    // The log's journal revision the cache is up to date with.
    let seen = StoredValue::new(0);
    Memo::new(move |_| {
        let starts_on = store.workbook.mojo().week_starts_on().get();
        store.workbook.mojo().entries().with(|entries| {
            let (revision, maybe_changed) = store.entries.changed_places(seen.get_value(), entries);
            seen.set_value(revision);
            cache.update_value(|cache| {
                match maybe_changed {
                    Some(maybe) => cache.refresh_known(entries, &maybe, starts_on),
                    None => cache.refresh(entries, starts_on),
                };
            });
        });
        cache.with_value(|cache| cache.totals().clone())
    })
}

#[component]
pub fn Week() -> impl IntoView {
    let store = use_store();
    let (goal_error, set_goal_error) = signal(None::<String>);
    let goal = move || store.workbook.mojo().with(|mojo| mojo.weekly_hours_goal);
    let this_week = move || store.workbook.mojo().with(|mojo| mojo.week_of(clock::today()));
    // Kept up to date from the log's journal (an hour logged counts that
    // entry only), read by every figure below.
    let totals = week_totals(store);
    let week_hours = move || totals.with(|totals| totals.hours(this_week(), None));
    let total_line = move || {
        let (hours, goal) = (week_hours(), goal());
        if goal > 0.0 {
            format!("{} of {} this week", format_hours(hours), format_hours(goal))
        } else {
            format!("{} this week", format_hours(hours))
        }
    };
    let rest_line = move || {
        store.workbook.mojo().with(|mojo| {
            let today = clock::today();
            let mut parts = Vec::new();
            if mojo.downtime.until.is_some_and(|until| until >= today) {
                parts.push("You are in planned downtime: any hours this week are a bonus.".to_owned());
            }
            let days: Vec<String> = mojo
                .rest_days_in_week(mojo.week_of(today))
                .iter()
                .map(|day| dates::weekday_name(day.date).to_owned())
                .collect();
            if !days.is_empty() {
                parts.push(format!("Rest days this week: {}.", days.join(", ")));
            }
            (!parts.is_empty()).then(|| parts.join(" "))
        })
    };
    // This week's line per project, by project id; the table's rows are
    // keyed by the id and read their own line.
    let per_project = Memo::new(move |_| {
        let start = this_week();
        totals.with(|totals| {
            store.workbook.mojo().projects().with(|projects| {
                projects
                    .iter()
                    .map(|project| {
                        let target = if project.weekly_hours > 0.0 {
                            format_hours(project.weekly_hours)
                        } else {
                            "—".to_owned()
                        };
                        let hours = format_hours(totals.hours(start, Some(project.meta.id)));
                        (project.meta.id, (project.display_name(), hours, target))
                    })
                    .collect::<HashMap<_, _>>()
            })
        })
    });
    let project_ids = move || {
        store
            .workbook
            .mojo()
            .projects()
            .with(|projects| projects.iter().map(|project| project.meta.id).collect::<Vec<_>>())
    };
    let weeks = Memo::new(move |_| totals.with(|totals| totals.recent(this_week(), CHART_WEEKS)));

    let set_goal = move |text: String| {
        let hours = text.replace(',', ".").trim().parse::<f32>();
        let mut result = Err("type the goal as a number of hours, like 20".to_owned());
        if let Ok(hours) = hours {
            store.edit_mojo(|mojo, now| result = mojo.set_weekly_goal(hours, now).map_err(|err| err.to_string()));
        }
        set_goal_error.set(result.err().map(|err| format!("Goal not changed: {err}.")));
    };
    let set_first_day = move |key: String| {
        if let Some((day, _)) = DAYS.into_iter().find(|(_, name)| *name == key) {
            store.edit_mojo(move |mojo, now| mojo.set_week_start(day, now));
        }
    };
    let first_day = move || store.workbook.mojo().with(|mojo| mojo.week_starts_on);

    view! {
        <Card id="the-week" title="Your week">
            <p class="week-total">{total_line}</p>
            <progress
                class="week-progress"
                aria-label="This week's hours against the goal"
                max=move || Decimal(goal().max(0.25)).to_string()
                value=move || Decimal(week_hours().min(goal().max(0.25))).to_string()
            ></progress>
            <p class="hint">{rest_line}</p>
            <Show when=move || per_project.with(|rows| !rows.is_empty())>
                <table class="week-table">
                    <caption>"This week by project"</caption>
                    <ColumnHeads columns=&["Project", "Hours", "Target"] />
                    <tbody>
                        <For each=project_ids key=|id| *id let:id>
                            {
                                let line = Memo::new(move |_| per_project.with(|lines| lines.get(&id).cloned()));
                                let part = move |pick: fn(&(String, String, String)) -> &String| {
                                    line.with(|line| line.as_ref().map(|line| pick(line).clone()))
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{move || part(|line| &line.0)}</th>
                                        <td>{move || part(|line| &line.1)}</td>
                                        <td>{move || part(|line| &line.2)}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </Show>
            <div class="row">
                <div class="field">
                    <label for="weekly-goal">"Weekly goal in hours"</label>
                    <p class="hint" id="weekly-goal-hint">{move || SetbackKind::hours_hint(store.workbook.debrief().setback().get())}</p>
                    <input
                        id="weekly-goal"
                        aria-describedby="weekly-goal-hint"
                        type="number"
                        inputmode="decimal"
                        min="0"
                        max="168"
                        step="0.25"
                        prop:value=move || Decimal(goal()).to_string()
                        on:change:target=move |event| set_goal(event.target().value())
                    />
                </div>
                <div class="field">
                    <label for="week-start">"Weeks start on"</label>
                    <select id="week-start" on:change:target=move |event| set_first_day(event.target().value())>
                        {DAYS
                            .into_iter()
                            .map(|(day, name)| view! { <option value=name prop:selected=move || first_day() == day>{name}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="error" role="alert">{move || goal_error.get()}</p>

            <h3 id="chart-heading">{format!("The last {CHART_WEEKS} weeks")}</h3>
            <WeekChart weeks=weeks goal=goal />
            <details class="chart-table">
                <summary>"Show the chart as a table"</summary>
                <table>
                    <caption>{format!("Hours per week, last {CHART_WEEKS} weeks, newest first")}</caption>
                    <ColumnHeads columns=&["Week starting", "Hours", "Goal"] />
                    <tbody>
                        {(0..CHART_WEEKS)
                            .map(|newest_first| {
                                let row = Memo::new(move |_| {
                                    let this_week = this_week();
                                    weeks.with(|weeks| {
                                        weeks.iter().rev().nth(newest_first).map(|week| {
                                            let start = dates::short(week.start);
                                            let name = if week.start == this_week {
                                                format!("{start} (this week)")
                                            } else {
                                                start.to_string()
                                            };
                                            (name, format_hours(week.hours))
                                        })
                                    })
                                });
                                let cell = move |part: fn(&(String, String)) -> &String| {
                                    row.with(|row| row.as_ref().map(part).cloned().unwrap_or_default())
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{move || cell(|row| &row.0)}</th>
                                        <td>{move || cell(|row| &row.1)}</td>
                                        <td>{move || format_hours(goal())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </Card>
    }
}

/// The chart of the last weeks: one bar per week, drawn once, whose
/// attributes follow that week's figures (logging an hour moves this week's
/// bar, and the others only when the scale changes).
#[component]
fn WeekChart(weeks: Memo<Vec<WeekTotal>>, goal: impl Fn() -> f32 + Copy + Send + Sync + 'static) -> impl IntoView {
    let geometry = Memo::new(move |_| weeks.with(|weeks| chart_geometry(weeks, goal(), PLOT_WIDTH, PLOT_HEIGHT)));
    let target = Memo::new(move |_| geometry.with(|geometry| geometry.target_y));
    let bars = (0..CHART_WEEKS)
        .map(|index| {
            let bar = Memo::new(move |_| geometry.with(|geometry| geometry.bars.get(index).cloned()));
            let number = move |of: fn(&Bar) -> f32| bar.with(|bar| Decimal(bar.as_ref().map_or(0.0, of)).to_string());
            let label = move || {
                bar.with(|bar| {
                    bar.as_ref()
                        .filter(|bar| bar.hours > 0.0)
                        .map(|bar| format_hours(bar.hours).trim_end_matches(" h").to_owned())
                        .unwrap_or_default()
                })
            };
            view! {
                <rect
                    class=if index + 1 == CHART_WEEKS { "bar current" } else { "bar" }
                    x=move || number(|bar| PLOT_LEFT + bar.x)
                    y=move || number(|bar| PLOT_TOP + bar.y)
                    width=move || number(|bar| bar.width)
                    height=move || number(|bar| bar.height)
                    rx="2"
                ></rect>
                <text
                    class="bar-label"
                    x=move || number(|bar| PLOT_LEFT + bar.x + bar.width / 2.0)
                    y=move || number(|bar| PLOT_TOP + bar.y - 4.0)
                    text-anchor="middle"
                >
                    {label}
                </text>
            }
        })
        .collect_view();
    let target_line = move || {
        target.get().map(|y| {
            let y = PLOT_TOP + y;
            view! {
                <line class="target" x1=Decimal(PLOT_LEFT).to_string() x2=Decimal(PLOT_LEFT + PLOT_WIDTH).to_string() y1=Decimal(y).to_string() y2=Decimal(y).to_string()></line>
                <text class="target-label" x=Decimal(PLOT_LEFT + PLOT_WIDTH).to_string() y=Decimal(y - 4.0).to_string() text-anchor="end">
                    {move || format!("Goal {}", format_hours(goal()))}
                </text>
            }
        })
    };
    let baseline = PLOT_TOP + PLOT_HEIGHT;
    view! {
        <svg class="week-chart" viewBox=format!("0 0 {} {}", Decimal(VIEW_WIDTH), Decimal(VIEW_HEIGHT)) aria-hidden="true" focusable="false">
            <line class="axis" x1=Decimal(PLOT_LEFT).to_string() x2=Decimal(PLOT_LEFT + PLOT_WIDTH).to_string() y1=Decimal(baseline).to_string() y2=Decimal(baseline).to_string()></line>
            {bars}
            {target_line}
            <text class="axis-label" x=Decimal(PLOT_LEFT).to_string() y=Decimal(VIEW_HEIGHT - 8.0).to_string()>{format!("{} weeks ago", CHART_WEEKS - 1)}</text>
            <text class="axis-label" x=Decimal(PLOT_LEFT + PLOT_WIDTH).to_string() y=Decimal(VIEW_HEIGHT - 8.0).to_string() text-anchor="end">"This week"</text>
        </svg>
    }
}
