//! Brings documents written by older builds up to the current schema, one
//! step per version, on untyped JSON so that old shapes need no Rust types.

use serde_json::{json, Map, Value};
use thiserror::Error;

use crate::model::SCHEMA_VERSION;

#[derive(Debug, Error, PartialEq)]
pub enum MigrationError {
    #[error("schema version {0} is older than any this app knows")]
    Unknown(u32),
    #[error("the version {version} document has an unexpected shape: {detail}")]
    Shape { version: u32, detail: String },
}

/// One step: takes a document of version `n` and returns version `n + 1`.
type Step = fn(Map<String, Value>) -> Result<Map<String, Value>, MigrationError>;

/// `STEPS[i]` upgrades version `i + 1` to `i + 2`.
const STEPS: [Step; (SCHEMA_VERSION - 1) as usize] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8];

/// Upgrades `doc`, stored at `from`, to `SCHEMA_VERSION`. A document already
/// current is returned as it is, so running it twice changes nothing.
pub fn migrate(mut doc: Map<String, Value>, from: u32) -> Result<Map<String, Value>, MigrationError> {
    if from == 0 {
        return Err(MigrationError::Unknown(from));
    }
    for version in from..SCHEMA_VERSION {
        let step = STEPS[(version - 1) as usize];
        doc = step(doc)?;
        doc.insert("schema_version".into(), json!(version + 1));
    }
    Ok(doc)
}

/// Version 1, the first prototype, kept everything in one flat object:
/// `{ setback, summary, theme }`, with its own names for the setback kinds.
/// Version 2 groups the document into the four steps plus settings.
fn v1_to_v2(mut doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    let shape = |detail: &str| MigrationError::Shape { version: 1, detail: detail.into() };
    let setback = match doc.remove("setback") {
        None | Some(Value::Null) => Value::Null,
        Some(Value::String(old)) => match old.as_str() {
            "fired" | "laid_off" => json!("fired_or_laid_off"),
            "business" | "freelance" => json!("business_failed"),
            "side_project" => json!("project_rejected"),
            "stalled" => json!("stalled"),
            _ => json!("other"),
        },
        Some(_) => return Err(shape("setback is not text")),
    };
    let summary = match doc.remove("summary") {
        None | Some(Value::Null) => json!(""),
        Some(text @ Value::String(_)) => text,
        Some(_) => return Err(shape("summary is not text")),
    };
    let theme = doc.remove("theme").unwrap_or(json!("system"));
    let contacts = doc.remove("contacts").unwrap_or(json!([]));
    if !contacts.is_array() {
        return Err(shape("contacts is not a list"));
    }

    doc.insert("debrief".into(), json!({ "setback": setback, "summary": summary }));
    doc.insert("outreach".into(), json!({ "contacts": contacts }));
    doc.insert("settings".into(), json!({ "theme": theme }));
    Ok(doc)
}

/// Version 3 adds the next-move plan (path choice, targets, opportunities,
/// the failure answer, stories): all new fields with defaults, so the step
/// changes nothing but the number. The number matters: a version 2 build
/// would load a version 3 document and silently drop those fields on save;
/// now it opens it read-only instead.
fn v2_to_v3(doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    Ok(doc)
}

/// Version 4 stores the big sections under their own keys (`io::parts`);
/// the document itself is unchanged, so the step changes nothing but the
/// number. The number matters: a version 3 build would read the new root
/// alone as a workbook with empty sections and could write that back; now
/// it opens it read-only instead.
fn v3_to_v4(doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    Ok(doc)
}

/// Version 5 stores the long lists in buckets under a manifest, in a
/// namespace of the app's base path (`io::parts`, `io::namespace`); the
/// document itself is unchanged, so the step changes nothing but the number.
/// The number matters: a version 4 build would read the new manifest as a
/// workbook with its sections missing and could write that back; now it
/// opens it read-only instead.
fn v4_to_v5(doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    Ok(doc)
}

