//! Where reported content starts and ends: adjuncts after a cue, clause starts, and the
//! boundaries (participles, new attributions, contrasting clauses) that end a content.

use super::doc::Doc;
use super::lexicon::{Form, class, cue};
use super::np;
pub(crate) use super::object::{object_end, starts_object};
use crate::text::tokens::TokenKind;

pub(crate) fn is_numeric(k: TokenKind) -> bool {
    k == TokenKind::Number
}

/// Only closing matter (punctuation, quote marks) from `i` to the sentence end `end`.
pub(crate) fn is_tail(doc: &Doc, i: usize, end: usize) -> bool {
    (i..end).all(|k| !doc.is_word(k) && doc.kind(k) != Some(TokenKind::Number))
}

/// A question word opening the content: `whether`, `how`, `if`, `why`.
pub(crate) fn starts_wh(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && matches!(
            doc.word(i),
            "whether" | "how" | "why" | "what" | "when" | "where" | "who" | "which" | "if"
        )
}

/// A sentence that opens with a subordinating conjunction (`Although`, `If`, `When`).
pub(crate) fn starts_subordinate(doc: &Doc, first: usize) -> bool {
    doc.is_cap(first) && starts_subordinate_word(doc, first)
}

/// A subordinating conjunction at `i`, any case.
pub(crate) fn starts_subordinate_word(doc: &Doc, i: usize) -> bool {
    doc.is(i, class::SUBORDINATE)
}

