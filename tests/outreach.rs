//! Step 2, the outreach list: tie strength, the follow-up clock, priority
//! order, search, filters, sorts, which addresses become links, and that old
//! stored contacts still load.

use chrono::{DateTime, NaiveDate, Utc};
use comeback::model::meta::ListShape;
use comeback::model::outreach::follow_ups_due;
use comeback::model::outreach::links::{mailto, safe_link, tel};
use comeback::model::outreach::view::{compare, index, priority_group, select, DueFilter, Filter, IndexCache, Sort};
use comeback::model::outreach::{Channel, Contact, Frequency, Outreach, Status, TieStrength, DEFAULT_FOLLOW_UP_DAYS};
use comeback::model::plan::{TargetKind, Targets};
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000 + seconds, 0).unwrap()
}

fn person(outreach: &mut Outreach, name: &str, often: Option<Frequency>, target: Option<bool>) -> Uuid {
    let contact = Contact { how_often: often, targets_job: target, ..Contact::new(name, at(0)) };
    outreach.push(contact, at(0))
}

fn names(outreach: &Outreach, ids: &[Uuid]) -> Vec<String> {
    ids.iter().map(|id| outreach.contact(*id).unwrap().name.clone()).collect()
}

const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

// Guards Granovetter's cut: once a year or less, or never met, is a weak tie.
#[test]
fn how_often_sets_the_tie_strength() {
    // Granovetter's groups: often (twice a week or more) is close; occasionally
    // and rarely are the weak ties most jobs came through; never met is no tie.
    assert_eq!(Frequency::SeveralTimesAWeek.tie(), TieStrength::Close);
    assert_eq!(Frequency::Weekly.tie(), TieStrength::Occasional);
    assert_eq!(Frequency::Monthly.tie(), TieStrength::Occasional);
    assert_eq!(Frequency::FewTimesAYear.tie(), TieStrength::Occasional);
    assert_eq!(Frequency::OnceAYearOrLess.tie(), TieStrength::Rare);
    assert_eq!(Frequency::NeverMet.tie(), TieStrength::New);
    for frequency in Frequency::ALL {
        assert_eq!(Frequency::from_key(frequency.key()), Some(frequency));
        let weak = frequency.tie().is_weak();
        let expected = !matches!(frequency, Frequency::SeveralTimesAWeek | Frequency::NeverMet);
        assert_eq!(weak, expected, "{frequency:?}");
    }
    for tie in TieStrength::ALL {
        assert_eq!(TieStrength::from_key(tie.key()), Some(tie));
    }
    assert_eq!(Contact::default().tie(), None, "unknown until the person says");
    for frequency in Frequency::ALL {
        assert_eq!(Frequency::from_key(frequency.key()), Some(frequency));
    }
    for status in Status::ALL {
        assert_eq!(Status::from_key(status.key()), Some(status));
    }
    for channel in Channel::ALL {
        assert_eq!(Channel::from_key(channel.key()), Some(channel));
    }
}

