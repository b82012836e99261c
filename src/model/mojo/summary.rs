//! "How I spent my time off": a few plain sentences written from the data,
//! for the person to read, copy, and reuse as an interview answer (the
//! next-move step shows it too).

use super::week::format_hours;
use super::{Mojo, ProjectKind};
use crate::model::dates;
use crate::model::sorting;
use crate::model::words::{clause, join_words};

/// "a" or "an", for the nouns this file uses.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn count(number: usize, one: &str, many: &str) -> String {
    if number == 1 {
        format!("1 {one}")
    } else {
        format!("{number} {many}")
    }
}

impl Mojo {
    /// The summary, one sentence a line; a gentle placeholder when empty.
    pub fn time_off_summary(&self) -> String {
        self.time_off_story().unwrap_or_else(|| "Nothing to tell yet, and that is fine. As you log time on side projects, reach milestones and go to events, this turns into your answer to \"How did you spend your time off?\"".to_owned())
    }

    /// The summary's sentences, or `None` while there is nothing to tell.
    pub fn time_off_story(&self) -> Option<String> {
        let mut lines = Vec::new();

        let mut projects: Vec<(String, f32)> = self
            .projects
            .iter()
            .map(|project| {
                let hours = self.total_hours(Some(project.meta.id));
                let kind = match project.kind {
                    ProjectKind::Other => String::new(),
                    kind => format!(" ({})", kind.label().to_lowercase()),
                };
                (format!("{} on {}{kind}", format_hours(hours), project.display_name()), hours)
            })
            .filter(|(_, hours)| *hours > 0.0)
            .collect();
        sorting::sort_by(&mut projects, |a, b| b.1.total_cmp(&a.1));
        if !projects.is_empty() {
            let total: f32 = projects.iter().map(|(_, hours)| hours).sum();
            let parts: Vec<String> = projects.into_iter().map(|(text, _)| text).collect();
            lines.push(format!("I put {} into side projects: {}.", format_hours(total), join_words(&parts)));
        }

        let mut milestones: Vec<_> = self
            .projects
            .iter()
            .flat_map(|project| {
                project
                    .milestones
                    .iter()
                    .filter_map(move |milestone| milestone.done_on.map(|on| (on, milestone, project)))
            })
            .filter(|(_, milestone, _)| !milestone.text.trim().is_empty())
            .collect();
        sorting::sort_by_key(&mut milestones, |(on, _, _)| *on);
        if !milestones.is_empty() {
            let parts: Vec<String> = milestones
                .iter()
                .map(|(on, milestone, project)| {
                    format!("{} for {} ({})", milestone.text.trim(), project.display_name(), dates::short(*on))
                })
                .collect();
            lines.push(format!("Milestones I reached: {}.", join_words(&parts)));
        }

        let attended: Vec<String> = self
            .events_in_order()
            .into_iter()
            .filter(|event| event.attended)
            .map(|event| {
                let name = event.name.trim();
                let noun = event.kind.noun();
                match (name.is_empty(), event.date) {
                    (false, Some(date)) => format!("{name} ({noun}, {})", dates::short(date)),
                    (false, None) => format!("{name} ({noun})"),
                    (true, Some(date)) => format!("{} {noun} ({})", article(noun), dates::short(date)),
                    (true, None) => format!("{} {noun}", article(noun)),
                }
            })
            .collect();
        if !attended.is_empty() {
            lines.push(format!(
                "I stepped out of my comfort zone at {}: {}.",
                count(attended.len(), "event", "events"),
                join_words(&attended)
            ));
        }

        let people: Vec<String> = self
            .events_in_order()
            .into_iter()
            .flat_map(|event| event.people.iter())
            .map(|person| person.name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .collect();
        if !people.is_empty() {
            lines.push(format!("I met {}: {}.", count(people.len(), "new person", "new people"), join_words(&people)));
        }

        if lines.is_empty() {
            return None;
        }
        if let Some(until) = self.downtime.until {
            lines.push(format!("I also took planned time to rest, until {}.", dates::short(until)));
        }
        Some(lines.join("\n"))
    }
}

impl Mojo {
    /// "What I have done since", as a person would say it in an interview:
    /// the side projects first (the method says to lead with them), in round
    /// hours, the milestones in the person's words, the events in a phrase;
    /// no dates, no categories, and no names of people met (they are the
    /// person's private notes). `None` while there is nothing to tell.
    pub fn done_since_words(&self) -> Option<String> {
        let mut sentences = Vec::new();
        let mut projects: Vec<(String, f32)> = self
            .projects
            .iter()
            .map(|project| (clause(&project.display_name()).to_owned(), self.total_hours(Some(project.meta.id))))
            .filter(|(_, hours)| *hours > 0.0)
            .collect();
        sorting::sort_by(&mut projects, |a, b| b.1.total_cmp(&a.1));
        let total: f32 = projects.iter().map(|(_, hours)| hours).sum();
        let names: Vec<String> = projects.into_iter().map(|(name, _)| name).collect();
        match names.as_slice() {
            [] => {}
            [one] => {
                sentences.push(format!("Since then I have been working on {one}, about {} so far.", hours_words(total)))
            }
            many => sentences.push(format!(
                "Since then I have put about {} into {} side projects: {}.",
                hours_words(total),
                number_word(many.len()),
                join_words(many)
            )),
        }
        let milestones: Vec<String> = self
            .projects
            .iter()
            .flat_map(|project| project.milestones.iter())
            .filter(|milestone| milestone.done_on.is_some())
            .map(|milestone| clause(&milestone.text).to_owned())
            .filter(|text| !text.is_empty())
            .take(3)
            .collect();
        let quoted: Vec<String> = milestones.iter().map(|text| format!("“{text}”")).collect();
        match quoted.as_slice() {
            [] => {}
            [one] => sentences.push(format!("Along the way I reached a milestone I had set myself: {one}.")),
            many => {
                sentences.push(format!("Along the way I reached milestones I had set myself: {}.", join_words(many)))
            }
        }
        let attended = self.events.iter().filter(|event| event.attended).count();
        let people: usize = self.events.iter().filter(|event| event.attended).map(|event| event.people.len()).sum();
        match (attended, people) {
            (0, _) => {}
            (1, 0) => sentences.push("I also made myself go to an event outside my comfort zone.".to_owned()),
            (events, 0) => sentences.push(format!("I also made myself go to {events} events outside my comfort zone.")),
            (1, people) => sentences.push(format!(
                "I also made myself go to an event outside my comfort zone, and met {} there.",
                count(people, "new person", "new people")
            )),
            (events, people) => sentences.push(format!(
                "I also made myself go to {events} events outside my comfort zone, and met {} there.",
                count(people, "new person", "new people")
            )),
        }
        (!sentences.is_empty()).then(|| sentences.join(" "))
    }
}

/// Small numbers as words ("two side projects"), larger ones as figures.
fn number_word(number: usize) -> String {
    match number {
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        4 => "four".to_owned(),
        5 => "five".to_owned(),
        n => n.to_string(),
    }
}

/// Hours as said out loud: "half an hour", "an hour", "24 hours".
fn hours_words(hours: f32) -> String {
    let whole = hours.round();
    if hours < 0.75 {
        "half an hour".to_owned()
    } else if whole <= 1.0 {
        "an hour".to_owned()
    } else {
        format!("{} hours", whole as i64)
    }
}