/// Version 6 marks the steps done by hand (`outreach.done_at`,
/// `mojo.done_at`, `plan.done_at` with `plan.end_state`, see
/// `model::progress`) and adds the contact frequency
/// `several_times_a_week`. Steps that version 5 already showed as done stay
/// done: Share, once the news was posted or someone was reached, and the
/// next move, once an opportunity was accepted (a new job). Everything else
/// is kept as it is; the new fields' defaults mean "not marked yet".
fn v5_to_v6(mut doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    let shape = |detail: &str| MigrationError::Shape { version: 5, detail: detail.into() };
    let list = |section: &Value, path: &[&str]| -> Result<Vec<Value>, MigrationError> {
        match path.iter().try_fold(section, |value, name| value.get(name)) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(shape(&format!("{} is not a list", path.join(".")))),
        }
    };
    if let Some(outreach) = doc.get_mut("outreach").filter(|section| section.is_object()) {
        let posted = !list(outreach, &["announcement", "postings"])?.is_empty();
        let reached = list(outreach, &["contacts"])?
            .iter()
            .any(|contact| contact.get("interactions").and_then(Value::as_array).is_some_and(|log| !log.is_empty()));
        let at = outreach.get("updated_at").cloned().unwrap_or(Value::Null);
        if (posted || reached) && !at.is_null() && outreach.get("done_at").is_none_or(Value::is_null) {
            outreach["done_at"] = at;
        }
    }
    if let Some(plan) = doc.get_mut("plan").filter(|section| section.is_object()) {
        let accepted = list(plan, &["opportunities", "list"])?
            .into_iter()
            .filter(|opportunity| opportunity.get("stage").and_then(Value::as_str) == Some("accepted"))
            .filter_map(|opportunity| opportunity.get("updated_at").and_then(Value::as_str).map(str::to_owned))
            .max();
        if let Some(at) = accepted.filter(|_| plan.get("done_at").is_none_or(Value::is_null)) {
            plan["done_at"] = json!(at);
            plan["end_state"] = json!("job_accepted");
        }
    }
    Ok(doc)
}

/// Version 7 remembers where the person left the debrief's guided sequence
/// (`debrief.place`, see `model::sequence`); a document without it opens at
/// the first part, so the step changes nothing but the number. The number
/// matters: a version 6 build would drop the place on its next save; now it
/// opens a version 7 document read-only instead.
fn v6_to_v7(doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    Ok(doc)
}

