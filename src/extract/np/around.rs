//! Noun phrases around a cue that the lexicon does not know: generic subjects and
//! sources (`Supporters of the bill`, `the latest tally of the state's records`),
//! addressees (`told reporters`) and appositives (`Zhang Run, director-general of …`).

use super::*;

/// A subject the lexicon does not know, as a last resort before a core speech verb:
/// the words back to the previous punctuation, clause word or sentence start (at most 10),
/// e.g. `Experts on North Korea and nuclear nonproliferation`.
pub(crate) fn generic_ending_at(doc: &Doc, last: usize, floor: usize) -> Option<Np> {
    if let Some(share) = super::share_ending_at(doc, last, floor) {
        return Some(share);
    }
    if last > floor && doc.is_punct(last, ')') {
        // `panel Chairman Rep. Jason Chaffetz (R-Utah)`
        let open = (last.saturating_sub(8).max(floor)..last)
            .rev()
            .find(|&k| doc.is_punct(k, '('))?;
        let np = generic_ending_at(doc, open.checked_sub(1)?, floor)?;
        return Some(Np {
            end: last + 1,
            ..np
        });
    }
    let numeric = doc.kind(last) == Some(TokenKind::Number);
    if !(doc.is_word(last) || numeric) || is_function_word(doc, last) && !doc.is_cap(last) {
        return None;
    }
    let content = |k: usize| {
        (doc.is_word(k) || doc.kind(k) == Some(TokenKind::Number))
            && !(doc.is_lower(k) && is_function_word(doc, k))
    };
    // (Not a verb: `The council voted for the resolution` is no `lawyer for the family`.)
    let noun_head = |k: usize| content(k) && !doc.is_past_tense(k);
    let mut first = last;
    // The head of the phrase: the last word before a prepositional phrase that follows it
    // (`Supporters` in `Supporters of Republican Donald Trump`).
    let mut head = last;
    while first > floor && last - first < 12 {
        let p = first - 1;
        if doc.is_lower(p) && doc.is(p, class::DETERMINER) && !doc.word_is(p, "that") {
            // A determiner opens the phrase, unless a preposition attaches the phrase to a
            // head before it (`members of the committee`).
            first = p;
            if p > floor + 1 && attaches(doc, p - 1) && noun_head(p - 2) {
                first = p - 1;
                head = p - 2;
                continue;
            }
            break;
        }
        if doc.is_lower(p) && attaches(doc, p) && p > floor && noun_head(p - 1) {
            first = p;
            head = p - 1;
            continue;
        }
        let stop = !doc.is_word(p) && doc.kind(p) != Some(TokenKind::Number)
            || doc.lex(p).is(class::CUE
                | class::RELATIVE
                | class::CLAUSE_CONJ
                | class::BETWEEN
                | class::BE
                | class::PREPOSITION)
                && doc.is_lower(p)
            || doc.lex(p).is(class::PRONOUN_SUBJECT) && doc.is_lower(p)
            || doc.word_is(p, "that")
            // `may not let editorials tell them …`: a verb that lets its object act.
            || doc.is_lower(p)
                && doc.word_among(p, &["let", "lets", "make", "makes", "made", "help", "helps", "helped", "watch", "watched"])
            || doc.is_lower(p) && crate::extract::clause::starts_subordinate_word(doc, p)
            || (doc.word_is(p, "and") || doc.word_is(p, "or"))
                && (doc.is(first, class::DETERMINER | class::PRONOUN_SUBJECT) || doc.is_cap(first));
        if stop {
            break;
        }
        first = p;
    }
    // A single word must name people: a speaker noun or a plural (`respondents`).
    let plural = doc.word(head).len() > 3
        && doc.word(head).ends_with('s')
        && !doc.is(head, class::DETERMINER | class::BE | class::BETWEEN);
    if first == head && doc.is_lower(head) && !is_speaker_noun(doc, head) && !plural {
        return None;
    }
    let mut np = classify(doc, first, head, doc.is_cap(head))?;
    if head < last {
        // The prepositional phrase describes the head: `of Maryland`, `at the institute`.
        np.role = Some(np.role.map_or((head + 1, last + 1), |(a, _)| (a, last + 1)));
        np.end = last + 1;
    }
    Some(np)
}

/// A preposition that attaches a phrase to the noun before it (`lawyer for the family`,
/// `officials in Washington`, `professor at Yale`).
fn attaches(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && matches!(
            doc.word(i),
            "of" | "for" | "at" | "from" | "with" | "in" | "on"
        )
}