// Guards the follow-up clock: logging restarts it, from the latest date.
#[test]
fn logging_an_interaction_restarts_the_follow_up_clock() {
    let mut outreach = Outreach::default();
    let id = person(&mut outreach, "Ana", None, None);
    assert_eq!(outreach.contact(id).unwrap().next_follow_up(), None, "never contacted: nothing to follow up");
    assert_eq!(outreach.contact(id).unwrap().follow_up_days, DEFAULT_FOLLOW_UP_DAYS);

    outreach.log_interaction(id, day(2026, 11, 1), Channel::Email, "Sent a note", at(1)).unwrap();
    let contact = outreach.contact(id).unwrap();
    assert_eq!(contact.status, Status::Messaged, "not contacted → messaged");
    assert_eq!(contact.last_contacted(), Some(day(2026, 11, 1)));
    assert_eq!(contact.next_follow_up(), Some(day(2026, 11, 15)));
    assert!(contact.is_due(today()));

    outreach.log_interaction(id, day(2026, 11, 30), Channel::Call, "", at(2)).unwrap();
    let contact = outreach.contact(id).unwrap();
    assert_eq!(contact.next_follow_up(), Some(day(2026, 12, 14)));
    assert!(!contact.is_due(today()));
    assert!(!contact.is_due_by(day(2026, 12, 6)));

    // An older entry logged later does not pull the clock back.
    outreach.log_interaction(id, day(2026, 10, 1), Channel::Message, "", at(3)).unwrap();
    assert_eq!(outreach.contact(id).unwrap().next_follow_up(), Some(day(2026, 12, 14)));
    assert_eq!(
        outreach.contact(id).unwrap().interactions.first().unwrap().date,
        Some(day(2026, 10, 1)),
        "the log is in date order"
    );

    // A custom cadence, and "not now" stops the clock.
    outreach.update_contact(id, at(4), |contact| contact.follow_up_days = 7);
    assert_eq!(outreach.contact(id).unwrap().next_follow_up(), Some(day(2026, 12, 7)));
    outreach.update_contact(id, at(5), |contact| contact.status = Status::NotNow);
    assert_eq!(outreach.contact(id).unwrap().next_follow_up(), None);
    // A later status stays when an interaction is logged.
    outreach.update_contact(id, at(6), |contact| contact.status = Status::Met);
    outreach.log_interaction(id, day(2026, 12, 1), Channel::InPerson, "", at(7));
    assert_eq!(outreach.contact(id).unwrap().status, Status::Met);
    assert_eq!(outreach.log_interaction(Uuid::new_v4(), today(), Channel::Email, "", at(8)), None);
}

// Guards the default view: weak ties in target jobs first, then due follow-ups.
// Occasional ties (every month, a few times a year) are weak ties and go
// first, as rare ones do; someone never met is a new contact, not a tie.
#[test]
fn priority_puts_weak_ties_in_target_jobs_first_then_due_follow_ups() {
    let mut outreach = Outreach::default();
    let close_target = person(&mut outreach, "Carla (close, target)", Some(Frequency::SeveralTimesAWeek), Some(true));
    let plain = person(&mut outreach, "Aaron (plain)", Some(Frequency::NeverMet), None);
    let due = person(&mut outreach, "Bea (due)", Some(Frequency::SeveralTimesAWeek), None);
    outreach.log_interaction(due, day(2026, 11, 1), Channel::Email, "", at(1));
    let weak_target = person(&mut outreach, "Zed (weak, target)", Some(Frequency::FewTimesAYear), Some(true));
    let weak = person(&mut outreach, "Dora (weak)", Some(Frequency::OnceAYearOrLess), Some(false));
    let paused = person(&mut outreach, "Abe (not now)", Some(Frequency::NeverMet), Some(true));
    outreach.update_contact(paused, at(2), |contact| contact.status = Status::NotNow);

    let order = select(&outreach, &Targets::default(), &Filter::default(), Sort::Priority, today(), day(2026, 12, 6));
    assert_eq!(order, vec![weak_target, due, close_target, weak, plain, paused], "{:?}", names(&outreach, &order));
    assert_eq!(priority_group(outreach.contact(weak_target).unwrap(), &Targets::default(), today()), 0);

    let by_name = select(&outreach, &Targets::default(), &Filter::default(), Sort::Name, today(), day(2026, 12, 6));
    assert_eq!(names(&outreach, &by_name)[0], "Aaron (plain)");
    let by_last =
        select(&outreach, &Targets::default(), &Filter::default(), Sort::LastContacted, today(), day(2026, 12, 6));
    assert_eq!(by_last[0], due, "the only one contacted comes first");
    let by_next =
        select(&outreach, &Targets::default(), &Filter::default(), Sort::NextFollowUp, today(), day(2026, 12, 6));
    assert_eq!(by_next[0], due);
}

