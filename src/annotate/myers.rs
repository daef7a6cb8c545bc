//! Bit-parallel edit distance (Myers 1999, with Hyyrö's blocks for patterns longer than 64
//! characters): O(⌈m/64⌉·n) for a pattern of m characters against n characters of text.
//! Distances count Unicode code points.

/// A pattern prepared for scanning: one bit vector per distinct character.
#[derive(Debug, Clone)]
pub struct Pattern {
    len: usize,
    blocks: usize,
    /// Symbol index of each ASCII character (0: not in the pattern).
    ascii: [u32; 128],
    /// Symbol index of each non-ASCII character, sorted by character.
    other: Vec<(char, u32)>,
    /// `blocks` words per symbol; symbol 0 is all zeros.
    peq: Vec<u64>,
}

/// Scanning mode: where a match may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Anywhere in the text (approximate substring search).
    Search,
    /// At the start of the text (plain edit distance of the text read so far).
    Global,
}

impl Pattern {
    pub fn new(chars: impl IntoIterator<Item = char>) -> Self {
        let chars: Vec<char> = chars.into_iter().collect();
        let len = chars.len();
        let blocks = len.div_ceil(64).max(1);
        let mut pattern = Pattern {
            len,
            blocks,
            ascii: [0; 128],
            other: Vec::new(),
            peq: vec![0; blocks],
        };
        for (i, &c) in chars.iter().enumerate() {
            let symbol = match pattern.symbol(c) {
                0 => pattern.add_symbol(c),
                s => s,
            };
            let word = symbol as usize * blocks + i / 64;
            if let Some(w) = pattern.peq.get_mut(word) {
                *w |= 1 << (i % 64);
            }
        }
        pattern
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn symbol(&self, c: char) -> u32 {
        if c.is_ascii() {
            self.ascii.get(c as usize).copied().unwrap_or(0)
        } else {
            self.other
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .and_then(|i| self.other.get(i))
                .map_or(0, |&(_, s)| s)
        }
    }

    fn add_symbol(&mut self, c: char) -> u32 {
        let symbol = (self.peq.len() / self.blocks) as u32;
        self.peq.extend(std::iter::repeat_n(0, self.blocks));
        if c.is_ascii() {
            if let Some(slot) = self.ascii.get_mut(c as usize) {
                *slot = symbol;
            }
        } else {
            let at = self.other.partition_point(|&(k, _)| k < c);
            self.other.insert(at, (c, symbol));
        }
        symbol
    }

    /// Feeds `text` through the automaton; after each character, calls `visit` with the
    /// character's index in the iteration and the edit distance of the pattern against the
    /// best text substring ending there ([`Mode::Search`]) or against the whole text read so
    /// far ([`Mode::Global`]).
    pub fn scan(
        &self,
        text: impl IntoIterator<Item = char>,
        mode: Mode,
        mut visit: impl FnMut(usize, usize),
    ) {
        let mut pv = vec![!0u64; self.blocks];
        let mut mv = vec![0u64; self.blocks];
        let last_bit = 1u64 << ((self.len.max(1) - 1) % 64);
        let mut score = self.len as isize;
        for (index, c) in text.into_iter().enumerate() {
            let base = self.symbol(c) as usize * self.blocks;
            let mut carry: i8 = if mode == Mode::Global { 1 } else { 0 };
            for b in 0..self.blocks {
                let eq = self.peq.get(base + b).copied().unwrap_or(0);
                let high = if b + 1 == self.blocks {
                    last_bit
                } else {
                    1 << 63
                };
                let (Some(p), Some(m)) = (pv.get_mut(b), mv.get_mut(b)) else {
                    break;
                };
                carry = advance(p, m, eq, carry, high);
            }
            score += isize::from(carry);
            visit(index, score.max(0) as usize);
        }
    }

    /// Plain edit distance between the pattern and `text`.
    pub fn distance(&self, text: &str) -> usize {
        if self.len == 0 {
            return text.chars().count();
        }
        let mut last = self.len;
        self.scan(text.chars(), Mode::Global, |_, d| last = d);
        last
    }
}

/// One block of one column of Myers' algorithm; returns the horizontal delta at the block's
/// last row, which is the next block's input.
fn advance(pv: &mut u64, mv: &mut u64, mut eq: u64, carry_in: i8, high: u64) -> i8 {
    let (p, m) = (*pv, *mv);
    let xv = eq | m;
    if carry_in < 0 {
        eq |= 1;
    }
    let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
    let mut ph = m | !(xh | p);
    let mut mh = p & xh;
    let carry_out = if ph & high != 0 {
        1
    } else if mh & high != 0 {
        -1
    } else {
        0
    };
    ph <<= 1;
    mh <<= 1;
    match carry_in {
        c if c < 0 => mh |= 1,
        c if c > 0 => ph |= 1,
        _ => {}
    }
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    carry_out
}

/// Edit distance between two strings, in code points.
pub fn levenshtein(a: &str, b: &str) -> usize {
    if a.is_empty() {
        return b.chars().count();
    }
    Pattern::new(a.chars()).distance(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for j in 0..b.len() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != b[j]))
                    .min(row[j] + 1)
                    .min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }

    fn naive_search(p: &str, t: &str) -> Vec<usize> {
        let t: Vec<char> = t.chars().collect();
        (1..=t.len())
            .map(|e| {
                (0..=e)
                    .map(|s| naive(p, &t[s..e].iter().collect::<String>()))
                    .min()
                    .unwrap_or(0)
            })
            .collect()
    }

    #[test]
    fn known_distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("abc", ""), 3);
        assert_eq!(levenshtein("héllo wörld", "hello world"), 2);
    }

    #[test]
    fn long_patterns_span_blocks() {
        let a = "the quick brown fox jumps over the lazy dog ".repeat(5);
        let mut b = a.replacen("quick", "quack", 2);
        b.insert_str(100, "XYZ");
        assert_eq!(levenshtein(&a, &b), naive(&a, &b));
    }

    proptest! {
        #[test]
        fn matches_the_textbook_algorithm(a in "[abcé]{0,150}", b in "[abcé]{0,150}") {
            prop_assert_eq!(levenshtein(&a, &b), naive(&a, &b));
        }

        #[test]
        fn search_matches_the_textbook_algorithm(p in "[abc]{1,70}", t in "[abc]{0,40}") {
            let mut got = Vec::new();
            Pattern::new(p.chars()).scan(t.chars(), Mode::Search, |_, d| got.push(d));
            prop_assert_eq!(got, naive_search(&p, &t));
        }
    }
}
