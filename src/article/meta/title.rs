//! An article's title: its first meaningful line, past breadcrumbs, scraper debris, URLs and
//! page furniture; or, for a text that opens straight with a paragraph, a headline-like last
//! line or else the first sentence, shortened.

use super::date::{is_numeric_date_at, leading_date};
use super::{split_front_matter, trim_line};

/// A first line longer than this is a paragraph, not a headline.
const MAX_HEADLINE_CHARS: usize = 150;
/// A title made from a sentence is cut (at a word boundary) to about this many characters.
const MAX_SENTENCE_TITLE_CHARS: usize = 100;

/// The title of the article, or `None` when no line of `text` reads like one.
pub fn title(text: &str) -> Option<String> {
    let (front, body) = split_front_matter(text);
    if let Some(title) = front.get(&["title", "headline"]).map(tidy)
        && !title.is_empty()
    {
        return Some(title);
    }
    let mut lines = body.lines().filter_map(meaningful_line);
    let first = lines.next()?;
    if first.chars().count() <= MAX_HEADLINE_CHARS {
        // `Candidates vie for support;` announces a subtitle on the next line.
        return Some(tidy(first.trim_end_matches([';', ',', ':']).trim_end()));
    }
    // The text opens with a paragraph: some scrapes put the headline at the very end.
    if let Some(last) = lines.next_back().filter(|line| looks_like_headline(line)) {
        return Some(tidy(last));
    }
    Some(shorten(first_sentence(first)))
}

/// The line with markup and leading debris removed, or `None` if nothing worth a title is
/// left.
fn meaningful_line(raw: &str) -> Option<&str> {
    let line = trim_line(raw);
    let line = strip_markdown_marks(line);
    let line = trim_line(strip_debris_prefix(line));
    (!line.is_empty() && !is_junk(line)).then_some(line)
}

/// Removes heading markers (`## Title ##`), a blockquote marker and wrapping emphasis
/// (`**Title**`).
fn strip_markdown_marks(line: &str) -> &str {
    let mut line = line;
    let hashes = line.len() - line.trim_start_matches('#').len();
    let after_hashes = line.get(hashes..).unwrap_or("");
    if (1..=6).contains(&hashes) && after_hashes.starts_with([' ', '\t']) {
        line = after_hashes.trim_end_matches('#').trim();
    }
    if let Some(quoted) = line.strip_prefix("> ") {
        line = quoted.trim();
    }
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = line
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
        {
            line = inner.trim();
            break;
        }
    }
    line
}

/// Skips leading scraper debris: labelled dates (` date 2025-02-07`), numeric dates, times,
/// symbol-only tokens (`+ ↺ −`), font-size widgets (`16 px`, `A+`).
fn strip_debris_prefix(line: &str) -> &str {
    let mut rest = line;
    let mut after_date = false;
    loop {
        let current = rest.trim_start();
        let (token, after) = split_token(current);
        if token.is_empty() {
            return "";
        }
        if let Some((_, labelled, after)) = leading_date(current) {
            let next = split_token(after.trim_start()).0;
            // A bare written-out date only counts as debris when more debris or nothing
            // follows: `March 2, 2022 was a turning point` is a sentence.
            if labelled || is_numeric_date_at(current) || next.is_empty() || is_symbols(next) {
                rest = after;
                after_date = true;
            } else {
                return current;
            }
        } else if is_symbols(token) || is_size_widget(token) {
            rest = after;
        } else if is_font_size(token, after) {
            rest = split_token(after.trim_start()).1;
        } else if after_date && (is_time(token) || is_time_zone(token)) {
            rest = after;
        } else {
            return current;
        }
    }
}

/// The first whitespace-separated token of `s` (which starts with no whitespace) and the
/// rest after it.
fn split_token(s: &str) -> (&str, &str) {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    s.split_at(end)
}

fn is_symbols(token: &str) -> bool {
    !token.is_empty() && !token.chars().any(char::is_alphanumeric)
}

/// Text-size buttons: `A+`, `A-`, `A−`, `Aa`.
fn is_size_widget(token: &str) -> bool {
    matches!(token, "A+" | "A-" | "A−" | "A–" | "Aa" | "AA")
}

