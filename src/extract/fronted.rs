//! Attributions that open or close the sentence around their content: `According to X,
//! …`, `…, according to X.`, `As X put it, …`.

use super::candidate::{Candidate, trim};
use super::clause::{clause_end, is_auxiliary, is_numeric, is_tail};
use super::content::make;
use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np::{self, Np, NpKind};
use super::quotes::with_appositive;
use crate::text::tokens::TokenKind;

/// `As Rosenthal put it, …`, `As the report noted, …`, `As stated in the commentary, …`:
/// a fronted attribution; the content follows its comma.
pub(crate) fn as_attribution(doc: &Doc, i: usize, end: usize) -> Option<Candidate> {
    // `As …` opens the sentence, or follows `Or,` / `But` / `And` there.
    let opens = doc.is_cap(i)
        || i > 0 && doc.is_cap(i - 1) && doc.word_among(i - 1, &["or", "but", "and"])
        || i > 1
            && doc.is_punct(i - 1, ',')
            && doc.is_cap(i - 2)
            && (doc.word_among(i - 2, &["or", "but", "and"]) || doc.is(i - 2, class::NOT_NAME));
    if !doc.word_is(i, "as") || !opens {
        return None;
    }
    let closes = |k: usize| doc.is_punct(k, ',') || doc.is_punct(k, ':');
    // `As Tom Ridge, a former secretary, put it: "…"`: `put it` closes the attribution,
    // over any appositive; otherwise the first comma or colon does.
    let put_it = (i + 2..end.min(i + 30))
        .find(|&k| doc.word_is(k, "put") && doc.word_is(k + 1, "it") && closes(k + 2));
    let comma = match put_it {
        Some(p) => p + 2,
        None => (i + 1..end.min(i + 30)).find(|&k| closes(k))?,
    };
    // The cue closes the attribution: `put it`, `said`, `noted`, or `stated in X`.
    let (cue_at, src) = if let Some(p) = put_it {
        (p, super::subject::subject_before(doc, p, i + 1)?)
    } else if let Some(c) = (i + 1..comma).find(|&k| {
        // The cue is a finite verb closing the phrase, not a participle inside it (`As
        // her campaign sent out pitches highlighting …`).
        // Nor a comparison: `As improbable as it may seem, …` reports nothing.
        // A phrase closing it counts as one word: `As Menendez pointed out, …`.
        let l = match doc.phrase_cue(k) {
            Some((lex, after)) if after == comma && lex.cue_has(cue::SPEECH) => lex,
            _ => doc.lex(k),
        };
        // Nor an infinitive: `As the crowd began to chant, …` is a time, not a source.
        l.is(class::CUE)
            && !l.cue_has(cue::SEEM)
            && doc.is_lower(k)
            && l.form != Form::Gerund
            && comma - k <= 6
            && !(i + 1..k).any(|m| doc.word_is(m, "as"))
            && !doc.word_is(k - 1, "to")
    }) {
        let np = if c == i + 1 {
            // `As stated in the commentary`
            np::generic_starting_at(doc, c + 2, comma)?
        } else {
            let subject = doc.skip_between_left(c - 1, i + 1)?;
            np::ending_at(doc, subject, i + 1)
                .or_else(|| np::generic_ending_at(doc, subject, i + 1))?
        };
        (c, np)
    } else {
        return None;
    };
    if src.kind == NpKind::Place {
        return None;
    }
    let cue_end = match doc.phrase_cue(cue_at) {
        Some((_, after)) if after <= comma => after,
        _ => cue_at + 1,
    };
    let content = trim(doc, comma + 1, clause_end(doc, comma + 1, end));
    make(doc, content, Vec::new(), Some(src), Some((cue_at, cue_end)))
}

