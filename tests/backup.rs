//! The backup file: export and read back, the header, and every way a file
//! offered for restore can be wrong.

use chrono::{DateTime, Utc};
use comeback::io::backup::{self, BackupError, Counts, MAX_BACKUP_BYTES};
use comeback::model::debrief::NoteList;
use comeback::model::{SetbackKind, Workbook, SCHEMA_VERSION};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn sample() -> Workbook {
    let mut workbook = Workbook::new(at(0));
    workbook.debrief.set_setback(Some(SetbackKind::BusinessFailed), at(1));
    workbook.debrief.set_summary("The shop closed. <script>alert(1)</script> \"quotes\" 🙂", at(1));
    workbook.debrief.add_event(at(2));
    workbook.debrief.add_note(NoteList::Lessons, "Keep six months of savings", at(3));
    workbook.plan.add_action("Call the bank", None, at(4));
    workbook
}

// Guards the round trip: what is exported is what comes back.
#[test]
fn export_then_read_gives_the_same_workbook() {
    let workbook = sample();
    let text = backup::export(&workbook, "1.2.3", at(10));
    let restored = backup::read(&text).unwrap();
    assert_eq!(restored.workbook, workbook);
    assert_eq!(restored.migrated_from, None);
    assert_eq!(restored.header.format, "comeback-backup");
    assert_eq!(restored.header.app_version, "1.2.3");
    assert_eq!(restored.header.schema_version, SCHEMA_VERSION);
    assert_eq!(restored.header.exported_at, at(10));
    assert_eq!(restored.header.counts, Counts::of(&workbook));
    assert_eq!(restored.header.counts.timeline_events, 1);
    assert_eq!(restored.header.counts.actions, 1);
    assert_eq!(restored.header.counts.checklist_items, 17, "the starting checklist for every kind of setback");
}

#[test]
fn file_name_carries_the_date() {
    assert_eq!(
        backup::file_name(DateTime::from_timestamp(1_795_000_000, 0).unwrap()),
        "comeback-backup-2026-11-18.json"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", backup::export(&sample(), "1", at(0)));
    assert!(backup::read(&text).is_ok());
}

// Guards the error messages: each wrong file gets a plain reason, with a position for bad JSON.
#[test]
fn wrong_files_are_refused_with_a_reason() {
    match backup::read("{\n  \"format\": \"comeback-backup\",\n  oops\n}") {
        Err(BackupError::NotJson { line, column, .. }) => assert_eq!((line, column), (3, 3)),
        other => panic!("expected NotJson, got {other:?}"),
    }
    let png = String::from_utf8_lossy(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").into_owned();
    assert!(matches!(backup::read(&png), Err(BackupError::NotJson { .. })));
    assert_eq!(backup::read("[1, 2, 3]"), Err(BackupError::NotABackup));
    assert_eq!(backup::read(r#"{"tasks": [], "app": "another one"}"#), Err(BackupError::NotABackup));
    assert!(matches!(backup::read(""), Err(BackupError::NotJson { .. })));
    assert!(matches!(
        backup::read(r#"{"format": "comeback-backup"}"#),
        Err(BackupError::Shape { field: "header", .. })
    ));
    let no_workbook = r#"{"format": "comeback-backup", "schema_version": 2, "app_version": "1", "exported_at": "2026-01-01T00:00:00Z"}"#;
    assert!(matches!(backup::read(no_workbook), Err(BackupError::Shape { field: "workbook", .. })));
    let wrong_types = r#"{"format": "comeback-backup", "schema_version": 2, "app_version": "1", "exported_at": "2026-01-01T00:00:00Z", "workbook": {"schema_version": 2, "debrief": {"summary": 5}}}"#;
    assert!(matches!(backup::read(wrong_types), Err(BackupError::Shape { field: "workbook", .. })));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(100_000);
    assert!(matches!(backup::read(&text), Err(BackupError::NotJson { .. })));
}

#[test]
fn newer_backups_are_refused() {
    let text = r#"{"format": "comeback-backup", "schema_version": 99, "app_version": "9", "exported_at": "2030-01-01T00:00:00Z", "workbook": {"schema_version": 99}}"#;
    assert_eq!(backup::read(text), Err(BackupError::Newer(99)));
}

// Guards older backups: they are migrated, not refused.
#[test]
fn older_backups_are_migrated_and_missing_fields_default() {
    let text = r#"{"format": "comeback-backup", "schema_version": 1, "app_version": "0.0.1", "exported_at": "2026-01-01T00:00:00Z",
                   "workbook": {"schema_version": 1, "setback": "fired", "summary": "Old format."}}"#;
    let restored = backup::read(text).unwrap();
    assert_eq!(restored.migrated_from, Some(1));
    assert_eq!(restored.workbook.debrief.setback, Some(SetbackKind::FiredOrLaidOff));
    assert_eq!(restored.workbook.debrief.summary, "Old format.");
    assert_eq!(restored.workbook.mojo.weekly_hours_goal, 20.0);
}

#[test]
fn size_limit() {
    assert!(backup::check_size(MAX_BACKUP_BYTES).is_ok());
    assert_eq!(backup::check_size(50 * 1024 * 1024), Err(BackupError::TooLarge { size: 50 * 1024 * 1024 }));
}

#[test]
fn backup_reminder_after_two_weeks() {
    let mut workbook = Workbook::new(at(0));
    assert!(workbook.settings.backup_is_old(at(0)), "never exported");
    workbook.settings.last_export_at = Some(at(0));
    assert!(!workbook.settings.backup_is_old(at(13 * 86_400)));
    assert!(workbook.settings.backup_is_old(at(14 * 86_400)));
}
