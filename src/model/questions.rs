//! The bank of probing questions for the debrief, grouped by theme and
//! tailored to the kind of setback. Questions meant to go beneath the
//! surface, even when no life-changing answer comes.

use super::debrief::SetbackKind;
use SetbackKind::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Theme {
    Events,
    Goals,
    Skills,
    People,
    Money,
    Fit,
}

impl Theme {
    pub const ALL: [Theme; 6] = [Theme::Events, Theme::Goals, Theme::Skills, Theme::People, Theme::Money, Theme::Fit];

    /// Stable key, used in the sequence's addresses and its remembered place.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Events => "events",
            Theme::Goals => "goals",
            Theme::Skills => "skills",
            Theme::People => "people",
            Theme::Money => "money",
            Theme::Fit => "fit",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|theme| theme.key() == key)
    }

    pub fn title(self) -> &'static str {
        match self {
            Theme::Events => "How it unfolded",
            Theme::Goals => "Goals and results",
            Theme::Skills => "Skills and readiness",
            Theme::People => "The people around it",
            Theme::Money => "Money and timing",
            Theme::Fit => "Is this really for you?",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id, stored with the answer.
    pub id: &'static str,
    pub theme: Theme,
    pub text: &'static str,
    /// The setbacks it is asked for; empty means every kind.
    pub kinds: &'static [SetbackKind],
}

const fn q(id: &'static str, theme: Theme, text: &'static str, kinds: &'static [SetbackKind]) -> Question {
    Question { id, theme, text, kinds }
}

pub const BANK: &[Question] = &[
    q(
        "first-sign",
        Theme::Events,
        "When did you first sense something was going wrong, and what did you do then?",
        &[],
    ),
    q("could-change", Theme::Events, "If you could change one decision along the way, which would it be?", &[]),
    q("warnings", Theme::Events, "Which warnings did you hear or see, and why did they not change your course?", &[]),
    q(
        "numbers-low",
        Theme::Goals,
        "Why were the results (numbers, targets, reviews) lower than expected?",
        &[FiredOrLaidOff, Stalled],
    ),
    q(
        "goals-too-high",
        Theme::Goals,
        "Were the goals set too high from the start?",
        &[FiredOrLaidOff, Stalled, ProjectRejected],
    ),
    q("time-used", Theme::Goals, "Could your time have been used better? Where did the hours really go?", &[]),
    q(
        "lead-quality",
        Theme::Goals,
        "Were the leads, clients or opportunities you were given poor ones?",
        &[FiredOrLaidOff, BusinessFailed],
    ),
    q(
        "anyone-want",
        Theme::Goals,
        "Did anyone truly want what you were offering? How did you check before you built it?",
        &[BusinessFailed, ProjectRejected],
    ),
    q(
        "repeat-success",
        Theme::Goals,
        "Could the early success have been repeated, and did you know how?",
        &[BusinessFailed, ProjectRejected],
    ),
    q("training", Theme::Skills, "Did you need more training or experience before taking this on?", &[]),
    q("over-head", Theme::Skills, "Were you in over your head? At what moment did you notice?", &[]),
    q(
        "skills-valued",
        Theme::Skills,
        "Which of your skills were valued there, and which were missing?",
        &[Stalled, FiredOrLaidOff],
    ),
    q(
        "manager",
        Theme::People,
        "Were there fundamental disagreements with your manager, partners or clients?",
        &[FiredOrLaidOff, Stalled, BusinessFailed],
    ),
    q("asked-help", Theme::People, "Who could you have asked for help or feedback sooner, and why didn't you?", &[]),
    q("visibility", Theme::People, "Did the people deciding on promotions know what you had achieved?", &[Stalled]),
    q(
        "quit-too-soon",
        Theme::Money,
        "Did you leave a steady paycheck too soon, before you knew how to repeat the first success?",
        &[BusinessFailed, ProjectRejected],
    ),
    q(
        "runway",
        Theme::Money,
        "How many months of savings did you plan for, and how many did you really need?",
        &[BusinessFailed, ProjectRejected],
    ),
    q("outside-forces", Theme::Money, "What was outside your control: the market, the economy, a reorganisation?", &[]),
    q("love-work", Theme::Fit, "Do you truly love this kind of work?", &[]),
    q("want-again", Theme::Fit, "Would you want the same role or venture again, knowing what you know now?", &[]),
];

/// The questions asked for a setback kind (all of them while no kind is
/// chosen), in the bank's order, which groups them by theme.
pub fn questions_for(kind: Option<SetbackKind>) -> Vec<&'static Question> {
    BANK.iter()
        .filter(|question| match kind {
            None | Some(Other) => true,
            Some(kind) => question.kinds.is_empty() || question.kinds.contains(&kind),
        })
        .collect()
}

pub fn find(id: &str) -> Option<&'static Question> {
    BANK.iter().find(|question| question.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_has_at_least_fifteen_questions_with_unique_ids() {
        assert!(BANK.len() >= 15);
        let mut ids: Vec<&str> = BANK.iter().map(|question| question.id).collect();
        crate::model::sorting::sort(&mut ids);
        ids.dedup();
        assert_eq!(ids.len(), BANK.len());
    }

    // Guards tailoring: a failed business is asked about quitting too soon, a lay-off is not.
    #[test]
    fn questions_are_tailored_to_the_setback() {
        let business: Vec<&str> = questions_for(Some(BusinessFailed)).iter().map(|q| q.id).collect();
        assert!(business.contains(&"quit-too-soon"));
        assert!(business.contains(&"runway"));
        assert!(!business.contains(&"visibility"));
        let fired: Vec<&str> = questions_for(Some(FiredOrLaidOff)).iter().map(|q| q.id).collect();
        for id in [
            "numbers-low",
            "goals-too-high",
            "time-used",
            "lead-quality",
            "training",
            "over-head",
            "manager",
            "love-work",
        ] {
            assert!(fired.contains(&id), "{id}");
        }
        assert!(!fired.contains(&"quit-too-soon"));
    }

    #[test]
    fn every_kind_gets_enough_questions_and_every_theme_is_used() {
        for kind in SetbackKind::ALL {
            assert!(questions_for(Some(kind)).len() >= 10, "{kind:?}");
        }
        assert_eq!(questions_for(None).len(), BANK.len());
        for theme in Theme::ALL {
            assert!(BANK.iter().any(|question| question.theme == theme));
        }
    }

    #[test]
    fn questions_of_a_theme_stand_together() {
        let themes: Vec<Theme> = BANK.iter().map(|question| question.theme).collect();
        let mut seen = Vec::new();
        for theme in themes {
            if seen.last() != Some(&theme) {
                assert!(!seen.contains(&theme), "{theme:?} appears in two places");
                seen.push(theme);
            }
        }
    }
}