#[test]
fn search_and_filters_narrow_the_list() {
    let mut outreach = Outreach::default();
    let ana = person(&mut outreach, "Ana Lopez", Some(Frequency::NeverMet), Some(true));
    outreach.update_contact(ana, at(1), |contact| {
        contact.company = "Acme Robotics".into();
        contact.role = "Engineering Manager".into();
    });
    let bo = person(&mut outreach, "Bo Chen", Some(Frequency::Weekly), None);
    outreach.update_contact(bo, at(1), |contact| contact.notes = "knows the robotics crowd".into());
    outreach.log_interaction(bo, day(2026, 11, 10), Channel::Call, "", at(2));
    let week_end = day(2026, 12, 6);
    let pick = |filter: Filter| select(&outreach, &Targets::default(), &filter, Sort::Name, today(), week_end);

    assert_eq!(pick(Filter { text: "robotics".into(), ..Filter::default() }), vec![ana, bo]);
    assert_eq!(
        pick(Filter { text: "ACME manager".into(), ..Filter::default() }),
        vec![ana],
        "every word must match, any case"
    );
    assert_eq!(pick(Filter { text: "nobody".into(), ..Filter::default() }), Vec::<Uuid>::new());
    assert_eq!(pick(Filter { tie: Some(TieStrength::New), ..Filter::default() }), vec![ana]);
    assert_eq!(pick(Filter { target: Some(true), ..Filter::default() }), vec![ana]);
    assert_eq!(pick(Filter { target: Some(false), ..Filter::default() }), vec![bo]);
    assert_eq!(pick(Filter { status: Some(Status::Messaged), ..Filter::default() }), vec![bo]);
    assert_eq!(pick(Filter { due: DueFilter::ThisWeek, ..Filter::default() }), vec![bo], "due on 24 Nov");
    assert_eq!(pick(Filter { due: DueFilter::Today, ..Filter::default() }), vec![bo]);
    assert_eq!(outreach.due_by(week_end).len(), 1);
}

// Guards the fast path: the prepared index sorts exactly as `compare` does,
// for every sort, with ties on name (any case), dates and groups.
#[test]
fn the_index_orders_as_compare_does() {
    let mut outreach = Outreach::default();
    let frequencies = [
        None,
        Some(Frequency::Weekly),
        Some(Frequency::Monthly),
        Some(Frequency::OnceAYearOrLess),
        Some(Frequency::NeverMet),
    ];
    for i in 0..60u32 {
        let name = ["ana", "Ana", "Bo", "bo", "Émile", "Zoë", ""][i as usize % 7];
        let id =
            person(&mut outreach, name, frequencies[i as usize % 5], [None, Some(true), Some(false)][i as usize % 3]);
        if i % 4 != 0 {
            outreach.log_interaction(id, day(2026, 11, 1 + i % 28), Channel::Email, "", at(i64::from(i)));
            outreach.update_contact(id, at(1), |contact| contact.follow_up_days = 3 + i % 20);
        }
        if i % 9 == 0 {
            outreach.update_contact(id, at(2), |contact| contact.status = Status::NotNow);
        }
    }
    // Targets that match some of them by company, so the priority groups vary.
    for (i, contact) in outreach.contacts.iter_mut().enumerate() {
        contact.company = ["Acme", "Globex", ""][i % 3].into();
    }
    let mut targets = Targets::default();
    targets.add(TargetKind::Company, "Acme", at(0));
    for sort in Sort::ALL {
        let mut expected: Vec<&Contact> = outreach.contacts.iter().collect();
        expected.sort_by(|a, b| compare(sort, a, b, &targets, today()));
        let expected: Vec<Uuid> = expected.into_iter().map(|contact| contact.meta.id).collect();
        assert_eq!(
            select(&outreach, &targets, &Filter::default(), sort, today(), day(2026, 12, 6)),
            expected,
            "{sort:?}"
        );
        assert_eq!(index(&outreach, &targets, sort, today()).len(), 60);
    }
}

