//! The whole debrief as a CommonMark document, to keep, print or share.
//!
//! Everything the person wrote goes through [`escape_markdown`] or
//! [`escape_markdown_block`], so it always reads back as literal text: it can
//! never open a heading, a list, a link, emphasis, HTML or code, and text on
//! several lines stays inside the list item it belongs to.

use crate::model::dates;
use crate::model::debrief::{Answer, Control, Debrief, Note, MIN_SESSION_MINUTES};
use crate::model::questions::{Theme, BANK};

use super::debrief_session::session_length_label;

/// ASCII punctuation that means something to CommonMark, or to one of its
/// common extensions (tables, strikethrough, math, footnotes, attributes,
/// autolinks), wherever it stands: always escaped.
const ALWAYS_ESCAPED: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '&', '|', '~', '{', '}', '$', '^', '@'];

/// ASCII punctuation that only opens a block at the start of a line: a list
/// item, a setext underline or thematic break, a definition.
const ESCAPED_AT_LINE_START: &[char] = &['-', '+', '=', ':'];

/// Escapes `text` so that it reads literally on one line of a paragraph,
/// heading or list item, wherever on the line it is put (including its start).
///
/// Punctuation that could mean something to CommonMark gets a backslash
/// (CommonMark lets any ASCII punctuation be escaped): the inline delimiters
/// always, the block markers when they start the text, and the `.` or `)` of
/// a leading number (`1.`, `2)`). The rest (`. , ; : ' " ? ! ( ) / %` inside the
/// text) cannot open anything once brackets and angle brackets are escaped,
/// so it stays as is and the raw file stays readable. Line breaks and other
/// control characters become spaces (a tab stays), and the ends are trimmed
/// so leading blanks cannot turn into an indented code block.
pub fn escape_markdown(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let leading_digits = text.chars().take_while(char::is_ascii_digit).count();
    for (index, c) in text.chars().enumerate() {
        let escape = ALWAYS_ESCAPED.contains(&c)
            || (index == 0 && ESCAPED_AT_LINE_START.contains(&c))
            || (index > 0 && index == leading_digits && (c == '.' || c == ')'));
        match c {
            c if escape => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // Line breaks turned into spaces may have left blanks at the ends.
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// Escapes text that may span several lines, keeping its shape: lines are
/// joined by hard line breaks (a backslash before the newline), blank lines
/// separate paragraphs, and every line after the first starts with `indent`
/// (the list item's content indentation) so the text stays inside its item.
/// The first line carries no indent: it goes after a list marker or prefix.
/// Returns an empty string when there is nothing but blanks.
pub fn escape_markdown_block(text: &str, indent: &str) -> String {
    block(text, indent, "")
}

/// Like [`escape_markdown_block`], with each line wrapped in `wrap` (e.g. `**`).
fn block(text: &str, indent: &str, wrap: &str) -> String {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in split_lines(text) {
        let line = escape_markdown(line);
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(format!("{wrap}{line}{wrap}"));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let line_break = format!("\\\n{indent}");
    let paragraph_break = format!("\n\n{indent}");
    paragraphs.iter().map(|lines| lines.join(&line_break)).collect::<Vec<_>>().join(&paragraph_break)
}

/// Splits on CRLF, LF and lone CR alike (CRLF is one break, not two).
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\r', '\n']) {
        lines.push(&rest[..at]);
        let break_len = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + break_len..];
    }
    lines.push(rest);
    lines
}

fn has_text(text: &str) -> bool {
    !text.trim().is_empty()
}

/// A bullet list of already escaped items (their continuation lines indented by two).
fn bullet_list(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().map(|item| format!("- {item}")).collect::<Vec<_>>().join("\n")
}

fn note_items<'a>(notes: impl IntoIterator<Item = &'a Note>) -> Vec<String> {
    text_items(notes.into_iter().map(|note| note.text.as_str()))
}

/// Bullet items for the texts that have something in them.
fn text_items<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    texts.into_iter().filter(|text| has_text(text)).map(|text| escape_markdown_block(text, "  ")).collect()
}

