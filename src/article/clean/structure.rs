//! Debris known by its structure: trails, toolbars, separators, code, notices, calls to
//! action, markup.

use super::{Position, has_letter};

/// `Home > Chinese Diplomatic News`: near the top, short parts between separators.
/// A headline `Trump: We will win | CNN` has one `|`; a trail has arrows or three parts.
pub(super) fn breadcrumb(line: &str, words: &[&str], at: Position) -> bool {
    const ARROWS: &[&str] = &[">", "»", "›", "→"];
    const BARS: &[&str] = &["/", "|", "::"];
    if at.from_top > 2
        || words.len() > 12
        || line.ends_with(['.', '!', '?', '"', '”'])
        || line.contains(['"', '“', '”', ':'].as_slice()) && !line.contains("::")
    {
        return false;
    }
    let trail = |separators: &[&str], min_parts: usize| {
        let sizes: Vec<usize> = words
            .split(|w| separators.contains(w))
            .map(<[&str]>::len)
            .collect();
        sizes.len() >= min_parts && sizes.iter().all(|&n| (1..=5).contains(&n))
    };
    trail(ARROWS, 2) || trail(BARS, 3)
}

/// Words a toolbar or share bar is made of.
pub(super) const UI_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "copy",
    "link",
    "comment",
    "comments",
    "save",
    "font",
    "size",
    "text",
    "a",
    "aa",
    "a+",
    "a-",
    "a−",
    "px",
    "pt",
    "date",
    "time",
    "views",
    "reply",
    "menu",
    "search",
    "close",
    "listen",
    "play",
    "audio",
    "zoom",
    "reset",
    "updated",
    "published",
    "posted",
];

/// Share words proper: two of them make a share bar.
pub(super) const SHARE_WORDS: &[&str] = &[
    "share",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "copy",
    "comments",
];

pub(super) const GLYPHS: &[char] = &[
    '↺', '↻', '⟲', '⟳', '🔍', '✉', '⎙', '🖨', '☰', '✕', '✖', '▲', '▼', '►', '◄', '▶', '◀', '🔊',
];

/// `date 2025-02-07 + ↺ − 16 px`, `Share Tweet Email Print`: every word a symbol, a figure
/// or a toolbar word, with a sure sign of a toolbar.
pub(super) fn toolbar(words: &[&str]) -> bool {
    if !(2..=12).contains(&words.len()) {
        return false;
    }
    let strip = |w: &str| {
        w.trim_matches(|c: char| ".,:;|()[]".contains(c))
            .to_string()
    };
    let is_ui = |w: &&str| {
        let w = w.trim_matches(|c: char| ".,:;|()[]".contains(c));
        !has_letter(w) || UI_WORDS.iter().any(|u| u.eq_ignore_ascii_case(w))
    };
    // Leaves at the first ordinary word, before any allocation.
    if !words.iter().all(is_ui) {
        return false;
    }
    let stripped: Vec<String> = words.iter().map(|w| strip(w).to_lowercase()).collect();
    let glyph = words.iter().any(|w| w.contains(GLYPHS));
    let pixels = stripped.iter().enumerate().any(|(k, w)| {
        w.strip_suffix("px")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            || (w == "px"
                && k > 0
                && stripped
                    .get(k - 1)
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())))
            || matches!(w.as_str(), "a+" | "a-" | "a−")
    });
    let mut shares: Vec<&str> = stripped
        .iter()
        .map(String::as_str)
        .filter(|w| SHARE_WORDS.contains(w))
        .collect();
    shares.dedup();
    glyph || pixels || shares.len() >= 2
}

/// `___.`, `—-`, `~~~~~.`: no letter and no digit.
pub(super) fn separator(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric) && line.chars().count() >= 2
}

