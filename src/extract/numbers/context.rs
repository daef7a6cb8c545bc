//! The words around a number: hedges (`more than`, `almost`), determiners that make a
//! small number a reference (`the two sides`) or an ordinal a rank (`the fourth`), and
//! capitalised names that make digits part of a name (`Linjia 7 Salon`).

use super::lexicon::{k, key};

use super::scan::{Word, after_possessive, byte, is_alpha, skip_space_back, word_before};

/// One-word hedges and their normalised names.
const HEDGES: &[(u128, &str)] = &[
    (key("over"), "over"),
    (key("under"), "under"),
    (key("above"), "over"),
    (key("below"), "under"),
    (key("about"), "about"),
    (key("around"), "around"),
    (key("nearly"), "nearly"),
    (key("almost"), "almost"),
    (key("roughly"), "roughly"),
    (key("approximately"), "approximately"),
    (key("some"), "some"),
    (key("circa"), "about"),
    (key("estimated"), "estimated"),
];

/// Words that take `about` as their preposition: after them `about` says what, not how
/// many.
const ABOUT_TAKERS: &[u128] = &keys![
    "question",
    "questions",
    "ask",
    "asked",
    "asking",
    "talk",
    "talked",
    "talking",
    "story",
    "stories",
    "worried",
    "worry",
    "concerned",
    "concerns",
    "think",
    "thinking",
    "thought",
    "know",
    "knew",
    "learn",
    "learned",
    "care",
    "cares",
    "cared",
    "said",
    "says",
    "say",
    "spoke",
    "speak",
    "speaking",
    "wrote",
    "write",
    "writes",
    "news",
    "report",
    "reports",
    "debate",
    "argued",
    "details",
    "joked",
    "complained",
    "information",
    "data",
];

/// Comparatives before `than`.
const COMPARATIVES: &[(u128, &str)] = &[
    (key("more"), "more than"),
    (key("greater"), "more than"),
    (key("higher"), "more than"),
    (key("less"), "less than"),
    (key("lower"), "less than"),
    (key("fewer"), "fewer than"),
];

