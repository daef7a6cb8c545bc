//! The content of a reported claim: what follows a cue (a clause, a question, an object,
//! an infinitive), and the candidate built from it.

use super::candidate::{Candidate, Inherit, rank, trim};
use super::clause::{
    clause_end, first_comma, is_auxiliary, is_infinitive, is_participle_tail, object_end,
    skip_adjuncts, starts_clause, starts_object, starts_wh,
};
use super::doc::Doc;
use super::lexicon::{Form, Lex, class, cue};
use super::np::{self, Np, NpKind};
use super::subject::is_passive;
use super::{ClaimClass, ClaimKind};
use crate::text::tokens::TokenKind;

pub(crate) fn make(
    doc: &Doc,
    content: (usize, usize),
    fragments: Vec<(usize, usize)>,
    source: Option<Np>,
    cue: Option<(usize, usize)>,
) -> Option<Candidate> {
    make_min(doc, content, fragments, source, cue, 2)
}

/// [`make`] for contents that may be a single word: the object of a judgement or an
/// intention (`endorsed Trump`, `praised him`).
pub(crate) fn make_object(
    doc: &Doc,
    content: (usize, usize),
    source: Np,
    cue: (usize, usize),
) -> Option<Candidate> {
    make_min(doc, content, Vec::new(), Some(source), Some(cue), 1)
}

pub(crate) fn make_min(
    doc: &Doc,
    content: (usize, usize),
    fragments: Vec<(usize, usize)>,
    source: Option<Np>,
    cue: Option<(usize, usize)>,
    min_words: usize,
) -> Option<Candidate> {
    let (first, mut end) = content;
    if doc.words_in(first, end) < min_words {
        return None;
    }
    // `reported a few days later`: a time is not what was said (`backed her` is an
    // object).
    if (first..end).all(|k| {
        !doc.is_word(k)
            || doc.is(k, class::TIME | class::DETERMINER)
                && !(end == first + 1 && doc.word_is(k, "her"))
            || doc.word_is(k, "few")
    }) {
        return None;
    }
    // `credit cards they never asked for or were confused`: a cue whose object is gone
    // (moved before it) leaves a coordinator, not content; nor is an attribution alone
    // content (`The talks are continuing, he said`).
    let mut first = first;
    if cue.is_some_and(|(_, c)| c == first)
        && doc.is_lower(first)
        && doc.word_among(first, &["or", "and", "but", "nor"])
    {
        // `derided and insulted "the professional left"`: two cues share the object.
        let verb = doc.is(first + 1, class::CUE) || doc.is_past_tense(first + 1);
        if !(doc.is_lower(first + 1) && verb) || first + 2 >= end {
            return None;
        }
        first += 2;
    }
    let attribution_only = end == first + 2
        && doc.is_lower(first)
        && doc.is(first, class::PRONOUN_SUBJECT)
        && doc.lex(end - 1).cue_has(cue::SPEECH)
        && doc.lex(end - 1).form == Form::Past;
    if attribution_only {
        return None;
    }
    // A quotation opened in the content runs to its closing mark, over sentence ends
    // (`told Fox that "they hit Matt …. What they are doing is …"`).
    let mut fragments = fragments;
    if let Some(mut reach) = doc.region_end(end.saturating_sub(1)) {
        if doc.is_quote(reach.saturating_sub(1)) {
            reach -= 1;
        }
        if reach > end {
            end = reach;
            if let Some(last) = fragments.last_mut() {
                last.1 = end;
            }
        }
    }
    if let Some(np) = source {
        let (a, b) = np.name;
        let meaningful = (a..b).any(|k| {
            doc.is_word(k) && !doc.is(k, class::NOT_NAME | class::PREPOSITION)
                || doc.is(k, class::PRONOUN_SUBJECT | class::PRONOUN_OBJECT)
                || doc.word_among(k, np::QUANTIFIERS)
                || doc.kind(k) == Some(crate::text::tokens::TokenKind::Number)
        });
        // (`at least 21,000 said`: a lower bound, not a preposition.)
        let bound = doc.word_is(np.first, "at") && doc.word_is(np.first + 1, "least");
        if !meaningful || doc.is(np.first, class::PREPOSITION) && doc.is_lower(np.first) && !bound {
            return None;
        }
    }
    let quoted = doc.any_quoted(first, end);
    Some(Candidate {
        first,
        end,
        fragments,
        kind: if quoted {
            ClaimKind::Mixed
        } else {
            ClaimKind::Indirect
        },
        source,
        cue,
        inherit: Inherit::No,
        class: ClaimClass::Speech,
        rank: if source.is_some() {
            rank::REPORTED
        } else {
            rank::UNSOURCED
        },
    })
}

