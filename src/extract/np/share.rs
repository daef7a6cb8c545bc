//! Shares of people as subjects, the way polls report them: `one in five say`, `4 in 10
//! said`, `42% say`, `nearly two-thirds said`, `about half agree`, `43 said the same`.

use super::{Np, NpKind};
use crate::extract::doc::Doc;
use crate::extract::numbers::is_cardinal_word;
use crate::text::tokens::TokenKind;

/// Words that hedge a share (`about one in five`, `only 24 percent`).
const HEDGES: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "some",
    "only",
    "just",
    "over",
    "under",
    "barely",
    "fully",
    "approximately",
    "perhaps",
];

/// The share of people whose last token is `last`, not reaching before `floor`; it must
/// open its clause.
pub(crate) fn share_ending_at(doc: &Doc, last: usize, floor: usize) -> Option<Np> {
    let mut first = core_first(doc, last, floor)?;
    while first > floor {
        let p = first - 1;
        if doc.is_lower(p) || p == floor {
            if doc.word_among(p, HEDGES) {
                first = p;
                continue;
            }
            // `more than half`, `at least one in four`, `close to 40 percent`
            let two = p > floor
                && (doc.word_is(p, "than") && doc.word_among(p - 1, &["more", "fewer", "less"])
                    || doc.word_is(p - 1, "at") && doc.word_among(p, &["least", "most"])
                    || doc.word_is(p - 1, "close") && doc.word_is(p, "to"));
            if two {
                first = p - 1;
                continue;
            }
        }
        break;
    }
    let opens = first == floor
        || !doc.is_word(first - 1) && doc.kind(first - 1) != Some(TokenKind::Number)
        || doc.is_lower(first - 1)
            && doc.word_among(first - 1, &["and", "but", "while", "whereas", "yet", "or"]);
    opens.then_some(Np {
        first,
        end: last + 1,
        name: (first, last + 1),
        role: None,
        kind: NpKind::Nominal,
    })
}

/// The first token of the share proper, hedges aside.
fn core_first(doc: &Doc, last: usize, floor: usize) -> Option<usize> {
    let number = |k: usize| doc.kind(k) == Some(TokenKind::Number);
    let cardinal = |k: usize| number(k) || is_cardinal_word(doc.word(k));
    // `42%`, `42 percent`, `42 per cent`
    if last > floor && number(last - 1) && (doc.is_punct(last, '%') || doc.word_is(last, "percent"))
    {
        return Some(last - 1);
    }
    if last > floor + 1 && doc.word_is(last, "cent") && doc.word_is(last - 1, "per") {
        return number(last - 2).then_some(last - 2);
    }
    if cardinal(last) {
        // `one in five`, `4 in 10`, `three out of four`
        if last >= floor + 2 && doc.word_is(last - 1, "in") && cardinal(last - 2) {
            return Some(last - 2);
        }
        if last >= floor + 3
            && doc.word_is(last - 1, "of")
            && doc.word_is(last - 2, "out")
            && cardinal(last - 3)
        {
            return Some(last - 3);
        }
        // `43 said the same`: digits alone, but not a year (`In 2016, said …` is no share).
        let year = doc.word(last).len() == 4 && doc.word(last).starts_with(['1', '2']);
        return (number(last) && !year).then_some(last);
    }
    let w = doc.word(last);
    // `half`, `a third`, `two-thirds`, `three-quarters`
    if w.eq_ignore_ascii_case("half") {
        return Some(last);
    }
    let fraction = ["thirds", "quarters", "fifths"].iter().any(|f| {
        let cut = w.len().saturating_sub(f.len());
        w.get(cut..).is_some_and(|t| t.eq_ignore_ascii_case(f))
            && w.get(..cut).is_some_and(|n| n.ends_with('-'))
    });
    if fraction {
        return Some(last);
    }
    if doc.word_among(last, &["third", "quarter", "fifth"]) && last > floor {
        return doc.word_among(last - 1, &["a", "one"]).then_some(last - 1);
    }
    None
}
