//! Reported speech: `X said (that) …`, `…, X said.`, `According to X, …`, `X told Y that …`,
//! `…, adding that …`, and the like.

use super::candidate::{Candidate, Inherit, rank, trim};
use super::clause::{
    clause_end, first_comma, is_auxiliary, is_infinitive, is_numeric, is_participle_tail, is_tail,
    object_end, resumes, skip_adjuncts, starts_clause, starts_object, starts_subordinate,
    starts_subordinate_word, starts_wh,
};
use super::doc::Doc;
use super::lexicon::{Form, Lex, class, cue};
use super::np::{self, Np, NpKind};
use super::quotes::with_appositive;
use super::subject::{is_document, is_passive, possessive, sentence_subject, subject_before};
use super::{ClaimClass, ClaimKind};
use crate::text::tokens::TokenKind;

/// Adds reported-speech candidates to `out` (which already holds the quote candidates).
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Candidate>) {
    // Cue tokens already used by quote attributions.
    let mut used = vec![false; doc.len()];
    for c in out.iter() {
        if let Some((a, b)) = c.cue {
            for slot in used.iter_mut().take(b).skip(a) {
                *slot = true;
            }
        }
    }
    // Attributions per sentence, for participles (`…, adding that …`).
    let mut sources: Vec<Vec<(usize, Np)>> = vec![Vec::new(); doc.sentences.len()];
    for c in out.iter() {
        if let (Some((a, _)), Some(np)) = (c.cue, c.source)
            && let Some(&s) = doc.sentence_of.get(a)
            && let Some(list) = sources.get_mut(s as usize)
        {
            list.push((a, np));
        }
    }
    for (s, sent) in doc.sentences.iter().enumerate() {
        let mut i = sent.first;
        while i < sent.end {
            if doc.in_quote(i) || !doc.is_word(i) {
                i += 1;
                continue;
            }
            if doc.word_is(i, "according") && doc.word_is(i + 1, "to") {
                if let Some(mut c) = according_to(doc, i, sent.first, sent.end) {
                    if c.source.is_some_and(|np| is_document(doc, &np)) {
                        c.class = ClaimClass::Evidence;
                    }
                    out.push(c);
                }
                i += 2;
                continue;
            }
            if i == sent.first
                && let Some(c) = as_attribution(doc, i, sent.end)
            {
                if let (Some((a, _)), Some(np)) = (c.cue, c.source)
                    && let Some(list) = sources.get_mut(s)
                {
                    list.push((a, np));
                }
                for slot in used.iter_mut().take(c.first).skip(i) {
                    *slot = true;
                }
                out.push(c);
            }
            // A phrase (`spoke about`, `took aim at`) before the single word it starts.
            let (lex, cue_end) = doc.phrase_cue(i).unwrap_or_else(|| (doc.lex(i), i + 1));
            // A sentence may open with a participle: `Noting that …, Mao said …`.
            let opening_participle = i == sent.first && lex.form == Form::Gerund;
            if lex.is(class::CUE)
                && (doc.is_lower(i) || opening_participle)
                && !used.get(i).copied().unwrap_or(false)
            {
                let earlier = sources.get(s).map_or(&[][..], Vec::as_slice);
                let at = Cue {
                    i,
                    end: cue_end,
                    lex,
                };
                if let Some(mut c) = reported(doc, at, sent.first, sent.end, earlier) {
                    c.class = class_of(doc, lex, &c);
                    if let (Some((a, _)), Some(np)) = (c.cue, c.source)
                        && let Some(list) = sources.get_mut(s)
                    {
                        list.push((a, np));
                    }
                    out.push(c);
                }
            }
            i += 1;
        }
    }
}

/// A plural noun phrase: a plural word (`officials`, `people`, `those`) or a number
/// (`nearly nine out of 10`).
fn plural(doc: &Doc, np: &Np) -> bool {
    (np.first..np.end).any(|k| {
        let w = doc.word(k);
        doc.kind(k) == Some(TokenKind::Number)
            || doc.is(k, class::PLURAL)
            || doc.is_word(k) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "people" | "those" | "these" | "some" | "many" | "most" | "all" | "both" | "few"
            )
    })
}

