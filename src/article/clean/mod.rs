//! Scraper debris and boilerplate: whole lines that are not the article's content
//! (breadcrumbs, toolbars, share/follow/read-more lines, lines of links or markup only,
//! media and contributor credits, labels, legal lines, a trailing lone outlet line) and
//! bare links inside lines. Found by general rules over one trimmed line, its position and
//! its words; shown dimmed and kept out of extraction, while every offset stays the file's.
//!
//! The rules were checked against hand-made attribution gold on 497 real articles: none
//! marks a line holding a quote, its speaker or its cue.

mod credits;
mod links;
mod structure;

use self::credits::{contributors, label, media_credit};
use self::links::{lone_outlet, only_links, only_markup, starts_with_ignore_case};
use self::structure::{breadcrumb, call_to_action, code, notice, separator, toolbar};
use crate::text::Span;

/// Debris in `text`: byte spans, sorted and disjoint, each a whole line's content (without
/// its line break) or a link inside a line.
pub fn debris(text: &str) -> Vec<Span> {
    let lines: Vec<(usize, &str)> = line_starts(text)
        .filter(|(_, line)| !clean(line).is_empty())
        .collect();
    let last = lines.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut words = Vec::new();
    for (i, &(start, raw)) in lines.iter().enumerate() {
        let line = clean(raw);
        let at = Position {
            from_top: i,
            from_bottom: last - i,
        };
        if is_debris_line(line, at, text.get(..start).unwrap_or(""), &mut words) {
            // The trimmed line, so the dimmed part is exactly the debris.
            let lead = raw.len() - raw.trim_start().len();
            let end = start + raw.trim_end().len();
            out.push(Span::new(start + lead, end));
        } else {
            out.extend(
                inline_links(raw)
                    .into_iter()
                    .map(|s| Span::new(start + s.start, start + s.end)),
            );
        }
    }
    out
}

/// Whether byte `offset` lies in one of `debris` (as [`debris`] returns them).
pub fn is_in(debris: &[Span], offset: usize) -> bool {
    let k = debris.partition_point(|s| s.end <= offset);
    debris.get(k).is_some_and(|s| s.start <= offset)
}

/// Where a line sits among the article's non-empty lines.
#[derive(Debug, Clone, Copy)]
struct Position {
    from_top: usize,
    from_bottom: usize,
}

/// Every line with its byte start (line breaks excluded, `\r` kept in the line).
fn line_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, line)
    })
}

/// A line without surrounding whitespace and invisible characters.
fn clean(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
    })
}

/// Longest debris line, in words: every rule below stops well before; most content lines
/// are longer, and leave here after counting their first 31 words.
const MAX_DEBRIS_WORDS: usize = 30;

fn is_debris_line<'l>(line: &'l str, at: Position, before: &str, words: &mut Vec<&'l str>) -> bool {
    // One pass: the words, or out at the first word past the longest debris line.
    words.clear();
    // Scraped text separates words with no-break spaces too (`Home\u{a0}>\u{a0}News`).
    for word in line.split_whitespace() {
        if words.len() == MAX_DEBRIS_WORDS {
            return false;
        }
        words.push(word);
    }
    let words = words.as_slice();
    // Structure first (no lowercasing), then the rules that read words.
    if breadcrumb(line, words, at)
        || toolbar(words)
        || separator(line)
        || code(line, words)
        || only_links(words)
        || only_markup(line)
        || lone_outlet(line, words, at, before)
    {
        return true;
    }
    // The rules below read words in lower case; past 25 words only edge lines can match.
    if words.len() > 25 && at.from_top > 2 && at.from_bottom > 4 {
        return false;
    }
    let l = lower(line);
    notice(&l, words)
        || call_to_action(&l, words)
        || media_credit(line, &l, words)
        || contributors(line, &l, words, at)
        || label(line, &l, words, at)
}

/// Lower case, curly apostrophes straightened.
fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let l = s.to_lowercase();
    if l.contains('’') {
        l.replace('’', "'")
    } else {
        l
    }
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Bare links inside a content line (`https://t.co/…`), as byte spans of the line.
fn inline_links(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // Every link has a slash: most lines leave after one fast byte search.
    if memchr::memchr(b'/', line.as_bytes()).is_none() {
        return out;
    }
    let mut from = 0;
    for word in line.split_whitespace() {
        let Some(k) = line.get(from..).and_then(|r| r.find(word)) else {
            break;
        };
        let start = from + k;
        from = start + word.len();
        let core = word.trim_start_matches(|c: char| "([<\"'“‘".contains(c));
        if ["http://", "https://", "pic.twitter.com/"]
            .iter()
            .any(|p| starts_with_ignore_case(core, p))
        {
            let lead = word.len()
                - word
                    .trim_start_matches(|c: char| "([<\"'“‘".contains(c))
                    .len();
            let tail = word.len()
                - word
                    .trim_end_matches(|c: char| ".,;:)]>\"'”’".contains(c))
                    .len();
            out.push(Span::new(start + lead, from - tail));
        }
    }
    out
}

#[cfg(test)]
mod tests;
