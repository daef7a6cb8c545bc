//! What follows a numeral: scale words (`million`, `bn`), percent signs and words,
//! currency names and codes, durations and units of measure.

use super::lexicon::{Entry, k, key, lookup, spelling};
use super::scan::{Word, byte, is_alnum, is_alpha, is_digit, next_word, skip_space, word_at};

/// The unit a numeral is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Suffix {
    /// `percent`, or `percentage point`.
    Percent(&'static str),
    /// ISO 4217 code.
    Money(&'static str),
    /// Normalised unit and how many of it one counts (a decade is 10 years).
    Duration(&'static str, u16),
    /// Unit symbol.
    Measure(&'static str),
    /// `-year-old`, `years old`: an age in years.
    Age,
}

/// A suffix found after a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub suffix: Suffix,
    pub end: usize,
    /// Written in the singular (`year`, `mile`): only right after one, or in a compound
    /// adjective (`three-year`).
    pub singular: bool,
    /// A power of ten the suffix carries (`MEUR`: millions of euros, `USD million`).
    pub scale: u32,
}

/// A scale after digits: ` million`, ` bn`, glued `bn`/`m`/`tn`; `b` and `k` only for
/// money, and a spaced ` m` only for money (otherwise it is metres).
pub(super) fn read_scale(b: &[u8], i: usize, money: bool) -> Option<(u32, usize)> {
    if is_alpha(byte(b, i)) {
        let w = word_at(b, i);
        // `24703m2` is an area, `10kg` a weight.
        let alone = !is_alnum(byte(b, w.end)) && !matches!(byte(b, w.end), 0xC2);
        let exp = match lookup(w.key) {
            Some(Entry::Scale(s) | Entry::ScaleAbbr(s)) => s,
            _ if w.is(k::M) && alone => 6,
            _ if w.bytes(b) == b"MM" => 6,
            _ if w.is(k::B) && (money || alone) => 9,
            _ if w.is(k::K) && (money || alone) => 3,
            _ => return None,
        };
        return Some((u32::from(exp), w.end));
    }
    // `$400-million`: a compound adjective.
    if byte(b, i) == b'-' && is_alpha(byte(b, i + 1)) {
        let w = word_at(b, i + 1);
        return match lookup(w.key) {
            Some(Entry::Scale(s)) => Some((u32::from(s), w.end)),
            _ => None,
        };
    }
    let w = next_word(b, i)?;
    match lookup(w.key) {
        Some(Entry::Scale(s) | Entry::ScaleAbbr(s)) => Some((u32::from(s), w.end)),
        Some(Entry::Hundred) if byte(b, w.end - 1) != b's' => Some((2, w.end)),
        _ if money && w.is(k::M) && !w.capitalised(b) => Some((6, w.end)),
        _ => None,
    }
}

/// ` dozen`, ` dozens`, ` dz` after a numeral: its end.
pub(super) fn read_dozen(b: &[u8], i: usize) -> Option<usize> {
    let w = next_word(b, i)?;
    matches!(lookup(w.key), Some(Entry::Dozen)).then_some(w.end)
}

/// Whether a unit abbreviation is written as the lexicon spells it (`km`, `MW`).
fn exact_case(b: &[u8], w: Word) -> bool {
    let sym = spelling(w.key).unwrap_or("");
    w.bytes(b) == sym.as_bytes() || unit_caps_ok(w.bytes(b))
}

/// Power and data units are written `MW`, `kW`, `GWh`, `GB`.
fn unit_caps_ok(w: &[u8]) -> bool {
    matches!(
        w,
        b"kW" | b"MW" | b"GW" | b"kWh" | b"MWh" | b"GWh" | b"TWh" | b"MB" | b"GB" | b"TB"
    )
}

/// The unit symbol of word `w`, if it is a unit of measure.
fn measure(b: &[u8], w: Word) -> Option<&'static str> {
    match lookup(w.key)? {
        Entry::Unit(sym, exact) if !exact || exact_case(b, w) => Some(sym),
        _ => None,
    }
}

/// A glued or hyphenated suffix: `16px`, `5%`, `three-year`, `30°C`.
pub(super) fn read_glued(b: &[u8], i: usize) -> Option<Found> {
    let c = byte(b, i);
    if c == b'%' {
        return Some(found(Suffix::Percent("percent"), i + 1, false));
    }
    if c == 0xC2 && byte(b, i + 1) == 0xB0 {
        return Some(degrees(b, i + 2));
    }
    if c == b'-' && is_alpha(byte(b, i + 1)) {
        let w = word_at(b, i + 1);
        let suffix = match lookup(w.key)? {
            Entry::Duration(u, m) => Suffix::Duration(u, m),
            Entry::Percent => Suffix::Percent("percent"),
            _ => Suffix::Measure(measure(b, w)?),
        };
        // `19-year-old`: the age is in years.
        let end = w.end;
        if byte(b, end) == b'-' && is_alpha(byte(b, end + 1)) && word_at(b, end + 1).is(k::OLD) {
            return Some(found(Suffix::Age, word_at(b, end + 1).end, false));
        }
        // A compound adjective is singular whatever the number (`three-year`).
        return Some(found(suffix, end, false));
    }
    if is_alpha(c) {
        let w = word_at(b, i);
        // `115USD`, `120MEUR`
        if w.all_caps(b) && !is_alnum(byte(b, w.end)) {
            if let Some(Entry::Code(code)) = lookup(w.key) {
                return Some(found(Suffix::Money(code), w.end, false));
            }
            if let Some(code) = million_code(b, w) {
                return Some(Found {
                    scale: 6,
                    ..found(Suffix::Money(code), w.end, false)
                });
            }
        }
        let sym = measure(b, w)?;
        if let Some((area, end)) = power_of(b, w.end, sym) {
            return Some(found(Suffix::Measure(area), end, false));
        }
        if is_digit(byte(b, w.end)) {
            return None;
        }
        return Some(found(Suffix::Measure(sym), w.end, false));
    }
    None
}

fn found(suffix: Suffix, end: usize, singular: bool) -> Found {
    Found {
        suffix,
        end,
        singular,
        scale: 0,
    }
}

/// `MEUR 5`, `5 MEUR`: millions of a currency, in capitals.
pub(super) fn million_code(b: &[u8], w: Word) -> Option<&'static str> {
    match lookup(w.key)? {
        Entry::MillionCode(code) if w.all_caps(b) => Some(code),
        _ => None,
    }
}

