//! The activity report written out: Markdown to read or print, CSV for a
//! spreadsheet or a form (formula-like values escaped, see `io::csv`).

use super::csv::write_record;
use super::debrief_markdown::escape_markdown;
use crate::model::dates;
use crate::model::plan::report::{Activity, ActivityKind, DateRange};

/// The columns of the CSV, in order.
pub const CSV_COLUMNS: [&str; 4] = ["Date", "Type", "Activity", "Details"];

/// The report as Markdown: a title with the range, counts by kind, then one
/// heading a day with its activities.
pub fn report_markdown(range: DateRange, activities: &[Activity]) -> String {
    let mut out =
        format!("# Job search activity\n\nFrom {} to {}.\n\n", dates::long(range.from), dates::long(range.to));
    if activities.is_empty() {
        out.push_str("No activity recorded in this period.\n");
        return out;
    }
    let kinds = [
        ActivityKind::Application,
        ActivityKind::StageChange,
        ActivityKind::ContactReached,
        ActivityKind::EventAttended,
    ];
    for kind in kinds {
        let count = activities.iter().filter(|activity| activity.kind == kind).count();
        out.push_str(&format!("- {}: {count}\n", kind.label()));
    }
    let mut day = None;
    for activity in activities {
        if day != Some(activity.date) {
            day = Some(activity.date);
            out.push_str(&format!("\n## {}\n\n", dates::weekday_long(activity.date)));
        }
        out.push_str(&format!("- **{}:** {}", activity.kind.label(), escape_markdown(&activity.what)));
        let details = escape_markdown(&activity.details);
        if !details.is_empty() {
            out.push_str(&format!(" — {details}"));
        }
        out.push('\n');
    }
    out
}

/// The report as CSV, one activity a row, dates as `YYYY-MM-DD`.
pub fn report_csv(activities: &[Activity]) -> String {
    let mut out = write_record(&CSV_COLUMNS);
    for activity in activities {
        out.push_str(&write_record(&[
            activity.date.to_string(),
            activity.kind.label().to_owned(),
            activity.what.clone(),
            activity.details.clone(),
        ]));
    }
    out
}

/// The file name for a report of `range`.
pub fn report_file_name(range: DateRange, extension: &str) -> String {
    format!("comeback-activity-{}-to-{}.{extension}", range.from, range.to)
}
