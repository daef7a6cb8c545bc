//! The subject of a whole sentence or clause, when no noun phrase stands right before the
//! cue: after an opening phrase or a dateline, a possessive, a determiner and a few words.

use super::doc::Doc;
use super::lexicon::class;
use super::np::{self, Np, NpKind};
use super::subject::possessive;

/// After a possessive at `i`, a few lowercase words and a name or a noun the lexicon
/// knows (`investment giant CITIC`, `campaign manager`).
fn determined_owned(doc: &Doc, i: usize, before: usize) -> Option<Np> {
    let last = (i..before.min(i + 5))
        .take_while(|&k| doc.is_word(k) && !doc.is(k, class::CUE | class::BE))
        .last()?;
    np::ending_at(doc, last, i).filter(|np| np.end == last + 1)
}

/// The subject that opens the sentence (after any introductory phrase ending in a comma).
/// `The affidavit cited …`, `A new federal lawsuit filed …`: a determiner opening the
/// sentence, up to four lowercase words, then a verb in the past tense.
fn determined_subject(doc: &Doc, first: usize, before: usize) -> Option<Np> {
    if !doc.is(first, class::DETERMINER) || !doc.is_cap(first) {
        return None;
    }
    // A past tense: `plan` or `report` after a determiner is mostly the noun.
    let verb_like = |k: usize| doc.is_past_tense(k);
    let mut k = first + 1;
    while k < before
        && k - first <= 4
        && doc.is_word(k)
        && doc.is_lower(k)
        && !verb_like(k)
        && !doc.is(
            k,
            class::BE | class::PREPOSITION | class::RELATIVE | class::CLAUSE_CONJ,
        )
    {
        k += 1;
    }
    if k == first + 1 || k >= before || !verb_like(k) {
        return None;
    }
    np::generic_ending_at(doc, k - 1, first).filter(|np| np.first == first && np.end == k)
}

pub(crate) fn sentence_subject(doc: &Doc, first: usize, before: usize) -> Option<Np> {
    // `TALLAHASSEE — Rep. Gwen Graham on Friday …`: the subject follows the dateline.
    let first = dateline_end(doc, first, before).unwrap_or(first);
    // `If Donald Trump wins, the government could …`: a subordinate clause opening the
    // sentence has a subject of its own; the main clause's comes after its comma.
    if doc.is_cap(first)
        && doc.is(first, class::SUBORDINATE)
        && let Some(comma) = (first + 1..before).find(|&k| doc.is_punct(k, ','))
    {
        return sentence_subject(doc, comma + 1, before);
    }
    // `Beyond the footage, the affidavit cited …`: a short adjunct and its comma open the
    // sentence.
    if doc.is_cap(first)
        && doc.is(first, class::PREPOSITION)
        && let Some(comma) = (first + 1..before.min(first + 8)).find(|&k| doc.is_punct(k, ','))
        && let Some(np) = sentence_subject(doc, comma + 1, before)
    {
        return Some(np);
    }
    // `A few minutes later they reversed themselves, … and said …`: a time opens the
    // sentence, and its subject follows.
    if let Some(later) = (first + 1..before.min(first + 5))
        .find(|&k| doc.is_lower(k) && doc.word_among(k, &["later", "earlier", "ago", "afterward"]))
        && (first..later).all(|k| {
            doc.kind(k) == Some(crate::text::tokens::TokenKind::Number)
                || doc.is(k, class::TIME | class::DETERMINER)
                || doc.word_among(
                    k,
                    &["few", "several", "moments", "minutes", "hours", "seconds"],
                )
        })
        && let Some(np) = sentence_subject(doc, later + 1, before)
    {
        return Some(np);
    }
    // `China's investment giant CITIC runs …`: a possessive opens the subject; the noun
    // it owns is the subject.
    if let Some(np) = np::starting_at(doc, first, before)
        && np.end > first
        && possessive(doc, np.end - 1)
        && let Some(owned) =
            np::starting_at(doc, np.end, before).or_else(|| determined_owned(doc, np.end, before))
        && owned.kind != NpKind::Place
    {
        // (`Clinton's aides`: a description keeps its possessor.)
        if owned.kind == NpKind::Nominal {
            return Some(Np {
                first: np.first,
                name: (np.first, owned.name.1),
                ..owned
            });
        }
        return Some(owned);
    }
    if let Some(np) = np::starting_at(doc, first, before)
        && np.kind != NpKind::Place
    {
        return Some(np);
    }
    if let Some(comma) = (first..before).find(|&k| doc.is_punct(k, ','))
        && let Some(np) = np::starting_at(doc, comma + 1, before)
        && np.kind != NpKind::Place
    {
        return Some(np);
    }
    // `The affidavit cited interviews and said …`: a noun the lexicon does not know, after
    // a determiner and before the first predicate's verb.
    if let Some(np) = determined_subject(doc, first, before) {
        return Some(np);
    }
    // `By Sunday afternoon she had canceled …`: a time adjunct opens the sentence.
    if doc.is(first, class::PREPOSITION) {
        let mut k = first + 1;
        while k < before
            && k - first <= 4
            && (doc.is(k, class::TIME)
                || doc.kind(k) == Some(crate::text::tokens::TokenKind::Number)
                || doc.is(k, class::DETERMINER))
        {
            k += 1;
        }
        if k > first + 1
            && let Some(np) = np::starting_at(doc, k, before)
            && matches!(np.kind, NpKind::Pronoun | NpKind::Person | NpKind::Org)
        {
            return Some(np);
        }
    }
    // `For that she drew his ire - he called her "weak" and said …`: the clause after the
    // last dash, colon or semicolon.
    let open = (first..before).rev().find(|&k| {
        doc.kind(k) == Some(crate::text::tokens::TokenKind::Dash)
            || doc.is_punct(k, ':')
            || doc.is_punct(k, ';')
    });
    open.and_then(|open| np::starting_at(doc, open + 1, before))
        .filter(|np| np.kind != NpKind::Place)
        // `Standing alongside X, who …, and Y, Mark-Viverito accused …`
        .or_else(|| clause_subject(doc, first, before))
}