/// A currency code after a numeral: in capitals, or in lower case when it is no English
/// word (`5 usd`, but not `5 rub`).
fn code_after_numeral(b: &[u8], w: Word) -> Option<&'static str> {
    match lookup(w.key)? {
        Entry::Code(code) if w.all_caps(b) || !matches!(code, "RUB" | "CAD") => Some(code),
        _ => None,
    }
}

/// `m2`, `km²`: a unit of length glued to a power makes an area or a volume.
fn power_of(b: &[u8], i: usize, sym: &'static str) -> Option<(&'static str, usize)> {
    let (sq, len) = match (byte(b, i), byte(b, i + 1)) {
        (b'2', _) => (true, 1),
        (b'3', _) => (false, 1),
        (0xC2, 0xB2) => (true, 2),
        (0xC2, 0xB3) => (false, 2),
        _ => return None,
    };
    if is_alnum(byte(b, i + len)) {
        return None;
    }
    let s = match (sym, sq) {
        ("m", true) => "m²",
        ("km", true) => "km²",
        ("cm", true) => "cm²",
        ("ft", true) => "ft²",
        ("m", false) => "m³",
        ("cm", false) => "cm³",
        _ => return None,
    };
    Some((s, i + len))
}

/// `°`, `°C`, `°F` (`i` is just after the degree sign).
fn degrees(b: &[u8], i: usize) -> Found {
    match byte(b, i) {
        b'C' if !is_alpha(byte(b, i + 1)) => found(Suffix::Measure("°C"), i + 1, false),
        b'F' if !is_alpha(byte(b, i + 1)) => found(Suffix::Measure("°F"), i + 1, false),
        _ => found(Suffix::Measure("°"), i, false),
    }
}

