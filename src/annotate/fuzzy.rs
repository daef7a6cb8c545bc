//! Fuzzy placement of a quote that no longer occurs word for word.
//!
//! Candidate windows come from exact matches of pieces of the quote: split into `k + 1`
//! pieces, a passage within `k` edits keeps at least one piece intact (pigeonhole), so the
//! search never needs to scan the whole article. Pieces that occur too often to say
//! anything are skipped, and the area around the old position is always a candidate. In
//! each window a bit-parallel scan finds the passages within `k` edits; each is scored by
//! its similarity to the quote and by how well its surroundings agree with the stored
//! prefix and suffix. Below the minimum score, or without agreeing context, there is no
//! placement: an orphan is better than a wrong place.

use std::cell::Cell;

use memchr::memmem;

use super::anchor::MAX_ERROR_RATE;
use super::model::Target;
use super::myers::{Mode, Pattern, levenshtein};
use crate::extract::Span;

/// Quotes shorter than this are never placed fuzzily: too easy to place wrongly.
pub const MIN_FUZZY_CHARS: usize = 10;
/// The prefix or the suffix must be at least this similar to the text around the match.
pub const MIN_CONTEXT_AGREEMENT: f64 = 0.5;
/// Minimum of `0.6 × quote similarity + 0.4 × mean context similarity`.
pub const MIN_SCORE: f64 = 0.7;
/// A piece of the quote found more often than this does not narrow the search.
const MAX_PIECE_HITS: usize = 64;
/// Candidate end positions examined per window.
const MAX_ENDS_PER_WINDOW: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: f64,
    distance_from_old: usize,
    span: Span,
}

/// The best fuzzy placement of `target`'s quote in `text`, if any is good enough. `old` is
/// the stored position as a byte offset of `text`, used to break ties.
pub fn find(text: &str, target: &Target, old: usize) -> Option<Span> {
    let quote = target.exact.as_str();
    let m = quote.chars().count();
    if m < MIN_FUZZY_CHARS {
        return None;
    }
    let max_edits = (m as f64 * MAX_ERROR_RATE).floor() as usize;
    let forward = Pattern::new(quote.chars());
    let backward = Pattern::new(quote.chars().rev());
    let mut best: Option<Candidate> = None;
    for (from, to) in candidate_windows(text, quote, m, max_edits, old) {
        for end in match_ends(text, from, to, &forward, max_edits) {
            // A match is at most `m + max_edits` characters long.
            let reach = end.saturating_sub(quote.len() + 4 * (max_edits + 1));
            let back_to = floor_boundary(text, reach.max(from));
            let Some(start) = match_start(text, back_to, end, &backward, quote.len()) else {
                continue;
            };
            let Some(found) = text.get(start..end) else {
                continue;
            };
            let edits = forward.distance(found);
            if edits > max_edits {
                continue;
            }
            let Some(score) = score(text, target, Span::new(start, end), edits, m) else {
                continue;
            };
            let candidate = Candidate {
                score,
                distance_from_old: start.abs_diff(old),
                span: Span::new(start, end),
            };
            let better = best.is_none_or(|b| {
                candidate.score > b.score
                    || (candidate.score == b.score
                        && candidate.distance_from_old < b.distance_from_old)
            });
            if better {
                best = Some(candidate);
            }
        }
    }
    best.map(|c| c.span)
}

