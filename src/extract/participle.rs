//! Participles that report (`…, adding that …`, `… and saying …`, `began by saying …`,
//! `Noting that …, Mao said …`, `with Trump calling for …`): who speaks through them.

use super::candidate::{Candidate, trim};
use super::content::{make, make_object};
use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::subject::{clause_subject, contracted_be, sentence_subject};

/// Who speaks through the participle at `i` (its cue ends at `cue_end`) in the sentence
/// `first..end`.
pub(crate) enum Speaker {
    /// An opening participle with its own claim (`Noting that …, Mao said …`), or none.
    Opening(Option<Candidate>),
    /// The speaker of the sentence's earlier attribution, its subject, or an absolute
    /// phrase's own; `None` when the participle reports nothing.
    Of(Option<Np>),
    /// `is predicting`: a finite verb, handled as one.
    Progressive,
}

pub(crate) fn speaker(
    doc: &Doc,
    i: usize,
    cue_end: usize,
    first: usize,
    end: usize,
    earlier: &[(usize, Np)],
) -> Speaker {
    // `is predicting`, `He’s predicting`.
    // (Through an adverb: `is already claiming`.)
    let be = |k: usize| doc.is(k, class::BE) || contracted_be(doc, k);
    let adverb = i > first + 1
        && doc.is_lower(i - 1)
        && doc.is_between(i - 1)
        && !doc.is(i - 1, class::BE)
        && !crate::extract::clause::is_auxiliary(doc, i - 1);
    let progressive = i > first && (be(i - 1) || adverb && be(i - 2));
    // (`While saying that …, he continued …` too.)
    let opens = i == first
        || i == first + 1
            && doc.is_cap(first)
            && doc.word_among(
                first,
                &["while", "after", "before", "by", "in", "upon", "despite"],
            );
    if opens && doc.word_is(cue_end, "that") {
        return Speaker::Opening(opening(doc, i, cue_end, first, end));
    }
    if progressive {
        return Speaker::Progressive;
    }
    // `a super PAC backing Jeb Bush ran ads`, `Democrats supporting Mrs. Clinton have …`: a
    // judgement in a participle right after a noun is that noun's, and its object is a
    // noun phrase, not the main clause after it.
    if let Some(p) = i.checked_sub(1)
        && let Some(src) = reduced_relative(doc, i, p, first)
    {
        let object = np::starting_at(doc, cue_end, end)
            .filter(|o| matches!(o.kind, NpKind::Person | NpKind::Org) && o.is_named());
        return Speaker::Opening(
            object.and_then(|o| make_object(doc, (o.first, o.end), src, (i, cue_end))),
        );
    }
    Speaker::Of(linked(doc, i, cue_end, first, earlier))
}

/// `Noting that the city has changed, Mao said …`: the main clause's speaker says the
/// participle's content too.
fn opening(doc: &Doc, i: usize, cue_end: usize, first: usize, end: usize) -> Option<Candidate> {
    let comma = (cue_end..end).find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))?;
    let src = np::starting_at(doc, comma + 1, end)?;
    let j = (src.end..end).find(|&k| !doc.is_between(k))?;
    // The main clause's verb: one of report, or after an opening preposition any verb
    // (`While saying that …, Ruiz voted …`).
    let verb =
        doc.lex(j).is(class::CUE) || i > first && doc.is_lower(j) && !np::is_function_word(doc, j);
    if !verb
        || !matches!(
            src.kind,
            NpKind::Person | NpKind::Org | NpKind::Nominal | NpKind::Pronoun
        )
    {
        return None;
    }
    // (The content keeps its `that`, as everywhere.)
    let content = trim(doc, cue_end, comma);
    make(doc, content, Vec::new(), Some(src), Some((i, cue_end)))
}

