//! What the words around a figure make of it: ages (`Smith, 61,`, `aged 61`),
//! magnitudes (`six figures`), rates (`$400 million a year`), cents (`15 dollars 50`),
//! and names made with numbers (`529 plan`, `401(k)`).

use super::cardinal::Core;
use super::context::name_ends_at;
use super::lexicon::{Entry, k, key, lookup};
use super::numeral::{pow10, read_digits};
use super::scan::{byte, is_alnum, is_alpha, is_digit, next_word, word_at, word_before};

/// A whole number of years a person can be.
fn age_value(c: &Core) -> bool {
    (1.0..=120.0).contains(&c.value) && c.value.fract() == 0.0 && !c.scaled
}

/// `aged 61`, `Jane Smith, 61, said`: the bare number `c` is an age.
pub(super) fn is_age(b: &[u8], c: &Core) -> bool {
    if !age_value(c) {
        return false;
    }
    if word_before(b, c.start, 0).is_some_and(|w| w.is(k::AGED)) {
        return true;
    }
    // `, 61,` right after a capitalised name.
    let comma = c.start.wrapping_sub(2);
    c.start >= 3
        && byte(b, c.start - 1) == b' '
        && byte(b, comma) == b','
        && byte(b, c.end) == b','
        && !c.spelled
        && name_ends_at(b, comma)
}

/// ` figures`, `-figure` after a small number: the end and how many digits
/// (`six figures` is 100,000 to 999,999, not 6).
pub(super) fn figures(b: &[u8], c: &Core) -> Option<(usize, u32)> {
    let n = c.value;
    if !(2.0..=15.0).contains(&n) || n.fract() != 0.0 || c.scaled {
        return None;
    }
    let hyphen = byte(b, c.end) == b'-' && is_alpha(byte(b, c.end + 1));
    let w = if hyphen {
        word_at(b, c.end + 1)
    } else {
        next_word(b, c.end)?
    };
    // `a six-figure salary`, `ran into six figures`; not `three or four figures who …`.
    const INTO: [u128; 10] = keys![
        "into", "in", "to", "reach", "reached", "hit", "topped", "low", "high", "mid",
    ];
    // People are figures too: `four figures who …`, `figures from both parties`.
    const PEOPLE: [u128; 12] = keys![
        "who",
        "that",
        "which",
        "from",
        "in",
        "of",
        "on",
        "like",
        "such",
        "including",
        "with",
        "have",
    ];
    if !(w.is(key("figures")) || w.is(key("figure"))) {
        return None;
    }
    let people = next_word(b, w.end).is_some_and(|x| PEOPLE.contains(&x.key));
    let magnitude =
        hyphen || word_before(b, c.start, 0).is_some_and(|p| INTO.contains(&p.key)) || !people;
    magnitude.then_some((w.end, n as u32))
}

/// The range `n` digits span: 100,000 to 999,999 for six.
pub(super) fn digits_span(n: u32) -> (f64, f64) {
    (pow10(n - 1), pow10(n) - 1.0)
}

/// ` a year`, `-a-year`, ` per month`, ` annually` after a figure: the period and its end.
pub(super) fn per(b: &[u8], i: usize) -> Option<(&'static str, usize)> {
    let first = if byte(b, i) == b'-' && is_alpha(byte(b, i + 1)) {
        word_at(b, i + 1)
    } else {
        next_word(b, i)?
    };
    if first.is(key("annually")) || first.is(key("yearly")) {
        return Some(("year", first.end));
    }
    if !(first.is(k::A) || first.is(k::AN) || first.is(key("per")) || first.is(key("each"))) {
        return None;
    }
    let unit = if byte(b, first.end) == b'-' && is_alpha(byte(b, first.end + 1)) {
        word_at(b, first.end + 1)
    } else {
        next_word(b, first.end)?
    };
    let period = match lookup(unit.key)? {
        Entry::Duration(u, 1) if byte(b, unit.end - 1) != b's' => u,
        _ => return None,
    };
    (!is_alnum(byte(b, unit.end)) || byte(b, unit.end) == b'-').then_some((period, unit.end))
}

/// ` 50` after a whole amount of money (`15 dollars 50`, `17 USD 25`): the cents and
/// their end.
pub(super) fn cents(b: &[u8], i: usize) -> Option<(f64, usize)> {
    if byte(b, i) != b' ' || !is_digit(byte(b, i + 1)) {
        return None;
    }
    let d = read_digits(b, i + 1)?;
    let c = d.plain().filter(|&c| d.int_digits == 2 && c < 100)?;
    let glued = is_alnum(byte(b, d.end))
        || matches!(byte(b, d.end), b'%' | b'-' | b'/' | b':')
        || matches!(byte(b, d.end), b'.' | b',') && is_digit(byte(b, d.end + 1));
    // `15 USD 50 million` is another amount.
    let scaled = next_word(b, d.end).is_some_and(|w| {
        matches!(
            lookup(w.key),
            Some(Entry::Scale(_) | Entry::ScaleAbbr(_) | Entry::Hundred | Entry::Unit(..))
        )
    });
    (!glued && !scaled).then_some((c as f64 / 100.0, d.end))
}

/// Numbers that name something: `401(k)`, `403(b)`, `529 plan`.
pub(super) fn in_product_name(b: &[u8], c: &Core) -> bool {
    let bracketed =
        byte(b, c.end) == b'(' && is_alpha(byte(b, c.end + 1)) && byte(b, c.end + 2) == b')';
    let plan = c.plain == Some(529)
        && next_word(b, c.end).is_some_and(|w| w.is(key("plan")) || w.is(key("plans")));
    bracketed || plan
}

/// ` 2 in`, ` 2 inches` after feet (`12 ft 2 in`): the feet they add and their end.
pub(super) fn inches_after_feet(b: &[u8], i: usize) -> Option<(f64, usize)> {
    if byte(b, i) != b' ' || !is_digit(byte(b, i + 1)) {
        return None;
    }
    let d = read_digits(b, i + 1)?;
    let inches = d.value(0);
    let w = next_word(b, d.end).filter(|_| inches < 12.0 && !d.dotted)?;
    let unit = w.is(key("in")) || w.is(key("inch")) || w.is(key("inches"));
    (unit && byte(b, d.end) == b' ').then_some((inches / 12.0, w.end))
}
