//! Load outcomes for every shape of stored text (fresh, current, older,
//! newer, corrupt), read from the fixtures a real browser could hold.

use comeback::io::stored::{decode, encode, Loaded};
use comeback::model::{SetbackKind, ThemeChoice, Workbook, SCHEMA_VERSION};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("fixture {path}: {err}"))
}

#[test]
fn nothing_stored_is_a_fresh_start() {
    assert_eq!(decode(None), Loaded::Fresh);
}

// Guards the v3 -> v4 step on a real v3 document: nothing lost (v4 only
// stores the same document in parts; see tests/parts.rs for its fixture).
#[test]
fn version_3_is_migrated_keeping_everything() {
    let Loaded::Migrated { workbook, from: 3 } = decode(Some(&fixture("workbook-v3.json"))) else {
        panic!("expected the v3 fixture to migrate");
    };
    assert_eq!(workbook.schema_version, SCHEMA_VERSION);
    assert_eq!(workbook.debrief.setback, Some(SetbackKind::BusinessFailed));
    let plan = &workbook.plan;
    assert_eq!(plan.path.chosen_option().map(|option| option.name.as_str()), Some("A new job"));
    assert_eq!(plan.path.score(&plan.path.options[0]).percent, 80);
    assert_eq!(plan.opportunities.list[0].history.len(), 2);
    assert!(!workbook.outreach.contacts[0].is_target(&plan.targets), "Amina has no company yet");
    assert_eq!(plan.answer.parts.what_happened.as_deref(), Some("The bakery closed."));
    assert_eq!(plan.stories[0].lesson, "Test demand first");
}

// Guards the v5 -> v6 step through the real load path: a version 5 document
// whose job offer was accepted keeps Step 4 done (as version 5 showed it),
// with the end reached; one still applying is left for the person to mark.
#[test]
fn version_5_is_migrated_keeping_the_steps_it_showed_done() {
    use comeback::model::progress::{EndState, StepState};
    let v5 = fixture("workbook-v3.json").replacen("\"schema_version\": 3", "\"schema_version\": 5", 1);
    let Loaded::Migrated { workbook, from: 5 } = decode(Some(&v5)) else { panic!("expected v5 to migrate") };
    assert_eq!(workbook.schema_version, SCHEMA_VERSION);
    assert_eq!(workbook.plan.done_at, None, "an application is not a move made");
    assert_ne!(workbook.plan.step_state(), StepState::Done);

    let accepted = v5.replacen("\"stage\": \"applied\",", "\"stage\": \"accepted\",", 1);
    let Loaded::Migrated { workbook, from: 5 } = decode(Some(&accepted)) else { panic!("expected v5 to migrate") };
    assert_eq!(workbook.plan.end_state, Some(EndState::JobAccepted));
    assert_eq!(workbook.plan.done_at.map(|at| at.to_rfc3339()), Some("2026-11-12T09:00:00+00:00".to_owned()));
    assert_eq!(workbook.plan.step_state(), StepState::Done);
    // Saved again, it is a current document that reads back the same.
    assert_eq!(decode(Some(&encode(&workbook).unwrap())), Loaded::Current(workbook));
}

#[test]
fn current_schema_loads_as_is() {
    let text = fixture("workbook-v3.json").replacen(
        "\"schema_version\": 3",
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        1,
    );
    let Loaded::Current(workbook) = decode(Some(&text)) else {
        panic!("expected a current document to load as current");
    };
    let Loaded::Migrated { workbook: from_v3, .. } = decode(Some(&fixture("workbook-v3.json"))) else {
        panic!("v3 migrates")
    };
    assert_eq!(workbook, from_v3);
}

// Guards the v2 -> v3 step on a real v2 document: nothing lost.
#[test]
fn version_2_is_migrated_keeping_everything() {
    let Loaded::Migrated { workbook, from: 2 } = decode(Some(&fixture("workbook-v2.json"))) else {
        panic!("expected the v2 fixture to migrate");
    };
    assert_eq!(workbook.debrief.setback, Some(SetbackKind::BusinessFailed));
    assert!(workbook.debrief.summary.contains("\"too soon\""));
    assert_eq!(workbook.outreach.contacts[0].name, "Amina Okafor");
    assert_eq!(workbook.mojo.weekly_hours_goal, 15.5);
    assert_eq!(workbook.settings.theme, ThemeChoice::Light);
}

