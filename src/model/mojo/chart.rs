//! The geometry of the weekly chart: plain numbers the page draws as SVG.
//! Bars grow up from the bottom of a `width` × `height` plot area; the scale
//! fits the larger of the busiest week and the target.

use super::week::WeekTotal;

/// The share of each week's slot the bar fills; the rest is the gap.
const BAR_SHARE: f32 = 0.7;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub hours: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    pub bars: Vec<Bar>,
    /// Where the target line runs; `None` when there is no target.
    pub target_y: Option<f32>,
    /// The hours the full height stands for.
    pub scale_max: f32,
}

/// Lays out one bar per week and the target line.
pub fn chart_geometry(weeks: &[WeekTotal], target: f32, width: f32, height: f32) -> ChartGeometry {
    // `+ 0.0` turns a negative zero into a plain zero, so no "-0" reaches the SVG.
    let clean = |hours: f32| if hours.is_finite() { hours.max(0.0) + 0.0 } else { 0.0 };
    let target = clean(target);
    let busiest = weeks.iter().map(|week| clean(week.hours)).fold(0.0_f32, f32::max);
    let scale_max = busiest.max(target);
    let to_height = |hours: f32| if scale_max > 0.0 { hours / scale_max * height + 0.0 } else { 0.0 };
    let slot = if weeks.is_empty() { 0.0 } else { width / weeks.len() as f32 };
    let bars = weeks
        .iter()
        .enumerate()
        .map(|(index, week)| {
            let hours = clean(week.hours);
            let bar_height = to_height(hours);
            Bar {
                x: index as f32 * slot + slot * (1.0 - BAR_SHARE) / 2.0,
                y: height - bar_height,
                width: slot * BAR_SHARE,
                height: bar_height,
                hours,
            }
        })
        .collect();
    let target_y = (target > 0.0).then(|| height - to_height(target));
    ChartGeometry { bars, target_y, scale_max }
}