// Guards the incremental index: after each kind of edit (a name, a status,
// an interaction, an add, a removal, an import-sized batch, a new sort or
// new targets) it holds exactly what preparing the whole list gives, and a
// refresh with nothing changed reports no change.
#[test]
fn the_index_kept_edit_by_edit_equals_the_index_made_anew() {
    index_kept_edit_by_edit(Refresh::Scanning);
}

// The same, with the index told which contacts each edit changed (as the
// live store's journal tells it: what `ListShape::changes` found).
#[test]
fn the_index_told_what_changed_equals_the_index_made_anew() {
    index_kept_edit_by_edit(Refresh::Told);
}

#[derive(Clone, Copy, PartialEq)]
enum Refresh {
    Scanning,
    Told,
}

fn index_kept_edit_by_edit(how: Refresh) {
    let mut outreach = Outreach::default();
    for i in 0..40 {
        let often = [Some(Frequency::OnceAYearOrLess), Some(Frequency::Weekly), None][i % 3];
        let id = person(&mut outreach, &format!("Person {i:02}"), often, None);
        outreach.update_contact(id, at(1), |contact| contact.company = ["Acme", "Globex"][i % 2].into());
    }
    let mut targets = Targets::default();
    targets.add(TargetKind::Company, "Acme", at(0));
    let filter = Filter::default();
    let week_end = day(2026, 12, 6);
    let mut cache = IndexCache::default();
    let shape_of = |outreach: &Outreach| ListShape::of(&outreach.contacts, |contact| &contact.meta);
    let last_shape = std::cell::RefCell::new(shape_of(&outreach));
    let refresh = |cache: &mut IndexCache, outreach: &Outreach, targets: &Targets, sort: Sort| match how {
        Refresh::Scanning => cache.refresh(&outreach.contacts, targets, sort, today()),
        Refresh::Told => {
            let shape = shape_of(outreach);
            let changes = last_shape.replace(shape_of(outreach)).changes(&shape);
            let maybe: Vec<(Uuid, Option<usize>)> = changes
                .records
                .iter()
                .map(|id| (*id, outreach.contacts.iter().position(|contact| contact.meta.id == *id)))
                .collect();
            cache.refresh_known(&outreach.contacts, &maybe, targets, sort, today())
        }
    };
    let check = |cache: &mut IndexCache, outreach: &Outreach, targets: &Targets, sort: Sort, step: &str| {
        assert!(refresh(cache, outreach, targets, sort), "{step}: a change is reported");
        assert_eq!(
            cache.select(&filter, today(), week_end),
            select(outreach, targets, &filter, sort, today(), week_end),
            "{step}"
        );
        assert_eq!(cache.follow_ups_due(week_end), follow_ups_due(&outreach.contacts, week_end), "{step}: follow-ups");
        let targeted = outreach.contacts.iter().filter(|contact| contact.is_target(targets)).count();
        assert_eq!(cache.target_count(), targeted, "{step}: people in target jobs");
        assert!(!refresh(cache, outreach, targets, sort), "{step}: nothing more to do");
    };
    check(&mut cache, &outreach, &targets, Sort::Priority, "first preparation");
    let ids: Vec<Uuid> = outreach.contacts.iter().map(|contact| contact.meta.id).collect();
    outreach.update_contact(ids[3], at(2), |contact| contact.name = "Aaron".into());
    check(&mut cache, &outreach, &targets, Sort::Priority, "a name");
    outreach.update_contact(ids[5], at(3), |contact| contact.status = Status::NotNow);
    check(&mut cache, &outreach, &targets, Sort::Priority, "a status");
    outreach.log_interaction(ids[7], day(2026, 11, 1), Channel::Email, "hello", at(4));
    check(&mut cache, &outreach, &targets, Sort::Priority, "an interaction");
    for (i, at_time) in [(9, 7), (11, 8), (2, 9)] {
        outreach.log_interaction(ids[i], day(2026, 11, 1), Channel::Email, "hello", at(at_time));
    }
    check(&mut cache, &outreach, &targets, Sort::Priority, "follow-ups due on one day, by name");
    assert_eq!(cache.follow_ups_due(week_end).len(), 4);
    person(&mut outreach, "Zed", Some(Frequency::OnceAYearOrLess), Some(true));
    check(&mut cache, &outreach, &targets, Sort::Priority, "an add");
    outreach.remove_contact(ids[0], at(5));
    check(&mut cache, &outreach, &targets, Sort::Priority, "a removal");
    for i in 0..100 {
        person(&mut outreach, &format!("Imported {i}"), Some(Frequency::OnceAYearOrLess), None);
    }
    check(&mut cache, &outreach, &targets, Sort::Priority, "an import");
    check(&mut cache, &outreach, &targets, Sort::Name, "another sort");
    targets.add(TargetKind::Company, "Globex", at(6));
    check(&mut cache, &outreach, &targets, Sort::Name, "new targets");
    let narrowed = Filter { text: "person 1".into(), ..Filter::default() };
    assert_eq!(
        cache.select(&narrowed, today(), week_end),
        select(&outreach, &targets, &narrowed, Sort::Name, today(), week_end)
    );
}

