//! What the store does rarely: showing and removing the example, the way
//! out of unreadable data, keeping compressed copies, today's snapshot, a
//! backup's text. Showing Today needs none of it, so in the release build
//! each is a chunk of its own (`split_fn!`), fetched the first time it runs:
//! with them go deflate and inflate, the whole-document writer and the
//! backup serializer, out of the module every first visit downloads.
//! Each returns `Err(ChunkMissing)` when its chunk cannot be fetched.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::Store;
use crate::io::backup::{self, Counts};
use crate::model::Timestamp;
use crate::save::decide::StoreError;
use crate::web::split_loader::split_fn;
use crate::web::storage::{self, StorageError};

split_fn! {
    /// [`Store::load_example`].
    example: fn load_example(store: Store) -> Result<(), StoreError> {
        store.load_example()
    }
}

split_fn! {
    /// [`Store::remove_example`].
    example_removal: fn remove_example(store: Store) -> Result<(), StoreError> {
        store.remove_example()
    }
}

split_fn! {
    /// [`Store::start_new_workbook`].
    unreadable_new: fn start_new_workbook(store: Store) -> Result<(), StoreError> {
        store.start_new_workbook()
    }
}

split_fn! {
    /// [`Store::fall_back_to_snapshot`].
    unreadable_snapshot: fn fall_back_to_snapshot(store: Store) -> Result<NaiveDate, StoreError> {
        store.fall_back_to_snapshot()
    }
}

split_fn! {
    /// The day of the newest snapshot that can be listed (`storage::snapshot_list`).
    unreadable_snapshot_day: fn newest_snapshot_day() -> Option<NaiveDate> {
        storage::snapshot_list().ok().and_then(|found| found.first().map(|snapshot| snapshot.day))
    }
}

split_fn! {
    /// [`storage::keep_recovery_copy`].
    recovery_copy: fn keep_recovery_copy(raw: String, now: Timestamp) -> Result<String, StorageError> {
        storage::keep_recovery_copy(&raw, now)
    }
}

split_fn! {
    /// [`storage::take_daily_snapshot`].
    daily_snapshot: fn take_daily_snapshot(today: NaiveDate, holds: Counts) -> Result<(), StorageError> {
        storage::take_daily_snapshot(today, &holds)
    }
}

split_fn! {
    /// The text of a backup of the live workbook (`backup::export`).
    backup_text: fn backup_text(store: Store, now: Timestamp) -> String {
        store.workbook.with_untracked(|workbook| backup::export(workbook, env!("CARGO_PKG_VERSION"), now))
    }
}
