//! Who speaks: the subject of a reporting verb, through adverbs, appositives, relative
//! pronouns and coordination.

use super::described;
use super::doc::Doc;
use super::lexicon::{Form, class};
use super::np::{self, Np, NpKind};
use crate::text::tokens::TokenKind;

pub(crate) use super::opening::{clause_subject, sentence_subject};

/// `was told`, `is expected`, `has been charged`: a passive participle reports nothing
/// of its subject.
pub(crate) fn is_passive(doc: &Doc, i: usize, floor: usize) -> bool {
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

/// A word ending in a possessive `'s` (`Clinton's comments`): not a subject. `He's` is
/// `he is`.
pub(crate) fn possessive(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    crate::text::tokens::possessive_stem(w).is_some() && !doc.is(i, class::PRONOUN_SUBJECT)
}

/// The subject of the cue at `i`: the noun phrase right before it, through adverbs,
/// an appositive (`Zhang Run, director-general of …, said`) or a relative pronoun.
pub(crate) fn subject_before(doc: &Doc, i: usize, floor: usize) -> Option<Np> {
    let j = doc.skip_between_left(i.checked_sub(1)?, floor)?;
    // `Gov. John Kasich (R-OH), said`: a stray comma after the party and state.
    if doc.is_punct(j, ',')
        && j > floor
        && doc.is_punct(j - 1, ')')
        && let Some(np) = np::ending_at(doc, j - 1, floor).filter(|np| np.end == j)
    {
        return Some(np);
    }
    if doc.is_punct(j, ',') {
        return appositive_subject(doc, j, floor);
    }
    // `Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a
    // staffer) says`: a long aside in brackets after a name.
    if doc.is_punct(j, ')')
        && let Some(open) = (j.saturating_sub(30).max(floor)..j)
            .rev()
            .find(|&k| doc.is_punct(k, '('))
        && doc.word_among(open + 1, &["a", "an", "the", "who", "which"])
        && let Some(np) = open
            .checked_sub(1)
            .and_then(|p| np::ending_at(doc, p, floor))
            .filter(|np| np.end == open && np.is_named())
    {
        return Some(Np {
            end: j + 1,
            role: Some((open + 1, j)),
            ..np
        });
    }
    // `Mr. Brown, citing "the power of the brand," said …`: the aside's comma sits
    // inside the quote that ends it.
    if doc.is_quote(j) && j > floor + 1 && doc.is_punct(j - 1, ',') && doc.in_quote(j - 1) {
        return appositive_subject(doc, j - 1, floor);
    }
    if doc.kind(j) == Some(crate::text::tokens::TokenKind::Dash) {
        // `Kall -- co-editor of Debating The Donald -- said`
        let open = (floor..j)
            .rev()
            .take(30)
            .find(|&k| doc.kind(k) == doc.kind(j))?;
        let before = open.checked_sub(1)?;
        if let Some(mut np) = np::ending_at(doc, before, floor).filter(Np::is_named) {
            np.role = Some((open + 1, j));
            return Some(np);
        }
        // `A former candidate -- John McCain, who lost -- said`: the name in the aside;
        // `Many speakers at the service — including pastors — said`: the description.
        let described = np::generic_ending_at(doc, before, floor)
            .or_else(|| np::ending_at(doc, before, floor))
            .filter(|np| np.kind == NpKind::Nominal && np.first == floor)?;
        if let Some(name) = np::starting_at(doc, open + 1, j).filter(|n| n.kind == NpKind::Person) {
            return Some(Np {
                role: Some((described.first, described.end)),
                ..name
            });
        }
        return Some(described);
    }
    if doc.is(j, class::RELATIVE) && doc.is_lower(j) && j > floor {
        // `X, who said …` or `X who said …`; `X, many of whom say …`
        let partitive = j >= floor + 3 && doc.word_is(j - 1, "of") && doc.is_punct(j - 3, ',');
        let j = if partitive { j - 2 } else { j };
        let k = if doc.is_punct(j - 1, ',') { j - 1 } else { j };
        let antecedent = np::ending_at(doc, k.checked_sub(1)?, floor)
            .or_else(|| np::generic_ending_at(doc, k.checked_sub(1)?, floor))?;
        // `Kasich, a Republican who has refused …`: the appositive's relative clause
        // speaks of the name it describes.
        if !antecedent.is_named()
            || doc.is(antecedent.first, class::DETERMINER) && doc.is_lower(antecedent.first)
        {
            let comma = antecedent.first.checked_sub(1);
            if let Some(c) = comma.filter(|&c| c > floor && doc.is_punct(c, ','))
                && let Some(name) = np::ending_at(doc, c - 1, floor).filter(|n| n.is_named())
            {
                return Some(Np {
                    role: Some((antecedent.first, k)),
                    ..name
                });
            }
        }
        return Some(antecedent);
    }
    // (After `or`, a cue that is also a noun is one: `members of Congress or state GOP
    // officials`.)
    let or_noun = doc.word_is(j, "or") && doc.lex(i).is(class::NOUN_FORM);
    if doc.word_among(j, &["and", "but", "or"]) && doc.is_lower(j) && !or_noun {
        // `she drew his ire - he called her "weak" and said …`: the clause after a dash
        // or a semicolon has a subject of its own.
        let opens = (floor..j).rev().take(40).find(|&k| {
            !doc.in_quote(k)
                && (doc.kind(k) == Some(crate::text::tokens::TokenKind::Dash)
                    || doc.is_punct(k, ';'))
        });
        if let Some(open) = opens
            && let Some(np) = np::starting_at(doc, open + 1, j)
                .filter(|np| matches!(np.kind, NpKind::Pronoun | NpKind::Person | NpKind::Org))
        {
            return Some(np);
        }
        if let Some(np) = subordinate_subject(doc, j, floor) {
            return Some(np);
        }
        return sentence_subject(doc, floor, j);
    }
    // `Voters who attended the caucuses said …`: the subject before its relative clause.
    if let Some(np) = relative_antecedent(doc, j, floor) {
        return Some(np);
    }
    // `Documents obtained by the newspaper show …`: the subject before its participle.
    if let Some(np) = described::reduced_passive(doc, i, j, floor) {
        return Some(np);
    }
    // `Clinton in an interview with CNN said`: the venue is no part of the subject.
    let j = venue_adjunct_before(doc, j, floor).unwrap_or(j);
    // `One in three said …`: a share, not a person called One.
    let np = np::share_ending_at(doc, j, floor)
        .or_else(|| np::ending_at(doc, j, floor))
        .filter(|np| !possessive(doc, np.end - 1))?;
    // `A person close to the family said`: the person speaks, not the family.
    if np.first >= floor + 3
        && doc.word_is(np.first - 1, "to")
        && doc.word_is(np.first - 2, "close")
        && let Some(person) = np::ending_at(doc, np.first - 3, floor)
            .or_else(|| np::generic_ending_at(doc, np.first - 3, floor))
            .filter(|p| p.end == np.first - 2)
    {
        return Some(Np {
            end: np.end,
            role: Some((np.first - 2, np.end)),
            ..person
        });
    }
    // `Majorities of Democrats in five states say`: a description after a preposition is
    // its object; the phrase it ends speaks.
    if np.kind == NpKind::Nominal
        && np.first > floor
        && doc.is_lower(np.first - 1)
        && doc.word_among(np.first - 1, &["in", "of", "from", "at", "across"])
        && let Some(wider) = np::generic_ending_at(doc, j, floor).filter(|g| g.first < np.first)
    {
        return Some(wider);
    }
    // `A spokesman for the campaign said`, `a lawyer for Mr. Cohen said`: the speaker is
    // the person the phrase describes, not the one it names.
    if let Some(described) = described::speaking_for(doc, &np, floor) {
        return Some(described);
    }
    Some(coordinated(doc, np, floor).unwrap_or(np))
}

/// Where a subject ends when a venue or time adjunct ending at `j` stands between it and
/// its verb (`Clinton in an interview with CNN on Monday said`, `the minister in a
/// statement said`), looked for over a few words; not a place (`Police in Ohio said`).
fn venue_adjunct_before(doc: &Doc, j: usize, floor: usize) -> Option<usize> {
    const REACH: usize = 10;
    const VENUES: &[&str] = &[
        "interview",
        "interviews",
        "speech",
        "conference",
        "briefing",
        "rally",
        "appearance",
        "remarks",
        "testimony",
        "op-ed",
        "call",
        "broadcast",
        "town",
        "forum",
        "event",
    ];
    let lowest = floor.max(j.saturating_sub(REACH));
    let mut found = None;
    let mut venue_seen = false;
    let mut k = j + 1;
    while k > lowest + 1 {
        k -= 1;
        let word = doc.is_word(k);
        if !(word || doc.kind(k) == Some(TokenKind::Number))
            || doc.is_lower(k) && doc.is(k, class::BE | class::RELATIVE | class::PRONOUN_SUBJECT)
            || doc.is_lower(k) && doc.is(k, class::CUE) && !doc.is(k, class::NOUN_FORM)
        {
            break;
        }
        venue_seen |= doc.is(k, class::MEDIUM | class::DOCUMENT)
            || doc.is_lower(k) && doc.word_among(k, VENUES);
        let opens = doc.is_lower(k) && doc.word_among(k, &["in", "on", "at", "during"]);
        if venue_seen
            && opens
            && doc.is_word(k - 1)
            && !doc.is(k - 1, class::PREPOSITION | class::DETERMINER)
        {
            found = Some(k - 1);
        }
    }
    found
}

/// `… after she attacked the police and blamed …`: the subject pronoun of a subordinate
/// clause that the conjunction at `and` continues (not `said that he lied and added`,
/// where `that` opens the content).
fn subordinate_subject(doc: &Doc, and: usize, floor: usize) -> Option<Np> {
    let lowest = floor.max(and.saturating_sub(20));
    let mut k = and;
    while k > lowest {
        k -= 1;
        if doc.is_punct(k, ';') || doc.is_punct(k, ':') || doc.is_quote(k) {
            return None;
        }
        let pronoun = doc.is_lower(k) && doc.is(k, class::PRONOUN_SUBJECT) && !doc.word_is(k, "it");
        if pronoun && k > floor {
            let opener = k - 1;
            let subordinate = doc.is_lower(opener) && doc.is(opener, class::SUBORDINATE);
            return subordinate.then(|| Np::word(k, NpKind::Pronoun));
        }
    }
    None
}

/// `Clinton and Sanders said`, `Her friends and allies said`: both conjuncts speak, when
/// the first opens the clause.
fn coordinated(doc: &Doc, np: Np, floor: usize) -> Option<Np> {
    let and = np.first.checked_sub(1)?;
    if !(doc.word_is(and, "and") && doc.is_lower(and)) || np.kind == NpKind::Pronoun {
        return None;
    }
    let left = np::ending_at(doc, and.checked_sub(1)?, floor)
        .or_else(|| np::generic_ending_at(doc, and.checked_sub(1)?, floor))?;
    let opens = left.first == floor || doc.is_punct(left.first - 1, ',');
    let kinds = |k: NpKind| matches!(k, NpKind::Person | NpKind::Org | NpKind::Nominal);
    (opens && kinds(left.kind) && kinds(np.kind) && !possessive(doc, left.end - 1)).then_some(Np {
        first: left.first,
        end: np.end,
        name: (left.name.0, np.name.1),
        role: None,
        kind: NpKind::Nominal,
    })
}

/// `The woman who owns the shop said`, `Several people who know him said`: when a subject
/// relative clause ends at `j` (no comma, quote or other verb of report inside it), its
/// antecedent. Not an object relative (`the plan that Trump
/// said …`), where a name follows the pronoun.
fn relative_antecedent(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    let lowest = floor.max(j.saturating_sub(14));
    // `Democrats supporting Mrs. Clinton have said`: a participle as a reduced relative.
    let participle = |k: usize| {
        let w = doc.word(k);
        doc.is_lower(k) && w.len() > 5 && w.ends_with("ing") && !doc.is(k, class::BE)
    };
    let pronoun = |k: usize| {
        doc.is_lower(k)
            && (doc.is(k, class::RELATIVE) && doc.word_is(k, "who") || doc.word_is(k, "that"))
    };
    let mut k = j;
    while k > lowest {
        k -= 1;
        if pronoun(k) || participle(k) && k < j {
            break;
        }
        let word = doc.is_word(k)
            || doc.kind(k) == Some(crate::text::tokens::TokenKind::Number)
            || np::abbreviation_dot(doc, k);
        // Another verb of report ends the search, unless it is the clause's own (`who
        // know him`).
        let own_verb = k > 0 && pronoun(k - 1);
        if !word || doc.in_quote(k) || doc.is(k, class::CUE) && doc.is_lower(k) && !own_verb {
            return None;
        }
    }
    let reduced = participle(k) && k < j;
    if k <= lowest || !pronoun(k) && !reduced {
        return None;
    }
    // A subject relative: the pronoun is followed by its verb.
    if !reduced {
        let verb = k + 1;
        let verb_ok = verb <= j
            && doc.is_lower(verb)
            && !doc.is(
                verb,
                class::DETERMINER | class::PRONOUN_SUBJECT | class::PRONOUN_OBJECT,
            )
            && (!np::is_function_word(doc, verb)
                || doc.is(verb, class::BE | class::BETWEEN | class::CUE));
        if !verb_ok {
            return None;
        }
    }
    let before = k - 1;
    let np = np::share_ending_at(doc, before, floor)
        .or_else(|| np::ending_at(doc, before, floor))
        .or_else(|| np::generic_ending_at(doc, before, floor))?;
    // A participle's antecedent must be people by its noun (`Keeps saying …` is no
    // subject before a participle).
    let speaker_noun = (np.name.0..np.name.1).any(|h| np::is_speaker_noun(doc, h));
    let person_like = match np.kind {
        NpKind::Person | NpKind::Org => !reduced || speaker_noun,
        NpKind::Nominal => speaker_noun,
        _ => false,
    } && !(reduced && doc.lex(k).cue_has(super::lexicon::cue::SPEECH));
    // It opens the clause: the sentence, or after `and`/`but`.
    let opens = np.first == floor
        || doc.is_lower(np.first - 1) && doc.word_among(np.first - 1, &["and", "but", "while"]);
    // As after a comma, a relative clause describes but is no role.
    (person_like && opens && !possessive(doc, np.end - 1)).then_some(np)
}

/// `NAME, ROLE, said` — the comma at `j` closes an appositive or relative clause. The
/// subject is the noun phrase opening the clause (`Johnnie Wilson, of Springfield, Va.,
/// said`, `A lawyer for the outlets, David Schulz, said`).
pub(crate) fn appositive_subject(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
    if let Some(np) = named_appositive(doc, j, floor) {
        return Some(np);
    }
    let first_comma = (floor..j).find(|&k| doc.is_punct(k, ','))?;
    if j - floor > 45 {
        return None;
    }
    // `Even the biggest hawks, …, say`: a focus adverb opening the sentence is no part of
    // the subject.
    if first_comma > floor + 2
        && doc.is_cap(floor)
        && doc.word_among(floor, &["even", "only", "also", "still"])
        && doc.is(floor + 1, class::DETERMINER)
    {
        return appositive_subject(doc, j, floor + 1);
    }
    // `In a statement, one of the attorneys, Justin Bamberg, said`: a prepositional
    // phrase opening the sentence is no subject; the subject follows its comma.
    if doc.is(floor, class::PREPOSITION) && doc.is_cap(floor) {
        let rest = first_comma + 1;
        return appositive_subject(doc, j, rest).or_else(|| described_name(doc, rest, j));
    }
    let np = np::starting_at(doc, floor, first_comma)
        .filter(|np| np.end == first_comma)
        .or_else(|| {
            np::ending_at(doc, first_comma.checked_sub(1)?, floor).filter(|np| np.first == floor)
        })
        .or_else(|| np::generic_ending_at(doc, first_comma.checked_sub(1)?, floor))
        .filter(|np| {
            // `Mr. Trump's former campaign manager, Corey Lewandowski, said`: a title and
            // its dot may open the description.
            let titled = doc.is(floor, class::TITLE) && doc.is_punct(floor + 1, '.');
            np.first == floor || doc.is(floor, class::NOT_NAME) || titled && np.first == floor + 2
        });
    // `One delegate not on the slate, Kelly Schmidt, told …`: a description no noun
    // phrase parse covers, then the name.
    let Some(np) = np else {
        return described_name(doc, floor, j);
    };
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
    // An age alone (`Ms Moss, 48, said`) is not a role.
    let age_only =
        (first_comma + 1..j).all(|k| doc.kind(k) != Some(crate::text::tokens::TokenKind::Word));
    // `The agency, which tracks prices, noted …`: a relative clause describes, but is no
    // role.
    let relative = doc.is(first_comma + 1, class::RELATIVE) && doc.is_lower(first_comma + 1);
    // `The campaign, for example, said`, `…, in a statement, said`: an aside, not a role
    // (`of Springfield`, `from Ohio` are affiliations).
    let a = first_comma + 1;
    // Nor are examples of a group (`The hawks, such as Reed, say`).
    let examples = doc.is_lower(a)
        && (doc.word_among(a, &["including", "like", "especially", "notably"])
            || doc.word_is(a, "such") && doc.word_is(a + 1, "as"));
    let aside = doc.is_lower(a)
        && (doc.is(a, class::PREPOSITION) && !doc.word_among(a, &["of", "from"])
            || doc.is(a, class::BETWEEN | class::CLAUSE_CONJ) && j - a <= 2)
        || examples;
    let role = (!age_only && !relative && !aside).then_some((first_comma + 1, j));
    Some(Np { role, ..np })
}

/// `one of the family's attorneys, Justin Bamberg`: a description, a comma, and a
/// person's name ending at `j`; the name is the speaker, the description the role.
fn described_name(doc: &Doc, first: usize, j: usize) -> Option<Np> {
    let comma = (first..j).rev().find(|&k| doc.is_punct(k, ','))?;
    let name = np::starting_at(doc, comma + 1, j)
        .filter(|np| np.end == j && np.kind == NpKind::Person && np.is_named() && comma > first)?;
    Some(Np {
        role: Some((first, comma)),
        ..name
    })
}

pub(crate) fn named_appositive(doc: &Doc, j: usize, floor: usize) -> Option<Np> {
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
        // `On CNN Tuesday, his wife, Jane, called …`: a name in an opening prepositional
        // phrase is not the subject.
        let governed = np.first > floor && doc.is(np.first - 1, class::PREPOSITION);
        if !np.is_named() || governed {
            continue;
        }
        if !doc.is(k + 1, class::RELATIVE) {
            np.role = Some((k + 1, j));
        }
        return Some(np);
    }
    None
}

