//! The debrief as Markdown: its structure, checked by parsing it with a
//! CommonMark parser, and the guarantee that whatever the person wrote comes
//! back as literal text (no headings, lists, links, emphasis, HTML or code).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use comeback::io::debrief_markdown::{debrief_markdown, escape_markdown, escape_markdown_block};
use comeback::model::debrief::{Control, EventDate, NoteList};
use comeback::model::questions::{questions_for, Theme};
use comeback::model::{Debrief, SetbackKind};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

fn day(year: i32, month: u32, day: u32) -> EventDate {
    EventDate::Day { date: NaiveDate::from_ymd_opt(year, month, day).unwrap() }
}

/// Text that would be Markdown structure if it were not escaped.
const NASTY: &[&str] = &[
    "# heading",
    "## also a heading #",
    "* item",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    "> quote",
    "[x](javascript:alert(1))",
    "![img](http://example.com/x.png)",
    "<script>alert(1)</script>",
    "<http://example.com>",
    "<a href=\"x\">link</a>",
    "`code` and ``more code``",
    "```rust",
    "~~~",
    "    indented code",
    "\tTabbed code",
    "---",
    "***",
    "___",
    "===",
    "| a | b |",
    "~~strike~~ ~sub~ ^sup^",
    "$x^2$ and $$y$$",
    "[^1] footnote and [^1]: definition",
    "[[wiki link]]",
    "[ ] task and [x] done",
    ": definition",
    "{#id .class}",
    "&amp; &#35; &copy;",
    "*emphasis* _emphasis_ **strong** __strong__",
    "trailing backslash \\",
    "\\# escaped already",
    "two trailing spaces  ",
    "emoji 🙂👩‍💻 and é, ü, 漢字",
    "a * b _ c ` d < e [ f",
    "*",
    "**",
    "http://example.com www.example.com foo@example.com",
];

fn options_all() -> Options {
    // Every extension pulldown-cmark knows, except smart punctuation, which only rewrites quotes and dashes.
    Options::all() - Options::ENABLE_SMART_PUNCTUATION
}

/// What the parser finds: headings, lists, emphasis and the plain text.
#[derive(Debug, Default)]
struct Parsed {
    headings: Vec<(HeadingLevel, String)>,
    /// Text of every `Strong` and `Emphasis` span.
    strong: Vec<String>,
    emphasis: Vec<String>,
    /// Per list: whether ordered, and how many items (direct children).
    lists: Vec<(bool, usize)>,
    /// Every kind of node that user text must never create.
    forbidden: Vec<String>,
    /// The document as plain text: hard breaks as `\n`, blocks (headings,
    /// paragraphs, lists, items) apart by a blank line, soft breaks as a space.
    plain: String,
}

fn parse_with(markdown: &str, options: Options) -> Parsed {
    let mut parsed = Parsed::default();
    let mut heading: Option<String> = None;
    let mut spans: Vec<(bool, String)> = Vec::new();
    let mut open_lists: Vec<usize> = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        let text_of = |text: &str, heading: &mut Option<String>, spans: &mut Vec<(bool, String)>| {
            if let Some(heading) = heading.as_mut() {
                heading.push_str(text);
            }
            for (_, span) in spans.iter_mut() {
                span.push_str(text);
            }
        };
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(level)) => {
                parsed.headings.push((level, heading.take().unwrap_or_default()));
                block_break(&mut parsed.plain);
            }
            Event::Start(Tag::Strong) => spans.push((true, String::new())),
            Event::Start(Tag::Emphasis) => spans.push((false, String::new())),
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                let (strong, text) = spans.pop().unwrap();
                if strong {
                    parsed.strong.push(text)
                } else {
                    parsed.emphasis.push(text)
                }
            }
            Event::Start(Tag::List(_)) => {
                block_break(&mut parsed.plain);
                open_lists.push(parsed.lists.len());
                parsed.lists.push((false, 0));
            }
            Event::End(TagEnd::List(ordered)) => {
                let index = open_lists.pop().unwrap();
                parsed.lists[index].0 = ordered;
            }
            Event::Start(Tag::Item) => {
                block_break(&mut parsed.plain);
                let index = *open_lists.last().unwrap();
                parsed.lists[index].1 += 1;
            }
            Event::End(TagEnd::Item | TagEnd::Paragraph) => block_break(&mut parsed.plain),
            Event::Text(text) => {
                parsed.plain.push_str(&text);
                text_of(&text, &mut heading, &mut spans);
            }
            Event::HardBreak => {
                parsed.plain.push('\n');
                text_of("\n", &mut heading, &mut spans);
            }
            Event::SoftBreak => {
                parsed.plain.push(' ');
                text_of(" ", &mut heading, &mut spans);
            }
            Event::Start(Tag::Paragraph) | Event::End(_) => {}
            other => parsed.forbidden.push(format!("{other:?}")),
        }
    }
    parsed
}

