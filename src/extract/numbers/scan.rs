//! Byte-level cursor helpers: words, spaces and neighbours, without allocation.
//!
//! Every helper is bounded (a few spaces, a short word) so that looking around a
//! candidate number costs O(1) and the whole scan stays linear.

use crate::extract::swar::{HIGH_BITS, ONES, in_range8};

/// Longest run of spaces allowed inside one number expression.
const MAX_SPACES: usize = 3;
/// Longest word the lexicon can hold (see [`super::lexicon::key`]).
const MAX_WORD: usize = 16;

/// A run of ASCII letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    /// Lower-cased packed letters, or 0 when the word is too long for the lexicon.
    pub key: u128,
}

impl Word {
    pub fn is(self, k: u128) -> bool {
        self.key == k
    }

    /// Starts with a capital letter.
    pub fn capitalised(self, b: &[u8]) -> bool {
        b.get(self.start).is_some_and(u8::is_ascii_uppercase)
    }

    /// Has a capital letter anywhere (`Linjia`, `iPhone`, `COP`).
    pub fn has_capital(self, b: &[u8]) -> bool {
        b.get(self.start..self.end)
            .is_some_and(|w| w.iter().any(u8::is_ascii_uppercase))
    }

    /// Written entirely in capitals.
    pub fn all_caps(self, b: &[u8]) -> bool {
        b.get(self.start..self.end)
            .is_some_and(|w| w.iter().all(u8::is_ascii_uppercase))
    }

    pub fn bytes(self, b: &[u8]) -> &[u8] {
        b.get(self.start..self.end).unwrap_or(&[])
    }
}