// Guards the older-schema path: v1 data is migrated, not lost or called corrupt.
#[test]
fn older_schema_is_migrated() {
    let Loaded::Migrated { workbook, from } = decode(Some(&fixture("workbook-v1.json"))) else {
        panic!("expected the v1 fixture to migrate");
    };
    assert_eq!(from, 1);
    assert_eq!(workbook.schema_version, SCHEMA_VERSION);
    assert_eq!(workbook.debrief.setback, Some(SetbackKind::FiredOrLaidOff));
    assert!(workbook.debrief.summary.starts_with("My role was cut"));
    assert_eq!(workbook.settings.theme, ThemeChoice::Dark);
}

// Guards idempotence: saving a migrated workbook and loading it again changes nothing.
#[test]
fn migrated_workbook_round_trips_as_current() {
    let Loaded::Migrated { workbook, .. } = decode(Some(&fixture("workbook-v1.json"))) else {
        panic!("expected migration");
    };
    let text = encode(&workbook).unwrap();
    assert_eq!(decode(Some(&text)), Loaded::Current(workbook));
}

// Guards the newer-schema path: it is recognised (so the app never writes) and shown if possible.
#[test]
fn newer_schema_is_recognised_and_read_leniently() {
    let Loaded::Newer { version, workbook } = decode(Some(&fixture("workbook-future.json"))) else {
        panic!("expected a newer-schema outcome");
    };
    assert_eq!(version, 99);
    let workbook = workbook.expect("fields this build knows are still readable");
    assert_eq!(workbook.debrief.summary, "Written by a newer build.");
}

#[test]
fn newer_schema_with_unknown_shapes_is_still_newer_not_corrupt() {
    let loaded = decode(Some(r#"{"schema_version": 9, "debrief": "now a string"}"#));
    assert_eq!(loaded, Loaded::Newer { version: 9, workbook: None });
}

// Guards corrupt data: every unreadable shape keeps the raw text exactly.
#[test]
fn unreadable_text_is_corrupt_and_kept_verbatim() {
    let truncated = fixture("workbook-truncated.txt");
    for raw in [
        truncated.as_str(),
        "",
        "not json at all",
        "[1, 2, 3]",
        "{\"hello\": \"another app\"}",
        "{\"schema_version\": \"two\"}",
        "{\"schema_version\": 0}",
        "{\"schema_version\": 2, \"debrief\": {\"summary\": 42}}",
        "{\"schema_version\": 1, \"summary\": [\"not text\"]}",
    ] {
        match decode(Some(raw)) {
            Loaded::Corrupt { raw: kept, reason } => {
                assert_eq!(kept, raw);
                assert!(!reason.is_empty());
            }
            other => panic!("{raw:?} should be corrupt, got {other:?}"),
        }
    }
}

#[test]
fn deeply_nested_json_is_corrupt_not_a_crash() {
    let raw = "[".repeat(100_000);
    assert!(matches!(decode(Some(&raw)), Loaded::Corrupt { .. }));
}

// Guards defaults: missing sections and fields load as empty, so older data keeps loading.
#[test]
fn missing_fields_take_defaults() {
    let Loaded::Current(workbook) = decode(Some(&format!("{{\"schema_version\": {SCHEMA_VERSION}}}"))) else {
        panic!("a bare current document should load");
    };
    let defaults = Workbook::default();
    assert_eq!(workbook.debrief, defaults.debrief);
    assert_eq!(workbook.mojo.weekly_hours_goal, 20.0);
    assert!(workbook.is_empty());
}

#[test]
fn odd_text_round_trips() {
    let mut workbook = Workbook::default();
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let odd = "Line one\r\nline two 🎉 <script>alert(1)</script> \"quoted\" \\ back\u{0}slash ".repeat(500);
    workbook.debrief.set_summary(&odd, now);
    let text = encode(&workbook).unwrap();
    let Loaded::Current(back) = decode(Some(&text)) else { panic!("round trip") };
    assert_eq!(back.debrief.summary, odd);
    assert_eq!(back.debrief.updated_at, Some(now));
}
