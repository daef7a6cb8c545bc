//! From a numeral to a figure: scale, unit, range, kind and value, and the filters that
//! tell a figure from a name or a reference.

use super::context::{definite, in_name, list_marker, numbered, qualifier};
use super::dates::is_year;
use super::lexicon::{Entry, k, lookup};
use super::numeral::{Digits, Spelled, next_word_is, pow10, read_digits, read_spelled};
use super::scan::{
    at_sentence_start, byte, is_alpha, is_digit, next_word, prev_char, skip_space, token_end,
    word_at, word_before,
};
use super::suffix::{Found, Suffix, read_glued, read_scale, read_spaced};
use super::{Outcome, figure_number};
use crate::extract::NumberKind;

/// A numeral with its scale: `17,000`, `1.5 billion`, `two and a half million`.
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
    fn year(&self) -> Option<u64> {
        self.plain.filter(|&v| self.int_digits == 4 && is_year(v))
    }
}

/// ` and a half` at `i`: its end.
fn and_a_half(b: &[u8], i: usize) -> Option<usize> {
    let and = next_word_is(b, i, k::AND)?;
    let a = next_word_is(b, and.end, k::A)?;
    Some(next_word_is(b, a.end, k::HALF)?.end)
}

/// Digits, then `and a half`, then a scale word (`1.5bn`, `400 million`).
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
    let half = and_a_half(b, d.end);
    if let Some(e) = half {
        core.value += 0.5;
        core.base += 0.5;
        core.end = e;
        core.plain = None;
    }
    if let Some((exp, e)) = read_scale(b, core.end, money) {
        let halves = if half.is_some() {
            0.5 * pow10(exp)
        } else {
            0.0
        };
        core.value = d.value(exp) + halves;
        core.end = e;
        core.scaled = true;
        core.plain = None;
    }
    core
}

/// A spelled number, then `and a half` and a scale word (`two and a half million`).
pub(super) fn spelled_core(b: &[u8], sp: &Spelled) -> Core {
    let mut core = Core {
        start: sp.start,
        end: sp.end,
        value: sp.value,
        base: sp.value,
        scaled: sp.scaled,
        spelled: true,
        words: sp.words,
        plain: None,
        int_digits: 0,
    };
    if sp.fraction || sp.scaled {
        return core;
    }
    if let Some(e) = and_a_half(b, sp.end) {
        core.value += 0.5;
        core.base += 0.5;
        core.end = e;
        if let Some(s) = next_word(b, e)
            && let Some(Entry::Scale(exp)) = lookup(s.key)
        {
            core.value *= pow10(u32::from(exp));
            core.end = s.end;
            core.scaled = true;
        }
    }
    core
}

/// A cardinal (digits or words) at `i`: the second end of a range.
fn core_at(b: &[u8], i: usize, money: bool) -> Option<Core> {
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
    Some(spelled_core(b, &sp))
}

/// The unit right after a numeral, glued (`5%`, `16px`, `three-year`) or spaced.
fn suffix_at(b: &[u8], i: usize, scaled: bool) -> Option<Found> {
    read_glued(b, i).or_else(|| {
        let c = byte(b, i);
        (!is_alpha(c) && c != b'-')
            .then(|| read_spaced(b, i, scaled))
            .flatten()
    })
}