/// The whole debrief as CommonMark: `# My debrief`, then one `##` section per
/// part in the order of the method. Parts with nothing in them are left out,
/// except "What happened".
pub fn debrief_markdown(debrief: &Debrief) -> String {
    let mut blocks: Vec<String> = vec!["# My debrief".to_owned()];
    let mut section = |title: &str, body: Vec<String>| {
        if !body.is_empty() {
            blocks.push(format!("## {title}"));
            blocks.extend(body);
        }
    };

    section("What happened", what_happened(debrief));
    section("Scheduled block", scheduled_block(debrief));
    section("Timeline", timeline(debrief));
    section("Hard questions", hard_questions(debrief));
    section("Contributing factors", factors(debrief));
    for (title, notes) in [
        ("What went well", &debrief.went_well),
        ("What went wrong", &debrief.went_wrong),
        ("Where I got lucky", &debrief.lucky),
    ] {
        let items = note_items(notes);
        section(title, if items.is_empty() { Vec::new() } else { vec![bullet_list(items)] });
    }
    section("Lessons", lessons(debrief));
    let options = note_items(&debrief.options);
    section("Options to weigh", if options.is_empty() { Vec::new() } else { vec![bullet_list(options)] });
    section("Closure", closure(debrief));

    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}

fn what_happened(debrief: &Debrief) -> Vec<String> {
    let mut body = Vec::new();
    if let Some(kind) = debrief.setback {
        body.push(format!("**Setback:** {}", escape_markdown(kind.label())));
    }
    let summary = escape_markdown_block(&debrief.summary, "");
    if !summary.is_empty() {
        body.push(summary);
    }
    if body.is_empty() {
        body.push("*Nothing written here yet.*".to_owned());
    }
    body
}

fn scheduled_block(debrief: &Debrief) -> Vec<String> {
    let session = &debrief.session;
    let Some(date) = session.date else {
        return Vec::new();
    };
    let when = match session.start {
        Some(start) => format!("{} at {}", dates::weekday_long(date), dates::clock(start)),
        None => dates::weekday_long(date),
    };
    let length = session_length_label(session.minutes.max(MIN_SESSION_MINUTES));
    vec![format!("{when}, for {length}.")]
}

fn timeline(debrief: &Debrief) -> Vec<String> {
    let mut items = Vec::new();
    for event in debrief.timeline_in_order() {
        if !has_text(&event.what) && !has_text(&event.my_part) && !event.turning_point {
            continue;
        }
        let marker = format!("{}. ", items.len() + 1);
        let indent = " ".repeat(marker.len());
        let mut item = format!("{marker}**{}**", escape_markdown(&event.date.label()));
        if event.turning_point {
            item.push_str(" *(turning point)*");
        }
        let what = escape_markdown_block(&event.what, &indent);
        if !what.is_empty() {
            item.push_str(" — ");
            item.push_str(&what);
        }
        let my_part = escape_markdown_block(&event.my_part, &indent);
        if !my_part.is_empty() {
            item.push_str(&format!("\n\n{indent}My part: {my_part}"));
        }
        items.push(item);
    }
    if items.is_empty() {
        Vec::new()
    } else {
        vec![items.join("\n")]
    }
}

/// One question with its answer and "Why?" chain as a nested list, or
/// `None` when it was skipped or has nothing to show.
fn question_item(question: &str, answer: Option<&Answer>, keep_unanswered: bool) -> Option<String> {
    if answer.is_some_and(|answer| answer.skipped) {
        return None;
    }
    let mut nested = Vec::new();
    if let Some(answer) = answer {
        if has_text(&answer.text) {
            nested.push(escape_markdown_block(&answer.text, "    "));
        }
        for why in answer.whys.iter().filter(|why| has_text(why)) {
            nested.push(format!("Why? {}", escape_markdown_block(why, "    ")));
        }
    }
    if nested.is_empty() && !keep_unanswered {
        return None;
    }
    let question = block(question, "  ", "**");
    if question.is_empty() {
        return None;
    }
    let mut item = format!("- {question}");
    for line in nested {
        item.push_str(&format!("\n  - {line}"));
    }
    Some(item)
}

