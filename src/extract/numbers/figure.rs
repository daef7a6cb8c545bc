//! From a numeral to a figure: unit, range, kind and value, and the filters that tell a
//! figure from a name or a reference.

use super::cardinal::Core;
use super::clock;
use super::context::{in_name, list_marker, numbered, pair_named, qualifier};
use super::kinds;
use super::lexicon::k;
use super::numeral::pow10;
use super::range::{RangeEnd, ends, range_after, ratio_after};
use super::scan::{at_sentence_start, byte, is_alpha, prev_char, token_end, word_at, word_before};
use super::suffix::{Found, Suffix, read_glued, read_spaced};
use super::{Outcome, figure_number};
use crate::extract::NumberKind;

/// The unit right after a numeral, glued (`5%`, `16px`, `three-year`) or spaced.
fn suffix_at(b: &[u8], i: usize, scaled: bool) -> Option<Found> {
    read_glued(b, i).or_else(|| {
        let c = byte(b, i);
        (!is_alpha(c) && c != b'-')
            .then(|| read_spaced(b, i, scaled))
            .flatten()
    })
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
    let whole_hour = c1.plain.is_some() || (c1.spelled && c1.words == 1);
    if money.is_none()
        && whole_hour
        && let Some(t) = clock::spoken(b, c1.start, c1.end, c1.value)
    {
        return Outcome::Found(t);
    }
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
    if suffix.is_none()
        && money.is_none()
        && let Some((end, n)) = kinds::figures(b, &c1)
    {
        let mut num = figure_number(start, end, None, None, NumberKind::Range, None);
        num.range = Some(kinds::digits_span(n));
        return Outcome::Found(num);
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
            RangeEnd::Score(c2) => {
                let n = figure_number(start, c2.end, None, None, NumberKind::Score, None);
                return Outcome::Found(n);
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
    let capital = byte(b, c1.start).is_ascii_uppercase()
        && !at_sentence_start(b, c1.start)
        && !word_at(b, c1.start).all_caps(b);
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
    let mut end = suffix.map_or(last.end, |f| f.end);
    let bare_year = bare && is_year_here(b, &c1);
    let duration = matches!(
        suffix,
        Some(Found {
            suffix: Suffix::Duration(..) | Suffix::Age,
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
        Suffix::Age => "year",
    }));
    let scale = suffix.map_or(1.0, |f| pow10(f.scale));
    let times = match suffix.map(|f| f.suffix) {
        Some(Suffix::Duration(_, m)) => f64::from(m),
        _ => 1.0,
    };
    let year_range = money.is_none()
        && suffix.is_none()
        && !c1.spelled
        && c1.year().is_some()
        && range.is_some_and(|c2| c2.plain.is_some());
    let mut value = Some(c1.value * scale * times);
    let kind = match (range, money, suffix.map(|f| f.suffix)) {
        (Some(_), ..) => NumberKind::Range,
        (None, Some(_), _) | (None, None, Some(Suffix::Money(_))) => NumberKind::Money,
        (None, None, Some(Suffix::Percent(_))) => NumberKind::Percent,
        (None, None, Some(Suffix::Duration(..))) => NumberKind::Duration,
        (None, None, Some(Suffix::Age)) => NumberKind::Age,
        (None, None, Some(Suffix::Measure(_))) => NumberKind::Measure,
        (None, None, None) if q.is_none() && bare_year => NumberKind::Year,
        (None, None, None) if q.is_none() && kinds::is_age(b, &c1) => NumberKind::Age,
        (None, None, None) => NumberKind::Count,
    };
    let mut ends_of = range.map(|c2| {
        let (lo, hi) = ends(&c1, &c2, year_range);
        (lo * scale * times, hi * scale * times)
    });
    if range.is_some() {
        value = None;
    }
    // `15 dollars 50`: cents after a whole amount written with a currency word or code.
    if kind == NumberKind::Money
        && range.is_none()
        && money.is_none()
        && !c1.scaled
        && c1.value.fract() == 0.0
        && let Some((c, e)) = kinds::cents(b, end)
    {
        value = value.map(|v| v + c);
        end = e;
    }
    // `12 ft 2 in`
    if unit == Some("ft")
        && range.is_none()
        && let Some((feet, e)) = kinds::inches_after_feet(b, end)
    {
        value = value.map(|v| v + feet);
        end = e;
    }
    let mut per = None;
    if matches!(
        kind,
        NumberKind::Money | NumberKind::Count | NumberKind::Measure | NumberKind::Percent
    ) && let Some((p, e)) = kinds::per(b, end)
    {
        per = Some(p);
        end = e;
    }
    // `minus 10 degrees`, `negative one`
    if let Some(m) = word_before(b, start, floor).filter(|w| w.is(k::MINUS) || w.is(k::NEGATIVE)) {
        value = value.map(|v| -v);
        ends_of = ends_of.map(|(lo, hi)| (-lo, -hi));
        start = m.start;
    }
    let mut num = figure_number(start, end, value, unit, kind, q);
    num.range = ends_of;
    num.per = per;
    Outcome::Found(num)
}

/// Whether a bare numeral is no figure: part of a name, a list marker, a time of day, a
/// pronoun `one`, a reference (`the two sides`), a compound adjective (`zero-sum`).
fn rejected(b: &[u8], c: &Core, compound: bool) -> bool {
    if c.spelled {
        let signed =
            word_before(b, c.start, 0).is_some_and(|w| w.is(k::MINUS) || w.is(k::NEGATIVE));
        let pronoun = c.words == 1 && c.value == 1.0 && !c.scaled && !signed;
        // `the two sides`, `their two countries`: a pair already named. From three on,
        // `the three men`, `all four charges` count.
        let pair = c.words == 1 && c.value == 2.0 && pair_named(b, c.start);
        return pronoun || compound || pair;
    }
    if compound {
        // `3-D`, `7-Eleven`: a capitalised word after the dash makes a name.
        return word_at(b, c.end + 1).capitalised(b);
    }
    kinds::in_product_name(b, c)
        || c.plain.is_some()
            && (c.int_digits >= 8 // identifiers, timestamps, phone numbers
                || in_name(b, c.start)
                || numbered(b, c.start)
                || list_marker(b, c.start, c.end))
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
    const TIME_WORDS: [u128; 8] = keys![
        "in", "since", "by", "from", "until", "during", "before", "after"
    ];
    word_before(b, c.start, 0).is_some_and(|w| TIME_WORDS.contains(&w.key))
}
