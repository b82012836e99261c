//! Importing people: LinkedIn's Connections.csv and vCard files, the preview
//! of what would be added, merged and skipped, and the exports (CSV with
//! formulas escaped, vCard 4.0 round trip, follow-ups as .ics).

use chrono::{DateTime, NaiveDate, Utc};
use comeback::io::contacts_export::{follow_up_events, write_contacts_csv, write_follow_ups_ics};
use comeback::io::csv::read_records;
use comeback::io::linkedin_csv::{parse_connected_on, parse_connections, LinkedInError};
use comeback::io::vcard::{parse_vcards, write_vcards, VCardError};
use comeback::model::outreach::import::{apply_import, plan_import};
use comeback::model::outreach::{Channel, Contact, Frequency, Outreach};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

// Guards the real shape: BOM, a Notes preamble, CRLF, quoted commas and quotes,
// empty and nameless rows.
#[test]
fn linkedin_connections_are_read_by_column_name_after_the_preamble() {
    let text = fixture("Connections.csv");
    assert!(text.starts_with('\u{feff}') && text.contains("\r\n"), "the fixture is real-shaped");
    let parsed = parse_connections(&text, at(0)).unwrap();
    let names: Vec<&str> = parsed.contacts.iter().map(|contact| contact.name.as_str()).collect();
    assert_eq!(names, ["Ana Lopez", "Bilal Haddad", "Chloé Dubois", "Zoë Martin", "Dev Patel", "Ana Lopez"]);
    let bilal = &parsed.contacts[1];
    assert_eq!(bilal.company, "Globex, Inc.");
    assert_eq!(bilal.role, "Product Designer");
    assert_eq!(bilal.how_we_know, "LinkedIn connection since 3 February 2021");
    assert_eq!(bilal.how_often, Some(Frequency::OnceAYearOrLess), "imported people are weak ties");
    assert!(bilal.is_weak_tie());
    assert_eq!(parsed.contacts[2].role, "Head of \"Growth\"");
    assert_eq!(parsed.contacts[0].email, "ana.lopez@example.com");
    assert_eq!(parsed.contacts[0].profile_url, "https://www.linkedin.com/in/ana-lopez");
    assert_eq!(parsed.contacts[4].role, "Recruiter, Tech");
    assert_eq!(parsed.skipped.len(), 1, "the nameless row is named, not dropped: {:?}", parsed.skipped);
    assert!(parsed.skipped[0].name.contains("Hooli"));

    // LF line ends and no preamble at all read the same way.
    let plain = parse_connections(&fixture("Connections-no-preamble.csv"), at(0)).unwrap();
    assert_eq!(plain.contacts.len(), 1);
    assert_eq!(plain.contacts[0].company, "Acme Robotics");
}

#[test]
fn connected_on_dates_in_linkedin_spellings() {
    assert_eq!(parse_connected_on("15 Mar 2024"), Some(day(2024, 3, 15)));
    assert_eq!(parse_connected_on("3 Feb 2021"), Some(day(2021, 2, 3)));
    assert_eq!(parse_connected_on("03 Feb 2021"), Some(day(2021, 2, 3)));
    assert_eq!(parse_connected_on("yesterday"), None);
}

// Guards "a bad file changes nothing": an error, not an empty import.
#[test]
fn a_file_that_is_not_connections_csv_is_refused() {
    assert_eq!(parse_connections("name,phone\nAna,123\n", at(0)), Err(LinkedInError::NoHeader));
    assert_eq!(parse_connections("", at(0)), Err(LinkedInError::NoHeader));
    assert_eq!(parse_vcards("First Name,Last Name\n", at(0)), Err(VCardError::NoCards));
}

