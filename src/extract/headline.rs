//! Headlines in title case, on the first line only: `Conservative Icon Morton Blackwell
//! Endorses Ted Cruz`, `Governor Vows To Veto Budget Bill`, `Tax Cuts Will Hurt Schools,
//! Union Says`. (`Name: statement` headlines are found with the other labelled lines.)

use super::ClaimKind;
use super::candidate::class_of;
use super::candidate::{Candidate, rank, trim};
use super::clause::is_tail;
use super::content::make;
use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np::{self, NpKind};
use super::subject::plural;
use crate::text::tokens::TokenKind;

/// A headline longer than this is a sentence, not a headline.
const MAX_WORDS: usize = 24;

/// Adds the first line's title-case attribution, if it has one, to `out`.
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Candidate>) {
    let end = (0..doc.len())
        .find(|&k| doc.is_break(k))
        .unwrap_or(doc.len());
    if end == 0 || doc.words_in(0, end) > MAX_WORDS {
        return;
    }
    headline(doc, 0, end, out);
}

/// A verb of the same speaker in title case after a comma: `Clinton Says Russians Hacked
/// DNC, Calls Trump's Remarks 'Troubling'`.
fn second_verb(doc: &Doc, i: usize) -> bool {
    let lex = doc.lex(i + 1);
    doc.is_punct(i, ',')
        && doc.is_cap(i + 1)
        && lex.is(class::CUE)
        && lex.form == Form::Present3
        // (A noun form too: `Calls` after the comma of a title-case line is the verb when
        // title case goes on.)
        && (!lex.is(class::NOUN_FORM) || doc.is_cap(i + 2) || doc.is_quote(i + 2))
}

fn headline(doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) -> Option<()> {
    let (k, cue_end, lex) = (start + 1..end).find_map(|k| {
        if doc.in_quote(k) || !doc.is_cap(k) {
            return None;
        }
        let (lex, cue_end) = doc
            .phrase_cue_any_case(k)
            .unwrap_or_else(|| (doc.lex(k), k + 1));
        // Title case capitalises nouns too: a cue that is also a noun (`State`, `Report`,
        // `Attacks`) or an impression (`Appear`) is left alone.
        // But after a name opening the line, an intention before `To` is the verb
        // (`Obama Vows To Close Guantanamo`), and so is `Calls For`.
        let after_name = np::ending_at(doc, k - 1, start)
            .is_some_and(|np| np.first == start && matches!(np.kind, NpKind::Person | NpKind::Org));
        let verb_form = !lex.is(class::NOUN_FORM)
            || after_name
                && lex.form == Form::Present3
                && (lex.cue_has(cue::INTENT) && doc.word_is(cue_end, "to") || cue_end > k + 1);
        let verb = lex.is(class::CUE)
            && lex.form != Form::Gerund
            && verb_form
            && !lex.cue_has(cue::SEEM)
            && !doc.is_punct(cue_end, ',');
        verb.then_some((k, cue_end, lex))
    })?;
    let cue = Some((k, cue_end));
    // `…, Howard Dean Tells Democratic Convention`: an addressee may close the line.
    let after = if lex.cue_has(cue::ADDRESSEE) {
        np::addressee_end(doc, cue_end, end).unwrap_or(cue_end)
    } else {
        cue_end
    };
    let (source, content) = if is_tail(doc, after, end) {
        // `Tax Cuts Will Hurt Schools, Union Says`
        let comma = (start..k).rev().find(|&i| doc.is_punct(i, ','))?;
        let source = np::generic_ending_at(doc, k.checked_sub(1)?, comma + 1)
            .filter(|np| np.first == comma + 1)?;
        (source, trim(doc, start, comma))
    } else {
        // `Senator Vows To Veto Budget Bill`
        let source = np::ending_at(doc, k - 1, start)
            .filter(|np| np.first == start || doc.is(start, class::DETERMINER))
            .or_else(|| np::generic_ending_at(doc, k - 1, start))?;
        let stop = (cue_end..end)
            .find(|&i| {
                doc.is_punct(i, ';')
                    || doc.kind(i) == Some(TokenKind::Dash)
                    || doc.is_punct(i, ',')
                        && (doc.word_is(i + 1, "but") || doc.word_is(i + 1, "and"))
                    || second_verb(doc, i)
            })
            .unwrap_or(end);
        (source, trim(doc, cue_end, stop))
    };
    let second = (content.1..end).find(|&i| second_verb(doc, i));
    // `Look How Trey Gowdy Just Fired Back`, `CNN Just Responded`: a clickbait opening and
    // an adverb before the cue are no part of the name.
    let mut source = source;
    while source.end > source.first + 1
        && doc.word_among(
            source.end - 1,
            &["just", "now", "finally", "also", "again", "officially"],
        )
    {
        source.end -= 1;
        source.name.1 = source.name.1.min(source.end);
    }
    while source.first + 1 < source.end
        && doc.word_among(
            source.first,
            &["look", "watch", "see", "how", "why", "here's", "when"],
        )
    {
        source.first += 1;
        source.name.0 = source.name.0.max(source.first);
    }
    if doc.word_among(source.first, &["just", "now", "finally", "also", "again"]) {
        return None;
    }
    // A bare form needs a plural subject (`Republicans Blast Obama`, not `San Bernardino
    // Terror Suspect …`).
    if source.kind == NpKind::Place || lex.form == Form::Base && !plural(doc, &source) {
        return None;
    }
    // Title case hides where a name ends: `Donald Trump Tweets A Wildly Inaccurate Graphic
    // To Portray …` has no speaker called all that. A source is a short name or description
    // with no article or preposition inside it.
    let inner_function_word = (source.first + 1..source.end).any(|k| {
        doc.word_among(
            k,
            &[
                "a", "an", "the", "to", "with", "who", "for", "about", "under", "off", "than",
                "in", "on",
            ],
        )
    });
    if inner_function_word || doc.words_in(source.first, source.end) > 6 {
        return None;
    }
    let mut c = make(doc, content, Vec::new(), Some(source), cue)?;
    c.kind = ClaimKind::Headline;
    c.rank = rank::LINE;
    c.class = class_of(doc, lex, &c);
    out.push(c);
    // The second verb's words, by the same speaker.
    if let Some(comma) = second.filter(|&i| i <= content.1 + 1) {
        let verb = comma + 1;
        let lex = doc.lex(verb);
        if let Some(mut c2) = make(
            doc,
            trim(doc, verb + 1, end),
            Vec::new(),
            Some(source),
            Some((verb, verb + 1)),
        ) {
            c2.kind = ClaimKind::Headline;
            c2.rank = rank::LINE;
            c2.class = class_of(doc, lex, &c2);
            out.push(c2);
        }
    }
    Some(())
}