/// Ends the current block in the plain text with one blank line.
fn block_break(plain: &mut String) {
    if !plain.is_empty() {
        while !plain.ends_with("\n\n") {
            plain.push('\n');
        }
    }
}

fn parse(markdown: &str) -> Parsed {
    parse_with(markdown, options_all())
}

/// How a text written by the person reads back: lines trimmed, line breaks
/// kept, runs of blank lines as one paragraph break.
fn reads_as(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in normalized.split('\n').map(str::trim) {
        match (line.is_empty(), paragraphs.last_mut()) {
            (true, Some(last)) if !last.is_empty() => paragraphs.push(Vec::new()),
            (false, Some(last)) => last.push(line),
            _ => {}
        }
    }
    paragraphs.retain(|lines| !lines.is_empty());
    paragraphs.iter().map(|lines| lines.join("\n")).collect::<Vec<_>>().join("\n\n")
}

fn headings(parsed: &Parsed) -> Vec<(u8, &str)> {
    parsed.headings.iter().map(|(level, text)| (*level as u8, text.as_str())).collect()
}

/// The plain text of one `##` section, up to the next `##`.
fn section<'a>(parsed: &'a Parsed, title: &str) -> &'a str {
    let start = parsed.plain.find(&format!("{title}\n\n")).unwrap_or_else(|| panic!("no section {title}"));
    let body = &parsed.plain[start + title.len() + 2..];
    let next = [
        "Scheduled block",
        "Timeline",
        "Hard questions",
        "Contributing factors",
        "What went well",
        "What went wrong",
        "Where I got lucky",
        "Lessons",
        "Options to weigh",
        "Closure",
    ]
    .iter()
    .filter_map(|title| body.find(&format!("\n{title}\n")))
    .min()
    .unwrap_or(body.len());
    &body[..next]
}

/// A debrief with something in every part.
fn full_debrief() -> Debrief {
    let now = at(1_772_000_000);
    let mut debrief = Debrief::default();
    debrief.set_setback(Some(SetbackKind::FiredOrLaidOff), now);
    debrief.set_summary("Let go after the merger; the whole team was cut.\nI saw it coming, and froze.", now);
    debrief.update_session(now, |session| {
        session.date = NaiveDate::from_ymd_opt(2026, 3, 12);
        session.start = NaiveTime::from_hms_opt(9, 30, 0);
        session.set_minutes(150);
    });

    // Added out of order: the export shows them by date.
    let late = debrief.add_event(now);
    debrief.update_event(late, now, |event| {
        event.date = day(2025, 11, 28);
        event.what = "The meeting with HR.".into();
        event.turning_point = true;
        event.my_part = "I asked for the reasons in writing.".into();
    });
    let early = debrief.add_event(now);
    debrief.update_event(early, now, |event| {
        event.date = EventDate::Month { year: 2025, month: 6 };
        event.what = "The merger was announced.".into();
    });
    let middle = debrief.add_event(now);
    debrief.update_event(middle, now, |event| {
        event.date = day(2025, 9, 2);
        event.what = "Targets doubled for Q4".into();
        event.my_part = "I said yes without asking how.".into();
    });

    debrief.update_answer("numbers-low", now, |answer| {
        answer.text = "The pipeline dried up after the merger.".into();
        answer.whys = vec!["Half the accounts moved to the other team.".into(), "Nobody asked me.".into(), "  ".into()];
    });
    debrief
        .update_answer("first-sign", now, |answer| answer.text = "In June, when the town hall was cancelled.".into());
    debrief.update_answer("love-work", now, |answer| {
        answer.text = "I do not know.".into();
        answer.skipped = true;
    });
    debrief.update_answer("training", now, |answer| answer.whys = vec!["The role changed under me.".into()]);
    debrief.update_answer("manager", now, |answer| answer.text = "   ".into());
    let own = debrief.add_own_question("Did I want to stay anyway?", now).unwrap();
    debrief.update_answer(&own.to_string(), now, |answer| answer.text = "Honestly, not really.".into());
    debrief.add_own_question("What would my mentor say?", now);

    debrief.add_factor("I never asked for feedback.", Control::Mine, now);
    debrief.add_factor("The merger itself.", Control::Outside, now);
    debrief.add_factor("My targets were set without me.", Control::Partly, now);
    debrief.add_factor("Budget cuts.", Control::Outside, now);

    debrief.add_note(NoteList::WentWell, "Clients trusted me.", now);
    debrief.add_note(NoteList::WentWrong, "I stopped networking.", now);
    debrief.add_note(NoteList::Lucky, "Severance of four months.", now);
    debrief.add_note(NoteList::Lessons, "Keep a brag document.", now);
    let key = debrief.add_note(NoteList::Lessons, "Ask early, ask often.", now).unwrap();
    debrief.add_note(NoteList::Lessons, "Watch the org chart.", now);
    debrief.set_key_lesson(key, now);
    debrief.add_note(NoteList::Options, "Freelance for a while.", now);
    debrief.add_note(NoteList::Options, "Join a smaller company.", now);
    debrief.set_closure_note("It was one chapter, not the book.", now);
    debrief.finish(DateTime::parse_from_rfc3339("2026-03-12T12:15:00Z").unwrap().with_timezone(&Utc)).unwrap();
    debrief
}

