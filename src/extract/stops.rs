//! Where reported content may end: the boundaries of [`super::boundary`], listed per
//! sentence the first time a clause in that sentence asks for them.

use std::cell::OnceCell;

use super::boundary::boundary;
use super::clause::comma_then_closer;
use super::doc::Doc;
use super::lexicon::Lex;

/// The kinds of boundary, each listed on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Ends any clause (`;`, `, adding`, `, while`, `, he said`).
    Always,
    /// Ends a clause it does not open (`and said …`, `— and he noted`).
    Later,
    /// `, and the …`, which ends only a clause of [`FAR`] tokens or more.
    Far,
    /// A comma outside quotes.
    Comma,
    /// Ends a noun-phrase object (a dash, a subordinate clause, an adjunct).
    Object,
    /// A comma right before a closing mark (`,"`), whose content ends past the mark.
    Closer,
    /// A second predicate with no subject (`and would not identify …`), which ends a
    /// clause not opened by `that`.
    Predicate,
}

const KINDS: usize = 7;

/// How far into a clause a `, and the …` must be to end it.
pub(crate) const FAR: usize = 8;

/// Boundaries of reported content, a binary search away. Each boundary depends only on
/// the tokens around it, so a clause's end is a few searches in per-sentence lists, not a
/// scan from each cue to the sentence end (which made long sentences without a full stop
/// quadratic). A sentence's lists are made the first time a clause in it asks, and only
/// once: most sentences hold no cue and never ask, and the total work stays linear.
#[derive(Debug, Default)]
pub(crate) struct Stops {
    by_sentence: Vec<OnceCell<Listed>>,
}

/// One sentence's boundaries: the token indices of kind `n` are
/// `at[starts[n]..starts[n + 1]]`, in order.
#[derive(Debug)]
struct Listed {
    at: Vec<u32>,
    starts: [usize; KINDS + 1],
}

impl Listed {
    fn of(doc: &Doc, first: usize, end: usize) -> Self {
        let mut found: Vec<(u32, u8)> = Vec::new();
        for k in first..end {
            // A word the lexicon does not know is no boundary, but for a closing adverb
            // (see `boundary`).
            if doc.is_word(k) && doc.lex(k) == Lex::default() && !doc.word(k).ends_with("ly") {
                continue;
            }
            let b = boundary(doc, k);
            let flags = [
                b.always,
                b.later,
                b.far,
                b.comma,
                b.object,
                b.comma && comma_then_closer(doc, k),
                b.predicate,
            ]
            .iter()
            .enumerate()
            .fold(0u8, |acc, (n, &on)| acc | (u8::from(on) << n));
            if flags != 0 {
                found.push((k as u32, flags));
            }
        }
        let mut at = Vec::with_capacity(found.len() * 2);
        let mut starts = [0; KINDS + 1];
        for (n, start) in starts.iter_mut().enumerate().take(KINDS) {
            *start = at.len();
            at.extend(
                found
                    .iter()
                    .filter(|&&(_, f)| f & (1 << n) != 0)
                    .map(|&(k, _)| k),
            );
        }
        starts[KINDS] = at.len();
        Listed { at, starts }
    }

    fn list(&self, kind: Stop) -> &[u32] {
        let n = kind as usize;
        match (self.starts.get(n), self.starts.get(n + 1)) {
            (Some(&a), Some(&b)) => self.at.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

impl Stops {
    /// Room for the lists of `sentences` sentences, none made yet.
    pub(crate) fn new(sentences: usize) -> Self {
        Stops {
            by_sentence: (0..sentences).map(|_| OnceCell::new()).collect(),
        }
    }

    /// The first boundary of `kind` at or after token `i`, looked for in the sentences
    /// that start before `end`; `usize::MAX` for none. (A boundary past `end` may be
    /// returned: callers take the nearer of it and `end`.)
    pub(crate) fn next(&self, doc: &Doc, kind: Stop, i: usize, end: usize) -> usize {
        let mut s = doc.sentences.partition_point(|x| x.end <= i);
        while let (Some(sent), Some(cell)) = (doc.sentences.get(s), self.by_sentence.get(s)) {
            if sent.first >= end {
                break;
            }
            let list = cell
                .get_or_init(|| Listed::of(doc, sent.first, sent.end))
                .list(kind);
            let at = list.partition_point(|&k| (k as usize) < i);
            if let Some(&k) = list.get(at) {
                return k as usize;
            }
            s += 1;
        }
        usize::MAX
    }

    /// Where content ends for the boundary at `k`, or `end` when `k` is not before it.
    pub(crate) fn value_before(&self, doc: &Doc, k: usize, end: usize) -> usize {
        if k >= end {
            return end;
        }
        if self.next(doc, Stop::Closer, k, k + 1) == k {
            k + 2
        } else {
            k
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every boundary of `kind` in the document, from [`boundary`] on each token.
    fn all_of(doc: &Doc, kind: Stop) -> Vec<usize> {
        (0..doc.len())
            .filter(|&k| {
                let b = boundary(doc, k);
                match kind {
                    Stop::Always => b.always,
                    Stop::Later => b.later,
                    Stop::Far => b.far,
                    Stop::Comma => b.comma,
                    Stop::Object => b.object,
                    Stop::Closer => b.comma && comma_then_closer(doc, k),
                    Stop::Predicate => b.predicate,
                }
            })
            .collect()
    }

    fn agrees_with_a_full_scan(text: &str) {
        let doc = Doc::new(text);
        for kind in [
            Stop::Always,
            Stop::Later,
            Stop::Far,
            Stop::Comma,
            Stop::Object,
            Stop::Closer,
            Stop::Predicate,
        ] {
            let all = all_of(&doc, kind);
            for i in 0..=doc.len() {
                let want = all.iter().copied().find(|&k| k >= i);
                let got = doc.stops.next(&doc, kind, i, doc.len());
                assert_eq!(
                    got,
                    want.unwrap_or(usize::MAX),
                    "{kind:?} from {i} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn lists_every_boundary_once_asked() {
        agrees_with_a_full_scan(
            "The mayor said the plan, which costs $4 million, would cut fares; \
             she added that riders, and the unions, agreed.\n\n\
             \"It works,\" he said — and he noted that buses, trams and ferries run late \
             in July, according to the agency.",
        );
    }

    #[test]
    fn a_boundary_before_end_is_found_in_a_later_sentence() {
        let doc = Doc::new("He spoke. Then she said it, and left.");
        let comma = doc.stops.next(&doc, Stop::Comma, 0, doc.len());
        assert!(doc.is_punct(comma, ','));
        // Not looked for in sentences that start at or after `end`.
        assert_eq!(doc.stops.next(&doc, Stop::Comma, 0, 2), usize::MAX);
    }

    proptest! {
        #[test]
        fn agrees_with_a_full_scan_on_any_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("said"), Just("and"), Just("the"), Just(","), Just(";"), Just("—"),
                    Just("\""), Just("."), Just("while"), Just("in"), Just("Tuesday"),
                    Just("Smith"), Just("adding"), Just("plan"), Just("quickly"), Just("\n"),
                ],
                0..60,
            )
        ) {
            agrees_with_a_full_scan(&words.join(" "));
        }
    }
}
