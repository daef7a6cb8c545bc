//! Two numerals joined: ranges (`5-10`, `3 to 5 million`, `between 3 and 5`,
//! `2017-18`), scores and tallies (`19-15`), and proportions (`one in three`,
//! `two out of five`, `1 over 3`).

use super::cardinal::{Core, core_at};
use super::lexicon::{k, key};
use super::scan::{byte, is_alpha, is_digit, next_word, skip_space};
use super::spelled::next_word_is;

/// A dash joining two numerals: `-`, `–`.
pub(super) fn dash_at(b: &[u8], i: usize) -> Option<usize> {
    match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (b'-', _, _) => Some(i + 1),
        (0xE2, 0x80, 0x93) => Some(i + 3),
        _ => None,
    }
}

/// A currency sign repeated at the second end of a range (`$3-$5 million`).
fn skip_sign(b: &[u8], i: usize) -> usize {
    match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (b'$', _, _) => i + 1,
        (0xC2, 0xA3 | 0xA5, _) => i + 2,
        (0xE2, 0x82, 0xAC) => i + 3,
        _ => i,
    }
}

/// How a range was tried after the first numeral.
pub(super) enum RangeEnd {
    Found(Core),
    /// Two counts joined by a dash, the larger first: a score or a tally (`19-15`).
    Score(Core),
    /// Digits joined by a dash that make no range: a code, a phone number.
    Code,
    None,
}

/// The second end of a range after `c1`: `5-10`, `2017 to 2021`, `2017-18`,
/// `three to five`, `between 3 and 5` (`between` says whether `and` may join).
pub(super) fn range_after(b: &[u8], c1: &Core, between: bool, money: bool) -> RangeEnd {
    // `75 -300mm`, `5 - 10`: a spaced dash joins as well.
    let spaced = (byte(b, c1.end) == b' ')
        .then(|| dash_at(b, c1.end + 1))
        .flatten()
        .map(|j| if byte(b, j) == b' ' { j + 1 } else { j })
        .filter(|&j| is_digit(byte(b, j)) && !c1.spelled);
    let (j, dash) = match dash_at(b, c1.end).or(spaced) {
        Some(j) => (j, true),
        None => match next_word(b, c1.end) {
            Some(w) if w.is(k::TO) || (between && w.is(k::AND)) => (skip_space(b, w.end), false),
            _ => return RangeEnd::None,
        },
    };
    let j = if money { skip_sign(b, j) } else { j };
    let Some(c2) = core_at(b, j, money) else {
        return RangeEnd::None;
    };
    let code = if dash && !c1.spelled {
        RangeEnd::Code
    } else {
        RangeEnd::None
    };
    // Chains of dashed groups are codes (`555-123-4567`), as is `555-1234`.
    if dash && (dash_at(b, c2.end).is_some_and(|x| is_digit(byte(b, x)))) {
        return code;
    }
    if dash && c1.int_digits == 3 && c2.int_digits == 4 {
        return code;
    }
    let ordered = match (c1.year(), c2.plain) {
        (Some(y), Some(v)) if dash && c2.int_digits == 2 => v > y % 100,
        _ => c1.value < c2.value || (!c1.scaled && c1.base < c2.base),
    };
    if ordered {
        return RangeEnd::Found(c2);
    }
    let counts = |c: &Core| c.plain.is_some_and(|v| v < 1000) && c.year().is_none();
    if dash && !money && counts(c1) && counts(&c2) && !is_alpha(byte(b, c2.end)) {
        return RangeEnd::Score(c2);
    }
    code
}

/// A range's low and high ends: a scale word on the second end scales the first when
/// it has none (`3 to 5 million`), and a two-digit year ends in the first's century
/// (`2017-18`).
pub(super) fn ends(c1: &Core, c2: &Core, year_range: bool) -> (f64, f64) {
    if year_range && c2.int_digits == 2 {
        let century = c1.value - c1.value % 100.0;
        return (c1.value, century + c2.value);
    }
    let low = if !c1.scaled && c2.scaled && c2.base != 0.0 {
        c1.base * (c2.value / c2.base)
    } else {
        c1.value
    };
    (low, c2.value)
}

/// The second term of a proportion: `one in three`, `3 in 10`, `two out of five`,
/// `1 over 3`.
pub(super) fn ratio_after(b: &[u8], c1: &Core) -> Option<Core> {
    let small = c1.value >= 1.0 && c1.value < 100.0 && c1.value.fract() == 0.0 && !c1.scaled;
    let w = next_word(b, c1.end).filter(|_| small)?;
    let (at, over) = if w.is(key("in")) {
        (w.end, false)
    } else if w.is(k::OUT) {
        (next_word_is(b, w.end, k::OF)?.end, false)
    } else if w.is(k::OVER) {
        (w.end, true)
    } else {
        return None;
    };
    let c2 = core_at(b, skip_space(b, at), false)?;
    // `1 over 3`, not `one over 20 years`: after `over`, nothing may follow but the end
    // of the clause.
    let clause_ends = !is_alpha(byte(b, skip_space(b, c2.end))) || byte(b, c2.end) == b'\n';
    let ok = c2.value > c1.value
        && c2.year().is_none()
        && !is_alpha(byte(b, c2.end))
        && (!over || clause_ends);
    ok.then_some(c2)
}
