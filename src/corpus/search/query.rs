//! The library-wide search's query language, parsed without the index: words (all must
//! occur), `"phrases"`, `word*` prefixes, and filters `speaker:` `source:` `tag:` `kind:`
//! `class:` `after:` `before:` (a value with spaces is quoted: `speaker:"Wang Yi"`).
//! Repeating a filter widens it (`kind:direct kind:mixed` is either); different filters
//! narrow each other. Dates follow the mail clients: `after:` includes its day, `before:`
//! does not, and a year or month stands for its first day.

use std::fmt;

use crate::extract::{ClaimClass, ClaimKind};

/// What one search asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases that must all occur in the sentence.
    pub words: Vec<Word>,
    pub speakers: Vec<String>,
    pub sources: Vec<String>,
    pub tags: Vec<String>,
    pub kinds: Vec<ClaimKind>,
    pub classes: Vec<ClaimClass>,
    /// Earliest date allowed, as `YYYYMMDD`.
    pub after: Option<i64>,
    /// First date excluded, as `YYYYMMDD`.
    pub before: Option<i64>,
}

/// A word or quoted phrase of the query, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// Quoted: its words must occur in this order, side by side.
    pub phrase: bool,
    /// Ends with `*`: its last word may continue (`tarif*` finds `tariffs`).
    pub prefix: bool,
}

impl Query {
    /// Nothing to search for: no words and no filters.
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// True when only the text words are given (no filter narrows the sentences).
    pub fn has_filters(&self) -> bool {
        !(self.speakers.is_empty()
            && self.sources.is_empty()
            && self.tags.is_empty()
            && self.kinds.is_empty()
            && self.classes.is_empty()
            && self.after.is_none()
            && self.before.is_none())
    }
}

/// A query that cannot mean anything: said to the user as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// `kind:` or `class:` with a value that is not one of `expected`.
    Unknown {
        filter: &'static str,
        value: String,
        expected: String,
    },
    /// `after:` or `before:` with something that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date { filter: &'static str, value: String },
    /// A filter with nothing after the colon.
    Empty { filter: &'static str },
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Unknown {
                filter,
                value,
                expected,
            } => write!(f, "{filter}:{value} is not known; try one of {expected}"),
            QueryError::Date { filter, value } => write!(
                f,
                "{filter}:{value} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
            ),
            QueryError::Empty { filter } => write!(f, "{filter}: needs a value"),
        }
    }
}

impl std::error::Error for QueryError {}

const FILTERS: [&str; 7] = [
    "speaker", "source", "tag", "kind", "class", "after", "before",
];

/// Parses what the user typed. An unclosed quote runs to the end (the query is being
/// typed); `name:` with a name that is not a filter is an ordinary word (`10:30`).
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut query = Query::default();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let (filter, after_name) = filter_at(rest);
        let (value, quoted, tail) = value_at(after_name);
        rest = tail.trim_start();
        match filter {
            Some(name) => add_filter(&mut query, name, value)?,
            None if value.is_empty() => {}
            None => query.words.push(word(value, quoted)),
        }
    }
    Ok(query)
}

/// The filter that `s` starts with (`speaker:`), and what follows its colon.
fn filter_at(s: &str) -> (Option<&'static str>, &str) {
    for name in FILTERS {
        if let Some(head) = s.get(..name.len())
            && head.eq_ignore_ascii_case(name)
            && let Some(rest) = s.get(name.len()..).and_then(|r| r.strip_prefix(':'))
        {
            return (Some(name), rest);
        }
    }
    (None, s)
}

/// The value at the start of `s`: a quoted run (to its closing quote, or the end) or a
/// run of non-spaces. Returns it, whether it was quoted, and what follows.
fn value_at(s: &str) -> (&str, bool, &str) {
    if let Some(inner) = s.strip_prefix(['"', '“', '”']) {
        return match inner.find(['"', '“', '”']) {
            Some(end) => {
                let close = inner.get(end..).and_then(|t| t.chars().next());
                let after = end + close.map_or(0, char::len_utf8);
                (
                    inner.get(..end).unwrap_or(""),
                    true,
                    inner.get(after..).unwrap_or(""),
                )
            }
            None => (inner, true, ""),
        };
    }
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    (
        s.get(..end).unwrap_or(""),
        false,
        s.get(end..).unwrap_or(""),
    )
}

fn word(value: &str, quoted: bool) -> Word {
    let trimmed = value.trim();
    let (text, prefix) = match trimmed.strip_suffix('*') {
        Some(stem) => (stem.trim_end(), true),
        None => (trimmed, false),
    };
    Word {
        text: text.to_string(),
        phrase: quoted,
        prefix,
    }
}

fn add_filter(query: &mut Query, filter: &'static str, value: &str) -> Result<(), QueryError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(QueryError::Empty { filter });
    }
    match filter {
        "speaker" => query.speakers.push(value.to_string()),
        "source" => query.sources.push(value.to_string()),
        "tag" => query.tags.push(value.to_string()),
        "kind" => query
            .kinds
            .push(named(filter, value, &ClaimKind::ALL, ClaimKind::as_str)?),
        "class" => query
            .classes
            .push(named(filter, value, &ClaimClass::ALL, ClaimClass::as_str)?),
        "after" => query.after = Some(day(filter, value)?),
        _ => query.before = Some(day(filter, value)?),
    }
    Ok(())
}