/// A dash joining two numerals: `-`, `–`.
fn dash_at(b: &[u8], i: usize) -> Option<usize> {
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
enum RangeEnd {
    Found(Core),
    /// Digits joined by a dash that make no range: a score, a code, a phone number.
    Code,
    None,
}

/// The second end of a range after `c1`: `5-10`, `2017 to 2021`, `2017-18`,
/// `three to five`, `between 3 and 5` (`between` says whether `and` may join).
fn range_after(b: &[u8], c1: &Core, between: bool, money: bool) -> RangeEnd {
    let (j, dash) = match dash_at(b, c1.end) {
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
    // Chains of dashed groups are codes (`555-123-4567`), as are `555-1234` and scores.
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
    if ordered { RangeEnd::Found(c2) } else { code }
}

/// The second term of a proportion: `one in three`, `3 in 10`.
fn ratio_after(b: &[u8], c1: &Core) -> Option<Core> {
    let small = c1.value >= 1.0 && c1.value < 100.0 && c1.value.fract() == 0.0 && !c1.scaled;
    let inn = next_word(b, c1.end).filter(|w| small && w.is(super::lexicon::key("in")))?;
    let c2 = core_at(b, skip_space(b, inn.end), false)?;
    let ok = c2.value > c1.value && c2.year().is_none() && !is_alpha(byte(b, c2.end));
    ok.then_some(c2)
}

/// `8 a.m.`, `5 pm`, `9 o'clock`: a time of day, not a figure.
fn clock(b: &[u8], i: usize) -> bool {
    let Some(w) = next_word(b, i) else {
        return false;
    };
    let dot_m = matches!(byte(b, w.end), b'.') && matches!(byte(b, w.end + 1), b'm' | b'M');
    ((w.is(k::A) || w.is(k::P)) && dot_m)
        || w.is(k::AM)
        || w.is(k::PM)
        || (w.is(k::O) && matches!(byte(b, w.end), b'\'' | 0xE2))
}

/// Turns the numeral `c1` (with its currency sign, if any) into a figure, or rejects it.
pub(super) fn figure(
    b: &[u8],
    floor: usize,
    start: usize,
    c1: Core,
    money: Option<&'static str>,
) -> Outcome {
    let skip_code = || Outcome::Skip(token_end(b, c1.start));
    let mut suffix = suffix_at(b, c1.end, c1.scaled || money.is_some());
    if money.is_some()
        && matches!(
            suffix,
            Some(Found {
                suffix: Suffix::Money(_),
                ..
            })
        )
    {
        suffix = None; // `$5 million dollars`: the sign already said it
    }
    let glued = is_alpha(byte(b, c1.end));
    if glued && suffix.is_none() {
        return skip_code(); // `5G`
    }
    let compound = byte(b, c1.end) == b'-' && is_alpha(byte(b, c1.end + 1)) && suffix.is_none();
    let between = word_before(b, start, floor).filter(|w| w.is(k::BETWEEN));
    let mut range = None;
    if suffix.is_none() && !compound {
        match range_after(b, &c1, between.is_some(), money.is_some()) {
            RangeEnd::Found(c2) => {
                range = Some(c2);
                suffix = suffix_at(b, c2.end, c2.scaled || money.is_some())
                    .filter(|f| !(money.is_some() && matches!(f.suffix, Suffix::Money(_))));
                if is_alpha(byte(b, c2.end)) && suffix.is_none() {
                    return skip_code();
                }
            }
            RangeEnd::Code => return skip_code(),
            RangeEnd::None => {}
        }
    }
    if suffix.is_none()
        && range.is_none()
        && money.is_none()
        && let Some(c2) = ratio_after(b, &c1)
    {
        let (q, start) = qualifier(b, start, floor).map_or((None, start), |(q, s)| (Some(q), s));
        let v = Some(c1.value / c2.value);
        return Outcome::Found(figure_number(start, c2.end, v, None, NumberKind::Count, q));
    }
    let last = range.unwrap_or(c1);
    // A singular duration needs a one (`one year`) or a compound (`three-year`).
    if let Some(f) = suffix
        && matches!(f.suffix, Suffix::Duration(..))
        && f.singular
        && last.value != 1.0
    {
        suffix = None;
    }
    // `one day` tells when, not how long.
    let one_day = matches!(
        suffix,
        Some(Found {
            suffix: Suffix::Duration("day", _),
            ..
        })
    );
    if one_day && c1.spelled && c1.words == 1 && c1.value == 1.0 && range.is_none() {
        return Outcome::Skip(c1.end);
    }
    // `the 14th Five-Year Plan`, `the Big Three`: capitalised words inside a sentence
    // name things; `top-five`, like `F-35`, is glued to a word.
    let capital = byte(b, c1.start).is_ascii_uppercase() && !at_sentence_start(b, c1.start);
    let glued_dash =
        prev_char(b, c1.start) == Some('-') && is_alpha(byte(b, c1.start.wrapping_sub(2)));
    if c1.spelled && (capital || glued_dash) {
        return Outcome::Skip(c1.end);
    }
    let bare = suffix.is_none() && money.is_none() && range.is_none();
    if bare && rejected(b, &c1, compound) {
        return if c1.spelled {
            Outcome::Skip(c1.end)
        } else {
            skip_code()
        };
    }
    let end = suffix.map_or(last.end, |f| f.end);
    let bare_year = bare && is_year_here(b, &c1);
    let duration = matches!(
        suffix,
        Some(Found {
            suffix: Suffix::Duration(..),
            ..
        })
    );
    let (q, mut start) = match qualifier(b, start, floor) {
        // `below 2005 levels`, `around 2010`: prepositions before a year, not hedges.
        Some(("over" | "under" | "about" | "around" | "some", _)) if bare_year => (None, start),
        // `$374 billion over 10 years`: over a span of time, not more than it.
        Some(("over" | "under", _)) if duration => (None, start),
        Some((q, s)) if range.is_none() => (Some(q), s),
        _ => (None, start),
    };
    if let (Some(_), Some(w)) = (range, between) {
        start = w.start;
    }
    let unit = money.or(suffix.map(|f| match f.suffix {
        Suffix::Percent(u) | Suffix::Money(u) | Suffix::Duration(u, _) | Suffix::Measure(u) => u,
    }));
    let (kind, value) = match (range, money, suffix.map(|f| f.suffix)) {
        (Some(c2), None, None) if c1.year().is_some() && c2.plain.is_some() && !c1.spelled => {
            (NumberKind::Year, None)
        }
        (Some(_), ..) => (NumberKind::Range, None),
        (None, Some(_), _) => (NumberKind::Money, Some(c1.value)),
        (None, None, Some(Suffix::Percent(_))) => (NumberKind::Percent, Some(c1.value)),
        (None, None, Some(Suffix::Money(_))) => (NumberKind::Money, Some(c1.value)),
        (None, None, Some(Suffix::Duration(_, m))) => {
            (NumberKind::Duration, Some(c1.value * f64::from(m)))
        }
        (None, None, Some(Suffix::Measure(_))) => (NumberKind::Measure, Some(c1.value)),
        (None, None, None) if q.is_none() && bare_year => (NumberKind::Year, Some(c1.value)),
        (None, None, None) => (NumberKind::Count, Some(c1.value)),
    };
    // `minus 10 degrees`
    let mut value = value;
    if let Some(m) = word_before(b, start, floor).filter(|w| w.is(k::MINUS)) {
        value = value.map(|v| -v);
        start = m.start;
    }
    Outcome::Found(figure_number(start, end, value, unit, kind, q))
}

/// Whether a bare numeral is no figure: part of a name, a list marker, a time of day, a
/// pronoun `one`, a reference (`the two sides`), a compound adjective (`zero-sum`).
fn rejected(b: &[u8], c: &Core, compound: bool) -> bool {
    if c.spelled {
        let pronoun = c.words == 1 && c.value == 1.0 && !c.scaled;
        let time = c.words == 1 && c.value <= 12.0 && clock(b, c.end);
        return pronoun || compound || time || (!c.scaled && definite(b, c.start));
    }
    if compound {
        // `3-D`, `7-Eleven`: a capitalised word after the dash makes a name.
        return word_at(b, c.end + 1).capitalised(b);
    }
    c.plain.is_some()
        && (c.int_digits >= 8 // identifiers, timestamps, phone numbers
            || in_name(b, c.start)
            || numbered(b, c.start)
            || list_marker(b, c.start, c.end)
            || (c.value <= 24.0 && clock(b, c.end)))
}

/// Whether four plain digits are a year here: any from 1900 to 2100, older ones after a
/// preposition of time (`in 1492`).
fn is_year_here(b: &[u8], c: &Core) -> bool {
    let Some(y) = c.year() else {
        return false;
    };
    if (1900..=2100).contains(&y) {
        return true;
    }
    const TIME_WORDS: [u128; 8] = [
        super::lexicon::key("in"),
        super::lexicon::key("since"),
        super::lexicon::key("by"),
        super::lexicon::key("from"),
        super::lexicon::key("until"),
        super::lexicon::key("during"),
        super::lexicon::key("before"),
        super::lexicon::key("after"),
    ];
    word_before(b, c.start, 0).is_some_and(|w| TIME_WORDS.contains(&w.key))
}