/// `16px`, or `16` followed by `px`/`pt`/`em`.
fn is_font_size(token: &str, after: &str) -> bool {
    const UNITS: [&str; 4] = ["px", "pt", "em", "rem"];
    let digits = token.trim_end_matches(char::is_alphabetic);
    let unit = token.get(digits.len()..).unwrap_or("");
    let numeric = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !numeric {
        return false;
    }
    if unit.is_empty() {
        let next = split_token(after.trim_start()).0;
        UNITS.contains(&next)
    } else {
        UNITS.contains(&unit)
    }
}

/// `10:45`, `10:45:12`, `9:05pm`.
fn is_time(token: &str) -> bool {
    let token = token.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ',');
    let mut parts = token.split(':');
    let hour_ok = parts
        .next()
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    hour_ok
        && (1..=2).contains(&rest.len())
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_time_zone(token: &str) -> bool {
    let zone = token.trim_matches(|c: char| c == '(' || c == ')' || c == ',');
    let letters = zone.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
    matches!(
        letters,
        "GMT"
            | "UTC"
            | "BJT"
            | "CST"
            | "EST"
            | "EDT"
            | "PST"
            | "PDT"
            | "CET"
            | "CEST"
            | "AM"
            | "PM"
            | "am"
            | "pm"
    )
}

/// Lines that are not content: only symbols, URLs, site names, whole-line tags, breadcrumbs,
/// bylines, captions and page furniture.
fn is_junk(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
        || is_link(line)
        || is_whole_line_tag(line)
        || is_breadcrumb(line)
        || is_furniture(line)
        || is_byline(line)
        || is_label_line(line)
}

/// A URL, e-mail address or bare site name (`News.Az`) alone on its line.
fn is_link(line: &str) -> bool {
    if line.contains(char::is_whitespace) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.contains("://")
        || line.contains('@')
        || super::outlet::is_domain_like(line)
}

/// `<Suggest To A Friend>`, `[Print]`, `![figure](img.png)`.
fn is_whole_line_tag(line: &str) -> bool {
    (line.starts_with('<') && line.ends_with('>'))
        || (line.starts_with('[') && line.ends_with(']'))
        || (line.starts_with("![") && line.ends_with(')'))
}

/// `Home > Chinese Diplomatic News`, `News » World » Asia`, `Home | World`.
fn is_breadcrumb(line: &str) -> bool {
    const SEPARATORS: [char; 4] = ['>', '»', '›', '→'];
    if line.contains(SEPARATORS) {
        let parts: Vec<&str> = line
            .split(SEPARATORS)
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        if parts.len() >= 2
            && parts.iter().all(|part| {
                part.split_whitespace().count() <= 6 && !part.ends_with(['.', '!', '?'])
            })
        {
            return true;
        }
    }
    let (first, rest) = split_token(line);
    first.eq_ignore_ascii_case("home") && rest.trim_start().starts_with(['|', '/', ':'])
}

/// Navigation and sharing widgets that scrapes leave on their own line.
fn is_furniture(line: &str) -> bool {
    const FURNITURE: &[&str] = &[
        "advertisement",
        "skip to content",
        "skip to main content",
        "menu",
        "home",
        "search",
        "share",
        "share this",
        "share this article",
        "share on facebook",
        "share on twitter",
        "print",
        "email",
        "e-mail",
        "subscribe",
        "sign in",
        "log in",
        "close",
        "loading",
        "related",
        "related articles",
        "read more",
        "comments",
        "listen",
        "listen to this article",
        "font size",
        "text size",
    ];
    let words = line
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    FURNITURE.contains(&words.as_str())
}

/// `By Jane Doe`, `BY JANE DOE AND JOHN ROE`, `Written by …`: short, no sentence.
fn is_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    let starts = ["by ", "written by ", "posted by ", "reporting by "]
        .iter()
        .any(|prefix| lower.starts_with(prefix));
    starts && line.split_whitespace().count() <= 8 && !line.contains(':')
}

/// `Photo: Xinhua`, `Source: NATO`, `Tags: China, LAC`.
fn is_label_line(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "photo",
        "photos",
        "file photo",
        "image",
        "images",
        "source",
        "editor",
        "editors",
        "tags",
        "tag",
        "keywords",
        "category",
        "categories",
        "author",
        "authors",
        "caption",
        "credit",
        "credits",
        "see also",
        "read more",
        "read also",
        "related",
    ];
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str()) && line.split_whitespace().count() <= 8
}

