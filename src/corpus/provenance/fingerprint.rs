//! How claims and figures are compared: their normalised words, the words around a
//! figure, MinHash bands for candidates, a bounded edit distance, and the union-find that
//! groups them.

use super::*;

/// A claim's words as it is compared: reported speech opens with "that" or not, as the
/// writer likes.
pub(super) fn claim_words(claim: &str) -> Vec<String> {
    let mut words = words(claim);
    if words.first().is_some_and(|w| w == "that") {
        words.remove(0);
    }
    words
}

/// A claim's words, normalised: lower case, letters and digits only (`“Win-win,”` →
/// `win`, `win`).
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            // `don't` and `don’t` are one word.
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
            if out.len() == MAX_WORDS {
                return out;
            }
        }
    }
    if !word.is_empty() && out.len() < MAX_WORDS {
        out.push(word);
    }
    out
}

/// Where a figure's context stops: the end of its sentence or clause. After the figure a
/// comma ends it too (`183 countries, the UN said`).
const SENTENCE_END: [char; 9] = ['.', '!', '?', ';', '\n', ':', '—', '(', ')'];
const CLAUSE_END: [char; 10] = ['.', '!', '?', ';', '\n', ':', '—', '(', ')', ','];

/// The last words before a figure, back to the start of its sentence.
pub(super) fn sentence_words_before(text: &str) -> Vec<String> {
    // A bounded look back: the context is a few words.
    let from = text.len().saturating_sub(120);
    let from = (from..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let window = text.get(from..).unwrap_or("");
    let window = window.rsplit(SENTENCE_END).next().unwrap_or(window);
    let mut all = words(window);
    let keep = all.len().saturating_sub(CONTEXT_BEFORE);
    all.split_off(keep)
}

/// The first words after a figure, up to the end of its sentence.
pub(super) fn sentence_words_after(text: &str) -> Vec<String> {
    let to = text.len().min(120);
    let to = (0..=to)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let window = text.get(..to).unwrap_or("");
    let window = window.split(CLAUSE_END).next().unwrap_or(window);
    let mut all = words(window);
    all.truncate(CONTEXT_AFTER);
    all
}

/// Words too common to tell claims apart; left out of the signatures (not of the
/// comparison).
const STOP: [&str; 24] = [
    "the", "and", "for", "that", "this", "with", "are", "was", "were", "will", "have", "has",
    "not", "but", "our", "their", "they", "you", "all", "its", "from", "which", "who", "been",
];

pub(super) fn hash_word(word: &str) -> u64 {
    // FNV-1a: stable across runs and machines, so groups never depend on a random seed.
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

pub(super) fn mix(x: u64, seed: u64) -> u64 {
    // splitmix64 of the word's hash under each seed: one independent-looking hash per row.
    let mut z = x ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The band keys of a claim's content words (none when it has none).
pub(super) fn bands(words: &[String]) -> Option<[u64; BANDS]> {
    let hashes: Vec<u64> = words
        .iter()
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .map(|w| hash_word(w))
        .collect();
    if hashes.is_empty() {
        return None;
    }
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        *key = (0..ROWS).fold(band as u64, |key, row| {
            let seed = (band * ROWS + row) as u64 + 1;
            let min = hashes.iter().map(|&h| mix(h, seed)).min().unwrap_or(0);
            mix(key ^ min, 0x5eed)
        });
    }
    Some(keys)
}

/// Whether two claims say the same words but for a few: a word-level edit distance of at
/// most a fifth of the longer (at least 2), computed in a band of that width.
pub(super) fn near(a: &[u64], b: &[u64]) -> bool {
    let limit = (a.len().max(b.len()) / 5).max(2);
    a.len().abs_diff(b.len()) <= limit && edit_distance_within(a, b, limit)
}

/// Levenshtein distance on words ≤ `limit`, in O(len × limit): only the cells within
/// `limit` of the diagonal can hold a distance that small.
pub(crate) fn edit_distance_within<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> bool {
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let big = limit + 1;
    let at = |row: &[usize], j: usize| row.get(j).copied().unwrap_or(big);
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for (i, wa) in a.iter().enumerate().map(|(i, w)| (i + 1, w)) {
        cur.fill(big);
        if let Some(c) = cur.first_mut() {
            *c = i.min(big);
        }
        let mut row_min = i.min(big);
        for j in i.saturating_sub(limit).max(1)..=(i + limit).min(b.len()) {
            let same = b.get(j - 1) == Some(wa);
            let d = (at(&prev, j - 1) + usize::from(!same))
                .min(at(&prev, j) + 1)
                .min(at(&cur, j - 1) + 1)
                .min(big);
            if let Some(c) = cur.get_mut(j) {
                *c = d;
            }
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    at(&prev, b.len()) <= limit
}

pub(super) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

pub(super) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The earlier claim is the root: groups come out in library order.
        parent[ra.max(rb)] = ra.min(rb);
    }
}
