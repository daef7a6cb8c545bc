//! Which tokens end reported content: the boundaries [`super::clause::Stops`] lists once
//! per document, each decided from the tokens around it (a comma and what follows it, a
//! conjunction, a dash, the words that end a noun-phrase object).

use super::clause::{
    anonymity, attribution_follows, comma_then_closer, is_auxiliary, is_participle,
    is_reporting_verb, speaker_participle, starts_subordinate_word, subject_verb,
};
use super::doc::Doc;
use super::lexicon::{Form, class};
use crate::text::tokens::TokenKind;

/// `mentioned the remarks and went right back to its guests`, `urged the party to unite
/// and tried to make the case …`: a verb in the past tense taking its own object after
/// `and` (not `and related measures`, where a noun follows the participle).
fn second_predicate(doc: &Doc, v: usize) -> bool {
    if !doc.is_past_tense(v) {
        return false;
    }
    let n = v + 1;
    // It takes an object (not `unsubstantiated and fabricated by former employees`, a
    // passive participle coordinated with an adjective).
    doc.is(
        n,
        class::DETERMINER | class::PRONOUN_OBJECT | class::PREPOSITION,
    ) && !doc.word_is(n, "by")
        || doc.word_is(n, "to")
        || doc.is_between(n)
        || doc.is_lower(n)
            && doc.word_among(
                n,
                &[
                    "back", "out", "up", "down", "off", "away", "right", "ahead", "home",
                ],
            )
        || doc.is_cap(n)
}

/// Words that end a noun-phrase object after it: `endorsed Cruz Wednesday`, `went after
/// him Wednesday morning` (a bare day that ends the phrase, not `a Monday appearance` or
/// `called that report Friday a lie`), `last Thursday` (from `last`), `criticized Rubio
/// now that …`, `did not mention Ryan directly.`. Cheap tests first: this runs on every
/// word.
fn object_tail(doc: &Doc, k: usize) -> bool {
    if k == 0 || !doc.is_word(k - 1) || doc.in_quote(k) {
        return false;
    }
    let day_at = |d: usize| {
        let after = if doc.is(d + 1, class::TIME) {
            d + 2
        } else {
            d + 1
        };
        doc.is_weekday(d)
            && (ends_phrase(doc, after)
                || doc.is_lower(after) && doc.is(after, class::SUBORDINATE | class::BOUNDARY))
    };
    if doc.is(k, class::TIME) {
        let relative_day =
            doc.is_lower(k) && doc.word_among(k, &["last", "next", "this"]) && day_at(k + 1);
        let bare_day =
            day_at(k) && !doc.is(k - 1, class::PREPOSITION | class::DETERMINER | class::TIME);
        let now_that = doc.is_lower(k) && doc.word_is(k, "now") && doc.word_is(k + 1, "that");
        return relative_day || bare_day || now_that;
    }
    ends_phrase(doc, k + 1) && doc.is_lower(k) && doc.word(k).ends_with("ly") && doc.is_between(k)
}

/// Punctuation that ends a phrase (not a quote mark, which may open its last words), a
/// line break or the text's end at `i`.
fn ends_phrase(doc: &Doc, i: usize) -> bool {
    match doc.tok(i) {
        None => true,
        Some(t) => {
            t.kind == TokenKind::Break
                || t.kind == TokenKind::Punct
                    && matches!(t.ch, '.' | ',' | ';' | ':' | '?' | '!' | ')')
        }
    }
}

/// After a comma, words that open the writer's own comparison (`, compared with 64
/// percent who say …`).
fn writer_adjunct(doc: &Doc, n: usize) -> bool {
    doc.is_lower(n)
        && (matches!(doc.word(n), "compared" | "contrasted")
            // `…, without offering evidence`: the writer's remark on the claim.
            || doc.without_gerund(n))
}

/// Which boundaries token `k` is.
#[derive(Default)]
pub(crate) struct Boundary {
    pub(crate) always: bool,
    pub(crate) later: bool,
    pub(crate) far: bool,
    pub(crate) comma: bool,
    pub(crate) object: bool,
    pub(crate) predicate: bool,
}

#[inline]
pub(crate) fn boundary(doc: &Doc, k: usize) -> Boundary {
    let mut b = Boundary::default();
    // Only punctuation and a few kinds of words can end a clause: most tokens are done
    // with here, inline.
    let relevant = match doc.kind(k) {
        Some(TokenKind::Word) => {
            if object_tail(doc, k) {
                b.object = true;
                return b;
            }
            doc.is(k, class::CLAUSE_CONJ | class::SUBORDINATE | class::BOUNDARY)
        }
        Some(TokenKind::Punct) => doc.is_punct(k, ',') || doc.is_punct(k, ';'),
        Some(TokenKind::Dash) => true,
        _ => false,
    };
    if relevant {
        boundary_at(doc, k, &mut b);
    }
    b
}

