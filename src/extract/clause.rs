//! Where reported content starts and ends: adjuncts after a cue, clause starts, and the
//! boundaries (participles, new attributions, contrasting clauses) that end a content.

use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np;
pub(crate) use super::object::{object_end, starts_object};
use super::stops::{FAR, Stop};
use crate::text::tokens::TokenKind;

pub(crate) fn is_numeric(k: TokenKind) -> bool {
    k == TokenKind::Number
}

/// Only closing matter (punctuation, quote marks) from `i` to the sentence end `end`.
pub(crate) fn is_tail(doc: &Doc, i: usize, end: usize) -> bool {
    (i..end).all(|k| !doc.is_word(k) && doc.kind(k) != Some(TokenKind::Number))
}

/// A question word opening the content: `whether`, `how`, `if`, `why`.
pub(crate) fn starts_wh(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && matches!(
            doc.word(i),
            "whether" | "how" | "why" | "what" | "when" | "where" | "who" | "which" | "if"
        )
}

/// A sentence that opens with a subordinating conjunction (`Although`, `If`, `When`).
pub(crate) fn starts_subordinate(doc: &Doc, first: usize) -> bool {
    doc.is_cap(first) && starts_subordinate_word(doc, first)
}

/// A subordinating conjunction at `i`, any case.
pub(crate) fn starts_subordinate_word(doc: &Doc, i: usize) -> bool {
    doc.is(i, class::SUBORDINATE)
}

/// After a parenthetical attribution (`The plan, he said, is …`), does the content resume
/// at `i`? Not when a subordinate clause, a relative or a participle follows.
pub(crate) fn resumes(doc: &Doc, i: usize) -> bool {
    if doc.is_cap(i) || doc.kind(i) == Some(TokenKind::Number) {
        // `When she got inside, she said, there were …`, `…, he said, Mr. Clinton …`
        return !doc.is(i, class::CUE | class::NOT_NAME) || doc.is(i, class::PRONOUN_SUBJECT);
    }
    if !doc.is_lower(i) {
        return false;
    }
    // `One offered shelter, Bob said, while others …`: a contrast inside the words; `…,
    // economists say, because …` or `since …`: so is the reason.
    if doc.word_among(
        i,
        &["while", "but", "because", "since", "although", "though"],
    ) {
        return true;
    }
    // `Sales were great, he said, wiping sweat off his face`, `…, he said, on condition
    // of anonymity`: the attribution's own adjuncts.
    // (A gerund with a verb after it is the subject: `…, he said, replacing her would be
    // much harder`.)
    let gerund_subject = || {
        (i + 1..i + 8)
            .take_while(|&k| !doc.is_punct(k, ',') && !doc.is_break(k))
            .any(|k| is_auxiliary(doc, k))
    };
    if is_participle(doc, i) && !gerund_subject() || anonymity(doc, i) {
        return false;
    }
    let lex = doc.lex(i);
    let w = doc.word(i);
    !(lex.is(class::CLAUSE_CONJ | class::RELATIVE | class::CUE)
        || matches!(
            w,
            "as" | "when"
                | "after"
                | "before"
                | "because"
                | "who"
                | "which"
                | "according"
                | "citing"
                | "referring"
                | "including"
                | "speaking"
                | "pointing"
        ))
}

/// `on (the) condition of anonymity`, `on condition that he not be named`: how the
/// speaker spoke, not what.
pub(crate) fn anonymity(doc: &Doc, i: usize) -> bool {
    let c = if doc.word_is(i + 1, "the") {
        i + 2
    } else {
        i + 1
    };
    doc.is_lower(i) && doc.word_is(i, "on") && doc.word_is(c, "condition")
}

/// `, adding …`, `, according to …`, `, including …` after an attribution.
pub(crate) fn is_participle_tail(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, ',') && (is_participle(doc, i + 1) || doc.word_is(i + 1, "according"))
}

