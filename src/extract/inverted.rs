//! Attributions that follow their content (`The plan will fail, the mayor said.`, with
//! the content resuming after a parenthetical attribution), and block quotes after
//! `X said:`.

use super::candidate::{Candidate, trim};
use super::clause::{
    clause_end, is_auxiliary, is_participle_tail, is_tail, resumes, skip_adjuncts,
};
use super::content::make;
use super::doc::Doc;
use super::lexicon::{class, cue};
use super::np::{self, Np};

/// `CONTENT, <attribution>.` or `CONTENT, <attribution>, CONTENT.`: `comma` is the comma
/// before the attribution, `att_end` one past it.
pub(crate) fn inverted(
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
    // `In the text accompanying the post, Wallnau wrote: …`, `Before dropping out, Cruz
    // responded …`, `Wednesday on Fox News, Gingrich said …`: a fronted adjunct with no
    // verb of its own is when or where, not what.
    // (`This includes …` opens a clause: a demonstrative is a time only before one, as in
    // `This week, …`.)
    let demonstrative = doc.word_among(head.0, &["this", "that", "these", "those"])
        && !doc.is(head.0 + 1, class::TIME);
    let opens_adjunct = doc.is(head.0, class::PREPOSITION | class::SUBORDINATE)
        || doc.is(head.0, class::TIME) && !demonstrative;
    let has_verb = (head.0 + 1..head.1).any(|k| {
        let w = doc.word(k);
        doc.is_lower(k)
            // (A cue after a determiner is a noun: `the post`, `a report`.)
            && (doc.is(k, class::BE)
                || doc.is(k, class::CUE) && !doc.is(k - 1, class::DETERMINER)
                || is_auxiliary(doc, k)
                || w.len() > 3 && w.ends_with("ed"))
    });
    let adjunct_only = opens_adjunct && !has_verb;
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
    // `…, said Maria Lopez, a teacher who has lived here for 30 years.`: the appositive's
    // relative clause belongs to the attribution.
    let relative_clause = doc.is_lower(after) && doc.is(after, class::RELATIVE);
    if is_tail(doc, after, end)
        || relative_clause
        || is_participle_tail(doc, after) && doc.lex(after + 1).is(class::CUE)
    {
        // (The words before are all the content here: an adjunct alone is none.)
        if adjunct_only {
            return None;
        }
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

/// A block quote after `X said:`: the colon ends the paragraph (after at most a short
/// adjunct), and the next paragraph, not opened by a quotation mark (the quote stage reads
/// those) nor by markup, holds the words: its tokens, up to the next line break.
pub(crate) fn block_quote(doc: &Doc, cue_end: usize) -> Option<(usize, usize)> {
    let colon = (cue_end..cue_end + 8)
        .take_while(|&k| !doc.is_break(k))
        .find(|&k| doc.is_punct(k, ':'))?;
    let brk = colon + 1;
    if !doc.is_break(brk) {
        return None;
    }
    let first = brk + 1;
    if first >= doc.len() || doc.is_quote(first) || doc.is_punct(first, '<') || !doc.is_word(first)
    {
        return None;
    }
    // Bounded: a paragraph of prose, not the rest of the article.
    let end = (first..doc.len().min(first + 400))
        .find(|&k| doc.is_break(k))
        .unwrap_or(doc.len().min(first + 400));
    (doc.words_in(first, end) >= 6).then(|| trim(doc, first, end))
}
