//! Numbers that start with a word: spelled-out numbers, ordinals, fractions (`a
//! quarter of`, `half a million`), multipliers (`threefold`, `twice`), `a decade`,
//! month names, and currency codes written before the amount.

use super::cardinal::{digits_core, spelled_core};
use super::context::{indefinite, qualifier, ranks};
use super::figure::figure;
use super::lexicon::{Entry, k};
use super::numeral::{self, read_digits};
use super::scan::{Word, at_sentence_start, byte, is_alpha, is_digit, skip_space, word_before};
use super::spelled::{Spelled, next_word_is, read_spelled};
use super::{Outcome, dates, figure_number};
use crate::extract::NumberKind;

/// A lexicon word at `w` that may start a number.
pub(super) fn at_word(b: &[u8], floor: usize, w: Word, e: Entry) -> Outcome {
    let skip = Outcome::Skip(w.end);
    match e {
        Entry::Url => {
            let mut j = w.end;
            while j < b.len() && !byte(b, j).is_ascii_whitespace() {
                j += 1;
            }
            Outcome::Skip(j)
        }
        // `USD 50`, `USD50`, `MAUD 60` (millions).
        Entry::Code(code) | Entry::MillionCode(code) if w.all_caps(b) => {
            let j = skip_space(b, w.end);
            match read_digits(b, j) {
                Some(d) if !d.dotted => {
                    let mut core = digits_core(b, &d, true);
                    if matches!(e, Entry::MillionCode(_)) && !core.scaled {
                        core.value *= 1e6;
                        core.scaled = true;
                    }
                    figure(b, floor, w.start, core, Some(code))
                }
                _ => skip,
            }
        }
        Entry::Month(_) | Entry::MonthAbbr(_) => match dates::month_first(b, w) {
            Some(end) => Outcome::Found(figure_number(
                w.start,
                end,
                None,
                None,
                NumberKind::Date,
                None,
            )),
            None => skip,
        },
        Entry::Small(_) | Entry::Tens(_) | Entry::OrdSmall(_) | Entry::OrdTens(_) => {
            match read_spelled(b, w, e, false) {
                Some(sp) if sp.ordinal => ordinal(b, floor, &sp),
                Some(sp) => figure(b, floor, sp.start, spelled_core(&sp), None),
                None => skip,
            }
        }
        Entry::OrdScale(exp)
            if !w.capitalised(b) && fraction_of_one(b, floor, w.start, w.end).is_some() =>
        {
            let (start, q) = fraction_of_one(b, floor, w.start, w.end).unwrap_or((w.start, None));
            let v = Some(1.0 / numeral::pow10(u32::from(exp)));
            Outcome::Found(figure_number(start, w.end, v, None, NumberKind::Count, q))
        }
        Entry::OrdScale(exp) if ranks(b, w.start) && !w.capitalised(b) => {
            let v = Some(numeral::pow10(u32::from(exp)));
            Outcome::Found(figure_number(
                w.start,
                w.end,
                v,
                None,
                NumberKind::Ordinal,
                None,
            ))
        }
        Entry::Hundred | Entry::Scale(_) | Entry::Dozen => after_article(b, floor, w, e),
        Entry::Duration(unit, n) => a_decade(b, floor, w, unit, n),
        Entry::Fraction(d) => fraction_word(b, floor, w, d),
        Entry::Times(n) => multiplier(b, floor, w, n),
        _ => skip,
    }
}

/// `a` or `an` right before `w`, and `half` before that: the start and the multiplier.
fn article_before(b: &[u8], floor: usize, w: Word) -> Option<(usize, f64)> {
    let a = word_before(b, w.start, floor).filter(|a| a.is(k::A) || a.is(k::AN))?;
    Some(match word_before(b, a.start, floor) {
        Some(h) if h.is(k::HALF) => (h.start, 0.5),
        _ => (a.start, 1.0),
    })
}

