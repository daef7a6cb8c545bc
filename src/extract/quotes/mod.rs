//! Direct quotes: pairing quotation marks (across paragraphs, as newspapers continue long
//! quotes) and finding each quote's attribution before, after or in the middle.

use super::candidate::{Candidate, Inherit, rank, trim};
use super::doc::{Doc, NONE};
use super::lexicon::{Form, class, cue};
use super::np::{self, Np, NpKind};
use super::{ClaimClass, ClaimKind};
use crate::text::tokens::TokenKind;

mod attribution;
pub(crate) use attribution::with_appositive;
use attribution::{attribution_after, attribution_before};

/// A quoted stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// Opening mark.
    pub open: usize,
    /// Closing mark, if the quote closes.
    pub close: Option<usize>,
    /// Content tokens (between the marks).
    pub first: usize,
    pub end: usize,
}

impl Region {
    /// First token after the quote (after its closing mark).
    fn after(&self) -> usize {
        self.close.map_or(self.end, |c| c + 1)
    }
}

/// Pairs double quotation marks into regions and marks their tokens in `doc.quote_of`.
pub(crate) fn find_regions(doc: &mut Doc) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    let n = doc.len();
    let mut i = 0;
    while i < n {
        if doc.is_break(i) {
            if let Some(o) = open {
                // A quote running into the next paragraph continues only when that paragraph
                // opens with a quotation mark (the newspaper convention).
                let same_style = doc
                    .tok(i + 1)
                    .zip(doc.tok(o))
                    .is_some_and(|(n, o)| (n.ch == '"') == (o.ch == '"'));
                if doc.is_quote(i + 1) && same_style && !labelled_turn(doc, i + 2) {
                    i += 2;
                    continue;
                }
                regions.push(Region {
                    open: o,
                    close: None,
                    first: o + 1,
                    end: i,
                });
                open = None;
            }
            i += 1;
            continue;
        }
        if !doc.is_quote(i) {
            i += 1;
            continue;
        }
        match open {
            None => {
                if opens(doc, i) {
                    open = Some(i);
                }
            }
            Some(o) => {
                let straight = doc.tok(i).is_some_and(|t| t.ch == '"');
                let opened_straight = doc.tok(o).is_some_and(|t| t.ch == '"');
                if opened_straight && !straight && !sloppy_close(doc, i) {
                    // Curly marks inside a straight-quoted passage quote within it.
                    i += 1;
                    continue;
                }
                if straight || closes(doc, i) || !opens(doc, i) {
                    regions.push(Region {
                        open: o,
                        close: Some(i),
                        first: o + 1,
                        end: i,
                    });
                    open = None;
                } else {
                    // An opener while open: the previous quote lost its closing mark.
                    regions.push(Region {
                        open: o,
                        close: None,
                        first: o + 1,
                        end: i,
                    });
                    open = Some(i);
                }
            }
        }
        i += 1;
    }
    if let Some(o) = open {
        regions.push(Region {
            open: o,
            close: None,
            first: o + 1,
            end: n,
        });
    }
    regions.retain(|r| r.end > r.first);
    for (k, r) in regions.iter().enumerate() {
        let last = r.close.unwrap_or(r.end.saturating_sub(1));
        for slot in doc.quote_of.iter_mut().take(last + 1).skip(r.open) {
            *slot = k as u32;
        }
    }
    regions
}

/// The words inside quotation marks, exactly: only line breaks are trimmed, so a quote
/// keeps its own punctuation (`"The bridge opens in May,"`).
fn inside(doc: &Doc, mut first: usize, mut end: usize) -> (usize, usize) {
    while first < end && doc.is_break(first) {
        first += 1;
    }
    while end > first
        && (doc.is_break(end - 1) || doc.is_quote(end - 1) && closer_unpaired(doc, first, end))
    {
        end -= 1;
    }
    (first, end)
}

/// Is the last mark of `first..end` a closing mark without an opener inside?
fn closer_unpaired(doc: &Doc, first: usize, end: usize) -> bool {
    doc.quotes_in(first, end - 1).is_multiple_of(2)
}

/// A curly closing mark ending a straight-quoted passage, as careless copy mixes them
/// (`"Nothing we could do now would make a difference,” Kagan said`): attached to the
/// word or comma before it and followed by a space, a comma or the end of a sentence.
fn sloppy_close(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    let after_ok = doc.tok(i + 1).is_none_or(|n| {
        n.space_before || n.kind == TokenKind::Break || matches!(n.ch, ',' | '.' | ';')
    });
    t.ch == '”' && !t.space_before && after_ok
}

/// A quotation mark that opens: curly opener, or attached to the word after it.
fn opens(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    if matches!(t.ch, '“' | '„' | '«') {
        return true;
    }
    let next_attached = doc
        .tok(i + 1)
        .is_some_and(|n| !n.space_before && n.kind != TokenKind::Break);
    let prev_open = i == 0 || t.space_before || doc.is_break(i - 1) || doc.is_punct(i - 1, '(');
    next_attached && prev_open
}

