//! The outlet that published an article, when the text shows it unmistakably: a wire
//! dateline `(Reuters) —`, a self-reference `News.Az reports`, a byline `By X | Outlet`, a
//! closing `News.Az` or copyright line. A paper the article merely cites (`The Post reports
//! that …`) is not its source, so names are only taken from those positions.

use super::{HEAD_LINES, non_empty_lines, split_front_matter};

/// Wire services and outlets recognised when they stand alone on the last line or after a
/// `Source:` label. Matched case-insensitively; the text's own spelling is returned.
const KNOWN_OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "The Associated Press",
    "AFP",
    "Agence France-Presse",
    "UPI",
    "Xinhua",
    "Xinhua News Agency",
    "TASS",
    "Interfax",
    "Bloomberg",
    "Prensa Latina",
    "EFE",
    "ANSA",
    "dpa",
    "Kyodo",
    "Kyodo News",
    "Yonhap",
    "Anadolu Agency",
    "BBC",
    "BBC News",
    "CNN",
    "CGTN",
    "Global Times",
    "China Daily",
    "People's Daily",
    "Al Jazeera",
    "The Guardian",
    "The New York Times",
    "The Washington Post",
    "The Wall Street Journal",
    "Financial Times",
    "USA Today",
    "Politico",
    "Axios",
    "NPR",
];

/// A dateline's outlet must appear this close to the start of its line.
const MAX_DATELINE_OFFSET: usize = 80;

/// The source outlet, or `None` when the text does not show one clearly.
pub fn source(text: &str) -> Option<String> {
    let (front, body) = split_front_matter(text);
    if let Some(outlet) = front.get(&["source", "publisher", "outlet", "site_name", "site"]) {
        return Some(outlet.to_string());
    }
    let from_head = non_empty_lines(body).take(HEAD_LINES).find_map(|line| {
        dateline(line)
            .or_else(|| byline(line))
            .or_else(|| self_report(line))
    });
    let from_tail = || non_empty_lines(body).next_back().and_then(closing_line);
    from_head.or_else(from_tail).map(str::to_string)
}

/// `WASHINGTON (AP) — …`, `BEIJING, March 8 (Xinhua) -- …`, `(Reuters) - …`.
fn dateline(line: &str) -> Option<&str> {
    let mut search_from = 0;
    while let Some(open) = line.get(search_from..)?.find('(').map(|i| i + search_from) {
        let place = line.get(..open)?;
        if place.chars().count() > MAX_DATELINE_OFFSET || !is_dateline_place(place) {
            return None;
        }
        let inner_start = open + 1;
        let close = line.get(inner_start..)?.find(')')? + inner_start;
        let inner = line.get(inner_start..close)?.trim();
        let after = line.get(close + 1..)?.trim_start();
        if after.starts_with(['-', '–', '—', '―']) && is_outlet_name(inner) {
            return Some(inner);
        }
        search_from = close;
    }
    None
}

/// What precedes a wire credit: nothing, or a place in capitals (`WASHINGTON`,
/// `QUITO, Ecuador, Sept. 26`).
fn is_dateline_place(place: &str) -> bool {
    let first_word = place
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|word| !word.is_empty());
    first_word.is_none_or(|word| {
        word.chars().count() >= 2
            && word
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-')
    })
}

/// `By Jane Doe | Daily Herald`.
fn byline(line: &str) -> Option<&str> {
    let lower = line.get(..3)?.to_ascii_lowercase();
    if lower != "by " || !line.contains('|') {
        return None;
    }
    let outlet = line.rsplit('|').next()?.trim();
    is_outlet_name(outlet).then_some(outlet)
}

/// `…, News.Az reports citing foreign media.`: a site naming itself as the reporter. Only
/// site-style names count: `The Post reports` usually cites another paper.
fn self_report(line: &str) -> Option<&str> {
    line.match_indices(" report").find_map(|(at, _)| {
        let after = line.get(at + " report".len()..)?;
        let verb_ends = ["s", "ed"].iter().any(|ending| {
            after
                .strip_prefix(ending)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
        let name = line
            .get(..at)?
            .rsplit(char::is_whitespace)
            .next()?
            .trim_start_matches(['(', '"', '“', '—', '-']);
        (verb_ends && is_domain_like(name)).then_some(name)
    })
}

/// A closing line that names the outlet: `News.Az`, `Reuters`, `© 2024 Daily Herald`,
/// `Source: Xinhua`.
fn closing_line(line: &str) -> Option<&str> {
    let line = line.trim_end_matches('.');
    if is_domain_like(line) {
        return Some(line);
    }
    if let Some(name) = known_outlet(line) {
        return Some(name);
    }
    if let Some((label, name)) = line.split_once(':') {
        let name = name.trim();
        if label.trim().eq_ignore_ascii_case("source")
            && (is_domain_like(name) || known_outlet(name).is_some())
        {
            return Some(name);
        }
    }
    copyright_holder(line)
}

fn known_outlet(name: &str) -> Option<&str> {
    let name = name.trim();
    KNOWN_OUTLETS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(name))
        .then_some(name)
}

/// `© 2024 Daily Herald. All rights reserved`, `Copyright 2019-2024 Daily Herald`.
fn copyright_holder(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix('©')
        .or_else(|| line.strip_prefix("(c)"))
        .or_else(|| line.strip_prefix("(C)"))
        .or_else(|| line.strip_prefix("Copyright"))?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '©' | '-' | '–' | ',')
    });
    let holder = match rest.find(". ") {
        Some(end) => rest.get(..end)?,
        None => rest,
    };
    let holder = holder.trim().trim_end_matches('.');
    is_outlet_name(holder).then_some(holder)
}

