//! Spelled-out numbers: `twenty-one`, `a hundred and five`, `ninety-five hundred`,
//! `three quarters`, `one hundred and thirty-two fifths`, `two hundred point zero three`,
//! `five and a quarter`, `six million and two thirds`, `three quarters billion`.
//!
//! One left-to-right pass over at most a few dozen words: every step consumes a word and
//! the grammar only moves forward, so reading is linear in the words read.

use super::lexicon::{Entry, k, lookup};
use super::numeral::pow10;
use super::scan::{Word, byte, is_alpha, next_word, skip_space, word_at};

/// A spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spelled {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    /// Contains `hundred`, a scale word or `dozen`.
    pub scaled: bool,
    /// A fraction (`two-thirds`) or a mixed number (`five and a quarter`).
    pub fraction: bool,
    /// How many number words.
    pub words: u32,
}

/// Where the grammar of a group (a number below a thousand) stands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Nothing yet in this group (start, or after a scale word).
    Empty,
    /// After `one` … `nineteen` (a hundred may follow).
    Small,
    /// After `twenty` … `ninety` (a unit may follow).
    Tens,
    /// After `hundred` (tens or units may follow, `and` allowed).
    Hundred,
    /// After the tens and units of a group (only a scale word may follow).
    Done,
}

/// The next number word after `i`: joined by a hyphen (`twenty-one`, `fifty - two`) or
/// spaces; the flag says a hyphen joined it.
fn next_number_word(b: &[u8], i: usize) -> Option<(Word, Entry, bool)> {
    let (j, hyphen) = if byte(b, i) == b'-' && is_alpha(byte(b, i + 1)) {
        (i + 1, true)
    } else {
        let s = skip_space(b, i);
        if byte(b, s) == b'-' && s > i && matches!(byte(b, s + 1), b' ') {
            (skip_space(b, s + 1), true)
        } else {
            (s, false)
        }
    };
    if j == i || !is_alpha(byte(b, j)) {
        return None;
    }
    let w = word_at(b, j);
    let e = lookup(w.key)?;
    Some((w, e, hyphen))
}

/// The word after `i` when its key is `key`.
pub(super) fn next_word_is(b: &[u8], i: usize, key: u128) -> Option<Word> {
    next_word(b, i).filter(|w| w.is(key))
}

/// A scale word after a fraction, directly or after `of a`: `three quarters billion`,
/// `two thirds of a million`. Its power of ten and its end.
pub(super) fn scale_after(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let mut at = i;
    if let Some(of) = next_word_is(b, at, k::OF)
        && let Some(a) = next_word_is(b, of.end, k::A)
    {
        at = a.end;
    }
    let w = next_word(b, at)?;
    match lookup(w.key)? {
        Entry::Scale(s) => Some((u32::from(s), w.end)),
        _ => None,
    }
}

/// What the words after `and` add to a whole number: a proper fraction (`and a half`,
/// `and a quarter`, `and a thirtieth`, `and one fourth`, `and three fifths`) and the
/// scale word after it, if any (`and three quarters million`).
pub(super) struct Tail {
    pub fraction: f64,
    pub end: usize,
    pub scale: Option<u32>,
}

/// The fractional tail of a mixed number after `i`.
pub(super) fn mixed_tail(b: &[u8], i: usize) -> Option<Tail> {
    let and = super::scan::next_word(b, i)
        .or_else(|| (byte(b, i) == b'-').then(|| word_at(b, i + 1)))
        .filter(|w| w.is(k::AND))?;
    // `four-and-a-half`: hyphens may join the words.
    let next = |at: usize| {
        if byte(b, at) == b'-' && is_alpha(byte(b, at + 1)) {
            Some(word_at(b, at + 1))
        } else {
            next_word(b, at)
        }
    };
    let w = next(and.end)?;
    let (fraction, end) = if w.is(k::A) || w.is(k::AN) {
        let d = next(w.end)?;
        let v = match lookup(d.key)? {
            Entry::Fraction(n) if byte(b, d.end - 1) != b's' => 1.0 / f64::from(n),
            Entry::OrdSmall(n @ 3..) | Entry::OrdTens(n) => 1.0 / f64::from(n),
            Entry::OrdScale(e) => 1.0 / pow10(u32::from(e)),
            _ => return None,
        };
        (v, d.end)
    } else {
        let e = lookup(w.key).filter(|e| matches!(e, Entry::Small(_) | Entry::Tens(_)))?;
        let sp = read_spelled(b, w, e, false).filter(|s| s.fraction && s.value < 1.0)?;
        (sp.value, sp.end)
    };
    let (scale, end) = match next_word(b, end).map(|s| (lookup(s.key), s.end)) {
        Some((Some(Entry::Scale(s)), e)) => (Some(u32::from(s)), e),
        _ => (None, end),
    };
    Some(Tail {
        fraction,
        end,
        scale,
    })
}

