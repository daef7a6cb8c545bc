//! Word wrapping that keeps byte offsets: each display line is a byte range of the
//! original text, so highlight spans map straight onto wrapped lines.

use unicode_width::UnicodeWidthChar;

use crate::text::Span;

/// One display line: the byte range `[start, end)` of the text it shows (no line break,
/// no trailing white space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
}

/// Display width of one character. Control characters (tabs, stray carriage returns) are
/// drawn as one space, so they count as one column.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of a string, by [`char_width`].
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wraps `text` to `width` columns (at least 1): greedy, breaking at white space, hard
/// splitting words longer than a line. Every paragraph line of the text gives at least
/// one display line (blank lines stay blank).
pub fn wrap(text: &str, width: usize) -> Vec<WrappedLine> {
    wrap_hiding(text, text, &[], width)
}

/// [`wrap`] for a text shown with some bytes hidden (a Markdown file's markup, sorted and
/// disjoint spans): words are read from `shown`, the text with those bytes blanked (same
/// length), hidden bytes take no room, and a line of the text that is all hidden shows as
/// no line at all. Offsets stay the text's.
pub fn wrap_hiding(text: &str, shown: &str, hidden: &[Span], width: usize) -> Vec<WrappedLine> {
    let width = width.max(1);
    let mut lines = Vec::with_capacity(text.len() / width.max(20) + 1);
    let mut para_start = 0;
    let mut originals = text.split('\n');
    for para in shown.split('\n') {
        let original = originals.next().unwrap_or(para);
        let all_hidden = para.trim().is_empty() && !original.trim().is_empty();
        if !all_hidden || shown.len() != text.len() {
            let gap = |at: usize, len: usize| gap_width(text, hidden, para_start + at, len);
            wrap_paragraph(para, para_start, width, &mut lines, &gap);
        }
        para_start += para.len() + 1;
    }
    lines
}

/// Columns taken by the white space at `at..` of `text` that follows a word (`len` bytes
/// of the shown text at most): hidden bytes take none.
fn gap_width(text: &str, hidden: &[Span], at: usize, len: usize) -> usize {
    let Some(tail) = text.get(at..at + len) else {
        return 0;
    };
    let mut k = hidden.partition_point(|s| s.end <= at);
    tail.char_indices()
        .map(|(i, c)| {
            let offset = at + i;
            while hidden.get(k).is_some_and(|s| s.end <= offset) {
                k += 1;
            }
            if hidden.get(k).is_some_and(|s| s.start <= offset) {
                0
            } else {
                char_width(c)
            }
        })
        .sum()
}

fn wrap_paragraph(
    para: &str,
    base: usize,
    width: usize,
    lines: &mut Vec<WrappedLine>,
    gap_of: &dyn Fn(usize, usize) -> usize,
) {
    let first_len = lines.len();
    // The line being filled: its start, end (after its last word) and width; plus the
    // width of the white space after its last word.
    let mut line: Option<(usize, usize, usize)> = None;
    let mut gap = 0;
    for (word_start, word) in words(para) {
        let (start, end) = (base + word_start, base + word_start + word.len());
        let word_w = str_width(word);
        line = Some(match line {
            Some((ls, _, lw)) if lw + gap + word_w <= width => (ls, end, lw + gap + word_w),
            Some((ls, le, _)) => {
                lines.push(WrappedLine { start: ls, end: le });
                place_word(word, start, width, lines)
            }
            None => place_word(word, start, width, lines),
        });
        let after = &para[word_start + word.len()..];
        let space = after.len() - after.trim_start().len();
        gap = gap_of(word_start + word.len(), space);
    }
    if let Some((ls, le, _)) = line {
        lines.push(WrappedLine { start: ls, end: le });
    }
    if lines.len() == first_len {
        lines.push(WrappedLine {
            start: base,
            end: base,
        });
    }
}

/// Starts a new line with `word`, hard splitting it when it is wider than a line; returns
/// the line left open (start, end, width).
fn place_word(
    word: &str,
    start: usize,
    width: usize,
    lines: &mut Vec<WrappedLine>,
) -> (usize, usize, usize) {
    let (mut ls, mut lw) = (start, 0);
    for (i, c) in word.char_indices() {
        let w = char_width(c);
        if lw > 0 && lw + w > width {
            lines.push(WrappedLine {
                start: ls,
                end: start + i,
            });
            ls = start + i;
            lw = 0;
        }
        lw += w;
    }
    (ls, start + word.len(), lw)
}