pub(crate) fn according_to(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let cue = Some((i, i + 2));
    let reaches_boundary = |np: &Np| {
        let e = np.role.map_or(np.end, |(_, e)| e.max(np.end));
        doc.is_punct(e, ',') || is_tail(doc, e, end)
    };
    let closed = |np: Np| {
        // As above: only an appositive closed by a comma or the sentence's end describes
        // the source.
        if np
            .role
            .is_some_and(|(a, b)| a >= np.end && !doc.is_punct(b, ',') && !is_tail(doc, b, end))
        {
            Np { role: None, ..np }
        } else {
            np
        }
    };
    let np = match np::starting_at(doc, i + 2, end).map(|np| closed(with_appositive(doc, np))) {
        Some(np) if reaches_boundary(&np) => np,
        // `According to a January study by the Pew Research Center based on census data
        // from 2014, …`: opening the sentence, a long source runs to its comma.
        Some(np)
            if doc.is_cap(i)
                && let Some(comma) = source_comma(doc, np.end, end) =>
        {
            Np {
                end: comma,
                role: None,
                ..np
            }
        }
        _ => {
            let Some(mut np) = np::generic_starting_at(doc, i + 2, end) else {
                return closing_source(doc, i, end)
                    .and_then(|np| make(doc, tail_head(doc, first, i), Vec::new(), Some(np), cue));
            };
            // An appositive is closed by a comma: `According to X, the move reeks of …`
            // has none, only the content.
            if let Some(role) = np::appositive_after(doc, np.end, end)
                && doc.is_punct(role.1, ',')
            {
                np.role = Some(role);
            }
            np
        }
    };
    // A place alone is no source (`according to China`); `the Roper Center … in New York`
    // is.
    if np.kind == NpKind::Place && np.first == np.name.0 {
        return None;
    }
    let att_end = np.role.map_or(np.end, |(_, e)| e.max(np.end));
    // A capital `According` starts a sentence even where debris before it hid the boundary.
    let at_start = doc.is_cap(i)
        || (first..i).all(|k| !doc.is_word(k) && !doc.kind(k).is_some_and(is_numeric));
    let (content, fragments) = if at_start {
        // `According to X, …`
        let from = if doc.is_punct(att_end, ',') {
            att_end + 1
        } else {
            att_end
        };
        (trim(doc, from, end), Vec::new())
    } else if doc.kind(att_end) == Some(TokenKind::Dash)
        && (first..i).any(|k| doc.kind(k) == Some(TokenKind::Dash))
    {
        // `most Americans - 63 percent, according to the report - still believe …`: an
        // aside between dashes; the sentence around it is the content.
        let a = tail_head(doc, first, i);
        let b = trim(doc, att_end + 1, end);
        ((a.0, b.1), vec![a, b])
    } else if is_tail(doc, att_end, end) || closes_sentence(doc, i, end) {
        // `…, according to X.`, `…, according to a survey released on Thursday.`
        (tail_head(doc, first, i), Vec::new())
    } else if doc.is_punct(i.checked_sub(1)?, ',')
        && doc.is_punct(att_end, ',')
        && describes_source(doc, att_end + 1, end)
    {
        // `…, according to X, who ran the poll.`: what follows describes the source.
        (tail_head(doc, first, i), Vec::new())
    } else if doc.is_punct(i.checked_sub(1)?, ',') && doc.is_punct(att_end, ',') {
        // `The plan, according to X, is …`
        let a = trim(doc, first, i);
        let b = trim(doc, att_end + 1, end);
        ((a.0, b.1), vec![a, b])
    } else {
        return None;
    };
    make(doc, content, fragments, Some(np), cue)
}

/// The source of a closing `according to` at `i` that no noun phrase parse reads
/// (`figures her campaign released Friday`): its head up to a determiner, pronoun or
/// participle.
/// The comma that ends a long source opening the sentence at `from`: within a few words,
/// with no verb of its own on the way (a participle such as `based` may describe it).
fn source_comma(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    const REACH: usize = 24;
    (from..end.min(from + REACH))
        .take_while(|&k| {
            doc.is_word(k)
                || doc.kind(k) == Some(TokenKind::Number)
                || doc.is_punct(k, ',')
                || np::abbreviation_dot(doc, k)
        })
        .take_while(|&k| {
            !(doc.is_lower(k) && (is_auxiliary(doc, k) || doc.is(k, class::RELATIVE)))
                && !(doc.is_lower(k) && doc.is(k, class::CUE) && doc.lex(k).form != Form::Past)
        })
        .find(|&k| doc.is_punct(k, ','))
}

