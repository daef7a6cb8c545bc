//! What the reader needs of one article, derived once when it opens: sentences and the
//! highlight layers as sorted, non-overlapping marks, so drawing a line is a binary search.

use std::sync::Arc;

use super::classes::ClassFilter;
use crate::extract::{Extraction, Span};
use crate::text::sentences::split as sentences;

/// A highlighted span and what it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    /// Index of the claim, speaker or number in the extraction.
    pub item: usize,
    /// The speaker whose colour the mark takes (claims and mentions).
    pub speaker: Option<usize>,
}

/// An opened article's derived data.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sentences: Vec<Span>,
    /// Scraper debris and boilerplate, drawn dimmed ([`crate::article::clean`]).
    pub debris: Vec<Span>,
    pub extraction: Option<Arc<Extraction>>,
    pub claims: Vec<Mark>,
    pub mentions: Vec<Mark>,
    pub numbers: Vec<Mark>,
}

impl Doc {
    pub fn new(text: &str, extraction: Option<Arc<Extraction>>) -> Self {
        let mut doc = Doc {
            sentences: sentences(text),
            debris: crate::article::clean::debris(text),
            ..Doc::default()
        };
        if let Some(x) = extraction {
            doc.set_extraction(text, x);
        }
        doc
    }

    /// Adds the extraction's layers (when it arrives after the article was opened).
    pub fn set_extraction(&mut self, text: &str, x: Arc<Extraction>) {
        let fits = |s: &Span| {
            s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        };
        let mut claims = Vec::new();
        for (i, c) in x.claims.iter().enumerate() {
            let pieces = if c.fragments.is_empty() {
                std::slice::from_ref(&c.span)
            } else {
                &c.fragments[..]
            };
            claims.extend(pieces.iter().filter(|s| fits(s)).map(|&span| Mark {
                span,
                item: i,
                speaker: c.speaker,
            }));
        }
        let mut mentions = Vec::new();
        for (i, s) in x.speakers.iter().enumerate() {
            mentions.extend(s.mentions.iter().filter(|s| fits(s)).map(|&span| Mark {
                span,
                item: i,
                speaker: Some(i),
            }));
        }
        let numbers = x
            .numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| fits(&n.span))
            .map(|(i, n)| Mark {
                span: n.span,
                item: i,
                speaker: None,
            })
            .collect();
        self.claims = disjoint(claims);
        self.mentions = disjoint(mentions);
        self.numbers = disjoint(numbers);
        self.extraction = Some(x);
    }

    /// Whether claim `item` is of a class `classes` shows.
    pub fn shows_claim(&self, item: usize, classes: ClassFilter) -> bool {
        classes.is_all()
            || self
                .extraction
                .as_ref()
                .and_then(|x| x.claims.get(item))
                .is_some_and(|c| classes.shows(c.class))
    }

    /// The shown claim (index) whose text contains `offset`.
    pub fn claim_at(&self, offset: usize, classes: ClassFilter) -> Option<usize> {
        self.claim_in(Span::new(offset, offset + 1), classes)
    }

    /// The first shown claim that starts in, or covers, the span `within`.
    pub fn claim_in(&self, within: Span, classes: ClassFilter) -> Option<usize> {
        covering(&self.claims, within)
            .map(|m| m.item)
            .find(|&item| self.shows_claim(item, classes))
    }
}

/// Index of the sentence containing byte `offset`, or of the nearest one before it
/// (the first sentence when `offset` lies before all of them); `None` when there are none.
pub fn sentence_at(sentences: &[Span], offset: usize) -> Option<usize> {
    if sentences.is_empty() {
        return None;
    }
    Some(
        sentences
            .partition_point(|s| s.start <= offset)
            .saturating_sub(1),
    )
}

/// Sorts marks and clips overlaps, so each layer is sorted and non-overlapping.
fn disjoint(mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    let mut out: Vec<Mark> = Vec::with_capacity(marks.len());
    for mut m in marks {
        if let Some(last) = out.last() {
            m.span.start = m.span.start.max(last.span.end);
        }
        if m.span.start < m.span.end {
            out.push(m);
        }
    }
    out
}

/// The marks of a sorted, non-overlapping layer that overlap `range`.
pub fn covering(marks: &[Mark], range: Span) -> impl Iterator<Item = &Mark> {
    let first = marks.partition_point(|m| m.span.end <= range.start);
    marks[first..]
        .iter()
        .take_while(move |m| m.span.start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, item: usize) -> Mark {
        Mark {
            span: Span::new(start, end),
            item,
            speaker: None,
        }
    }

    #[test]
    fn sentence_at_finds_the_enclosing_or_previous_sentence() {
        let text = "One. Two.";
        let s = crate::text::sentences::split(text);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 4), Some(0));
        assert_eq!(sentence_at(&s, 5), Some(1));
        assert_eq!(sentence_at(&[], 5), None);
    }

    #[test]
    fn layers_become_disjoint() {
        let out = disjoint(vec![
            mark(5, 9, 1),
            mark(0, 6, 0),
            mark(6, 8, 2),
            mark(20, 22, 3),
        ]);
        let spans: Vec<(usize, usize)> = out.iter().map(|m| (m.span.start, m.span.end)).collect();
        assert_eq!(spans, [(0, 6), (6, 9), (20, 22)]);
    }

    #[test]
    fn covering_finds_overlapping_marks() {
        let marks = [mark(0, 4, 0), mark(6, 10, 1), mark(12, 14, 2)];
        let items: Vec<usize> = covering(&marks, Span::new(3, 12)).map(|m| m.item).collect();
        assert_eq!(items, [0, 1]);
        assert_eq!(covering(&marks, Span::new(4, 6)).count(), 0);
    }
}
