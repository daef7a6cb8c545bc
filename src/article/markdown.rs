//! Markdown syntax in an article: the bytes that are markup, not text — front matter,
//! heading and block quote markers, list bullets, emphasis and code delimiters, and the
//! brackets and targets of links and images (`[Mayor Ann Lee](https://…)` reads as `Mayor
//! Ann Lee`). The engine reads the article with those bytes blanked and the reader dims
//! them, so every offset stays the file's own: the map between the file and what is read
//! is the identity on the text that remains.

use crate::text::Span;

/// Whether `path` names a Markdown file.
pub fn is_markdown(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The markup of `text`: byte spans, sorted and disjoint, on character boundaries.
pub fn syntax(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let body_start = front_matter_end(text);
    if body_start > 0 {
        out.push(Span::new(0, body_start));
    }
    let mut start = body_start;
    let mut fenced = false;
    for line in text.get(body_start..).unwrap_or("").split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            // A fence line is markup; the code inside stays as it is.
            fenced = !fenced;
            if !trimmed.is_empty() {
                out.push(Span::new(start + indent, start + content.len()));
            }
        } else if !fenced {
            let marker = block_marker(trimmed);
            if marker > 0 {
                out.push(Span::new(start + indent, start + indent + marker));
            }
            let rest = trimmed.get(marker..).unwrap_or("");
            inline(rest, start + indent + marker, &mut out);
        }
        start += line.len();
    }
    out.sort_by_key(|s| s.start);
    out
}

/// How a rendered stretch of a Markdown text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// A heading's text.
    Heading,
    /// `*em*` or `_em_`.
    Em,
    /// `**strong**` or `__strong__`.
    Strong,
    /// `***both***`.
    StrongEm,
}

/// The stretches of `text` that Markdown emphasises (headings, emphasis between paired
/// delimiters), given its markup `syntax`; sorted by start.
pub fn emphasis(text: &str, syntax: &[Span]) -> Vec<(Span, Emphasis)> {
    let mut out = Vec::new();
    let mut start = front_matter_end(text);
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && trimmed.as_bytes().get(hashes).is_none_or(|&b| b == b' ') {
            let from = start + (content.len() - trimmed.len()) + (hashes + 1).min(trimmed.len());
            out.push((Span::new(from, start + content.len()), Emphasis::Heading));
        }
        let end = start + content.len();
        // Delimiter runs of this line, paired innermost first: `**a *b* c**`.
        let first = syntax.partition_point(|s| s.end <= start);
        let mut open: Vec<(u8, usize, usize)> = Vec::new();
        for span in syntax
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|s| s.start < end)
        {
            let bytes = text
                .as_bytes()
                .get(span.start..span.end)
                .unwrap_or_default();
            let Some(&c) = bytes.first() else { continue };
            if !matches!(c, b'*' | b'_') || !bytes.iter().all(|&b| b == c) {
                continue;
            }
            let run = bytes.len();
            match open
                .iter()
                .rposition(|&(oc, orun, _)| oc == c && orun == run)
            {
                Some(k) => {
                    let (_, _, from) = open[k];
                    open.truncate(k);
                    let kind = match run {
                        1 => Emphasis::Em,
                        2 => Emphasis::Strong,
                        _ => Emphasis::StrongEm,
                    };
                    if from < span.start {
                        out.push((Span::new(from, span.start), kind));
                    }
                }
                None => open.push((c, run, span.end)),
            }
        }
        start += line.len();
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// `text` with its markup blanked by spaces (same length, same offsets).
pub fn blank(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        if let Some(part) = bytes.get_mut(s.start..s.end) {
            for b in part.iter_mut().filter(|b| **b != b'\n') {
                *b = b' ';
            }
        }
    }
    // Only whole characters (spans are on boundaries) became spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// Where a `---` front matter block at the very top ends (0: none).
fn front_matter_end(text: &str) -> usize {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return 0;
    };
    if first.trim_end() != "---" {
        return 0;
    }
    let mut end = first.len();
    for line in lines.take(60) {
        end += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return end;
        }
    }
    0
}

