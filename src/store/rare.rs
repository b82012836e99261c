//! What the store does rarely: showing and removing the example, the way
//! out of unreadable data, keeping compressed copies, today's snapshot, a
//! backup's text. Showing Today needs none of it, so in the release build
//! each is a chunk of its own (`split_fn!`), fetched the first time it runs:
//! with them go deflate and inflate, the whole-document writer and the
//! backup serializer, out of the module every first visit downloads.
//! Each returns `Err(ChunkMissing)` when its chunk cannot be fetched. Those
//! that read a kept copy fetch the reader first (`web::decoder`), and reach
//! it only through its handle, so that its code stays in one file.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::Store;
use crate::io::backup::{self, Counts};
use crate::model::Timestamp;
use crate::save::decide::StoreError;
use crate::web::decoder::{self, ChunkMissing};
use crate::web::split_loader::split_fn;
use crate::web::storage::{self, StorageError};

split_fn! {
    /// [`Store::load_example`].
    example: fn load_example(store: Store) -> Result<(), StoreError> {
        store.load_example()
    }
}

split_fn! {
    /// [`Store::remove_example`] (see [`remove_example`]).
    example_removal: fn remove_example_now(store: Store) -> Result<(), StoreError> {
        store.remove_example()
    }
}

/// [`Store::remove_example`], with the reader its Undo copy needs.
pub async fn remove_example(store: Store) -> Result<Result<(), StoreError>, ChunkMissing> {
    decoder::load().await?;
    remove_example_now(store).await
}

split_fn! {
    /// [`Store::start_new_workbook`].
    unreadable_new: fn start_new_workbook(store: Store) -> Result<(), StoreError> {
        store.start_new_workbook()
    }
}

split_fn! {
    /// [`Store::fall_back_to_snapshot`] (see [`fall_back_to_snapshot`]).
    unreadable_snapshot: fn fall_back_to_snapshot_now(store: Store) -> Result<NaiveDate, StoreError> {
        store.fall_back_to_snapshot()
    }
}

/// [`Store::fall_back_to_snapshot`], with the reader the snapshot needs.
pub async fn fall_back_to_snapshot(store: Store) -> Result<Result<NaiveDate, StoreError>, ChunkMissing> {
    decoder::load().await?;
    fall_back_to_snapshot_now(store).await
}

split_fn! {
    /// See [`newest_snapshot_day`].
    unreadable_snapshot_day: fn newest_snapshot_day_now() -> Option<NaiveDate> {
        storage::snapshot_list().ok().and_then(|found| found.first().map(|snapshot| snapshot.day))
    }
}

/// The day of the newest snapshot that can be listed (`storage::snapshot_list`),
/// with the reader an older snapshot without a note needs.
pub async fn newest_snapshot_day() -> Result<Option<NaiveDate>, ChunkMissing> {
    decoder::load().await?;
    newest_snapshot_day_now().await
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