/// A quotation mark that closes: curly closer, or attached to the word before it.
fn closes(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tok(i) else { return false };
    if matches!(t.ch, '”' | '»') {
        return true;
    }
    !t.space_before
}

/// `"WALLACE: …` — a transcript turn, which starts a new quote of its own.
fn labelled_turn(doc: &Doc, i: usize) -> bool {
    let mut j = i;
    while j < doc.len() && j - i < 4 && doc.is_cap(j) {
        j += 1;
    }
    j > i && doc.is_punct(j, ':')
}

/// Turns quote regions into claim candidates with their attributions.
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Candidate>) {
    let regions = &doc.regions;
    let mut k = 0;
    while k < regions.len() {
        let r = regions[k];
        let (first, end) = inside(doc, r.first, r.end);
        if first >= end {
            k += 1;
            continue;
        }
        let words = doc.words_in(first, end);
        if let Some(att) = attribution_after(doc, &r) {
            // `With thousands of systems, "there is no single point of failure," he said.`:
            // the words before the quote belong to the claim too.
            // So do earlier quoted words of that sentence: `Guns are "a crisis" and "stunt
            // growth," she said.`
            // Not across a colon: `… but with a caveat: "…," the source said.` quotes only
            // what follows it.
            let start = doc.sentence(r.open).map_or(r.open, |s| s.first);
            let lead = (start..r.open)
                .rev()
                .find(|&k| doc.is_punct(k, ':') && !doc.in_quote(k))
                .map_or(start, |c| c + 1);
            let mixed = lead < r.open
                && (lead..r.open).all(|k| {
                    doc.in_quote(k)
                        || !doc.lex(k).is(class::CUE)
                        || attribution::appositive_participle(doc, k)
                })
                && (lead..r.open).any(|k| doc.is_word(k) && !doc.in_quote(k));
            let first = if mixed {
                trim(doc, lead, r.open).0
            } else {
                first
            };
            let mut cand = Candidate {
                first,
                end,
                fragments: Vec::new(),
                kind: if mixed {
                    ClaimKind::Mixed
                } else {
                    ClaimKind::Direct
                },
                source: Some(att.source),
                cue: Some(att.cue),
                inherit: Inherit::No,
                class: ClaimClass::Speech,
                rank: rank::QUOTE,
            };
            // `"A," she said. "B." "C."` — the quotes after the attribution, up to the end of
            // the paragraph, continue the first unless they have an attribution of their
            // own. A quoted title inside the attribution (`said on "Meet the Press."`) is
            // part of it.
            let mut next = k + 1;
            while regions
                .get(next)
                .is_some_and(|n| n.open >= att.end && in_attribution(doc, att.end, n))
            {
                next += 1;
            }
            let mut tail = att.end;
            while let Some(n) = regions.get(next)
                && continues_after(doc, tail, n)
                && attribution_after(doc, n).is_none()
                && attribution_before(doc, n).is_none_or(|b| b.cue.0 < tail)
            {
                let (f2, e2) = inside(doc, n.first, n.end);
                if f2 >= e2 {
                    break;
                }
                if cand.fragments.is_empty() {
                    cand.fragments.push((first, end));
                }
                cand.fragments.push((f2, e2));
                cand.end = e2;
                tail = n.after();
                k = next;
                next += 1;
            }
            // `"A," he said, adding, "B."`, `"A," Tester said, referring to the excuse,
            // "B."`: an attribution with an adjunct of its own reports the second quote
            // separately, by the same speaker, with the participle as its cue.
            if tail == att.end
                && let Some(n) = regions.get(next)
                && let Some(g) = participle_bridge(doc, att.end, n)
            {
                let (f2, e2) = inside(doc, n.first, n.end);
                if f2 < e2 {
                    out.push(Candidate {
                        first: f2,
                        end: e2,
                        fragments: Vec::new(),
                        kind: ClaimKind::Direct,
                        source: Some(att.source),
                        cue: Some(g)
                            .filter(|&(i, _)| doc.lex(i).cue_has(cue::SPEECH))
                            .or(Some(att.cue)),
                        inherit: Inherit::No,
                        class: ClaimClass::Speech,
                        rank: rank::QUOTE,
                    });
                    k = next;
                }
            }
            out.push(cand);
        } else if let Some(att) = attribution_before(doc, &r) {
            // `Sooner or later, the governor told reporters, "it starts to pay off."`: a
            // quote that goes on in lower case finishes the words before the attribution.
            let lead = doc.sentence(r.open).map_or(r.open, |s| s.first);
            let comma = att
                .source
                .first
                .checked_sub(1)
                .filter(|&c| doc.is_punct(c, ','));
            let head = comma
                .filter(|&c| {
                    lead < c
                        && (lead..c).all(|k| !doc.in_quote(k) && !doc.lex(k).is(class::CUE))
                        && doc.words_in(lead, c) >= 2
                        && doc.is_lower(first)
                })
                .map(|c| trim(doc, lead, c));
            let (first, fragments, kind) = match head {
                Some(h) if h.0 < h.1 => (h.0, vec![h, (first, end)], ClaimKind::Mixed),
                _ => (first, Vec::new(), ClaimKind::Direct),
            };
            out.push(Candidate {
                first,
                end,
                fragments,
                kind,
                source: Some(att.source),
                cue: Some(att.cue),
                inherit: Inherit::No,
                class: ClaimClass::Speech,
                rank: rank::QUOTE,
            });
        } else if words >= 4 && stands_alone(doc, &r) {
            out.push(Candidate {
                first,
                end,
                fragments: Vec::new(),
                kind: ClaimKind::Direct,
                source: None,
                cue: None,
                inherit: Inherit::Previous,
                class: ClaimClass::Speech,
                rank: rank::CONTINUED_QUOTE,
            });
        }
        k += 1;
    }
}

