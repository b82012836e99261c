//! Text in, model out and back: pure functions with no browser code.

pub mod backup;
pub mod debrief_markdown;
pub mod debrief_session;
pub mod ics;
pub mod migrate;
pub mod stored;
