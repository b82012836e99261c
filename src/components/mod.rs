//! Small pieces shared by the pages.

pub mod nav;
pub mod notices;
pub mod page_intro;
pub mod save_indicator;