/// [`boundary`] for a token that may be one.
fn boundary_at(doc: &Doc, k: usize, b: &mut Boundary) {
    let end = super::quotes::sentence_end(doc, k);
    let quoted = doc.in_quote(k);
    if doc.is_punct(k, ';') && !quoted {
        b.always = true;
    }
    if !quoted {
        // `… and said she would …`: a second reporting verb starts its own claim.
        let conj = doc.word_is(k, "and") || doc.word_is(k, "but") || doc.word_is(k, "or");
        let verb = if doc.word_is(k + 1, "also") {
            k + 2
        } else {
            k + 1
        };
        // `but has said she will …`: a perfect or modal before it.
        let verb = if doc.is_lower(verb)
            && doc.word_among(
                verb,
                &["has", "have", "had", "would", "will", "later", "then"],
            ) {
            verb + 1
        } else {
            verb
        };
        if conj && is_reporting_verb(doc, verb) {
            b.later = true;
        }
        // `… — and he noted that …`
        if doc.kind(k) == Some(TokenKind::Dash) {
            // A dash ends an object unless a second one closes an aside within it.
            b.object = !(k + 2..end.min(k + 40)).any(|m| doc.kind(m) == Some(TokenKind::Dash))
                || doc.word_among(k + 1, &["and", "but"]);
            let n = if doc.word_is(k + 1, "and") || doc.word_is(k + 1, "but") {
                k + 2
            } else {
                k + 1
            };
            // `… — and he noted`, `… — which …`, `… — a controversial proposal he has …`;
            // but a pair of dashes sets off a parenthetical inside the content (`advanced
            // economies — which include Europe — will grow`).
            let paired = (k + 2..end.min(k + 40)).any(|m| doc.kind(m) == Some(TokenKind::Dash));
            let aside = doc.is_lower(k + 1)
                && !paired
                && (doc.is(k + 1, class::CLAUSE_CONJ | class::RELATIVE)
                    || doc.word_among(k + 1, &["as", "a", "an"]));
            if aside || attribution_follows(doc, n, end) {
                b.later = true;
            }
        }
        let lower = doc.is_lower(k);
        if lower
            && (doc.word_is(k, "and") || doc.word_is(k, "but"))
            && (is_reporting_verb(doc, k + 1) || is_participle(doc, k + 1))
        {
            // `thanking Priebus and congratulating the others`
            b.object = true;
        }
        // `McCain supported it and Cruz opposed the measure`: a new clause with its own
        // subject; `endorsed Trump and has been a critic of …`: a second predicate.
        if lower
            && (doc.word_is(k, "and") || doc.word_is(k, "but"))
            && (subject_verb(doc, k + 1)
                || is_auxiliary(doc, k + 1)
                || doc.is_lower(k + 1) && doc.word_among(k + 1, &["has", "have", "had"])
                || second_predicate(doc, k + 1)
                // `attacked her skills and even questioned her identity`
                || doc.is_between(k + 1) && second_predicate(doc, k + 2))
        {
            b.object = true;
        }
        // `said she has no plans to change her vote and would not identify …`, `insists
        // the GOP must be a party of ideas, and has championed …`: a perfect or modal
        // with no subject of its own coordinates with the reporting verb, not the content
        // (unless `that` opened the content: see `clause_end`).
        if lower
            && doc.word_is(k, "and")
            && doc.is_lower(k + 1)
            && doc.word_among(k + 1, &["has", "have", "would", "will"])
            && !doc.is(k + 2, class::DETERMINER | class::PRONOUN_OBJECT)
        {
            b.predicate = true;
        }
        // `supporting her by a wide margin`, `backed the bill in an effort to …`
        // (Not the agent of a participle: `slammed a lawsuit filed by a fired staffer`.)
        let agent = doc.word_is(k, "by")
            && k > 0
            && doc.is_lower(k - 1)
            && (doc.word(k - 1).ends_with("ed") || doc.lex(k - 1).form == Form::Past);
        if lower
            && matches!(doc.word(k), "by" | "in")
            && (doc.is(k + 1, class::DETERMINER) && !doc.word_is(k + 1, "the")
                || doc.word_is(k + 1, "about"))
            && !agent
        {
            b.object = true;
        }
        if lower && starts_subordinate_word(doc, k) && !doc.word_is(k, "as") {
            b.object = true;
        }
        if anonymity(doc, k) {
            b.object = true;
            b.always = true;
        }
        let adjunct = lower
            && matches!(doc.word(k), "in" | "during" | "at" | "on")
            && (doc.is(k + 1, class::TIME)
                || doc.is(k + 1, class::DETERMINER)
                    && !doc.word_is(k + 1, "the")
                    && doc.is_lower(k + 1));
        if adjunct {
            b.object = true;
        }
        // `mocked Trump on Twitter`, `trashed Comey on MSNBC's "Morning Joe"`, `described
        // it in print`: the venue of the report.
        if lower && matches!(doc.word(k), "on" | "in") {
            let venue = if doc.is(k + 1, class::DETERMINER) && doc.is_lower(k + 1) {
                k + 2
            } else {
                k + 1
            };
            // Not when the object goes on past it (`thanked Trump on Twitter for backing …`).
            let goes_on =
                doc.is_lower(venue + 1) && doc.word_among(venue + 1, &["for", "about", "over"]);
            if doc.is(venue, class::MEDIUM) && !goes_on {
                b.object = true;
            }
        }
    }
    let closer = comma_then_closer(doc, k);
    if doc.is_punct(k, ',') && !doc.in_quote(k + 1) || closer {
        b.comma = true;
        let n = if closer { k + 2 } else { k + 1 };
        let lex = doc.lex(n);
        let and = doc.word_is(n, "and") && doc.is_lower(n);
        if speaker_participle(doc, n)
            || doc.word_is(n, "according")
            || writer_adjunct(doc, n)
            || lex.is(class::CLAUSE_CONJ)
                && doc.is_lower(n)
                && !doc.word_among(n, &["but", "although", "though"])
            // `…, but he has bristled at …`: a contrast with a subject of its own is the
            // writer's (not `…, but worth it`).
            || doc.word_is(n, "but") && doc.is_lower(n) && subject_verb(doc, n + 1)
            || attribution_follows(doc, n, end)
            || and && (starts_subordinate_word(doc, n + 1) || attribution_follows(doc, n + 1, end))
            // `…, and voters greeted both by name`: a clause with a subject of its own.
            || and
                && (subject_verb(doc, n + 1)
                    || plural_then_past(doc, n + 1)
                    || named_with_appositive(doc, n + 1))
            || trailing_appositive(doc, k, end)
            // `…, as have other Democrats`: others doing the same is the writer's aside.
            || doc.word_is(n, "as")
                && doc.is_lower(n)
                && doc.word_among(n + 1, &["did", "does", "do", "has", "have", "had"])
        {
            b.always = true;
        } else if and && doc.word_is(n + 1, "the") {
            b.far = true;
        }
    }
}