/// After a parenthetical attribution (`The plan, he said, is …`), does the content resume
/// at `i`? Not when a subordinate clause, a relative or a participle follows.
pub(crate) fn resumes(doc: &Doc, i: usize) -> bool {
    if doc.is_cap(i) || doc.kind(i) == Some(TokenKind::Number) {
        // `When she got inside, she said, there were …`, `…, he said, Mr. Clinton …`
        return !doc.is(i, class::CUE | class::NOT_NAME) || doc.is(i, class::PRONOUN_SUBJECT);
    }
    if !doc.is_lower(i) {
        return false;
    }
    // `One offered shelter, Bob said, while others …`: a contrast inside the words; `…,
    // economists say, because …` or `since …`: so is the reason.
    if doc.word_among(
        i,
        &["while", "but", "because", "since", "although", "though"],
    ) {
        return true;
    }
    // `Sales were great, he said, wiping sweat off his face`, `…, he said, on condition
    // of anonymity`: the attribution's own adjuncts.
    // (A gerund with a verb after it is the subject: `…, he said, replacing her would be
    // much harder`.)
    let gerund_subject = || {
        (i + 1..i + 8)
            .take_while(|&k| !doc.is_punct(k, ',') && !doc.is_break(k))
            .any(|k| is_auxiliary(doc, k))
    };
    if is_participle(doc, i) && !gerund_subject() || anonymity(doc, i) {
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

/// `mentioned the remarks and went right back to its guests`, `urged the party to unite
/// and tried to make the case …`: a verb in the past tense taking its own object after
/// `and` (not `and related measures`, where a noun follows the participle).
fn second_predicate(doc: &Doc, v: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "went", "took", "made", "gave", "got", "came", "saw", "left", "kept", "held", "met", "put",
        "ran", "sent", "spent", "won", "lost", "began", "brought", "bought", "thought", "told",
        "said", "wrote", "spoke", "stood", "sought", "drew", "threw", "struck",
    ];
    if !doc.is_lower(v) {
        return false;
    }
    let w = doc.word(v);
    let past = doc.lex(v).form == Form::Past
        || w.len() > 4 && w.ends_with("ed")
        || doc.word_among(v, IRREGULAR);
    if !past {
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
    match doc.kind(i) {
        None | Some(TokenKind::Break) => true,
        Some(TokenKind::Punct) => ['.', ',', ';', ':', '?', '!', ')']
            .iter()
            .any(|&c| doc.is_punct(i, c)),
        _ => false,
    }
}

/// `on (the) condition of anonymity`, `on condition that he not be named`: how the
/// speaker spoke, not what.
pub(crate) fn anonymity(doc: &Doc, i: usize) -> bool {
    let c = if doc.word_is(i + 1, "the") {
        i + 2
    } else {
        i + 1
    };
    doc.is_lower(i) && doc.word_is(i, "on") && doc.word_is(c, "condition")
}

/// `, adding …`, `, according to …`, `, including …` after an attribution.
pub(crate) fn is_participle_tail(doc: &Doc, i: usize) -> bool {
    doc.is_punct(i, ',') && (is_participle(doc, i + 1) || doc.word_is(i + 1, "according"))
}

/// A participle that reports again (`, adding …`, `, citing …`, `, calling it …`), which
/// ends the content before it; other participles (`, pushing her to victory`) go on with
/// the content's own subject.
fn speaker_participle(doc: &Doc, i: usize) -> bool {
    let j = if doc.is_between(i) && doc.word(i).ends_with("ly") {
        i + 1
    } else {
        i
    };
    let lex = doc.phrase_cue(j).map_or(doc.lex(j), |(l, _)| l);
    is_participle(doc, i) && lex.is(class::CUE) && lex.form == Form::Gerund
}

/// A participle opening a phrase (`adding`, `referencing`, `implicitly putting`).
pub(crate) fn is_participle(doc: &Doc, mut i: usize) -> bool {
    if doc.is_between(i) && doc.word(i).ends_with("ly") {
        i += 1;
    }
    let w = doc.word(i);
    doc.is_lower(i)
        && (doc.lex(i).form == Form::Gerund || w.len() > 5 && w.ends_with("ing"))
        && !doc.is(i, class::PREPOSITION)
        && !matches!(
            w,
            "including"
                | "allowing"
                | "making"
                | "leaving"
                | "meaning"
                | "nothing"
                | "something"
                | "anything"
                | "everything"
                | "morning"
                | "evening"
                | "building"
                | "spring"
                | "string"
                | "thing"
                | "things"
                | "bring"
                | "king"
                | "ceiling"
                | "pending"
                | "notwithstanding"
        )
}

/// Skips time and place adjuncts after a cue: `on Monday`, `in a statement`, `Tuesday`,
/// `at the salon`, `to reporters`.
pub(crate) fn skip_adjuncts(doc: &Doc, mut i: usize, end: usize) -> usize {
    loop {
        if i >= end {
            return i;
        }
        // `this week`, `last year`; but `believe this provides …` opens the content.
        let deictic =
            doc.word_among(i, &["this", "last", "next", "past"]) && !doc.is(i + 1, class::TIME);
        if doc.is(i, class::TIME) && doc.is_word(i) && !deictic || doc.is_between(i) {
            i += 1;
            continue;
        }
        if doc.is_lower(i)
            && matches!(doc.word(i), "after" | "before" | "since" | "until" | "as")
            && !doc.is(i + 1, class::TIME | class::DETERMINER)
        {
            // `said after Pagliano failed to …`: a subordinate clause, not content.
            return i;
        }
        if doc.is_lower(i) && doc.is(i, class::PREPOSITION) && !is_infinitive(doc, i) {
            // A prepositional phrase of a few words, up to a comma, `that` or a clause.
            let mut j = i + 1;
            let mut noun_seen = false;
            // `said, without offering evidence, that …`: a gerund after `without` is part
            // of the adjunct.
            let without_gerund = doc.without_gerund(i);
            while j < end
                && j - i <= 6
                && (doc.is_word(j) || doc.kind(j) == Some(TokenKind::Number))
            {
                let l = doc.lex(j);
                let w = doc.word(j);
                let gerund_ok = without_gerund && j == i + 1;
                // `on a call`, `in a statement`: after an article a cue is a noun.
                let noun_ok = l.is(class::NOUN_FORM) && doc.is(j - 1, class::DETERMINER);
                if doc.word_is(j, "that")
                    || starts_wh(doc, j)
                    || l.is(class::CUE | class::BE) && doc.is_lower(j) && !gerund_ok && !noun_ok
                    || l.is(class::PRONOUN_SUBJECT) && doc.is_lower(j)
                    || noun_seen && l.is(class::DETERMINER)
                    || j == i + 1
                        && doc.is_lower(j)
                        && w.len() > 4
                        && w.ends_with("ing")
                        && !gerund_ok
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

/// `to` followed by a verb (`to counter`, `to "counter`).
pub(crate) fn is_infinitive(doc: &Doc, i: usize) -> bool {
    let k = if doc.is_quote(i + 1) { i + 2 } else { i + 1 };
    doc.word_is(i, "to") && doc.is_lower(k) && !doc.is(k, class::DETERMINER | class::PRONOUN_OBJECT)
}

/// The first comma (outside quotes) from `i`, or `end`; after the closing mark when the
/// comma is inside one (`exploitation,"`).
pub(crate) fn first_comma(doc: &Doc, i: usize, end: usize) -> usize {
    doc.stops
        .value_before(doc.stops.next(&doc.stops.comma, i), end)
}

/// Boundaries of reported content, a binary search away. Each kind of boundary depends
/// only on the tokens around it, so the positions of each kind are listed once per
/// document, in order, and a clause's end is a few searches: no scan from each cue to the
/// sentence end, which made long sentences without a full stop quadratic. Boundaries are
/// rare (commas, dashes, a few conjunctions), so the lists are short.
#[derive(Debug, Default)]
pub(crate) struct Stops {
    /// Boundaries that end any clause (`;`, `, adding`, `, while`, `, he said`).
    always: Vec<u32>,
    /// Boundaries that end a clause they do not open (`and said …`, `— and he noted`).
    later: Vec<u32>,
    /// `, and the …`, which ends only a clause of eight tokens or more.
    far: Vec<u32>,
    /// Commas outside quotes.
    comma: Vec<u32>,
    /// Boundaries of a noun-phrase object (a dash, a subordinate clause, an adjunct).
    object: Vec<u32>,
    /// Commas right before a closing mark (`,"`), whose content ends past the mark.
    closers: Vec<u32>,
}

/// How far into a clause a `, and the …` must be to end it.
const FAR: usize = 8;

impl Stops {
    pub(crate) fn new(doc: &Doc) -> Self {
        let mut stops = Stops::default();
        for k in 0..doc.len() {
            let b = boundary(doc, k);
            let at = k as u32;
            for (on, list) in [
                (b.always, &mut stops.always),
                (b.later, &mut stops.later),
                (b.far, &mut stops.far),
                (b.comma, &mut stops.comma),
                (b.object, &mut stops.object),
            ] {
                if on {
                    list.push(at);
                }
            }
            if b.comma && comma_then_closer(doc, k) {
                stops.closers.push(at);
            }
        }
        stops
    }

    /// The first boundary at or after `i` in `list`, as a token index (`usize::MAX` for
    /// none).
    /// The first object boundary at or after `i`.
    pub(crate) fn next_object(&self, i: usize) -> usize {
        self.next(&self.object, i)
    }

    fn next(&self, list: &[u32], i: usize) -> usize {
        let at = list.partition_point(|&k| (k as usize) < i);
        list.get(at).map_or(usize::MAX, |&k| k as usize)
    }

    /// Where content ends for the boundary at `k`, or `end` when `k` is not before it.
    fn value_before(&self, k: usize, end: usize) -> usize {
        if k >= end {
            return end;
        }
        let closer = self.closers.binary_search(&(k as u32)).is_ok();
        if closer { k + 2 } else { k }
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
struct Boundary {
    always: bool,
    later: bool,
    far: bool,
    comma: bool,
    object: bool,
}

#[inline]
fn boundary(doc: &Doc, k: usize) -> Boundary {
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
                || second_predicate(doc, k + 1))
        {
            b.object = true;
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

/// Does a subject and its finite verb start at `i`: a subject pronoun, or a name of up to
/// three words, then a verb of report or a past tense (`Cruz opposed`)? Not `it`, which
/// may be an object, nor a name before `be` (`between Trump and Clinton are …`).
pub(crate) fn subject_verb(doc: &Doc, i: usize) -> bool {
    if doc.word_among(i, &["he", "she", "they", "we", "i"]) && doc.is_lower(i) {
        return true;
    }
    let mut v = i;
    while v < i + 3 && doc.is_cap(v) && !doc.is(v, class::NOT_NAME) {
        v += 1;
    }
    let w = doc.word(v);
    v > i
        && doc.is_lower(v)
        && (doc.is(v, class::CUE) || w.len() > 3 && w.ends_with("ed"))
        && !doc.is(v, class::NOUN_FORM)
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

/// Could a clause (the content of speech) start at `i`?
pub(crate) fn starts_clause(doc: &Doc, i: usize) -> bool {
    match doc.kind(i) {
        Some(TokenKind::Number) | Some(TokenKind::DoubleQuote) => true,
        Some(TokenKind::Punct) => doc.is_punct(i, '$'),
        Some(TokenKind::Word) => {
            let lex = doc.lex(i);
            if doc.is_cap(i) {
                return !lex.is(class::CUE);
            }
            lex.is(class::PRONOUN_SUBJECT | class::DETERMINER)
                || doc.word_among(
                    i,
                    &[
                        "there", "how", "what", "whether", "why", "when", "where", "if", "no",
                        "nothing", "everyone", "nobody", "someone", "more", "only",
                    ],
                )
        }
        _ => false,
    }
}

/// Where the clause starting at `i` ends: at the sentence end, or before a comma that
/// opens another attribution, a participle (`, adding`), or a contrasting clause
/// (`, while …`).
pub(crate) fn clause_end(doc: &Doc, i: usize, end: usize) -> usize {
    let stops = &doc.stops;
    let k = stops
        .next(&stops.always, i)
        .min(stops.next(&stops.later, i + 1))
        .min(stops.next(&stops.far, i + FAR));
    stops.value_before(k, end)
}

/// A finite reporting verb at `i` (`said`, `noted`), not a gerund.
pub(crate) fn is_reporting_verb(doc: &Doc, i: usize) -> bool {
    let l = doc.lex(i);
    l.is(class::CUE)
        && doc.is_lower(i)
        && l.form != Form::Gerund
        && !l.is(class::NOUN_FORM)
        && (l.cue_has(cue::SPEECH | cue::THAT | cue::JUDGEMENT)
            || l.cue_has(cue::DIRECTIVE | cue::INTENT)
                && matches!(l.form, Form::Past | Form::Present3))
        && (!l.cue_has(cue::BELIEF)
            || doc.word_is(i + 1, "that")
            || doc.is_between(i + 1) && doc.word_is(i + 2, "that"))
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

pub(crate) fn comma_then_closer(doc: &Doc, k: usize) -> bool {
    doc.is_punct(k, ',') && doc.is_quote(k + 1) && doc.tok(k + 1).is_some_and(|t| !t.space_before)
}

/// A new attribution right at `i`: `X said` (`but he said …`) or `said X.`.
pub(crate) fn attribution_follows(doc: &Doc, mut i: usize, end: usize) -> bool {
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
        // `said`, or a progressive `is promising`
        let finite = l.form != Form::Gerund || j > 0 && doc.is(j - 1, class::BE);
        if l.is(class::CUE)
            && doc.is_lower(j)
            && finite
            && l.cue_has(cue::SPEECH | cue::INTENT | cue::THAT)
            && !l.is(class::NOUN_FORM)
            && np.kind != np::NpKind::Place
        {
            return true;
        }
    }
    let l = doc.lex(i);
    if l.is(class::CUE) && doc.is_lower(i) && l.form == Form::Past && l.cue_has(cue::SPEECH) {
        return np::starting_at(doc, i + 1, end).is_some();
    }
    // `…, and more than 4 in 10 said …`: a subject the lexicon does not know, a few words
    // long, then a finite speech verb.
    let mut k = i;
    while k < end && k - i < 8 && (doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number)) {
        let l = doc.lex(k);
        if k > i
            && l.cue_has(cue::SPEECH)
            && doc.is_lower(k)
            && matches!(l.form, Form::Past | Form::Present3)
            && !l.is(class::NOUN_FORM)
        {
            return !doc.is(k - 1, class::PREPOSITION | class::DETERMINER);
        }
        if doc.is_lower(k) && doc.is(k, class::CUE | class::BE | class::RELATIVE)
            || doc.word_is(k, "that")
        {
            return false;
        }
        k += 1;
    }
    false
}

/// A form of `be` or a modal or auxiliary verb (`is`, `could`, `has`).
pub(crate) fn is_auxiliary(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && (doc.is(i, class::BE)
            || matches!(
                doc.word(i),
                "could"
                    | "would"
                    | "will"
                    | "should"
                    | "might"
                    | "may"
                    | "must"
                    | "can"
                    | "has"
                    | "have"
                    | "had"
                    | "did"
                    | "does"
                    | "do"
                    | "won't"
                    | "wouldn't"
            ))
}
