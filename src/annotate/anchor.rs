//! Re-anchoring: placing stored targets on an article's current text, W3C/Hypothesis style.
//!
//! 1. **Exact**: the quote is still at its stored position.
//! 2. **Moved**: the quote occurs word for word elsewhere; among several occurrences the one
//!    whose surroundings agree most with the stored prefix and suffix wins, then the one
//!    nearest the old position.
//! 3. **Fuzzy**: a text passage within [`MAX_ERROR_RATE`] edit distance of the quote, with
//!    agreeing context and a minimum score (see [`fuzzy`](super::fuzzy)).
//! 4. **Orphaned**: nothing fits; the annotation is kept with its stored quote.
//!
//! Exact and moved placements are found with a SIMD substring search (`memchr::memmem`);
//! only what they miss goes to the (bounded, bit-parallel) fuzzy search.

use memchr::memmem;

use super::fuzzy;
use super::model::{AnchorStatus, Target};
use crate::extract::Span;
use crate::text::offsets::CodePoints;

/// A fuzzy match may differ from the stored quote in at most this share of its characters.
pub const MAX_ERROR_RATE: f64 = 0.2;

/// Where an annotation sits on the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub status: AnchorStatus,
    /// Byte span in the current text; `None` when orphaned.
    pub span: Option<Span>,
}

impl Anchor {
    pub const ORPHANED: Anchor = Anchor {
        status: AnchorStatus::Orphaned,
        span: None,
    };
}

/// Places targets on one text; build once per text, then anchor any number of targets.
#[derive(Debug, Clone)]
pub struct Anchorer<'t> {
    text: &'t str,
    code_points: CodePoints,
    char_len: usize,
}

impl<'t> Anchorer<'t> {
    pub fn new(text: &'t str) -> Self {
        let code_points = CodePoints::new(text);
        let char_len = code_points.to_char(text.len());
        Anchorer {
            text,
            code_points,
            char_len,
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn code_points(&self) -> &CodePoints {
        &self.code_points
    }

    /// The byte span of a code point range, if it lies inside the text.
    pub fn byte_span(&self, start: usize, end: usize) -> Option<Span> {
        let start = self.code_points.to_byte(start)?;
        let end = self.code_points.to_byte(end)?;
        (start <= end).then_some(Span::new(start, end))
    }

    /// Code point offsets of a byte span, as stored and exported.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (
            self.code_points.to_char(span.start),
            self.code_points.to_char(span.end),
        )
    }

    /// Places one target.
    pub fn anchor(&self, target: &Target) -> Anchor {
        if target.exact.is_empty() {
            return Anchor::ORPHANED;
        }
        if let Some(span) = self.byte_span(target.start, target.end)
            && span.slice(self.text) == target.exact
        {
            return Anchor {
                status: AnchorStatus::Exact,
                span: Some(span),
            };
        }
        let old = self.old_position(target);
        if let Some(span) = self.best_occurrence(target, old) {
            return Anchor {
                status: AnchorStatus::Moved,
                span: Some(span),
            };
        }
        match fuzzy::find(self.text, target, old) {
            Some(span) => Anchor {
                status: AnchorStatus::Fuzzy,
                span: Some(span),
            },
            None => Anchor::ORPHANED,
        }
    }

    /// Places every target, in order.
    pub fn anchor_all<'a>(&self, targets: impl IntoIterator<Item = &'a Target>) -> Vec<Anchor> {
        targets.into_iter().map(|t| self.anchor(t)).collect()
    }

    /// The stored start as a byte offset in the current text (clamped to its end).
    fn old_position(&self, target: &Target) -> usize {
        self.code_points
            .to_byte(target.start.min(self.char_len))
            .unwrap_or(self.text.len())
    }

    /// The exact occurrence of the quote whose context agrees most with the stored one,
    /// nearest `old` among equals.
    fn best_occurrence(&self, target: &Target, old: usize) -> Option<Span> {
        let hay = self.text.as_bytes();
        let quote = target.exact.as_bytes();
        let mut best: Option<(usize, usize, usize)> = None; // (context, distance, start)
        for start in memmem::find_iter(hay, quote) {
            let end = start + quote.len();
            let context =
                common_suffix(
                    hay.get(..start).unwrap_or_default(),
                    target.prefix.as_bytes(),
                ) + common_prefix(hay.get(end..).unwrap_or_default(), target.suffix.as_bytes());
            let distance = start.abs_diff(old);
            let better = match best {
                None => true,
                Some((c, d, _)) => context > c || (context == c && distance < d),
            };
            if better {
                best = Some((context, distance, start));
            }
        }
        // A match of valid UTF-8 inside valid UTF-8 always starts and ends on boundaries.
        best.map(|(_, _, start)| Span::new(start, start + quote.len()))
    }
}

/// Length of the common prefix of two byte strings.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Length of the common suffix of two byte strings.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