/// `X seems to …`, `it appeared that …`, `X seemed as if …`: the writer's impression, the
/// whole clause from its subject on, and nobody its source.
pub(crate) fn seeming(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let next = i + 1;
    // `seemed irritated`, `appears weak`, `seemed equally unperturbed`, `seemed a
    // reminder that …`: an adjective, a participle or a noun phrase after the verb.
    let through = if doc.is_between(next) { next + 1 } else { next };
    let complement = doc.is_lower(through)
        && doc.is_word(through)
        && !doc.is(
            through,
            class::PREPOSITION | class::CLAUSE_CONJ | class::RELATIVE | class::BE | class::PRONOUN_SUBJECT,
        )
        && !np::is_function_word(doc, through)
        // (`appeared together on the trail`: showed up.)
        && !doc.word_among(through, &["together", "alongside", "briefly", "live", "again", "onstage"])
        || doc.is(through, class::DETERMINER) && doc.word_among(through, &["a", "an"]);
    let opens = is_infinitive(doc, next)
        || doc.word_is(next, "that")
        || doc.word_is(next, "like")
        || doc.word_is(next, "as")
            && (doc.word_is(next + 1, "if") || doc.word_is(next + 1, "though"))
        || complement;
    if !opens || doc.lex(i).form == Form::Gerund || is_passive(doc, i, first) {
        return None;
    }
    // `Anderson seemed to think the outreach was phony`: the belief is the subject's, and
    // the infinitive cue reports it.
    let verb = next + 1;
    if is_infinitive(doc, next)
        && doc.is_lower(verb)
        && doc.lex(verb).is(class::CUE)
        && doc.lex(verb).form == Form::Base
        && doc.lex(verb).cue_has(cue::BELIEF | cue::SPEECH)
    {
        return None;
    }
    let j = doc.skip_between_left(i.checked_sub(1)?, first)?;
    let subject = np::ending_at(doc, j, first).or_else(|| np::generic_ending_at(doc, j, first))?;
    let from = with_article(doc, subject.first, first);
    let mut stop = clause_end(doc, next, end);
    if complement && !is_infinitive(doc, next) {
        // The impression alone: not a time or a list after it (`appeared accurate when
        // …`, `appear questionable, including …`).
        stop = stop
            .min(first_comma(doc, next, end))
            .min(subordinate_after(doc, next, end));
    }
    let content = trim(doc, from, stop);
    let mut c = make(doc, content, Vec::new(), None, Some((i, next)))?;
    c.class = ClaimClass::Belief;
    Some(c)
}

/// The first subordinating word after `i` (`after`, `because`, `while`, …) opening a
/// clause, before `end`; `end` when there is none. Bounded: it looks a few dozen tokens
/// ahead only.
fn subordinate_after(doc: &Doc, i: usize, end: usize) -> usize {
    (i..end.min(i + 40))
        .find(|&k| {
            doc.is_lower(k)
                && doc.is(k, class::SUBORDINATE)
                && !doc.word_among(k, &["as", "if", "once"])
                && !doc.in_quote(k)
        })
        .unwrap_or(end)
}

/// The start of a noun phrase at `np_first` with the article a name parse leaves out
/// (`The House is expected …`, `The two both seemed …`).
pub(crate) fn with_article(doc: &Doc, np_first: usize, floor: usize) -> usize {
    match np_first.checked_sub(1) {
        Some(p) if p >= floor && doc.word_among(p, &["the", "a", "an"]) => p,
        // `That forecast appeared …` (opening the sentence, not `said that …`).
        Some(p) if p == floor && doc.word_among(p, &["this", "that", "these", "those"]) => p,
        _ => np_first,
    }
}

