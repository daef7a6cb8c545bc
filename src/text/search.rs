//! Case-insensitive substring search that reports byte spans of the original text.

use crate::extract::Span;

/// Every non-overlapping match of `query` in `text`, case-insensitively (simple case
/// folding, character by character, so spans stay on the original text's boundaries).
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    if query.is_ascii() {
        let (hay, needle) = (text.as_bytes(), query.as_bytes());
        let first = needle[0].to_ascii_lowercase();
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i].to_ascii_lowercase() == first
                && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            {
                out.push(Span::new(i, i + needle.len()));
                i += needle.len();
            } else {
                i += 1;
            }
        }
        return out;
    }
    let needle: Vec<char> = query.chars().map(fold).collect();
    let mut skip_until = 0;
    for (i, _) in text.char_indices() {
        if i < skip_until {
            continue;
        }
        let mut end = i;
        let mut rest = text[i..].chars();
        let matched = needle.iter().all(|&n| match rest.next() {
            Some(c) if fold(c) == n => {
                end += c.len_utf8();
                true
            }
            _ => false,
        });
        if matched {
            out.push(Span::new(i, end));
            skip_until = end;
        }
    }
    out
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_matches_ignore_case() {
        let text = "China and CHINA and china";
        let spans = find_all(text, "china");
        assert_eq!(spans.len(), 3);
        assert_eq!(spans[1].slice(text), "CHINA");
    }

    #[test]
    fn unicode_matches_keep_byte_offsets() {
        let text = "“Élan” and élan";
        let spans = find_all(text, "élan");
        assert_eq!(
            spans.iter().map(|s| s.slice(text)).collect::<Vec<_>>(),
            ["Élan", "élan"]
        );
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(find_all("abc", "").is_empty());
    }

    proptest! {
        #[test]
        fn spans_lie_on_char_boundaries(text in "\\PC{0,60}", q in "\\PC{1,3}") {
            for s in find_all(&text, &q) {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
