//! Small helpers for texts the app writes from the person's words, so that
//! they read as a person would write them: a field typed with a full stop
//! ("Crumb & Co.") placed before the template's own gives one, not two.

/// The person's words for use inside a sentence: trimmed, without the
/// punctuation they may have ended it with (the template adds its own).
pub fn clause(text: &str) -> &str {
    text.trim().trim_end_matches(['.', ',', ';', ':', '!']).trim_end()
}

/// The person's words as a sentence of their own: trimmed, ending with a
/// full stop unless they ended it already. Empty stays empty.
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…' | ')' | '"' | '”') => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// Joins names as a sentence does: "a", "a and b", "a, b and c".
pub fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Where a text has punctuation doubled by filling a template (".." but not
/// an ellipsis, ",.", ",,", " .", " ,"; ".," stays: "Co., and"): the byte offsets, for tests.
pub fn doubled_punctuation(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len())
        .filter(|&at| {
            let (before, here) = (bytes[at - 1], bytes[at]);
            let ellipsis = before == b'.'
                && here == b'.'
                && (bytes.get(at + 1) == Some(&b'.') || (at >= 2 && bytes[at - 2] == b'.'));
            !ellipsis
                && matches!((before, here), (b'.', b'.') | (b',', b'.') | (b',', b',') | (b' ', b'.') | (b' ', b','))
        })
        .collect()
}
