//! Noun cues: an attribution carried by a noun rather than a verb. `Trump's claim that …`,
//! `her call for …`, `his decision to …`, `X voiced support for …`, `X made a plea for …`.
//! The source is the noun's possessor, or the subject of the verb that makes, voices or
//! issues it.

use super::ClaimClass;
use super::candidate::{Candidate, trim};
use super::clause::{clause_end, is_auxiliary, is_infinitive, object_end, starts_clause};
use super::content::{make, make_object};
use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::subject::subject_before;

/// Adds noun-cue candidates to `out`.
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Candidate>) {
    for i in 0..doc.len() {
        if doc.is(i, class::NOUN_CUE)
            && doc.is_lower(i)
            && !doc.in_quote(i)
            && let Some(c) = noun_cue(doc, i)
        {
            out.push(c);
        }
    }
}

fn noun_cue(doc: &Doc, i: usize) -> Option<Candidate> {
    let sentence = doc.sentence(i)?;
    let (cue_end, content) = content_after(doc, i, sentence.end)?;
    let source =
        possessor(doc, i, sentence.first).or_else(|| light_verb_subject(doc, i, sentence.first))?;
    // After a preposition the object may be one name (`his attacks on Trump`).
    let mut c = if cue_end > i + 1 {
        make_object(doc, content, source, (i, cue_end))?
    } else {
        make(doc, content, Vec::new(), Some(source), Some((i, cue_end)))?
    };
    c.class = if doc.is(i, class::NOUN_BELIEF) {
        ClaimClass::Belief
    } else if doc.is(i, class::NOUN_INTENT) {
        ClaimClass::Intention
    } else if doc.is(i, class::NOUN_JUDGEMENT) {
        ClaimClass::Evaluation
    } else {
        ClaimClass::Speech
    };
    Some(c)
}

/// What the noun at `i` introduces, with one past the cue (the noun and any preposition):
/// a `that` clause, a `to`-infinitive, or the object of a preposition (`support for the
/// bill`, `criticism of the plan`, `concerns about security`).
fn content_after(doc: &Doc, i: usize, end: usize) -> Option<(usize, (usize, usize))> {
    let n = i + 1;
    if doc.word_is(n, "that") && (starts_clause(doc, n + 1) || doc.is_word(n + 1)) {
        let stop = clause_end(doc, n + 1, end);
        // `the claim that he made` is a relative clause: a content clause says more.
        if doc.words_in(n + 1, stop) < 4 {
            return None;
        }
        // (The cue is the noun alone; the content keeps its `that`, as annotators do.)
        return Some((n, trim(doc, n, stop)));
    }
    if is_infinitive(doc, n) {
        let mut stop = clause_end(doc, n, end);
        // `Trump's promises to deport … have put the issue …`: a noun opening the sentence
        // is its subject, and the main verb ends what it introduces.
        if opens_sentence(doc, i)
            && let Some(verb) = (n + 2..stop.min(n + 40)).find(|&k| {
                is_auxiliary(doc, k)
                    || doc.is_lower(k) && doc.word_among(k, &["has", "have", "had"])
            })
        {
            stop = verb;
        }
        return Some((n, trim(doc, n, stop)));
    }
    // Each kind of noun takes its own prepositions: `criticism of`, `support for`,
    // `concerns about`, `plans for`, `claims about`.
    let preposition = doc.is_lower(n)
        && if doc.is(i, class::NOUN_JUDGEMENT) {
            matches!(doc.word(n), "for" | "of" | "on" | "against" | "to")
        } else if doc.is(i, class::NOUN_BELIEF) {
            matches!(doc.word(n), "about" | "over" | "on" | "of")
        } else if doc.is(i, class::NOUN_INTENT) {
            matches!(doc.word(n), "for")
        } else {
            matches!(doc.word(n), "about")
        };
    // Not a time (`optimism over the weekend that …`).
    let time = doc.is(n + 1, class::TIME)
        || doc.is(n + 1, class::DETERMINER) && doc.is(n + 2, class::TIME);
    if preposition && doc.is_word(n + 1) && !time {
        let content = trim(doc, n + 1, object_end(doc, n + 1, end));
        return Some((n + 1, content));
    }
    None
}

/// Does the noun phrase holding the noun at `i` open its sentence (`Trump's promises`,
/// `The party's decision`, `His call`)?
fn opens_sentence(doc: &Doc, i: usize) -> bool {
    let Some(s) = doc.sentence(i) else {
        return false;
    };
    i > s.first
        && i - s.first <= 6
        && (s.first..i).all(|k| {
            doc.is_word(k) && !doc.is(k, class::CUE | class::BE | class::PREPOSITION)
                || doc.is_punct(k, '.')
        })
}

/// The possessor of the noun at `i`: `Trump's claim`, `the senator's latest call`, `his
/// plan` (a possessive pronoun stands for its referent).
fn possessor(doc: &Doc, i: usize, floor: usize) -> Option<Np> {
    let mut k = i.checked_sub(1)?;
    // Up to two modifiers: `effusive praise`, `repeated public calls`.
    for _ in 0..2 {
        if k > floor && modifier(doc, k) {
            k -= 1;
        }
    }
    if k < floor {
        return None;
    }
    if doc.word_among(k, &["his", "her", "their", "its", "our"]) {
        return Some(Np::word(k, NpKind::Pronoun));
    }
    let w = doc.word(k);
    crate::text::tokens::possessive_stem(w)?;
    let np = np::ending_at(doc, k, floor).or_else(|| np::generic_ending_at(doc, k, floor))?;
    (np.kind != NpKind::Place).then_some(np)
}

/// A word that may stand between a possessor and its noun: an adjective or a modifier
/// (`latest`, `sharp`, `renewed`), never a function word.
fn modifier(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    let possessive = crate::text::tokens::possessive_stem(w).is_some();
    doc.is_lower(k)
        && !np::is_function_word(doc, k)
        && !doc.is(k, class::DETERMINER | class::NOUN_CUE)
        && !possessive
}

/// The subject of a verb that makes, voices or issues the noun at `i`: `Trump made a plea
/// for …`, `X raised concerns about …`, `X expressed hope that …`.
fn light_verb_subject(doc: &Doc, i: usize, floor: usize) -> Option<Np> {
    let light = |k: usize| {
        doc.is_lower(k)
            && doc.word_among(
                k,
                &[
                    "made",
                    "makes",
                    "making",
                    "issued",
                    "issues",
                    "raised",
                    "raises",
                    "raising",
                    "expressed",
                    "expresses",
                    "voiced",
                    "voices",
                    "offered",
                    "offers",
                    "gave",
                    "gives",
                    "delivered",
                    "lodged",
                    "renewed",
                    "repeated",
                    "echoed",
                    "released",
                    "unveiled",
                    "outlined",
                    "reiterated",
                ],
            )
    };
    // Back over a determiner and up to two modifiers to the verb: `voiced serious
    // concerns`, `made a plea`.
    let mut k = i.checked_sub(1)?;
    for _ in 0..3 {
        if light(k) || k <= floor {
            break;
        }
        if doc.is(k, class::DETERMINER) && doc.is_lower(k) || modifier(doc, k) {
            k -= 1;
        }
    }
    if !light(k) {
        return None;
    }
    let np = subject_before(doc, k, floor)?;
    (np.kind != NpKind::Place).then_some(np)
}
