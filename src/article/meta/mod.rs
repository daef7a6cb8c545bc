//! Best-effort metadata read from an article's own text: title, date and source outlet.
//!
//! Every function here is pure and total: on text it cannot read with confidence it returns
//! `None` rather than a guess, and it never panics, whatever the input.

mod date;
mod outlet;
mod path;
mod title;

pub use date::{Date, date, parse_date};
pub use outlet::source;
pub use path::{PathMeta, from_path};
pub use title::title;

/// How many non-empty lines count as the "top" of an article, where datelines, bylines and
/// scraper debris live.
const HEAD_LINES: usize = 5;

/// What an article's text says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

impl Metadata {
    /// Reads title, date and source from `text`.
    pub fn read(text: &str) -> Metadata {
        Metadata {
            title: title(text),
            date: date(text),
            source: source(text),
        }
    }

    /// Reads `text` as [`Metadata::read`] does, then lets the file's name and folders
    /// ([`from_path`]) fill in the date and outlet the text does not give.
    pub fn read_at(path: &std::path::Path, text: &str) -> Metadata {
        let mut meta = Metadata::read(text);
        if meta.date.is_none() || meta.source.is_none() {
            let from_path = from_path(path);
            meta.date = meta.date.or(from_path.date);
            meta.source = meta.source.or(from_path.source);
        }
        meta
    }
}

/// Characters that take no room on screen but survive `str::trim` (byte order mark,
/// zero-width spaces and joiners, word joiner).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}')
}

/// A line without surrounding whitespace, carriage return or invisible characters.
fn trim_line(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// The trimmed non-empty lines of `text`, first to last.
fn non_empty_lines(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.lines().map(trim_line).filter(|line| !line.is_empty())
}

/// The fields of a Markdown front matter block (`---` … `---` at the very top), if any.
#[derive(Debug, Default)]
struct FrontMatter<'a> {
    fields: Vec<(&'a str, &'a str)>,
}

impl<'a> FrontMatter<'a> {
    /// The value of the first of `keys` present (keys compared case-insensitively), without
    /// surrounding quotes.
    fn get(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|key| {
            self.fields
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(key))
                .map(|&(_, value)| value)
                .filter(|value| !value.is_empty())
        })
    }
}

/// Longest front matter block looked for: beyond that, a `---` line is a rule, not a fence.
const MAX_FRONT_MATTER_LINES: usize = 60;

/// Splits a leading front matter block off `text`: returns its fields and the rest.
fn split_front_matter(text: &str) -> (FrontMatter<'_>, &str) {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return (FrontMatter::default(), text);
    };
    if trim_line(first) != "---" {
        return (FrontMatter::default(), text);
    }
    let mut consumed = first.len();
    let mut fields = Vec::new();
    for line in lines.take(MAX_FRONT_MATTER_LINES) {
        consumed += line.len();
        let trimmed = trim_line(line);
        if trimmed == "---" || trimmed == "..." {
            let rest = text.get(consumed..).unwrap_or("");
            return (FrontMatter { fields }, rest);
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            fields.push((key.trim(), value));
        }
    }
    // No closing fence: an ordinary text that happens to start with a rule.
    (FrontMatter::default(), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields_are_read_and_split_off() {
        let text = "---\ntitle: \"Budget talks stall\"\ndate: 2021-04-05\n---\n# Other\nBody.";
        let (front, rest) = split_front_matter(text);
        assert_eq!(front.get(&["title"]), Some("Budget talks stall"));
        assert_eq!(front.get(&["published", "date"]), Some("2021-04-05"));
        assert_eq!(rest, "# Other\nBody.");
    }

    #[test]
    fn unclosed_front_matter_is_ordinary_text() {
        let text = "---\ntitle: x\nno closing fence";
        let (front, rest) = split_front_matter(text);
        assert!(front.fields.is_empty());
        assert_eq!(rest, text);
    }

    #[test]
    fn metadata_from_front_matter() {
        let text = "---\ntitle: Harbour reopens\ndate: 2020-02-29\nsource: Port Weekly\n---\nText.";
        let meta = Metadata::read(text);
        assert_eq!(meta.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(meta.date.as_deref(), Some("2020-02-29"));
        assert_eq!(meta.source.as_deref(), Some("Port Weekly"));
    }

    #[test]
    fn trim_line_removes_invisible_characters() {
        assert_eq!(trim_line("\u{feff} Title\u{200b}\r"), "Title");
    }
}
