//! Lines of links only, and a trailing line that is only the outlet's name.

use super::{Position, has_alnum};

/// Top-level domains a bare `name.tld` link ends with.
pub(super) const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "io", "co", "ly", "az", "ru", "cn", "uk", "info", "news",
    "tv", "me", "de", "fr",
];

/// Whether `s` starts with `prefix`, ASCII case ignored.
pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// A link, an e-mail address or an `@handle`, surrounding punctuation allowed.
pub(super) fn is_link_like(word: &str) -> bool {
    let w = word.trim_matches(|c: char| ".,;:()[]<>\"'“”‘’".contains(c));
    if w.is_empty() || !w.contains(['.', '@']) {
        return false;
    }
    if ["http://", "https://", "www.", "pic.twitter.com/"]
        .iter()
        .any(|p| starts_with_ignore_case(w, p))
    {
        return true;
    }
    if let Some((user, host)) = w.split_once('@') {
        if user.is_empty() {
            return host.len() >= 2 && host.chars().all(|c| c.is_alphanumeric() || c == '_');
        }
        return host.contains('.') && !host.starts_with('.');
    }
    // `name.tld` or `name.tld/path`.
    let host = w.split('/').next().unwrap_or("");
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
}

/// `http://ap-gfkpoll.com.`, `EMAIL: desk@example.org.`, `News.Az`: a line of links only
/// (a line of `@handles` alone signs a letter: content).
pub(super) fn only_links(words: &[&str]) -> bool {
    let mut links = 0;
    let mut handles = 0;
    for (k, w) in words.iter().enumerate() {
        if is_link_like(w) {
            links += 1;
            let bare = w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
            if bare.starts_with('@') {
                handles += 1;
            }
        } else if has_alnum(w) && !(k == 0 && w.ends_with(':') && w.chars().count() <= 20) {
            return false;
        }
    }
    links > 0 && handles < links
}

/// `<Suggest To A Friend>`, `<tweet …><tweet/>`: markup and nothing else.
pub(super) fn only_markup(line: &str) -> bool {
    if !line.contains('<') {
        return false;
    }
    let mut rest = line;
    let mut outside = String::new();
    let mut tags = 0;
    while let Some(open) = rest.find('<') {
        outside.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        match after.find(['<', '>']) {
            Some(close)
                if after.get(close..).is_some_and(|r| r.starts_with('>')) && close <= 300 =>
            {
                tags += 1;
                rest = after.get(close + 1..).unwrap_or("");
            }
            _ => {
                outside.push('<');
                rest = after;
            }
        }
    }
    outside.push_str(rest);
    tags > 0 && !has_alnum(&outside)
}

/// A last line that is only the outlet's name: `News.Az` (a domain-like name, or a name
/// the article already wrote).
pub(super) fn lone_outlet(line: &str, words: &[&str], at: Position, before: &str) -> bool {
    if at.from_bottom != 0 || at.from_top == 0 {
        return false;
    }
    let name = line.trim_end_matches('.').trim();
    if name.is_empty()
        || words.len() > 3
        || name.chars().count() > 30
        || name.contains([',', ';', ':', '!', '?', '"', '“', '”', '(', ')'])
        || !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    {
        return false;
    }
    let domain = name.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.contains(' ')
            && b.chars().count() >= 2
            && b.chars().all(char::is_alphabetic)
    });
    domain || contains_word(before, name)
}

/// Whether `hay` holds `needle` with no letter or digit glued to either end.
pub(super) fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(k, _)| {
        let before = hay.get(..k).and_then(|b| b.chars().next_back());
        let after = hay.get(k + needle.len()..).and_then(|a| a.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