/// A participle that reports again (`, adding …`, `, citing …`, `, calling it …`), which
/// ends the content before it; other participles (`, pushing her to victory`) go on with
/// the content's own subject.
pub(crate) fn speaker_participle(doc: &Doc, i: usize) -> bool {
    let j = if doc.is_between(i) && doc.word(i).ends_with("ly") {
        i + 1
    } else {
        i
    };
    let lex = doc.phrase_cue(j).map_or(doc.lex(j), |(l, _)| l);
    is_participle(doc, i) && lex.is(class::CUE) && lex.form == Form::Gerund
}

/// A participle opening a phrase (`adding`, `referencing`, `implicitly putting`).
pub(crate) fn is_participle(doc: &Doc, mut i: usize) -> bool {
    if doc.is_between(i) && doc.word(i).ends_with("ly") {
        i += 1;
    }
    let w = doc.word(i);
    doc.is_lower(i)
        && (doc.lex(i).form == Form::Gerund || w.len() > 5 && w.ends_with("ing"))
        && !doc.is(i, class::PREPOSITION)
        && !matches!(
            w,
            "including"
                | "allowing"
                | "making"
                | "leaving"
                | "meaning"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
                | "building"
                | "spring"
                | "string"
                | "thing"
                | "things"
                | "bring"
                | "king"
                | "ceiling"
                | "pending"
                | "notwithstanding"
        )
}

/// Skips time and place adjuncts after a cue: `on Monday`, `in a statement`, `Tuesday`,
/// `at the salon`, `to reporters`.
pub(crate) fn skip_adjuncts(doc: &Doc, mut i: usize, end: usize) -> usize {
    loop {
        if i >= end {
            return i;
        }
        // `this week`, `last year`; but `believe this provides …` opens the content.
        let deictic =
            doc.word_among(i, &["this", "last", "next", "past"]) && !doc.is(i + 1, class::TIME);
        if doc.is(i, class::TIME) && doc.is_word(i) && !deictic || doc.is_between(i) {
            i += 1;
            continue;
        }
        if doc.is_lower(i)
            && matches!(doc.word(i), "after" | "before" | "since" | "until" | "as")
            && !doc.is(i + 1, class::TIME | class::DETERMINER)
        {
            // `said after Pagliano failed to …`: a subordinate clause, not content.
            return i;
        }
        // `said about 20 people have …`: an approximate figure opens the content.
        if doc.is_lower(i)
            && doc.is(i, class::PREPOSITION)
            && !is_infinitive(doc, i)
            && !approximate_figure(doc, i)
        {
            // A prepositional phrase of a few words, up to a comma, `that` or a clause.
            let mut j = i + 1;
            let mut noun_seen = false;
            // `said, without offering evidence, that …`: a gerund after `without` is part
            // of the adjunct.
            let without_gerund = doc.without_gerund(i);
            // `in '08`: a year shortened with an apostrophe.
            if doc.kind(j) == Some(TokenKind::SingleQuote)
                && doc.kind(j + 1) == Some(TokenKind::Number)
                && doc.tok(j + 1).is_some_and(|t| !t.space_before)
            {
                j += 2;
            }
            while j < end
                && j - i <= 6
                && (doc.is_word(j) || doc.kind(j) == Some(TokenKind::Number))
            {
                let l = doc.lex(j);
                let w = doc.word(j);
                let gerund_ok = without_gerund && j == i + 1;
                // `on a call`, `in a statement`: after an article a cue is a noun.
                // (`in a written statement`: after an article a participle is an adjective.)
                let noun_ok = (l.is(class::NOUN_FORM) || l.form == Form::Past)
                    && doc.is(j - 1, class::DETERMINER);
                if doc.word_is(j, "that")
                    || starts_wh(doc, j)
                    || l.is(class::CUE | class::BE) && doc.is_lower(j) && !gerund_ok && !noun_ok
                    || l.is(class::PRONOUN_SUBJECT) && doc.is_lower(j)
                    || noun_seen && l.is(class::DETERMINER)
                    || j == i + 1
                        && doc.is_lower(j)
                        && w.len() > 4
                        && w.ends_with("ing")
                        && !gerund_ok
                {
                    break;
                }
                noun_seen |= !l.is(class::DETERMINER);
                j += 1;
            }
            if j == i + 1 {
                return i;
            }
            i = j;
            continue;
        }
        return i;
    }
}