fn find(table: &[(u128, &'static str)], w: Word) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == w.key).map(|(_, q)| *q)
}

/// A hedge right before `start` (not before `floor`): the normalised qualifier and the
/// start of its words.
pub(super) fn qualifier(b: &[u8], start: usize, floor: usize) -> Option<(&'static str, usize)> {
    let w = word_before(b, start, floor)?;
    let prev = |x: Word| word_before(b, x.start, floor);
    let is = |x: Option<Word>, k: u128| x.filter(|x| x.is(k));
    let (q, from) = if let Some(q) = find(HEDGES, w) {
        // `a question about 529 plans`, `talked about 2016`: the preposition of a word.
        if q == "about" && prev(w).is_some_and(|p| ABOUT_TAKERS.contains(&p.key)) {
            return None;
        }
        // `an estimated 5,000`
        let from = if q == "estimated" {
            is(prev(w), k::AN).unwrap_or(w)
        } else {
            w
        };
        (q, from)
    } else if w.is(key("than")) {
        let p = prev(w)?;
        let q = find(COMPARATIVES, p)?;
        // `no more than` caps the figure, `no fewer than` floors it.
        match (is(prev(p), k::NO).or_else(|| is(prev(p), key("not"))), q) {
            (Some(n), "more than") => ("at most", n),
            (Some(n), _) => ("at least", n),
            (None, q) => (q, p),
        }
    } else if w.is(key("least")) {
        ("at least", is(prev(w), key("at"))?)
    } else if w.is(key("most")) {
        ("at most", is(prev(w), key("at"))?)
    } else if w.is(k::TO) {
        match prev(w) {
            Some(p) if p.is(key("up")) => ("up to", p),
            Some(p) if p.is(key("close")) => ("about", p),
            _ => return None,
        }
    } else if w.is(k::OF) {
        match prev(w) {
            Some(p) if p.is(key("upwards")) => ("over", p),
            Some(p) if p.is(key("excess")) => ("over", is(prev(p), key("in"))?),
            _ => return None,
        }
    } else if w.is(key("as")) {
        let p = prev(w)?;
        let q = if p.is(key("many")) || p.is(key("much")) {
            "up to"
        } else if p.is(key("few")) || p.is(key("little")) {
            "as few as"
        } else {
            return None;
        };
        (q, is(prev(p), key("as"))?)
    } else {
        return None;
    };
    // `just over`, `well below`, `slightly more than`: the intensifier belongs to the hedge.
    let intensified = matches!(
        q,
        "over" | "under" | "more than" | "less than" | "fewer than"
    )
    .then(|| prev(from))
    .flatten()
    .filter(|p| [key("just"), key("well"), key("slightly")].contains(&p.key));
    Some((q, intensified.unwrap_or(from).start))
}

/// Capitalised words that often start a sentence, or precede a year, without naming
/// anything.
const FUNCTION_WORDS: &[u128] = &keys![
    "in",
    "on",
    "at",
    "by",
    "from",
    "since",
    "during",
    "until",
    "till",
    "before",
    "after",
    "of",
    "for",
    "to",
    "about",
    "around",
    "over",
    "under",
    "nearly",
    "almost",
    "some",
    "only",
    "just",
    "and",
    "but",
    "or",
    "with",
    "than",
    "between",
    "within",
    "up",
    "approximately",
    "roughly",
    "exactly",
    "last",
    "next",
    "the",
    "those",
    "these",
    "all",
    "another",
    "more",
    "less",
    "fewer",
    "top",
    "as",
    "also",
    "then",
    "beyond",
    "past",
    "through",
    "via",
    "per",
    "plus",
    "total",
    "when",
    "while",
    "if",
    "each",
    "every",
    "circa",
    "year",
    "fiscal",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether the number at `start` continues a capitalised name (`Linjia 7 Salon`,
/// `Boeing 737`, `Route 66`): the word right before it has a capital letter and is not a
/// function word starting a sentence (`In 2024`).
pub(super) fn in_name(b: &[u8], start: usize) -> bool {
    let Some(w) = word_before(b, start, 0) else {
        return false;
    };
    w.has_capital(b) && !FUNCTION_WORDS.contains(&w.key)
}

/// Whether the word ending at `end` (no space between) is a capitalised name, not a
/// function word or a month (`Smith` in `Smith, 61,`).
pub(super) fn name_ends_at(b: &[u8], end: usize) -> bool {
    let mut start = end;
    while start > 0 && is_alpha(byte(b, start - 1)) && end - start < 16 {
        start -= 1;
    }
    if start == end {
        return false;
    }
    let w = super::scan::word_at(b, start);
    w.end == end
        && w.capitalised(b)
        && !FUNCTION_WORDS.contains(&w.key)
        && !matches!(
            super::lexicon::lookup(w.key),
            Some(super::lexicon::Entry::Month(_) | super::lexicon::Entry::MonthAbbr(_))
        )
}

/// Whether a determiner makes `two` at `start` a pair already named (`the two sides`,
/// `both of the two leaders`); `its two`, `their three children` still count.
pub(super) fn pair_named(b: &[u8], start: usize) -> bool {
    const DEFINITE: &[u128] = &keys!["the", "these", "those", "both"];
    word_before(b, start, 0).is_some_and(|w| DEFINITE.contains(&w.key))
}

/// Whether the ordinal at `start` ranks something: after a definite determiner, a
/// possessive (`Tuesday's fourth meeting`) or a ranking verb (`finished third`).
pub(super) fn ranks(b: &[u8], start: usize) -> bool {
    if after_possessive(b, start) {
        return true;
    }
    const RANKING: &[u128] = &keys![
        "the", "its", "their", "his", "her", "our", "my", "your", "this", "that", "whose",
        "ranked", "ranks", "came", "comes", "finished", "finishes", "placed", "places",
    ];
    word_before(b, start, 0).is_some_and(|w| RANKING.contains(&w.key))
}

/// Whether an indefinite determiner makes the ordinal at `start` mean "another"
/// (`a third country`, `any third party`), or with `of` a fraction (`a third of`).
pub(super) fn indefinite(b: &[u8], start: usize, floor: usize) -> Option<Word> {
    const INDEFINITE: &[u128] = &keys!["a", "an", "any", "another", "every"];
    word_before(b, start, floor).filter(|w| INDEFINITE.contains(&w.key))
}

/// `No. 5`, `no. 5`, `#5`: a rank in a list or an identifier, not a figure.
pub(super) fn numbered(b: &[u8], start: usize) -> bool {
    let end = skip_space_back(b, start, 0);
    let s = b.get(..end).unwrap_or(&[]);
    let no =
        (s.ends_with(b"No.") || s.ends_with(b"no.")) && !is_alpha(byte(b, end.wrapping_sub(4)));
    s.ends_with(b"#") || no
}

/// `1. ` or `2) ` at the start of a line: a list marker.
pub(super) fn list_marker(b: &[u8], start: usize, end: usize) -> bool {
    let mut j = start;
    while j > 0 && matches!(byte(b, j - 1), b' ' | b'\t') {
        j -= 1;
    }
    (j == 0 || byte(b, j - 1) == b'\n')
        && matches!(byte(b, end), b'.' | b')')
        && matches!(byte(b, end + 1), b' ' | b'\t')
}