/// A noun phrase about a document or data (`the poll`, `Video of the incident`).
pub(crate) fn is_document(doc: &Doc, np: &Np) -> bool {
    (np.first..np.end).any(|k| doc.is(k, class::DOCUMENT) && !doc.is(k, class::ROLE_NOUN))
}

/// People whose findings are evidence (`researchers found …`, `the jury found the
/// company liable`, `an arbitration panel found …`): the head of `np` names them.
pub(crate) fn finds_as_evidence(doc: &Doc, np: &Np) -> bool {
    let head = np.name.1.saturating_sub(1);
    doc.word_among(
        head,
        &[
            "researchers",
            "scientists",
            "investigators",
            "auditors",
            "inspectors",
            "jury",
            "panel",
            "court",
            "judge",
            "judges",
            "inspector",
            "regulators",
        ],
    )
}

/// After the content, everything between its last comma and the cue (at `j`, adverbs
/// skipped) is the subject, however the lexicon parses it: `…, a source close to him
/// said`, `…, people close to Clinton say`, `…, teachers and union officials told X`.
pub(crate) fn tail_subject(doc: &Doc, first: usize, j: usize) -> Option<Np> {
    let comma = (first..=j).rev().take(12).find(|&k| doc.is_punct(k, ','))?;
    let (a, b) = (comma + 1, j + 1);
    if comma <= first || a >= b {
        return None;
    }
    let plain = (a..b).all(|k| {
        let lower = doc.is_lower(k);
        (doc.is_word(k) || doc.kind(k) == Some(crate::text::tokens::TokenKind::Number))
            && !doc.in_quote(k)
            && !(lower
                && (doc.is(
                    k,
                    class::CUE
                        | class::BE
                        | class::RELATIVE
                        | class::CLAUSE_CONJ
                        | class::PRONOUN_SUBJECT,
                ) || doc.word_is(k, "that")))
    });
    // It opens like a noun phrase: a determiner, a quantifier, a name or a plural noun.
    let w = doc.word(a);
    let opens = doc.is(a, class::DETERMINER)
        || doc.is_cap(a)
        || doc.word_among(a, np::QUANTIFIERS)
        || np::is_speaker_noun(doc, a)
        || doc.is_lower(a) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    if !plain || !opens {
        return None;
    }
    let det = doc.is_lower(a) && doc.is(a, class::DETERMINER);
    let body = if det { a + 1 } else { a };
    // The head ends before what describes it: `close to him`, `familiar with the talks`.
    let head_end = (body + 1..b)
        .find(|&k| {
            doc.is_lower(k)
                && (doc.is(k, class::PREPOSITION)
                    || doc.word_among(k, &["close", "familiar", "briefed", "involved"]))
        })
        .unwrap_or(b);
    if body >= head_end {
        return None;
    }
    Some(Np {
        first: a,
        end: b,
        name: (body, head_end),
        role: (head_end < b).then_some((head_end, b)),
        kind: NpKind::Nominal,
    })
}

/// A plural noun phrase: a plural word (`officials`, `people`, `those`) or a number
/// (`nearly nine out of 10`).
pub(crate) fn plural(doc: &Doc, np: &Np) -> bool {
    let share = np.end > np.first
        && np::share_ending_at(doc, np.end - 1, np.first).is_some_and(|s| s.first == np.first);
    share
        || (np.first..np.end).any(|k| {
            let w = doc.word(k);
            doc.kind(k) == Some(TokenKind::Number)
                || doc.is(k, class::PLURAL)
                || doc.is_word(k) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                || doc.word_among(
                    k,
                    &[
                        "people", "those", "these", "some", "many", "most", "all", "both", "few",
                        "police",
                    ],
                )
        })
}

/// A subject pronoun with `be` contracted onto it: `he's`, `they’re`, `I'm`.
pub(crate) fn contracted_be(doc: &Doc, k: usize) -> bool {
    let w = doc.word(k);
    doc.is(k, class::PRONOUN_SUBJECT)
        && ["'s", "’s", "'re", "’re", "'m", "’m"]
            .iter()
            .any(|c| w.ends_with(c))
}