// --- The structure ------------------------------------------------------------

#[test]
fn the_full_debrief_matches_the_fixture() {
    let markdown = debrief_markdown(&full_debrief());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/debrief.md");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &markdown).unwrap();
    }
    let expected = std::fs::read_to_string(path).unwrap();
    assert_eq!(markdown, expected, "run with UPDATE_FIXTURES=1 to accept a deliberate change");
}

#[test]
fn sections_come_in_the_order_of_the_method() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    assert_eq!(
        headings(&parsed),
        [
            (1, "My debrief"),
            (2, "What happened"),
            (2, "Scheduled block"),
            (2, "Timeline"),
            (2, "Hard questions"),
            (3, Theme::Events.title()),
            (3, Theme::Goals.title()),
            (3, Theme::Skills.title()),
            (3, "My own questions"),
            (2, "Contributing factors"),
            (3, Control::Mine.label()),
            (3, Control::Partly.label()),
            (3, Control::Outside.label()),
            (2, "What went well"),
            (2, "What went wrong"),
            (2, "Where I got lucky"),
            (2, "Lessons"),
            (2, "Options to weigh"),
            (2, "Closure"),
        ]
    );
    assert!(parsed.forbidden.is_empty(), "{:?}", parsed.forbidden);
}

#[test]
fn an_empty_debrief_has_only_what_happened() {
    let markdown = debrief_markdown(&Debrief::default());
    let parsed = parse(&markdown);
    assert_eq!(headings(&parsed), [(1, "My debrief"), (2, "What happened")]);
    assert!(parsed.lists.is_empty());
    assert!(markdown.ends_with(".*\n") && !markdown.ends_with("\n\n"));
}

#[test]
fn what_happened_gives_the_setback_and_the_summary() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    let body = section(&parsed, "What happened");
    assert!(body.contains(&format!("Setback: {}", SetbackKind::FiredOrLaidOff.label())), "{body}");
    assert!(body.contains("Let go after the merger; the whole team was cut.\nI saw it coming, and froze."), "{body}");
}

#[test]
fn the_scheduled_block_gives_date_time_and_length() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    assert_eq!(section(&parsed, "Scheduled block").trim(), "Thursday 12 March 2026 at 09:30, for 2 hours 30 minutes.");

    let mut debrief = Debrief::default();
    debrief.session.date = NaiveDate::from_ymd_opt(2026, 4, 1);
    let parsed = parse(&debrief_markdown(&debrief));
    assert_eq!(section(&parsed, "Scheduled block").trim(), "Wednesday 1 April 2026, for 3 hours.");

    debrief.session.date = None;
    debrief.session.start = NaiveTime::from_hms_opt(9, 0, 0);
    assert!(!debrief_markdown(&debrief).contains("Scheduled block"));
}

