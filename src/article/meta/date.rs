//! Calendar dates written in an article: `2025-02-07`, `March 2, 2022`, `Feb. 7, 2022`,
//! `7 March 2022`. Only complete dates (with a year) that exist in the calendar are taken.

use std::fmt;

use super::{HEAD_LINES, non_empty_lines, split_front_matter};

/// At the bottom only a line that starts with a date (`Published: 9 November 2021`) gives
/// the date, not a date inside the body's last paragraph.
const TAIL_LINES: usize = 3;

/// Words that announce a date in page furniture (`Date:`, `Published on`, `Last updated`).
const DATE_LABELS: &[&str] = &[
    "date",
    "dated",
    "published",
    "posted",
    "updated",
    "modified",
    "last",
];

/// Words that may follow a label before the date (`Posted on Monday, 7 March 2022`); alone
/// they would start a sentence (`On March 2, 2022, the ministry …`).
const AFTER_LABEL: &[&str] = &[
    "on",
    "at",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date, if it exists in the (proleptic Gregorian) calendar; years 1900 to 2199,
    /// the range a news article's date can plausibly take.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days_in_month = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day > days_in_month {
            return None;
        }
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The article's date as ISO `YYYY-MM-DD`: from front matter, else the first date in the
/// top lines (dateline, scraper debris, first paragraph), else a short date line at the
/// bottom. `None` when none of these gives a date: a date deep in the body is more likely
/// an event than the publication.
pub fn date(text: &str) -> Option<String> {
    let (front, body) = split_front_matter(text);
    let from_front = front
        .get(&["date", "published", "pubdate", "created"])
        .and_then(first_date_in);
    let from_head = || {
        non_empty_lines(body)
            .take(HEAD_LINES)
            .find_map(first_date_in)
    };
    let from_tail = || {
        non_empty_lines(body)
            .rev()
            .take(TAIL_LINES)
            .find_map(|line| leading_date(line).map(|(date, _, _)| date))
    };
    from_front
        .or_else(from_head)
        .or_else(from_tail)
        .map(|d| d.to_string())
}

/// The first date written anywhere in `s`.
pub fn parse_date(s: &str) -> Option<Date> {
    first_date_in(s)
}

fn first_date_in(s: &str) -> Option<Date> {
    let mut previous = ' ';
    for (i, c) in s.char_indices() {
        // A date starts a token: `12025-02-07` and `X2022-03-08` are not dates.
        if c.is_alphanumeric()
            && !previous.is_alphanumeric()
            && let Some((date, _)) = s.get(i..).and_then(date_at)
        {
            return Some(date);
        }
        previous = c;
    }
    None
}

/// A date at the start of `s`, possibly after up to four labels (`Published on:`): the
/// date, whether a label announced it, and the rest of `s` after it.
pub(super) fn leading_date(s: &str) -> Option<(Date, bool, &str)> {
    let mut probe = s.trim_start();
    let mut labels = 0;
    while labels < 4 {
        let word_end = probe.find(char::is_whitespace).unwrap_or(probe.len());
        let word = probe.get(..word_end)?.trim_end_matches([':', ',', '.']);
        let is = |words: &[&str]| words.iter().any(|w| word.eq_ignore_ascii_case(w));
        if !(is(DATE_LABELS) || (labels > 0 && is(AFTER_LABEL))) {
            break;
        }
        probe = probe.get(word_end..)?.trim_start();
        labels += 1;
    }
    let (date, len) = date_at(probe)?;
    Some((date, labels > 0, probe.get(len..)?))
}

/// The date written at the very start of `s`, with its length in bytes.
pub(super) fn date_at(s: &str) -> Option<(Date, usize)> {
    iso_at(s)
        .or_else(|| month_first_at(s))
        .or_else(|| day_first_at(s))
}

/// True when the date at the start of `s` is numeric (`2022-03-08`): such a date at the
/// start of a line is metadata, never the start of a sentence.
pub(super) fn is_numeric_date_at(s: &str) -> bool {
    iso_at(s).is_some()
}