/// `to` followed by a verb (`to counter`, `to "counter`).
pub(crate) fn is_infinitive(doc: &Doc, i: usize) -> bool {
    let k = if doc.is_quote(i + 1) { i + 2 } else { i + 1 };
    doc.word_is(i, "to") && doc.is_lower(k) && !doc.is(k, class::DETERMINER | class::PRONOUN_OBJECT)
}

/// The first comma (outside quotes) from `i`, or `end`; after the closing mark when the
/// comma is inside one (`exploitation,"`).
pub(crate) fn first_comma(doc: &Doc, i: usize, end: usize) -> usize {
    let stops = &doc.stops;
    stops.value_before(doc, stops.next(doc, Stop::Comma, i, end), end)
}

/// Does a subject and its finite verb start at `i`: a subject pronoun, or a name of up to
/// three words, then a verb of report or a past tense (`Cruz opposed`)? Not `it`, which
/// may be an object, nor a name before `be` (`between Trump and Clinton are …`).
pub(crate) fn subject_verb(doc: &Doc, i: usize) -> bool {
    if doc.word_among(i, &["he", "she", "they", "we", "i"]) && doc.is_lower(i) {
        return true;
    }
    let mut v = i;
    while v < i + 3 && doc.is_cap(v) && !doc.is(v, class::NOT_NAME) {
        v += 1;
    }
    let w = doc.word(v);
    v > i
        && doc.is_lower(v)
        && (doc.is(v, class::CUE) || w.len() > 3 && w.ends_with("ed"))
        && !doc.is(v, class::NOUN_FORM)
}

/// Could a clause (the content of speech) start at `i`?
pub(crate) fn starts_clause(doc: &Doc, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Number) | Some(TokenKind::DoubleQuote) => true,
        Some(TokenKind::Punct) => doc.is_punct(i, '$'),
        Some(TokenKind::Word) => {
            let lex = doc.lex(i);
            if doc.is_cap(i) {
                return !lex.is(class::CUE);
            }
            lex.is(class::PRONOUN_SUBJECT | class::DETERMINER)
                || doc.word_among(
                    i,
                    &[
                        "there", "how", "what", "whether", "why", "when", "where", "if", "no",
                        "nothing", "everyone", "nobody", "someone", "more", "only",
                    ],
                )
                || gerund_subject(doc, i)
                || approximate_figure(doc, i)
        }
        _ => false,
    }
}

/// `about 20 people`, `at least 21,000`, `nearly half`: a figure, hedged, that may open
/// a clause (not `at least once`).
fn approximate_figure(doc: &Doc, i: usize) -> bool {
    let figure = |k: usize| {
        doc.kind(k) == Some(TokenKind::Number)
            || doc.is_lower(k)
                && (crate::extract::numbers::is_cardinal_word(doc.word(k))
                    || doc.word_among(k, &["half", "dozens", "hundreds", "thousands", "millions"]))
    };
    if doc.word_is(i, "at") && doc.word_is(i + 1, "least") {
        return figure(i + 2);
    }
    doc.word_among(
        i,
        &[
            "about", "around", "nearly", "almost", "roughly", "over", "under",
        ],
    ) && figure(i + 1)
}

/// `seeking reinforcements was the right course`: a gerund and its object as the subject
/// of a verb a few words on (not `saying …`, a participle that reports).
fn gerund_subject(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    w.len() > 4
        && w.ends_with("ing")
        && !doc.is(i, class::PREPOSITION)
        && !doc.lex(i).cue_has(cue::SPEECH)
        && (i + 1..i + 6)
            .take_while(|&k| doc.is_word(k))
            .any(|k| doc.is_lower(k) && (doc.is(k, class::BE) || is_auxiliary(doc, k)))
}

/// Where the clause starting at `i` ends: at the sentence end, or before a comma that
/// opens another attribution, a participle (`, adding`), or a contrasting clause
/// (`, while …`).
pub(crate) fn clause_end(doc: &Doc, i: usize, end: usize) -> usize {
    let stops = &doc.stops;
    let k = stops
        .next(doc, Stop::Always, i, end)
        .min(stops.next(doc, Stop::Later, i + 1, end))
        .min(stops.next(doc, Stop::Far, i + FAR, end));
    // `noted that Trump supported the invasion and has shifted his position`: after
    // `that` the second predicate is the content's own.
    let k = if opens_with_that(doc, i) {
        k
    } else {
        k.min(stops.next(doc, Stop::Predicate, i + 1, end))
    };
    stops.value_before(doc, k, end)
}