/// The speaker of a participle linked to its sentence by a comma, `and`, a preposition,
/// `that`, a document or an absolute phrase.
fn linked(
    doc: &Doc,
    i: usize,
    cue_end: usize,
    first: usize,
    earlier: &[(usize, Np)],
) -> Option<Np> {
    let p = i.checked_sub(1)?;
    // `with Trump calling for …`, `with 22 percent saying …`: an absolute phrase names
    // its own speaker.
    let absolute = doc
        .skip_between_left(p, first)
        .and_then(|j| np::ending_at(doc, j, first).or_else(|| np::generic_ending_at(doc, j, first)))
        .filter(|np| np.first > first && doc.word_is(np.first - 1, "with"));
    // `released a statement saying …`, `a letter calling for …`: the document says it,
    // on its author's behalf.
    // Through a time: `released a statement Wednesday saying …`.
    let d = (p.saturating_sub(3)..=p)
        .rev()
        .find(|&k| !doc.is(k, class::TIME))
        .unwrap_or(p);
    let document = doc.is_lower(d) && doc.is(d, class::DOCUMENT);
    // Through a manner adverb: `and pointedly saying …` (not `for not condemning`).
    let q = if p > first && doc.is_lower(p) && doc.word(p).ends_with("ly") && doc.is_between(p) {
        p - 1
    } else {
        p
    };
    // `…, Obama won the nomination by promising …`: a preposition ties the participle to
    // the clause it ends, whose subject acts.
    let prepositional = doc.is_lower(q)
        && matches!(
            doc.word(q),
            "by" | "for" | "after" | "before" | "while" | "from" | "without" | "when" | "upon"
        );
    // `…, at one point calling the mayor a liar`, `…, once again saying …`: a short
    // adjunct between the comma and the participle.
    let after_adjunct = (p.saturating_sub(3).max(first)..=p).rev().any(|c| {
        doc.is_punct(c, ',')
            && c < p
            && (doc.is_lower(c + 1)
                && doc.is(c + 1, class::PREPOSITION | class::BETWEEN | class::TIME)
                || doc.word_among(c + 1, &["once", "again", "repeatedly"]))
            && (c + 1..=p).all(|k| doc.is_word(k) && !doc.is(k, class::CUE))
    });
    let linked = doc.is_punct(p, ',')
        || after_adjunct
        || doc.word_is(cue_end, "that")
        || absolute.is_some()
        || document
        || doc.is_lower(q) && doc.word_is(q, "and")
        || prepositional;
    if !linked {
        return None;
    }
    let own_clause = prepositional
        .then(|| clause_subject(doc, first, i))
        .flatten()
        .filter(|np| np.first > first);
    let source = absolute.or(own_clause).or_else(|| {
        earlier
            .iter()
            .filter(|(a, _)| *a < i)
            .max_by_key(|(a, _)| *a)
            .map(|(_, np)| *np)
            .or_else(|| sentence_subject(doc, first, i))
            .or_else(|| clause_subject(doc, first, i))
    })?;
    if source.kind == NpKind::Pronoun && doc.word_is(source.first, "it") {
        // `It is worth noting that …`, `It goes without saying that …`
        return None;
    }
    Some(source)
}

/// The noun phrase right before a judging participle with no comma between them (`groups
/// backing Senator Cruz`): a person, an organisation or a description, not a pronoun, a
/// place or the object of a preposition.
fn reduced_relative(doc: &Doc, i: usize, p: usize, first: usize) -> Option<Np> {
    // (A document's participle speaks for its author: see `linked`.)
    if !doc.lex(i).cue_has(crate::extract::lexicon::cue::JUDGEMENT)
        || !doc.is_word(p)
        || doc.is(p, class::DOCUMENT | class::TIME)
    {
        return None;
    }
    let np = np::ending_at(doc, p, first).filter(|np| {
        np.end == i
            && matches!(np.kind, NpKind::Person | NpKind::Org | NpKind::Nominal)
            // (Not the object of a preposition, which `with the mayor calling for …`, an
            // absolute phrase, is too.)
            && !(np.first > first
                && doc.is_lower(np.first - 1)
                && doc.is(np.first - 1, class::PREPOSITION))
            && !(np.first > first && doc.word_is(np.first - 1, "with"))
    })?;
    Some(np)
}