#[test]
fn the_timeline_is_in_date_order_with_turning_points_and_my_part() {
    let debrief = full_debrief();
    let parsed = parse(&debrief_markdown(&debrief));
    let body = section(&parsed, "Timeline");
    let expected_order: Vec<String> = debrief.timeline_in_order().iter().map(|event| event.date.label()).collect();
    assert_eq!(expected_order, ["June 2025", "2 Sep 2025", "28 Nov 2025"]);
    let dates: Vec<&String> = parsed.strong.iter().filter(|text| expected_order.contains(text)).collect();
    assert_eq!(dates, expected_order.iter().collect::<Vec<_>>(), "dates in order");
    let positions: Vec<usize> = ["The merger was announced.", "Targets doubled for Q4", "The meeting with HR."]
        .iter()
        .map(|what| body.find(what).unwrap_or_else(|| panic!("{what} in {body}")))
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{body}");
    assert!(
        body.contains(
            "28 Nov 2025 (turning point) — The meeting with HR.\n\nMy part: I asked for the reasons in writing."
        ),
        "{body}"
    );
    assert!(body.contains("My part: I said yes without asking how."), "{body}");
    assert_eq!(parsed.emphasis, ["(turning point)"]);
    // The timeline is the one ordered list, with three items.
    assert_eq!(parsed.lists.iter().filter(|(ordered, _)| *ordered).collect::<Vec<_>>(), [&(true, 3)]);
}

#[test]
fn undated_events_keep_their_place_and_empty_events_are_left_out() {
    let now = at(5);
    let mut debrief = Debrief::default();
    for (date, what) in [
        (day(2024, 5, 1), "May"),
        (EventDate::Unknown, "Sometime"),
        (day(2024, 1, 3), "January"),
        (EventDate::Month { year: 2024, month: 1 }, "Early January"),
        (day(2023, 12, 31), ""),
    ] {
        let id = debrief.add_event(now);
        debrief.update_event(id, now, |event| {
            event.date = date;
            event.what = what.into();
        });
    }
    let markdown = debrief_markdown(&debrief);
    let parsed = parse(&markdown);
    let body = section(&parsed, "Timeline");
    // The dated events sort around the undated one, which keeps its slot
    // (second; the first slot goes to the empty event, which is left out).
    let shown: Vec<&str> = debrief.timeline_in_order().iter().map(|event| event.what.as_str()).collect();
    assert_eq!(shown, ["", "Sometime", "Early January", "January", "May"]);
    let order: Vec<usize> =
        ["— Sometime", "— Early January", "— January", "— May"].iter().map(|what| body.find(what).unwrap()).collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{body}");
    assert_eq!(parsed.lists, [(true, 4)], "the empty event is left out");
    assert!(body.contains("Date unknown — Sometime"), "{body}");
}

#[test]
fn hard_questions_group_by_theme_and_leave_out_skipped_and_blank_ones() {
    let debrief = full_debrief();
    let parsed = parse(&debrief_markdown(&debrief));
    let body = section(&parsed, "Hard questions");
    let text_of = |id: &str| questions_for(None).into_iter().find(|question| question.id == id).unwrap().text;
    // Answered, or with whys.
    for id in ["first-sign", "numbers-low", "training"] {
        assert!(parsed.strong.iter().any(|strong| strong == text_of(id)), "{id}");
    }
    // Skipped, blank, or never touched.
    for id in ["love-work", "manager", "could-change"] {
        assert!(!body.contains(text_of(id)), "{id}");
    }
    assert!(!body.contains("I do not know."), "a skipped answer is left out");
    assert!(body.contains(&format!(
        "{}\n\nThe pipeline dried up after the merger.\n\nWhy? Half the accounts moved to the other team.\n\nWhy? Nobody asked me.\n\n",
        text_of("numbers-low")
    )), "{body}");
    assert!(body.contains(&format!("{}\n\nWhy? The role changed under me.\n\n", text_of("training"))), "{body}");
    // Own questions, answered or not.
    assert!(body.contains("Did I want to stay anyway?\n\nHonestly, not really."), "{body}");
    assert!(body.contains("What would my mentor say?"), "{body}");
    // Each question is an item; the answer and its whys a nested list.
    let nested: Vec<usize> = parsed.lists.iter().map(|(_, items)| *items).collect();
    for expected in [3, 1, 1] {
        assert!(nested.contains(&expected), "{nested:?}");
    }
}

#[test]
fn factors_group_by_control() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    let body = section(&parsed, "Contributing factors");
    assert!(body.contains("Within my control\n\nI never asked for feedback."), "{body}");
    assert!(body.contains("Partly in my control\n\nMy targets were set without me."), "{body}");
    assert!(body.contains("Outside my control\n\nThe merger itself.\n\nBudget cuts."), "{body}");
}

