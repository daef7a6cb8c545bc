//! Noun phrases that can name a speaker: pronouns, personal names with their titles,
//! organisations, and descriptions (`the spokesperson`, `senior officials`).

mod around;
mod share;
#[cfg(test)]
mod tests;

pub(crate) use around::{
    addressee_end, appositive_after, generic_ending_at, generic_starting_at, starts_role,
};
pub(crate) use share::share_ending_at;

use super::doc::Doc;
use super::lexicon::class;
use crate::text::tokens::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    Pronoun,
    Person,
    Org,
    /// A description: `the spokesperson`, `officials`, `the Chinese FM`.
    Nominal,
    /// A bare place name (`China`): a speaker only by metonymy, which sayso does not
    /// attribute.
    Place,
    /// A social media handle (`@agent_of_change`).
    Handle,
}

/// A noun phrase as a token range, with the part that names and the part that describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Np {
    /// Whole phrase, determiner and title included, appositive excluded.
    pub first: usize,
    pub end: usize,
    /// The name proper (`Marco Rubio`), or for descriptions the phrase without its
    /// determiner (`Chinese Foreign Ministry spokesperson`).
    pub name: (usize, usize),
    /// Title before the name (`U.S. Secretary of State`) or appositive after it.
    pub role: Option<(usize, usize)>,
    pub kind: NpKind,
}

impl Np {
    /// A phrase of the one word at `k`, with no role.
    pub fn word(k: usize, kind: NpKind) -> Np {
        Np {
            first: k,
            end: k + 1,
            name: (k, k + 1),
            role: None,
            kind,
        }
    }

    pub fn is_named(&self) -> bool {
        matches!(self.kind, NpKind::Person | NpKind::Org | NpKind::Handle)
    }
}

const MAX_NP: usize = 12;

/// Quantifiers that stand for people on their own (`All said`, `Many of them agree`).
pub(crate) const QUANTIFIERS: &[&str] = &[
    "all",
    "most",
    "many",
    "some",
    "several",
    "both",
    "few",
    "none",
    "others",
    "everyone",
    "everybody",
];