/// Length of a leading block marker: `# `…`###### `, `> ` (nested), `- `, `* `, `+ `,
/// `1. `, `1) `.
fn block_marker(line: &str) -> usize {
    let bytes = line.as_bytes();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && bytes.get(hashes).is_none_or(|&b| b == b' ') {
        return (hashes + 1).min(bytes.len());
    }
    let mut k = 0;
    while bytes.get(k) == Some(&b'>') {
        k += 1;
        if bytes.get(k) == Some(&b' ') {
            k += 1;
        }
    }
    if k > 0 {
        return k + block_marker(line.get(k..).unwrap_or(""));
    }
    if matches!(bytes.first(), Some(b'-' | b'*' | b'+')) && bytes.get(1) == Some(&b' ') {
        return 2;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && bytes.get(digits + 1) == Some(&b' ')
    {
        return digits + 2;
    }
    0
}

/// Inline markup of `line` (which starts at byte `at` of the text).
fn inline(line: &str, at: usize, out: &mut Vec<Span>) {
    let bytes = line.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b'!' if bytes.get(k + 1) == Some(&b'[') => {
                if let Some(next) = link(line, k + 1, at, out) {
                    out.push(Span::new(at + k, at + k + 1));
                    k = next;
                    continue;
                }
            }
            b'[' => {
                if let Some(next) = link(line, k, at, out) {
                    k = next;
                    continue;
                }
            }
            b'<' => {
                // `<https://…>`: an autolink is all markup.
                let rest = line.get(k + 1..).unwrap_or("");
                if (rest.starts_with("http://") || rest.starts_with("https://"))
                    && let Some(close) = rest.find('>')
                    && !rest.get(..close).unwrap_or(" ").contains(' ')
                {
                    out.push(Span::new(at + k, at + k + close + 2));
                    k += close + 2;
                    continue;
                }
            }
            b'*' | b'_' | b'`' | b'~' => {
                let c = bytes[k];
                let run = bytes[k..].iter().take_while(|&&b| b == c).count();
                let before = k.checked_sub(1).and_then(|p| bytes.get(p)).copied();
                let after = bytes.get(k + run).copied();
                let space = |b: Option<u8>| b.is_none_or(|b| b.is_ascii_whitespace());
                let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
                // A delimiter touches text on one side and not the other (`**bold**`), and
                // `_` inside a word (`snake_case`) is no delimiter.
                let opens = !space(after) && (space(before) || !word(before));
                let closes = !space(before) && (space(after) || !word(after));
                let delimiter =
                    (c != b'~' || run == 2) && (opens != closes || (c != b'_' && opens && closes));
                if delimiter && run <= 3 {
                    out.push(Span::new(at + k, at + k + run));
                }
                k += run;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
}

/// `[text](target)` or `[text][ref]` opening at `open`: marks the brackets and the target,
/// keeps the text (scanned for emphasis), and returns where scanning goes on.
fn link(line: &str, open: usize, at: usize, out: &mut Vec<Span>) -> Option<usize> {
    let rest = line.get(open + 1..)?;
    let close = open + 1 + rest.find(']')?;
    let after = line.get(close + 1..)?;
    let (closer, end) = if after.starts_with('(') {
        (')', close + 1 + after.find(')')? + 1)
    } else if after.starts_with('[') {
        (']', close + 1 + after.find(']')? + 1)
    } else {
        return None;
    };
    let _ = closer;
    out.push(Span::new(at + open, at + open + 1));
    inline(line.get(open + 1..close)?, at + open + 1, out);
    out.push(Span::new(at + close, at + end));
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> String {
        let blanked = blank(text, &syntax(text));
        blanked.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn links_read_as_their_text() {
        let text = "[Mayor Ann Lee](https://example.org/lee) said the bridge will open.";
        assert_eq!(read(text), "Mayor Ann Lee said the bridge will open.");
        assert_eq!(
            read("See ![a chart](c.png) and [the plan][1]."),
            "See a chart and the plan ."
        );
        assert_eq!(read("Mail <https://example.org/x> now"), "Mail now");
    }

    #[test]
    fn blocks_and_emphasis_are_markup() {
        let text = "---\ntitle: Budget\ndate: 2021-04-05\n---\n# Budget talks stall\n\n> **Critics** said _it_ was late.\n- one item\n12. another\n";
        assert_eq!(
            read(text),
            "Budget talks stall Critics said it was late. one item another"
        );
    }

    #[test]
    fn words_with_underscores_and_lone_stars_stay() {
        assert_eq!(
            read("a snake_case name and 5 * 3 = 15"),
            "a snake_case name and 5 * 3 = 15"
        );
        assert_eq!(read("costs 2*3 dollars"), "costs 2*3 dollars");
    }

    #[test]
    fn code_fences_are_markup_and_their_code_stays() {
        assert_eq!(read("```rust\nlet x = 1;\n```\nDone."), "let x = 1; Done.");
    }

    #[test]
    fn headings_and_paired_emphasis_are_found() {
        let text = "# Budget talks\n\nA **strong** and *light* and ***both*** word, 5 * 3.\n";
        let found: Vec<(&str, Emphasis)> = emphasis(text, &syntax(text))
            .into_iter()
            .map(|(s, e)| (&text[s.start..s.end], e))
            .collect();
        assert_eq!(
            found,
            [
                ("Budget talks", Emphasis::Heading),
                ("strong", Emphasis::Strong),
                ("light", Emphasis::Em),
                ("both", Emphasis::StrongEm)
            ]
        );
    }

    #[test]
    fn only_md_files_are_markdown() {
        assert!(is_markdown(std::path::Path::new("a/b.md")));
        assert!(is_markdown(std::path::Path::new("b.MARKDOWN")));
        assert!(!is_markdown(std::path::Path::new("b.txt")));
    }

    proptest! {
        #[test]
        fn blanking_keeps_every_offset(text in "[-#>*_`~!\\[\\]()<> a-z0-9\n:.é]{0,120}") {
            let spans = syntax(&text);
            let mut end = 0;
            for s in &spans {
                prop_assert!(s.start >= end && s.start <= s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                end = s.end;
            }
            let blanked = blank(&text, &spans);
            prop_assert_eq!(blanked.len(), text.len());
            // Outside the markup every byte is the file's own.
            for (i, (a, b)) in text.bytes().zip(blanked.bytes()).enumerate() {
                let marked = spans.iter().any(|s| s.start <= i && i < s.end);
                prop_assert!(a == b || (marked && b == b' '));
            }
        }
    }
}
