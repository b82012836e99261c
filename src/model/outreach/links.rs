//! Which typed or imported addresses may become links. Only `http`, `https`,
//! `mailto` and `tel` are ever made clickable: a `javascript:` or `data:`
//! address in a profile URL (an imported file may hold anything) stays text.

/// The schemes a link may use.
const ALLOWED: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The address to link to, or `None` when it must stay plain text. A bare
/// web address ("linkedin.com/in/ana") gets `https://` in front.
pub fn safe_link(text: &str) -> Option<String> {
    let text = text.trim();
    // Browsers ignore tabs and line breaks inside URLs ("java\tscript:"), so
    // any control character or space makes the address text only.
    if text.is_empty() || text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    match text.find(':') {
        Some(at) => {
            let scheme = &text[..at];
            let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'));
            if is_scheme {
                let scheme = scheme.to_ascii_lowercase();
                let rest = &text[at + 1..];
                return (ALLOWED.contains(&scheme.as_str()) && !rest.is_empty()).then(|| format!("{scheme}:{rest}"));
            }
            // "example.com:8080/x" has a port, not a scheme.
            bare_web_address(text)
        }
        None => bare_web_address(text),
    }
}

/// "www.example.com/path" → "https://www.example.com/path"; anything else: `None`.
fn bare_web_address(text: &str) -> Option<String> {
    let host = text.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let looks_like_host = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    looks_like_host.then(|| format!("https://{text}"))
}

/// A `mailto:` link for an email address that looks like one.
pub fn mailto(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !email
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, ':' | '/' | '?' | '#' | '<' | '>' | '"'));
    plausible.then(|| format!("mailto:{email}"))
}

/// A `tel:` link for a phone number: digits, with `+` only in front.
pub fn tel(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
    let body = digits.strip_prefix('+').unwrap_or(&digits);
    (body.len() >= 3 && body.chars().all(|c| c.is_ascii_digit())).then(|| format!("tel:{digits}"))
}

/// A profile address reduced for comparing duplicates: no scheme, no `www.`,
/// no trailing slash, lowercase.
pub fn normalize_url(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_become_links() {
        assert_eq!(safe_link("https://www.linkedin.com/in/ana").as_deref(), Some("https://www.linkedin.com/in/ana"));
        assert_eq!(safe_link("HTTP://x.org").as_deref(), Some("http://x.org"));
        assert_eq!(safe_link("linkedin.com/in/ana").as_deref(), Some("https://linkedin.com/in/ana"));
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link("JavaScript:alert(1)"), None);
        assert_eq!(safe_link("java\tscript:alert(1)"), None);
        assert_eq!(safe_link(" data:text/html,x"), None);
        assert_eq!(safe_link("vbscript:x"), None);
        assert_eq!(safe_link("just words"), None);
        assert_eq!(safe_link("https:"), None);
    }
}