/// Style sheet lines a scraper kept: `.gmobile {`, `width:100%;`, `}`.
pub(super) fn code(line: &str, words: &[&str]) -> bool {
    if matches!(line, "}" | "}." | "};") {
        return true;
    }
    if line.ends_with('{') && words.len() <= 6 && !line.contains(['"', '“']) {
        return true;
    }
    let Some((property, value)) = line.strip_suffix(';').and_then(|l| l.split_once(':')) else {
        return false;
    };
    let property = property.trim();
    !property.is_empty()
        && property.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !value.trim().is_empty()
        && value.len() <= 60
        && !value.contains(';')
}

/// Player and browser notices.
pub(super) fn notice(l: &str, words: &[&str]) -> bool {
    const NOTICES: &[&str] = &[
        "enable javascript",
        "javascript is disabled",
        "javascript is required",
        "your browser does not support",
        "your browser doesn't support",
        "this video is restricted",
        "this video is unavailable",
        "this video is not available",
        "this site uses cookies",
        "we use cookies",
    ];
    words.len() <= 25
        && ["javascript", "browser", "video", "cookies"]
            .iter()
            .any(|k| l.contains(k))
        && NOTICES.iter().any(|n| l.contains(n))
}

/// Verbs that open a call to action.
pub(super) const CTA_VERBS: &[&str] = &[
    "follow",
    "read",
    "share",
    "click",
    "tap",
    "subscribe",
    "sign up",
    "signup",
    "watch",
    "listen",
    "join",
    "download",
    "enter your",
    "send",
    "email",
    "e-mail",
    "contact",
    "reach",
    "see",
    "check out",
    "view",
    "continue reading",
    "get",
    "visit",
    "find",
];

/// What a call to action points at.
pub(super) const CTA_TARGETS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "tiktok",
    "linkedin",
    "telegram",
    "whatsapp",
    "newsletter",
    "podcast",
    "email",
    "e-mail",
    "@",
    "http://",
    "https://",
    " here",
    " below",
    " above",
    "the rest",
    "full story",
    "full article",
    "full interview",
    "full video",
    "full transcript",
    "full report",
    "full text",
    "full trailer",
    "full segment",
    "full speech",
    "this article",
    "this story",
    "this post",
    "this page",
    "the page",
    "our app",
    "our site",
    "our website",
    "our channel",
    "the latest",
    "online",
];

/// `Follow Pam Key on Twitter @pamkeyNEN.`, `Read the rest here.`, `Want more? Sign up for
/// our newsletter.`: every sentence a call to action or a short question, one at least a
/// call to action.
pub(super) fn call_to_action(l: &str, words: &[&str]) -> bool {
    if words.len() > 20 {
        return false;
    }
    let mut called = false;
    for sentence in sentences(l) {
        let s = sentence.trim_matches(|c: char| c.is_whitespace() || "\"“”'‘’-—–•*".contains(c));
        if s.is_empty() {
            continue;
        }
        let opens = CTA_VERBS.iter().any(|v| {
            s.strip_prefix(v)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        });
        // Targets written ` here` match at the start of the sentence too.
        let aims =
            |t: &&str| s.contains(*t) || t.strip_prefix(' ').is_some_and(|t| s.starts_with(t));
        if opens && CTA_TARGETS.iter().any(aims) {
            called = true;
            continue;
        }
        let like_us = ["like", "share", "follow", "subscribe"].iter().any(|v| {
            s.strip_prefix(v).is_some_and(|rest| {
                [
                    " us",
                    " the page",
                    " our page",
                    " this page",
                    " this article",
                    " this story",
                ]
                .iter()
                .any(|o| rest.starts_with(o))
            })
        });
        if like_us {
            called = true;
            continue;
        }
        if s.ends_with('?') && s.split_whitespace().count() <= 8 {
            continue;
        }
        return false;
    }
    called
}

/// The sentences of a line: split after `.`, `!` or `?` followed by a space.
pub(super) fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .char_indices()
            .find(|&(k, c)| {
                matches!(c, '.' | '!' | '?')
                    && rest
                        .get(k + 1..)
                        .is_some_and(|r| r.starts_with(char::is_whitespace))
            })
            .map_or(rest.len(), |(k, _)| k + 1);
        let (sentence, tail) = rest.split_at(cut);
        rest = tail;
        Some(sentence)
    })
}
