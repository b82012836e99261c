//! Text in, model out and back: pure functions with no browser code.

pub mod actions_ics;
pub mod activity_report;
pub mod backup;
pub mod base64;
pub mod contacts_export;
pub mod csv;
pub mod debrief_markdown;
pub mod debrief_session;
pub mod dense;
pub mod encrypted;
pub mod ics;
pub mod kept;
pub mod linkedin_csv;
pub mod lock;
pub mod migrate;
pub mod namespace;
pub mod parts;
pub mod review_markdown;
pub mod stored;
pub mod vcard;
