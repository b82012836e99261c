//! How much of the browser's storage is in use, what takes the room, and
//! when to say, calmly, that it is nearly full. Pure: `web::kept` lists the
//! keys and their lengths.
//!
//! Lengths are in characters (UTF-16 code units), key and value together,
//! as the browser counts them against its quota.

use crate::model::sorting;

/// The room Chromium gives one origin's `localStorage`, in characters
/// (measured: one more character fails with `QuotaExceededError`). Other
/// browsers give about as much; the figures are shown as "about".
pub const QUOTA_CHARS: usize = 5_242_879;
/// From this share of the quota in use, the person is told.
pub const NEARLY_FULL_PERCENT: usize = 80;

/// The names of the keys the app keeps, to tell what a key holds.
#[derive(Clone, Copy, Debug)]
pub struct KeyNames<'a> {
    /// The workbook's root key; its parts are `<root>.<name>`.
    pub workbook: &'a str,
    pub snapshot_prefix: &'a str,
    pub undo_keys: &'a [&'a str],
    pub recovery_prefix: &'a str,
    /// Every key of the app starts with this.
    pub app_prefix: &'a str,
}

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Snapshot,
    Undo,
    Recovery,
    /// Another key of the app (settings, a left-over).
    OtherApp,
    /// Not the app's: another app served from the same address.
    OtherSite,
}

impl KeyNames<'_> {
    pub fn kind_of(&self, key: &str) -> Kind {
        let part_of_workbook =
            key.strip_prefix(self.workbook).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        if part_of_workbook {
            Kind::Workbook
        } else if key.starts_with(self.snapshot_prefix) {
            Kind::Snapshot
        } else if self.undo_keys.contains(&key) {
            Kind::Undo
        } else if key.starts_with(self.recovery_prefix) {
            Kind::Recovery
        } else if key.starts_with(self.app_prefix) {
            Kind::OtherApp
        } else {
            Kind::OtherSite
        }
    }
}

/// Storage in use, by what takes the room, in characters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub workbook: usize,
    pub snapshots: usize,
    pub snapshot_count: usize,
    pub undo: usize,
    pub recovery: usize,
    pub recovery_count: usize,
    pub other_app: usize,
    pub other_sites: usize,
}

impl Usage {
    /// The breakdown of `entries`: each key with its length plus its value's.
    pub fn of(entries: &[(String, usize)], names: &KeyNames) -> Self {
        let mut usage = Self::default();
        for (key, length) in entries {
            match names.kind_of(key) {
                Kind::Workbook => usage.workbook += length,
                Kind::Snapshot => {
                    usage.snapshots += length;
                    usage.snapshot_count += 1;
                }
                Kind::Undo => usage.undo += length,
                Kind::Recovery => {
                    usage.recovery += length;
                    usage.recovery_count += 1;
                }
                Kind::OtherApp => usage.other_app += length,
                Kind::OtherSite => usage.other_sites += length,
            }
        }
        usage
    }

    /// What Comeback itself uses.
    pub fn app(&self) -> usize {
        self.workbook + self.snapshots + self.undo + self.recovery + self.other_app
    }

    /// What the whole address uses: the quota is shared with other apps served from it.
    pub fn total(&self) -> usize {
        self.app() + self.other_sites
    }

    /// The share of the quota in use, in whole percent (rounded down).
    pub fn percent(&self) -> usize {
        self.total() * 100 / QUOTA_CHARS
    }

    /// Whether to tell the person that storage is nearly full.
    pub fn nearly_full(&self) -> bool {
        self.total() * 100 >= QUOTA_CHARS * NEARLY_FULL_PERCENT
    }

    /// What takes the room, largest first, with a label for each (nothing
    /// that takes none).
    pub fn rows(&self) -> Vec<(String, usize)> {
        let snapshots = match self.snapshot_count {
            1 => "The daily snapshot".to_owned(),
            n => format!("{n} daily snapshots"),
        };
        let recovery = match self.recovery_count {
            1 => "A recovery copy".to_owned(),
            n => format!("{n} recovery copies"),
        };
        let mut rows = vec![
            ("Your workbook".to_owned(), self.workbook),
            (snapshots, self.snapshots),
            ("The copy kept for Undo".to_owned(), self.undo),
            (recovery, self.recovery),
            ("Other Comeback data".to_owned(), self.other_app),
            ("Other sites at this address".to_owned(), self.other_sites),
        ];
        rows.retain(|(_, length)| *length > 0);
        sorting::sort_by_key(&mut rows, |row| std::cmp::Reverse(row.1));
        rows
    }

    /// One sentence on how much is in use.
    pub fn summary(&self) -> String {
        format!(
            "Comeback uses {} on this device. This browser keeps {} for this site, and {}% of that is in use.",
            amount(self.app()),
            amount(QUOTA_CHARS),
            self.percent()
        )
    }

    /// The calm word that storage is nearly full: what takes the room, and
    /// the ways out.
    pub fn nearly_full_message(&self) -> String {
        let parts: Vec<String> = self
            .rows()
            .into_iter()
            .map(|(label, length)| format!("{} ({})", lowercase_first(&label), amount(length)))
            .collect();
        let mut message = format!(
            "About {}% of the room this browser keeps for this site is in use. What takes it: {}. ",
            self.percent(),
            parts.join(", ")
        );
        message.push_str("Nothing is lost, and Comeback keeps saving while there is room. ");
        let mut ways = vec!["download a backup, so everything is safe outside this browser".to_owned()];
        if self.snapshot_count > 1 {
            ways.push("remove the older snapshots".to_owned());
        }
        if self.recovery_count > 0 {
            ways.push("remove recovery copies you have downloaded".to_owned());
        }
        message.push_str(&format!("When you have a moment: {}.", ways.join("; ")));
        message
    }
}

/// A length in characters, in round words.
pub fn amount(chars: usize) -> String {
    if chars >= 950_000 {
        // Rounded to tenths of a million, without formatting a float.
        let tenths = (chars + 50_000) / 100_000;
        format!("about {}.{} million characters", tenths / 10, tenths % 10)
    } else if chars >= 1_000 {
        format!("about {} thousand characters", (chars + 500) / 1_000)
    } else if chars == 0 {
        "nothing".to_owned()
    } else {
        "under a thousand characters".to_owned()
    }
}

fn lowercase_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