/// The noun phrase whose last token is `last`, not reaching before `floor`.
pub(crate) fn ending_at(doc: &Doc, last: usize, floor: usize) -> Option<Np> {
    if last > floor && doc.is_punct(last, ')') {
        // `Sen. David Perdue (R-Ga.)`: a bracketed affiliation after a name.
        let open = (last.saturating_sub(8).max(floor)..last)
            .rev()
            .find(|&k| doc.is_punct(k, '('))?;
        let np = ending_at(doc, open.checked_sub(1)?, floor)?;
        return np.is_named().then_some(Np {
            end: last + 1,
            ..np
        });
    }
    // `John Smith Jr. said`: the suffix's dot ends the name.
    if last > floor && suffix_dot(doc, last) {
        let np = ending_at(doc, last - 1, floor)?;
        return (np.kind == NpKind::Person).then_some(Np {
            end: last + 1,
            name: (np.name.0, last + 1),
            ..np
        });
    }
    if last < floor || !doc.is_word(last) {
        return None;
    }
    let lex = doc.lex(last);
    if lex.is(class::PRONOUN_SUBJECT | class::PRONOUN_OBJECT) && doc.is_lower(last)
        || lex.is(class::PRONOUN_SUBJECT) && (last == floor || !doc.is_cap(last - 1))
        || doc.word(last) == "I"
    {
        if doc.word_is(last, "it") && !doc.is_lower(last) && last != floor {
            return None;
        }
        return Some(Np::word(last, NpKind::Pronoun));
    }
    if doc.word_among(last, QUANTIFIERS) && (last == floor || !doc.is_word(last - 1)) {
        // `All said …`, `Most agree …`, `Others say …`: a quantifier stands for people.
        return Some(Np::word(last, NpKind::Nominal));
    }
    // `Trump Tuesday said`: a day after a name is when, not part of the name.
    if last > floor && doc.is_cap(last - 1) && doc.is_weekday(last) {
        return ending_at(doc, last - 1, floor);
    }
    if doc.is_cap(last) {
        let mut first = last;
        while first > floor && last - first < MAX_NP {
            let p = first - 1;
            let name_word = doc.is_cap(p) && !doc.is(p, class::DETERMINER) && !ends_clause(doc, p);
            let joiner = doc.is_lower(p)
                && doc.is(p, class::CONNECTOR | class::NAME_PARTICLE)
                && p > floor
                && doc.is_cap(p - 1)
                && !doc.is(p - 1, class::DETERMINER);
            let role_word = doc.is_lower(p)
                && doc.is(p, class::ROLE_MODIFIER | class::TITLE | class::ROLE_NOUN);
            if abbreviation_dot(doc, p) && p > floor {
                first = p - 1;
            } else if name_word || joiner || role_word {
                first = p;
            } else {
                break;
            }
        }
        return classify(doc, first, last, true);
    }
    if doc.is_lower(last) && is_speaker_noun(doc, last) {
        let mut first = last;
        // Modifiers the lexicon does not know (`an inside source`) count when a
        // determiner opens the phrase.
        while first > floor && last - first < 7 {
            let p = first - 1;
            let lex = doc.lex(p);
            let modifier = doc.is_cap(p) && !lex.is(class::NOT_NAME | class::PRONOUN_SUBJECT)
                || doc.is_lower(p)
                    && (lex.is(class::ROLE_MODIFIER | class::ROLE_NOUN | class::TITLE)
                        || is_adjective(doc.word(p)))
                || doc.kind(p) == Some(TokenKind::Number);
            // `that prosecutors said` is a relative clause, not a determiner.
            if lex.is(class::DETERMINER) && doc.is_word(p) && !doc.word_is(p, "that") {
                first = p;
                break;
            }
            let dotted = p > floor
                && doc.is_punct(p, '.')
                && doc.tok(p).is_some_and(|t| !t.space_before)
                && doc
                    .tok(p - 1)
                    .is_some_and(|t| t.has(crate::text::tokens::shape::DOTTED));
            if dotted {
                // `U.S. officials`
                first = p - 1;
                continue;
            }
            if !modifier {
                if doc.is_lower(p) && !is_function_word(doc, p) && !lex.is(class::DETERMINER) {
                    let det = (p.saturating_sub(2).max(floor)..p)
                        .rev()
                        .find(|&k| doc.is(k, class::DETERMINER) && doc.is_lower(k));
                    if let Some(d) = det
                        && (d + 1..p).all(|k| doc.is_lower(k) && !is_function_word(doc, k))
                        && !doc.word_is(d, "that")
                    {
                        first = d;
                    }
                }
                break;
            }
            first = p;
        }
        return classify(doc, first, last, false);
    }
    None
}

/// The noun phrase starting at `first`, not reaching `ceil` (exclusive).
pub(crate) fn starting_at(doc: &Doc, first: usize, ceil: usize) -> Option<Np> {
    let mut np = phrase_from(doc, first, ceil)?;
    // `said John Smith Jr., the mayor`: the suffix's dot ends the name.
    if np.kind == NpKind::Person && np.name.1 == np.end && np.end < ceil && suffix_dot(doc, np.end)
    {
        np.end += 1;
        np.name.1 += 1;
    }
    if np.is_named() && doc.is_punct(np.end, '(') {
        // `Rep. Gwen Moore (D-Wis.)`
        let close = (np.end + 1..(np.end + 8).min(ceil)).find(|&k| doc.is_punct(k, ')'));
        if let Some(close) = close {
            return Some(Np {
                end: close + 1,
                ..np
            });
        }
    }
    Some(np)
}