// Guards the filter typed key by key: remembered and narrowed selections
// give exactly what a fresh search of the whole index gives, through typing,
// erasing, a second word, other choices, a word that widens back (not a
// narrowing) and an edit of the list in between (which forgets them all).
#[test]
fn a_search_typed_and_erased_selects_what_a_fresh_search_selects() {
    let mut outreach = Outreach::default();
    for i in 0..60 {
        let often = [Some(Frequency::OnceAYearOrLess), Some(Frequency::Weekly), None][i % 3];
        let id = person(&mut outreach, &format!("Person {i:02} Ana{}", i % 7), often, None);
        outreach.update_contact(id, at(1), |contact| contact.company = ["Acme", "Acmeco", "Globex"][i % 3].into());
    }
    let targets = Targets::default();
    let week_end = day(2026, 12, 6);
    let mut cache = IndexCache::default();
    cache.refresh(&outreach.contacts, &targets, Sort::Priority, today());
    let typed = [
        "",
        "a",
        "ac",
        "acm",
        "acme",
        "acmec",
        "acme",
        "acm",
        "ac",
        "a",
        "",
        "ana",
        "ana ",
        "ana 1",
        "ana 12",
        "ana 1",
        "ana",
        "an",
        "n",
        "ana4",
        "ANA4",
        "acmeco globex",
        "globex",
        "",
    ];
    for (i, text) in typed.into_iter().enumerate() {
        let tie = (i % 5 == 4).then_some(TieStrength::Rare);
        let filter = Filter { text: text.into(), tie, ..Filter::default() };
        if i == 12 {
            let first = outreach.contacts[0].meta.id;
            outreach.update_contact(first, at(2), |contact| contact.name = "Ana Acme".into());
            assert!(cache.refresh(&outreach.contacts, &targets, Sort::Priority, today()));
        }
        assert_eq!(
            cache.select_recalling(&filter, today(), week_end),
            cache.select(&filter, today(), week_end),
            "after typing {text:?}"
        );
    }
    assert_eq!(
        cache.select_recalling(&Filter { text: "acme".into(), ..Filter::default() }, today(), week_end).len(),
        40,
        "the contacts at Acme and at Acmeco"
    );
}

