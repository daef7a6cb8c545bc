//! Times of day: `10:30`, `10:30 a.m.`, `8 p.m.`, `5pm`, `nine o'clock`. The value is
//! the hour of a 24-hour clock with minutes as a fraction (`8:30 p.m.` → 20.5).

use super::figure_number;
use super::lexicon::k;
use super::numeral::Digits;
use super::scan::{byte, is_alnum, is_alpha, is_digit, skip_space, word_at};
use crate::extract::{Number, NumberKind};

/// After the hour: `a.m.`, `pm`, `o'clock` (glued or spaced): the end, and `Some(true)`
/// for the afternoon, `Some(false)` for the morning, `None` for `o'clock`.
pub(super) fn meridiem(b: &[u8], i: usize) -> Option<(usize, Option<bool>)> {
    let j = skip_space(b, i);
    if !is_alpha(byte(b, j)) {
        return None;
    }
    let w = word_at(b, j);
    let pm = w.is(k::P) || w.is(k::PM);
    if (w.is(k::A) || w.is(k::P))
        && byte(b, w.end) == b'.'
        && matches!(byte(b, w.end + 1), b'm' | b'M')
    {
        let mut end = w.end + 2;
        if byte(b, end) == b'.' {
            end += 1;
        }
        return (!is_alpha(byte(b, end))).then_some((end, Some(pm)));
    }
    if w.is(k::AM) || w.is(k::PM) {
        // `AM` in capitals after a space is also a radio band; the hour decides.
        return Some((w.end, Some(pm)));
    }
    if w.is(k::O) {
        let apostrophe = match byte(b, w.end) {
            b'\'' => 1,
            0xE2 if byte(b, w.end + 1) == 0x80 && byte(b, w.end + 2) == 0x99 => 3,
            _ => return None,
        };
        let c = word_at(b, w.end + apostrophe);
        return (c.bytes(b).eq_ignore_ascii_case(b"clock")).then_some((c.end, None));
    }
    None
}

/// The hour `h` (and minutes) on a 24-hour clock.
fn hour_of_day(h: f64, minutes: f64, pm: Option<bool>) -> f64 {
    let h = match pm {
        Some(true) if h < 12.0 => h + 12.0,
        Some(false) if h == 12.0 => 0.0,
        _ => h,
    };
    h + minutes / 60.0
}

/// A time of day at the spelled or written hour `[start, end)` with value `hour`.
pub(super) fn spoken(b: &[u8], start: usize, end: usize, hour: f64) -> Option<Number> {
    if !(1.0..=12.0).contains(&hour) || hour.fract() != 0.0 {
        return None;
    }
    let (e, pm) = meridiem(b, end)?;
    let v = Some(hour_of_day(hour, 0.0, pm));
    Some(figure_number(start, e, v, None, NumberKind::Time, None))
}

/// `10:30`, `9:05 a.m.`, `23:59`: digits, a colon, two digits of minutes.
pub(super) fn digital(b: &[u8], d: &Digits) -> Option<Number> {
    let h = d.plain().filter(|&h| h <= 24 && d.int_digits <= 2)?;
    let c = d.end;
    let ok = byte(b, c) == b':' && is_digit(byte(b, c + 1)) && is_digit(byte(b, c + 2));
    let m = u64::from(byte(b, c + 1).wrapping_sub(b'0')) * 10
        + u64::from(byte(b, c + 2).wrapping_sub(b'0'));
    let mut end = c + 3;
    // Seconds: `10:30:15`.
    if byte(b, end) == b':' && is_digit(byte(b, end + 1)) && is_digit(byte(b, end + 2)) {
        end += 3;
    }
    if !ok || m >= 60 || is_alnum(byte(b, end)) || matches!(byte(b, end), b':') {
        return None;
    }
    let (end, pm) = match meridiem(b, end) {
        Some((e, pm)) if h <= 12 => (e, pm),
        _ => (end, None),
    };
    let v = Some(hour_of_day(h as f64, m as f64, pm));
    Some(figure_number(d.start, end, v, None, NumberKind::Time, None))
}