/// A spaced suffix: ` percent`, ` per cent`, ` dollars`, ` US dollars`, ` USD`,
/// ` years`, ` km`, ` square miles`, ` %`, ` €`. `scaled` says a scale word or a currency
/// came before (`5 million pounds` is money, `200 pounds` a weight).
pub(super) fn read_spaced(b: &[u8], i: usize, scaled: bool) -> Option<Found> {
    let j = skip_space(b, i);
    if j > i && byte(b, j) == b'%' {
        return Some(found(Suffix::Percent("percent"), j + 1, false));
    }
    if j > i && byte(b, j) == 0xC2 && byte(b, j + 1) == 0xB0 {
        return Some(degrees(b, j + 2));
    }
    // `500 €`: the euro sign written after the amount, as on the continent.
    if b.get(j..j + 3) == Some("€".as_bytes()) {
        return Some(found(Suffix::Money("EUR"), j + 3, false));
    }
    let w = next_word(b, i).filter(|_| j > i)?;
    let singular = byte(b, w.end.saturating_sub(1)) != b's';
    let then = |key: u128| next_word(b, w.end).filter(|n| n.is(key));
    let suffix = match lookup(w.key) {
        Some(Entry::Percent) => return Some(found(Suffix::Percent("percent"), w.end, false)),
        Some(Entry::Per) => {
            let c = then(k::CENT)?;
            return Some(found(Suffix::Percent("percent"), c.end, false));
        }
        Some(Entry::Percentage) => {
            let p = then(k::POINTS).or_else(|| then(k::POINT))?;
            return Some(found(Suffix::Percent("percentage point"), p.end, false));
        }
        Some(Entry::Currency(code)) if w.is(k::POUNDS) => match then(k::STERLING) {
            Some(s) => return Some(found(Suffix::Money(code), s.end, false)),
            None if scaled => Suffix::Money(code),
            None => Suffix::Measure("lb"),
        },
        Some(Entry::Currency(code)) => Suffix::Money(code),
        // `75 USD million`; not `3 USD50` (the code belongs to the 50).
        Some(Entry::Code(_)) if is_digit(byte(b, w.end)) => return None,
        Some(Entry::Code(_)) => {
            let code = code_after_numeral(b, w)?;
            let (scale, end) = match next_word(b, w.end).map(|n| (lookup(n.key), n.end)) {
                Some((Some(Entry::Scale(s)), e)) => (u32::from(s), e),
                _ => (0, w.end),
            };
            return Some(Found {
                scale,
                ..found(Suffix::Money(code), end, false)
            });
        }
        Some(Entry::MillionCode(_)) => {
            let code = million_code(b, w)?;
            return Some(Found {
                scale: 6,
                ..found(Suffix::Money(code), w.end, false)
            });
        }
        // `61 years old`
        Some(Entry::Duration("year", 1)) if then(k::OLD).is_some() => {
            let old = then(k::OLD)?;
            return Some(found(Suffix::Age, old.end, false));
        }
        Some(Entry::Duration(u, m)) => Suffix::Duration(u, m),
        Some(Entry::Unit("°", _)) => {
            let scale = next_word(b, w.end).and_then(|n| {
                let sym = match n.key {
                    x if x == k::CELSIUS => "°C",
                    x if x == k::FAHRENHEIT => "°F",
                    _ => return None,
                };
                Some((sym, n.end))
            });
            let (sym, end) = scale.unwrap_or(("°", w.end));
            return Some(found(Suffix::Measure(sym), end, false));
        }
        Some(Entry::Unit(..)) => Suffix::Measure(measure(b, w)?),
        _ => return adjective_currency(b, w).or_else(|| area(b, w)),
    };
    Some(found(suffix, w.end, singular))
}

/// `US dollars`, `U.S. dollars`, `Australian dollars`, `Hong Kong dollars`.
fn adjective_currency(b: &[u8], w: Word) -> Option<Found> {
    let (code, end) = match w.bytes(b) {
        b"US" | b"us" | b"American" => ("USD", w.end),
        b"U" if b.get(w.end..w.end + 3) == Some(b".S.") => ("USD", w.end + 3),
        b"Australian" => ("AUD", w.end),
        b"Canadian" => ("CAD", w.end),
        b"Singapore" => ("SGD", w.end),
        b"Taiwan" => ("TWD", w.end),
        b"Hong" => (
            "HKD",
            next_word(b, w.end).filter(|n| n.is(key("kong")))?.end,
        ),
        b"New" => (
            "NZD",
            next_word(b, w.end).filter(|n| n.is(key("zealand")))?.end,
        ),
        _ => return None,
    };
    let d = next_word(b, end)?;
    (d.is(key("dollars")) || d.is(key("dollar"))).then(|| found(Suffix::Money(code), d.end, false))
}

/// `square kilometres`, `sq km`, `cubic metres`.
fn area(b: &[u8], w: Word) -> Option<Found> {
    let cubic = w.is(k::CUBIC);
    if !(w.is(k::SQUARE) || w.is(k::SQ) || cubic) {
        return None;
    }
    let u = next_word(b, w.end)?;
    let sym = match (measure(b, u)?, cubic) {
        ("km", false) => "km²",
        ("m", false) => "m²",
        ("mi", false) => "mi²",
        ("ft", false) => "ft²",
        ("m", true) => "m³",
        _ => return None,
    };
    Some(found(Suffix::Measure(sym), u.end, false))
}
