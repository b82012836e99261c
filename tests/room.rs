//! The room in use in the browser's storage: what takes it, when to say it
//! is nearly full, and how that is said.

use comeback::save::room::{amount, KeyNames, Kind, Usage, QUOTA_CHARS};

const NAMES: KeyNames<'static> = KeyNames {
    workbook: "comeback.workbook",
    snapshot_prefix: "comeback.snapshot.",
    undo_keys: &["comeback.before-import", "comeback.before-example"],
    recovery_prefix: "comeback.recovery.",
    app_prefix: "comeback.",
};

fn entries(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(key, length)| (key.to_string(), *length)).collect()
}

// Guards the breakdown: each key counts once, under what it holds.
#[test]
fn every_key_counts_under_what_it_holds() {
    assert_eq!(NAMES.kind_of("comeback.workbook"), Kind::Workbook);
    assert_eq!(NAMES.kind_of("comeback.workbook.outreach"), Kind::Workbook);
    assert_eq!(NAMES.kind_of("comeback.workbookish"), Kind::OtherApp);
    assert_eq!(NAMES.kind_of("comeback.snapshot.2026-03-01"), Kind::Snapshot);
    assert_eq!(NAMES.kind_of("comeback.before-example"), Kind::Undo);
    assert_eq!(NAMES.kind_of("comeback.recovery.2026-03-01T10:00:00.000Z"), Kind::Recovery);
    assert_eq!(NAMES.kind_of("another-app.cache"), Kind::OtherSite);

    let usage = Usage::of(
        &entries(&[
            ("comeback.workbook", 300),
            ("comeback.workbook.outreach", 2_700_000),
            ("comeback.snapshot.2026-03-01", 220_000),
            ("comeback.snapshot.2026-03-02", 230_000),
            ("comeback.before-import", 225_000),
            ("comeback.recovery.x", 1_000),
            ("comeback.something", 10),
            ("another-app.cache", 50_000),
        ]),
        &NAMES,
    );
    assert_eq!(
        usage,
        Usage {
            workbook: 2_700_300,
            snapshots: 450_000,
            snapshot_count: 2,
            undo: 225_000,
            recovery: 1_000,
            recovery_count: 1,
            other_app: 10,
            other_sites: 50_000,
        }
    );
    assert_eq!(usage.app(), 3_376_310);
    assert_eq!(usage.total(), 3_426_310);
    assert_eq!(usage.percent(), 65);
    let labels: Vec<String> = usage.rows().into_iter().map(|(label, _)| label).collect();
    assert_eq!(
        labels,
        [
            "Your workbook",
            "2 daily snapshots",
            "The copy kept for Undo",
            "Other sites at this address",
            "A recovery copy",
            "Other Comeback data"
        ],
        "largest first"
    );
}

// Guards the threshold: from 80% of the quota, counting other sites at the same address.
#[test]
fn nearly_full_from_eighty_percent_of_the_whole_address() {
    let at = |app: usize, others: usize| Usage { workbook: app, other_sites: others, ..Usage::default() };
    // 80% of 5,242,879 is 4,194,303.2 characters.
    let threshold = (QUOTA_CHARS * 80).div_ceil(100);
    assert_eq!(threshold, 4_194_304);
    assert!(!at(threshold - 1, 0).nearly_full());
    assert!(at(threshold, 0).nearly_full());
    assert!(at(threshold / 2, threshold - threshold / 2).nearly_full(), "another app's data takes the same room");
    assert!(!at(threshold / 2, threshold / 2 - 1).nearly_full());
    assert!(!Usage::default().nearly_full());
}

// Guards the wording: calm, says what takes the room, and offers only the ways out that apply.
#[test]
fn the_notice_says_what_takes_the_room_and_the_ways_out() {
    let usage = Usage {
        workbook: 2_700_000,
        snapshots: 460_000,
        snapshot_count: 2,
        other_sites: 1_100_000,
        ..Usage::default()
    };
    assert!(usage.nearly_full());
    let message = usage.nearly_full_message();
    assert!(message.starts_with("About 81% of the room this browser keeps for this site is in use."), "{message}");
    assert!(message.contains("your workbook (about 2.7 million characters)"), "{message}");
    assert!(message.contains("other sites at this address (about 1.1 million characters)"), "{message}");
    assert!(message.contains("2 daily snapshots (about 460 thousand characters)"), "{message}");
    assert!(message.contains("Nothing is lost"), "{message}");
    assert!(message.contains("download a backup"), "{message}");
    assert!(message.contains("remove the older snapshots"), "{message}");
    assert!(!message.contains("recovery"), "no recovery copy, so none to remove: {message}");
    assert!(!message.contains('!'), "no alarm: {message}");

    let one_snapshot = Usage { snapshot_count: 1, recovery: 5_000, recovery_count: 1, ..usage };
    let message = one_snapshot.nearly_full_message();
    assert!(!message.contains("older snapshots"), "{message}");
    assert!(message.contains("remove recovery copies you have downloaded"), "{message}");
}

#[test]
fn amounts_in_round_words() {
    assert_eq!(amount(0), "nothing");
    assert_eq!(amount(999), "under a thousand characters");
    assert_eq!(amount(227_614), "about 228 thousand characters");
    assert_eq!(amount(2_708_797), "about 2.7 million characters");
    assert_eq!(amount(QUOTA_CHARS), "about 5.2 million characters");
    assert_eq!(amount(950_000), "about 1.0 million characters");
}

#[test]
fn the_summary_gives_the_app_use_and_the_share_in_use() {
    let usage = Usage { workbook: 2_708_797, snapshots: 227_614, snapshot_count: 1, ..Usage::default() };
    assert_eq!(
        usage.summary(),
        "Comeback uses about 2.9 million characters on this device. This browser keeps about 5.2 million characters for this site, and 56% of that is in use."
    );
}