/// A short capitalised name without digits or sentence punctuation: `Reuters`, `AP`,
/// `Prensa Latina`, `Agence France-Presse`.
fn is_outlet_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=4).contains(&words)
        && name.len() <= 40
        && name.chars().next().is_some_and(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '&' | '\'' | '’' | '-'))
}

/// A site name like `News.Az`, `trend.az` or `www.example.org`: dot-separated parts of at
/// least two characters, the last one letters only. `U.S.` and `a.m.` do not qualify.
pub(super) fn is_domain_like(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    let last_is_letters = parts
        .last()
        .is_some_and(|last| last.chars().all(|c| c.is_ascii_alphabetic()));
    parts.len() >= 2
        && token.len() <= 40
        && token.starts_with(|c: char| c.is_ascii_alphabetic())
        && last_is_letters
        && parts.iter().all(|part| {
            part.len() >= 2 && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Option<String> {
        source(text)
    }

    #[test]
    fn closing_site_name_line() {
        let text =
            "Title\n\nThe ministry said so, Daily.Example reports.\n\nMore.\n\nDaily.Example";
        assert_eq!(s(text).as_deref(), Some("Daily.Example"));
        assert_eq!(s("Title\n\nBody.\n\nReuters\n").as_deref(), Some("Reuters"));
        assert_eq!(
            s("Title\n\nBody.\nSource: Xinhua").as_deref(),
            Some("Xinhua")
        );
    }

    #[test]
    fn self_reporting_site() {
        let text = "Title\n\nThe spokesperson dismissed the claims, Trend.Az reports citing media.";
        assert_eq!(s(text).as_deref(), Some("Trend.Az"));
    }

    #[test]
    fn a_cited_paper_is_not_the_source() {
        let text = "Title\n\nThe New York Post reports that the team avoided the hospital.";
        assert_eq!(s(text), None);
        let text = "Title\n\nThe minister said so, according to Xinhua.";
        assert_eq!(s(text), None);
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            s("Title\n\nLIMA (Reuters) - Peru's congress voted ...").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            s("Title\n\nWASHINGTON (AP) — The Latest on ...").as_deref(),
            Some("AP")
        );
        assert_eq!(
            s("Title\n\nQUITO, Ecuador, Sept. 26 (UPI) — Officials said ...").as_deref(),
            Some("UPI")
        );
        assert_eq!(
            s("Title\n\nBEIJING, March 8 (Xinhua) -- China said ...").as_deref(),
            Some("Xinhua")
        );
    }

    #[test]
    fn parentheses_that_are_not_datelines() {
        let text = "Title\n\nGov. Ann Lee (R-IN) said the plan (announced Monday) is fair.";
        assert_eq!(s(text), None);
        let text = "Title\n\nThe report (2019) - widely read - said so.";
        assert_eq!(s(text), None);
        let text = "Title\n\nSenator Ann Lee (Democrat) — who chairs the panel — said so.";
        assert_eq!(s(text), None);
    }

    #[test]
    fn byline_with_outlet() {
        let text = "Title\nBy Jane Doe | Valley Courier\n\nBody.";
        assert_eq!(s(text).as_deref(), Some("Valley Courier"));
        assert_eq!(s("Title\nBy Jane Doe, staff writer\n\nBody."), None);
    }

    #[test]
    fn copyright_line() {
        let text = "Title\n\nBody.\n\n© 2024 Valley Courier. All rights reserved.";
        assert_eq!(s(text).as_deref(), Some("Valley Courier"));
        assert_eq!(
            s("Title\n\nBody.\n\nCopyright 2019-2024 Valley Courier").as_deref(),
            Some("Valley Courier")
        );
    }

    #[test]
    fn ordinary_closing_lines_are_not_outlets() {
        for last in [
            "Read the rest here.",
            "Staunton Va.",
            "Source: NATO.",
            "John Weinbrecht.",
            "China, partners reject bloc confrontation: interviews",
            "<Suggest To A Friend>",
            "U.S.",
        ] {
            assert_eq!(s(&format!("Title\n\nBody.\n{last}")), None, "{last:?}");
        }
    }

    #[test]
    fn domain_like_names() {
        assert!(is_domain_like("News.Az"));
        assert!(is_domain_like("www.example.org"));
        assert!(!is_domain_like("U.S."));
        assert!(!is_domain_like("U.S"));
        assert!(!is_domain_like("a.m."));
        assert!(!is_domain_like("No.1"));
        assert!(!is_domain_like("2.5"));
        assert!(!is_domain_like("News"));
    }
}