/// Does content starting at `i` open with `that`, or follow it? (Content keeps its
/// `that`, as annotators mark it; where `that` is the subject it opens the content too.)
pub(crate) fn opens_with_that(doc: &Doc, i: usize) -> bool {
    doc.word_is(i, "that") && doc.is_lower(i)
        || i.checked_sub(1).is_some_and(|p| doc.word_is(p, "that"))
}

/// A finite reporting verb at `i` (`said`, `noted`), not a gerund.
pub(crate) fn is_reporting_verb(doc: &Doc, i: usize) -> bool {
    let l = doc.lex(i);
    l.is(class::CUE)
        && doc.is_lower(i)
        && l.form != Form::Gerund
        && !l.is(class::NOUN_FORM)
        && (l.cue_has(cue::SPEECH | cue::THAT | cue::JUDGEMENT)
            || l.cue_has(cue::DIRECTIVE | cue::INTENT)
                && matches!(l.form, Form::Past | Form::Present3))
        && (!l.cue_has(cue::BELIEF)
            || doc.word_is(i + 1, "that")
            || doc.is_between(i + 1) && doc.word_is(i + 2, "that"))
}

pub(crate) fn comma_then_closer(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k, ',') && doc.is_quote(k + 1) && doc.tok(k + 1).is_some_and(|t| !t.space_before)
}

/// A new attribution right at `i`: `X said` (`but he said …`) or `said X.`.
pub(crate) fn attribution_follows(doc: &Doc, mut i: usize, end: usize) -> bool {
    let conj = doc.is_lower(i) && (doc.is(i, class::CLAUSE_CONJ) || doc.word_is(i, "and"));
    if conj {
        i += 1;
    }
    if let Some(np) = np::starting_at(doc, i, end) {
        let mut j = np.end;
        while j < end && doc.is_between(j) {
            j += 1;
        }
        let l = doc.lex(j);
        // `said`, or a progressive `is promising`
        let finite = l.form != Form::Gerund || j > 0 && doc.is(j - 1, class::BE);
        if l.is(class::CUE)
            && doc.is_lower(j)
            && finite
            && l.cue_has(cue::SPEECH | cue::INTENT | cue::THAT)
            && !l.is(class::NOUN_FORM)
            && np.kind != np::NpKind::Place
        {
            return true;
        }
    }
    let l = doc.lex(i);
    if l.is(class::CUE) && doc.is_lower(i) && l.form == Form::Past && l.cue_has(cue::SPEECH) {
        return np::starting_at(doc, i + 1, end).is_some();
    }
    // `…, and more than 4 in 10 said …`: a subject the lexicon does not know, a few words
    // long, then a finite speech verb.
    let mut k = i;
    while k < end && k - i < 8 && (doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number)) {
        let l = doc.lex(k);
        if k > i
            && l.cue_has(cue::SPEECH)
            && doc.is_lower(k)
            && matches!(l.form, Form::Past | Form::Present3)
            && !l.is(class::NOUN_FORM)
        {
            return !doc.is(k - 1, class::PREPOSITION | class::DETERMINER);
        }
        if doc.is_lower(k) && doc.is(k, class::CUE | class::BE | class::RELATIVE)
            || doc.word_is(k, "that")
        {
            return false;
        }
        k += 1;
    }
    false
}

/// A form of `be` or a modal or auxiliary verb (`is`, `could`, `has`).
pub(crate) fn is_auxiliary(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && (doc.is(i, class::BE)
            || matches!(
                doc.word(i),
                "could"
                    | "would"
                    | "will"
                    | "should"
                    | "might"
                    | "may"
                    | "must"
                    | "can"
                    | "has"
                    | "have"
                    | "had"
                    | "did"
                    | "does"
                    | "do"
                    | "won't"
                    | "wouldn't"
            ))
}
