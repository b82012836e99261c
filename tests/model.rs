//! The workbook model's own rules.

use chrono::{DateTime, Utc};
use comeback::model::{Debrief, RecordMeta, SetbackKind, Workbook, SCHEMA_VERSION};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

#[test]
fn a_new_workbook_is_current_and_empty() {
    let workbook = Workbook::new(at(100));
    assert_eq!(workbook.schema_version, SCHEMA_VERSION);
    assert_eq!(workbook.created_at, Some(at(100)));
    assert!(workbook.is_empty());
}

// Guards updated_at: it moves only when something really changed (merges rely on it).
#[test]
fn debrief_edits_stamp_the_time_only_on_change() {
    let mut debrief = Debrief::default();
    debrief.set_summary("Laid off", at(10));
    assert_eq!(debrief.updated_at, Some(at(10)));
    debrief.set_summary("Laid off", at(20));
    assert_eq!(debrief.updated_at, Some(at(10)));
    debrief.set_setback(Some(SetbackKind::Stalled), at(30));
    assert_eq!(debrief.updated_at, Some(at(30)));
    assert!(debrief.is_started());
}

#[test]
fn setback_keys_round_trip() {
    for kind in SetbackKind::ALL {
        assert_eq!(SetbackKind::from_key(kind.key()), Some(kind));
        assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::json!(kind.key()));
    }
    assert_eq!(SetbackKind::from_key("nope"), None);
}

#[test]
fn record_ids_are_unique_and_touch_moves_the_time() {
    let mut first = RecordMeta::new(at(1));
    let second = RecordMeta::new(at(1));
    assert_ne!(first.id, second.id);
    first.touch(at(5));
    assert_eq!(first.updated_at, at(5));
}

// Stored records are read with a placeholder meta that the stored one
// always replaces; a record stored without an id is refused, never given the
// placeholder's (nil) id.
#[test]
fn stored_records_keep_their_meta_and_records_without_an_id_are_refused() {
    use comeback::model::outreach::Contact;
    let id = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
    let kept: Contact =
        serde_json::from_str(&format!(r#"{{"id":"{id}","updated_at":"2026-01-02T03:04:05Z","name":"Ana"}}"#)).unwrap();
    assert_eq!(kept.meta.id.to_string(), id);
    assert_eq!(kept.meta.updated_at, "2026-01-02T03:04:05Z".parse::<DateTime<Utc>>().unwrap());

    let refused = serde_json::from_str::<Contact>(r#"{"name":"Ben"}"#).unwrap_err();
    assert!(refused.to_string().contains("missing field `id`"), "{refused}");
    assert_ne!(RecordMeta::new(at(1)).id, RecordMeta::new(at(1)).id);
    assert!(!RecordMeta::new(at(1)).id.is_nil());
}

// Guards the keyed enums' one table (`keyed_enum!`): every choice has its
// own key and label, the key finds it again, and the key is also how the
// choice is stored, so a form's value and the stored text never drift.
#[test]
fn every_keyed_choice_has_its_own_key_and_label_and_is_stored_by_its_key() {
    use comeback::model::debrief::Control;
    use comeback::model::mojo::{EventKind, ProjectKind, ProjectStatus, ProudKind};
    use comeback::model::outreach::share::{AnnouncementStyle, MessageKind};
    use comeback::model::outreach::view::Sort;
    use comeback::model::outreach::{Channel, Frequency, Status, TieStrength};
    use comeback::model::plan::opportunities::SourceKind;
    use comeback::model::plan::{Horizon, Stage};
    use comeback::model::progress::EndState;
    use std::collections::HashSet;

    macro_rules! check {
        ($($kind:ty),+ $(,)?) => {$(
            let all = <$kind>::ALL;
            let keys: HashSet<&str> = all.iter().map(|choice| choice.key()).collect();
            let labels: HashSet<&str> = all.iter().map(|choice| choice.label()).collect();
            assert_eq!((keys.len(), labels.len()), (all.len(), all.len()), "{}", stringify!($kind));
            for choice in all {
                assert_eq!(<$kind>::from_key(choice.key()), Some(choice));
                assert!(!choice.label().is_empty());
            }
            assert_eq!(<$kind>::from_key("no such key"), None);
        )+};
    }
    // Stored choices also serialize as their key.
    macro_rules! check_stored {
        ($($kind:ty),+ $(,)?) => {$(
            check!($kind);
            for choice in <$kind>::ALL {
                assert_eq!(serde_json::to_value(choice).unwrap(), serde_json::json!(choice.key()), "{}", stringify!($kind));
            }
        )+};
    }
    check_stored!(
        SetbackKind,
        Control,
        ProjectKind,
        ProjectStatus,
        EventKind,
        ProudKind,
        Stage,
        SourceKind,
        Frequency,
        Status,
        Channel
    );
    // Views and messages, not stored; and tie strength, stored by its own names.
    check!(EndState, Horizon, Sort, TieStrength, AnnouncementStyle, MessageKind);
}
