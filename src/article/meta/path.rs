//! What an article's file name and folders say about it: the date and outlet that scrapers
//! and archives write into paths (`cnn_2019-11-20_slug.txt`, `2019-11-20-slug.md`,
//! `…/2019/11/20/slug.txt`). Trusted less than the text itself, so only a fallback.

use std::path::{Component, Path};

use super::date::{Date, date_at};

/// Date and outlet read from a path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PathMeta {
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Longest outlet prefix read from a file name (`outlet_YYYY-MM-DD_…`); beyond that the
/// prefix is a slug, not a name.
const MAX_OUTLET_CHARS: usize = 40;

/// Reads the date and outlet from `path`: the file name first, then the folders above it
/// (`YYYY/MM/DD` or one `YYYY-MM-DD` folder).
pub fn from_path(path: &Path) -> PathMeta {
    let stem = path
        .file_name()
        .and_then(|n| n.to_str())
        .map(|n| n.split('.').next().unwrap_or(n))
        .unwrap_or("");
    let (date, source) = match iso_date_in(stem) {
        Some((date, start)) => (Some(date), outlet_before(stem.get(..start).unwrap_or(""))),
        None => (None, None),
    };
    PathMeta {
        date: date.or_else(|| folder_date(path)).map(|d| d.to_string()),
        source,
    }
}

/// The first `YYYY-MM-DD` (or `YYYY_MM_DD`) in a file stem that stands alone (no digit or
/// letter glued to it), with its start.
fn iso_date_in(stem: &str) -> Option<(Date, usize)> {
    let mut previous = '_';
    for (i, c) in stem.char_indices() {
        if c.is_ascii_digit() && !previous.is_alphanumeric() {
            let rest = stem.get(i..).unwrap_or("");
            let underscored = rest.get(..10).map(|d| d.replace('_', "-"));
            let candidate = underscored.as_deref().unwrap_or(rest);
            if let Some((date, len)) = date_at(candidate)
                && len == 10
                && candidate.as_bytes().get(4) == Some(&b'-')
                && !rest
                    .get(len..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_alphanumeric())
            {
                return Some((date, i));
            }
        }
        previous = c;
    }
    None
}

/// The outlet named before the date in `outlet_YYYY-MM-DD_…`: letters, digits, `-` and
/// `.`, starting with a letter, ended by `_` or a space.
fn outlet_before(prefix: &str) -> Option<String> {
    let name = prefix.strip_suffix(['_', ' '])?.trim();
    let plausible = name.chars().next().is_some_and(char::is_alphabetic)
        && name.chars().count() <= MAX_OUTLET_CHARS
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | ' '));
    plausible.then(|| name.to_string())
}

/// A date spelled by the folders holding the file: `…/2019/11/20/…` or `…/2019-11-20/…`.
fn folder_date(path: &Path) -> Option<Date> {
    let folders: Vec<&str> = path
        .parent()?
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect();
    folders
        .windows(3)
        .rev()
        .find_map(|w| match w {
            [y, m, d]
                if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) =>
            {
                Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
            }
            _ => None,
        })
        .or_else(|| {
            folders.iter().rev().find_map(|name| {
                iso_date_in(name)
                    .filter(|&(_, start)| start == 0 && name.len() == 10)
                    .map(|(d, _)| d)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn meta(path: &str) -> (Option<String>, Option<String>) {
        let m = from_path(Path::new(path));
        (m.date, m.source)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn outlet_date_slug_names() {
        assert_eq!(
            meta("news/cnn_2019-11-20_some-story.txt"),
            (some("2019-11-20"), some("cnn"))
        );
        assert_eq!(
            meta("the-daily-ledger_2021-02-28_budget.md"),
            (some("2021-02-28"), some("the-daily-ledger"))
        );
        assert_eq!(
            meta("wire_2020_02_29_leap.txt"),
            (some("2020-02-29"), some("wire"))
        );
    }

    #[test]
    fn date_first_names_have_no_outlet() {
        assert_eq!(meta("2018-07-04-parade.md"), (some("2018-07-04"), None));
        assert_eq!(
            meta("notes/story-2018-07-04.txt"),
            (some("2018-07-04"), None)
        );
    }

    #[test]
    fn folders_give_the_date_when_the_name_does_not() {
        assert_eq!(
            meta("archive/2017/3/9/harbour.txt"),
            (some("2017-03-09"), None)
        );
        assert_eq!(
            meta("archive/2017-03-09/harbour.txt"),
            (some("2017-03-09"), None)
        );
        assert_eq!(
            meta("2016/01/01/cnn_2019-11-20_x.txt"),
            (some("2019-11-20"), some("cnn")),
            "the name wins over the folders"
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_ignored() {
        assert_eq!(meta("report_2019-13-40_x.txt"), (None, None));
        assert_eq!(meta("id12019-11-20.txt"), (None, None));
        assert_eq!(meta("2019-11-201.txt"), (None, None));
        assert_eq!(meta("x/1234/56/78/a.txt"), (None, None));
        assert_eq!(meta("Boeing 787 story.txt"), (None, None));
        assert_eq!(meta(""), (None, None));
    }

    #[test]
    fn implausible_outlets_are_dropped() {
        assert_eq!(meta("_2019-11-20_x.txt"), (some("2019-11-20"), None));
        assert_eq!(meta("9news_2019-11-20_x.txt"), (some("2019-11-20"), None));
        assert_eq!(meta("a,b_2019-11-20_x.txt"), (some("2019-11-20"), None));
    }

    proptest! {
        #[test]
        fn any_path_reads_without_panicking(path in "[a-z0-9_./ -]{0,40}|\\PC{0,30}") {
            let m = from_path(Path::new(&path));
            if let Some(date) = m.date {
                prop_assert_eq!(date.len(), 10);
            }
        }
    }
}
