//! Where a noun-phrase object given as content ends: at a comma, unless a list or an
//! appositive goes on; at a dash, a second reporting verb, a subordinate clause or an
//! adjunct (the `object` stops of [`super::stops::Stops`]).

use super::clause::first_comma;
use super::doc::Doc;
use super::lexicon::class;
use super::stops::Stop;
use crate::text::tokens::TokenKind;

/// Where an object given as content ends (`criticized the Affordable Care Act as a
/// "crazy system"`): at a comma, a dash, a second reporting verb, a subordinate clause or
/// a time or place adjunct (`in a ruling released Thursday`, `in July`).
pub(crate) fn object_end(doc: &Doc, i: usize, end: usize) -> usize {
    // `questions about whether he'll drop out before Tuesday`: a question is a clause,
    // which runs past the adjuncts that end a noun phrase.
    if doc.is_lower(i)
        && doc.word_among(
            i,
            &["whether", "how", "why", "what", "who", "when", "where"],
        )
    {
        return super::clause::clause_end(doc, i + 1, end);
    }
    let mut stop = first_comma(doc, i, end);
    // `congratulating his rivals, especially Ted Cruz and Marco Rubio`: examples of the
    // object are part of it, to the next comma.
    if doc.is_punct(stop, ',')
        && doc.is_lower(stop + 1)
        && doc.word_among(
            stop + 1,
            &["especially", "particularly", "notably", "including"],
        )
    {
        stop = first_comma(doc, stop + 2, end);
    }
    // `called for lower taxes, fewer rules and a balanced budget`: a list stays whole.
    if let Some(list) = list_end(doc, stop, end) {
        stop = list;
    }
    // `assailed a federal judge, Gonzalo P. Curiel, for his heritage`: an appositive
    // inside the object, then more of it.
    if let Some(after) = appositive_in_object(doc, stop, end) {
        let more = first_comma(doc, after, end);
        return next_object(doc, i + 1, end)
            .min(stop)
            .max(more.min(next_object(doc, after + 1, end)));
    }
    next_object(doc, i + 1, end).min(stop)
}

/// The first object boundary at or after `i` (see [`Stop::Object`]).
fn next_object(doc: &Doc, i: usize, end: usize) -> usize {
    doc.stops.next(doc, Stop::Object, i, end)
}

/// When the comma at `comma` opens an appositive closed by a second comma (a name, or a
/// short description with an article) and a preposition or `to` goes on after it, the
/// position after the second comma.
fn appositive_in_object(doc: &Doc, comma: usize, end: usize) -> Option<usize> {
    if !doc.is_punct(comma, ',') {
        return None;
    }
    let close = (comma + 2..end.min(comma + 9)).find(|&k| doc.is_punct(k, ','))?;
    let inside = comma + 1..close;
    let plain = inside.clone().all(|k| {
        (doc.is_word(k)
            || super::np::abbreviation_dot(doc, k)
            || doc.is_punct(k, '.') && doc.tok(k).is_some_and(|t| !t.space_before))
            && !(doc.is_lower(k) && doc.is(k, class::CUE | class::BE | class::RELATIVE))
    });
    let named = doc.is_cap(comma + 1)
        && inside
            .clone()
            .all(|k| !doc.is_lower(k) || doc.is(k, class::NAME_PARTICLE));
    let described = doc.word_among(comma + 1, &["the", "a", "an"])
        && (comma + 2..close).any(|k| super::np::is_speaker_noun(doc, k));
    let goes_on = doc.is_lower(close + 1)
        && (doc.is(close + 1, class::PREPOSITION) || doc.word_is(close + 1, "to"));
    (plain && (named || described) && goes_on).then_some(close + 1)
}

/// When the comma at `comma` continues a list of noun phrases (`…, fewer rules and a
/// balanced budget`), one past the list's last item. Items are short and hold no verb of
/// report, no form of `be`, no relative or subject pronoun.
fn list_end(doc: &Doc, comma: usize, end: usize) -> Option<usize> {
    if !doc.is_punct(comma, ',') {
        return None;
    }
    // `called him a "nasty guy," an "anchor baby" and "sick"`: quoted items too.
    // A cue that is also a noun (`fewer rules`) may be an item.
    let item_word = |k: usize| {
        (doc.is_word(k)
            || doc.kind(k) == Some(TokenKind::Number)
            || doc.is_punct(k, '$')
            || doc.is_quote(k))
            && !(doc.is_lower(k)
                && (doc.is(
                    k,
                    class::BE | class::RELATIVE | class::PRONOUN_SUBJECT | class::SUBORDINATE,
                ) || doc.is(k, class::CUE) && !doc.is(k, class::NOUN_FORM)))
    };
    let mut k = comma + 1;
    for _ in 0..6 {
        let start = k;
        while k < end && k - start < 7 && item_word(k) && !doc.word_among(k, &["and", "or"]) {
            k += 1;
        }
        if k == start {
            return None;
        }
        if doc.word_among(k, &["and", "or"]) && doc.is_lower(k) {
            // The last item, up to the next comma or the end.
            let last = k + 1;
            let mut e = last;
            while e < end && e - last < 7 && item_word(e) {
                e += 1;
            }
            let closes = e >= end || !doc.is_word(e);
            return (e > last && closes).then_some(e);
        }
        if !doc.is_punct(k, ',') {
            return None;
        }
        k += 1;
    }
    None
}

/// Could a noun phrase object start at `i` (`the record figure`, `these allegations`)?
pub(crate) fn starts_object(doc: &Doc, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Word) => {
            let lex = doc.lex(i);
            if lex.is(class::TIME) && !lex.is(class::DETERMINER) {
                return false;
            }
            !lex.is(class::PREPOSITION | class::CUE | class::CLAUSE_CONJ | class::BETWEEN)
                || lex.is(class::DETERMINER)
        }
        Some(TokenKind::Number) | Some(TokenKind::DoubleQuote) => true,
        _ => false,
    }
}