// Guards vCard reading: several cards, folding, N without FN, and bad cards named.
#[test]
fn vcards_are_read_with_folded_lines_and_bad_cards_named() {
    let parsed = parse_vcards(&fixture("contacts.vcf"), at(0)).unwrap();
    let names: Vec<&str> = parsed.contacts.iter().map(|contact| contact.name.as_str()).collect();
    assert_eq!(names, ["Amina Okafor", "Jonas Berg", "Dr. Kenji Nakamura"]);
    let amina = &parsed.contacts[0];
    assert_eq!(amina.company, "Northwind Traders, Sales");
    assert_eq!(amina.role, "Regional Director");
    assert_eq!(amina.email, "amina@northwind.example");
    assert_eq!(amina.phone, "+33 6 12 34 56 78");
    assert_eq!(amina.profile_url, "https://www.linkedin.com/in/amina-okafor");
    assert_eq!(amina.notes, "Met at the 2019 offsite, said to call her\nwhen I am looking.");
    assert_eq!(amina.how_often, None, "an address book says nothing about how often");
    assert_eq!(parsed.contacts[1].email, "jonas@example.com", "grouped properties (item1.EMAIL) are read");
    assert!(
        parsed.contacts[1].notes.ends_with("had to fold it over more than one line, as RFC 6350 allows."),
        "{}",
        parsed.contacts[1].notes
    );
    let skipped: Vec<String> = parsed.skipped.iter().map(|skip| format!("{}: {}", skip.name, skip.reason)).collect();
    assert_eq!(skipped, ["Card 4 (nobody@example.com): it has no name", "Card 5: it does not end (no END:VCARD)"]);
}

// Guards the preview: duplicates by email, profile URL, or name and company.
#[test]
fn the_preview_says_what_is_added_merged_and_skipped() {
    let mut outreach = Outreach::default();
    // Known by email: gains a company, so it merges.
    outreach.push(Contact { email: "ANA.LOPEZ@example.com".into(), ..Contact::new("Ana L.", at(0)) }, at(0));
    // Known by name and company, with nothing new to learn from LinkedIn but the URL.
    outreach.push(Contact { company: "globex,  inc.".into(), ..Contact::new("bilal haddad", at(0)) }, at(0));
    // Known by profile URL, already complete.
    outreach.push(
        Contact {
            profile_url: "http://linkedin.com/in/chloe-dubois/".into(),
            company: "Initech".into(),
            role: "Head".into(),
            how_we_know: "school".into(),
            how_often: Some(Frequency::Weekly),
            ..Contact::new("Chloé", at(0))
        },
        at(0),
    );
    let before = outreach.clone();
    let parsed = parse_connections(&fixture("Connections.csv"), at(1)).unwrap();
    let preview = plan_import(&outreach, parsed.contacts, parsed.skipped);
    assert_eq!(outreach, before, "planning changes nothing");

    let added: Vec<&str> = preview.add.iter().map(|contact| contact.name.as_str()).collect();
    assert_eq!(added, ["Zoë Martin", "Dev Patel"]);
    let merged: Vec<&str> = preview.merge.iter().map(|merge| merge.existing_name.as_str()).collect();
    assert_eq!(merged, ["Ana L.", "bilal haddad"]);
    let skipped: Vec<String> = preview.skip.iter().map(|skip| format!("{}: {}", skip.name, skip.reason)).collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(skipped.contains(&"Chloé Dubois: already in your list".to_owned()));
    assert!(skipped.contains(&"Ana Lopez: it appears twice in the file".to_owned()));

    let applied = apply_import(&mut outreach, preview, at(2));
    assert_eq!((applied.added, applied.merged), (2, 2));
    assert_eq!(outreach.contacts.len(), 5);
    let ana = &outreach.contacts[0];
    assert_eq!(ana.name, "Ana L.", "what the person wrote is kept");
    assert_eq!(ana.company, "Acme Robotics", "empty fields are filled in");
    assert_eq!(ana.email, "ANA.LOPEZ@example.com");
    assert_eq!(outreach.contacts[2].how_often, Some(Frequency::Weekly), "never overwritten");
}

// Guards speed on a real-sized export (timing is for the benchmark; this checks it completes and dedups).
#[test]
fn five_thousand_rows_import_in_one_go() {
    let mut text =
        String::from("Notes:\n\"x\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    for n in 0..5000 {
        text.push_str(&format!("Person,{n},https://www.linkedin.com/in/p{n},,Company {},Role,1 Jan 2020\n", n % 50));
    }
    let parsed = parse_connections(&text, at(0)).unwrap();
    let mut outreach = Outreach::default();
    let preview = plan_import(&outreach, parsed.contacts.clone(), parsed.skipped);
    assert_eq!(preview.add.len(), 5000);
    apply_import(&mut outreach, preview, at(1));
    let again = plan_import(&outreach, parsed.contacts, Vec::new());
    assert_eq!((again.add.len(), again.merge.len(), again.skip.len()), (0, 0, 5000));
}

