//! Numerals: digit strings (`17,000`, `518.4`) and spelled-out numbers
//! (`twenty-one`, `a hundred and five`, `three quarters`).

use super::lexicon::{Entry, k, lookup};
use super::scan::{Word, byte, is_alpha, is_digit, skip_space, word_at};

/// More digits than this is a code or an identifier, not a figure.
const MAX_DIGITS: u32 = 18;

/// A digit string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Digits {
    pub start: usize,
    pub end: usize,
    /// All digits as one integer; the value is `mantissa / 10^frac_digits`.
    pub mantissa: u64,
    pub frac_digits: u32,
    pub int_digits: u32,
    /// Written with thousands separators.
    pub grouped: bool,
    /// Followed by another `.digit` (`1.2.3`): a version or an address.
    pub dotted: bool,
}

impl Digits {
    pub fn is_integer(&self) -> bool {
        self.frac_digits == 0
    }

    /// The plain integer value, when there are no separators or decimals.
    pub fn plain(&self) -> Option<u64> {
        (self.frac_digits == 0 && !self.grouped).then_some(self.mantissa)
    }

    pub fn leading_zero(&self, b: &[u8]) -> bool {
        self.int_digits > 1 && byte(b, self.start) == b'0'
    }

    /// The value times `10^exp`, exact whenever the result is a representable integer.
    pub fn value(&self, exp: u32) -> f64 {
        let m = self.mantissa as f64;
        if exp >= self.frac_digits {
            m * pow10(exp - self.frac_digits)
        } else {
            m / pow10(self.frac_digits - exp)
        }
    }
}

pub(super) fn pow10(n: u32) -> f64 {
    10f64.powi(n.min(300) as i32)
}

/// Reads the digit string at `i` (a digit): `17,000`, `518.4`, `1,234.56`.
pub(super) fn read_digits(b: &[u8], i: usize) -> Option<Digits> {
    let mut j = i;
    let mut mantissa = 0u64;
    let mut int_digits = 0u32;
    let mut run = 0u32;
    let mut grouped = false;
    loop {
        while is_digit(byte(b, j)) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u64::from(byte(b, j) - b'0'))?;
            int_digits += 1;
            run += 1;
            j += 1;
            if int_digits > MAX_DIGITS {
                return None;
            }
        }
        // A thousands separator: a comma followed by exactly three digits.
        let three = (1..=3).all(|d| is_digit(byte(b, j + d))) && !is_digit(byte(b, j + 4));
        if byte(b, j) == b',' && three && run <= 3 && (run == 3 || !grouped) {
            grouped = true;
            run = 0;
            j += 1;
        } else {
            break;
        }
    }
    let mut frac_digits = 0;
    if byte(b, j) == b'.' && is_digit(byte(b, j + 1)) {
        j += 1;
        while is_digit(byte(b, j)) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u64::from(byte(b, j) - b'0'))?;
            frac_digits += 1;
            j += 1;
            if int_digits + frac_digits > MAX_DIGITS {
                return None;
            }
        }
    }
    let dotted = matches!(byte(b, j), b'.' | b',') && is_digit(byte(b, j + 1));
    Some(Digits {
        start: i,
        end: j,
        mantissa,
        frac_digits,
        int_digits,
        grouped,
        dotted,
    })
}

/// A spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Spelled {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub ordinal: bool,
    /// Contains `hundred`, a scale word or `dozen`.
    pub scaled: bool,
    /// A fraction (`two-thirds`).
    pub fraction: bool,
    /// How many number words.
    pub words: u32,
}

/// Where the grammar of a group (a number below a thousand) stands.
#[derive(Clone, Copy, PartialEq, Eq)]
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

/// The next number word after `i`: joined by one hyphen (`twenty-one`) or spaces.
fn next_number_word(b: &[u8], i: usize) -> Option<(Word, Entry, bool)> {
    let hyphen = byte(b, i) == b'-' && is_alpha(byte(b, i + 1));
    let j = if hyphen { i + 1 } else { skip_space(b, i) };
    if j == i || !is_alpha(byte(b, j)) {
        return None;
    }
    let w = word_at(b, j);
    let e = lookup(w.key)?;
    Some((w, e, hyphen))
}