fn closing_source(doc: &Doc, i: usize, end: usize) -> Option<Np> {
    if !closes_sentence(doc, i, end) {
        return None;
    }
    let from = i + 2;
    let head_end = (from + 1..end.min(from + 8)).find(|&k| {
        let w = doc.word(k);
        doc.is_lower(k)
            && (doc.is(
                k,
                class::DETERMINER | class::PRONOUN_SUBJECT | class::RELATIVE,
            ) || w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
    })?;
    np::generic_starting_at(doc, from, head_end)
}

/// Does the phrase at `k` describe the source before it up to the sentence's end (`who ran
/// the poll`, `a pollster at Gallup`) rather than go on with the content (`is …`)?
fn describes_source(doc: &Doc, k: usize, end: usize) -> bool {
    // (`…, according to a timeline, the contractors left for …`: a phrase with a verb of
    // its own is the rest of the content, not an appositive.)
    let verb = |m: usize| {
        doc.is_lower(m)
            && (doc.is_past_tense(m) || doc.is(m, class::BE) || super::clause::is_auxiliary(doc, m))
    };
    let own_verb = (k + 1..end.min(k + 12))
        .take_while(|&m| !doc.is(m, class::RELATIVE) && !doc.word_among(m, &["what", "that"]))
        .any(verb);
    let appositive = !doc.is(k, class::DETERMINER) || !own_verb;
    doc.is_lower(k)
        && (doc.is(
            k,
            class::RELATIVE | class::DETERMINER | class::ROLE_NOUN | class::TITLE,
        ) || doc.word_is(k, "including"))
        && appositive
        && (k..end).all(|m| !doc.is_punct(m, ',') && !doc.is_punct(m, ';') && !doc.is_quote(m))
}

/// Does `according to` at `i` close its sentence, however long its source (`…, according
/// to a New York Times/CBS News survey released on Thursday.`)? It does after a comma
/// when no comma or clause follows within the sentence.
fn closes_sentence(doc: &Doc, i: usize, end: usize) -> bool {
    // `46 percent to 39 percent according to a CBS poll released Monday.`
    let after_content = i > 0 && (doc.is_word(i - 1) || doc.kind(i - 1).is_some_and(is_numeric));
    i > 0
        && (doc.is_punct(i - 1, ',') || after_content && doc.is_lower(i))
        && (i + 2..end).all(|k| !doc.is_punct(k, ',') && !doc.is_punct(k, ';') && !doc.is_quote(k))
}

/// The content before a closing `according to`: the sentence, without a subordinate
/// clause that opens it (`Despite a month of attacks, …`, `Though he has no shot, …`);
/// a closing relative clause (`…, who account for a majority`) alone when there is one,
/// since that is what the source vouches for.
fn tail_head(doc: &Doc, first: usize, i: usize) -> (usize, usize) {
    let mut from = first;
    let fronted = doc.is_cap(first)
        && (doc.is(first, class::SUBORDINATE) || doc.word_among(first, &["despite", "even"]));
    if fronted && let Some(c) = (first..i).find(|&k| doc.is_punct(k, ',')) {
        from = c + 1;
    }
    // (Not a comma inside a quote: the relative clause is then the speaker's own words.)
    if let Some(c) = (from..i).rev().find(|&k| {
        doc.is_punct(k, ',')
            && !doc.in_quote(k)
            && doc.is_lower(k + 1)
            && doc.is(k + 1, class::RELATIVE)
    }) {
        from = c + 1;
    }
    // `There is one law …, and Clinton broke it, according to X`: the source vouches for
    // the last clause, which has a subject of its own.
    if let Some(c) = (from..i).rev().find(|&k| {
        doc.is_punct(k, ',')
            && !doc.in_quote(k)
            && doc.is_lower(k + 1)
            && doc.word_among(k + 1, &["and", "but"])
            && own_subject(doc, k + 2, i)
    }) {
        from = c + 2;
    }
    trim(doc, from, i)
}

/// A clause at `k` with a subject of its own: a name or a pronoun, then a verb.
fn own_subject(doc: &Doc, k: usize, end: usize) -> bool {
    crate::extract::clause::subject_verb(doc, k)
        || np::starting_at(doc, k, end).is_some_and(|np| {
            matches!(
                np.kind,
                NpKind::Person | NpKind::Pronoun | NpKind::Org | NpKind::Nominal
            ) && doc.is_lower(np.end)
                && !np::is_function_word(doc, np.end)
                && !doc.is(np.end, class::DETERMINER)
        })
}

/// Data a finding comes from: `in the poll`, `in a Marist survey released Monday`.
/// Singular only: `leads in the polls` is standing, not a finding.
const DATA_NOUNS: &[&str] = &["poll", "survey", "study"];

/// `In the poll, Clinton leads by 6 points`, `Clinton led 2-1 in an NBC News/Marist poll
/// Jan. 17-23.`: a poll or study the content comes from, before the sentence after its
/// comma or closing the sentence after it.
#[inline]
pub(crate) fn in_data(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    // The class bit first, inline: this runs on every word.
    if !doc.is(i, class::PREPOSITION) || !doc.word_is(i, "in") {
        return None;
    }
    in_data_at(doc, i, first, end)
}

fn in_data_at(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let head = (i + 1..end.min(i + 10)).find(|&k| {
        doc.is(k, class::DOCUMENT) && doc.is_lower(k) && doc.word_among(k, DATA_NOUNS)
    })?;
    let plain = (i + 1..head).all(|k| {
        (doc.is_word(k) || doc.kind(k).is_some_and(is_numeric) || doc.is_punct(k, '/'))
            && !doc.is(
                k,
                class::CUE | class::BE | class::RELATIVE | class::PRONOUN_SUBJECT,
            )
    });
    let opens = doc.is(i + 1, class::DETERMINER)
        || doc.is_cap(i + 1)
        || doc.kind(i + 1).is_some_and(is_numeric);
    if !plain || !opens {
        return None;
    }
    let source = Np {
        first: i + 1,
        end: head + 1,
        name: (i + 1, head + 1),
        role: None,
        kind: NpKind::Nominal,
    };
    let after = head + 1;
    // `the study of law` is a subject, not a source.
    if doc.word_among(after, &["of", "that", "which", "who"]) {
        return None;
    }
    let content = if i == first && doc.is_cap(i) && doc.is_punct(after, ',') {
        trim(doc, after + 1, clause_end(doc, after + 1, end))
    } else if i > first
        && doc.is_lower(i)
        && (after..end).all(|k| !doc.is_punct(k, ',') && !doc.is_punct(k, ';') && !doc.is_quote(k))
        && doc.words_in(after, end) <= 4
    {
        tail_head(doc, first, i)
    } else {
        return None;
    };
    let mut c = make(doc, content, Vec::new(), Some(source), Some((i, i + 1)))?;
    c.class = super::ClaimClass::Evidence;
    Some(c)
}

/// `Cuccinelli reportedly reacted by …`, `Reportedly, he made …`: the clause is reported
/// by nobody the text names.
#[inline]
pub(crate) fn reportedly(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    // The test inline and cheap (lengths first): this runs on every word.
    if !doc.word_is(i, "reportedly") {
        return None;
    }
    reportedly_at(doc, i, first, end)
}

fn reportedly_at(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let from = if i == first && doc.is_punct(i + 1, ',') {
        i + 2
    } else if doc.is_lower(i) && i > first {
        // The clause holding the adverb: after an opening phrase's comma, if any.
        (first..i)
            .rev()
            .find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))
            .map_or(first, |c| c + 1)
    } else {
        return None;
    };
    let content = trim(doc, from, clause_end(doc, i + 1, end));
    make(doc, content, Vec::new(), None, Some((i, i + 1)))
}
