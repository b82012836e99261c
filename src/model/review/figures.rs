//! The figures of a week, worked out from what the workbook keeps: nothing
//! is counted twice by hand. Dates are the person's local calendar days, as
//! everywhere in the model; a week is the seven days from its first day.
//!
//! Some figures need a day the model only keeps since schema 8 (when an
//! action was done, when someone replied, when a proud entry was written).
//! What was done before has no day and is counted in no week: [`Undated`]
//! says how much, so the review can say so instead of showing a quiet week.

use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate};

use crate::model::mojo::format_hours;
use crate::model::plan::Stage;
use crate::model::sorting;
use crate::model::Workbook;

/// What moved in one week.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeekFigures {
    /// The week's first day.
    pub start: NaiveDate,
    /// Hours logged on side projects.
    pub hours: f32,
    /// People reached: contacts with something logged this week.
    pub people_reached: usize,
    /// Contacts who replied this week.
    pub replies: usize,
    /// Logged contacts with someone already reached before: follow-ups.
    pub follow_ups_done: usize,
    pub events_attended: usize,
    /// Opportunities first noted this week.
    pub opportunities_added: usize,
    /// Moves of an opportunity to another stage this week.
    pub opportunities_moved: usize,
    /// Moves to "applied" (a new opportunity entered as applied counts too).
    pub applications: usize,
    pub actions_done: usize,
    pub proud_added: usize,
    /// Days of the week set aside for rest: rest days and planned downtime.
    pub rest_days: usize,
}

impl WeekFigures {
    fn new(start: NaiveDate) -> Self {
        Self { start, ..Self::default() }
    }

    /// The week's last day.
    pub fn end(&self) -> NaiveDate {
        self.start + Days::new(6)
    }

    /// Whether nothing at all was logged (rest aside).
    pub fn nothing_logged(&self) -> bool {
        self.hours <= 0.0
            && self.people_reached
                + self.replies
                + self.events_attended
                + self.opportunities_added
                + self.opportunities_moved
                + self.actions_done
                + self.proud_added
                == 0
    }

    /// A week of rest: every day of it so far was rest, or some were and
    /// nothing else was logged. Shown as rest, never as an empty week.
    pub fn is_rest(&self, today: NaiveDate) -> bool {
        let days_so_far = if today >= self.end() {
            7
        } else if today < self.start {
            0
        } else {
            (today - self.start).num_days() as usize + 1
        };
        self.rest_days > 0 && (self.rest_days >= days_so_far || self.nothing_logged())
    }
}

/// One line of the week's figures, as the review and its export show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureLine {
    pub label: &'static str,
    pub value: String,
}

impl WeekFigures {
    /// The figures in words, in the order of the method; `waiting` is the
    /// follow-ups still waiting at the week's end, when worked out.
    pub fn lines(&self, goal: f32, waiting: Option<usize>) -> Vec<FigureLine> {
        let line = |label, value: String| FigureLine { label, value };
        let hours = if goal > 0.0 {
            format!("{} of your {} goal", format_hours(self.hours), format_hours(goal))
        } else {
            format_hours(self.hours)
        };
        let mut follow_ups = format!("{} done", self.follow_ups_done);
        if let Some(waiting) = waiting {
            follow_ups.push_str(&format!(", {waiting} waiting"));
        }
        vec![
            line("Hours on side projects", hours),
            line("People reached", self.people_reached.to_string()),
            line("Replies", self.replies.to_string()),
            line("Follow-ups", follow_ups),
            line("Events attended", self.events_attended.to_string()),
            line("Opportunities", format!("{} added, {} moved on", self.opportunities_added, self.opportunities_moved)),
            line("Actions done", self.actions_done.to_string()),
            line("Proud entries written", self.proud_added.to_string()),
            line("Rest days", self.rest_days.to_string()),
        ]
    }
}

/// What was done before the model kept its day (schema 8), so counted in no week.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undated {
    pub actions_done: usize,
    pub replies: usize,
    pub proud: usize,
}

impl Undated {
    pub fn is_empty(&self) -> bool {
        self.actions_done + self.replies + self.proud == 0
    }

