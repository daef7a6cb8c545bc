//! The lexicon's word table. Every word of a text is looked up in it, so a lookup is a
//! few word-sized operations: keys (up to [`MAX_KEY`] bytes of lowercase ASCII) sit
//! inline in the slots as three zero-padded `u64`s, the case of eight bytes is folded at
//! once, and a one-byte tag per slot, in an array small enough to stay in the first-level
//! cache, settles most probes for words the table lacks without reading a slot.

use super::lexicon::Lex;
use super::swar::{HIGH_BITS, in_range8};

/// The longest key the table holds, in bytes.
pub const MAX_KEY: usize = 24;

type Key = [u64; 3];

/// Open addressing with linear probing, at a load of at most one half; a tag of 0 marks
/// an empty slot.
#[derive(Debug, Clone)]
pub struct WordTable {
    tags: Vec<u8>,
    slots: Vec<(Key, Lex)>,
    mask: usize,
    len: usize,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable::with_capacity(0)
    }
}

/// ASCII lowercase of eight bytes at once: bit 7 of a capital, shifted to bit 5.
#[inline]
fn lower8(x: u64) -> u64 {
    x | (in_range8(x, b'A', b'Z') >> 2)
}

/// A key from its three words as read: `None` unless all ASCII, else case folded.
#[inline(always)]
fn folded(key: Key) -> Option<Key> {
    if (key[0] | key[1] | key[2]) & HIGH_BITS != 0 {
        return None;
    }
    Some(key.map(lower8))
}

/// Up to eight bytes as a little-endian `u64`, zero-padded, in at most three loads
/// (copying into a buffer and reading it back would stall on store forwarding).
#[inline]
fn load(bytes: &[u8]) -> u64 {
    if let Some(c) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*c);
    }
    let (mut v, mut shift, mut rest) = (0u64, 0, bytes);
    if let Some((c, r)) = rest.split_first_chunk::<4>() {
        v = u64::from(u32::from_le_bytes(*c));
        shift = 32;
        rest = r;
    }
    if let Some((c, r)) = rest.split_first_chunk::<2>() {
        v |= u64::from(u16::from_le_bytes(*c)) << shift;
        shift += 16;
        rest = r;
    }
    if let Some(&b) = rest.first() {
        v |= u64::from(b) << shift;
    }
    v
}

/// The key of `word` with ASCII letters lowercased; `None` when it is longer than
/// [`MAX_KEY`] bytes, empty, or not all ASCII.
#[inline(always)]
pub fn key_of(word: &[u8]) -> Option<Key> {
    if word.is_empty() || word.len() > MAX_KEY {
        return None;
    }
    let part = |from: usize| {
        word.get(from..)
            .map_or(0, |rest| load(rest.get(..8).unwrap_or(rest)))
    };
    folded([part(0), part(8), part(16)])
}

/// The bytes of chunk `n` (of eight) that a key of `len` bytes uses, as a mask.
#[inline]
fn chunk_mask(len: usize, n: usize) -> u64 {
    let bytes = len.saturating_sub(8 * n).min(8) as u32;
    u64::MAX.checked_shr(64 - 8 * bytes).unwrap_or(0)
}

/// [`key_of`] for the word at `text[start..start + len]`, read as three whole words from
/// the text and masked to its length: no branch on the length, whose changes from word to
/// word a branch would mispredict. (Near the end of the text, [`key_of`] does it.)
#[inline(always)]
pub fn key_in(text: &[u8], start: usize, len: usize) -> Option<Key> {
    let Some(window) = text.get(start..).and_then(|t| t.first_chunk::<MAX_KEY>()) else {
        return key_of(text.get(start..start + len)?);
    };
    if len == 0 || len > MAX_KEY {
        return None;
    }
    let mut key = [0u64; 3];
    for (n, (k, chunk)) in key.iter_mut().zip(window.chunks_exact(8)).enumerate() {
        *k = u64::from_le_bytes(chunk.try_into().ok()?) & chunk_mask(len, n);
    }
    folded(key)
}

