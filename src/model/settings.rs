//! Preferences that travel with the workbook.

use serde::{Deserialize, Serialize};

use super::meta::Timestamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Same as this device",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The `data-theme` value on the root element; none follows the system.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    /// When a backup was last downloaded, for a kind reminder when it is old.
    pub last_export_at: Option<Timestamp>,
    /// Set once the person has read the first-run welcome.
    pub welcomed: bool,
    /// The workbook is the example (see `model::example`), not the person's own.
    pub example: bool,
}

/// After this many days without a backup, the app suggests making one.
pub const BACKUP_REMINDER_DAYS: i64 = 14;

impl Settings {
    /// Whether a gentle "make a backup" reminder is due at `now`.
    pub fn backup_is_old(&self, now: Timestamp) -> bool {
        self.last_export_at.is_none_or(|at| (now - at).num_days() >= BACKUP_REMINDER_DAYS)
    }
}
