//! Subjects described by a phrase after their head, where the last noun before the verb
//! is not the speaker: `a lawyer for Mr. Cohen said`, `documents obtained by the newspaper
//! show`, `a report released Tuesday said`.

use super::clause::is_auxiliary;
use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np::{self, Np, NpKind};
use crate::text::tokens::TokenKind;

/// `a lawyer for Mr. Cohen`, `a spokesman for the campaign`, `supporters of Mr. Trump`:
/// when `np` is attached by a preposition to a role noun before it, the whole description,
/// whose speaker is the role noun's person (two lawyers for different clients are two
/// people). Shown whole, with the phrase as its role.
pub(crate) fn speaking_for(doc: &Doc, np: &Np, floor: usize) -> Option<Np> {
    let p = attached_at(doc, np, floor)?;
    let head = np::generic_ending_at(doc, p - 1, floor)
        .or_else(|| np::ending_at(doc, p - 1, floor))
        .filter(|r| r.end == p && r.kind != NpKind::Place)?;
    Some(Np {
        end: np.end,
        name: (head.name.0, np.end),
        role: Some((p, np.end)),
        kind: NpKind::Nominal,
        ..head
    })
}

/// The preposition that attaches the name of `np` to a role noun before it, whether the
/// noun phrase parse put the role noun inside it or not.
fn attached_at(doc: &Doc, np: &Np, floor: usize) -> Option<usize> {
    let mut p = np.name.0.checked_sub(1)?;
    // Titles, their dots and an article between the preposition and the name (`for Mr.`,
    // `to Sen.`, `for the`).
    while p > floor
        && (doc.is(p, class::TITLE) || doc.is_punct(p, '.') || doc.is(p, class::DETERMINER))
    {
        p -= 1;
    }
    if p <= floor {
        return None;
    }
    let attaches = doc.is_lower(p) && doc.word_among(p, &["for", "of", "to", "at", "with", "from"]);
    // Not an office joined by `of` (`Secretary of State John Kerry`, `Director of National
    // Intelligence James Clapper`), unlike `friend of Mr. Trump`, `friend of the senator`.
    let office = doc.word_is(p, "of") && doc.is_cap(p + 1) && !doc.is_punct(p + 2, '.');
    // The role noun is lowercase, or capitalised as the sentence's first word.
    let noun = p - 1;
    let role = doc.is(noun, class::ROLE_NOUN) && !office && (doc.is_lower(noun) || noun == floor);
    (attaches && role).then_some(p)
}

/// Past participles that do not end in `-ed`.
const IRREGULAR: &[&str] = &[
    "known", "given", "taken", "written", "seen", "shown", "made", "held", "sent", "brought",
    "found", "paid", "chosen", "drawn", "put", "set", "built", "won", "led", "read", "spent",
];

/// How far back from the cue a reduced passive's participle may be.
const REACH: usize = 9;

/// `Documents obtained by the newspaper show`, `A report released Tuesday by the inspector
/// general said`, `Experts interviewed by the paper said`: a noun phrase, a past participle
/// and its adjuncts (`by` an agent, a time, a short prepositional phrase) ending at `j`; the
/// subject is the noun phrase, the participle phrase its role.
pub(crate) fn reduced_passive(doc: &Doc, cue_at: usize, j: usize, floor: usize) -> Option<Np> {
    // The cue is a finite verb (`show`, `said`), not a noun (`request`) or an infinitive
    // (`to publicly back`).
    let verb = doc.lex(cue_at);
    let finite = matches!(verb.form, Form::Past | Form::Present3 | Form::Base)
        && (!verb.is(class::NOUN_FORM) || verb.cue_has(cue::EVIDENCE))
        && doc.is_lower(cue_at);
    if !finite {
        return None;
    }
    let lowest = floor.max(j.saturating_sub(REACH));
    let participle = |k: usize| {
        let w = doc.word(k);
        doc.is_lower(k)
            && !doc.is(k, class::BE | class::BETWEEN)
            && (w.len() > 4 && w.ends_with("ed") || doc.word_among(k, IRREGULAR))
    };
    // Adverbs of time right before the cue were skipped already (`released on Tuesday`).
    let skipped = j + 1 < cue_at;
    let mut k = j;
    loop {
        if (k < j || skipped) && participle(k) {
            break;
        }
        let plain = doc.is_word(k)
            || doc.kind(k) == Some(TokenKind::Number)
            || np::abbreviation_dot(doc, k);
        // Nothing that makes a clause of its own between participle and cue: a verb of
        // report, `be`, an auxiliary, a relative, `to`.
        let clause_word = doc.is_lower(k)
            && (doc.is(
                k,
                class::CUE | class::RELATIVE | class::BE | class::PRONOUN_SUBJECT,
            ) || doc.is_between(k)
                || doc.word_is(k, "to"));
        if k <= lowest || !plain || doc.in_quote(k) || clause_word {
            return None;
        }
        k -= 1;
    }
    // The participle takes an agent, a time or a place: `by`, `Tuesday`, `on Tuesday`,
    // `in the journal`.
    let next = k + 1;
    let adjunct = doc.word_is(next, "by")
        || doc.is(next, class::TIME)
        || doc.is_lower(next) && doc.is(next, class::PREPOSITION);
    if !adjunct || k <= floor {
        return None;
    }
    let head = np::generic_ending_at(doc, k - 1, floor)
        .or_else(|| np::ending_at(doc, k - 1, floor))
        .filter(|h| h.end == k && h.kind != NpKind::Place && h.kind != NpKind::Pronoun)?;
    // What speaks: people or a document, not anything at all (`the money raised by …`).
    let speaks = (head.name.0..head.name.1).any(|h| np::is_speaker_noun(doc, h))
        || matches!(head.kind, NpKind::Person | NpKind::Org);
    // The phrase runs to the cue, through a time adjunct skipped before `j`, but not
    // through adverbs right before the cue (`also`).
    let end = if skipped {
        (j + 1..cue_at)
            .rev()
            .find(|&e| !doc.is_between(e))
            .map_or(j + 1, |e| e + 1)
    } else {
        j + 1
    };
    speaks.then_some(Np {
        end,
        role: Some((k, end)),
        ..head
    })
}