/// `X criticized Y for Z`, `X called for Y`, `X called on Y to Z`, `X cited Y`: the object
/// is the content, when the subject names someone.
pub(crate) fn judgement(
    doc: &Doc,
    i: usize,
    mut cue_end: usize,
    end: usize,
    src: Np,
) -> Option<Candidate> {
    // `Her support for …`: a capitalised possessive before a cue that is also a noun
    // owns the noun (`They support …` is a subject).
    if src.kind == NpKind::Place
        || doc.lex(i).is(class::NOUN_FORM)
            && src.kind == NpKind::Pronoun
            && !doc.is_lower(src.first)
            && !(doc.word_among(src.first, &["i", "we", "they", "he", "she", "you"])
                && doc.skip_between_left(i.saturating_sub(1), src.first) == Some(src.first))
    {
        return None;
    }
    // `wasn't backing down`, `backing up their endorsements`: a phrasal verb with its
    // particle means something else.
    let backing = doc.word_among(i, &["back", "backs", "backed", "backing"]);
    if doc.is_lower(cue_end)
        && (doc.word_is(cue_end, "down") || backing && doc.word_is(cue_end, "up"))
    {
        return None;
    }
    // `compared Trump to a coach` likens; `the report compares the accuracy of ten
    // panels` only measures.
    if doc.word_among(i, &["compare", "compares", "compared", "comparing"]) {
        let stop = object_end(doc, cue_end, end);
        if !(cue_end..stop).any(|k| doc.word_is(k, "to") && doc.is_lower(k))
            || super::subject::is_document(doc, &src)
        {
            return None;
        }
    }
    // (`called for`, `called on` are phrase cues of their own.)
    if cue_end == i + 1 && doc.word_among(i, &["call", "calls", "called", "calling"]) {
        if doc.word_is(cue_end, "for") || doc.word_is(cue_end, "on") {
            cue_end += 1;
        } else {
            // `called off the talks` is no judgement, and `a program called Sandy Hook
            // Promise` only names: calling someone something takes an object and what
            // they are called.
            if matches!(doc.word(cue_end), "off" | "up" | "in" | "back") {
                return None;
            }
            let stop = object_end(doc, cue_end, end);
            let name = np::starting_at(doc, cue_end, stop);
            let (a, b) = trim(doc, cue_end, stop);
            // A title keeps its small words: `the House to Home Prize`.
            let capitalised = b > a
                && (a..b).any(|k| doc.is_cap(k))
                && (a..b).all(|k| {
                    doc.is_cap(k)
                        || doc.is(k, class::CONNECTOR)
                        || doc.word_among(k, &["the", "to", "a", "an", "of", "in", "at"])
                        || doc.is_quote(k)
                });
            if capitalised || name.is_some_and(|np| np.is_named() && np.end >= stop) {
                return None;
            }
        }
    } else if doc.lex(i).cue_has(cue::WH) && starts_wh(doc, cue_end) {
        // `questioned whether …`
        let content = trim(doc, cue_end, clause_end(doc, cue_end, end));
        return make(doc, content, Vec::new(), Some(src), Some((i, cue_end)));
    }
    if !starts_object(doc, cue_end) {
        return None;
    }
    // `supported her by a wide margin`, `endorsed him last week`: a pronoun object takes
    // no modifiers, so it is the whole content.
    if object_pronoun(doc, cue_end) && pronoun_alone(doc, cue_end + 1) {
        return make_object(doc, (cue_end, cue_end + 1), src, (i, cue_end));
    }
    // `spoke about how …`: a question as the object runs like a clause.
    let stop = if starts_wh(doc, cue_end) {
        clause_end(doc, cue_end, end)
    } else {
        object_end(doc, cue_end, end)
    };
    make_object(doc, trim(doc, cue_end, stop), src, (i, cue_end))
}

/// Is the word at `i` a pronoun standing alone as an object: `him`, `them`, `us`, `me`, or
/// `her` not determining a noun (`backed her plan`)?
fn object_pronoun(doc: &Doc, i: usize) -> bool {
    if !doc.is_lower(i) {
        return false;
    }
    if doc.word_among(i, &["him", "them", "us", "me"]) {
        return true;
    }
    let next = i + 1;
    doc.word_is(i, "her")
        && (!doc.is_word(next)
            || doc.is_lower(next) && doc.is(next, class::PREPOSITION | class::CLAUSE_CONJ))
}

/// Does nothing that belongs to the object follow it at `k`: the sentence ends, or a
/// time (`last week`, `in 2012`, `by a wide margin`) follows?
fn pronoun_alone(doc: &Doc, k: usize) -> bool {
    !doc.is_word(k) && !doc.is_quote(k)
        || doc.is(k, class::TIME) && doc.is_lower(k)
        || doc.word_among(k, &["in", "by", "at", "during", "on", "because"])
            && (doc.kind(k + 1) == Some(TokenKind::Number)
                || doc.is(k + 1, class::TIME)
                || doc.is(k + 1, class::DETERMINER) && !doc.word_is(k + 1, "the"))
}

