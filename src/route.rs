//! The app's pages and their addresses. Pages live in the URL fragment
//! (`#/debrief`), so the app works from any static host, at a domain root or
//! under `/<repo>/`, with reloads and deep links, and offline from one cached
//! `index.html`.

use crate::model::sequence::Screen;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Today,
    /// The practical checklist and survival budget.
    FirstSteps,
    Debrief,
    /// The debrief as a guided sequence, at one screen (`None`: where the
    /// person left off).
    DebriefGuide(Option<Screen>),
    /// The same sequence as a focused session: navigation hidden, a timer.
    DebriefSession(Option<Screen>),
    Share,
    Mojo,
    NextMove,
    Backup,
    /// The weekly review of the week starting on a day (`None`: the week
    /// offered today, see `model::review::review_week`).
    Review(Option<chrono::NaiveDate>),
    NotFound(String),
}

impl Route {
    /// The pages listed in the navigation, in the order of the method.
    pub const NAV: [Route; 7] =
        [Route::Today, Route::FirstSteps, Route::Debrief, Route::Share, Route::Mojo, Route::NextMove, Route::Backup];

    /// The page of one step of the method.
    pub fn of_step(step: crate::model::progress::Step) -> Route {
        use crate::model::progress::Step;
        match step {
            Step::Debrief => Route::Debrief,
            Step::Share => Route::Share,
            Step::Mojo => Route::Mojo,
            Step::NextMove => Route::NextMove,
        }
    }

    /// The step a page belongs to, if any.
    pub fn step(&self) -> Option<crate::model::progress::Step> {
        use crate::model::progress::Step;
        match self {
            Route::Debrief | Route::DebriefGuide(_) | Route::DebriefSession(_) => Some(Step::Debrief),
            Route::Share => Some(Step::Share),
            Route::Mojo => Some(Step::Mojo),
            Route::NextMove => Some(Step::NextMove),
            _ => None,
        }
    }

    /// Reads a `location.hash` value (`""`, `"#/"`, `"#/share"`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or_default().trim_end_matches('/');
        match path {
            "" | "today" => Route::Today,
            "first-steps" => Route::FirstSteps,
            "debrief" => Route::Debrief,
            "debrief/guide" => Route::DebriefGuide(None),
            "debrief/session" => Route::DebriefSession(None),
            // An address of a screen this build does not have opens the
            // sequence where the person left off.
            other if other.starts_with("debrief/guide/") => {
                Route::DebriefGuide(Screen::from_key(other.trim_start_matches("debrief/guide/")))
            }
            other if other.starts_with("debrief/session/") => {
                Route::DebriefSession(Screen::from_key(other.trim_start_matches("debrief/session/")))
            }
            "share" => Route::Share,
            "mojo" => Route::Mojo,
            "next" => Route::NextMove,
            "backup" => Route::Backup,
            "review" => Route::Review(None),
            // A day that is not a date opens the week offered today.
            other if other.starts_with("review/") => {
                Route::Review(crate::model::dates::parse_iso(other.trim_start_matches("review/")))
            }
            other => Route::NotFound(other.to_owned()),
        }
    }

    /// The link to this page, relative to the app's own address.
    pub fn href(&self) -> String {
        match self {
            Route::Today => "#/".into(),
            Route::FirstSteps => "#/first-steps".into(),
            Route::Debrief => "#/debrief".into(),
            Route::DebriefGuide(None) => "#/debrief/guide".into(),
            Route::DebriefGuide(Some(screen)) => format!("#/debrief/guide/{}", screen.key()),
            Route::DebriefSession(None) => "#/debrief/session".into(),
            Route::DebriefSession(Some(screen)) => format!("#/debrief/session/{}", screen.key()),
            Route::Share => "#/share".into(),
            Route::Mojo => "#/mojo".into(),
            Route::NextMove => "#/next".into(),
            Route::Backup => "#/backup".into(),
            Route::Review(None) => "#/review".into(),
            Route::Review(Some(week)) => format!("#/review/{week}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The page this route shows, without the sequence's screen: moving
    /// from one screen to the next keeps the same page (and its timer).
    pub fn page(&self) -> Route {
        match self {
            Route::DebriefGuide(_) => Route::DebriefGuide(None),
            Route::DebriefSession(_) => Route::DebriefSession(None),
            // Moving from one week to another stays on the page.
            Route::Review(_) => Route::Review(None),
            other => other.clone(),
        }
    }

    /// The sequence's screen this route asks for, if any.
    pub fn screen(&self) -> Option<Screen> {
        match self {
            Route::DebriefGuide(screen) | Route::DebriefSession(screen) => *screen,
            _ => None,
        }
    }

    /// Short name for the navigation.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Route::Today => "Today",
            Route::FirstSteps => "First steps",
            Route::Debrief | Route::DebriefGuide(_) | Route::DebriefSession(_) => "Debrief",
            Route::Share => "Share",
            Route::Mojo => "Mojo",
            Route::NextMove => "Next move",
            Route::Backup => "Backup",
            Route::Review(_) => "Weekly review",
            Route::NotFound(_) => "Not found",
        }
    }

    /// The document title while the page is shown.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Today => "Today",
            Route::FirstSteps => "First steps",
            Route::Debrief => "Step 1: Debrief",
            Route::DebriefGuide(screen) => return sequence_title("Debrief", *screen),
            Route::DebriefSession(screen) => return sequence_title("Debrief session", *screen),
            Route::Share => "Step 2: Share",
            Route::Mojo => "Step 3: Regain your mojo",
            Route::NextMove => "Step 4: Next move",
            Route::Backup => "Backup & settings",
            Route::Review(_) => "Weekly review",
            Route::NotFound(_) => "Page not found",
        };
        format!("{page} · Comeback")
    }
}