/// Any noun phrase after `according to`: the words up to the next punctuation (at most 15),
/// e.g. `the latest tally of the state's records`.
pub(crate) fn generic_starting_at(doc: &Doc, first: usize, ceil: usize) -> Option<Np> {
    let mut end = first;
    while end < ceil && end - first < 15 {
        // `University of Texas/Texas Tribune`: a slash between two names joins them.
        let slash = end > first && doc.is_punct(end, '/') && doc.is_word(end + 1);
        let ok = doc.is_word(end)
            || doc.kind(end) == Some(TokenKind::Number)
            || abbreviation_dot(doc, end)
            || doc.is_punct(end, '\'')
            || slash;
        if !ok {
            break;
        }
        end += 1;
    }
    if end == first || !doc.is_word(end - 1) {
        return None;
    }
    // `a poll out Thursday`, `a survey released Monday`: when it came out is no part of the
    // name, but of the phrase.
    let mut last = end - 1;
    if last > first && doc.is(last, class::TIME) {
        while last > first && doc.is(last, class::TIME) {
            last -= 1;
        }
        let w = doc.word(last);
        if last > first && doc.is_lower(last) && (w == "out" || w.len() > 4 && w.ends_with("ed")) {
            last -= 1;
        }
    }
    let np = Np {
        end,
        ..classify(doc, first, last, doc.is_cap(last))?
    };
    // `Alliance to Reclaim Our Schools (AROS)`
    if doc.is_punct(end, '(')
        && let Some(close) = (end + 1..(end + 8).min(ceil)).find(|&k| doc.is_punct(k, ')'))
    {
        return Some(Np {
            end: close + 1,
            ..np
        });
    }
    Some(np)
}

/// The end of an addressee after `told`/`warned`/`asked` (`him`, `reporters`, `Prensa
/// Latina`, `the crowd`, `his top advisers`), or `None` when no addressee starts at `i`.
pub(crate) fn addressee_end(doc: &Doc, i: usize, ceil: usize) -> Option<usize> {
    if i >= ceil || doc.word_is(i, "that") || doc.word_is(i, "to") || opens_question(doc, i) {
        return None;
    }
    let possessive_det =
        doc.is(i, class::DETERMINER) && doc.is_lower(i + 1) && !is_function_word(doc, i + 1);
    if doc.is(i, class::PRONOUN_OBJECT) && doc.is_lower(i) && !possessive_det {
        return Some(i + 1);
    }
    // `told some of the miners`, `told one of his aides`: a part of an addressee.
    if doc.is_lower(i)
        && doc.word_among(
            i,
            &[
                "some", "many", "one", "several", "all", "most", "each", "two",
            ],
        )
        && doc.word_is(i + 1, "of")
        && doc.is_lower(i + 2)
        && doc.is(i + 2, class::DETERMINER | class::PRONOUN_OBJECT)
    {
        return addressee_end(doc, i + 2, ceil);
    }
    // (Not `the directors whether HP …`: a question inside is no part of an addressee.)
    if let Some(np) = starting_at(doc, i, ceil)
        .filter(|np| !(np.first..np.end).any(|k| opens_question(doc, k) || doc.word_is(k, "that")))
        && np.kind != NpKind::Pronoun
    {
        // `the RT America audience`, `Fox 35`: nouns and numbers after the name belong to
        // the addressee.
        let mut end = np.end;
        while end < ceil && end - np.end < 3 && doc.kind(end) == Some(TokenKind::Number) {
            end += 1;
        }
        while end < ceil
            && end - np.end < 3
            && doc.is_lower(end)
            && !is_function_word(doc, end)
            && !doc.is(end, class::TIME | class::DETERMINER)
            && !doc.word_is(end, "that")
            && !opens_question(doc, end)
        {
            end += 1;
        }
        return Some(end);
    }
    if doc.is_lower(i) && doc.is(i, class::DETERMINER) {
        // `the crowd`, `his top advisers`: a determiner and a few content words.
        let mut j = i + 1;
        // (`the 2016 Democratic contender`: a number among the words.)
        while j < ceil
            && j - i <= 4
            && (doc.is_word(j) || j == i + 1 && doc.kind(j) == Some(TokenKind::Number))
            && !is_function_word(doc, j)
            && !doc.is(j, class::TIME)
            && !opens_question(doc, j)
        {
            j += 1;
        }
        return (j > i + 1).then_some(j);
    }
    if doc.is_lower(i)
        && !is_function_word(doc, i)
        && doc.word(i).ends_with('s')
        && !doc.is(i, class::TIME)
        // `warned prices would rise`: a plural before its verb is the content's subject.
        && !crate::extract::clause::is_auxiliary(doc, i + 1)
    {
        // `reporters`, `supporters`
        return Some(i + 1);
    }
    // `told 2,267 people gathered at Purdue`: a crowd counted.
    if doc.kind(i) == Some(TokenKind::Number)
        && (doc.word_among(
            i + 1,
            &["people", "supporters", "students", "voters", "delegates"],
        ) || doc.is_lower(i + 1)
            && doc.word(i + 1).ends_with('s')
            && !doc.is(i + 1, class::TIME))
    {
        // `… people gathered at Purdue`: the participle belongs to the crowd.
        let participle = doc.is_lower(i + 2)
            && doc.word(i + 2).ends_with("ed")
            && doc.is(i + 3, class::PREPOSITION);
        return Some(if participle { i + 3 } else { i + 2 });
    }
    None
}