/// `point zero three`, `point seventy-one`, `point eleven`: the decimals after `i` read as
/// digits (one word per digit, or one number below a hundred), and their end.
fn decimals(b: &[u8], i: usize) -> Option<(f64, usize)> {
    let p = next_word_is(b, i, k::POINT)?;
    let mut digits = 0u32;
    let mut mantissa = 0u64;
    let mut end = p.end;
    while let Some((w, Entry::Small(d @ 0..=9), false)) = next_number_word(b, end) {
        mantissa = mantissa * 10 + u64::from(d);
        digits += 1;
        end = w.end;
        if digits >= 12 {
            break;
        }
    }
    if digits == 0 {
        let w = next_word(b, p.end)?;
        let e = lookup(w.key).filter(|e| matches!(e, Entry::Small(10..) | Entry::Tens(_)))?;
        let sp = read_plain(b, w, e).filter(|s| s.value < 100.0)?;
        let v = sp.value;
        return Some((v / if v < 10.0 { 10.0 } else { 100.0 }, sp.end));
    }
    Some((mantissa as f64 / pow10(digits), end))
}

/// A cardinal with no decimals or mixed tail (for the words after `point`).
fn read_plain(b: &[u8], first: Word, entry: Entry) -> Option<Spelled> {
    Reader::new(first, false).run(b, first, entry)
}

/// Reads a spelled-out number starting with word `first` (whose entry is `entry`).
/// `implicit_one` lets it start with `hundred`, a scale word or `dozen` (after `a`).
pub(super) fn read_spelled(
    b: &[u8],
    first: Word,
    entry: Entry,
    implicit_one: bool,
) -> Option<Spelled> {
    let mut sp = Reader::new(first, implicit_one).run(b, first, entry)?;
    if sp.ordinal || sp.fraction {
        return Some(sp);
    }
    if let Some((d, end)) = decimals(b, sp.end) {
        sp.value += d;
        sp.end = end;
        sp.words += 1;
        return Some(sp);
    }
    Some(sp)
}

/// The state of one reading.
struct Reader {
    out: Spelled,
    total: f64,
    group: u64,
    last_scale: u8,
    state: State,
    /// The whole number before an `and` that joined a tail (`two hundred and …`), and
    /// the scale it ended on, so a proper fraction after it makes a mixed number.
    and_base: Option<(f64, Option<u8>)>,
}

impl Reader {
    fn new(first: Word, implicit_one: bool) -> Reader {
        Reader {
            out: Spelled {
                start: first.start,
                end: first.start,
                value: 0.0,
                ordinal: false,
                scaled: false,
                fraction: false,
                words: 0,
            },
            total: 0.0,
            group: u64::from(implicit_one),
            last_scale: u8::MAX,
            state: if implicit_one {
                State::Small
            } else {
                State::Empty
            },
            and_base: None,
        }
    }

    fn close(mut self, w: Word, value: f64, ordinal: bool, fraction: bool) -> Option<Spelled> {
        self.out.value = value;
        self.out.ordinal = ordinal;
        self.out.fraction = fraction;
        self.out.end = w.end;
        self.out.words += 1;
        Some(self.out)
    }

    /// `n / d` as the number's value, or a mixed number when a proper fraction follows
    /// an `and` (`two hundred and fifty-four hundredths` = 200.54, `six million and two
    /// thirds` = 6,666,667), with a scale word after it (`three quarters billion`).
    fn fraction(self, b: &[u8], w: Word, d: f64) -> Option<Spelled> {
        let n = self.total + self.group as f64;
        let mut end = w;
        let mut value = n / d;
        let after = scale_after(b, w.end);
        if let Some((whole, scale)) = self.and_base {
            let part = (n - whole) / d;
            if part < 1.0 {
                value = match (scale, after) {
                    (Some(s), Some((e, _))) if e < u32::from(s) => whole + part * pow10(e),
                    (Some(s), _) => whole + part * pow10(u32::from(s)),
                    (None, _) => whole + part,
                };
                if let (Some(s), Some((e, x))) = (scale, after)
                    && e < u32::from(s)
                {
                    end.end = x;
                }
                return self.close(end, value, false, true);
            }
        }
        if let Some((e, x)) = after {
            value *= pow10(e);
            end.end = x;
        }
        self.close(end, value, false, true)
    }