#[test]
fn the_key_lesson_comes_first_and_only_once() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    let body = section(&parsed, "Lessons");
    assert!(body.trim_start().starts_with("Key lesson: Ask early, ask often."), "{body}");
    assert_eq!(body.matches("Ask early, ask often.").count(), 1);
    assert!(body.find("Keep a brag document.") < body.find("Watch the org chart."));
    assert!(parsed.strong.contains(&"Key lesson:".to_owned()));
}

#[test]
fn closure_gives_the_note_and_the_day_it_was_done() {
    let parsed = parse(&debrief_markdown(&full_debrief()));
    assert_eq!(
        section(&parsed, "Closure").trim(),
        "It was one chapter, not the book.\n\nDebrief done on 12 March 2026."
    );

    let mut debrief = Debrief::default();
    debrief.set_closure_note("Not done yet.", at(1));
    let parsed = parse(&debrief_markdown(&debrief));
    assert_eq!(section(&parsed, "Closure").trim(), "Not done yet.");
}

// --- User text stays literal ------------------------------------------------------

/// A debrief with `text` in every place the person can write.
fn debrief_full_of(text: &str) -> Debrief {
    let now = at(7);
    let mut debrief = Debrief::default();
    debrief.set_summary(text, now);
    let event = debrief.add_event(now);
    debrief.update_event(event, now, |event| {
        event.date = day(2025, 1, 1);
        event.what = text.into();
        event.my_part = text.into();
    });
    debrief.update_answer("first-sign", now, |answer| {
        answer.text = text.into();
        answer.whys = vec![text.into(), text.into()];
    });
    // Own questions are trimmed when added; set the text as is.
    let own = debrief.add_own_question("placeholder", now).unwrap();
    debrief.own_questions[0].text = text.into();
    debrief.update_answer(&own.to_string(), now, |answer| answer.text = text.into());
    debrief.add_factor("placeholder", Control::Partly, now);
    debrief.factors[0].text = text.into();
    for list in [NoteList::WentWell, NoteList::WentWrong, NoteList::Lucky, NoteList::Lessons, NoteList::Options] {
        let id = debrief.add_note(list, "placeholder", now).unwrap();
        debrief.update_note(list, id, text, now);
    }
    let key = debrief.lessons[0].meta.id;
    debrief.set_key_lesson(key, now);
    debrief.add_note(NoteList::Lessons, "placeholder", now);
    let second = debrief.lessons[1].meta.id;
    debrief.update_note(NoteList::Lessons, second, text, now);
    debrief.set_closure_note(text, now);
    debrief
}

/// How many times the person's text appears in a debrief full of it.
const PLACES: usize = 16;

/// The structure the person's text must never change.
const EXPECTED_HEADINGS: &[(u8, &str)] = &[
    (1, "My debrief"),
    (2, "What happened"),
    (2, "Timeline"),
    (2, "Hard questions"),
    (3, "How it unfolded"),
    (3, "My own questions"),
    (2, "Contributing factors"),
    (3, "Partly in my control"),
    (2, "What went well"),
    (2, "What went wrong"),
    (2, "Where I got lucky"),
    (2, "Lessons"),
    (2, "Options to weigh"),
    (2, "Closure"),
];

fn assert_literal(text: &str) {
    let markdown = debrief_markdown(&debrief_full_of(text));
    for options in [options_all(), Options::empty()] {
        let parsed = parse_with(&markdown, options);
        assert_eq!(headings(&parsed), EXPECTED_HEADINGS, "{text:?}\n{markdown}");
        assert!(parsed.forbidden.is_empty(), "{text:?}: {:?}\n{markdown}", parsed.forbidden);
        // Lists: the timeline (1), the bank question (1) and its nested answer
        // and whys (3), the own question (1) and its answer (1), the factor (1),
        // four note lists (1 each) and the lessons (2).
        let items: Vec<usize> = parsed.lists.iter().map(|(_, items)| *items).collect();
        assert_eq!(items, [1, 1, 3, 1, 1, 1, 1, 1, 1, 2, 1], "{text:?}\n{markdown}");
        // Emphasis only where the export puts it: date, key lesson, questions.
        let date = day(2025, 1, 1).label();
        let strong: Vec<&str> = parsed
            .strong
            .iter()
            .map(String::as_str)
            .filter(|strong| *strong != date && *strong != "Key lesson:")
            .collect();
        let question = questions_for(None)[0].text;
        let literal = reads_as(text);
        let question_lines = |question: &str| reads_as(question).replace("\n\n", "\n");
        assert_eq!(strong.len(), 1 + question_lines(&literal).lines().count(), "{text:?}: {:?}", parsed.strong);
        assert_eq!(strong[0], question);
        assert!(parsed.emphasis.is_empty(), "{text:?}: {:?}", parsed.emphasis);
        // The text itself, everywhere, exactly.
        if !literal.is_empty() {
            assert!(
                parsed.plain.matches(&literal).count() >= PLACES - 1,
                "{text:?} reads as {literal:?}\n{}",
                parsed.plain
            );
        }
    }
}

