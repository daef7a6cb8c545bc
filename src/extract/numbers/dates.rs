//! Dates: `2025-02-07`, `02/07/2025`, `March 2, 2022`, `Feb. 7`, `September 1960`,
//! `7 March 2022`, `the 7th of March`, and day ranges such as `February 1 to 6`.

use super::lexicon::{Entry, k, lookup};
use super::numeral::{Digits, read_digits};
use super::scan::{Word, byte, is_alpha, is_digit, next_word, skip_space, word_at};

/// A plausible year written in full.
pub(super) fn is_year(v: u64) -> bool {
    (1000..=2100).contains(&v)
}

/// The plain integer at `i` when it has at most `max_digits` digits and nothing glued
/// after it but an ordinal suffix; returns the value and the end (suffix included).
fn small_int(b: &[u8], i: usize, max_digits: u32) -> Option<(u64, usize)> {
    let d = read_digits(b, i)?;
    if d.int_digits > max_digits || d.dotted {
        return None;
    }
    let v = d.plain()?;
    Some((v, ordinal_suffix(b, d.end).unwrap_or(d.end))).filter(|&(_, e)| !is_alpha(byte(b, e)))
}

/// The end of a glued ordinal suffix (`st`, `nd`, `rd`, `th`) at `i`.
pub(super) fn ordinal_suffix(b: &[u8], i: usize) -> Option<usize> {
    if !is_alpha(byte(b, i)) {
        return None;
    }
    let w = word_at(b, i);
    [k::ST, k::ND, k::RD, k::TH]
        .contains(&w.key)
        .then_some(w.end)
}

/// A day of the month at `i`: `7`, `7th`.
fn day(b: &[u8], i: usize) -> Option<usize> {
    let (v, end) = small_int(b, i, 2)?;
    ((1..=31).contains(&v) && byte(b, end) != b':').then_some(end)
}

/// A year at `i`: four digits, nothing glued after.
fn year(b: &[u8], i: usize) -> Option<usize> {
    let d = read_digits(b, i)?;
    let ok = d.int_digits == 4 && d.plain().is_some_and(is_year) && !d.dotted;
    (ok && !is_alpha(byte(b, d.end))).then_some(d.end)
}

/// `, 2022` or ` 2022` after a day.
fn trailing_year(b: &[u8], i: usize) -> Option<usize> {
    let j = if byte(b, i) == b',' { i + 1 } else { i };
    let y = skip_space(b, j);
    if y == j {
        return None;
    }
    year(b, y)
}

/// A month name at word `w`, capitalised; returns the end (with an abbreviation's dot).
fn month_word(b: &[u8], w: Word) -> Option<usize> {
    if !w.capitalised(b) {
        return None;
    }
    match lookup(w.key)? {
        Entry::Month(_) => Some(w.end),
        Entry::MonthAbbr(_) if byte(b, w.end) == b'.' => Some(w.end + 1),
        Entry::MonthAbbr(_) => Some(w.end),
        _ => None,
    }
}

/// A date that starts with the month word `w`: `March 2, 2022`, `Feb. 7`,
/// `September 11th`, `September 1960`, `February 1 to 6`. Returns its end.
pub(super) fn month_first(b: &[u8], w: Word) -> Option<usize> {
    let after = month_word(b, w)?;
    let j = skip_space(b, after);
    if j == after || !is_digit(byte(b, j)) {
        return None;
    }
    if let Some(mut end) = day(b, j) {
        if let Some(e) = day_range_end(b, end) {
            end = e;
        }
        return Some(trailing_year(b, end).unwrap_or(end));
    }
    year(b, j)
}

/// `-6`, `–6`, ` to 6`, ` to March 6` after a day.
fn day_range_end(b: &[u8], i: usize) -> Option<usize> {
    let dash = match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (b'-', _, _) => Some(i + 1),
        (0xE2, 0x80, 0x93) => Some(i + 3),
        _ => None,
    };
    if let Some(j) = dash {
        return day(b, j);
    }
    let to = next_word(b, i).filter(|w| w.is(k::TO))?;
    let j = skip_space(b, to.end);
    if let Some(e) = day(b, j) {
        return Some(e);
    }
    let m = next_word(b, to.end)?;
    let after = month_word(b, m)?;
    let d = skip_space(b, after);
    (d > after).then(|| day(b, d)).flatten()
}

/// A date that starts with the digits `d`: `2025-02-07`, `02/07/2025`, `7 March 2022`,
/// `7th of March`. Returns its end.
pub(super) fn digits_first(b: &[u8], d: &Digits) -> Option<usize> {
    let sep = byte(b, d.end);
    if d.int_digits == 4 && d.plain().is_some_and(is_year) && matches!(sep, b'-' | b'/') {
        return iso(b, d, sep);
    }
    if d.int_digits <= 2 && sep == b'/' {
        return slashed(b, d);
    }
    let end = day(b, d.start)?;
    // `15-16 June`, else `15 June`, `15th of June`.
    let month_after = |mut j: usize| {
        if let Some(of) = next_word(b, j).filter(|w| w.is(k::OF)) {
            j = of.end;
        }
        month_word(b, next_word(b, j)?)
    };
    let after = day_range_end(b, end)
        .and_then(month_after)
        .or_else(|| month_after(end))?;
    Some(trailing_year(b, after).unwrap_or(after))
}

/// Two digits at `i` with nothing but a non-digit after: the value and the end.
fn two_digits(b: &[u8], i: usize) -> Option<(u64, usize)> {
    let ok = is_digit(byte(b, i)) && is_digit(byte(b, i + 1)) && !is_digit(byte(b, i + 2));
    let v = u64::from(byte(b, i).wrapping_sub(b'0')) * 10
        + u64::from(byte(b, i + 1).wrapping_sub(b'0'));
    (ok && !is_alpha(byte(b, i + 2))).then_some((v, i + 2))
}

/// `2025-02-07`, `2025/02/07`.
fn iso(b: &[u8], d: &Digits, sep: u8) -> Option<usize> {
    let (m, e) = two_digits(b, d.end + 1)?;
    if byte(b, e) != sep {
        return None;
    }
    let (day, end) = two_digits(b, e + 1)?;
    ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some(end)
}

/// `02/07/2025`, `2/7/25`: day and month in either order.
fn slashed(b: &[u8], d: &Digits) -> Option<usize> {
    let first = d.plain()?;
    let j = d.end + 1;
    let second = read_digits(b, j).filter(|x| x.int_digits <= 2)?;
    if byte(b, second.end) != b'/' {
        return None;
    }
    let y = read_digits(b, second.end + 1)?;
    let ok_year = matches!(y.int_digits, 2 | 4) && y.plain().is_some() && !y.dotted;
    let (a, c) = (first, second.plain()?);
    let ok = (1..=31).contains(&a) && (1..=31).contains(&c) && (a <= 12 || c <= 12);
    (ok && ok_year && !is_alpha(byte(b, y.end)) && byte(b, y.end) != b'/').then_some(y.end)
}