/// The first slot to probe for `key`, and its tag (never 0).
#[inline]
fn hash(key: &Key) -> (usize, u8) {
    let mixed = (key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((mixed >> 32) as usize, (mixed >> 56) as u8 | 1)
}

impl WordTable {
    /// An empty table with room for `n` words.
    pub fn with_capacity(n: usize) -> Self {
        let size = (n * 2).max(16).next_power_of_two();
        WordTable {
            tags: vec![0; size],
            slots: vec![([0; 3], Lex::default()); size],
            mask: size - 1,
            len: 0,
        }
    }

    /// Builds the table from `(word, entry)` pairs; a word that cannot be a key (too long,
    /// not ASCII) is left out, as no token could find it.
    pub fn from_entries<'w>(entries: impl IntoIterator<Item = (&'w str, Lex)>) -> Self {
        let entries: Vec<_> = entries.into_iter().collect();
        let mut table = WordTable::with_capacity(entries.len());
        for (word, lex) in entries {
            if let Some(key) = key_of(word.as_bytes()) {
                table.insert(key, lex);
            }
        }
        table
    }

    fn insert(&mut self, key: Key, lex: Lex) {
        let (start, tag) = hash(&key);
        let mut at = start & self.mask;
        loop {
            let (Some(t), Some(slot)) = (self.tags.get_mut(at), self.slots.get_mut(at)) else {
                return;
            };
            if *t == 0 {
                *t = tag;
                *slot = (key, lex);
                self.len += 1;
                return;
            }
            if slot.0 == key {
                slot.1 = lex;
                return;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The entry for `key`, if the table holds it.
    #[inline]
    pub fn find(&self, key: &Key) -> Option<&Lex> {
        let key = *key;
        let (start, tag) = hash(&key);
        let mut at = start & self.mask;
        // At a load of one half an empty slot comes soon and ends the probe.
        loop {
            let t = *self.tags.get(at)?;
            if t == 0 {
                return None;
            }
            if t == tag {
                let (k, lex) = self.slots.get(at)?;
                // Word by word, in registers: an array compare would read the key back
                // from memory as wider loads than it was written with, and stall.
                if (k[0] ^ key[0]) | (k[1] ^ key[1]) | (k[2] ^ key[2]) == 0 {
                    return Some(lex);
                }
            }
            at = (at + 1) & self.mask;
        }
    }

    /// The entry for `word` (any ASCII case).
    pub fn get(&self, word: &str) -> Option<&Lex> {
        self.find(&key_of(word.as_bytes())?)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lex(class: u32) -> Lex {
        Lex {
            class,
            ..Lex::default()
        }
    }

    #[test]
    fn finds_words_in_any_ascii_case_and_nothing_else() {
        let words = [
            "said",
            "says",
            "spokesman",
            "u.s.",
            "o'brien",
            "twenty-four",
        ];
        let table = WordTable::from_entries(words.iter().zip(1..).map(|(w, n)| (*w, lex(n))));
        assert_eq!(table.len(), words.len());
        for (n, w) in (1..).zip(words) {
            assert_eq!(table.get(w), Some(&lex(n)));
            assert_eq!(table.get(&w.to_uppercase()), Some(&lex(n)));
        }
        for w in ["sai", "saidx", "", "spokeswoman", "said ", "SAÏD"] {
            assert_eq!(table.get(w), None, "{w}");
        }
    }

    #[test]
    fn keys_of_the_longest_words_and_past_them() {
        let long = "a".repeat(MAX_KEY);
        assert!(key_of(long.as_bytes()).is_some());
        assert!(key_of(format!("{long}a").as_bytes()).is_none());
        // Case folding changes the capitals and nothing else.
        for b in 0u8..0x80 {
            let folded = key_of(&[b, b'x']).map(|k| k[0] as u8);
            assert_eq!(folded, Some(b.to_ascii_lowercase()), "{b:#x}");
        }
        // Every length packs to a different key.
        let keys: Vec<_> = (1..=MAX_KEY)
            .map(|n| key_of("b".repeat(n).as_bytes()))
            .collect();
        for (n, k) in keys.iter().enumerate() {
            assert!(k.is_some() && !keys[..n].contains(k), "{n}");
        }
    }

    proptest! {
        #[test]
        fn keys_read_in_place_are_the_keys_of_the_words(
            text in "[a-zA-Z'. é-]{0,80}",
            start in 0usize..80,
            len in 0usize..30,
        ) {
            let bytes = text.as_bytes();
            let want = bytes.get(start..start + len).and_then(key_of);
            prop_assert_eq!(key_in(bytes, start, len), want);
        }

        #[test]
        fn agrees_with_a_hash_map(
            words in proptest::collection::hash_set("[a-zA-Z'.-]{1,26}", 0..300),
            probes in proptest::collection::vec("[a-zA-Z'.-]{1,26}", 0..50),
        ) {
            let mut map = std::collections::HashMap::new();
            for (n, w) in (1..).zip(&words) {
                if w.len() <= MAX_KEY {
                    map.insert(w.to_ascii_lowercase(), lex(n));
                }
            }
            let table = WordTable::from_entries(map.iter().map(|(w, l)| (w.as_str(), *l)));
            prop_assert_eq!(table.len(), map.len());
            for w in words.iter().chain(&probes) {
                prop_assert_eq!(table.get(w), map.get(&w.to_ascii_lowercase()));
            }
        }
    }
}
