//! Passive attributions. The agent after `by`, when there is one, is the source:
//! `the plan was criticized by the council` (the criticized thing is the content),
//! `Sanders is expected to win` (the whole clause, nobody's), `they are asked to rank their
//! choices`, `he was asked by a reporter whether …`, `Asked about the plan, she said …`,
//! `a measure strongly opposed by unions`.

use super::candidate::{Candidate, rank, trim};
use super::clause::{
    clause_end, first_comma, is_infinitive, skip_adjuncts, starts_subordinate_word, starts_wh,
};
use super::content::{make, make_object};
use super::doc::Doc;
use super::lexicon::{Form, Lex, class, cue};
use super::np::{self, Np, NpKind};

/// The claim of the passive participle at `i` (a cue ending at `cue_end`), when it has
/// one. `first..end` is the sentence.
pub(crate) fn passive(
    doc: &Doc,
    i: usize,
    cue_end: usize,
    lex: Lex,
    first: usize,
    end: usize,
) -> Option<Candidate> {
    if lex.form != Form::Past {
        return None;
    }
    let be = be_before(doc, i, first);
    let agent = agent_after(doc, cue_end, end);
    let after = agent.map_or(cue_end, |a| a.end);
    let cue = (i, cue_end);
    let Some(be) = be else {
        // `When asked by a reporter whether …`: the agent asked.
        if agent.is_none() || lex.cue_has(cue::WH) {
            return asked(doc, cue, after, lex, first, end, agent);
        }
        // `a measure strongly opposed by unions`: only judgements make a claim of the noun
        // they follow.
        if !lex.cue_has(cue::JUDGEMENT) {
            return None;
        }
        let last = doc.skip_between_left(i.checked_sub(1)?, first)?;
        let target = np::ending_at(doc, last, first)?;
        return make_object(doc, (target.first, target.end), agent?, cue);
    };
    // `is supposed to`, `are determined to`, `is known as`: adjectives, not reports.
    if matches!(doc.word(i), "supposed" | "determined" | "known" | "offered") {
        return None;
    }
    // `The mayor is opposed to the plan`: a stance, the subject's, on what follows `to`.
    if doc.word_is(i, "opposed") && doc.word_is(cue_end, "to") && agent.is_none() {
        let subject = doc
            .skip_between_left(be.checked_sub(1)?, first)
            .and_then(|last| np::ending_at(doc, last, first))?;
        let from = cue_end + 1;
        let content = trim(doc, from, super::object::object_end(doc, from, end));
        let mut c = make_object(doc, content, subject, (i, cue_end + 1))?;
        c.class = super::ClaimClass::Evaluation;
        return Some(c);
    }
    let subject = doc
        .skip_between_left(be.checked_sub(1)?, first)
        .and_then(|last| {
            np::ending_at(doc, last, first).or_else(|| np::generic_ending_at(doc, last, first))
        })
        .filter(|np| !doc.is(np.first, class::RELATIVE) && !doc.word_is(np.first, "that"));
    // `While the topic is not expected to surface in the talks, China …`: a subordinate
    // clause ends at its comma.
    let from = subject.map_or(be, |np| super::content::with_article(doc, np.first, first));
    let end = if (first..from).any(|k| doc.is_lower(k) && starts_subordinate_word(doc, k)) {
        first_comma(doc, after, end)
    } else {
        end
    };
    let j = skip_adjuncts(doc, after, end);
    // `Sanders is expected to win`, `Mr. Sanders has been criticized for …`, `the plan was
    // rejected by the council as …`: the writer reports a judgement or a belief; the whole
    // clause, from its subject on, is the content.
    let whole = trim(doc, from, clause_end(doc, j, end));
    if is_infinitive(doc, j) && lex.cue_has(cue::BELIEF | cue::SPEECH | cue::THAT) {
        return make(doc, whole, Vec::new(), agent, Some(cue));
    }
    // `we were told that …`, `it was reported that …`
    if doc.word_is(j, "that") {
        let content = trim(doc, j, clause_end(doc, j + 1, end));
        return make(doc, content, Vec::new(), agent, Some(cue));
    }
    // `she was asked about the donations` (the phrase `ask about`): the topic.
    if cue_end > i + 1 && doc.word_is(cue_end - 1, "about") && doc.word_is(i, "asked") {
        let content = trim(doc, cue_end - 1, first_comma(doc, cue_end, end));
        return make(doc, content, Vec::new(), agent, Some((i, i + 1)));
    }
    // `he was asked by a reporter whether …`
    if lex.cue_has(cue::WH) && starts_wh(doc, j) {
        return make(
            doc,
            trim(doc, j, clause_end(doc, j, end)),
            Vec::new(),
            agent,
            Some(cue),
        );
    }
    // `they are asked to rank their choices`, `he was urged to run` (not `the tax was
    // intended to deliver a blow`: a purpose, nobody's words, unless an agent intends it).
    let intended = lex.cue_has(cue::INTENT) && agent.is_some();
    if is_infinitive(doc, j) && (lex.cue_has(cue::DIRECTIVE | cue::ADDRESSEE) || intended) {
        return make(
            doc,
            trim(doc, j, clause_end(doc, j, end)),
            Vec::new(),
            agent,
            Some(cue),
        );
    }
    // `News of the move was first reported by the Miami Herald`, `The deal was announced
    // by the company`: what was said is the subject.
    if lex.cue_has(cue::SPEECH)
        && agent.is_some()
        && super::clause::is_tail(doc, j, end)
        && let Some(np) = subject
    {
        return make(doc, trim(doc, from, np.end), Vec::new(), agent, Some(cue));
    }
    // `the plan was rejected by the council`, `Clinton is attacked in the media`: the
    // judged thing is the content.
    // A judgement says what it judged for, as what, or by whom: `the race was called` is
    // no judgement.
    let complement = agent.is_some()
        || doc.is_lower(j) && matches!(doc.word(j), "for" | "as" | "of")
        || doc.is_quote(j)
        || doc.word_is(j, "a")
        || doc.word_is(j, "an");
    if lex.cue_has(cue::JUDGEMENT)
        && !lex.cue_has(cue::SPEECH | cue::THAT)
        && complement
        && subject.is_some_and(|np| np.kind != NpKind::Pronoun || agent.is_some())
    {
        // The whole clause is the claim, over any cue inside it (`for offering …`).
        let mut c = make(doc, whole, Vec::new(), agent, Some(cue))?;
        c.rank = rank::REPORTED;
        return Some(c);
    }
    None
}