// Guards spreadsheet safety: values that start like formulas are escaped.
#[test]
fn csv_export_escapes_formulas_and_reads_back() {
    let mut outreach = Outreach::default();
    let id = outreach.push(
        Contact {
            company: "=HYPERLINK(\"http://evil\")".into(),
            role: "+1 dev, \"lead\"".into(),
            notes: "-minus\nand @at".into(),
            ..Contact::new("@Ana", at(0))
        },
        at(0),
    );
    outreach.log_interaction(id, day(2026, 11, 1), Channel::Email, "hi", at(1));
    let csv = write_contacts_csv(&outreach.contacts);
    let records = read_records(&csv);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0][0], "Name");
    let row = &records[1];
    assert_eq!(row[0], "'@Ana");
    assert_eq!(row[5], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(row[6], "'+1 dev, \"lead\"");
    assert_eq!(row[15], "'-minus\nand @at");
    assert_eq!(row[12], "2026-11-01");
    assert_eq!(row[13], "2026-11-15");
    assert!(records.iter().flatten().all(|field| !field.starts_with(['=', '+', '-', '@'])));
}

// Guards the vCard 4.0 export: it reads back to the same people.
#[test]
fn vcard_export_round_trips() {
    let original = vec![
        Contact {
            company: "Acme; Robotics, Inc.".into(),
            role: "Engineering Manager".into(),
            email: "ana@example.com".into(),
            phone: "+33 6 12".into(),
            profile_url: "https://www.linkedin.com/in/ana".into(),
            notes: format!("Line one\nLine two, with a comma; and a semicolon \\ backslash. {}", "long ".repeat(30)),
            ..Contact::new("Ana López", at(0))
        },
        Contact::new("Bo", at(0)),
    ];
    let text = write_vcards(&original);
    assert!(text.contains("VERSION:4.0\r\n"));
    assert!(text.split("\r\n").all(|line| line.len() <= 75), "lines are folded");
    let back = parse_vcards(&text, at(1)).unwrap();
    assert!(back.skipped.is_empty());
    assert_eq!(back.contacts.len(), 2);
    for (a, b) in original.iter().zip(&back.contacts) {
        assert_eq!(
            (&a.name, &a.company, &a.role, &a.email, &a.phone, &a.profile_url, a.notes.trim()),
            (&b.name, &b.company, &b.role, &b.email, &b.phone, &b.profile_url, b.notes.as_str())
        );
    }
}

// Guards the follow-up calendar: one event per contact, stable UIDs, valid iCalendar.
#[test]
fn due_follow_ups_export_as_ics() {
    let mut outreach = Outreach::default();
    let id = outreach
        .push(Contact { role: "Designer".into(), company: "Globex".into(), ..Contact::new("Bilal", at(0)) }, at(0));
    outreach.log_interaction(id, day(2026, 11, 20), Channel::Call, "Asked about the team", at(1));
    outreach.push(Contact::new("Never contacted", at(0)), at(0));
    let due = outreach.due_by(day(2026, 12, 6));
    assert_eq!(due.len(), 1);
    let nine = |date: NaiveDate| Some(date.and_hms_opt(9, 0, 0).unwrap().and_utc());
    let events = follow_up_events(&due, nine);
    assert_eq!(events[0].uid, format!("follow-up-{id}@comeback"));
    assert_eq!(events[0].summary, "Follow up with Bilal");
    assert!(events[0].description.contains("Designer at Globex"));
    let ics = write_follow_ups_ics(&due, nine, at(2));
    assert!(ics.contains("DTSTART:20261204T090000Z"));
    let parsed: icalendar::Calendar = ics.parse().unwrap();
    assert_eq!(parsed.components.len(), 1);
}