/// `2022-03-08`, `2022/3/8`, `2022.03.08` (one separator throughout).
fn iso_at(s: &str) -> Option<(Date, usize)> {
    let mut cur = Cursor::new(s);
    let year = cur.number(4, 4)?;
    let sep = cur.one_of(&['-', '/', '.'])?;
    let month = cur.number(1, 2)?;
    cur.one_of(&[sep])?;
    let day = cur.number(1, 2)?;
    // `2022-03-08T10:00` is fine; `2022-03-08x` is not a date.
    if cur.peek().is_some_and(|c| c.is_alphanumeric() && c != 'T') {
        return None;
    }
    Some((Date::new(year, month, day)?, cur.pos))
}

/// `March 2, 2022`, `Feb. 7, 2022`, `Sept 26th 2019`.
fn month_first_at(s: &str) -> Option<(Date, usize)> {
    let mut cur = Cursor::new(s);
    let month = month_number(cur.word()?)?;
    cur.one_of(&['.']);
    cur.spaces(1)?;
    let day = cur.number(1, 2)?;
    cur.ordinal_suffix();
    let comma = cur.one_of(&[',']).is_some();
    cur.spaces(if comma { 0 } else { 1 })?;
    let year = cur.number(4, 4)?;
    cur.at_word_end()?;
    Some((Date::new(year, month, day)?, cur.pos))
}

/// `7 March 2022`, `7th of March, 2022`, `7 Feb. 2022`.
fn day_first_at(s: &str) -> Option<(Date, usize)> {
    let mut cur = Cursor::new(s);
    let day = cur.number(1, 2)?;
    cur.ordinal_suffix();
    cur.spaces(1)?;
    let mut month_word = cur.word()?;
    if month_word.eq_ignore_ascii_case("of") {
        cur.spaces(1)?;
        month_word = cur.word()?;
    }
    let month = month_number(month_word)?;
    cur.one_of(&['.']);
    let comma = cur.one_of(&[',']).is_some();
    cur.spaces(if comma { 0 } else { 1 })?;
    let year = cur.number(4, 4)?;
    cur.at_word_end()?;
    Some((Date::new(year, month, day)?, cur.pos))
}

