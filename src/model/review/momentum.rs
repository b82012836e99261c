//! Momentum since the setback: one line per week from the week of the
//! setback to this one (people reached, hours on side projects,
//! applications, energy when given), and the geometry of the chart Today
//! draws from it as SVG: one strip per figure, each with its own scale, so
//! that hours (tens) do not flatten applications (a few).

use chrono::{Days, NaiveDate};
use uuid::Uuid;

use crate::model::Workbook;

use super::MAX_ENERGY;

/// The chart and its table show at most this many weeks, the latest: half a
/// year still reads at 320 px wide.
pub const MOMENTUM_WEEKS: usize = 26;

/// One week since the setback.
#[derive(Clone, Debug, PartialEq)]
pub struct MomentumWeek {
    /// 1 for the week the setback happened in.
    pub number: usize,
    pub start: NaiveDate,
    pub people: usize,
    pub hours: f32,
    pub applications: usize,
    pub energy: Option<u8>,
    /// A week of rest (see `WeekFigures::is_rest`), shown as rest, not as empty.
    pub rest: bool,
    /// Its review, when one was written.
    pub review: Option<Uuid>,
}

/// What the momentum card can show.
#[derive(Clone, Debug, PartialEq)]
pub enum Momentum {
    /// The setback's day is not set yet.
    NoDate,
    /// The day set is after today (a notice period, a contract that ends).
    NotYet(NaiveDate),
    /// The weeks, oldest first; `earlier` weeks before them are left out.
    Weeks { weeks: Vec<MomentumWeek>, earlier: usize },
}

impl Workbook {
    /// The weeks from the setback's to this one, the latest [`MOMENTUM_WEEKS`].
    pub fn momentum(&self, today: NaiveDate) -> Momentum {
        let Some(setback) = self.debrief.setback_on else { return Momentum::NoDate };
        if setback > today {
            return Momentum::NotYet(setback);
        }
        let first = self.mojo.week_of(setback);
        let this_week = self.mojo.week_of(today);
        let count = (this_week - first).num_days() as usize / 7 + 1;
        let shown = count.min(MOMENTUM_WEEKS);
        let earlier = count - shown;
        let starts: Vec<NaiveDate> = (earlier..count).map(|index| first + Days::new(7 * index as u64)).collect();
        let weeks = self
            .week_figures(&starts)
            .into_iter()
            .zip(earlier..count)
            .map(|(figures, index)| {
                let review = self.mojo.review_of(figures.start);
                MomentumWeek {
                    number: index + 1,
                    start: figures.start,
                    people: figures.people_reached,
                    hours: figures.hours,
                    applications: figures.applications,
                    energy: review.and_then(|review| review.energy),
                    rest: figures.is_rest(today),
                    review: review.map(|review| review.meta.id),
                }
            })
            .collect();
        Momentum::Weeks { weeks, earlier }
    }
}

/// The space above each strip for its name.
pub const LABEL_HEIGHT: f32 = 18.0;
/// The share of each week's slot the bar fills; the rest is the gap.
const BAR_SHARE: f32 = 0.7;

/// One week's bar in a strip.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelBar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub value: f32,
}

/// One figure's strip: its name at `label_y`, its bars between `top` and
/// `top + height`, scaled so the largest week fills it.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub label: &'static str,
    pub label_y: f32,
    pub top: f32,
    pub height: f32,
    /// The value the strip's full height stands for.
    pub max: f32,
    pub bars: Vec<PanelBar>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MomentumGeometry {
    pub width: f32,
    /// The whole drawing's height (the SVG's view box).
    pub height: f32,
    /// People reached, hours, applications; energy too when any was given.
    pub panels: Vec<Panel>,
    /// The energy strip's points (centre of the week's slot, level), weeks
    /// without an energy level left out.
    pub energy: Vec<(f32, f32)>,
}

/// Lays out the strips for `weeks` in a `width`-wide drawing, each strip's
/// plot `strip_height` tall.
pub fn momentum_geometry(weeks: &[MomentumWeek], width: f32, strip_height: f32) -> MomentumGeometry {
    let slot = if weeks.is_empty() { 0.0 } else { width / weeks.len() as f32 };
    let clean = |value: f32| if value.is_finite() { value.max(0.0) + 0.0 } else { 0.0 };
    let band = LABEL_HEIGHT + strip_height;
    let strip = |index: usize, label: &'static str, value: &dyn Fn(&MomentumWeek) -> f32| {
        let label_y = index as f32 * band;
        let top = label_y + LABEL_HEIGHT;
        let max = weeks.iter().map(|week| clean(value(week))).fold(0.0_f32, f32::max);
        let bars = weeks
            .iter()
            .enumerate()
            .map(|(at, week)| {
                let value = clean(value(week));
                let height = if max > 0.0 { value / max * strip_height + 0.0 } else { 0.0 };
                PanelBar {
                    x: at as f32 * slot + slot * (1.0 - BAR_SHARE) / 2.0,
                    y: top + strip_height - height,
                    width: slot * BAR_SHARE,
                    height,
                    value,
                }
            })
            .collect();
        Panel { label, label_y, top, height: strip_height, max, bars }
    };
    let mut panels = vec![
        strip(0, "People reached", &|week| week.people as f32),
        strip(1, "Hours on side projects", &|week| week.hours),
        strip(2, "Applications", &|week| week.applications as f32),
    ];
    let mut energy = Vec::new();
    if weeks.iter().any(|week| week.energy.is_some()) {
        let label_y = 3.0 * band;
        let top = label_y + LABEL_HEIGHT;
        energy = weeks
            .iter()
            .enumerate()
            .filter_map(|(at, week)| {
                let level = f32::from(week.energy?);
                Some((at as f32 * slot + slot / 2.0, top + strip_height - level / f32::from(MAX_ENERGY) * strip_height))
            })
            .collect();
        panels.push(Panel {
            label: "Energy (1 to 5)",
            label_y,
            top,
            height: strip_height,
            max: f32::from(MAX_ENERGY),
            bars: Vec::new(),
        });
    }
    MomentumGeometry { width, height: panels.len() as f32 * band, panels, energy }
}
