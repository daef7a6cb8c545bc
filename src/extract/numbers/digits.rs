//! Numbers that start with a digit: dates, times, ordinals, decades, fractions,
//! scientific notation and figures.

use super::cardinal::{Core, digits_core};
use super::figure::figure;
use super::numeral::read_digits;
use super::scan::{byte, is_alpha, is_digit, prev_char, token_end, word_at};
use super::{Outcome, clock, dates, figure_number, lexicon, notation};
use crate::extract::NumberKind;

/// Words glued before digits by a dash that still leave a year a year: `mid-2020`.
fn time_prefix(b: &[u8], dash: usize) -> bool {
    let mut p = dash;
    while p > 0 && is_alpha(byte(b, p - 1)) && dash - p <= 5 {
        p -= 1;
    }
    let w = word_at(b, p);
    w.end == dash
        && [
            lexicon::key("mid"),
            lexicon::key("pre"),
            lexicon::key("post"),
            lexicon::key("early"),
            lexicon::key("late"),
        ]
        .contains(&w.key)
}

/// The end of a phone number starting at `i`.
fn phone_end(b: &[u8], mut i: usize) -> usize {
    while matches!(byte(b, i), b'0'..=b'9' | b' ' | b'-' | b'(' | b')' | b'.')
        && (byte(b, i) != b' ' || is_digit(byte(b, i + 1)) || byte(b, i + 1) == b'(')
    {
        i += 1;
    }
    i
}

/// Digits at `i`: a date, a time, an ordinal (`9th`), a decade (`1990s`), a fraction, or
/// a figure.
pub(super) fn at_digits(b: &[u8], floor: usize, i: usize) -> Outcome {
    let skip = Outcome::Skip(token_end(b, i));
    let mut start = i;
    match prev_char(b, i) {
        // `G20`, `COP26`; `Covid-19`, `F-35` (but `mid-2020`); addresses, handles, phones.
        Some(p) if p.is_alphabetic() => return skip,
        Some('-') if i >= 2 && is_alpha(byte(b, i - 2)) && !time_prefix(b, i - 1) => return skip,
        // The tail of a dashed group already read (`1-2-3`).
        Some('-') if i >= 2 && is_digit(byte(b, i - 2)) => return skip,
        // `+1 555 0100`: a phone number runs on through spaces and brackets.
        Some('+') => return Outcome::Skip(phone_end(b, i)),
        // `.08`: a decimal without its zero, after a space, a bracket, a sign or nothing.
        Some('.') if leading_dot(b, i - 1) => start = i - 1,
        Some('/' | '@' | '#' | '_' | '\\' | '.' | ':' | '&' | '=') => return skip,
        _ => {}
    }
    let Some(d) = read_digits(b, start).filter(|d| !d.dotted) else {
        return skip;
    };
    let sign = negative_sign(b, start);
    if let Some(end) = dates::digits_first(b, &d) {
        return Outcome::Found(figure_number(i, end, None, None, NumberKind::Date, None));
    }
    if let Some(t) = clock::digital(b, &d) {
        return Outcome::Found(t);
    }
    // `6'3"`: a height; `10:30` that is no time, `3/4` that is no fraction: codes.
    let feet = byte(b, d.end) == b'\'' || b.get(d.end..d.end + 3) == Some("’".as_bytes());
    let next = if feet && byte(b, d.end) != b'\'' {
        d.end + 3
    } else {
        d.end + 1
    };
    let written = notation::slash_fraction(b, &d)
        .or_else(|| notation::exponential(b, &d))
        .or_else(|| notation::mixed_fraction(b, &d))
        .or_else(|| notation::vulgar(b, d.end).map(|(f, len)| (d.value(0) + f, d.end + len)));
    if written.is_none()
        && (matches!(byte(b, d.end), b':' | b'/') || feet)
        && is_digit(byte(b, next))
    {
        return Outcome::Skip(token_end(b, next));
    }
    if d.is_integer() && !d.grouped && written.is_none() {
        if let Some(end) = dates::ordinal_suffix(b, d.end) {
            let v = Some(d.mantissa as f64);
            return Outcome::Found(figure_number(i, end, v, None, NumberKind::Ordinal, None));
        }
        // `the 1990s`
        let decade = d.int_digits == 4 && d.mantissa % 10 == 0 && byte(b, d.end) == b's';
        if decade && !is_alpha(byte(b, d.end + 1)) {
            let end = d.end + 1;
            return Outcome::Found(figure_number(i, end, None, None, NumberKind::Date, None));
        }
        if d.leading_zero(b) {
            return skip; // `007`, `02`: codes
        }
    }
    let mut core = match written {
        Some((value, end)) => Core::written(start, end, value, d.int_digits),
        None => digits_core(b, &d, false),
    };
    match sign {
        Some(s) if s >= floor => {
            core.value = -core.value;
            core.base = -core.base;
            core.plain = None;
            core.start = s;
            figure(b, floor, s, core, None)
        }
        _ => figure(b, floor, start, core, None),
    }
}

/// Whether the dot at `dot` starts a number (`.08`, `(.5`, `-.5`), not a sentence's end
/// or a version's part.
fn leading_dot(b: &[u8], dot: usize) -> bool {
    dot == 0 || matches!(byte(b, dot - 1), b' ' | b'\t' | b'\n' | b'(' | b'-' | b'$')
}

/// A minus sign glued before the digits at `i` (`-10°C`, `−2.5%`), not a dash after a
/// word or a number: where it starts.
fn negative_sign(b: &[u8], i: usize) -> Option<usize> {
    let s = match prev_char(b, i)? {
        '-' => i - 1,
        '\u{2212}' => i - 3,
        _ => return None,
    };
    let free = s == 0 || matches!(byte(b, s - 1), b' ' | b'\t' | b'\n' | b'(');
    // `75 -300mm`: a dash after a number joins a range.
    let after_number = super::scan::skip_space_back(b, s, 0) < s
        && is_digit(byte(
            b,
            super::scan::skip_space_back(b, s, 0).wrapping_sub(1),
        ));
    (free && !after_number).then_some(s)
}