/// A word that opens an indirect question or its topic (`what`, `if`, `whether`, `about`):
/// never part of an addressee (`asked Trump if he would …`).
pub(crate) fn opens_question(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i)
        && matches!(
            doc.word(i),
            "what"
                | "whether"
                | "if"
                | "how"
                | "why"
                | "when"
                | "where"
                | "who"
                | "which"
                | "about"
        )
}

/// An appositive after a name: `, director-general of the Department …` up to the next
/// comma or the sentence end. Returns its token range (without commas).
pub(crate) fn appositive_after(doc: &Doc, np_end: usize, ceil: usize) -> Option<(usize, usize)> {
    if !doc.is_punct(np_end, ',') {
        return None;
    }
    let mut start = np_end + 1;
    // An age (`Ms Moss, 48, said`) is not a role: the role may follow it.
    if doc.kind(start) == Some(TokenKind::Number) && doc.is_punct(start + 1, ',') {
        start += 2;
    }
    if !starts_role(doc, start) {
        return None;
    }
    let mut i = start;
    while i < ceil && i - start < 30 {
        match doc.kind(i) {
            Some(TokenKind::Word | TokenKind::Number) => {}
            Some(TokenKind::Punct) if doc.is_punct(i, '-') || doc.is_punct(i, '&') => {}
            // `under Presidents Reagan and George W. Bush`, `of the U.S. Senate`
            Some(TokenKind::Punct) if initial_dot(doc, i) => {}
            Some(TokenKind::Dash) => {}
            Some(TokenKind::SingleQuote) => {}
            _ => break,
        }
        if doc.is(i, class::RELATIVE) && doc.is_lower(i) {
            break;
        }
        // `Ada Park, the bridge will open …`: a clause, not an appositive.
        let l = doc.lex(i);
        let finite = l.is(class::BE)
            || l.is(class::BETWEEN) && !doc.word(i).ends_with("ly")
            || l.is(class::CUE) && l.form != crate::extract::lexicon::Form::Gerund;
        if finite && doc.is_lower(i) && !l.is(class::TIME | class::ROLE_MODIFIER) {
            return None;
        }
        i += 1;
    }
    (i > start).then_some((start, i))
}

/// The dot of an abbreviation or an initial (`W.` in `George W. Bush`) before a
/// capitalised word: not the end of a sentence.
fn initial_dot(doc: &Doc, i: usize) -> bool {
    super::abbreviation_dot(doc, i)
        || i > 0
            && doc.is_punct(i, '.')
            && doc.tok(i).is_some_and(|t| !t.space_before)
            && doc.word(i - 1).len() == 1
            && doc.is_cap(i - 1)
            && doc.is_cap(i + 1)
}

/// Does a role description start at `i` (`director-general`, `the head of`, `a former`)?
pub(crate) fn starts_role(doc: &Doc, i: usize) -> bool {
    let l = doc.lex(i);
    if doc.is_lower(i) {
        return l.is(class::DETERMINER | class::ROLE_MODIFIER | class::TITLE | class::ROLE_NOUN)
            || doc.word(i).contains('-')
            || is_adjective(doc.word(i));
    }
    doc.is_cap(i) && l.is(class::TITLE | class::ROLE_MODIFIER)
}