/// What sort of attribution the cue `lex` makes of candidate `c`.
fn class_of(doc: &Doc, lex: Lex, c: &Candidate) -> ClaimClass {
    let document = c.source.is_some_and(|np| is_document(doc, &np));
    if lex.cue_has(cue::SEEM) {
        ClaimClass::Belief
    } else if lex.cue_has(cue::EVIDENCE) && document {
        ClaimClass::Evidence
    } else if lex.cue_has(cue::JUDGEMENT) && !lex.cue_has(cue::SPEECH | cue::THAT) {
        ClaimClass::Evaluation
    } else if lex.cue_has(cue::INTENT)
        && (doc.word_is(c.first, "to") || !lex.cue_has(cue::SPEECH | cue::BELIEF))
    {
        ClaimClass::Intention
    } else if lex.cue_has(cue::BELIEF) && !lex.cue_has(cue::SPEECH) {
        ClaimClass::Belief
    } else {
        ClaimClass::Speech
    }
}

/// `As Rosenthal put it, …`, `As the report noted, …`, `As stated in the commentary, …`:
/// a fronted attribution; the content follows its comma.
fn as_attribution(doc: &Doc, i: usize, end: usize) -> Option<Candidate> {
    if !doc.word_is(i, "as") || !doc.is_cap(i) {
        return None;
    }
    let comma = (i + 1..end.min(i + 30)).find(|&k| doc.is_punct(k, ','))?;
    // The cue closes the attribution: `put it`, `said`, `noted`, or `stated in X`.
    let (cue_at, src) = if doc.word_is(comma - 1, "it") && doc.word_is(comma - 2, "put") {
        let subject = doc.skip_between_left(comma - 3, i + 1)?;
        (
            comma - 2,
            np::ending_at(doc, subject, i + 1)
                .or_else(|| np::generic_ending_at(doc, subject, i + 1))?,
        )
    } else if let Some(c) = (i + 1..comma).find(|&k| {
        // The cue is a finite verb closing the phrase, not a participle inside it (`As
        // her campaign sent out pitches highlighting …`).
        let l = doc.lex(k);
        l.is(class::CUE) && doc.is_lower(k) && l.form != Form::Gerund && comma - k <= 6
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
    let content = trim(doc, comma + 1, clause_end(doc, comma + 1, end));
    make(
        doc,
        content,
        Vec::new(),
        Some(src),
        Some((cue_at, cue_at + 1)),
    )
}

fn according_to(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let reaches_boundary = |np: &Np| {
        let e = np.role.map_or(np.end, |(_, e)| e.max(np.end));
        doc.is_punct(e, ',') || is_tail(doc, e, end)
    };
    let np = match np::starting_at(doc, i + 2, end).map(|np| with_appositive(doc, np)) {
        Some(np) if reaches_boundary(&np) => np,
        _ => {
            let mut np = np::generic_starting_at(doc, i + 2, end)?;
            if let Some(role) = np::appositive_after(doc, np.end, end) {
                np.role = Some(role);
            }
            np
        }
    };
    if np.kind == NpKind::Place {
        return None;
    }
    let att_end = np.role.map_or(np.end, |(_, e)| e.max(np.end));
    let cue = Some((i, i + 2));
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
    } else if is_tail(doc, att_end, end) {
        // `…, according to X.`
        (trim(doc, first, i), Vec::new())
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
fn make_object(
    doc: &Doc,
    content: (usize, usize),
    source: Np,
    cue: (usize, usize),
) -> Option<Candidate> {
    make_min(doc, content, Vec::new(), Some(source), Some(cue), 1)
}

fn make_min(
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
        });
        if !meaningful || doc.is(np.first, class::PREPOSITION) && doc.is_lower(np.first) {
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

/// A cue in the text: its first token, one past its last (a phrase cue spans several),
/// and its lexicon entry.
#[derive(Debug, Clone, Copy)]
struct Cue {
    i: usize,
    end: usize,
    lex: Lex,
}

fn reported(
    doc: &Doc,
    at: Cue,
    first: usize,
    end: usize,
    earlier: &[(usize, Np)],
) -> Option<Candidate> {
    let Cue {
        i,
        end: cue_end,
        lex,
    } = at;
    let speechlike = lex.cue_has(cue::SPEECH);
    let cue_span = Some((i, cue_end));
    if lex.cue_has(cue::SEEM) {
        return seeming(doc, i, first, end);
    }

    // `…, adding that …`, `… and saying …`, `began by saying …`: the speaker of this
    // sentence's earlier attribution, or its subject.
    let progressive = lex.form == Form::Gerund && i > first && doc.is(i - 1, class::BE);
    if lex.form == Form::Gerund && i == first && doc.word_is(cue_end, "that") {
        // `Noting that the city has changed, Mao said …`: the main clause's speaker says
        // the participle's content too.
        let comma = (cue_end..end).find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))?;
        let src = np::starting_at(doc, comma + 1, end)?;
        let j = (src.end..end).find(|&k| !doc.is_between(k))?;
        if !doc.lex(j).is(class::CUE)
            || !matches!(
                src.kind,
                NpKind::Person | NpKind::Org | NpKind::Nominal | NpKind::Pronoun
            )
        {
            return None;
        }
        let content = trim(doc, cue_end + 1, comma);
        return make(doc, content, Vec::new(), Some(src), cue_span);
    }
    if lex.form == Form::Gerund && !progressive {
        let p = i.checked_sub(1)?;
        let linked = doc.is_punct(p, ',')
            || doc.word_is(cue_end, "that")
            || doc.is_lower(p)
                && (doc.word_is(p, "and")
                    || matches!(
                        doc.word(p),
                        "by" | "for" | "after" | "before" | "while" | "from" | "without" | "when"
                    ));
        if !linked {
            return None;
        }
        let source = earlier
            .iter()
            .filter(|(a, _)| *a < i)
            .max_by_key(|(a, _)| *a)
            .map(|(_, np)| *np)
            .or_else(|| sentence_subject(doc, first, i))?;
        if source.kind == NpKind::Pronoun && doc.word_is(source.first, "it") {
            // `It is worth noting that …`, `It goes without saying that …`
            return None;
        }
        let content = complement(doc, cue_end, lex, speechlike, end)?;
        return make(doc, content, Vec::new(), Some(source), cue_span);
    }

    // `was told`, and the reduced passive `a fact first reported by …`.
    if is_passive(doc, i, first) || lex.form == Form::Past && doc.word_is(cue_end, "by") {
        return None;
    }
    let noun_form = lex.is(class::NOUN_FORM);
    let subject = subject_before(doc, i, first).or_else(|| {
        // A subject the lexicon does not know (`Supporters of the bill say`), or a
        // document before `shows`; a cue that is also a noun needs a subject it knows.
        if noun_form && !lex.cue_has(cue::EVIDENCE) {
            return None;
        }
        let j = doc.skip_between_left(i.checked_sub(1)?, first)?;
        let np = np::generic_ending_at(doc, j, first).filter(|np| !possessive(doc, np.end - 1))?;
        let head = np.name.1.saturating_sub(1);
        // `eight years now recalled …`: time is not a speaker.
        if doc.is(head, class::TIME) {
            return None;
        }
        // A bare verb form after an unknown subject is most often a noun (`combat-level
        // stress`): a plural subject (`forecasters say`) or an auxiliary (`will tell`)
        // makes it a verb.
        if lex.form == Form::Base && !plural(doc, &np) && !is_auxiliary(doc, i - 1) {
            return None;
        }
        // `efforts widely seen as attempts to …`, `the unit known as …`: a participle
        // after a noun is passive, unless a clause follows it or it is a speech verb.
        let clause_follows = doc.word_is(cue_end, "that") || starts_clause(doc, cue_end);
        if lex.form == Form::Past
            && !is_auxiliary(doc, i - 1)
            && (lex.cue_has(cue::AS_PHRASE)
                || !lex.cue_has(cue::SPEECH | cue::ANY) && !clause_follows)
        {
            return None;
        }
        (!noun_form || is_document(doc, &np)).then_some(np)
    });
    // A subordinate clause opening the sentence (`Although X admitted Y, …`, `Three years
    // after Republicans vowed to …, the party …`) ends at its first comma.
    let subordinate = starts_subordinate(doc, first)
        || subject.is_some_and(|np| {
            (first..np.first).any(|k| doc.is_lower(k) && starts_subordinate_word(doc, k))
                && !(first..np.first).any(|k| doc.is_punct(k, ','))
        });
    let end = if subordinate {
        (i..end)
            .find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))
            .unwrap_or(end)
    } else {
        end
    };
    // `Senator from Texas says …`: a place ending a longer subject.
    let subject = match subject {
        Some(np) if np.kind == NpKind::Place && !noun_form => doc
            .skip_between_left(i.checked_sub(1)?, first)
            .and_then(|j| np::generic_ending_at(doc, j, first))
            .filter(|g| g.first < np.first && g.kind != NpKind::Place)
            .or(Some(np)),
        other => other,
    };
    if let Some(src) = subject {
        if src.kind == NpKind::Place {
            return None;
        }
        // `donations, which he said were accompanied by leverage`: the content is the
        // relative clause's verb phrase.
        let relative = src.first > first
            && doc.is_lower(src.first - 1)
            && (doc.is(src.first - 1, class::RELATIVE)
                || doc.word_is(src.first - 1, "that")
                || doc.word_is(src.first - 1, "what"));
        if relative && is_auxiliary(doc, cue_end) && speechlike {
            let content = trim(doc, cue_end, object_end(doc, cue_end, end));
            return make(doc, content, Vec::new(), Some(src), cue_span);
        }
        if lex.cue_has(cue::EVIDENCE) && is_document(doc, &src) {
            // `Polls show a close contest`, `the study found that …`
            let j = skip_adjuncts(doc, cue_end, end);
            let from = if doc.word_is(j, "that") { j + 1 } else { j };
            let content = trim(doc, from, clause_end(doc, from, end));
            return make(doc, content, Vec::new(), Some(src), cue_span);
        }
        if lex.cue_has(cue::JUDGEMENT) && !lex.cue_has(cue::SPEECH | cue::THAT) {
            return judgement(doc, i, cue_end, end, src);
        }
        if lex.cue_has(cue::INTENT) {
            // `vowed to form a task force`, `refuses not to …`
            let to = if doc.word_is(cue_end, "not") {
                cue_end + 1
            } else {
                cue_end
            };
            if is_infinitive(doc, to) {
                let mut stop = clause_end(doc, cue_end, end);
                if relative {
                    // `a supporter who wants to give more could shell out …`: the main
                    // clause resumes at its verb.
                    stop = (to + 2..stop)
                        .find(|&k| is_auxiliary(doc, k) && !doc.is(k - 1, class::RELATIVE))
                        .unwrap_or(stop);
                }
                let content = trim(doc, cue_end, stop);
                return make(doc, content, Vec::new(), Some(src), cue_span);
            }
            if !lex.cue_has(cue::SPEECH | cue::THAT | cue::BELIEF) {
                return None;
            }
        }
        let after_comma = src.first > first && doc.is_punct(src.first - 1, ',');
        let content = complement(doc, cue_end, lex, speechlike, end);
        // `Even if X, Mr. Morgan said, he has …`: an attribution set off by commas inside
        // the content.
        let parenthetical = after_comma && doc.is_punct(skip_adjuncts(doc, cue_end, end), ',');
        if let Some(content) = content
            && !parenthetical
        {
            return make(doc, content, Vec::new(), Some(src), cue_span);
        }
        // `…, X said.` — the content comes first.
        if speechlike && after_comma {
            return inverted(doc, src.first - 1, cue_end, first, end, src, cue_span);
        }
        // `…, attorneys for the family said.`: a longer subject than the lexicon knows.
        if speechlike
            && is_tail(doc, skip_adjuncts(doc, cue_end, end), end)
            && let Some(j) = doc.skip_between_left(i.checked_sub(1)?, first)
            && let Some(g) = np::generic_ending_at(doc, j, first)
            && g.first > first
            && doc.is_punct(g.first - 1, ',')
        {
            return inverted(doc, g.first - 1, cue_end, first, end, g, cue_span);
        }
        return None;
    }
    // `…, said X.`
    if speechlike && doc.is_punct(i.checked_sub(1)?, ',') && lex.form == Form::Past {
        let src = with_appositive(doc, np::starting_at(doc, cue_end, end)?);
        if src.kind == NpKind::Place {
            return None;
        }
        let att_end = src.role.map_or(src.end, |(_, e)| e.max(src.end));
        return inverted(doc, i - 1, att_end, first, end, src, cue_span);
    }
    None
}