/// The content after a cue, as a token range, or `None` when the cue has none here.
pub(crate) fn complement(
    doc: &Doc,
    mut i: usize,
    lex: Lex,
    speechlike: bool,
    end: usize,
) -> Option<(usize, usize)> {
    if i >= end {
        return None;
    }
    let i0 = i;
    // `told one of his young protégés on a regular basis that …`: a long addressee before
    // `that`.
    if lex.cue_has(cue::ADDRESSEE)
        && let Some(t) = (i..end.min(i + 14))
            .take_while(|&k| doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number))
            .find(|&k| doc.word_is(k, "that"))
        && t > i
        && !(i..t).any(|k| doc.lex(k).is(class::CUE | class::BE) && doc.is_lower(k))
    {
        return Some(trim(doc, t, clause_end(doc, t + 1, end)));
    }
    // `told reporters`, `told Prensa Latina`, `warned him`.
    if lex.cue_has(cue::ADDRESSEE)
        && let Some(a_end) = np::addressee_end(doc, i, end)
    {
        // (`told them not to …`, `urged voters never to …`: an order all the same.)
        let negated = doc.is_lower(a_end) && doc.word_among(a_end, &["not", "never"]);
        if is_infinitive(doc, a_end + usize::from(negated)) {
            // `told his advisers to figure out …`: an order, with its addressee.
            // It ends at its first comma or a subordinate clause (`warned officials to
            // boost security after hackers targeted …`).
            let stop = first_comma(doc, i, end)
                .min(subordinate_after(doc, a_end, end))
                .min(clause_end(doc, a_end, end));
            return lex.cue_has(cue::DIRECTIVE).then(|| trim(doc, i, stop));
        }
        // `asked Sanders about the deportations`, `warned China against provocative
        // behavior`: whom, and what about.
        let topic = doc.is_lower(a_end)
            && (doc.word_among(a_end, &["about", "against", "over"])
                || doc.word_is(a_end, "of") && !lex.cue_has(cue::WH));
        if topic {
            return Some(trim(doc, i, first_comma(doc, a_end, end)));
        }
        i = a_end;
    }
    if is_auxiliary(doc, i) {
        // `Everything Trump says is a lie`, `a provision they say could exclude …`: the
        // cue sits in a relative clause.
        return None;
    }
    let mut j = skip_adjuncts(doc, i, end);
    // `cautioned, as did the bank, that …`: another source in passing.
    if doc.is_punct(j, ',')
        && doc.word_is(j + 1, "as")
        && doc.word_among(
            j + 2,
            &["did", "does", "do", "has", "have", "had", "was", "were"],
        )
        && let Some(close) = (j + 3..end.min(j + 14)).find(|&k| doc.is_punct(k, ','))
    {
        j = skip_adjuncts(doc, close + 1, end);
    }
    // `said, however, that …`: an adverb set off by commas.
    if doc.is_punct(j, ',')
        && doc.is_lower(j + 1)
        && (doc.is_between(j + 1) || doc.word_among(j + 1, &["though", "too"]))
        && doc.is_punct(j + 2, ',')
    {
        j = skip_adjuncts(doc, j + 3, end);
    }
    // `said, per a translator, that …`, `said, without offering evidence, that …`, `says,
    // win or lose, he is staying …`: a phrase set off by commas before `that` or a clause.
    if doc.is_punct(j, ',')
        && let Some(close) = (j + 2..end.min(j + 14)).find(|&k| doc.is_punct(k, ','))
        && (doc.word_is(close + 1, "that") && doc.is_lower(close + 1)
            || speechlike && doc.is(close + 1, class::PRONOUN_SUBJECT) && doc.is_lower(close + 1))
        && (j + 1..close).all(|k| {
            let negated = k == j + 2 && doc.word_is(j + 1, "without");
            doc.is_word(k) && (negated || !doc.is(k, class::CUE | class::BE))
        })
    {
        let aside = j + 1;
        j = close + 1;
        if !doc.word_is(j, "that") {
            // A prepositional phrase is the writer's (`said, in an interview, he …`); any
            // other phrase opens the speaker's words (`says, win or lose, he is …`).
            let from = if doc.is(aside, class::PREPOSITION) {
                j
            } else {
                aside
            };
            return Some(trim(doc, from, clause_end(doc, j, end)));
        }
    }
    if doc.word_is(j, "that") && doc.is_lower(j) {
        // `said that was not her view`: `that` is the subject of the content.
        // (`noted that even in little things, …`: an adverb after `that` opens the clause;
        // `said that really was …` is the demonstrative again.)
        let be_at = |k: usize| doc.is(k, class::BE) && doc.is_lower(k);
        let demonstrative = be_at(j + 1) || doc.is_between(j + 1) && be_at(j + 2);
        let from = if demonstrative { j } else { j + 1 };
        return Some(trim(doc, j, clause_end(doc, from, end)));
    }
    if lex.cue_has(cue::WH) && starts_wh(doc, j) {
        return Some(trim(doc, j, clause_end(doc, j, end)));
    }
    if lex.cue_has(cue::AS_PHRASE) {
        let stop = object_end(doc, i, end);
        let has_as = (i..stop).any(|k| doc.word_is(k, "as"));
        if has_as {
            return Some(trim(doc, i, stop));
        }
        // `described his visit to the park`: an object without `as`.
        if !lex.cue_has(cue::OBJECT_CONTENT) {
            return None;
        }
    }
    let allows_comma = speechlike || lex.cue_has(cue::CLAUSE_ONLY);
    if allows_comma && (doc.is_punct(j, ',') || doc.is_punct(j, ':')) {
        let from = j + 1;
        if is_participle_tail(doc, j) || doc.word_is(from, "according") || !starts_clause(doc, from)
        {
            return None;
        }
        return Some(trim(doc, from, clause_end(doc, from, end)));
    }
    if lex.cue_has(cue::CLAUSE_ONLY) {
        return None;
    }
    if lex.cue_has(cue::INFINITIVE) && is_infinitive(doc, i) {
        return Some(trim(doc, i, clause_end(doc, i, end)));
    }
    let content_word = !np::is_function_word(doc, j) || doc.is(j, class::NOUN_FORM);
    if lex.cue_has(cue::ANY) && doc.is_lower(j) && content_word && !doc.word_is(j, "to") {
        // `said geopolitical factors have …`: after `say`, any content word.
        return Some(trim(doc, j, clause_end(doc, j, end)));
    }
    // `…, showing no respect for them`: a participle of result after a comma takes an
    // object, not a clause, unless it speaks.
    let result_participle = !speechlike && lex.form == Form::Gerund && {
        let cue_at = i0.saturating_sub(1);
        cue_at > 0 && doc.is_punct(cue_at - 1, ',')
    };
    if lex.cue_has(cue::BARE)
        && (starts_clause(doc, j) || noun_subject(doc, j, lex))
        && !result_participle
    {
        return Some(trim(doc, j, clause_end(doc, j, end)));
    }
    if lex.cue_has(cue::OBJECT_CONTENT) && starts_object(doc, i) {
        return Some(trim(doc, i, object_end(doc, i, end)));
    }
    None
}