    fn run(mut self, b: &[u8], first: Word, entry: Entry) -> Option<Spelled> {
        let mut word = first;
        let mut e = entry;
        let mut hyphen = false;
        loop {
            let plural = byte(b, word.end - 1) == b's';
            let n = self.total + self.group as f64;
            let can_end_fraction =
                self.out.words > 0 && !matches!(self.state, State::Empty) && (n == 1.0) != plural;
            let accepted = match (self.state, e) {
                (State::Empty, Entry::Small(v)) if !hyphen => {
                    self.group += u64::from(v);
                    self.state = State::Small;
                    true
                }
                (State::Hundred, Entry::Small(v)) if !hyphen => {
                    self.group += u64::from(v);
                    self.state = State::Done;
                    true
                }
                (State::Tens, Entry::Small(v @ 1..=9)) => {
                    self.group += u64::from(v);
                    self.state = State::Done;
                    true
                }
                (State::Empty | State::Hundred, Entry::Tens(v)) if !hyphen => {
                    self.group += u64::from(v);
                    self.state = State::Tens;
                    true
                }
                // `five hundred`, `nineteen hundred`, `ninety-five hundred`.
                (State::Small | State::Tens | State::Done, Entry::Hundred)
                    if !hyphen
                        && (self.group < 10
                            || (self.group < 100 && self.last_scale == u8::MAX)) =>
                {
                    self.group *= 100;
                    self.state = State::Hundred;
                    self.out.scaled = true;
                    true
                }
                (State::Small | State::Tens | State::Hundred | State::Done, Entry::Scale(s))
                    if s < self.last_scale && !hyphen =>
                {
                    self.total += self.group as f64 * pow10(u32::from(s));
                    self.group = 0;
                    self.last_scale = s;
                    self.state = State::Empty;
                    self.out.scaled = true;
                    true
                }
                (State::Small | State::Tens | State::Done | State::Hundred, Entry::Dozen)
                    if !hyphen =>
                {
                    self.out.scaled = true;
                    let v = (self.total + self.group as f64) * 12.0;
                    return self.close(word, v, false, false);
                }
                // Ordinals close the number: `twenty-first`, `hundredth`.
                (State::Empty, Entry::OrdSmall(v) | Entry::OrdTens(v)) if self.out.words == 0 => {
                    return self.close(word, f64::from(v), true, false);
                }
                (State::Hundred, Entry::OrdSmall(v))
                | (State::Tens, Entry::OrdSmall(v @ 1..=9))
                    if !(hyphen && self.state != State::Tens) =>
                {
                    return self.close(word, n + f64::from(v), true, false);
                }
                (State::Hundred, Entry::OrdTens(v)) if !hyphen => {
                    return self.close(word, n + f64::from(v), true, false);
                }
                // `one hundredth`, `two millionth`.
                (State::Small | State::Tens | State::Done, Entry::OrdScale(s)) if !hyphen => {
                    return self.close(word, n * pow10(u32::from(s)), true, false);
                }
                // A fraction closes the number too: `two-thirds`, `three quarters`,
                // `thirty-two fifths`. One-word denominators agree in number.
                (_, Entry::Fraction(d)) if can_end_fraction => {
                    return self.fraction(b, word, f64::from(d));
                }
                (_, Entry::ScaleFraction(s)) if can_end_fraction && plural => {
                    return self.fraction(b, word, pow10(u32::from(s)));
                }
                (State::Small, Entry::OrdSmall(d @ 3..)) if n == 1.0 && self.out.words > 0 => {
                    return self.fraction(b, word, f64::from(d));
                }
                _ => false,
            };
            if !accepted {
                break;
            }
            self.out.end = word.end;
            self.out.words += 1;
            // `and` only joins a tail to a hundred or a scale word: `a hundred and five`.
            let mut at = word.end;
            let joinable =
                self.state == State::Hundred || (self.state == State::Empty && self.out.scaled);
            if joinable
                && let Some(w) = next_word_is(b, at, k::AND)
                && let Some((_, Entry::Small(1..) | Entry::Tens(_), false)) =
                    next_number_word(b, w.end)
            {
                let scale = (self.state == State::Empty).then_some(self.last_scale);
                self.and_base = Some((self.total + self.group as f64, scale));
                at = w.end;
            }
            match next_number_word(b, at) {
                Some((w, en, h)) => {
                    word = w;
                    e = en;
                    hyphen = h;
                }
                None => break,
            }
        }
        if self.out.words == 0 {
            return None;
        }
        let whole = self.total + self.group as f64;
        self.out.value = whole;
        // `five and a quarter`, `one hundred and three and two thirds`, `six million and a
        // half`: a proper fraction after `and`.
        if let Some(t) = mixed_tail(b, self.out.end) {
            let ended_on_scale = self.state == State::Empty && self.out.scaled;
            self.out.value = match (ended_on_scale, t.scale) {
                (true, Some(s)) if s < u32::from(self.last_scale) => whole + t.fraction * pow10(s),
                (true, None) => whole + t.fraction * pow10(u32::from(self.last_scale)),
                (false, Some(s)) => (whole + t.fraction) * pow10(s),
                (false, None) => whole + t.fraction,
                (true, Some(_)) => return Some(self.out),
            };
            self.out.end = t.end;
            self.out.fraction = true;
            self.out.scaled |= t.scale.is_some();
        }
        Some(self.out)
    }
}