/// `X seems to …`, `it appeared that …`, `X seemed as if …`: the writer's impression, the
/// whole clause from its subject on, and nobody its source.
fn seeming(doc: &Doc, i: usize, first: usize, end: usize) -> Option<Candidate> {
    let next = i + 1;
    let opens = is_infinitive(doc, next)
        || doc.word_is(next, "that")
        || doc.word_is(next, "like")
        || doc.word_is(next, "as")
            && (doc.word_is(next + 1, "if") || doc.word_is(next + 1, "though"));
    if !opens || doc.lex(i).form == Form::Gerund || is_passive(doc, i, first) {
        return None;
    }
    let j = doc.skip_between_left(i.checked_sub(1)?, first)?;
    let subject = np::ending_at(doc, j, first).or_else(|| np::generic_ending_at(doc, j, first))?;
    let from = subject.first;
    let content = trim(doc, from, clause_end(doc, next, end));
    let mut c = make(doc, content, Vec::new(), None, Some((i, next)))?;
    c.class = ClaimClass::Belief;
    Some(c)
}

/// `X criticized Y for Z`, `X called for Y`, `X called on Y to Z`, `X cited Y`: the object
/// is the content, when the subject names someone.
fn judgement(doc: &Doc, i: usize, mut cue_end: usize, end: usize, src: Np) -> Option<Candidate> {
    if src.kind == NpKind::Place
        || doc.lex(i).is(class::NOUN_FORM)
            && src.kind == NpKind::Pronoun
            && !doc.is_lower(src.first)
    {
        return None;
    }
    if doc.word_is(i, "call")
        || doc.word_is(i, "calls")
        || doc.word_is(i, "called")
        || doc.word_is(i, "calling")
    {
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
            if name.is_some_and(|np| np.is_named() && np.end >= stop) {
                return None;
            }
        }
    } else if doc.lex(i).cue_has(cue::WH) && starts_wh(doc, cue_end) {
        // `questioned whether …`
        let content = trim(doc, cue_end, clause_end(doc, cue_end, end));
        return make(doc, content, Vec::new(), Some(src), Some((i, cue_end)));
    }
    if !starts_object(doc, cue_end)
        || doc.is(cue_end, class::PRONOUN_OBJECT) && doc.is_punct(cue_end + 1, '.')
    {
        return None;
    }
    // `spoke about how …`: a question as the object runs like a clause.
    let stop = if starts_wh(doc, cue_end) {
        clause_end(doc, cue_end, end)
    } else {
        object_end(doc, cue_end, end)
    };
    make_object(doc, trim(doc, cue_end, stop), src, (i, cue_end))
}