fn phrase_from(doc: &Doc, first: usize, ceil: usize) -> Option<Np> {
    if first >= ceil || !doc.is_word(first) {
        if doc.is_punct(first, '@') && doc.is_word(first + 1) && first + 1 < ceil {
            return Some(Np {
                first,
                end: first + 2,
                name: (first, first + 2),
                role: None,
                kind: NpKind::Handle,
            });
        }
        return None;
    }
    let lex = doc.lex(first);
    // `Weighing in on the discussion, …`, `Standing with activists, …`: a capitalised
    // gerund taking its complement opens a phrase, not a name (`Manning said` is a name).
    let w = doc.word(first);
    if doc.is_cap(first)
        && w.len() > 5
        && w.ends_with("ing")
        && doc.is_lower(first + 1)
        && !doc.is(first + 1, class::CUE | class::BE | class::BETWEEN)
    {
        return None;
    }
    // `Chastened by the analyses, …`, `Armed with new polls, …`: nor a capitalised
    // participle before its preposition.
    if doc.is_cap(first)
        && w.len() > 4
        && w.ends_with("ed")
        && doc.word_among(first + 1, &["by", "with", "about", "over", "on", "at"])
    {
        return None;
    }
    // `Recently, …`, `Ultimately, …`: an adverb opening the sentence is no name.
    if doc.is_cap(first) && is_sentence_adverb(w) {
        return None;
    }
    // A dateline (`TALLAHASSEE — …`) is no speaker.
    if w.len() > 1
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && doc.kind(first + 1) == Some(TokenKind::Dash)
    {
        return None;
    }
    if lex.is(class::PRONOUN_SUBJECT | class::PRONOUN_OBJECT) && !doc.is_cap(first + 1) {
        return Some(Np::word(first, NpKind::Pronoun));
    }
    let mut last = first;
    let start_det = lex.is(class::DETERMINER) && !lex.is(class::PRONOUN_OBJECT);
    if start_det || doc.is_lower(first) {
        // A description: determiner, modifiers, head noun.
        let mut i = if start_det { first + 1 } else { first };
        let mut head = None;
        while i < ceil && i - first < 8 {
            let l = doc.lex(i);
            let modifier = start_det
                || l.is(class::ROLE_MODIFIER | class::ROLE_NOUN | class::TITLE | class::DOCUMENT)
                || is_adjective(doc.word(i));
            // After a head noun, a determiner or a past tense starts something else (`The
            // senator stepped up his attacks on Trump`).
            let after_head = head.is_some_and(|h| doc.is_lower(h))
                && doc.is_lower(i)
                && (l.is(class::DETERMINER) || doc.word(i).ends_with("ed"));
            if after_head {
                break;
            }
            if doc.is_cap(i) {
                head = Some(i);
            } else if doc.is_lower(i) && modifier && !is_function_word(doc, i) {
                // A modifier (`nonpartisan`, `senior`) or the head noun.
                if is_speaker_noun(doc, i) {
                    head = Some(i);
                } else if head.is_some_and(|h| doc.is_cap(h)) {
                    break;
                }
            } else if doc.is_lower(i)
                && doc.is(i, class::CONNECTOR)
                && doc.is_cap(i + 1)
                && !doc.is(i + 1, class::TIME)
                && head.is_some()
            {
                // `the Department of State`
            } else if head.is_some_and(|h| doc.is_cap(h)) && abbreviation_dot(doc, i) {
                // `former Gov. Mike Huckabee`
            } else {
                break;
            }
            i += 1;
        }
        last = head?;
        if doc.is_cap(last) {
            return classify(doc, first, last, true);
        }
        return classify(doc, first, last, false);
    }
    if !doc.is_cap(first) {
        return None;
    }
    while last + 1 < ceil && last + 1 - first < MAX_NP {
        let n = last + 1;
        // `of` in `Secretary of State`, or a role word inside a title (`Party leader Jonas
        // Brandt`), when a capitalised word follows.
        let joiner = doc.is_lower(n)
            && doc.is(
                n,
                class::CONNECTOR | class::NAME_PARTICLE | class::TITLE | class::ROLE_NOUN,
            )
            && !doc.is(n, class::DETERMINER)
            && doc.is_cap(n + 1)
            && !doc.is(n + 1, class::TIME);
        // `Mayor Lee Tuesday said`: a day after a name says when.
        let weekday = doc.is_weekday(n);
        if doc.is_cap(n) && !ends_clause(doc, n) && !is_sentence_adverb(doc.word(n)) && !weekday {
            last = n;
        } else if (abbreviation_dot(doc, n) || joiner) && n + 1 < ceil {
            last = n + 1;
        } else {
            break;
        }
    }
    classify(doc, first, last, true)
}

