//! Which links may be made clickable: only plain web links. Anything else
//! (`javascript:`, `data:`, a bare word) is shown as text, never as a link.

/// The link to put in an `href`, if `text` is an http or https address.
pub fn safe_link(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host_ok = rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty());
    let clean = !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (host_ok && clean).then(|| text.to_owned())
}
