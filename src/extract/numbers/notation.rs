//! Numerals beyond plain digits: scientific notation (`1e10`, `-127.32e13`, `6.23x10^-4`),
//! powers (`1.1^23`), fractions written with digits (`3/4`, `2 1/4`) and vulgar
//! fraction characters (`½`, `2¾`).

use super::numeral::{Digits, pow10, read_digits};
use super::scan::{byte, is_alnum, is_digit};

/// At most this many exponent digits: `1e400` is no figure anyone cites.
const MAX_EXP_DIGITS: usize = 3;

/// A signed exponent at `i`: any run of `+`/`-` (`--23` is +23), then digits.
fn exponent(b: &[u8], mut i: usize) -> Option<(i32, usize)> {
    let mut negative = false;
    let mut signs = 0;
    while matches!(byte(b, i), b'+' | b'-') && signs < 2 {
        negative ^= byte(b, i) == b'-';
        signs += 1;
        i += 1;
    }
    let start = i;
    let mut e: i32 = 0;
    while is_digit(byte(b, i)) && i - start < MAX_EXP_DIGITS {
        e = e * 10 + i32::from(byte(b, i) - b'0');
        i += 1;
    }
    let ok = i > start && !is_alnum(byte(b, i)) && byte(b, i) != b'.';
    ok.then_some((if negative { -e } else { e }, i))
}

fn scale(v: f64, e: i32) -> f64 {
    if e >= 0 {
        v * pow10(e.unsigned_abs())
    } else {
        v / pow10(e.unsigned_abs())
    }
}

/// `1e10`, `12.32e+14`, `1.1^23`, `2.5^-1`, `6.23x10^-4` after the digits `d`: the value
/// and the end. The sign before the digits applies to the result (`-1.1^23`).
pub(super) fn exponential(b: &[u8], d: &Digits) -> Option<(f64, usize)> {
    let v = d.value(0);
    match byte(b, d.end) {
        b'e' | b'E' => {
            let (e, end) = exponent(b, d.end + 1)?;
            Some((scale(v, e), end))
        }
        b'^' => {
            let (e, end) = exponent(b, d.end + 1)?;
            Some((v.powi(e), end)).filter(|(x, _)| x.is_finite())
        }
        b'x' | b'*' => times_ten(b, d.end + 1).map(|(e, end)| (scale(v, e), end)),
        0xC3 if byte(b, d.end + 1) == 0x97 => {
            times_ten(b, d.end + 2).map(|(e, end)| (scale(v, e), end))
        }
        _ => None,
    }
}

/// `10^-4` at `i`.
fn times_ten(b: &[u8], i: usize) -> Option<(i32, usize)> {
    (byte(b, i) == b'1' && byte(b, i + 1) == b'0' && byte(b, i + 2) == b'^')
        .then(|| exponent(b, i + 3))
        .flatten()
}

/// Denominators a fraction written with digits may have: halves to sixty-fourths and
/// hundredths. `9/11` and `24/7` are names, not fractions.
fn denominator_ok(d: u64) -> bool {
    matches!(d, 2..=8 | 10 | 12 | 16 | 32 | 64 | 100)
}

/// `3/4` at the digits `n` (a proper fraction, nothing glued after): value and end.
pub(super) fn slash_fraction(b: &[u8], n: &Digits) -> Option<(f64, usize)> {
    let num = n
        .plain()
        .filter(|_| !n.leading_zero(b) && n.int_digits <= 2)?;
    if byte(b, n.end) != b'/' || !is_digit(byte(b, n.end + 1)) {
        return None;
    }
    let d = read_digits(b, n.end + 1)?;
    let den = d
        .plain()
        .filter(|&x| denominator_ok(x) && num >= 1 && num < x)?;
    let after = byte(b, d.end);
    let glued =
        is_alnum(after) || matches!(after, b'/' | b'.' | b',') && is_digit(byte(b, d.end + 1));
    (!glued).then(|| (num as f64 / den as f64, d.end))
}

/// `2 1/4`, `10 1/2`: a whole number then a fraction after one or two spaces.
pub(super) fn mixed_fraction(b: &[u8], whole: &Digits) -> Option<(f64, usize)> {
    let w = whole.plain()?;
    let mut j = whole.end;
    while byte(b, j) == b' ' && j - whole.end < 2 {
        j += 1;
    }
    if j == whole.end || !is_digit(byte(b, j)) {
        return None;
    }
    let n = read_digits(b, j)?;
    let (f, end) = slash_fraction(b, &n)?;
    Some((w as f64 + f, end))
}

/// A vulgar fraction character at `i`: its value and its length in bytes.
pub(super) fn vulgar(b: &[u8], i: usize) -> Option<(f64, usize)> {
    let v = match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (0xC2, 0xBC, _) => return Some((0.25, 2)),
        (0xC2, 0xBD, _) => return Some((0.5, 2)),
        (0xC2, 0xBE, _) => return Some((0.75, 2)),
        (0xE2, 0x85, c @ 0x93..=0x9E) => match c {
            0x93 => 1.0 / 3.0,
            0x94 => 2.0 / 3.0,
            0x95 => 0.2,
            0x96 => 0.4,
            0x97 => 0.6,
            0x98 => 0.8,
            0x99 => 1.0 / 6.0,
            0x9A => 5.0 / 6.0,
            0x9B => 0.125,
            0x9C => 0.375,
            0x9D => 0.625,
            _ => 0.875,
        },
        _ => return None,
    };
    Some((v, 3))
}