/// Splits a phrase `first..=last` into role and name and decides its kind.
pub(super) fn classify(
    doc: &Doc,
    mut first: usize,
    last: usize,
    capitalised_head: bool,
) -> Option<Np> {
    // A sentence-initial function word (or a cue, `Said Maria Lopez: …`) is not part of
    // a name.
    while first < last
        && doc.is_cap(first)
        && (doc.not_name(first) || doc.is(first, class::CUE) && !doc.is(first, class::TITLE))
    {
        if doc.is(first, class::DETERMINER) {
            break;
        }
        first += 1;
    }
    while first < last
        && doc.is(first, class::CONNECTOR)
        && !doc.is(first, class::DETERMINER)
        && doc.is_lower(first)
    {
        first += 1;
    }
    let det = doc.is(first, class::DETERMINER) && !doc.is(first, class::TITLE);
    let body = if det { first + 1 } else { first };
    if body > last {
        return None;
    }
    let end = last + 1;
    if capitalised_head && let Some(np) = name_of_place(doc, first, body, last) {
        return Some(np);
    }
    if !capitalised_head {
        return Some(Np {
            first,
            end,
            name: (body, end),
            role: None,
            kind: NpKind::Nominal,
        });
    }
    if doc.is(last, class::ORG_HEAD) && doc.is_cap(last) || doc.lex(last).is(class::DOCUMENT) {
        return Some(Np {
            first,
            end,
            name: (body, end),
            role: None,
            kind: NpKind::Org,
        });
    }
    // The name is the longest run of capitalised non-title words at the end.
    let mut name_first = end;
    while name_first > body {
        let p = name_first - 1;
        // `Martin Luther King Jr.`: before a suffix, even a title word is the name.
        let after_suffix = name_first < end
            && (name_first..end).all(|k| !doc.is_word(k) || is_name_suffix(doc.word(k)));
        // `Peter T. King`, `Jeff King`: a title word last, after a first name or an
        // initial, is a surname.
        let surname = p == last
            && p > body
            && (doc.is_punct(p - 1, '.') && p > body + 1 && is_initial(doc.word(p - 2))
                || doc.is_cap(p - 1)
                    && !doc.is(
                        p - 1,
                        class::TITLE | class::NOT_NAME | class::PLACE | class::ORG_HEAD,
                    )
                    && doc.is(p - 1, class::MALE | class::FEMALE));
        let is_name_word = doc.is_cap(p)
            && (!doc.is(p, class::TITLE) || after_suffix || surname)
            && !(doc.is(p, class::NOT_NAME) && p == body)
            || doc.is_lower(p) && doc.is(p, class::NAME_PARTICLE) && name_first < end && p > body
            // The dot of a middle initial: `John A. Smith`.
            || p > body && doc.is_punct(p, '.') && is_initial(doc.word(p - 1));
        if !is_name_word {
            break;
        }
        name_first = p;
    }
    if name_first == end {
        // Only titles: `the Foreign Minister`, `the President` — but not a capitalised
        // function word (`When`, `However`).
        if (body..end).all(|k| doc.is(k, class::NOT_NAME) && !doc.is(k, class::TITLE)) {
            return None;
        }
        return Some(Np {
            first,
            end,
            name: (body, end),
            role: None,
            kind: NpKind::Nominal,
        });
    }
    // `Secretary of Health and Human Services Tom Price`: a given name inside the run,
    // after words that are no given names, starts the name; what precedes is the title.
    if let Some(given) =
        (name_first + 2..end.saturating_sub(1)).find(|&k| doc.is(k, class::MALE | class::FEMALE))
        && !(name_first..given).any(|k| doc.is(k, class::MALE | class::FEMALE) || !doc.is_cap(k))
        && end - given <= 3
    {
        name_first = given;
    }
    let role = (name_first > body).then_some((body, name_first));
    let single = end - name_first == 1;
    // `New Hampshire`, `South Carolina`, `Hong Kong`: a place of several words.
    let place = doc.is(last, class::PLACE)
        && (name_first..end).all(|k| {
            doc.is(k, class::PLACE)
                || doc.word_among(
                    k,
                    &["new", "north", "south", "east", "west", "united", "island"],
                )
        });
    let kind = if single && doc.is(name_first, class::PLACE) || place {
        NpKind::Place
    } else if single
        && (doc.lex(name_first).is(class::NOT_NAME)
            // A party's or a region's adjective alone (`in Democratic attack ads`, `Most
            // Southern states that …`) names nobody.
            || doc.word_among(
                name_first,
                &[
                    "democratic", "republican", "liberal", "conservative", "southern",
                    "northern", "eastern", "western", "midwestern", "soviet", "federal",
                ],
            ))
    {
        return None;
    } else if doc.is(last, class::ORG_HEAD) && role.is_none() && !single {
        NpKind::Org
    } else {
        NpKind::Person
    };
    Some(Np {
        first,
        end,
        name: (name_first, end),
        role,
        kind,
    })
}