    /// The sentence the review shows, or `None` when everything has its day.
    pub fn words(&self) -> Option<String> {
        let plural = |count: usize, one: &str, many: &str| match count {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let parts: Vec<String> = [
            plural(self.actions_done, "action done", "actions done"),
            plural(self.replies, "reply", "replies"),
            plural(self.proud, "proud entry", "proud entries"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let list = match parts.as_slice() {
            [] => return None,
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        Some(format!(
            "Comeback did not keep the day of everything before this version: {list} from then are not counted in any week. They still count."
        ))
    }
}

impl Workbook {
    /// The figures of the weeks starting on each of `starts` (first days of
    /// weeks, with the person's first day), from one pass over the data.
    pub fn week_figures(&self, starts: &[NaiveDate]) -> Vec<WeekFigures> {
        let mut weeks: BTreeMap<NaiveDate, WeekFigures> =
            starts.iter().map(|start| (*start, WeekFigures::new(*start))).collect();
        let mojo = &self.mojo;
        // The figures of the week holding `date`, if it is one asked for.
        fn at<'a>(
            weeks: &'a mut BTreeMap<NaiveDate, WeekFigures>,
            mojo: &crate::model::Mojo,
            date: NaiveDate,
        ) -> Option<&'a mut WeekFigures> {
            weeks.get_mut(&mojo.week_of(date))
        }

        for entry in &self.mojo.entries {
            if let Some(week) = at(&mut weeks, mojo, entry.date) {
                week.hours += entry.hours;
            }
        }
        for contact in &self.outreach.contacts {
            let mut dates: Vec<NaiveDate> =
                contact.interactions.iter().filter_map(|interaction| interaction.date).collect();
            sorting::sort(&mut dates);
            let mut counted: HashSet<NaiveDate> = HashSet::new();
            for (index, date) in dates.iter().enumerate() {
                let Some(week) = at(&mut weeks, mojo, *date) else { continue };
                // One person reached once per week, however many notes were logged.
                if counted.insert(week.start) {
                    week.people_reached += 1;
                    // Someone reached before this week: a follow-up, not a first message.
                    if dates[..index].iter().any(|earlier| *earlier < week.start) {
                        week.follow_ups_done += 1;
                    }
                }
            }
            if let Some(week) = contact.replied_on.and_then(|day| at(&mut weeks, mojo, day)) {
                week.replies += 1;
            }
        }
        for event in self.mojo.events.iter().filter(|event| event.attended) {
            if let Some(week) = event.date.and_then(|day| at(&mut weeks, mojo, day)) {
                week.events_attended += 1;
            }
        }
        for opportunity in &self.plan.opportunities.list {
            for (index, change) in opportunity.history.iter().enumerate() {
                let Some(week) = at(&mut weeks, mojo, change.on) else { continue };
                if index == 0 {
                    week.opportunities_added += 1;
                } else {
                    week.opportunities_moved += 1;
                }
                if change.stage == Stage::Applied {
                    week.applications += 1;
                }
            }
        }
        for action in self.plan.actions.iter().filter(|action| action.done) {
            if let Some(week) = action.done_on.and_then(|day| at(&mut weeks, mojo, day)) {
                week.actions_done += 1;
            }
        }
        for item in &self.mojo.proud {
            if let Some(week) = item.added_on.and_then(|day| at(&mut weeks, mojo, day)) {
                week.proud_added += 1;
            }
        }
        let rest: HashSet<NaiveDate> = self.mojo.downtime.rest_days.iter().map(|day| day.date).collect();
        let downtime_from = self.debrief.setback_on.or(self.created_at.map(|at| at.date_naive()));
        let in_downtime = |day: NaiveDate| {
            self.mojo.downtime.until.is_some_and(|until| day <= until) && downtime_from.is_some_and(|from| day >= from)
        };
        for week in weeks.values_mut() {
            week.rest_days =
                week.start.iter_days().take(7).filter(|day| rest.contains(day) || in_downtime(*day)).count();
        }
        starts.iter().filter_map(|start| weeks.get(start).cloned()).collect()
    }

    /// The figures of the one week starting on `start`.
    pub fn figures_of_week(&self, start: NaiveDate) -> WeekFigures {
        self.week_figures(&[start]).pop().unwrap_or_else(|| WeekFigures::new(start))
    }

    /// Follow-ups still waiting at the end of the week starting on `start`
    /// (at `today` for this week): the contacts whose next follow-up, as the
    /// log stood then, fell on or before that day. Contacts on "not now" have none.
    pub fn follow_ups_waiting(&self, start: NaiveDate, today: NaiveDate) -> usize {
        let cutoff = (start + Days::new(6)).min(today);
        self.outreach
            .contacts
            .iter()
            .filter(|contact| contact.status != crate::model::outreach::Status::NotNow)
            .filter(|contact| {
                let last = contact
                    .interactions
                    .iter()
                    .filter_map(|interaction| interaction.date)
                    .filter(|date| *date <= cutoff)
                    .max();
                last.and_then(|last| last.checked_add_days(Days::new(u64::from(contact.cadence()))))
                    .is_some_and(|next| next <= cutoff)
            })
            .count()
    }

    /// What was done before the model kept its day: counted in no week.
    pub fn undated(&self) -> Undated {
        Undated {
            actions_done: self.plan.actions.iter().filter(|action| action.done && action.done_on.is_none()).count(),
            replies: self
                .outreach
                .contacts
                .iter()
                .filter(|contact| contact.replied_on.is_none() && contact.status.means_replied())
                .count(),
            proud: self.mojo.proud.iter().filter(|item| item.added_on.is_none()).count(),
        }
    }
}
