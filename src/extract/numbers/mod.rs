//! Numbers: figures, money, percentages, ordinals, dates, durations and measures.
//!
//! A hand-written byte scanner, linear in the text: it walks the text once, stopping only
//! at digits, currency signs and words of the number lexicon (found by a packed key in a
//! compile-time hash table), and parses each candidate with bounded look-around. Nothing
//! is allocated but the numbers found.

mod context;
mod dates;
mod figure;
mod lexicon;
mod numeral;
mod scan;
mod suffix;
#[cfg(test)]
mod tests;

use super::{Number, NumberKind, Span};
use context::{indefinite, qualifier, ranks};
use figure::{digits_core, figure, spelled_core};
use lexicon::{Entry, k, lookup};
use numeral::{Spelled, next_word_is, read_digits, read_spelled};
use scan::{
    Word, at_sentence_start, byte, is_alpha, is_digit, prev_char, skip_space, token_end, word_at,
    word_before,
};

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
                Some(e) if e.is_trigger() && !glued_after_letter(b, i) => at_word(b, floor, w, e),
                _ => Outcome::Skip(w.end),
            }
        } else if is_digit(c) {
            at_digits(b, floor, i)
        } else if c < 0x80 && c != b'$' {
            // Spaces and punctuation, most of what is left: no sign to look for.
            Outcome::Skip(i + 1)
        } else if let Some((code, len)) = currency_sign(b, i) {
            at_sign(b, floor, i, code, len)
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

/// Digits at `i`: a date, an ordinal (`9th`), a decade (`1990s`), or a figure.
fn at_digits(b: &[u8], floor: usize, i: usize) -> Outcome {
    let skip = Outcome::Skip(token_end(b, i));
    match prev_char(b, i) {
        // `G20`, `COP26`; `Covid-19`, `F-35` (but `mid-2020`); addresses, handles, phones.
        Some(p) if p.is_alphabetic() => return skip,
        Some('-') if i >= 2 && is_alpha(byte(b, i - 2)) && !time_prefix(b, i - 1) => return skip,
        // The tail of a dashed group already read (`1-2-3`).
        Some('-') if i >= 2 && is_digit(byte(b, i - 2)) => return skip,
        // `+1 555 0100`: a phone number runs on through spaces and brackets.
        Some('+') => return Outcome::Skip(phone_end(b, i)),
        Some('/' | '@' | '#' | '_' | '\\' | '.' | ':' | '&' | '=') => return skip,
        _ => {}
    }
    let Some(d) = read_digits(b, i).filter(|d| !d.dotted) else {
        return skip;
    };
    let sign = negative_sign(b, i);
    if let Some(end) = dates::digits_first(b, &d) {
        return Outcome::Found(figure_number(i, end, None, None, NumberKind::Date, None));
    }
    // `10:30`, `3/4`: times, ratios, fractions written with digits; `6'3"`: a height.
    let feet = byte(b, d.end) == b'\'' || b.get(d.end..d.end + 3) == Some("’".as_bytes());
    let next = if feet && byte(b, d.end) != b'\'' {
        d.end + 3
    } else {
        d.end + 1
    };
    if (matches!(byte(b, d.end), b':' | b'/') || feet) && is_digit(byte(b, next)) {
        return Outcome::Skip(token_end(b, next));
    }
    if d.is_integer() && !d.grouped {
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
    let mut core = digits_core(b, &d, false);
    match sign {
        Some(s) if s >= floor => {
            core.value = -core.value;
            core.base = -core.base;
            core.plain = None;
            core.start = s;
            figure(b, floor, s, core, None)
        }
        _ => figure(b, floor, i, core, None),
    }
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
    free.then_some(s)
}

/// A lexicon word at `w` that may start a number.
fn at_word(b: &[u8], floor: usize, w: Word, e: Entry) -> Outcome {
    let skip = Outcome::Skip(w.end);
    match e {
        Entry::Url => {
            let mut j = w.end;
            while j < b.len() && !byte(b, j).is_ascii_whitespace() {
                j += 1;
            }
            Outcome::Skip(j)
        }
        Entry::Code(code) if w.all_caps(b) => {
            let j = skip_space(b, w.end);
            match read_digits(b, j) {
                Some(d) if j > w.end && !d.dotted => {
                    figure(b, floor, w.start, digits_core(b, &d, true), Some(code))
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
                Some(sp) => figure(b, floor, sp.start, spelled_core(b, &sp), None),
                None => skip,
            }
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
            let mut core = spelled_core(b, &sp);
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

/// `half a million`, `a quarter of`: fractions that start with their denominator.
fn fraction_word(b: &[u8], floor: usize, w: Word, d: u8) -> Outcome {
    let skip = Outcome::Skip(w.end);
    if w.is(k::HALF) {
        // `half a million` is found from `million`; nothing to do here.
        return skip;
    }
    let singular = byte(b, w.end - 1) != b's';
    match word_before(b, w.start, floor) {
        Some(a)
            if singular
                && (a.is(k::A) || a.is(k::ONE))
                && next_word_is(b, w.end, k::OF).is_some() =>
        {
            let (q, start) = match qualifier(b, a.start, floor) {
                Some((q, s)) => (Some(q), s),
                None => (None, a.start),
            };
            let v = Some(1.0 / f64::from(d));
            Outcome::Found(figure_number(start, w.end, v, None, NumberKind::Count, q))
        }
        _ => skip,
    }
}

/// A spelled ordinal: a rank after a determiner (`the fourth`, `Tuesday's fourth`),
/// a fraction after `a` with `of` (`a third of`), nothing after `a`/`any` (`a third
/// country`, `any third party`) or in a capitalised name (`the Second World War`).
fn ordinal(b: &[u8], floor: usize, sp: &Spelled) -> Outcome {
    let skip = Outcome::Skip(sp.end);
    if let Some(a) = indefinite(b, sp.start, floor) {
        let fraction = (a.is(k::A) || a.is(k::AN))
            && sp.words == 1
            && sp.value >= 3.0
            && next_word_is(b, sp.end, k::OF).is_some();
        if !fraction {
            return skip;
        }
        let (q, start) = match qualifier(b, a.start, floor) {
            Some((q, s)) => (Some(q), s),
            None => (None, a.start),
        };
        let v = Some(1.0 / sp.value);
        return Outcome::Found(figure_number(start, sp.end, v, None, NumberKind::Count, q));
    }
    let capital = byte(b, sp.start).is_ascii_uppercase() && !at_sentence_start(b, sp.start);
    if capital || !ranks(b, sp.start) {
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