/// One past a dateline's dash: capitals (`WASHINGTON`, `FORT PIERCE, Fla.`) and a dash
/// opening the sentence.
fn dateline_end(doc: &Doc, first: usize, before: usize) -> Option<usize> {
    let dash = (first..before.min(first + 6))
        .find(|&k| doc.kind(k) == Some(crate::text::tokens::TokenKind::Dash))?;
    let caps = doc.word(first).len() > 1 && doc.word(first).bytes().all(|b| b.is_ascii_uppercase());
    (caps && dash + 1 < before).then_some(dash + 1)
}

/// The subject of the clause a participle after `before` attaches to: the last noun phrase
/// that opens the sentence or follows a comma or a dash and is followed by a verb (`When his
/// family moved back, his mother refused …, insisting …` → `his mother`). Subordinate
/// clauses and time adjuncts are skipped.
pub(crate) fn clause_subject(doc: &Doc, first: usize, before: usize) -> Option<Np> {
    let boundaries = std::iter::once(first).chain((first..before).filter_map(|k| {
        let open = doc.is_punct(k, ',')
            || doc.kind(k) == Some(crate::text::tokens::TokenKind::Dash)
            || doc.is_punct(k, ':');
        // `…, and the governor tripped him up by calling …`: the clause after the
        // conjunction.
        let conj = doc.is_lower(k + 1) && doc.word_among(k + 1, &["and", "but"]);
        open.then_some(if conj { k + 2 } else { k + 1 })
    }));
    let mut best = None;
    for b in boundaries {
        if b >= before || super::clause::starts_subordinate_word(doc, b) {
            continue;
        }
        let Some(np) = np::starting_at(doc, b, before).filter(|np| np.end < before) else {
            continue;
        };
        if matches!(np.kind, NpKind::Place) || doc.is(np.name.1 - 1, class::TIME) {
            continue;
        }
        let mut v = np.end;
        while v < before && doc.is_between(v) {
            v += 1;
        }
        let verb =
            doc.is_lower(v) && !np::is_function_word(doc, v) && !doc.is(v, class::DETERMINER)
                || doc.is(v, class::CUE) && doc.is_lower(v);
        if verb {
            best = Some(np);
        }
    }
    best
}
