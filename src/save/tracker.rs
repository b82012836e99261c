//! The pure part of autosave: a debounce over edits plus the saved/not-saved
//! state shown in the header. The browser glue feeds it times in
//! milliseconds and performs the writes it asks for.

/// Quiet time after the last edit before the workbook is written.
pub const SAVE_DELAY_MS: f64 = 300.0;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything typed is in storage.
    Saved,
    /// Edits are waiting for the debounce.
    Pending,
    /// The last write failed; the edits are only in memory.
    Failed(String),
    /// This session does not write (data from a newer version, or unreadable data).
    ReadOnly,
}

#[derive(Clone, Debug)]
pub struct SaveTracker {
    delay_ms: f64,
    /// Counts edits; compared with `saved_revision` to know what is unsaved.
    revision: u64,
    saved_revision: u64,
    last_edit_at: f64,
    last_error: Option<String>,
    read_only: bool,
}

impl SaveTracker {
    pub fn new(delay_ms: f64) -> Self {
        Self { delay_ms, revision: 0, saved_revision: 0, last_edit_at: 0.0, last_error: None, read_only: false }
    }

    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Records an edit at `now`; returns when a write would be due.
    pub fn edited(&mut self, now: f64) -> f64 {
        self.revision += 1;
        self.last_edit_at = now;
        now + self.delay_ms
    }

    /// Whether there are edits not yet in storage.
    pub fn has_unsaved(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Whether a debounced write should happen at `now`: something is unsaved
    /// and no edit came within the delay.
    pub fn is_due(&self, now: f64) -> bool {
        self.wait_left(now) == Some(0.0)
    }

    /// How long from `now` until the debounced write is due (0: due now);
    /// `None` when there is nothing to write.
    pub fn wait_left(&self, now: f64) -> Option<f64> {
        (!self.read_only && self.has_unsaved()).then(|| (self.last_edit_at + self.delay_ms - now).max(0.0))
    }

    /// Whether an immediate write (page hidden or closing) should happen.
    pub fn needs_flush(&self) -> bool {
        !self.read_only && self.has_unsaved()
    }

    /// The revision a write about to start will store.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A write of `revision` succeeded.
    pub fn wrote(&mut self, revision: u64) {
        self.saved_revision = self.saved_revision.max(revision);
        self.last_error = None;
    }

    /// A write failed; the edits stay unsaved and the next edit retries.
    pub fn failed(&mut self, reason: String) {
        self.last_error = Some(reason);
    }

    pub fn status(&self) -> SaveStatus {
        if self.read_only {
            SaveStatus::ReadOnly
        } else if let Some(reason) = &self.last_error {
            SaveStatus::Failed(reason.clone())
        } else if self.has_unsaved() {
            SaveStatus::Pending
        } else {
            SaveStatus::Saved
        }
    }
}

impl Default for SaveTracker {
    fn default() -> Self {
        Self::new(SAVE_DELAY_MS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_saved() {
        let tracker = SaveTracker::default();
        assert_eq!(tracker.status(), SaveStatus::Saved);
        assert!(!tracker.needs_flush());
    }

    // Guards the debounce: a burst of keystrokes writes once, 300 ms after the last.
    #[test]
    fn write_is_due_only_after_quiet_time() {
        let mut tracker = SaveTracker::default();
        assert_eq!(tracker.edited(1000.0), 1300.0);
        tracker.edited(1100.0);
        tracker.edited(1250.0);
        assert!(!tracker.is_due(1300.0), "an edit came 50 ms ago");
        assert!(!tracker.is_due(1549.0));
        assert!(tracker.is_due(1550.0));
        assert_eq!(tracker.status(), SaveStatus::Pending);
    }

    // Guards the one save timer: set at the first edit, it fires 300 ms later
    // and waits for the rest of the delay since the last edit, then writes.
    #[test]
    fn the_timer_waits_for_what_is_left_of_the_delay() {
        let mut tracker = SaveTracker::default();
        assert_eq!(tracker.wait_left(0.0), None, "nothing to write");
        tracker.edited(1000.0);
        tracker.edited(1250.0);
        assert_eq!(tracker.wait_left(1300.0), Some(250.0), "the first timer fires: 250 ms more");
        assert_eq!(tracker.wait_left(1550.0), Some(0.0), "then it is due");
        assert_eq!(tracker.wait_left(1600.0), Some(0.0));
        let revision = tracker.revision();
        tracker.wrote(revision);
        assert_eq!(tracker.wait_left(1600.0), None, "written: no timer needed");
    }

    #[test]
    fn writing_the_latest_revision_makes_it_saved() {
        let mut tracker = SaveTracker::default();
        tracker.edited(0.0);
        let revision = tracker.revision();
        tracker.wrote(revision);
        assert_eq!(tracker.status(), SaveStatus::Saved);
        assert!(!tracker.is_due(10_000.0));
    }

    // Guards against marking as saved an edit made while an older copy was written.
    #[test]
    fn edit_during_write_stays_unsaved() {
        let mut tracker = SaveTracker::default();
        tracker.edited(0.0);
        let writing = tracker.revision();
        tracker.edited(10.0);
        tracker.wrote(writing);
        assert!(tracker.has_unsaved());
        assert_eq!(tracker.status(), SaveStatus::Pending);
    }

    // Guards the "Not saved" state: a failure is shown until a write succeeds.
    #[test]
    fn failure_is_reported_and_cleared_by_a_later_success() {
        let mut tracker = SaveTracker::default();
        tracker.edited(0.0);
        tracker.failed("storage is full".into());
        assert_eq!(tracker.status(), SaveStatus::Failed("storage is full".into()));
        assert!(tracker.needs_flush(), "failed edits are retried");
        tracker.edited(500.0);
        let revision = tracker.revision();
        tracker.wrote(revision);
        assert_eq!(tracker.status(), SaveStatus::Saved);
    }

    // Guards read-only mode: nothing is ever due, whatever is edited.
    #[test]
    fn read_only_never_writes() {
        let mut tracker = SaveTracker::default();
        tracker.set_read_only(true);
        tracker.edited(0.0);
        assert!(!tracker.is_due(10_000.0));
        assert!(!tracker.needs_flush());
        assert_eq!(tracker.status(), SaveStatus::ReadOnly);
    }
}
