//! Every key the app stores starts with a namespace derived from the page's
//! base path, so two copies of the app served from one origin (GitHub Pages
//! serves `/comeback/` and `/comeback-dev/` from `user.github.io`) never
//! read or write each other's data.
//!
//! A namespace is `comeback@<directory of location.pathname>.`, for example
//! `comeback@/comeback/.`: the directory always ends with `/`, so no
//! namespace is a prefix of another (`comeback@/comeback/.` vs
//! `comeback@/comeback/dev/.`). Inside it the app uses short local names
//! (`workbook`, `snapshot.2026-03-01`, `recovery.<time>`, `before-import`).
//!
//! Builds before namespaces stored the same local names under `comeback.`
//! ([`LEGACY_PREFIX`]). The first copy of the app that loads with an empty
//! namespace adopts them: it moves them into its own namespace and removes
//! the old keys, so a second copy served from another path starts fresh
//! rather than taking (and later overwriting) the same data. While the
//! legacy workbook is being moved (see `io::parts`), the claim is written
//! under [`LEGACY_CLAIM_KEY`] so that no other copy starts moving it too.

use crate::model::sorting;

/// Keys written by builds before namespaces start with this.
pub const LEGACY_PREFIX: &str = "comeback.";
/// While a copy of the app moves the legacy workbook into its namespace, this
/// key names that namespace (a JSON string).
pub const LEGACY_CLAIM_KEY: &str = "comeback.legacy-claimed-by";

/// The local name of the workbook's root (its manifest).
pub const WORKBOOK: &str = "workbook";
/// Recovery copies of unreadable data: `recovery.<time>`.
pub const RECOVERY: &str = "recovery.";
/// The stored workbook as it was before a backup replaced it, for Undo.
pub const BEFORE_IMPORT: &str = "before-import";
/// Written (never sealed, never read) when a tab locks the workbook again,
/// so that every other tab hears of it (a `storage` event) and locks too.
pub const LOCK_SIGNAL: &str = "lock-signal";
/// What was stored before the example data was loaded.
pub const BEFORE_EXAMPLE: &str = "before-example";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Namespace {
    prefix: String,
}

impl Namespace {
    /// The namespace of a page at `pathname` (`location.pathname`): its directory.
    pub fn from_pathname(pathname: &str) -> Self {
        let directory = match pathname.rfind('/') {
            Some(end) => &pathname[..=end],
            None => "/",
        };
        let directory = if directory.starts_with('/') { directory.to_owned() } else { format!("/{directory}") };
        Self { prefix: format!("comeback@{directory}.") }
    }

    /// Every key of this namespace starts with this.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The full key of the local name `name`.
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The local name of `key`, if it belongs to this namespace.
    pub fn local<'a>(&self, key: &'a str) -> Option<&'a str> {
        key.strip_prefix(self.prefix.as_str())
    }

    /// The key of the workbook's root.
    pub fn root_key(&self) -> String {
        self.key(WORKBOOK)
    }
}

/// The local name a legacy key (`comeback.<name>`) had, if it is one of the
/// app's own (not the claim key, not another namespace's key).
pub fn legacy_local(key: &str) -> Option<&str> {
    let local = key.strip_prefix(LEGACY_PREFIX)?;
    (key != LEGACY_CLAIM_KEY && !local.is_empty()).then_some(local)
}

/// Whether a legacy local name is part of the workbook (its root or a v4 part),
/// which moves with the workbook rather than as a plain copy.
pub fn is_legacy_workbook(local: &str) -> bool {
    local == WORKBOOK || local.strip_prefix(WORKBOOK).is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
}

/// The legacy keys to adopt as plain copies (snapshots, recovery and Undo
/// copies), as (legacy key, new key), in a stable order.
pub fn legacy_copies(namespace: &Namespace, keys: &[String]) -> Vec<(String, String)> {
    let mut copies: Vec<(String, String)> = keys
        .iter()
        .filter_map(|key| {
            let local = legacy_local(key)?;
            (!is_legacy_workbook(local)).then(|| (key.clone(), namespace.key(local)))
        })
        .collect();
    sorting::sort(&mut copies);
    copies
}