// Guards the link rule: an imported `javascript:` profile URL stays text.
#[test]
fn only_http_https_mailto_and_tel_become_links() {
    assert_eq!(safe_link("https://www.linkedin.com/in/ana").as_deref(), Some("https://www.linkedin.com/in/ana"));
    assert_eq!(safe_link("mailto:ana@example.com").as_deref(), Some("mailto:ana@example.com"));
    assert_eq!(safe_link("tel:+331234").as_deref(), Some("tel:+331234"));
    assert_eq!(safe_link("www.example.com/ana").as_deref(), Some("https://www.example.com/ana"));
    for bad in [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<b>",
        "file:///etc/passwd",
        "alert(1)",
    ] {
        assert_eq!(safe_link(bad), None, "{bad:?}");
    }
    assert_eq!(mailto("ana@example.com").as_deref(), Some("mailto:ana@example.com"));
    assert_eq!(mailto("not an email"), None);
    assert_eq!(mailto("a@b.c?subject=x"), None);
    assert_eq!(tel("+33 6 12-34").as_deref(), Some("tel:+3361234"));
    assert_eq!(tel("call me"), None);
}

// Guards old stored data: a contact saved before these fields existed still loads.
#[test]
fn a_contact_stored_before_the_new_fields_loads_with_defaults() {
    let contact: Contact = serde_json::from_str(r#"{"id": "2c9f1f7e-8a43-4b0e-9d4a-6f1e2d3c4b5a", "updated_at": "2026-01-01T00:00:00Z", "name": "Amina", "how_we_know": "old colleague"}"#).unwrap();
    assert_eq!(contact.status, Status::NotContacted);
    assert_eq!(contact.follow_up_days, DEFAULT_FOLLOW_UP_DAYS);
    assert_eq!((contact.how_often, contact.targets_job, contact.interactions.len()), (None, None, 0));
    let back: Contact = serde_json::from_str(&serde_json::to_string(&contact).unwrap()).unwrap();
    assert_eq!(back, contact);
}

#[test]
fn removing_a_contact_unlinks_who_they_introduced() {
    let mut outreach = Outreach::default();
    let sam = person(&mut outreach, "Sam", None, None);
    let kim = person(&mut outreach, "Kim", None, None);
    outreach.update_contact(kim, at(1), |contact| contact.introduced_by = Some(sam));
    outreach.remove_contact(sam, at(2));
    assert_eq!(outreach.contacts.len(), 1);
    assert_eq!(outreach.contact(kim).unwrap().introduced_by, None);
}

// Guards the time-box wording: days left, the day itself, and gentle once passed.
#[test]
fn the_sharing_clock_counts_days_and_stays_gentle() {
    use comeback::model::outreach::share::{sharing_clock, sharing_clock_text, SharingClock};
    assert_eq!(sharing_clock(None, today()), SharingClock::NotSet);
    assert_eq!(sharing_clock(Some(day(2026, 12, 7)), today()), SharingClock::DaysLeft(7));
    assert_eq!(sharing_clock(Some(today()), today()), SharingClock::Today);
    assert_eq!(sharing_clock(Some(day(2026, 11, 27)), today()), SharingClock::Passed(3));
    assert_eq!(sharing_clock_text(SharingClock::DaysLeft(7)), "7 days left to rest before you start sharing.");
    assert_eq!(sharing_clock_text(SharingClock::DaysLeft(1)), "1 day left to rest before you start sharing.");
    let passed = sharing_clock_text(SharingClock::Passed(3));
    assert!(passed.contains("That is all right"), "{passed}");
    for word in ["late", "overdue", "failed", "should"] {
        assert!(!passed.to_lowercase().contains(word), "no guilt: {word}");
    }
}

// Guards the templates: filled from the person's words, placeholders where empty.
#[test]
fn announcement_and_messages_are_filled_in() {
    use comeback::model::outreach::share::{
        announcement_text, close_note, mailto_message, message, Announcement, AnnouncementStyle, MessageKind,
    };
    let mut announcement =
        Announcement { pursuing: "a product design role in health tech".into(), ..Announcement::default() };
    let plain = announcement_text(&announcement, AnnouncementStyle::Plain, None);
    assert!(plain.contains("I am now pursuing a product design role in health tech."), "{plain}");
    assert!(plain.contains("[what you moved on from]"), "empty parts show what to write");
    announcement.moved_on_from = "six years at Acme".into();
    announcement.how_to_help = "an introduction to design leads".into();
    for style in AnnouncementStyle::ALL {
        let text = announcement_text(&announcement, style, None);
        assert!(text.contains("six years at Acme") && !text.contains('['), "{text}");
    }
    assert!(close_note(&announcement, "Sam Lee", None).starts_with("Hi Sam,"));

    let contact =
        Contact { company: "Globex".into(), email: "bilal@example.com".into(), ..Contact::new("Bilal Haddad", at(0)) };
    let (subject, body) = message(MessageKind::AskIntroduction, &contact, &announcement, None);
    assert_eq!(subject, "A small favour");
    assert!(body.starts_with("Hi Bilal,") && body.contains("someone at Globex"), "{body}");
    let link = mailto_message(&contact.email, &subject, "Line one\nA & B?").unwrap();
    assert_eq!(link, "mailto:bilal@example.com?subject=A%20small%20favour&body=Line%20one%0D%0AA%20%26%20B%3F");
    assert_eq!(mailto_message("not an email", "x", "y"), None);
    for kind in MessageKind::ALL {
        assert_eq!(MessageKind::from_key(kind.key()), Some(kind));
        assert!(!message(kind, &contact, &announcement, None).1.is_empty());
    }
}

#[test]
fn contacts_in_target_jobs_are_matched_against_the_plan_unless_overridden() {
    let mut targets = Targets::default();
    targets.add(TargetKind::Company, "Acme Ltd", at(0));
    targets.add(TargetKind::Role, "data engineer", at(0));
    assert_eq!(targets.add(TargetKind::Role, "  Data  Engineer ", at(1)), None, "the same role twice is one target");

    let mut outreach = Outreach::default();
    let at_acme = person(&mut outreach, "Ana", Some(Frequency::OnceAYearOrLess), None);
    outreach.update_contact(at_acme, at(1), |contact| contact.company = "ACME".into());
    let engineer = person(&mut outreach, "Bo", Some(Frequency::SeveralTimesAWeek), None);
    outreach.update_contact(engineer, at(1), |contact| contact.role = "Senior Data Engineer, platform".into());
    let near_miss = person(&mut outreach, "Cy", Some(Frequency::NeverMet), None);
    outreach.update_contact(near_miss, at(1), |contact| {
        contact.company = "Acme Robotics".into();
        contact.role = "Data analyst".into();
    });
    let said_no = person(&mut outreach, "Di", Some(Frequency::NeverMet), Some(false));
    outreach.update_contact(said_no, at(1), |contact| contact.company = "Acme".into());
    let said_yes = person(&mut outreach, "Ed", Some(Frequency::Weekly), Some(true));

    let target = |id| outreach.contact(id).unwrap().is_target(&targets);
    assert!(target(at_acme), "company matches without case or the Ltd");
    assert!(target(engineer), "the role holds the target role's words");
    assert!(!target(near_miss), "another company and another role");
    assert!(!target(said_no), "the person's own no wins over a match");
    assert!(target(said_yes), "the person's own yes wins with no targets");
    assert!(!outreach.contact(at_acme).unwrap().is_target(&Targets::default()), "no targets, no match");

    let order = select(&outreach, &targets, &Filter::default(), Sort::Priority, today(), day(2026, 12, 6));
    assert_eq!(order[0], at_acme, "the weak tie in a target company comes first");
    let only_targets = select(
        &outreach,
        &targets,
        &Filter { target: Some(true), ..Filter::default() },
        Sort::Name,
        today(),
        day(2026, 12, 6),
    );
    assert_eq!(only_targets, vec![at_acme, engineer, said_yes]);
}