/// A short last line that reads like a headline: a few capitalised words, no sentence end,
/// no link or credit.
fn looks_like_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    let starts_upper = line.chars().next().is_some_and(char::is_uppercase);
    let ends_open = !line.ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '\'', '’', ')']);
    let has_credit = line.contains(['@', '©', '|']) || line.contains("://");
    (20..=120).contains(&chars)
        && (3..=20).contains(&words)
        && starts_upper
        && ends_open
        && !has_credit
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "etc", "inc", "corp", "co", "ltd", "approx", "dept", "est", "rev", "hon", "pres",
    "amb",
];

/// Abbreviations that only abbreviate before a number (`No. 5`, `Vol. 2`): `he said no.`
/// ends a sentence.
const NUMBERING_ABBREVIATIONS: &[&str] = &["no", "nos", "vol", "fig", "pp", "art"];

/// Words a shortened title should not end on (`… volumes at the…`).
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "at", "on", "for", "from", "with", "by", "and", "or",
    "but", "as", "that", "which", "who", "its", "their", "his", "her",
];

/// The first sentence of a paragraph (all of it when no sentence end is found).
/// Only the start of a long paragraph is searched: a sentence longer than that is cut anyway.
fn first_sentence(paragraph: &str) -> &str {
    let window_end = paragraph
        .char_indices()
        .nth(2 * MAX_SENTENCE_TITLE_CHARS)
        .map_or(paragraph.len(), |(i, _)| i);
    let window = paragraph.get(..window_end).unwrap_or(paragraph);
    let end = sentence_end(window).unwrap_or(window.len());
    window.get(..end).unwrap_or(window).trim()
}

/// Byte offset just past the first sentence-ending mark (and any closing quotes) that is
/// followed by a new sentence.
fn sentence_end(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, close)) = chars.peek() {
            if !matches!(close, '"' | '”' | '’' | '\'' | ')' | ']') {
                break;
            }
            end = j + close.len_utf8();
            chars.next();
        }
        let after = text.get(end..).unwrap_or("");
        let next = after.trim_start().chars().next();
        let spaced = after.starts_with(char::is_whitespace);
        let starts_sentence =
            next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'(".contains(n));
        if (spaced || next.is_none())
            && starts_sentence
            && !(c == '.' && is_abbreviation(text, i, next))
        {
            return Some(end);
        }
    }
    None
}

/// True when the period at byte `dot` closes an abbreviation or initial (`U.S.`, `Mr.`, `J.`);
/// `next` is the first character after the following space.
fn is_abbreviation(text: &str, dot: usize, next: Option<char>) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let word_start = before
        .rfind(|c: char| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |i| {
            i + before
                .get(i..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8)
        });
    let word = before.get(word_start..).unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let listed = |list: &[&str]| list.iter().any(|a| word.eq_ignore_ascii_case(a));
    letters == 1
        || word.contains('.')
        || listed(ABBREVIATIONS)
        || (listed(NUMBERING_ABBREVIATIONS) && next.is_some_and(|n| n.is_ascii_digit()))
}

/// Cuts a sentence to about [`MAX_SENTENCE_TITLE_CHARS`] at a word boundary, marking the cut
/// with `…`.
fn shorten(sentence: &str) -> String {
    let sentence = tidy(sentence);
    let Some((cut, _)) = sentence.char_indices().nth(MAX_SENTENCE_TITLE_CHARS) else {
        return sentence;
    };
    let head = sentence.get(..cut).unwrap_or(&sentence);
    let at_word = match head.rfind(' ').and_then(|space| head.get(..space)) {
        Some(words) if words.chars().count() >= MAX_SENTENCE_TITLE_CHARS / 2 => words,
        _ => head,
    };
    let mut trimmed = at_word;
    loop {
        trimmed = trimmed.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '"' | '“')
        });
        let last_word = trimmed.rsplit(' ').next().unwrap_or("");
        let dangling = DANGLING_WORDS
            .iter()
            .any(|w| last_word.eq_ignore_ascii_case(w));
        match trimmed.rfind(' ') {
            Some(space) if dangling && space > 0 => trimmed = trimmed.get(..space).unwrap_or(""),
            _ => break,
        }
    }
    format!("{trimmed}…")
}

/// Collapses runs of whitespace and drops emphasis markers (`**`, `__`) left inside a line.
fn tidy(line: &str) -> String {
    let line = line.replace("**", "").replace("__", "");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "title_tests.rs"]
mod tests;
