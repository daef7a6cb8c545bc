//! Claim candidates, as found by the stages, before overlaps are settled and speakers
//! resolved.

use super::clause::{opens_with_that, starts_clause};
use super::doc::Doc;
use super::lexicon::{Lex, class, cue};
use super::np::Np;
use super::subject::is_document;
use super::{ClaimClass, ClaimKind};
use crate::text::tokens::TokenKind;

/// Where a claim's speaker comes from when its own attribution names nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Inherit {
    /// The claim has its own source (or none at all).
    No,
    /// A quote that continues the previous speaker's words.
    Previous,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// Content tokens `first..end`.
    pub first: usize,
    pub end: usize,
    /// Token ranges of the pieces, when an attribution splits the content.
    pub fragments: Vec<(usize, usize)>,
    pub kind: ClaimKind,
    pub class: ClaimClass,
    pub source: Option<Np>,
    /// Cue tokens `start..end`.
    pub cue: Option<(usize, usize)>,
    pub inherit: Inherit,
    /// Lower wins when candidates overlap.
    pub rank: u8,
}

/// Ranks, best first.
pub(crate) mod rank {
    pub const LINE: u8 = 0;
    pub const QUOTE: u8 = 1;
    pub const REPORTED: u8 = 2;
    pub const CONTINUED_QUOTE: u8 = 3;
    pub const UNSOURCED: u8 = 4;
}

/// Trims punctuation, breaks and unpaired quote marks from the edges of `first..end`, so
/// content is the words. A closing quote mark is kept when its opener is inside.
pub(crate) fn trim(doc: &Doc, mut first: usize, mut end: usize) -> (usize, usize) {
    while first < end {
        match doc.kind(first) {
            Some(TokenKind::Break | TokenKind::Dash) => first += 1,
            Some(TokenKind::Punct) if !doc.is_punct(first, '$') && !doc.is_punct(first, '(') => {
                first += 1
            }
            _ => break,
        }
    }
    while end > first {
        let last = end - 1;
        match doc.kind(last) {
            Some(TokenKind::Break | TokenKind::Dash) => end -= 1,
            Some(TokenKind::Punct)
                if doc.is_punct(last, '.')
                    || doc.is_punct(last, '?')
                    || doc.is_punct(last, ',')
                    || doc.is_punct(last, ';')
                    || doc.is_punct(last, ':') =>
            {
                end -= 1
            }
            Some(TokenKind::DoubleQuote) => {
                let opened = doc.quotes_in(first, last) % 2 == 1;
                if opened {
                    break;
                }
                end -= 1;
            }
            // (`… during campaign stops and`: content never ends on a conjunction.)
            Some(TokenKind::Word)
                if end - first > 1
                    && doc.is_lower(last)
                    && doc.word_among(last, &["and", "or", "but"])
                    && !doc.in_quote(last) =>
            {
                end -= 1
            }
            _ => break,
        }
    }
    (first, end)
}

/// What sort of attribution the cue `lex` makes of candidate `c`: speech, belief,
/// intention, evaluation or evidence (a document's findings).
pub(crate) fn class_of(doc: &Doc, lex: Lex, c: &Candidate) -> ClaimClass {
    let document = c
        .source
        .is_some_and(|np| is_document(doc, &np) || super::subject::finds_as_evidence(doc, &np));
    if lex.cue_has(cue::SEEM) {
        ClaimClass::Belief
    } else if lex.cue_has(cue::EVIDENCE) && document {
        ClaimClass::Evidence
    } else if lex.cue_has(cue::JUDGEMENT)
        && !lex.cue_has(cue::SPEECH)
        && (!lex.cue_has(cue::THAT) || !opens_clause(doc, c))
    {
        // (`disputed that …` reports speech; `disputed the account` judges it.)
        ClaimClass::Evaluation
    } else if lex.cue_has(cue::INTENT)
        // (`analysts agree the economy is slowing`: a clause is no intention.)
        && !(lex.cue_has(cue::BARE) && lex.cue_has(cue::THAT) && !doc.word_is(c.first, "to"))
        && (doc.word_is(c.first, "to")
            || !lex.cue_has(cue::SPEECH | cue::BELIEF)
            || c.first > 0 && !opens_with_that(doc, c.first) && !starts_clause(doc, c.first))
    {
        ClaimClass::Intention
    } else if lex.cue_has(cue::BELIEF) && !lex.cue_has(cue::SPEECH) {
        ClaimClass::Belief
    } else {
        ClaimClass::Speech
    }
}

/// Is the content of `c` a clause: after `that`, or opening with a subject pronoun?
fn opens_clause(doc: &Doc, c: &Candidate) -> bool {
    c.first == 0 || opens_with_that(doc, c.first) || doc.is(c.first, class::PRONOUN_SUBJECT)
}
