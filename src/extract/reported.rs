//! Reported speech: `X said (that) …`, `…, X said.`, `According to X, …`, `X told Y that …`,
//! `…, adding that …`, and the like.

use super::ClaimKind;
use super::candidate::{Candidate, Inherit, rank, trim};
use super::doc::Doc;
use super::lexicon::{Form, Lex, class, cue};
use super::np::{self, Np, NpKind};
use super::quotes::with_appositive;
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
                if let Some(c) = according_to(doc, i, sent.first, sent.end) {
                    out.push(c);
                }
                i += 2;
                continue;
            }
            let lex = doc.lex(i);
            if lex.is(class::CUE) && doc.is_lower(i) && !used.get(i).copied().unwrap_or(false) {
                let earlier = sources.get(s).map_or(&[][..], Vec::as_slice);
                if let Some(c) = reported(doc, i, lex, sent.first, sent.end, earlier) {
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

fn is_numeric(k: TokenKind) -> bool {
    k == TokenKind::Number
}

/// Only closing matter (punctuation, quote marks) from `i` to the sentence end `end`.
fn is_tail(doc: &Doc, i: usize, end: usize) -> bool {
    (i..end).all(|k| !doc.is_word(k) && doc.kind(k) != Some(TokenKind::Number))
}

fn make(
    doc: &Doc,
    content: (usize, usize),
    fragments: Vec<(usize, usize)>,
    source: Option<Np>,
    cue: Option<(usize, usize)>,
) -> Option<Candidate> {
    let (first, mut end) = content;
    let words = (first..end).filter(|&k| doc.is_word(k)).count();
    if words < 2 {
        return None;
    }
    // A quotation opened in the content runs to its closing mark, over sentence ends
    // (`told Fox that "they hit Matt …. What they are doing is …"`).
    if let Some(&q) = doc.quote_of.get(end.saturating_sub(1))
        && q != super::doc::NONE
    {
        while doc.quote_of.get(end).is_some_and(|&n| n == q) {
            end += 1;
        }
        if doc.is_quote(end.saturating_sub(1)) {
            end -= 1;
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
    let quoted = (first..end).any(|k| doc.in_quote(k));
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
        rank: if source.is_some() {
            rank::REPORTED
        } else {
            rank::UNSOURCED
        },
    })
}

fn reported(
    doc: &Doc,
    i: usize,
    lex: Lex,
    first: usize,
    end: usize,
    earlier: &[(usize, Np)],
) -> Option<Candidate> {
    let mut cue_end = i + 1;
    if doc.word_is(i, "point") || doc.word_is(i, "pointed") || doc.word_is(i, "points") {
        // `pointed out that`
        if !doc.word_is(i + 1, "out") {
            return None;
        }
        cue_end = i + 2;
    }
    let speechlike = lex.cue_has(cue::SPEECH) || cue_end == i + 2;
    let cue_span = Some((i, cue_end));

    // `…, adding that …`, `… and saying …`, `began by saying …`: the speaker of this
    // sentence's earlier attribution, or its subject.
    let progressive = lex.form == Form::Gerund && i > first && doc.is(i - 1, class::BE);
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

    if is_passive(doc, i, first) {
        return None;
    }
    let noun_form = lex.is(class::NOUN_FORM);
    let subject = subject_before(doc, i, first).or_else(|| {
        // A subject the lexicon does not know, before `said` or `told`, or a document
        // before `shows`.
        if noun_form && !lex.cue_has(cue::EVIDENCE) || !lex.cue_has(cue::ANY | cue::EVIDENCE) {
            return None;
        }
        let j = doc.skip_between_left(i.checked_sub(1)?, first)?;
        let np = np::generic_ending_at(doc, j, first).filter(|np| !possessive(doc, np.end - 1))?;
        (lex.cue_has(cue::ANY) || is_document(doc, &np)).then_some(np)
    });
    // A subordinate clause opening the sentence (`Although X admitted Y, …`) ends at its
    // first comma.
    let end = if starts_subordinate(doc, first) {
        (i..end)
            .find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))
            .unwrap_or(end)
    } else {
        end
    };
    if let Some(src) = subject {
        if src.kind == NpKind::Place {
            return None;
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
        if lex.cue_has(cue::INTENT) && (src.is_named() || src.kind == NpKind::Pronoun) {
            // `vowed to form a task force`, `refuses not to …`
            let to = if doc.word_is(cue_end, "not") {
                cue_end + 1
            } else {
                cue_end
            };
            if is_infinitive(doc, to) {
                let content = trim(doc, cue_end, clause_end(doc, cue_end, end));
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

/// `X criticized Y for Z`, `X called for Y`, `X called on Y to Z`, `X cited Y`: the object
/// is the content, when the subject names someone.
fn judgement(doc: &Doc, i: usize, mut cue_end: usize, end: usize, src: Np) -> Option<Candidate> {
    if !(src.is_named() || src.kind == NpKind::Pronoun)
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
    let content = trim(doc, cue_end, object_end(doc, cue_end, end));
    make(doc, content, Vec::new(), Some(src), Some((i, cue_end)))
}

/// A noun phrase about a document or data (`the poll`, `Video of the incident`).
fn is_document(doc: &Doc, np: &Np) -> bool {
    (np.first..np.end).any(|k| doc.is(k, class::DOCUMENT) && !doc.is(k, class::ROLE_NOUN))
}

/// A question word opening the content: `whether`, `how`, `if`, `why`.
fn starts_wh(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && matches!(
            doc.word(i),
            "whether" | "how" | "why" | "what" | "when" | "where" | "who" | "which" | "if"
        )
}

/// `was told`, `is expected`, `has been charged`: a passive participle reports nothing
/// of its subject.
fn is_passive(doc: &Doc, i: usize, floor: usize) -> bool {
    if doc.lex(i).form != Form::Past {
        return false;
    }
    let mut j = i;
    while j > floor {
        j -= 1;
        let w = doc.word(j);
        if doc.is_lower(j) && (w.ends_with("ly") || matches!(w, "not" | "also" | "never" | "often"))
        {
            continue;
        }
        return doc.is(j, class::BE) && doc.is_lower(j);
    }
    false
}

/// A word ending in a possessive `'s` (`Clinton's comments`): not a subject.
fn possessive(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    w.ends_with("'s") || w.ends_with("’s")
}

/// A sentence that opens with a subordinating conjunction (`Although`, `If`, `When`).
fn starts_subordinate(doc: &Doc, first: usize) -> bool {
    doc.is_cap(first) && starts_subordinate_word(doc, first)
}

/// A subordinating conjunction at `i`, any case.
fn starts_subordinate_word(doc: &Doc, i: usize) -> bool {
    let first = i;
    doc.is_word(first)
        && matches!(
            doc.word(first).to_ascii_lowercase().as_str(),
            "although"
                | "though"
                | "while"
                | "if"
                | "when"
                | "as"
                | "because"
                | "since"
                | "after"
                | "before"
                | "unless"
                | "once"
                | "until"
                | "whereas"
        )
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

/// After a parenthetical attribution (`The plan, he said, is …`), does the content resume
/// at `i`? Not when a subordinate clause, a relative or a participle follows.
fn resumes(doc: &Doc, i: usize) -> bool {
    if !doc.is_lower(i) {
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

/// `, adding …`, `, according to …`, `, including …` after an attribution.
fn is_participle_tail(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, ',') && (is_participle(doc, i + 1) || doc.word_is(i + 1, "according"))
}

/// A participle opening a phrase (`adding`, `referencing`, `implicitly putting`).
fn is_participle(doc: &Doc, mut i: usize) -> bool {
    if doc.is_between(i) && doc.word(i).ends_with("ly") {
        i += 1;
    }
    let w = doc.word(i);
    doc.is_lower(i)
        && (doc.lex(i).form == Form::Gerund || w.len() > 5 && w.ends_with("ing"))
        && !matches!(
            w,
            "including" | "allowing" | "making" | "leaving" | "meaning"
        )
}

/// Skips time and place adjuncts after a cue: `on Monday`, `in a statement`, `Tuesday`,
/// `at the salon`, `to reporters`.
fn skip_adjuncts(doc: &Doc, mut i: usize, end: usize) -> usize {
    loop {
        if i >= end {
            return i;
        }
        if doc.is(i, class::TIME) && doc.is_word(i) || doc.is_between(i) {
            i += 1;
            continue;
        }
        if doc.is_lower(i) && doc.is(i, class::PREPOSITION) && !is_infinitive(doc, i) {
            // A prepositional phrase of a few words, up to a comma, `that` or a clause.
            let mut j = i + 1;
            let mut noun_seen = false;
            while j < end
                && j - i <= 6
                && (doc.is_word(j) || doc.kind(j) == Some(TokenKind::Number))
            {
                let l = doc.lex(j);
                let w = doc.word(j);
                if doc.word_is(j, "that")
                    || l.is(class::CUE | class::BE) && doc.is_lower(j)
                    || l.is(class::PRONOUN_SUBJECT) && doc.is_lower(j)
                    || noun_seen && l.is(class::DETERMINER)
                    || j == i + 1 && doc.is_lower(j) && w.len() > 4 && w.ends_with("ing")
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
    if doc.is(i, class::BE | class::BETWEEN)
        && doc.is_lower(i)
        && !doc.word(i).ends_with("ly")
        && !doc.is(i, class::TIME)
    {
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

/// `to` followed by a verb (`to counter`, `to "counter`).
fn is_infinitive(doc: &Doc, i: usize) -> bool {
    let k = if doc.is_quote(i + 1) { i + 2 } else { i + 1 };
    doc.word_is(i, "to") && doc.is_lower(k) && !doc.is(k, class::DETERMINER | class::PRONOUN_OBJECT)
}

/// Where an object given as content ends (`criticized the Affordable Care Act as a
/// "crazy system"`): at a comma, a dash, a second reporting verb, a subordinate clause or
/// a time or place adjunct (`in a ruling released Thursday`, `in July`).
fn object_end(doc: &Doc, i: usize, end: usize) -> usize {
    let stop = first_comma(doc, i, end);
    let mut k = i + 1;
    while k < stop {
        if !doc.in_quote(k) {
            if doc.kind(k) == Some(TokenKind::Dash) {
                return k;
            }
            let lower = doc.is_lower(k);
            if lower
                && (doc.word_is(k, "and") || doc.word_is(k, "but"))
                && is_reporting_verb(doc, k + 1)
            {
                return k;
            }
            if lower && starts_subordinate_word(doc, k) && !doc.word_is(k, "as") {
                return k;
            }
            let adjunct = lower
                && matches!(doc.word(k), "in" | "during" | "at" | "on")
                && (doc.is(k + 1, class::TIME)
                    || doc.is(k + 1, class::DETERMINER)
                        && !doc.word_is(k + 1, "the")
                        && doc.is_lower(k + 1));
            if adjunct {
                return k;
            }
        }
        k += 1;
    }
    stop
}

/// The first comma (outside quotes) from `i`, or `end`.
fn first_comma(doc: &Doc, i: usize, end: usize) -> usize {
    (i..end)
        .find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k + 1) || comma_then_closer(doc, k))
        .map_or(end, |k| if comma_then_closer(doc, k) { k + 2 } else { k })
}

/// Could a clause (the content of speech) start at `i`?
fn starts_clause(doc: &Doc, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Number) | Some(TokenKind::DoubleQuote) => true,
        Some(TokenKind::Punct) => doc.is_punct(i, '$'),
        Some(TokenKind::Word) => {
            let lex = doc.lex(i);
            if doc.is_cap(i) {
                return !lex.is(class::CUE);
            }
            lex.is(class::PRONOUN_SUBJECT | class::DETERMINER)
                || matches!(
                    doc.word(i).to_ascii_lowercase().as_str(),
                    "there"
                        | "how"
                        | "what"
                        | "whether"
                        | "why"
                        | "when"
                        | "where"
                        | "if"
                        | "no"
                        | "nothing"
                        | "everyone"
                        | "nobody"
                        | "someone"
                        | "more"
                        | "only"
                )
        }
        _ => false,
    }
}

/// Could a noun phrase object start at `i` (`the record figure`, `these allegations`)?
fn starts_object(doc: &Doc, i: usize) -> bool {
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

/// Where the clause starting at `i` ends: at the sentence end, or before a comma that
/// opens another attribution, a participle (`, adding`), or a contrasting clause
/// (`, while …`).
pub(crate) fn clause_end(doc: &Doc, i: usize, end: usize) -> usize {
    let mut k = i;
    while k < end {
        if doc.is_punct(k, ';') && !doc.in_quote(k) {
            return k;
        }
        if k > i && !doc.in_quote(k) {
            // `… and said she would …`: a second reporting verb starts its own claim.
            let conj = doc.word_is(k, "and") || doc.word_is(k, "but") || doc.word_is(k, "or");
            let verb = if doc.word_is(k + 1, "also") {
                k + 2
            } else {
                k + 1
            };
            if conj && is_reporting_verb(doc, verb) {
                return k;
            }
            // `… — and he noted that …`
            if doc.kind(k) == Some(TokenKind::Dash) {
                let n = if doc.word_is(k + 1, "and") || doc.word_is(k + 1, "but") {
                    k + 2
                } else {
                    k + 1
                };
                let aside = doc.is_lower(k + 1)
                    && (doc.is(k + 1, class::CLAUSE_CONJ | class::RELATIVE)
                        || doc.word_is(k + 1, "as"));
                if aside || attribution_follows(doc, n, end) {
                    return k;
                }
            }
        }
        if doc.is_punct(k, ',') && !doc.in_quote(k + 1) || comma_then_closer(doc, k) {
            // Comma inside the closing quote (`exploitation,"`): end after the quote.
            let stop = if comma_then_closer(doc, k) { k + 2 } else { k };
            let n = if comma_then_closer(doc, k) {
                k + 2
            } else {
                k + 1
            };
            let lex = doc.lex(n);
            if is_participle(doc, n)
                || doc.word_is(n, "according")
                || lex.is(class::CLAUSE_CONJ) && doc.is_lower(n) && !doc.word_is(n, "but")
                || attribution_follows(doc, n, end)
                || doc.word_is(n, "and")
                    && doc.is_lower(n)
                    && (starts_subordinate_word(doc, n + 1)
                        || attribution_follows(doc, n + 1, end)
                        || doc.is(n + 1, class::DETERMINER)
                            && doc.word_is(n + 1, "the")
                            && k >= i + 8)
            {
                return stop;
            }
        }
        k += 1;
    }
    end
}

/// A finite reporting verb at `i` (`said`, `noted`), not a gerund.
fn is_reporting_verb(doc: &Doc, i: usize) -> bool {
    let l = doc.lex(i);
    l.is(class::CUE)
        && doc.is_lower(i)
        && l.form != Form::Gerund
        && !l.is(class::NOUN_FORM)
        && (!l.cue_has(cue::BELIEF) || doc.word_is(i + 1, "that"))
}

fn comma_then_closer(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k, ',') && doc.is_quote(k + 1) && doc.tok(k + 1).is_some_and(|t| !t.space_before)
}

/// A new attribution right at `i`: `X said` (`but he said …`) or `said X.`.
fn attribution_follows(doc: &Doc, mut i: usize, end: usize) -> bool {
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
        if l.is(class::CUE) && doc.is_lower(j) && l.form != Form::Gerund && l.cue_has(cue::SPEECH) {
            return true;
        }
    }
    let l = doc.lex(i);
    if l.is(class::CUE) && doc.is_lower(i) && l.form == Form::Past && l.cue_has(cue::SPEECH) {
        return np::starting_at(doc, i + 1, end).is_some();
    }
    false
}

/// The subject of the cue at `i`: the noun phrase right before it, through adverbs,
/// an appositive (`Zhang Run, director-general of …, said`) or a relative pronoun.
fn subject_before(doc: &Doc, i: usize, floor: usize) -> Option<Np> {
    let j = doc.skip_between_left(i.checked_sub(1)?, floor)?;
    if doc.is_punct(j, ',') {
        return appositive_subject(doc, j, floor);
    }
    if doc.is(j, class::RELATIVE) && doc.is_lower(j) && j > floor {
        // `X, who said …` or `X who said …`
        let k = if doc.is_punct(j - 1, ',') { j - 1 } else { j };
        return np::ending_at(doc, k.checked_sub(1)?, floor)
            .or_else(|| np::generic_ending_at(doc, k.checked_sub(1)?, floor));
    }
    if (doc.word_is(j, "and") || doc.word_is(j, "but")) && doc.is_lower(j) {
        return sentence_subject(doc, floor, j);
    }
    np::ending_at(doc, j, floor).filter(|np| !possessive(doc, np.end - 1))
}

/// `NAME, ROLE, said` — the comma at `j` closes an appositive or relative clause. The
/// subject is the noun phrase opening the clause (`Johnnie Wilson, of Springfield, Va.,
/// said`, `A lawyer for the outlets, David Schulz, said`).
fn appositive_subject(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    if let Some(np) = named_appositive(doc, j, floor) {
        return Some(np);
    }
    let first_comma = (floor..j).find(|&k| doc.is_punct(k, ','))?;
    if j - floor > 45 {
        return None;
    }
    let np = np::starting_at(doc, floor, first_comma)
        .filter(|np| np.end == first_comma)
        .or_else(|| np::generic_ending_at(doc, first_comma.checked_sub(1)?, floor))
        .filter(|np| np.first == floor || doc.is(floor, class::NOT_NAME))?;
    if np.kind == NpKind::Place {
        return None;
    }
    // A name set off between the commas names the speaker better than a description.
    let second = (first_comma + 1..j)
        .find(|&k| doc.is_punct(k, ','))
        .unwrap_or(j);
    if !np.is_named()
        && let Some(name) = np::starting_at(doc, first_comma + 1, second)
        && name.end == second
        && name.kind == NpKind::Person
    {
        return Some(Np {
            role: Some((np.first, np.end)),
            ..name
        });
    }
    Some(Np {
        role: Some((first_comma + 1, j)),
        ..np
    })
}

fn named_appositive(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    let mut k = j;
    while k > floor && j - k < 40 {
        k -= 1;
        if !doc.is_punct(k, ',') {
            continue;
        }
        let opens = np::starts_role(doc, k + 1) || doc.is(k + 1, class::RELATIVE);
        if !opens {
            continue;
        }
        let Some(mut np) = np::ending_at(doc, k.checked_sub(1)?, floor) else {
            continue;
        };
        if !np.is_named() {
            continue;
        }
        if !doc.is(k + 1, class::RELATIVE) {
            np.role = Some((k + 1, j));
        }
        return Some(np);
    }
    None
}

/// The subject that opens the sentence (after any introductory phrase ending in a comma).
fn sentence_subject(doc: &Doc, first: usize, before: usize) -> Option<Np> {
    if let Some(np) = np::starting_at(doc, first, before)
        && np.kind != NpKind::Place
    {
        return Some(np);
    }
    let comma = (first..before).find(|&k| doc.is_punct(k, ','))?;
    np::starting_at(doc, comma + 1, before).filter(|np| np.kind != NpKind::Place)
}