/// `Brian Deese, the White House adviser, …`: a name of two or three capitalised words,
/// a comma and an article opening an appositive.
fn named_with_appositive(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    while k < i + 3 && doc.is_cap(k) && !doc.is(k, class::NOT_NAME) {
        k += 1;
    }
    k >= i + 2
        && doc.is_punct(k, ',')
        && doc.is_lower(k + 1)
        && doc.word_among(k + 1, &["the", "a", "an"])
}

/// `voters greeted`: a plural noun, then a past tense.
fn plural_then_past(doc: &Doc, i: usize) -> bool {
    let (a, b) = (doc.word(i), doc.word(i + 1));
    doc.is_lower(i)
        && doc.is_lower(i + 1)
        && a.len() > 3
        && a.ends_with('s')
        && !a.ends_with("ss")
        && !super::np::is_function_word(doc, i)
        && b.len() > 3
        && b.ends_with("ed")
}

/// `… should be Arab fighters, a force the administration has struggled to build.`: an
/// indefinite noun phrase after the comma at `k` that runs to the sentence end describes
/// the noun before it; it is the writer's gloss, not the speaker's words. Looked at over a
/// few tokens only, so the scan stays bounded.
fn trailing_appositive(doc: &Doc, k: usize, end: usize) -> bool {
    const REACH: usize = 30;
    let a = k + 1;
    let after_word = k.checked_sub(1).is_some_and(|p| doc.is_word(p));
    if !after_word || !doc.is_lower(a) || !doc.word_among(a, &["a", "an"]) || end - a > REACH {
        return false;
    }
    // No second comma (an aside inside the content), no verb of its own and no
    // attribution of its own (`a gap that experts say …`) before `end`.
    let own_verb = |m: usize| {
        is_auxiliary(doc, m)
            || doc.is_lower(m) && doc.is(m, class::CUE) && doc.lex(m).form != Form::Gerund
    };
    !(a..end).any(|m| doc.is_punct(m, ',') || doc.is_quote(m) || own_verb(m))
}
