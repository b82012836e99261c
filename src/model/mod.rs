//! The workbook: plain data and its rules. No browser code lives here, so all
//! of it is tested natively with `cargo test`.

pub mod dates;
pub mod debrief;
pub mod example;
pub mod first_steps;
pub(crate) mod keyed;
pub mod merge;
pub mod meta;
pub mod mojo;
pub mod numbers;
pub mod outreach;
pub mod plan;
pub mod progress;
pub mod questions;
pub mod review;
pub mod sequence;
pub mod settings;
pub mod sorting;
pub mod today;
pub mod words;
pub mod workbook;

/// The field accessors `#[derive(Store)]` generates for the live workbook
/// (`store.workbook.outreach().contacts()`): `use crate::model::live::*;`.
pub mod live {
    pub use super::debrief::DebriefStoreFields;
    pub use super::mojo::MojoStoreFields;
    pub use super::outreach::OutreachStoreFields;
    pub use super::plan::PlanStoreFields;
    pub use super::workbook::WorkbookStoreFields;
}

pub use debrief::{Debrief, SetbackKind};
pub use first_steps::FirstSteps;
pub use meta::{RecordMeta, Timestamp};
pub use mojo::Mojo;
pub use outreach::Outreach;
pub use plan::Plan;
pub use settings::{Settings, ThemeChoice};
pub use workbook::{Workbook, SCHEMA_VERSION};