/// `CONTENT, <attribution>.` or `CONTENT, <attribution>, CONTENT.`: `comma` is the comma
/// before the attribution, `att_end` one past it.
fn inverted(
    doc: &Doc,
    comma: usize,
    att_end: usize,
    first: usize,
    end: usize,
    src: Np,
    cue: Option<(usize, usize)>,
) -> Option<Candidate> {
    let mut head = trim(doc, first, comma);
    // A direct quote before the attribution is the quote stage's business.
    if doc.is_quote(head.0) && (head.0..head.1).all(|k| doc.in_quote(k)) {
        return None;
    }
    // `…, which, Tompkins said, is …`: the content is the relative clause.
    if let Some(w) = comma.checked_sub(1)
        && doc.is_lower(w)
        && (doc.is(w, class::RELATIVE) || doc.word_is(w, "that"))
    {
        head = (w, w + 1);
    }
    let mut after = att_end;
    if let Some((_, c)) = cue
        && doc.lex(c - 1).cue_has(cue::ADDRESSEE)
        && att_end == c
        && let Some(a_end) = np::addressee_end(doc, att_end, end)
    {
        after = a_end;
    }
    let after = skip_adjuncts(doc, after, end);
    if is_tail(doc, after, end)
        || is_participle_tail(doc, after) && doc.lex(after + 1).is(class::CUE)
    {
        return make(doc, head, Vec::new(), Some(src), cue);
    }
    if doc.is_punct(after, ',') {
        if !resumes(doc, after + 1) {
            // `…, X said Friday, as they …`: what follows is the writer's.
            return make(doc, head, Vec::new(), Some(src), cue);
        }
        // A parenthetical attribution: the content resumes after it.
        let tail = trim(doc, after + 1, clause_end(doc, after + 1, end));
        if tail.1 > tail.0 {
            return make(doc, (head.0, tail.1), vec![head, tail], Some(src), cue);
        }
    }
    None
}