/// The value among `all` whose name is `value`, or that `value` uniquely begins
/// (`kind:ind` is `indirect`).
fn named<T: Copy>(
    filter: &'static str,
    value: &str,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<T, QueryError> {
    let lower = value.to_lowercase();
    if let Some(exact) = all.iter().copied().find(|v| name(*v) == lower) {
        return Ok(exact);
    }
    let mut starting = all.iter().copied().filter(|v| name(*v).starts_with(&lower));
    match (starting.next(), starting.next()) {
        (Some(only), None) => Ok(only),
        _ => Err(QueryError::Unknown {
            filter,
            value: value.to_string(),
            expected: all.iter().map(|v| name(*v)).collect::<Vec<_>>().join(", "),
        }),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as `YYYYMMDD` (month and day 0 when not given, so a
/// year or month sorts before its first day).
fn day(filter: &'static str, value: &str) -> Result<i64, QueryError> {
    let bad = || QueryError::Date {
        filter,
        value: value.to_string(),
    };
    let mut parts = value.split(['-', '/']);
    let mut field = |digits: usize, max: i64| -> Result<Option<i64>, QueryError> {
        match parts.next() {
            None => Ok(None),
            Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
                let n: i64 = p.parse().map_err(|_| bad())?;
                if (1..=max).contains(&n) {
                    Ok(Some(n))
                } else {
                    Err(bad())
                }
            }
            Some(_) => Err(bad()),
        }
    };
    let year = field(4, 9999)?.ok_or_else(bad)?;
    let month = field(2, 12)?;
    let dom = if month.is_some() { field(2, 31)? } else { None };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(year * 10_000 + month.unwrap_or(0) * 100 + dom.unwrap_or(0))
}

/// An article's `YYYY-MM-DD` date as `YYYYMMDD`; `None` when it does not start with one.
pub fn article_day(date: &str) -> Option<i64> {
    let head = date.get(..10)?;
    day("date", head).ok().filter(|d| d % 100 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(text: &str, phrase: bool, prefix: bool) -> Word {
        Word {
            text: text.into(),
            phrase,
            prefix,
        }
    }

    #[test]
    fn words_phrases_and_prefixes() {
        let q = parse(r#"  win-win "zero-sum game" tarif*  "#).unwrap();
        assert_eq!(
            q.words,
            vec![
                w("win-win", false, false),
                w("zero-sum game", true, false),
                w("tarif", false, true)
            ]
        );
        assert!(!q.has_filters());
    }

    #[test]
    fn filters_take_plain_or_quoted_values_and_repeat() {
        let q =
            parse(r#"speaker:"Wang Yi" Taiwan SOURCE:cnn kind:direct kind:ind tag:check"#).unwrap();
        assert_eq!(q.speakers, vec!["Wang Yi"]);
        assert_eq!(q.sources, vec!["cnn"]);
        assert_eq!(q.tags, vec!["check"]);
        assert_eq!(q.kinds, vec![ClaimKind::Direct, ClaimKind::Indirect]);
        assert_eq!(q.words, vec![w("Taiwan", false, false)]);
    }

    #[test]
    fn dates_include_after_and_exclude_before() {
        let q = parse("after:2019-09 before:2020").unwrap();
        assert_eq!((q.after, q.before), (Some(20190900), Some(20200000)));
        assert_eq!(parse("after:2019-09-26").unwrap().after, Some(20190926));
        assert_eq!(article_day("2019-09-26"), Some(20190926));
        assert_eq!(article_day("2019-09"), None);
        assert_eq!(article_day("2019-09-26T10:00:00Z"), Some(20190926));
        assert_eq!(article_day("tomorrow"), None);
        assert_eq!(article_day("2019-13-01"), None);
        assert_eq!(article_day("２０１９-09-26"), None);
    }

    #[test]
    fn bad_filters_say_what_was_expected() {
        let e = parse("kind:shouted").unwrap_err();
        assert!(
            e.to_string().contains("direct, indirect, mixed, headline"),
            "{e}"
        );
        assert!(matches!(
            parse("after:26/09/2019"),
            Err(QueryError::Date { .. })
        ));
        assert!(matches!(
            parse("after:2019-00"),
            Err(QueryError::Date { .. })
        ));
        assert_eq!(
            parse("speaker: Taiwan"),
            Err(QueryError::Empty { filter: "speaker" })
        );
        assert!(parse("class:x").is_err());
    }

    #[test]
    fn unknown_names_and_open_quotes_are_words() {
        let q = parse(r#"at 10:30 "unfinished phrase"#).unwrap();
        assert_eq!(
            q.words,
            vec![
                w("at", false, false),
                w("10:30", false, false),
                w("unfinished phrase", true, false)
            ]
        );
        assert!(parse("").unwrap().is_empty());
        assert!(parse(r#"  ""  "#).unwrap().is_empty());
    }
}