pub(super) fn byte(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

pub(super) fn is_alpha(c: u8) -> bool {
    c.is_ascii_alphabetic()
}

pub(super) fn is_digit(c: u8) -> bool {
    c.is_ascii_digit()
}

pub(super) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Bit 7 of each byte of `x` set where that byte is an ASCII letter (either case folds
/// to lowercase first: setting bit 5 leaves no other byte in `a..=z`).
fn letters8(x: u64) -> u64 {
    in_range8(x | (ONES * 0x20), b'a', b'z')
}

/// One past the run of ASCII letters starting at `i`, found eight bytes at a time: a
/// loop per letter ends at a length that changes from word to word, and mispredicts.
fn letters_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(chunk) = b.get(j..).and_then(|r| r.first_chunk::<8>()) {
        let others = !letters8(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if others != 0 {
            return j + (others.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while b.get(j).is_some_and(|&c| is_alpha(c)) {
        j += 1;
    }
    j
}

/// The key of the `len` letters at `i` (see [`super::lexicon::key`]): the bytes read
/// big-endian in whole words and shifted to the length, or one by one near the end of
/// the text.
fn key_at(b: &[u8], i: usize, len: usize) -> u128 {
    const LOWER: u128 = u128::from_ne_bytes([0x20; 16]);
    if len == 0 || len > MAX_WORD {
        return 0;
    }
    match b.get(i..).and_then(|r| r.first_chunk::<16>()) {
        Some(chunk) => (u128::from_be_bytes(*chunk) | LOWER) >> (8 * (16 - len)),
        None => b
            .get(i..i + len)
            .unwrap_or(&[])
            .iter()
            .fold(0, |key, &c| (key << 8) | u128::from(c | 0x20)),
    }
}

/// Reads the word starting at `i` (a letter) and its key.
pub(super) fn word_at(b: &[u8], i: usize) -> Word {
    let end = letters_end(b, i);
    Word {
        start: i,
        end,
        key: key_at(b, i, end - i),
    }
}

/// Width of the horizontal space character at `i` (ASCII space or tab, no-break and
/// narrow spaces), or 0.
fn space_width(b: &[u8], i: usize) -> usize {
    match byte(b, i) {
        b' ' | b'\t' => 1,
        0xC2 if byte(b, i + 1) == 0xA0 => 2,
        0xE2 if byte(b, i + 1) == 0x80 && matches!(byte(b, i + 2), 0x89 | 0xAF) => 3,
        _ => 0,
    }
}

/// Skips up to a few spaces and at most one line break (never a blank line).
pub(super) fn skip_space(b: &[u8], mut i: usize) -> usize {
    let mut n = 0;
    let mut newline = false;
    while n < MAX_SPACES {
        let c = byte(b, i);
        let w = space_width(b, i);
        if w > 0 {
            i += w;
        } else if c == b'\r' && byte(b, i + 1) == b'\n' && !newline {
            i += 2;
            newline = true;
        } else if c == b'\n' && !newline {
            i += 1;
            newline = true;
        } else {
            break;
        }
        n += 1;
    }
    i
}

/// Skips spaces backwards from `i`, not below `floor`; same limits as [`skip_space`].
pub(super) fn skip_space_back(b: &[u8], mut i: usize, floor: usize) -> usize {
    let mut n = 0;
    let mut newline = false;
    while n < MAX_SPACES && i > floor {
        let c = byte(b, i - 1);
        if c == b' ' || c == b'\t' {
            i -= 1;
        } else if c == 0xA0 && i >= floor + 2 && byte(b, i - 2) == 0xC2 {
            i -= 2;
        } else if matches!(c, 0x89 | 0xAF) && i >= floor + 3 && byte(b, i - 2) == 0x80 {
            i -= 3;
        } else if c == b'\n' && !newline {
            i -= 1;
            newline = true;
            if i > floor && byte(b, i - 1) == b'\r' {
                i -= 1;
            }
        } else {
            break;
        }
        n += 1;
    }
    i
}

/// The word after the spaces at `i`, if a word comes next.
pub(super) fn next_word(b: &[u8], i: usize) -> Option<Word> {
    let j = skip_space(b, i);
    is_alpha(byte(b, j)).then(|| word_at(b, j))
}

/// The word right before `i` (spaces allowed in between, no punctuation), starting at or
/// after `floor`.
pub(super) fn word_before(b: &[u8], i: usize, floor: usize) -> Option<Word> {
    let end = skip_space_back(b, i, floor);
    if end == i && i > floor && is_alpha(byte(b, i - 1)) {
        return None; // glued to `i`: not a separate word
    }
    let mut start = end;
    while start > floor && is_alpha(byte(b, start - 1)) {
        start -= 1;
        if end - start > MAX_WORD {
            return None;
        }
    }
    if start == end || (start > 0 && is_digit(byte(b, start - 1))) {
        return None;
    }
    if start > 0 && prev_char(b, start).is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(word_at(b, start))
}

/// The character that ends at byte `i`, if `i` is on a character boundary.
pub(super) fn prev_char(b: &[u8], i: usize) -> Option<char> {
    let lo = i.saturating_sub(4);
    let tail = b.get(lo..i)?;
    // The last character starts at the last byte that is not a continuation byte.
    let start = tail.iter().rposition(|&c| c & 0xC0 != 0x80)?;
    std::str::from_utf8(tail.get(start..)?).ok()?.chars().next()
}

/// Whether byte `i` starts a sentence: only opening quotes or brackets between it and the
/// previous sentence end, line break, or the start of the text.
pub(super) fn at_sentence_start(b: &[u8], i: usize) -> bool {
    let mut j = i;
    for _ in 0..6 {
        let Some(c) = prev_char(b, j) else {
            return true;
        };
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '\'' | '(' | '[' | '“' | '‘' | '«' => {
                j -= c.len_utf8();
            }
            '.' | '!' | '?' | '\n' | ':' | ';' | '—' | '>' => return true,
            _ => return false,
        }
    }
    false
}

/// Whether the word right before `start` is a possessive (`Tuesday's`, `states'`).
pub(super) fn after_possessive(b: &[u8], start: usize) -> bool {
    let end = skip_space_back(b, start, 0);
    if end == start {
        return false;
    }
    let s = b.get(..end).unwrap_or(&[]);
    s.ends_with(b"'s")
        || s.ends_with("’s".as_bytes())
        || s.ends_with(b"s'")
        || s.ends_with("s’".as_bytes())
}

/// End of the token run at `i`: letters, digits and the punctuation that joins them
/// (`555-1234`, `1.2.3`, `10:30`), so a rejected code is skipped whole.
pub(super) fn token_end(b: &[u8], mut i: usize) -> usize {
    loop {
        let c = byte(b, i);
        if is_alnum(c) {
            i += 1;
        } else if matches!(c, b'.' | b',' | b':' | b'/' | b'-' | b'_') && is_alnum(byte(b, i + 1)) {
            i += 2;
        } else {
            return i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain reading [`word_at`] must agree with: a letter at a time.
    fn word_by_letters(b: &[u8], i: usize) -> Word {
        let mut j = i;
        let mut key = 0u128;
        while let Some(&c) = b.get(j).filter(|c| is_alpha(**c)) {
            key = (key << 8) | u128::from(c | 0x20);
            j += 1;
        }
        Word {
            start: i,
            end: j,
            key: if j - i > MAX_WORD { 0 } else { key },
        }
    }

    #[test]
    fn words_of_every_length_near_the_end_and_inside() {
        for len in 0..40 {
            let word = "Ab".repeat(20);
            let text = format!("{} x{}", &word[..len], "y".repeat(20));
            for b in [text.as_bytes(), &text.as_bytes()[..len]] {
                assert_eq!(word_at(b, 0), word_by_letters(b, 0), "{len}");
            }
        }
        // Letters next to every other byte, non-ASCII ones included.
        for c in 0u8..=255 {
            let b = [
                b'q', b'Z', c, b'a', b'b', b'c', b'd', b'e', b'f', b'g', b'h',
            ];
            assert_eq!(word_at(&b, 0), word_by_letters(&b, 0), "{c:#x}");
        }
    }

    proptest! {
        #[test]
        fn reads_words_as_a_letter_at_a_time_would(
            text in "[a-zA-Z0-9 .,'é@\\[`{-]{0,60}",
            at in 0usize..60,
        ) {
            let b = text.as_bytes();
            prop_assert_eq!(word_at(b, at), word_by_letters(b, at));
        }
    }
}