/// The form of `be` that makes the participle at `i` passive (through adverbs and `not`:
/// `was widely criticized`, `has also been called`).
fn be_before(doc: &Doc, i: usize, floor: usize) -> Option<usize> {
    let mut j = i;
    while j > floor {
        j -= 1;
        let w = doc.word(j);
        if doc.is_lower(j)
            && (w.ends_with("ly")
                || matches!(
                    w,
                    "not" | "also" | "never" | "often" | "first" | "later" | "already" | "again"
                ))
        {
            continue;
        }
        return (doc.is(j, class::BE) && doc.is_lower(j)).then_some(j);
    }
    None
}

/// The agent after `by` at `i`: `by the council`, `by Sen. John McCain (R-Ariz.)`.
fn agent_after(doc: &Doc, i: usize, end: usize) -> Option<Np> {
    if !doc.word_is(i, "by") {
        return None;
    }
    let np =
        np::starting_at(doc, i + 1, end).or_else(|| np::generic_starting_at(doc, i + 1, end))?;
    (np.kind != NpKind::Place).then_some(np)
}

/// `Asked about the plan, she said …`, `When asked whether he would run, …`: the question,
/// nobody its source.
fn asked(
    doc: &Doc,
    cue: (usize, usize),
    after: usize,
    lex: Lex,
    first: usize,
    end: usize,
    agent: Option<Np>,
) -> Option<Candidate> {
    let i = cue.0;
    if !lex.cue_has(cue::WH) {
        return None;
    }
    let when = |k: usize| doc.word_among(k, &["when", "if", "after", "once"]);
    let opens = i == first
        || i == first + 1 && doc.is_cap(first) && (doc.is(first, class::NOT_NAME) || when(first))
        || doc.is_lower(i - 1) && when(i - 1);
    if !opens {
        return None;
    }
    // `Asked about the merger, she said …`: the topic is what she was asked.
    // `When asked by Ingraham on Thursday about …`: through a time or a place.
    let about = (after..end.min(after + 8))
        // (Not past a question: `Asked what might surprise people about him`.)
        .take_while(|&k| doc.is_word(k) && !doc.is(k, class::CUE | class::BE) && !starts_wh(doc, k))
        .find(|&k| doc.word_is(k, "about"));
    let j = about.unwrap_or_else(|| skip_adjuncts(doc, after, end));
    // `Asked about it after a debate, …`, `Asked why … during an appearance Friday, …`:
    // when and where the question was put are the writer's.
    let adjunct = (j + 2..end).find(|&k| {
        doc.is_lower(k)
            && matches!(doc.word(k), "after" | "during" | "before")
            && (doc.is(k + 1, class::DETERMINER | class::TIME) || doc.is_cap(k + 1))
    });
    let stop = first_comma(doc, j, end).min(adjunct.unwrap_or(usize::MAX));
    // (`Asked to describe the device, O'Neill said …`: a request, put to the speaker.)
    if starts_wh(doc, j) || about.is_some() || is_infinitive(doc, j) && stop < end {
        return make(doc, trim(doc, j, stop), Vec::new(), agent, Some(cue));
    }
    None
}