/// `a million`, `a hundred and five`, `half a dozen`.
fn after_article(b: &[u8], floor: usize, w: Word, e: Entry) -> Outcome {
    let Some((start, times)) = article_before(b, floor, w) else {
        return Outcome::Skip(w.end);
    };
    match read_spelled(b, w, e, true) {
        Some(sp) if !sp.ordinal => {
            let mut core = spelled_core(&sp);
            core.start = start;
            core.value *= times;
            core.base *= times;
            figure(b, floor, start, core, None)
        }
        _ => Outcome::Skip(w.end),
    }
}

/// `a decade`, `half a century`: only these durations count without a numeral.
fn a_decade(b: &[u8], floor: usize, w: Word, unit: &'static str, n: u16) -> Outcome {
    let singular = byte(b, w.end - 1) != b's';
    match article_before(b, floor, w) {
        Some((start, times)) if singular => {
            let (q, start) = qualifier(b, start, floor).unwrap_or(("", start));
            let q = (!q.is_empty()).then_some(q);
            let v = Some(f64::from(n) * times);
            Outcome::Found(figure_number(
                start,
                w.end,
                v,
                Some(unit),
                NumberKind::Duration,
                q,
            ))
        }
        _ => Outcome::Skip(w.end),
    }
}

/// Fractions that start with their denominator: `a quarter of`, `a quarter million`,
/// `half million`, `a quarter of a million dollars`, `another quarter of`, `a half.`,
/// `half the size`.
fn fraction_word(b: &[u8], floor: usize, w: Word, d: u8) -> Outcome {
    let skip = Outcome::Skip(w.end);
    let singular = byte(b, w.end - 1) != b's';
    if !singular {
        return skip;
    }
    let article = word_before(b, w.start, floor)
        .filter(|a| a.is(k::A) || a.is(k::AN) || a.is(k::ONE) || a.is(k::ANOTHER));
    let start = article.map_or(w.start, |a| a.start);
    let share = 1.0 / f64::from(d);
    // `half a million` is found from `million`.
    if w.is(k::HALF) && next_word_is(b, w.end, k::A).is_some() {
        return skip;
    }
    if let Some((exp, end)) = super::spelled::scale_after(b, w.end) {
        let mut core = super::cardinal::Core::written(start, end, share * numeral::pow10(exp), 0);
        core.spelled = true;
        core.scaled = true;
        core.words = 2;
        return figure(b, floor, start, core, None);
    }
    let (q, start) = match qualifier(b, start, floor) {
        Some((q, s)) => (Some(q), s),
        None => (None, start),
    };
    if w.is(k::HALF)
        && article.is_none()
        && super::scan::next_word(b, w.end).is_some_and(|n| HALF_OF.contains(&n.key))
    {
        let v = Some(share);
        return Outcome::Found(figure_number(
            start,
            w.end,
            v,
            None,
            NumberKind::Multiplier,
            q,
        ));
    }
    let of = next_word_is(b, w.end, k::OF).is_some();
    // `a half` alone, not `an hour and a half` (a duration's tail).
    let after_and =
        article.is_some_and(|a| word_before(b, a.start, floor).is_some_and(|x| x.is(k::AND)));
    if article.is_some() && (of || (sentence_ends(b, w.end) && !after_and)) {
        let v = Some(share);
        return Outcome::Found(figure_number(start, w.end, v, None, NumberKind::Count, q));
    }
    skip
}

/// Whether nothing but the end of a clause follows `i` (`expected to double.`).
fn clause_ends(b: &[u8], i: usize) -> bool {
    let j = skip_space(b, i);
    !is_alpha(byte(b, j)) && !is_digit(byte(b, j)) && byte(b, j) != b'-'
}

/// Whether the sentence or the line ends at `i` (`a trillionth.`, but not `a third,`
/// which goes on to name someone).
fn sentence_ends(b: &[u8], i: usize) -> bool {
    let j = skip_space(b, i);
    matches!(byte(b, j), 0 | b'.' | b'!' | b'?' | b';' | b'\n' | b')')
}