/// `Stacy Baker of Columbia, South Carolina says …`: a person whose affiliation is a town
/// and its state, the last words before the cue being the state.
pub(crate) fn from_place(doc: &Doc, state: &Np, floor: usize) -> Option<Np> {
    let comma = state
        .first
        .checked_sub(1)
        .filter(|&c| c > floor && doc.is_punct(c, ','))?;
    // The name parse takes `Stacy Baker of Columbia` whole, the town as an affiliation.
    let person = np::ending_at(doc, comma - 1, floor)
        .filter(|p| p.end == comma && p.kind == NpKind::Person && p.name.1 < p.end)?;
    let of = person.name.1;
    if !(doc.is_lower(of) && doc.word_among(of, &["of", "from"])) {
        return None;
    }
    Some(Np {
        end: state.end,
        role: Some((of, state.end)),
        ..person
    })
}

/// `a band called Sophistafunk got …`, `a group called Ginbot 7, …`, `a play called "Los
/// Hijos de Trump,"`: `called` (or `named`, `dubbed`) after a common noun, then a name or
/// a quote that ends the phrase or is the subject of the next verb — a name given, not a
/// judgement (`The senator called Clinton a liar` goes on with a second noun phrase).
pub(crate) fn naming(doc: &Doc, i: usize, first: usize) -> bool {
    if !doc.word_among(
        i,
        &[
            "called",
            "named",
            "dubbed",
            "titled",
            "entitled",
            "nicknamed",
        ],
    ) || i <= first
        || !doc.is_lower(i - 1)
        || !doc.is_word(i - 1)
        || doc.is(
            i - 1,
            class::PRONOUN_SUBJECT | class::PRONOUN_OBJECT | class::BE | class::RELATIVE,
        )
        || is_auxiliary(doc, i - 1)
        || doc.is_between(i - 1)
    {
        return false;
    }
    // The name: a quote, or capitalised words and numbers.
    let mut k = i + 1;
    if doc.is_quote(k) {
        let Some(close) = (k + 1..k + 12).find(|&m| doc.is_quote(m)) else {
            return false;
        };
        // `a show called "Brokers," written by …`: the comma inside ends the phrase.
        if doc.is_punct(close - 1, ',') {
            return true;
        }
        k = close + 1;
    } else {
        let start = k;
        while k < start + 6
            && (doc.is_cap(k) || k > start && doc.kind(k) == Some(TokenKind::Number))
        {
            k += 1;
        }
        if k == start {
            return false;
        }
    }
    let verb = doc.is_lower(k)
        && (doc.is(k, class::BE)
            || is_auxiliary(doc, k)
            || doc.is_past_tense(k)
            || doc.word_among(k, &["has", "have", "had", "says"]));
    verb || matches!(
        doc.kind(k),
        Some(TokenKind::Punct) | Some(TokenKind::Break) | None
    ) && !doc.is_punct(k, ':')
}