/// Byte windows of `text` (on char boundaries, sorted, disjoint) where the quote may lie.
fn candidate_windows(
    text: &str,
    quote: &str,
    m: usize,
    max_edits: usize,
    old: usize,
) -> Vec<(usize, usize)> {
    let pieces = max_edits + 1;
    let piece_chars = (m / pieces).max(1);
    let offsets: Vec<usize> = quote
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(quote.len()))
        .collect();
    // Room for the edits on either side (4 bytes per character at most).
    let slack = 4 * (max_edits + 1);
    let mut windows = Vec::new();
    let mut push = |start: usize| {
        windows.push((start.saturating_sub(slack), start + quote.len() + slack));
    };
    for p in 0..pieces {
        let from = offsets.get(p * piece_chars).copied();
        let to = if p + 1 == pieces {
            Some(quote.len())
        } else {
            offsets.get((p + 1) * piece_chars).copied()
        };
        let Some(piece) = from.zip(to).and_then(|(a, b)| quote.get(a..b)) else {
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        let offset_in_quote = from.unwrap_or(0);
        let hits: Vec<usize> = memmem::find_iter(text.as_bytes(), piece.as_bytes())
            .take(MAX_PIECE_HITS + 1)
            .collect();
        if hits.len() > MAX_PIECE_HITS {
            continue;
        }
        for hit in hits {
            push(hit.saturating_sub(offset_in_quote));
        }
    }
    push(old);
    let mut windows: Vec<(usize, usize)> = windows
        .into_iter()
        .map(|(a, b)| (floor_boundary(text, a), ceil_boundary(text, b)))
        .filter(|(a, b)| a < b)
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
    for (a, b) in windows {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// End byte offsets in `text[from..to]` where a passage within `max_edits` of the pattern
/// ends: the best end of each run of close-enough positions.
fn match_ends(
    text: &str,
    from: usize,
    to: usize,
    pattern: &Pattern,
    max_edits: usize,
) -> Vec<usize> {
    let Some(window) = text.get(from..to) else {
        return Vec::new();
    };
    let end_of_char = Cell::new(from);
    let chars = window.char_indices().map(|(i, c)| {
        end_of_char.set(from + i + c.len_utf8());
        c
    });
    let mut runs: Vec<(usize, usize)> = Vec::new(); // (distance, end) of each run's best
    let mut in_run = false;
    pattern.scan(chars, Mode::Search, |_, d| {
        if d <= max_edits {
            let end = end_of_char.get();
            match runs.last_mut() {
                Some(best) if in_run => {
                    if d < best.0 {
                        *best = (d, end);
                    }
                }
                _ => runs.push((d, end)),
            }
            in_run = true;
        } else {
            in_run = false;
        }
    });
    runs.sort_unstable();
    runs.into_iter()
        .take(MAX_ENDS_PER_WINDOW)
        .map(|(_, end)| end)
        .collect()
}

/// The start of the best match of the (reversed) pattern ending at `end`, searching back to
/// `from`; among equally close starts, the one giving a length nearest the quote's.
fn match_start(
    text: &str,
    from: usize,
    end: usize,
    backward: &Pattern,
    quote_len: usize,
) -> Option<usize> {
    let window = text.get(from..end)?;
    let start_of_char = Cell::new(end);
    let chars = window.char_indices().rev().map(|(i, c)| {
        start_of_char.set(from + i);
        c
    });
    let mut best: Option<(usize, usize, usize)> = None; // (distance, length gap, start)
    backward.scan(chars, Mode::Search, |_, d| {
        let start = start_of_char.get();
        let gap = (end - start).abs_diff(quote_len);
        if best.is_none_or(|(bd, bg, _)| d < bd || (d == bd && gap < bg)) {
            best = Some((d, gap, start));
        }
    });
    best.map(|(_, _, start)| start)
}

/// The score of a match, or `None` when its context does not agree enough.
fn score(text: &str, target: &Target, span: Span, edits: usize, m: usize) -> Option<f64> {
    let before = text.get(..span.start).unwrap_or_default();
    let after = text.get(span.end..).unwrap_or_default();
    let prefix = similarity(
        &target.prefix,
        last_chars(before, target.prefix.chars().count()),
    );
    let suffix = similarity(
        &target.suffix,
        first_chars(after, target.suffix.chars().count()),
    );
    // Stored context that is empty means "at the very start/end of the text".
    let prefix = if target.prefix.is_empty() && !before.is_empty() {
        0.0
    } else {
        prefix
    };
    let suffix = if target.suffix.is_empty() && !after.is_empty() {
        0.0
    } else {
        suffix
    };
    if prefix.max(suffix) < MIN_CONTEXT_AGREEMENT {
        return None;
    }
    let quote = 1.0 - edits as f64 / m as f64;
    let score = 0.6 * quote + 0.4 * (prefix + suffix) / 2.0;
    (score >= MIN_SCORE).then_some(score)
}

/// 1 for equal strings, 0 for entirely different ones.
fn similarity(stored: &str, actual: &str) -> f64 {
    let longest = stored.chars().count().max(actual.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(stored, actual) as f64 / longest as f64
}

fn last_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    s.get(start..).unwrap_or_default()
}

fn first_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or_default()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}