/// Version 8 keeps the days the weekly review counts by (the setback's own
/// day, when an action was done, when a contact replied, when a proud entry
/// was written) and the weekly reviews themselves. What was done before has
/// no day, and none is invented: the review says those are counted in no
/// week (`model::review::Undated`). So the step changes nothing but the
/// number. The number matters: a version 7 build would drop the reviews and
/// the days on its next save, and could not read an action linked to a
/// review's priority; now it opens a version 8 document read-only instead.
fn v7_to_v8(doc: Map<String, Value>) -> Result<Map<String, Value>, MigrationError> {
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => panic!("test input must be an object"),
        }
    }

    // Guards the v1 -> v2 step: flat fields move into their sections, old kind names map.
    #[test]
    fn v1_to_v2_moves_fields_into_sections() {
        let v1 = object(
            json!({"schema_version": 1, "setback": "laid_off", "summary": "Cut in the March round.", "theme": "dark"}),
        );
        let v2 = migrate(v1, 1).unwrap();
        assert_eq!(v2["schema_version"], json!(SCHEMA_VERSION));
        assert_eq!(v2["debrief"], json!({"setback": "fired_or_laid_off", "summary": "Cut in the March round."}));
        assert_eq!(v2["settings"], json!({"theme": "dark"}));
        assert_eq!(v2["outreach"], json!({"contacts": []}));
        assert!(!v2.contains_key("summary"));
    }

    // Guards each old setback name of v1 against a silent loss.
    #[test]
    fn v1_setback_names_all_map() {
        for (old, new) in [
            ("fired", "fired_or_laid_off"),
            ("business", "business_failed"),
            ("freelance", "business_failed"),
            ("side_project", "project_rejected"),
            ("stalled", "stalled"),
            ("something odd", "other"),
        ] {
            let v2 = migrate(object(json!({"schema_version": 1, "setback": old})), 1).unwrap();
            assert_eq!(v2["debrief"]["setback"], json!(new), "{old}");
        }
    }

    // Guards against a v1 document with missing fields failing to load.
    #[test]
    fn v1_with_nothing_in_it_migrates() {
        let v2 = migrate(object(json!({"schema_version": 1})), 1).unwrap();
        assert_eq!(v2["debrief"], json!({"setback": null, "summary": ""}));
    }

    #[test]
    fn v1_with_wrong_types_is_an_error_not_a_guess() {
        let err = migrate(object(json!({"schema_version": 1, "summary": 42})), 1).unwrap_err();
        assert!(matches!(err, MigrationError::Shape { version: 1, .. }));
    }

    // Guards the v2 -> v3 step: everything kept, only the number moves on.
    #[test]
    fn v2_to_v3_keeps_every_field() {
        let v2 = object(
            json!({"schema_version": 2, "plan": {"actions": [{"title": "Call Ana"}]}, "debrief": {"summary": "x"}}),
        );
        let v3 = migrate(v2.clone(), 2).unwrap();
        assert_eq!(v3["schema_version"], json!(SCHEMA_VERSION));
        assert_eq!(v3["plan"], v2["plan"]);
        assert_eq!(migrate(v3.clone(), SCHEMA_VERSION).unwrap(), v3, "running it again changes nothing");
    }

    // Guards the v3 -> v4 step: the document is kept whole, only the number moves on.
    #[test]
    fn v3_to_v4_keeps_every_field() {
        let v3 = object(
            json!({"schema_version": 3, "created_at": "2026-01-02T09:00:00Z", "first_steps": {"budget": {"savings": 1}},
            "debrief": {"summary": "x"}, "outreach": {"contacts": [{"name": "Ana"}]}, "mojo": {"weekly_hours_goal": 12.5},
            "plan": {"actions": [{"title": "Call Ana"}]}, "settings": {"theme": "dark"}}),
        );
        let v4 = migrate(v3.clone(), 3).unwrap();
        assert_eq!(v4["schema_version"], json!(SCHEMA_VERSION));
        let mut expected = v3;
        expected.insert("schema_version".into(), json!(SCHEMA_VERSION));
        assert_eq!(v4, expected);
        assert_eq!(migrate(v4.clone(), SCHEMA_VERSION).unwrap(), v4, "running it again changes nothing");
    }

    // Guards the v4 -> v5 step: the document is kept whole, only the number moves on.
    #[test]
    fn v4_to_v5_keeps_every_field() {
        let v4 = object(json!({"schema_version": 4, "created_at": "2026-01-02T09:00:00Z",
            "outreach": {"contacts": [{"id": "00000000-0000-4000-8000-000000000001", "name": "Ana"}]},
            "settings": {"theme": "dark"}, "parts": ["debrief"]}));
        let v6 = migrate(v4.clone(), 4).unwrap();
        let mut expected = v4;
        expected.insert("schema_version".into(), json!(SCHEMA_VERSION));
        assert_eq!(v6, expected, "nothing posted or reached: no step is marked");
        assert_eq!(migrate(v6.clone(), SCHEMA_VERSION).unwrap(), v6, "running it again changes nothing");
    }

    // Guards the v5 -> v6 step: steps version 5 showed as done stay done
    // (the news posted or someone reached; an accepted job), marked at the
    // section's last edit; nothing else changes.
    #[test]
    fn v5_to_v6_keeps_the_steps_v5_showed_done() {
        let v5 = object(json!({"schema_version": 5,
            "outreach": {"contacts": [{"id": "00000000-0000-4000-8000-000000000001", "updated_at": "2026-10-01T09:00:00Z",
                "name": "Ana", "how_often": "weekly",
                "interactions": [{"id": "00000000-0000-4000-8000-000000000002", "updated_at": "2026-10-01T09:00:00Z",
                    "date": "2026-10-01", "channel": "email"}]}],
                "announcement": {"postings": []}, "updated_at": "2026-10-02T09:00:00Z"},
            "plan": {"opportunities": {"list": [
                {"id": "00000000-0000-4000-8000-000000000003", "stage": "rejected", "updated_at": "2026-10-05T09:00:00Z"},
                {"id": "00000000-0000-4000-8000-000000000004", "stage": "accepted", "updated_at": "2026-10-09T09:00:00Z"}]},
                "updated_at": "2026-10-10T09:00:00Z"},
            "mojo": {"weekly_hours_goal": 20.0}}));
        let v6 = migrate(v5.clone(), 5).unwrap();
        assert_eq!(v6["schema_version"], json!(SCHEMA_VERSION));
        assert_eq!(v6["outreach"]["done_at"], json!("2026-10-02T09:00:00Z"), "someone was reached");
        assert_eq!(v6["plan"]["done_at"], json!("2026-10-09T09:00:00Z"), "the offer accepted");
        assert_eq!(v6["plan"]["end_state"], json!("job_accepted"));
        assert!(v6["mojo"].get("done_at").is_none(), "a weekly goal met is not a step done");
        assert_eq!(v6["outreach"]["contacts"], v5["outreach"]["contacts"], "'weekly' keeps its meaning: every week");
        assert_eq!(migrate(v6.clone(), 6).unwrap(), v6, "running it again changes nothing");

        // The typed workbook reads the new fields.
        let workbook = crate::io::stored::workbook_from_object(v6).unwrap();
        assert!(workbook.outreach.done_at.is_some() && workbook.plan.done_at.is_some());
        assert_eq!(workbook.plan.end_state, Some(crate::model::progress::EndState::JobAccepted));
        assert_eq!(workbook.outreach.contacts[0].how_often, Some(crate::model::outreach::Frequency::Weekly));
    }

    // Guards the v5 -> v6 step on a workbook where nothing was done yet, or
    // that a person already marked: nothing is invented, nothing overwritten.
    #[test]
    fn v5_to_v6_marks_nothing_that_was_not_done() {
        let untouched = object(json!({"schema_version": 5,
            "outreach": {"contacts": [{"name": "Ana", "interactions": []}], "announcement": {"postings": []}, "updated_at": "2026-10-02T09:00:00Z"},
            "plan": {"opportunities": {"list": [{"stage": "offer", "updated_at": "2026-10-09T09:00:00Z"}]}}}));
        let v6 = migrate(untouched.clone(), 5).unwrap();
        let mut expected = untouched;
        expected.insert("schema_version".into(), json!(SCHEMA_VERSION));
        assert_eq!(v6, expected);

        let posted_without_time = object(json!({"schema_version": 5,
            "outreach": {"announcement": {"postings": [{"place": "LinkedIn"}]}}}));
        let v6 = migrate(posted_without_time, 5).unwrap();
        assert!(v6["outreach"].get("done_at").is_none(), "no edit time to mark it with: left for the person");

        let wrong = object(json!({"schema_version": 5, "outreach": {"contacts": "Ana"}}));
        assert!(matches!(migrate(wrong, 5), Err(MigrationError::Shape { version: 5, .. })));
    }

    // Guards the v6 -> v7 step: the document is kept whole, and the typed
    // workbook opens it at the start of the debrief's sequence; a version 7
    // place is read back as written.
    #[test]
    fn v6_to_v7_keeps_every_field_and_opens_the_sequence_at_its_start() {
        use crate::model::sequence::{Part, Screen};
        let v6 = object(json!({"schema_version": 6, "created_at": "2026-01-02T09:00:00Z",
            "debrief": {"summary": "x", "closure_note": "Enough.", "done_at": null, "updated_at": "2026-10-02T09:00:00Z"},
            "outreach": {"done_at": "2026-10-03T09:00:00Z"}, "settings": {"theme": "dark"}}));
        let v7 = migrate(v6.clone(), 6).unwrap();
        let mut expected = v6;
        expected.insert("schema_version".into(), json!(SCHEMA_VERSION));
        assert_eq!(v7, expected);
        let workbook = crate::io::stored::workbook_from_object(v7.clone()).unwrap();
        assert_eq!(workbook.debrief.place, None);
        assert_eq!(workbook.debrief.resume_screen(), Screen::Part(Part::WhatHappened));

        let mut placed = v7;
        placed["debrief"]["place"] = json!({"screen": "questions/money", "at": "2026-10-04T09:00:00Z"});
        let workbook = crate::io::stored::workbook_from_object(placed).unwrap();
        assert_eq!(workbook.debrief.place.map(|place| place.screen), Some("questions/money".to_owned()));
    }

    // Guards the v7 -> v8 step: the document is kept whole and nothing is
    // dated that was not: done actions, replies and proud entries from
    // before have no day, and the typed workbook counts them as undated.
    #[test]
    fn v7_to_v8_keeps_every_field_and_invents_no_day() {
        let v7 = object(json!({"schema_version": 7, "created_at": "2026-01-02T09:00:00Z",
            "debrief": {"setback": "fired_or_laid_off", "updated_at": "2026-10-02T09:00:00Z"},
            "outreach": {"contacts": [{"id": "00000000-0000-4000-8000-000000000001", "updated_at": "2026-10-01T09:00:00Z",
                "name": "Ana", "status": "replied"}]},
            "mojo": {"proud": [{"id": "00000000-0000-4000-8000-000000000002", "updated_at": "2026-10-01T09:00:00Z",
                "text": "Shipped the site"}]},
            "plan": {"actions": [{"id": "00000000-0000-4000-8000-000000000003", "updated_at": "2026-10-05T09:00:00Z",
                "title": "Call Ana", "done": true}]}}));
        let v8 = migrate(v7.clone(), 7).unwrap();
        let mut expected = v7;
        expected.insert("schema_version".into(), json!(8));
        assert_eq!(v8, expected);
        assert_eq!(migrate(v8.clone(), 8).unwrap(), v8, "running it again changes nothing");

        let workbook = crate::io::stored::workbook_from_object(v8).unwrap();
        assert_eq!(workbook.debrief.setback_on, None);
        assert_eq!(workbook.plan.actions[0].done_on, None);
        assert_eq!(workbook.outreach.contacts[0].replied_on, None);
        assert!(workbook.mojo.reviews.is_empty());
        let undated = workbook.undated();
        assert_eq!((undated.actions_done, undated.replies, undated.proud), (1, 1, 1));
        assert!(undated.words().is_some_and(|words| words.contains("1 action done, 1 reply and 1 proud entry")));
    }

    // Guards idempotence: a current document passes through unchanged.
    #[test]
    fn current_document_is_left_alone() {
        let doc = object(json!({"schema_version": SCHEMA_VERSION, "debrief": {"summary": "x"}}));
        assert_eq!(migrate(doc.clone(), SCHEMA_VERSION).unwrap(), doc);
    }

    #[test]
    fn version_zero_is_unknown() {
        assert_eq!(migrate(Map::new(), 0).unwrap_err(), MigrationError::Unknown(0));
    }
}