/// Reads a spelled-out number starting with word `first` (whose entry is `entry`).
/// `implicit_one` lets it start with `hundred`, a scale word or `dozen` (after `a`).
pub(super) fn read_spelled(
    b: &[u8],
    first: Word,
    entry: Entry,
    implicit_one: bool,
) -> Option<Spelled> {
    let mut total = 0f64;
    let mut group = 0u64;
    let mut last_scale = u8::MAX;
    let mut state = State::Empty;
    let mut out = Spelled {
        start: first.start,
        end: first.start,
        value: 0.0,
        ordinal: false,
        scaled: false,
        fraction: false,
        words: 0,
    };
    if implicit_one {
        group = 1;
        state = State::Small;
    }
    let mut word = first;
    let mut e = entry;
    let mut hyphen = false;
    loop {
        let accepted = match (state, e) {
            (State::Empty, Entry::Small(v)) if !hyphen => {
                group += u64::from(v);
                state = State::Small;
                true
            }
            (State::Hundred, Entry::Small(v)) if !hyphen => {
                group += u64::from(v);
                state = State::Done;
                true
            }
            (State::Tens, Entry::Small(v @ 1..=9)) => {
                group += u64::from(v);
                state = State::Done;
                true
            }
            (State::Empty | State::Hundred, Entry::Tens(v)) if !hyphen => {
                group += u64::from(v);
                state = State::Tens;
                true
            }
            (State::Small, Entry::Hundred) if group < 10 && !hyphen => {
                group *= 100;
                state = State::Hundred;
                out.scaled = true;
                true
            }
            (State::Small | State::Tens | State::Hundred | State::Done, Entry::Scale(s))
                if s < last_scale && !hyphen =>
            {
                total += group as f64 * pow10(u32::from(s));
                group = 0;
                last_scale = s;
                state = State::Empty;
                out.scaled = true;
                true
            }
            (State::Small | State::Tens | State::Done, Entry::Dozen) if !hyphen => {
                group *= 12;
                out.scaled = true;
                out.end = word.end;
                out.words += 1;
                break;
            }
            // Ordinals close the number: `twenty-first`, `hundredth`.
            (State::Empty, Entry::OrdSmall(v)) if out.words == 0 => {
                group += u64::from(v);
                out.ordinal = true;
                out.end = word.end;
                out.words += 1;
                break;
            }
            (State::Hundred, Entry::OrdSmall(v)) | (State::Tens, Entry::OrdSmall(v @ 1..=9))
                if !(hyphen && state != State::Tens) =>
            {
                group += u64::from(v);
                out.ordinal = true;
                out.end = word.end;
                out.words += 1;
                break;
            }
            (State::Empty, Entry::OrdTens(v)) if out.words == 0 => {
                group += u64::from(v);
                out.ordinal = true;
                out.end = word.end;
                out.words += 1;
                break;
            }
            (State::Hundred, Entry::OrdTens(v)) if !hyphen => {
                group += u64::from(v);
                out.ordinal = true;
                out.end = word.end;
                out.words += 1;
                break;
            }
            // A fraction closes the number too: `two-thirds`, `three quarters`.
            // One-word denominators agree in number: `one quarter`, `three quarters`.
            (State::Small, Entry::Fraction(d))
                if group < 20
                    && out.words > 0
                    && (group == 1) != (byte(b, word.end - 1) == b's') =>
            {
                let v = group as f64 / f64::from(d);
                out.value = total + v;
                out.fraction = true;
                out.end = word.end;
                out.words += 1;
                return Some(out);
            }
            (State::Small, Entry::OrdSmall(d @ 3..)) if group == 1 && out.words > 0 => {
                out.value = total + 1.0 / f64::from(d);
                out.fraction = true;
                out.end = word.end;
                out.words += 1;
                return Some(out);
            }
            _ => false,
        };
        if !accepted {
            break;
        }
        out.end = word.end;
        out.words += 1;
        // `and` only joins a tail to a hundred or a scale word: `a hundred and five`.
        let mut at = word.end;
        let joinable = state == State::Hundred || (state == State::Empty && out.scaled);
        if joinable
            && let Some(w) = next_word_is(b, at, k::AND)
            && let Some((_, Entry::Small(1..) | Entry::Tens(_), false)) = next_number_word(b, w.end)
        {
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
    if out.words == 0 {
        return None;
    }
    out.value = total + group as f64;
    Some(out)
}

/// The word after `i` when its key is `key`.
pub(super) fn next_word_is(b: &[u8], i: usize, key: u128) -> Option<Word> {
    super::scan::next_word(b, i).filter(|w| w.is(key))
}
