//! Cardinals with their scale: `17,000`, `1.5 billion`, `3 hundred and 21`,
//! `4 thousand 3 hundred`, `3 dozen`, `two and a half million`, `3 million and a half`.

use super::dates::is_year;
use super::lexicon::{Entry, k, lookup};
use super::numeral::{Digits, pow10, read_digits};
use super::scan::{byte, is_alpha, is_digit, skip_space, word_at};
use super::spelled::{Spelled, mixed_tail, next_word_is, read_spelled};
use super::suffix::{read_dozen, read_scale};

/// A numeral with its scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Core {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    /// The value before its scale word, to order the ends of `3 to 5 million`.
    pub base: f64,
    pub scaled: bool,
    pub spelled: bool,
    /// How many number words it is spelled with (0 for digits).
    pub words: u32,
    /// Digits only: the plain integer (no separators, decimals or scale).
    pub plain: Option<u64>,
    pub int_digits: u32,
}

impl Core {
    /// The year this numeral could be (four plain digits).
    pub(super) fn year(&self) -> Option<u64> {
        self.plain.filter(|&v| self.int_digits == 4 && is_year(v))
    }

    /// A numeral with no scale, read by other means (`3/4`, `1e10`).
    pub(super) fn written(start: usize, end: usize, value: f64, int_digits: u32) -> Core {
        Core {
            start,
            end,
            value,
            base: value,
            scaled: false,
            spelled: false,
            words: 0,
            plain: None,
            int_digits,
        }
    }
}

/// Most groups a number written with digits and scale words has (`1 billion 2 million
/// 3 thousand 4 hundred and 5`): a bound on the look-ahead.
const MAX_GROUPS: usize = 6;

/// Digits, then a mixed tail or a scale word: `2 and a half million`, `1.5bn`,
/// `400 million`, `3 dozen`, `3 million and a half`, `4 thousand 3 hundred and 21`.
pub(super) fn digits_core(b: &[u8], d: &Digits, money: bool) -> Core {
    let mut core = Core {
        start: d.start,
        end: d.end,
        value: d.value(0),
        base: d.value(0),
        scaled: false,
        spelled: false,
        words: 0,
        plain: d.plain(),
        int_digits: d.int_digits,
    };
    if let Some(t) = mixed_tail(b, d.end).filter(|_| d.is_integer()) {
        core.base += t.fraction;
        core.value = core.base * t.scale.map_or(1.0, pow10);
        core.end = t.end;
        core.plain = None;
        core.scaled = t.scale.is_some();
        return core;
    }
    if let Some(end) = read_dozen(b, d.end) {
        core.value *= 12.0;
        core.end = end;
        core.scaled = true;
        core.plain = None;
        return core;
    }
    // `2.33 k`: a spaced `k` only after decimals (`5 k` is too often a letter).
    let spaced_k = (d.frac_digits > 0)
        .then(|| super::scan::next_word(b, d.end))
        .flatten()
        .filter(|w| w.bytes(b) == b"k" && w.start > d.end && !is_alpha(byte(b, w.end)))
        .map(|w| (3, w.end));
    if let Some((exp, e)) = read_scale(b, core.end, money).or(spaced_k) {
        core.value = d.value(exp);
        core.end = e;
        core.scaled = true;
        core.plain = None;
        match mixed_tail(b, e) {
            Some(t) if t.scale.is_none() => {
                core.value += t.fraction * pow10(exp);
                core.end = t.end;
            }
            _ => more_groups(b, &mut core, exp, money),
        }
    }
    core
}

/// The groups after a scale word: `4 thousand 3 hundred and 21`, `6 crore and two
/// hundred`. A group needs its own scale word, or `and` before it, to belong.
fn more_groups(b: &[u8], core: &mut Core, exp: u32, money: bool) {
    let mut last = exp;
    for _ in 0..MAX_GROUPS {
        if last < 2 {
            return;
        }
        let and = next_word_is(b, core.end, k::AND);
        let j = skip_space(b, and.map_or(core.end, |a| a.end));
        if j == core.end {
            return;
        }
        let limit = pow10(last);
        if is_digit(byte(b, j)) {
            let Some(d) = read_digits(b, j).filter(|d| d.plain().is_some() && !d.dotted) else {
                return;
            };
            match read_scale(b, d.end, money) {
                Some((e, end)) if e < last && d.value(e) < limit => {
                    core.value += d.value(e);
                    core.end = end;
                    last = e;
                }
                None if and.is_some()
                    && d.value(0) >= 1.0
                    && d.value(0) < limit
                    && !is_alpha(byte(b, d.end)) =>
                {
                    core.value += d.value(0);
                    core.end = d.end;
                    return;
                }
                _ => return,
            }
        } else if is_alpha(byte(b, j)) && and.is_some() {
            let w = word_at(b, j);
            let Some(e) = lookup(w.key).filter(|e| matches!(e, Entry::Small(1..) | Entry::Tens(_)))
            else {
                return;
            };
            if let Some(sp) = read_spelled(b, w, e, false)
                .filter(|s| !s.ordinal && !s.fraction && s.value < limit)
            {
                core.value += sp.value;
                core.end = sp.end;
            }
            return;
        } else {
            return;
        }
    }
}

/// A spelled number as a core (its scale and mixed tail are read with it).
pub(super) fn spelled_core(sp: &Spelled) -> Core {
    Core {
        start: sp.start,
        end: sp.end,
        value: sp.value,
        base: sp.value,
        scaled: sp.scaled,
        spelled: true,
        words: sp.words,
        plain: None,
        int_digits: 0,
    }
}

/// A cardinal (digits or words) at `i`: the second end of a range.
pub(super) fn core_at(b: &[u8], i: usize, money: bool) -> Option<Core> {
    let c = byte(b, i);
    if is_digit(c) {
        let d = read_digits(b, i).filter(|d| !d.dotted)?;
        return Some(digits_core(b, &d, money));
    }
    if !is_alpha(c) {
        return None;
    }
    let w = word_at(b, i);
    let e = lookup(w.key).filter(|e| matches!(e, Entry::Small(_) | Entry::Tens(_)))?;
    let sp = read_spelled(b, w, e, false).filter(|s| !s.ordinal)?;
    Some(spelled_core(&sp))
}
