//! Numerals written with digits: `17,000`, `518.4`, `.08`, `12,34,567`, `1 234 567`,
//! `1.111,11`. Spelled-out numbers are in [`super::spelled`].

use super::scan::{byte, is_digit};

/// More digits than this is no figure: an identifier, a hash, a run of noise.
const MAX_DIGITS: u32 = 30;

/// A digit string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Digits {
    pub start: usize,
    pub end: usize,
    /// All digits as one integer; the value is `mantissa / 10^frac_digits`.
    pub mantissa: u128,
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

    /// The plain integer value, when there are no separators or decimals (saturated: a
    /// run of more than 19 digits is an identifier whatever its value).
    pub fn plain(&self) -> Option<u64> {
        (self.frac_digits == 0 && !self.grouped)
            .then(|| u64::try_from(self.mantissa).unwrap_or(u64::MAX))
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

/// Accumulates digits into a mantissa, failing past [`MAX_DIGITS`].
struct Acc {
    mantissa: u128,
    digits: u32,
}

impl Acc {
    /// Reads the digits at `j`; returns how many and where they end.
    fn run(&mut self, b: &[u8], mut j: usize) -> Option<(u32, usize)> {
        let mut n = 0;
        while is_digit(byte(b, j)) {
            self.mantissa = self.mantissa * 10 + u128::from(byte(b, j) - b'0');
            self.digits += 1;
            n += 1;
            j += 1;
            if self.digits > MAX_DIGITS {
                return None;
            }
        }
        Some((n, j))
    }
}

/// Exactly `n` digits at `i`, and no digit after them.
fn exactly(b: &[u8], i: usize, n: usize) -> bool {
    (0..n).all(|d| is_digit(byte(b, i + d))) && !is_digit(byte(b, i + n))
}

/// Width of a space that groups digits at `i`: an ASCII space, a no-break or thin space.
fn group_space(b: &[u8], i: usize) -> usize {
    match (byte(b, i), byte(b, i + 1), byte(b, i + 2)) {
        (b' ', _, _) => 1,
        (0xC2, 0xA0, _) => 2,
        (0xE2, 0x80, 0x89 | 0xAF) => 3,
        _ => 0,
    }
}

/// Most digit groups one numeral may have: 30 digits' worth.
const MAX_GROUPS: usize = 10;

/// Where the groups after an integer run end, and how many, for each way of grouping:
/// `,ddd` (`17,000`), Indian `,dd,ddd` (`12,34,567`), spaced `ddd ddd` (`1 234 567`;
/// ASCII spaces need two groups, a thin or no-break space one), European `.ddd`
/// (`1.234.567`, `1.111,11`). `None` when the digits at `j` are not followed by groups.
fn groups(b: &[u8], j: usize, run: u32) -> Option<(usize, bool)> {
    if run > 3 {
        return None;
    }
    match byte(b, j) {
        b',' => {
            // `,dd` groups (Indian) must end in a `,ddd` group.
            let mut k = j;
            while byte(b, k) == b',' && exactly(b, k + 1, 2) && byte(b, k + 3) == b',' {
                k += 3;
                if k - j > 3 * MAX_GROUPS {
                    return None;
                }
            }
            if k > j && run > 2 {
                return None;
            }
            let mut end = k;
            while byte(b, end) == b',' && exactly(b, end + 1, 3) && end - k < 4 * MAX_GROUPS {
                end += 4;
            }
            (end > k).then_some((end, false))
        }
        b'.' => {
            let mut end = j;
            let mut n = 0;
            while byte(b, end) == b'.' && exactly(b, end + 1, 3) && n < MAX_GROUPS {
                end += 4;
                n += 1;
            }
            let comma_decimal = byte(b, end) == b',' && is_digit(byte(b, end + 1));
            let more = matches!(byte(b, end), b'.') && is_digit(byte(b, end + 1));
            ((n >= 2 || (n == 1 && comma_decimal)) && !more).then_some((end, true))
        }
        _ => {
            let mut end = j;
            let mut n = 0;
            let mut ascii = true;
            while n < MAX_GROUPS {
                let w = group_space(b, end);
                if w == 0 || !exactly(b, end + w, 3) {
                    break;
                }
                ascii &= w == 1;
                end += w + 3;
                n += 1;
            }
            (n >= 2 || (n == 1 && !ascii)).then_some((end, false))
        }
    }
}

/// Reads the digit string at `i` (a digit, or the dot of `.08`): `17,000`, `518.4`,
/// `1,234.56`, `12,34,567.89`, `1 234 567`, `1.111,11`.
pub(super) fn read_digits(b: &[u8], i: usize) -> Option<Digits> {
    let mut acc = Acc {
        mantissa: 0,
        digits: 0,
    };
    let (run, mut j) = acc.run(b, i)?;
    let mut grouped = false;
    let mut decimal = b'.';
    if let Some((end, european)) = groups(b, j, run).filter(|_| run > 0) {
        grouped = true;
        while j < end {
            j += 1; // the separator (a space is one to three bytes: skip to the digits)
            while !is_digit(byte(b, j)) {
                j += 1;
            }
            j = acc.run(b, j)?.1;
        }
        if european {
            decimal = b',';
        }
    }
    let int_digits = acc.digits;
    if byte(b, j) == decimal && is_digit(byte(b, j + 1)) {
        j = acc.run(b, j + 1)?.1;
    }
    let frac_digits = acc.digits - int_digits;
    let dotted = matches!(byte(b, j), b'.' | b',') && is_digit(byte(b, j + 1)) && !grouped
        || (byte(b, j) == b'.' && is_digit(byte(b, j + 1)));
    Some(Digits {
        start: i,
        end: j,
        mantissa: acc.mantissa,
        frac_digits,
        int_digits,
        grouped,
        dotted,
    })
}
