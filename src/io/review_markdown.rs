//! The weekly reviews as a CommonMark document, to keep or share: each
//! week's figures, the three answers, the energy and the priorities. What
//! the person wrote is escaped as in the debrief's export, so it always
//! reads back as literal text.

use super::debrief_markdown::{escape_markdown, escape_markdown_block};
use crate::model::dates;
use crate::model::review::{WeeklyReview, MAX_ENERGY};
use crate::model::sorting;
use crate::model::Workbook;

/// Every review that has something written in it, newest week first.
pub fn reviews_markdown(workbook: &Workbook) -> String {
    let mut reviews: Vec<&WeeklyReview> = workbook.mojo.reviews.iter().filter(|review| review.is_written()).collect();
    sorting::sort_by_key(&mut reviews, |review| std::cmp::Reverse(review.week));
    let starts: Vec<_> = reviews.iter().map(|review| review.week).collect();
    let figures = workbook.week_figures(&starts);
    let mut blocks = vec!["# My weekly reviews".to_owned()];
    if reviews.is_empty() {
        blocks.push("No review written yet.".to_owned());
    }
    for (review, figures) in reviews.iter().zip(&figures) {
        blocks.push(format!("## Week of {}", dates::long(review.week)));
        let lines = figures.lines(workbook.mojo.weekly_hours_goal, None);
        blocks
            .push(lines.iter().map(|line| format!("- {}: {}", line.label, line.value)).collect::<Vec<_>>().join("\n"));
        for (question, answer) in [
            ("What moved", &review.moved),
            ("What was hard", &review.hard),
            ("The one thing for next week", &review.next_one),
        ] {
            let answer = escape_markdown_block(answer, "");
            if !answer.is_empty() {
                blocks.push(format!("### {question}"));
                blocks.push(answer);
            }
        }
        if let Some(energy) = review.energy {
            blocks.push(format!("Energy: {energy} of {MAX_ENERGY}"));
        }
        let priorities: Vec<String> = review
            .priorities
            .iter()
            .map(|priority| escape_markdown(&priority.text))
            .filter(|text| !text.is_empty())
            .map(|text| format!("- {text}"))
            .collect();
        if !priorities.is_empty() {
            blocks.push("### Priorities for the next week".to_owned());
            blocks.push(priorities.join("\n"));
        }
    }
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}
