//! Sentence segmentation: a small, pure splitter used by the reader's sentence cursor.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or brackets) followed by
//! white space and something that can start a sentence, unless the word before the period
//! is a known abbreviation (`Mr.`, `U.S.`, `Sept.`), an initial (`J. Smith`) or a dotted
//! acronym. A blank line always ends a sentence; a single line break ends one unless the
//! next line starts in lower case (hard-wrapped prose).

use crate::extract::Span;

/// Abbreviations after which a period does not end a sentence (lower case, no final dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "gov", "sen", "rep", "pres", "rev", "hon", "no", "nos", "vol", "fig", "art", "sec",
    "ch", "pp", "vs", "e.g", "i.e", "cf", "approx", "est", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "dept", "u.s",
    "u.k", "u.n", "e.u",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Splits `text` into sentences: byte spans, sorted, non-overlapping, trimmed of white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() {
            if !c.is_whitespace() {
                start = Some(i);
            } else {
                continue;
            }
        }
        let Some(s) = start else { continue };
        if c == '\n' {
            if line_break_ends_sentence(text, i) {
                push_trimmed(&mut out, text, s, i);
                start = None;
            }
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take any run of terminal punctuation and closers.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | '…') || CLOSERS.contains(&d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if ends_sentence(text, s, i, c, end) {
                push_trimmed(&mut out, text, s, end);
                start = None;
            }
        }
    }
    if let Some(s) = start {
        push_trimmed(&mut out, text, s, text.len());
    }
    out
}

/// Whether the punctuation `c` at `i` (its run ending at `end`) closes the sentence begun
/// at `start`.
fn ends_sentence(text: &str, start: usize, i: usize, c: char, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut after = rest.chars();
    match after.next() {
        None => return true,
        Some(w) if !w.is_whitespace() => return false,
        Some(_) => {}
    }
    let next = rest.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '-'))
    {
        return false;
    }
    if c == '.' && end == i + 1 {
        let word = word_before(text, start, i);
        if is_abbreviation(word) {
            return false;
        }
    }
    true
}

/// The run of non-space characters before byte `i` (not before `start`).
fn word_before(text: &str, start: usize, i: usize) -> &str {
    let before = text.get(start..i).unwrap_or("");
    let from = before
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '\''))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    before.get(from..).unwrap_or("")
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut letters = word.chars();
    // An initial: a single capital letter (`J. Smith`).
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true;
    }
    // A dotted acronym such as `U.S.A` (the final dot is the one being examined).
    word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic)
        })
}

/// A blank line always ends a sentence; a single line break does unless the next line
/// continues in lower case.
fn line_break_ends_sentence(text: &str, newline: usize) -> bool {
    let rest = text.get(newline + 1..).unwrap_or("");
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let next_line = rest.get(..line_end).unwrap_or("");
    if next_line.trim().is_empty() {
        return true;
    }
    !next_line
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let slice = text.get(start..end).unwrap_or("");
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > start {
        out.push(Span::new(start, trimmed_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            split("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            split("Mr. Li met U.S. officials on Sept. 3 with J. Smith. Growth was 3.5 percent."),
            [
                "Mr. Li met U.S. officials on Sept. 3 with J. Smith.",
                "Growth was 3.5 percent."
            ]
        );
        assert_eq!(
            split("Dr. Wu left. Prof. Ng stayed."),
            ["Dr. Wu left.", "Prof. Ng stayed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("\"We will build it.\" Jane Doe smiled. \"Why?\" he asked."),
            [
                "\"We will build it.\"",
                "Jane Doe smiled.",
                "\"Why?\" he asked."
            ]
        );
    }

    #[test]
    fn lower_case_after_period_does_not_split() {
        assert_eq!(
            split("It cost 5 p.c. of the total."),
            ["It cost 5 p.c. of the total."]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split("Headline without stop\nBody starts here. More.\n\nNext para"),
            [
                "Headline without stop",
                "Body starts here.",
                "More.",
                "Next para"
            ]
        );
        assert_eq!(
            split("hard wrapped\nprose goes on."),
            ["hard wrapped\nprose goes on."]
        );
    }

    proptest! {
        #[test]
        fn spans_are_sorted_trimmed_and_on_char_boundaries(text in "\\PC{0,80}|[a-zA-Z .!?\"\n]{0,80}") {
            let spans = sentences(&text);
            let mut last_end = 0;
            for s in spans {
                prop_assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                let slice = s.slice(&text);
                prop_assert_eq!(slice.trim(), slice);
                last_end = s.end;
            }
        }
    }
}
