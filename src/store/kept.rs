//! The copies kept beside the workbook on this device: the daily snapshots
//! and the recovery copies of data that could not be read. The Backup page
//! and the notices list, restore and remove them here, through the store like
//! the workbook itself, so no page reaches into storage.

use chrono::NaiveDate;

use super::Store;
use crate::save::decide::StoreError;
use crate::web::storage;
pub use crate::web::storage::{RecoveryCopy, SnapshotEntry};

impl Store {
    /// The snapshots kept, newest first, each with what it holds.
    pub fn snapshots(&self) -> Result<Vec<SnapshotEntry>, StoreError> {
        Ok(storage::snapshot_list()?)
    }

    /// Replaces the workbook with the snapshot of `day` (Undo keeps what it
    /// replaced); `NoSnapshot` if it is gone or cannot be read.
    pub fn restore_snapshot(&self, day: NaiveDate) -> Result<(), StoreError> {
        let snapshot = storage::snapshot(day)?.ok_or(StoreError::NoSnapshot)?;
        self.replace_from_backup(snapshot.workbook)
    }

    /// Removes every snapshot but the newest, to make room.
    pub fn remove_older_snapshots(&self) -> Result<(), StoreError> {
        Ok(storage::remove_older_snapshots()?)
    }

    /// The recovery copies kept of data that could not be read, oldest first.
    pub fn recovery_copies(&self) -> Result<Vec<RecoveryCopy>, StoreError> {
        Ok(storage::recovery_copies()?)
    }

    /// Removes the recovery copy under `key` (and nothing that is not one).
    pub fn remove_recovery_copy(&self, key: &str) -> Result<(), StoreError> {
        Ok(storage::remove_recovery_copy(key)?)
    }

    /// Whether the workbook is locked on this device (and open in this tab).
    pub fn is_locked(&self) -> bool {
        storage::is_sealing()
    }
}
