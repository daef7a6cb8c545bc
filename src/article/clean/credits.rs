//! Media and contributor credits, section labels and legal lines.

use super::Position;

pub(super) const AGENCIES: &[&str] = &[
    "getty",
    "getty images",
    "reuters",
    "ap",
    "associated press",
    "afp",
    "epa",
    "xinhua",
    "shutterstock",
    "istock",
    "istockphoto",
    "ap images",
    "upi",
    "anadolu",
    "anadolu agency",
    "efe",
    "tass",
    "alamy",
    "wikimedia commons",
];

/// `Photo: …`, `(AP Photo/…)`, `… via Getty Images`, `Jim Urquhart / Reuters.`, `h/t X`.
pub(super) fn media_credit(line: &str, l: &str, words: &[&str]) -> bool {
    let n = words.len();
    let bare = l.trim_start_matches('(').trim_start();
    const LABELS: &[&str] = &[
        "photo",
        "photos",
        "image",
        "images",
        "picture",
        "pictures",
        "photograph",
        "illustration",
        "credit",
        "file photo",
        "cover photo",
        "featured image",
    ];
    let labelled = LABELS.iter().any(|label| {
        bare.strip_prefix(label).is_some_and(|rest| {
            let rest = rest
                .trim_start_matches("s")
                .trim_start_matches(" credit")
                .trim_start_matches(" by")
                .trim_start_matches(" courtesy")
                .trim_start();
            rest.starts_with([':', '|', '：'])
        })
    });
    if labelled && n <= 12 {
        return true;
    }
    let in_parens = line.starts_with('(') && line.trim_end_matches('.').ends_with(')');
    let first = bare
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if in_parens && ["ap", "afp", "reuters", "getty", "epa", "xinhua", "upi"].contains(&first) {
        return true;
    }
    let trimmed = l.trim_end_matches('.');
    if n <= 6 && trimmed.ends_with("via getty images") {
        return true;
    }
    let ends_with_agency = AGENCIES.iter().any(|a| {
        trimmed
            .strip_suffix(a)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '/']))
    });
    if n <= 5 && ends_with_agency && !line.contains([',', ';', '"', '“', '”']) {
        return true;
    }
    if n <= 5 && slash_credit(line) {
        return true;
    }
    n <= 8 && (bare.starts_with("h/t ") || bare == "h/t")
}

/// `Getty/Instagram.`: capitalised names on both sides of one slash.
pub(super) fn slash_credit(line: &str) -> bool {
    let Some((a, b)) = line.trim_end_matches('.').split_once('/') else {
        return false;
    };
    let capitalised = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphanumeric() || ".-".contains(c))
            })
    };
    !b.contains('/') && capitalised(a) && capitalised(b)
}

/// `(Reporting by …; Editing by …)`, `Contributing: …`, `X contributed.`, `X reported from
/// Y.`, `Source: NATO.`: near the top or the bottom only.
pub(super) fn contributors(line: &str, l: &str, words: &[&str], at: Position) -> bool {
    let edge = at.from_top <= 2 || at.from_bottom <= 2;
    if !edge || words.len() > 20 {
        return false;
    }
    let bare = l.trim_start_matches(|c: char| !c.is_alphanumeric());
    const OPENERS: &[&str] = &[
        "additional reporting",
        "contributing",
        "reporting by",
        "editing by",
        "writing by",
        "compiled by",
        "translated by",
        "co-authored by",
        "written by",
        "edited by",
    ];
    if OPENERS.iter().any(|o| bare.starts_with(o)) {
        return true;
    }
    let end = l.trim_end_matches(['.', ')']);
    let end = [
        "to this report",
        "to this story",
        "to this article",
        "to this post",
    ]
    .iter()
    .find_map(|t| end.strip_suffix(t))
    .map_or(end, str::trim_end);
    let contributed = end.ends_with(" contributed") || end.ends_with(" contributed reporting");
    if contributed {
        return true;
    }
    // `Ann Lee and Bo Kim reported from Kyiv.`: capitalised names, then the words.
    let reported_from = (0..words.len()).any(|k| {
        let is = |n: usize, word: &str| {
            words
                .get(k + n)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        };
        let from_here = (is(0, "reported") && is(1, "from"))
            || (is(0, "contributed") && is(1, "reporting") && is(2, "from"));
        let names: Vec<&&str> = words.iter().take(k).filter(|w| **w != "and").collect();
        from_here
            && !names.is_empty()
            && names.len() <= 8
            && names.iter().all(|w| w.starts_with(char::is_uppercase))
    });
    if reported_from {
        return true;
    }
    let source = bare
        .strip_prefix("sources")
        .or_else(|| bare.strip_prefix("source"));
    source.is_some_and(|rest| rest.trim_start().starts_with(':'))
        && words.len() <= 8
        && !line.contains(['"', '“', '”'])
}

/// Section labels (`Advertisement`, `Related:`, `PREVIOUSLY:`) and legal lines.
pub(super) fn label(line: &str, l: &str, words: &[&str], at: Position) -> bool {
    const LABELS: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "sponsored content",
        "promoted",
        "related",
        "related articles",
        "related stories",
        "related content",
        "related coverage",
        "related news",
        "related links",
        "recommended",
        "recommended for you",
        "read more",
        "read also",
        "also read",
        "see also",
        "more stories",
        "more news",
        "trending",
        "trending now",
        "most popular",
        "most read",
        "top stories",
        "editor's picks",
        "editors' picks",
        "previously",
        "share this",
        "share this article",
        "share this story",
        "abstract",
        "full text",
        "play video",
        "skip ad",
        "back to top",
        "you may also like",
        "don't miss",
        "more on this story",
        "read next",
        "up next",
        "next article",
        "previous article",
        "correction appended",
    ];
    let core = l.trim_matches(|c: char| !c.is_alphanumeric());
    // Labels are at most four words: compare word by word, without building a string.
    if words.len() <= 4
        && LABELS
            .iter()
            .any(|label| label.split(' ').eq(core.split_whitespace()))
    {
        return true;
    }
    let short_lead = ["also on ", "more from ", "more on ", "more about "]
        .iter()
        .any(|p| core.starts_with(p));
    if short_lead && words.len() <= 6 && line.trim_end().ends_with(':') {
        return true;
    }
    // Legal lines close (or open) an article.
    if at.from_top > 2 && at.from_bottom > 4 {
        return false;
    }
    let copyright = l.find("copyright").is_some_and(|k| {
        let after = l.get(k + "copyright".len()..).unwrap_or("").trim_start();
        after.starts_with('©')
            || after.starts_with("(c)")
            || after.chars().take(4).filter(char::is_ascii_digit).count() == 4
    });
    let symbol = l.find('©').is_some_and(|k| {
        let after = l.get(k + '©'.len_utf8()..).unwrap_or("").trim_start();
        after.chars().take(4).filter(char::is_ascii_digit).count() == 4
    });
    let updated = l.match_indices("this ").any(|(k, _)| {
        let rest = l.get(k + "this ".len()..).unwrap_or("");
        let Some((what, done)) = rest.split_once(' ') else {
            return false;
        };
        ["article", "story", "post", "report"].contains(&what)
            && [
                "has been updated",
                "has been revised",
                "has been corrected",
                "was updated",
                "was revised",
                "was corrected",
            ]
            .iter()
            .any(|d| done.starts_with(d))
    });
    copyright
        || symbol
        || updated
        || l.contains("all rights reserved")
        || l.contains("may not be published, broadcast")
        || l.contains("may not be republished, broadcast")
}