/// `Rep. Elijah Cummings of Maryland`, `John Kasich of Ohio`: a person's name before an
/// `of` that gives their place. The name is the part before `of`; the rest of the phrase
/// (`of Maryland`) stays in it, after the name, as an affiliation.
fn name_of_place(doc: &Doc, first: usize, body: usize, last: usize) -> Option<Np> {
    let of = (body + 2..last)
        .rev()
        .find(|&k| doc.word_is(k, "of") && doc.is_lower(k))?;
    let before = of - 1;
    let person_word = |k: usize| {
        doc.is_cap(k)
            && !doc.is(
                k,
                class::TITLE | class::ORG_HEAD | class::NOT_NAME | class::PLACE,
            )
    };
    // (`Peter T. King of New York`: a title word as a surname, which `classify` settles.)
    let surname = doc.is(before, class::TITLE)
        && before > body
        && (person_word(before - 1) || doc.is_punct(before - 1, '.'));
    if !(person_word(before) || surname)
        || !(of + 1..=last).all(|k| doc.is_cap(k) || abbreviation_dot(doc, k))
    {
        return None;
    }
    let inner = classify(doc, first, before, true)?;
    (inner.kind == NpKind::Person && inner.name.1 == of).then_some(Np {
        end: last + 1,
        ..inner
    })
}

/// The `.` of `U.S.`, `Mr.` or a middle initial (`John A. Smith`) inside a name:
/// attached to a dotted or title word or a capital letter alone, and followed by a
/// capitalised word.
pub(crate) fn abbreviation_dot(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.is_punct(i, '.')
        && doc.tok(i).is_some_and(|t| !t.space_before)
        && doc.is_cap(i - 1)
        && (doc
            .tok(i - 1)
            .is_some_and(|t| t.has(crate::text::tokens::shape::DOTTED))
            || doc.is(i - 1, class::TITLE)
            || is_initial(doc.word(i - 1)))
        && doc.is_cap(i + 1)
}

/// A capital letter alone: an initial, not the pronoun `I`.
fn is_initial(w: &str) -> bool {
    w.len() == 1 && w != "I" && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A suffix after a surname: `Jr`, `Sr`, `II`, `III`, `IV`.
fn is_name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// The `.` of a name's suffix (`Jr.`, `Sr.`), which may end the name.
fn suffix_dot(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.is_punct(i, '.')
        && doc.tok(i).is_some_and(|t| !t.space_before)
        && matches!(doc.word(i - 1), "Jr" | "Sr")
}

/// An adverb by its ending (`Recently`, `Finally`, `Reportedly`), which no name has. Not
/// [`Doc::is_between`]'s any `-ly` word: capitalised, that would take `Kelly` and `Holly`.
fn is_sentence_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with('y')
        && [
            "ently", "ately", "ously", "ively", "ally", "arly", "ntly", "edly", "ssly", "ully",
            "ibly", "ably", "ply",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// A token that ends a clause although capitalised (`I` as a new subject is rare here).
pub(super) fn ends_clause(doc: &Doc, i: usize) -> bool {
    doc.lex(i).is(class::CUE) && !doc.is(i, class::TITLE)
}

/// Words that cannot be part of a noun phrase's modifiers: prepositions, conjunctions,
/// verbs of saying, auxiliaries and adverbs, relative and personal pronouns.
pub(crate) fn is_function_word(doc: &Doc, i: usize) -> bool {
    doc.lex(i).is(class::PREPOSITION
        | class::CLAUSE_CONJ
        | class::CUE
        | class::BETWEEN
        | class::RELATIVE
        | class::PRONOUN_SUBJECT
        | class::PRONOUN_OBJECT
        | class::CONNECTOR)
        && !doc
            .lex(i)
            .is(class::ROLE_NOUN | class::TITLE | class::NOUN_FORM)
        || doc.is_between(i)
}

/// Nouns that can head a description of a speaker.
pub(crate) fn is_speaker_noun(doc: &Doc, i: usize) -> bool {
    doc.lex(i).is(class::ROLE_NOUN | class::DOCUMENT)
}

/// Cheap adjective test for modifiers in descriptions (`senior`, `economic`, `familiar`).
pub(super) fn is_adjective(w: &str) -> bool {
    const ENDINGS: &[&str] = &["al", "ic", "ive", "ous", "ary", "ant", "ent", "ian", "ese"];
    w.len() > 4 && ENDINGS.iter().any(|e| w.ends_with(e))
}
