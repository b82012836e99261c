//! Small pieces shared by the pages.

pub mod card;
pub mod deferred;
pub mod editable;
pub mod example_banner;
pub mod fields;
pub mod install;
pub mod lock_choice;
pub mod nav;
pub mod notices;
pub mod page_intro;
pub mod record_list;
pub mod row_editor;
pub mod save_indicator;
pub mod send_backup;
pub mod show_more;
pub mod step_end;
pub mod table;
pub mod theme;
pub mod update_banner;