/// "Debrief, part 4 of 9: The hard questions · Comeback".
fn sequence_title(page: &str, screen: Option<Screen>) -> String {
    match screen {
        Some(screen) => {
            let part = screen.part();
            format!(
                "{page}, part {} of {}: {} · Comeback",
                part.number(),
                crate::model::sequence::Part::ALL.len(),
                part.title()
            )
        }
        None => format!("{page}, part by part · Comeback"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nav_route_round_trips_through_its_href() {
        for route in Route::NAV {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn pages_outside_the_navigation_have_their_own_addresses() {
        assert_eq!(Route::from_hash(&Route::DebriefSession(None).href()), Route::DebriefSession(None));
        assert_eq!(Route::from_hash(&Route::DebriefGuide(None).href()), Route::DebriefGuide(None));
        assert_eq!(Route::from_hash(&Route::FirstSteps.href()), Route::FirstSteps);
        let week = chrono::NaiveDate::from_ymd_opt(2026, 11, 23);
        assert_eq!(Route::from_hash(&Route::Review(week).href()), Route::Review(week));
        assert_eq!(Route::from_hash("#/review"), Route::Review(None));
        assert_eq!(Route::from_hash("#/review/someday"), Route::Review(None));
        assert_eq!(Route::Review(week).page(), Route::Review(None));
    }

    #[test]
    fn empty_and_odd_hashes() {
        assert_eq!(Route::from_hash(""), Route::Today);
        assert_eq!(Route::from_hash("#"), Route::Today);
        assert_eq!(Route::from_hash("#/share/"), Route::Share);
        assert_eq!(Route::from_hash("#/mojo?x=1"), Route::Mojo);
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound("nope".into()));
    }

    // Guards the sequence's addresses: every screen round-trips, in both
    // modes, and moving between screens stays on one page.
    #[test]
    fn every_screen_of_the_sequence_has_an_address() {
        use crate::model::questions::Theme;
        use crate::model::sequence::{Part, QuestionGroup, Screen};
        let screens = Part::ALL
            .into_iter()
            .map(Screen::Part)
            .chain(Theme::ALL.into_iter().map(|theme| Screen::Questions(QuestionGroup::Theme(theme))))
            .chain([Screen::Questions(QuestionGroup::Own)]);
        for screen in screens {
            for route in [Route::DebriefGuide(Some(screen)), Route::DebriefSession(Some(screen))] {
                assert_eq!(Route::from_hash(&route.href()), route);
                assert_eq!(route.screen(), Some(screen));
            }
            assert_eq!(Route::DebriefGuide(Some(screen)).page(), Route::DebriefGuide(None));
        }
        assert_eq!(Route::from_hash("#/debrief/guide/questions/goals").href(), "#/debrief/guide/questions/goals");
        assert_eq!(Route::from_hash("#/debrief/guide/nowhere"), Route::DebriefGuide(None));
        assert_eq!(
            Route::DebriefSession(Some(Screen::Part(Part::Questions))).title(),
            "Debrief session, part 4 of 9: The hard questions · Comeback"
        );
    }

    #[test]
    fn titles_are_distinct() {
        let mut titles: Vec<String> = Route::NAV.iter().map(Route::title).collect();
        crate::model::sorting::sort(&mut titles);
        titles.dedup();
        assert_eq!(titles.len(), Route::NAV.len());
    }
}