/// `argued voters were angry`, `predicted turnout would be high`, `expect sales to rise`: a
/// bare noun (or a short compound) and its finite verb open the content, though no
/// determiner or pronoun marks a clause.
fn noun_subject(doc: &Doc, i: usize, lex: Lex) -> bool {
    // `state lawmakers have …`: a cue that is also a noun modifies the noun after it.
    if lex.is(class::NOUN_FORM) {
        return false;
    }
    let noun = |k: usize| {
        doc.is_lower(k)
            && !np::is_function_word(doc, k)
            && !doc.is(
                k,
                class::DETERMINER | class::BE | class::SUBORDINATE | class::CUE,
            )
    };
    if !noun(i) {
        return false;
    }
    // Up to two more nouns (`oil prices`, `health care costs`), or a second one after
    // `and` (`bigotry and xenophobia are …`), then the verb.
    let mut k = i + 1;
    while k < i + 3 && noun(k) {
        k += 1;
    }
    if doc.word_among(k, &["and", "or"]) && doc.is_lower(k) && noun(k + 1) {
        k += 2;
    }
    let believed = lex.cue_has(cue::BELIEF | cue::INFINITIVE) && is_infinitive(doc, k);
    let finite = is_auxiliary(doc, k) && !doc.is(k + 1, class::DETERMINER);
    finite || believed
}

/// `said so`, `said as much`, `said yes`, `said that.`: a word standing for what was said.
pub(crate) fn short_answer(doc: &Doc, i: usize, end: usize) -> Option<(usize, usize)> {
    let len = if doc.word_is(i, "as") && doc.word_is(i + 1, "much") {
        2
    } else if doc.is_lower(i) && doc.word_among(i, &["so", "yes", "no", "that", "this"]) {
        1
    } else {
        return None;
    };
    // `said that, if elected, he …` and `said that 98 percent …` go on.
    let demonstrative = doc.word_among(i, &["that", "this"]);
    let next = skip_adjuncts(doc, i + len, end);
    let ends = next >= end || doc.is_punct(next, '.') || doc.is_punct(next, '?');
    let closes = ends
        || !demonstrative
            && (doc.is_punct(next, ',')
                || doc.is_punct(next, ';')
                || doc.is_lower(next)
                    && doc.word_among(next, &["and", "but", "while", "after", "before"]));
    closes.then_some((i, i + len))
}