/// `a` or `an` before an ordinal at `[start, end)` that makes it a fraction (`a third of`,
/// `a trillionth.`): where the fraction starts (with its hedge) and the hedge.
fn fraction_of_one(
    b: &[u8],
    floor: usize,
    start: usize,
    end: usize,
) -> Option<(usize, Option<&'static str>)> {
    let a = word_before(b, start, floor).filter(|a| a.is(k::A) || a.is(k::AN))?;
    if next_word_is(b, end, k::OF).is_none() && !sentence_ends(b, end) {
        return None;
    }
    Some(match qualifier(b, a.start, floor) {
        Some((q, s)) => (s, Some(q)),
        None => (a.start, None),
    })
}

/// A spelled ordinal: a rank (`the fourth`, `Tuesday's fourth`, `twentieth`), a
/// fraction after `a` with `of` or at the end of a clause (`a third of`, `a
/// twenty-first.`), nothing after `a`/`any` otherwise (`a third country`, `any third
/// party`) or in a capitalised name (`the Second World War`). `first` and `second`
/// rank only after a determiner: alone they are adverbs and units of time.
fn ordinal(b: &[u8], floor: usize, sp: &Spelled) -> Outcome {
    let skip = Outcome::Skip(sp.end);
    if indefinite(b, sp.start, floor).is_some() {
        if sp.value < 3.0 {
            return skip;
        }
        return match fraction_of_one(b, floor, sp.start, sp.end) {
            Some((start, q)) => {
                let v = Some(1.0 / sp.value);
                Outcome::Found(figure_number(start, sp.end, v, None, NumberKind::Count, q))
            }
            None => skip,
        };
    }
    let capital = byte(b, sp.start).is_ascii_uppercase()
        && !at_sentence_start(b, sp.start)
        && !w_all_caps(b, sp);
    let adverb = sp.words == 1 && sp.value <= 2.0;
    // `third-party`, `fifth-grade`: a compound that names a kind, not a rank.
    let compound = byte(b, sp.end) == b'-';
    if capital || ((adverb || compound) && !ranks(b, sp.start)) {
        return skip;
    }
    let v = Some(sp.value);
    Outcome::Found(figure_number(
        sp.start,
        sp.end,
        v,
        None,
        NumberKind::Ordinal,
        None,
    ))
}

/// Whether the words of `sp` are written in capitals (`TWENTY-FIRST`, a headline).
fn w_all_caps(b: &[u8], sp: &Spelled) -> bool {
    b.get(sp.start..sp.end)
        .is_some_and(|t| t.iter().all(|c| !c.is_ascii_lowercase()))
}

/// Determiners after which `half` is a share or a multiplier (`half the size`).
const HALF_OF: [u128; 7] = keys!["the", "its", "their", "his", "her", "our", "that"];

/// `threefold`, `twice`, `double the`, `nearly triple`: how many times as much.
fn multiplier(b: &[u8], floor: usize, w: Word, n: u8) -> Outcome {
    let skip = Outcome::Skip(w.end);
    if w.capitalised(b) && !at_sentence_start(b, w.start) {
        return skip;
    }
    let bytes = w.bytes(b);
    let verb_like = bytes.eq_ignore_ascii_case(b"double")
        || bytes.eq_ignore_ascii_case(b"triple")
        || bytes.eq_ignore_ascii_case(b"quadruple");
    let q = qualifier(b, w.start, floor);
    if verb_like {
        // `double the size`, `nearly triple`, `expected to double`; not `double standard`.
        let before = word_before(b, w.start, floor);
        let after = super::scan::next_word(b, w.end);
        let ok = q.is_some()
            || before.is_some_and(|p| p.is(k::TO))
            || after.is_some_and(|a| HALF_OF.contains(&a.key))
            || clause_ends(b, w.end);
        if !ok || byte(b, w.end) == b'-' {
            return skip;
        }
    }
    let (start, q) = q.map_or((w.start, None), |(q, s)| (s, Some(q)));
    let v = Some(f64::from(n));
    Outcome::Found(figure_number(
        start,
        w.end,
        v,
        None,
        NumberKind::Multiplier,
        q,
    ))
}