#[test]
fn markdown_in_user_text_stays_literal() {
    for text in NASTY {
        assert_literal(text);
    }
}

#[test]
fn all_the_nasty_text_at_once_on_many_lines_stays_literal() {
    assert_literal(&NASTY.join("\n"));
    assert_literal(&NASTY.join("\r\n\r\n"));
    assert_literal(&NASTY.join(" "));
}

#[test]
fn line_breaks_stay_inside_their_item() {
    for text in [
        "first line\r\nsecond line",
        "one\ntwo\n\n\nthree",
        "old mac\rline",
        "  indented\n      deeper\n\t\ttabbed",
        "\n\nleading and trailing\n\n",
    ] {
        assert_literal(text);
    }
    let markdown = debrief_markdown(&debrief_full_of("first line\r\nsecond line"));
    assert!(!markdown.contains('\r'));
    let parsed = parse(&markdown);
    assert!(section(&parsed, "What went well").contains("first line\nsecond line"));
}

#[test]
fn very_long_text_stays_literal() {
    let pattern = "A long (very long) story # with * some _ markdown [x](y) <b> `c` 🙂 1. ";
    let long: String = pattern.chars().cycle().take(10_000).collect();
    assert_literal(&long);
}

#[test]
fn every_ascii_punctuation_character_alone_stays_literal() {
    for c in (0u8..128).map(char::from).filter(char::is_ascii_punctuation) {
        assert_literal(&c.to_string());
        assert_literal(&format!("{c}{c}{c}"));
        assert_literal(&format!("{c} x {c}"));
        assert_literal(&format!("x {c}{c}{c} x{c}"));
        assert_literal(&format!("1{c} x"));
        assert_literal(&format!("123456789{c}"));
        assert_literal(&format!("x\n{c} y\n{c}{c}{c}\n1{c}\n\n{c}x{c}"));
        assert_literal(&format!("[a]{c}(b) !{c}[c](d) <{c}e> x{c}"));
        // Setext underlines and thematic breaks after a line of text.
        assert_literal(&format!("x\n{c}{c}{c}"));
        assert_literal(&format!("x\n\n{c}{c}{c}"));
    }
}

#[test]
fn blank_text_is_left_out_like_nothing_was_written() {
    let markdown = debrief_markdown(&debrief_full_of(" \n\t\r\n "));
    let parsed = parse(&markdown);
    let titles: Vec<&str> = parsed.headings.iter().map(|(_, text)| text.as_str()).collect();
    // Even the dated timeline event has nothing to show.
    assert_eq!(titles, ["My debrief", "What happened"], "{markdown}");
}

// --- The escaping helpers ---------------------------------------------------------

#[test]
fn escape_markdown_makes_one_literal_line() {
    for text in NASTY {
        let escaped = escape_markdown(text);
        assert!(!escaped.contains('\n'));
        let parsed = parse(&escaped);
        assert!(
            parsed.forbidden.is_empty() && parsed.headings.is_empty() && parsed.lists.is_empty(),
            "{text:?} -> {escaped:?}"
        );
        assert!(parsed.strong.is_empty() && parsed.emphasis.is_empty(), "{text:?} -> {escaped:?}");
        assert_eq!(parsed.plain.trim_end(), text.trim(), "{text:?} -> {escaped:?}");
    }
    assert_eq!(escape_markdown("a\r\nb\nc"), "a  b c");
    assert_eq!(escape_markdown("I'd say so, wouldn't you?"), "I'd say so, wouldn't you?");
}

#[test]
fn escape_markdown_block_indents_continuations() {
    assert_eq!(escape_markdown_block("# one\n- two\n\nthree", "   "), "\\# one\\\n   \\- two\n\n   three");
    assert_eq!(escape_markdown_block("\n \n", "  "), "");
}
