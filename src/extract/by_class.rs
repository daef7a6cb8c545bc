//! The content of a cue by what it reports: a document's findings, a judgement's object,
//! an intention's infinitive or object, or a speech verb's complement.

use super::candidate::{Candidate, trim};
use super::clause::{
    clause_end, is_auxiliary, is_infinitive, object_end, skip_adjuncts, starts_object,
};
use super::content::{complement, judgement, make, make_object};
use super::doc::Doc;
use super::lexicon::{class, cue};
use super::np::{self, Np, NpKind};
use super::reported::Cue;
use super::subject::{is_document, plural, possessive};
use crate::text::tokens::TokenKind;

/// `not` after a cue (`refuses not to …`) is part of what is reported.
pub(crate) fn skip_not(doc: &Doc, i: usize) -> usize {
    if doc.word_is(i, "not") { i + 1 } else { i }
}

/// The content of cue `at` spoken by `src`, by what the cue reports: what a document
/// shows (`the study found that …`), the object of a judgement (`criticized the plan`),
/// an intention's infinitive (`vowed to form a task force`), or the complement of a speech
/// verb. In a relative clause (`a supporter who wants to give more could …`) an intention
/// ends where the main clause resumes its verb.
pub(crate) fn content_of(
    doc: &Doc,
    at: Cue,
    src: Np,
    end: usize,
    relative: bool,
) -> Option<Candidate> {
    let Cue {
        i,
        end: cue_end,
        lex,
    } = at;
    let cue_span = Some((i, cue_end));
    if lex.cue_has(cue::EVIDENCE)
        && (is_document(doc, &src) || super::subject::finds_as_evidence(doc, &src))
    {
        let j = skip_adjuncts(doc, cue_end, end);
        let from = if doc.word_is(j, "that") { j + 1 } else { j };
        let content = trim(doc, j, clause_end(doc, from, end));
        return make(doc, content, Vec::new(), Some(src), cue_span);
    }
    if lex.cue_has(cue::JUDGEMENT) && !lex.cue_has(cue::SPEECH | cue::THAT) {
        return judgement(doc, i, cue_end, end, src);
    }
    let to = skip_not(doc, cue_end);
    if lex.cue_has(cue::INTENT) && !is_infinitive(doc, to) && !doc.word_is(cue_end, "that") {
        // `proposes raising the limit`, `promised a veto`, `seeks re-election`
        let w = doc.word(cue_end);
        if doc.is_lower(cue_end)
            && w.len() > 4
            && w.ends_with("ing")
            && !doc.is(cue_end, class::PREPOSITION)
        {
            let content = trim(doc, cue_end, clause_end(doc, cue_end, end));
            return make(doc, content, Vec::new(), Some(src), cue_span);
        }
        // The object is a noun phrase that opens with a determiner, a number or a name
        // (`a veto`, `re-election` no; `Bridge plans unveiled` is a headline, not a plan).
        // Or a bare plural (`want lower taxes`, `want policies that …`).
        let bare_plural = (cue_end..end.min(cue_end + 3))
            .take_while(|&k| doc.is_lower(k) && !np::is_function_word(doc, k))
            .any(|k| {
                let w = doc.word(k);
                w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")
            });
        let noun_phrase = doc.is(cue_end, class::DETERMINER)
            || doc.kind(cue_end) == Some(TokenKind::Number)
            || doc.is_cap(cue_end)
            || bare_plural;
        // A cue that is also a noun (`Bridge plans unveiled`) needs its subject right
        // before it: a name, a pronoun or a plural (`Republicans want lower taxes`).
        let verb = !lex.is(class::NOUN_FORM)
            || doc.skip_between_left(i.saturating_sub(1), src.first) == Some(src.end - 1)
                && !(src.first..src.end).any(|k| possessive(doc, k))
                && (matches!(src.kind, NpKind::Pronoun | NpKind::Person | NpKind::Org)
                    || plural(doc, &src));
        if noun_phrase
            && verb
            && starts_object(doc, cue_end)
            && !doc.is(cue_end, class::PRONOUN_SUBJECT)
        {
            let content = trim(doc, cue_end, object_end(doc, cue_end, end));
            if let Some(c) = make_object(doc, content, src, (i, cue_end)) {
                return Some(c);
            }
        }
    }
    if lex.cue_has(cue::INTENT) && is_infinitive(doc, to) {
        // `refused to endorse Mr. Trump`, `declined to criticize the plan`: what was not
        // endorsed is the content, of the cue `refused to endorse`.
        if let Some(c) = refused_judgement(doc, i, to, end, src) {
            return Some(c);
        }
        let mut stop = clause_end(doc, cue_end, end);
        if relative {
            stop = (to + 2..stop)
                .find(|&k| is_auxiliary(doc, k) && !doc.is(k - 1, class::RELATIVE))
                .unwrap_or(stop);
        }
        return make(
            doc,
            trim(doc, cue_end, stop),
            Vec::new(),
            Some(src),
            cue_span,
        );
    }
    let content = complement(doc, cue_end, lex, lex.cue_has(cue::SPEECH), end)?;
    make(doc, content, Vec::new(), Some(src), cue_span)
}

/// `refused to endorse Mr. Trump`: a refusal of a judgement that has an object, whose
/// content is that object and whose cue runs through the judging verb.
fn refused_judgement(doc: &Doc, i: usize, to: usize, end: usize, src: Np) -> Option<Candidate> {
    let refusal = doc.is_lower(i)
        && doc.word_among(
            i,
            &[
                "refuse",
                "refuses",
                "refused",
                "refusing",
                "decline",
                "declines",
                "declined",
                "declining",
            ],
        );
    let verb = to + 1;
    let judges = doc.is_lower(verb)
        && doc.lex(verb).cue_has(cue::JUDGEMENT)
        && !doc.lex(verb).cue_has(cue::SPEECH);
    let object = verb + 1;
    if !(refusal && judges && starts_object(doc, object) && !doc.is(object, class::PRONOUN_SUBJECT))
    {
        return None;
    }
    let content = trim(doc, object, object_end(doc, object, end));
    make_object(doc, content, src, (i, object))
}
