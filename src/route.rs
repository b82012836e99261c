//! The app's pages and their addresses. Pages live in the URL fragment
//! (`#/debrief`), so the app works from any static host, at a domain root or
//! under `/<repo>/`, with reloads and deep links, and offline from one cached
//! `index.html`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Today,
    /// The practical checklist and survival budget.
    FirstSteps,
    Debrief,
    /// The distraction-free debrief session.
    DebriefSession,
    Share,
    Mojo,
    NextMove,
    Backup,
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
            Route::Debrief | Route::DebriefSession => Some(Step::Debrief),
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
            "debrief/session" => Route::DebriefSession,
            "share" => Route::Share,
            "mojo" => Route::Mojo,
            "next" => Route::NextMove,
            "backup" => Route::Backup,
            other => Route::NotFound(other.to_owned()),
        }
    }

    /// The link to this page, relative to the app's own address.
    pub fn href(&self) -> String {
        match self {
            Route::Today => "#/".into(),
            Route::FirstSteps => "#/first-steps".into(),
            Route::Debrief => "#/debrief".into(),
            Route::DebriefSession => "#/debrief/session".into(),
            Route::Share => "#/share".into(),
            Route::Mojo => "#/mojo".into(),
            Route::NextMove => "#/next".into(),
            Route::Backup => "#/backup".into(),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }

    /// Short name for the navigation.
    pub fn nav_label(&self) -> &'static str {
        match self {
            Route::Today => "Today",
            Route::FirstSteps => "First steps",
            Route::Debrief | Route::DebriefSession => "Debrief",
            Route::Share => "Share",
            Route::Mojo => "Mojo",
            Route::NextMove => "Next move",
            Route::Backup => "Backup",
            Route::NotFound(_) => "Not found",
        }
    }

    /// The document title while the page is shown.
    pub fn title(&self) -> String {
        let page = match self {
            Route::Today => "Today",
            Route::FirstSteps => "First steps",
            Route::Debrief => "Step 1: Debrief",
            Route::DebriefSession => "Debrief session",
            Route::Share => "Step 2: Share",
            Route::Mojo => "Step 3: Regain your mojo",
            Route::NextMove => "Step 4: Next move",
            Route::Backup => "Backup & settings",
            Route::NotFound(_) => "Page not found",
        };
        format!("{page} · Comeback")
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
        assert_eq!(Route::from_hash(&Route::DebriefSession.href()), Route::DebriefSession);
        assert_eq!(Route::from_hash(&Route::FirstSteps.href()), Route::FirstSteps);
    }

    #[test]
    fn empty_and_odd_hashes() {
        assert_eq!(Route::from_hash(""), Route::Today);
        assert_eq!(Route::from_hash("#"), Route::Today);
        assert_eq!(Route::from_hash("#/share/"), Route::Share);
        assert_eq!(Route::from_hash("#/mojo?x=1"), Route::Mojo);
        assert_eq!(Route::from_hash("#/nope"), Route::NotFound("nope".into()));
    }

    #[test]
    fn titles_are_distinct() {
        let mut titles: Vec<String> = Route::NAV.iter().map(Route::title).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), Route::NAV.len());
    }
}
