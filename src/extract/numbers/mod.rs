//! Numbers: figures, money, percentages, ordinals, dates, durations and measures.
//!
//! A hand-written byte scanner, linear in the text: it walks the text once, stopping only
//! at digits, currency signs and words of the number lexicon (found by a packed key in a
//! compile-time hash table), and parses each candidate with bounded look-around. Nothing
//! is allocated but the numbers found.

/// The keys of a list of words, computed at compile time (for the modules below).
macro_rules! keys {
    ($($w:expr),* $(,)?) => { [$(super::lexicon::key($w)),*] };
}

mod cardinal;
mod clock;
mod context;
mod dates;
mod digits;
mod figure;
#[cfg(test)]
mod forms_tests;
mod kinds;
mod lexicon;
mod notation;
mod numeral;
mod range;
mod scan;
mod spelled;
mod suffix;
#[cfg(test)]
mod tests;
mod words;

use super::{Number, NumberKind, Span};
use cardinal::digits_core;
use figure::figure;
use lexicon::{Entry, lookup};
use numeral::read_digits;
use scan::{byte, is_alpha, is_digit, prev_char, token_end, word_at};

/// What parsing at a candidate gives: a number, or where to resume scanning.
pub(super) enum Outcome {
    Found(Number),
    Skip(usize),
}

pub(super) fn figure_number(
    start: usize,
    end: usize,
    value: Option<f64>,
    unit: Option<&'static str>,
    kind: NumberKind,
    qualifier: Option<&'static str>,
) -> Number {
    Number {
        span: Span::new(start, end),
        value,
        unit,
        kind,
        qualifier,
        range: None,
        per: None,
    }
}

/// Finds the numbers in `text`, sorted by start and non-overlapping.
pub fn find_numbers(text: &str) -> Vec<Number> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut floor = 0; // end of the last number: look-behind never crosses it
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let outcome = if is_alpha(c) {
            let w = word_at(b, i);
            match lookup(w.key) {
                Some(e) if e.is_trigger() && !glued_after_letter(b, i) => {
                    words::at_word(b, floor, w, e)
                }
                _ => Outcome::Skip(w.end),
            }
        } else if is_digit(c) {
            digits::at_digits(b, floor, i)
        } else if c < 0x80 && c != b'$' {
            // Spaces and punctuation, most of what is left: no sign to look for.
            Outcome::Skip(i + 1)
        } else if let Some((code, len)) = currency_sign(b, i) {
            at_sign(b, floor, i, code, len)
        } else if let Some((v, len)) = notation::vulgar(b, i) {
            let core = cardinal::Core::written(i, i + len, v, 0);
            figure(b, floor, i, core, None)
        } else {
            Outcome::Skip(i + 1)
        };
        match outcome {
            Outcome::Found(n) if n.span.start >= floor && n.span.end > i => {
                floor = n.span.end;
                i = n.span.end;
                out.push(n);
            }
            Outcome::Found(_) => i += 1,
            Outcome::Skip(e) => i = e.max(i + 1),
        }
    }
    out
}

/// Whether the letter at `i` continues a word of non-ASCII letters (`Martínez`).
fn glued_after_letter(b: &[u8], i: usize) -> bool {
    i > 0 && byte(b, i - 1) >= 0x80 && prev_char(b, i).is_some_and(char::is_alphabetic)
}

/// A currency sign at `i`: its ISO code and its length in bytes.
fn currency_sign(b: &[u8], i: usize) -> Option<(&'static str, usize)> {
    match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (b'$', _, _) => Some(("USD", 1)),
        (0xC2, 0xA3, _) => Some(("GBP", 2)),
        (0xC2, 0xA5, _) => Some(("JPY", 2)),
        (0xE2, 0x82, 0xAC) => Some(("EUR", 3)),
        (0xE2, 0x82, 0xB9) => Some(("INR", 3)),
        (0xE2, 0x82, 0xA9) => Some(("KRW", 3)),
        (0xE2, 0x82, 0xBD) => Some(("RUB", 3)),
        _ => None,
    }
}

/// The dollar a prefix names: `US$`, `A$`, `HK$`, …
fn dollar_prefix(prefix: &[u8]) -> Option<&'static str> {
    Some(match prefix {
        b"US" => "USD",
        b"A" | b"AU" => "AUD",
        b"C" | b"CA" => "CAD",
        b"HK" => "HKD",
        b"NZ" => "NZD",
        b"S" | b"SG" => "SGD",
        b"R" => "BRL",
        b"NT" => "TWD",
        b"MX" => "MXN",
        _ => return None,
    })
}

/// Money written with a sign: `$518.4 billion`, `US$5m`, `€3.5tn`.
fn at_sign(b: &[u8], floor: usize, i: usize, code: &'static str, len: usize) -> Outcome {
    let mut start = i;
    let mut code = code;
    if code == "USD" {
        let mut p = i;
        while p > floor && i - p < 3 && byte(b, p - 1).is_ascii_uppercase() {
            p -= 1;
        }
        if let Some(c) = dollar_prefix(b.get(p..i).unwrap_or(&[]))
            && (p == 0 || !byte(b, p - 1).is_ascii_alphanumeric())
        {
            code = c;
            start = p;
        }
    }
    let mut j = i + len;
    if byte(b, j) == b' ' {
        j += 1;
    }
    if !is_digit(byte(b, j)) {
        return Outcome::Skip(i + len);
    }
    match read_digits(b, j) {
        Some(d) if !d.dotted => figure(b, floor, start, digits_core(b, &d, true), Some(code)),
        _ => Outcome::Skip(token_end(b, j)),
    }
}

/// Is `word` a cardinal spelled out (`five`, `twenty`, `hundred`)? For the grammar of
/// shares (`one in five say`), which is not the number scanner's business.
pub(crate) fn is_cardinal_word(word: &str) -> bool {
    word.len() <= 16
        && word.bytes().all(|b| b.is_ascii_alphabetic())
        && matches!(
            lookup(lexicon::key(word)),
            Some(Entry::Small(_) | Entry::Tens(_) | Entry::Hundred)
        )
}