/// The words (maximal runs of non-white-space) of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = s.get(rest..)?;
        let skip = tail.find(|c: char| !c.is_whitespace())?;
        let start = rest + skip;
        let len = s[start..]
            .find(char::is_whitespace)
            .unwrap_or(s.len() - start);
        rest = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// Index of the display line showing byte `offset` (offsets in white space between lines
/// belong to the line before).
pub fn line_of(lines: &[WrappedLine], offset: usize) -> usize {
    lines
        .partition_point(|l| l.start <= offset)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn show<'a>(text: &'a str, lines: &[WrappedLine]) -> Vec<&'a str> {
        lines.iter().map(|l| &text[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_greedily_at_spaces() {
        let text = "the quick brown fox jumps";
        assert_eq!(
            show(text, &wrap(text, 10)),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn keeps_blank_lines_and_paragraphs() {
        let text = "one\n\ntwo  three";
        assert_eq!(show(text, &wrap(text, 20)), ["one", "", "two  three"]);
    }

    #[test]
    fn hard_splits_long_words() {
        let text = "abcdefghij xy";
        assert_eq!(show(text, &wrap(text, 4)), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn counts_wide_characters_as_two_columns() {
        let text = "中文字 ab";
        assert_eq!(show(text, &wrap(text, 6)), ["中文字", "ab"]);
        assert_eq!(show("中文", &wrap("中文", 1)), ["中", "文"]);
    }

    fn visible_chars(s: &str) -> usize {
        s.chars().filter(|&c| char_width(c) > 0).count()
    }

    #[test]
    fn zero_width_marks_stay_with_the_character_they_precede() {
        // A combining mark has no width of its own; a wide character after it on a
        // one-column line is still one visible character per line.
        let text = "\u{591}\u{16FE0}\u{4E2D}";
        let lines = show(text, &wrap(text, 1));
        assert_eq!(lines, ["\u{591}\u{16FE0}", "\u{4E2D}"]);
        assert!(lines.iter().all(|l| visible_chars(l) == 1));
    }

    #[test]
    fn hidden_bytes_take_no_room_and_hidden_lines_vanish() {
        let text = "---\nmeta\n---\n[Ann Lee](https://example.org/a) said it.";
        let hidden = [Span::new(0, 13), Span::new(13, 14), Span::new(21, 46)];
        let mut shown = text.as_bytes().to_vec();
        for h in &hidden {
            for b in &mut shown[h.start..h.end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        let shown = String::from_utf8(shown).unwrap();
        let lines = wrap_hiding(text, &shown, &hidden, 20);
        let texts: Vec<&str> = lines.iter().map(|l| &text[l.start..l.end]).collect();
        // The front matter is gone; the link's target counts nothing, so the line fits.
        assert_eq!(texts, ["Ann Lee](https://example.org/a) said it."]);
        assert_eq!(wrap_hiding(text, text, &[], 20), wrap(text, 20));
    }

    #[test]
    fn line_of_maps_offsets() {
        let text = "aaa bbb ccc";
        let lines = wrap(text, 4);
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 3), 0);
        assert_eq!(line_of(&lines, 4), 1);
        assert_eq!(line_of(&lines, 11), 2);
    }

    proptest! {
        #[test]
        fn lines_fit_and_cover_every_word(text in "\\PC{0,120}|[a-z \n]{0,120}", width in 1usize..30) {
            let lines = wrap(&text, width);
            let mut last = 0;
            for l in &lines {
                prop_assert!(l.start >= last && l.end >= l.start && l.end <= text.len());
                prop_assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
                let s = &text[l.start..l.end];
                // Only a single visible character (with its zero-width marks) may be
                // wider than the line.
                prop_assert!(str_width(s) <= width || visible_chars(s) == 1);
                last = l.end;
            }
            let shown: String = lines.iter().map(|l| &text[l.start..l.end]).collect::<String>();
            let shown: String = shown.split_whitespace().collect();
            let all: String = text.split_whitespace().collect();
            prop_assert_eq!(shown, all);
        }
    }
}