fn hard_questions(debrief: &Debrief) -> Vec<String> {
    let mut body = Vec::new();
    for theme in Theme::ALL {
        let items: Vec<String> = BANK
            .iter()
            .filter(|question| question.theme == theme)
            .filter_map(|question| question_item(question.text, debrief.answer(question.id), false))
            .collect();
        if !items.is_empty() {
            body.push(format!("### {}", escape_markdown(theme.title())));
            body.push(items.join("\n"));
        }
    }
    let own: Vec<String> = debrief
        .own_questions
        .iter()
        .filter_map(|question| question_item(&question.text, debrief.answer(&question.meta.id.to_string()), true))
        .collect();
    if !own.is_empty() {
        body.push("### My own questions".to_owned());
        body.push(own.join("\n"));
    }
    body
}

fn factors(debrief: &Debrief) -> Vec<String> {
    let mut body = Vec::new();
    for control in Control::ALL {
        let items = text_items(
            debrief.factors.iter().filter(|factor| factor.control == control).map(|factor| factor.text.as_str()),
        );
        if !items.is_empty() {
            body.push(format!("### {}", escape_markdown(control.label())));
            body.push(bullet_list(items));
        }
    }
    body
}

fn lessons(debrief: &Debrief) -> Vec<String> {
    let key = debrief.key_lesson().filter(|lesson| has_text(&lesson.text));
    let mut items = Vec::new();
    if let Some(key) = key {
        items.push(format!("**Key lesson:** {}", escape_markdown_block(&key.text, "  ")));
    }
    let key_id = key.map(|lesson| lesson.meta.id);
    items.extend(note_items(debrief.lessons.iter().filter(|lesson| Some(lesson.meta.id) != key_id)));
    if items.is_empty() {
        Vec::new()
    } else {
        vec![bullet_list(items)]
    }
}

fn closure(debrief: &Debrief) -> Vec<String> {
    let mut body = Vec::new();
    let note = escape_markdown_block(&debrief.closure_note, "");
    if !note.is_empty() {
        body.push(note);
    }
    if let Some(done_at) = debrief.done_at {
        body.push(format!("Debrief done on {}.", dates::long(done_at.date_naive())));
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_structural_punctuation_and_leaves_inert_punctuation() {
        assert_eq!(escape_markdown("# a *b* [c](d) <e> `f` 1. g!"), r"\# a \*b\* \[c\](d) \<e\> \`f\` 1. g!");
        assert_eq!(
            escape_markdown("I didn't, did I? \"yes\"; a/b (c). 50% well-being: x"),
            "I didn't, did I? \"yes\"; a/b (c). 50% well-being: x"
        );
        assert_eq!(escape_markdown("  \tline one\r\nline two  "), "line one  line two");
        assert_eq!(
            escape_markdown("back\\slash & ~x~ $z$ ^w^ @v {a} |b|"),
            r"back\\slash \& \~x\~ \$z\$ \^w\^ \@v \{a\} \|b\|"
        );
    }

    #[test]
    fn escapes_block_markers_only_at_the_start() {
        for (text, escaped) in [
            ("- a - b", r"\- a - b"),
            ("+ a + b", r"\+ a + b"),
            ("=== a", r"\=== a"),
            (": a: b", r"\: a: b"),
            ("12. a 3. b", r"12\. a 3. b"),
            ("2) a", r"2\) a"),
            ("2025 was. 1", "2025 was. 1"),
            (". a", ". a"),
        ] {
            assert_eq!(escape_markdown(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn blocks_keep_lines_and_paragraphs_inside_the_item() {
        assert_eq!(escape_markdown_block("one\r\ntwo\n\n\n  three", "  "), "one\\\n  two\n\n  three");
        assert_eq!(escape_markdown_block(" \n \r\n", "  "), "");
        assert_eq!(block("a\nb", "  ", "**"), "**a**\\\n  **b**");
    }
}