fn month_number(word: &str) -> Option<u32> {
    let month = match word.to_ascii_lowercase().as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

/// A forward reader over a string; every method either consumes what it matched or fails
/// without a trace that matters (callers drop the cursor on failure).
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// An ASCII number of `min..=max` digits, not followed by a further digit.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let rest = self.rest();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if len < min || len > max {
            return None;
        }
        let value = rest.get(..len)?.parse().ok()?;
        self.pos += len;
        Some(value)
    }

    /// The next character if it is one of `options`.
    fn one_of(&mut self, options: &[char]) -> Option<char> {
        let c = self.peek().filter(|c| options.contains(c))?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// A run of letters.
    fn word(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word = rest.get(..len).filter(|w| !w.is_empty())?;
        self.pos += len;
        Some(word)
    }

    /// At least `min` spaces or tabs (not line breaks: a date does not span lines).
    fn spaces(&mut self, min: usize) -> Option<()> {
        let rest = self.rest();
        let len: usize = rest
            .chars()
            .take_while(|&c| c == ' ' || c == '\t' || c == '\u{a0}')
            .map(char::len_utf8)
            .sum();
        if rest.get(..len)?.chars().count() < min {
            return None;
        }
        self.pos += len;
        Some(())
    }

    /// `st`, `nd`, `rd` or `th` right after a day number, if present.
    fn ordinal_suffix(&mut self) {
        let rest = self.rest();
        let is_suffix = ["st", "nd", "rd", "th"].iter().any(|suffix| {
            rest.get(..2)
                .is_some_and(|head| head.eq_ignore_ascii_case(suffix))
                && !rest
                    .get(2..)
                    .is_some_and(|after| after.starts_with(char::is_alphanumeric))
        });
        if is_suffix {
            self.pos += 2;
        }
    }

    /// Succeeds when no letter or digit follows (`2022` in `2022s` is not a year).
    fn at_word_end(&self) -> Option<()> {
        match self.peek() {
            Some(c) if c.is_alphanumeric() => None,
            _ => Some(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn written_forms_are_read() {
        assert_eq!(found("2025-02-07").as_deref(), Some("2025-02-07"));
        assert_eq!(found("on 2021/4/5 at noon").as_deref(), Some("2021-04-05"));
        assert_eq!(found("March 2, 2022").as_deref(), Some("2022-03-02"));
        assert_eq!(
            found("On September 26, 2019 local").as_deref(),
            Some("2019-09-26")
        );
        assert_eq!(found("7 March 2022").as_deref(), Some("2022-03-07"));
        assert_eq!(found("Feb. 7, 2022").as_deref(), Some("2022-02-07"));
        assert_eq!(found("Sept. 26th 2019").as_deref(), Some("2019-09-26"));
        assert_eq!(
            found("the 3rd of June, 2020,").as_deref(),
            Some("2020-06-03")
        );
        assert_eq!(found("(2022-03-08T10:15Z)").as_deref(), Some("2022-03-08"));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(found("2022-02-30"), None);
        assert_eq!(found("2022-13-01"), None);
        assert_eq!(found("February 29, 2023"), None);
        assert_eq!(found("31 April 2020"), None);
        assert_eq!(found("2022-00-10"), None);
        assert_eq!(found("March 0, 2022"), None);
        assert_eq!(found("0999-01-01"), None);
    }

    #[test]
    fn leap_days_follow_the_gregorian_rule() {
        assert_eq!(found("February 29, 2024").as_deref(), Some("2024-02-29"));
        assert_eq!(found("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(found("1900-02-29"), None);
    }

    #[test]
    fn partial_and_embedded_numbers_are_not_dates() {
        assert_eq!(found("Sept. 26 (UPI) —"), None);
        assert_eq!(found("March 2022"), None);
        assert_eq!(found("12025-02-07"), None);
        assert_eq!(found("v2022-03-08"), None);
        assert_eq!(found("2022-03-081"), None);
        assert_eq!(found("March 2, 20221"), None);
        assert_eq!(found("2022-03/08"), None);
        assert_eq!(found("Marching 2, 2022"), None);
        assert_eq!(found("may 123, 2022"), None);
    }

    #[test]
    fn a_date_at_the_top_wins_over_the_body() {
        let text = " date 2022-03-08 According to officials, …\n\nThey met on March 2, 2022.";
        assert_eq!(date(text).as_deref(), Some("2022-03-08"));
    }

    #[test]
    fn a_date_deep_in_the_body_is_not_the_articles_date() {
        let mut text = String::from("Talks resume\n");
        for _ in 0..10 {
            text.push_str("A paragraph without any date at all.\n");
        }
        text.push_str("The accord was signed on 7 March 2022 in Lima, officials said.\n");
        text.push_str("That is all they said about the accord on that occasion, or since.\n");
        assert_eq!(date(&text), None);
    }

    #[test]
    fn a_date_line_at_the_bottom_is_read() {
        let text = "Talks resume\n\nBody text.\n\nPublished: 9 November 2021\n";
        assert_eq!(date(text).as_deref(), Some("2021-11-09"));
        let text = "Talks resume\n\nBody text.\n\n2021-11-09 14:02\n";
        assert_eq!(date(text).as_deref(), Some("2021-11-09"));
    }

    #[test]
    fn leading_dates_with_and_without_labels() {
        let (date, labelled, rest) = leading_date(" Last updated: Feb. 7, 2022 + A").unwrap();
        assert_eq!(
            (date.to_string(), labelled, rest),
            ("2022-02-07".into(), true, " + A")
        );
        let (_, labelled, rest) = leading_date("2022-03-08 Text").unwrap();
        assert_eq!((labelled, rest), (false, " Text"));
        assert!(leading_date("Date night ideas").is_none());
        assert!(leading_date("On March 2, 2022, the ministry said").is_none());
        let (date, labelled, _) = leading_date("Posted on Monday, 7 March 2022").unwrap();
        assert_eq!((date.to_string(), labelled), ("2022-03-07".into(), true));
    }

    #[test]
    fn no_date_gives_none() {
        assert_eq!(date(""), None);
        assert_eq!(date("Headline\n\nNo figures here."), None);
    }
}
