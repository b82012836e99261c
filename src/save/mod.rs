//! When to write the workbook, and what to tell the person about it.

pub mod decide;
pub mod room;
pub mod snapshots;
pub mod tracker;

pub use tracker::{SaveStatus, SaveTracker, SAVE_DELAY_MS};