/// The content after a cue, as a token range, or `None` when the cue has none here.
fn complement(
    doc: &Doc,
    mut i: usize,
    lex: Lex,
    speechlike: bool,
    end: usize,
) -> Option<(usize, usize)> {
    if i >= end {
        return None;
    }
    // `told one of his young protégés on a regular basis that …`: a long addressee before
    // `that`.
    if lex.cue_has(cue::ADDRESSEE)
        && let Some(t) = (i..end.min(i + 14))
            .take_while(|&k| doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number))
            .find(|&k| doc.word_is(k, "that"))
        && t > i
        && !(i..t).any(|k| doc.lex(k).is(class::CUE | class::BE) && doc.is_lower(k))
    {
        let from = t + 1;
        return Some(trim(doc, from, clause_end(doc, from, end)));
    }
    // `told reporters`, `told Prensa Latina`, `warned him`.
    if lex.cue_has(cue::ADDRESSEE)
        && let Some(a_end) = np::addressee_end(doc, i, end)
    {
        if is_infinitive(doc, a_end) {
            // `told his advisers to figure out …`: an order, with its addressee.
            return lex
                .cue_has(cue::DIRECTIVE)
                .then(|| trim(doc, i, first_comma(doc, i, end)));
        }
        i = a_end;
    }
    if is_auxiliary(doc, i) {
        // `Everything Trump says is a lie`, `a provision they say could exclude …`: the
        // cue sits in a relative clause.
        return None;
    }
    let j = skip_adjuncts(doc, i, end);
    if doc.word_is(j, "that") && doc.is_lower(j) {
        // `said that was not her view`: `that` is the subject of the content.
        let demonstrative = doc.is(j + 1, class::BE | class::BETWEEN) && doc.is_lower(j + 1);
        let from = if demonstrative { j } else { j + 1 };
        return Some(trim(doc, from, clause_end(doc, from, end)));
    }
    if lex.cue_has(cue::WH) && starts_wh(doc, j) {
        return Some(trim(doc, j, clause_end(doc, j, end)));
    }
    if lex.cue_has(cue::AS_PHRASE) {
        let stop = object_end(doc, i, end);
        let has_as = (i..stop).any(|k| doc.word_is(k, "as"));
        return has_as.then(|| trim(doc, i, stop));
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
    if lex.cue_has(cue::BARE) && starts_clause(doc, j) {
        return Some(trim(doc, j, clause_end(doc, j, end)));
    }
    if lex.cue_has(cue::OBJECT_CONTENT) && starts_object(doc, i) {
        return Some(trim(doc, i, object_end(doc, i, end)));
    }
    None
}
