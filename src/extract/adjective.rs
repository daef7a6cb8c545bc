//! Stances carried by an adjective after `be` or another copula: `Investors are worried
//! that rates will rise`, `Some Democrats are confident in the campaign`, `he was
//! reluctant to blame the companies`. The subject holds the stance.

use super::ClaimClass;
use super::candidate::{Candidate, trim};
use super::clause::{clause_end, is_infinitive, object_end};
use super::content::{make, make_object};
use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, NpKind};
use super::subject::subject_before;

/// The claim of the stance adjective at `i` in the sentence `first..end`, when a copula
/// precedes it and a clause, a topic or an infinitive follows it.
#[inline]
pub(crate) fn stance(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    // The class bit inline: this runs on every word.
    if !doc.is(i, class::STANCE) || !doc.is_lower(i) {
        return None;
    }
    stance_at(doc, i, first, end)
}

fn stance_at(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    // `is sure to spur …`, `is certain to pass`: a prediction about the subject, not its
    // stance.
    if doc.word_among(i, &["sure", "certain"]) && doc.word_is(i + 1, "to") {
        return None;
    }
    // `are worried`, `remains confident`, `was not sure`, `grew increasingly nervous`
    // Through adverbs and degree words: `are apparently so worried`, `was very sure`.
    let degree = |k: usize| {
        doc.is_lower(k)
            && doc.word_among(k, &["so", "very", "too", "more", "less", "most", "quite"])
    };
    let mut c = i.checked_sub(1)?;
    while c > first && (doc.is_between(c) || degree(c)) && !doc.is(c, class::BE) {
        c -= 1;
    }
    let copula = doc.is(c, class::BE)
        || doc.word_among(
            c,
            &[
                "feel", "feels", "felt", "remain", "remains", "remained", "seem", "seems",
                "seemed", "grew", "grow", "grows", "became", "become", "becomes", "appear",
                "appears", "appeared", "sounded",
            ],
        );
    if !copula {
        return None;
    }
    let source = subject_before(doc, c, first)
        .or_else(|| {
            np::generic_ending_at(doc, doc.skip_between_left(c.checked_sub(1)?, first)?, first)
        })
        .filter(|np| np.kind != NpKind::Place)?;
    if source.kind == NpKind::Pronoun && doc.word_is(source.first, "it") {
        // `it is clear that …` is the writer's.
        return None;
    }
    let n = i + 1;
    let (content, class) = if doc.word_is(n, "that") {
        (
            trim(doc, n, clause_end(doc, n + 1, end)),
            ClaimClass::Belief,
        )
    } else if is_infinitive(doc, n) {
        (trim(doc, n, clause_end(doc, n, end)), ClaimClass::Intention)
    } else if doc.word_among(n, &["about", "of", "over", "in", "with"]) {
        (
            trim(doc, n + 1, object_end(doc, n + 1, end)),
            ClaimClass::Belief,
        )
    } else {
        return None;
    };
    let cue_end = if doc.word_is(n, "that") || is_infinitive(doc, n) {
        n
    } else {
        n + 1
    };
    // A topic may be a single name (`critical of Trump`).
    let mut claim = if cue_end == n + 1 {
        make_object(doc, content, source, (i, cue_end))?
    } else {
        make(doc, content, Vec::new(), Some(source), Some((i, cue_end)))?
    };
    claim.class = class;
    Some(claim)
}
