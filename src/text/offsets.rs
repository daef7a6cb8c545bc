//! Conversion of byte offsets (used inside the library) to Unicode code point offsets
//! (used in everything that leaves the program, as W3C selectors do).

/// Maps byte offsets of one text to code point offsets.
///
/// Built once per text in O(n); each lookup is O(log k) in the number of non-ASCII
/// characters, and O(1) for pure ASCII text.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// Byte offset of the start of every non-ASCII character, in order.
    wide: Vec<usize>,
    /// For each entry of `wide`, the number of extra bytes of that character.
    extra: Vec<usize>,
    len_bytes: usize,
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = Vec::new();
        if !text.is_ascii() {
            for (i, ch) in text.char_indices() {
                let n = ch.len_utf8();
                if n > 1 {
                    wide.push(i);
                    extra.push(n - 1);
                }
            }
            // Prefix sums make each lookup a single binary search.
            let mut acc = 0;
            for e in &mut extra {
                acc += *e;
                *e = acc;
            }
        }
        CodePoints {
            wide,
            extra,
            len_bytes: text.len(),
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text's length). A byte
    /// offset inside a multi-byte character maps to that character's start.
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Wide characters starting strictly before `byte`.
        let k = self.wide.partition_point(|&w| w < byte);
        if k == 0 {
            return byte;
        }
        let start = self.wide[k - 1];
        let extra_before = if k == 1 { 0 } else { self.extra[k - 2] };
        let char_end = start + 1 + (self.extra[k - 1] - extra_before);
        if byte < char_end {
            // Inside the last wide character: round down to its start.
            start - extra_before
        } else {
            byte - self.extra[k - 1]
        }
    }

    /// The byte offset of code point offset `ch`, or `None` past the end of the text.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        // Byte offset = ch + extra bytes of wide characters before it; search on the
        // character index of each wide character, which is wide[i] - extra[i-1].
        let k = partition(&self.wide, &self.extra, ch);
        let byte = ch + if k == 0 { 0 } else { self.extra[k - 1] };
        (byte <= self.len_bytes).then_some(byte)
    }
}

/// Number of wide characters whose code point index is below `ch`.
fn partition(wide: &[usize], extra: &[usize], ch: usize) -> usize {
    let (mut lo, mut hi) = (0, wide.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let before = if mid == 0 { 0 } else { extra[mid - 1] };
        if wide[mid] - before < ch {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, byte: usize) -> usize {
        text.char_indices().take_while(|&(i, _)| i < byte).count()
    }

    #[test]
    fn ascii_is_identity() {
        let cp = CodePoints::new("hello");
        assert_eq!(cp.to_char(3), 3);
        assert_eq!(cp.to_byte(3), Some(3));
        assert_eq!(cp.to_byte(6), None);
    }

    #[test]
    fn wide_characters_count_once() {
        let text = "a—b “c” é";
        let cp = CodePoints::new(text);
        for (i, _) in text.char_indices() {
            assert_eq!(cp.to_char(i), naive(text, i), "byte {i}");
        }
        assert_eq!(cp.to_char(text.len()), text.chars().count());
    }

    proptest! {
        #[test]
        fn round_trips_on_any_text(text in "\\PC{0,40}") {
            let cp = CodePoints::new(&text);
            for (n, (i, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(cp.to_char(i), n);
                prop_assert_eq!(cp.to_byte(n), Some(i));
            }
            let n = text.chars().count();
            prop_assert_eq!(cp.to_char(text.len()), n);
            prop_assert_eq!(cp.to_byte(n), Some(text.len()));
        }
    }
}