/// One past the last token of the sentence holding token `i`.
pub(crate) fn sentence_end(doc: &Doc, i: usize) -> usize {
    doc.sentence(i).map_or(doc.len(), |s| s.end)
}

/// A quote inside the sentence of an attribution that ends at `att_end`, not after a
/// comma: a title (`said on NBC's "Meet the Press."`), not more of the speech.
fn in_attribution(doc: &Doc, att_end: usize, next: &Region) -> bool {
    let same = doc.sentence_of.get(att_end.saturating_sub(1)) == doc.sentence_of.get(next.open);
    same && !doc.is_punct(next.open.saturating_sub(1), ',')
        && !(att_end..next.open).any(|i| doc.is_break(i))
}

/// The participle cue between an attribution ending at `att_end` and a quote `next` of
/// the same sentence (`, adding, "…"`, `, referring to the excuse, "…"`).
fn participle_bridge(doc: &Doc, att_end: usize, next: &Region) -> Option<(usize, usize)> {
    let same_sentence = doc.sentence_of.get(att_end) == doc.sentence_of.get(next.open);
    if !same_sentence || !doc.is_punct(next.open.checked_sub(1)?, ',') || next.open - att_end > 15 {
        return None;
    }
    if (att_end..next.open).any(|k| doc.is_break(k)) {
        return None;
    }
    // A quoted title may stand before the participle (`said on "Morning Joe," adding, "…"`),
    // not after it.
    let (k, end) = (att_end..next.open).rev().find_map(|k| {
        let (l, end) = doc.phrase_cue(k).unwrap_or((doc.lex(k), k + 1));
        (l.is(class::CUE) && l.form == Form::Gerund && doc.is_lower(k) && !doc.in_quote(k))
            .then_some((k, end))
    })?;
    (!(k..next.open).any(|m| doc.in_quote(m))).then_some((k, end))
}

/// Does quote `next` continue the speech attributed right before `att_end`? It does when
/// it opens the next sentence of the same paragraph (`"A," she said. "B."`, whatever the
/// attribution's length), or follows the attribution and a comma (`"A," she said, "B."`).
fn continues_after(doc: &Doc, att_end: usize, next: &Region) -> bool {
    if next.open < att_end || (att_end..next.open).any(|i| doc.is_break(i)) {
        return false;
    }
    if next.open == att_end + 1 && doc.is_punct(att_end, ',') {
        return true;
    }
    // `"A," he said, but "B."`
    if next.open == att_end + 2
        && doc.is_punct(att_end, ',')
        && (doc.word_is(att_end + 1, "but") || doc.word_is(att_end + 1, "and"))
    {
        return true;
    }
    // `"A," one aide said late last month, "B."`, `"A," said X, the director, "and B."`:
    // adjuncts and appositives of the same attribution, then the rest of the words.
    let same_sentence = doc.sentence_of.get(att_end) == doc.sentence_of.get(next.open);
    if same_sentence
        && doc.is_punct(next.open - 1, ',')
        && next.open - att_end <= 15
        && (att_end..next.open).all(|k| !doc.lex(k).is(class::CUE) && !doc.is(k, class::PHRASE))
    {
        return true;
    }
    let (Some(&a), Some(&b)) = (
        doc.sentence_of.get(att_end.saturating_sub(1)),
        doc.sentence_of.get(next.open),
    ) else {
        return false;
    };
    b == a + 1
        && doc
            .sentences
            .get(b as usize)
            .is_some_and(|s| s.first == next.open)
}

/// A quote that is a sentence (or more) on its own, not a phrase inside one.
fn stands_alone(doc: &Doc, r: &Region) -> bool {
    let starts = doc.sentence(r.open).is_some_and(|s| s.first == r.open)
        || r.open == 0
        || doc.is_break(r.open - 1);
    let after = r.after();
    let ends = after >= doc.len()
        || doc.is_break(after)
        || doc.sentence_of.get(after).copied().unwrap_or(NONE)
            != doc.sentence_of.get(r.open).copied().unwrap_or(NONE);
    starts && ends
}
