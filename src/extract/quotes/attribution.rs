//! Who a quote is attributed to: the attribution after it (`"…," said X`, `"…," X said`)
//! or before it (`X said: "…"`, a name before a colon).

use super::*;

pub(crate) struct Attribution {
    pub source: Np,
    pub cue: (usize, usize),
    /// One past the attribution's last token.
    pub end: usize,
}

/// `"…," said X` · `"…," X said` · `"…," X, a writer, said on Twitter`.
pub(super) fn attribution_after(doc: &Doc, r: &Region) -> Option<Attribution> {
    if quoted_title(doc, r) {
        return None;
    }
    speech_after(doc, r).or_else(|| loose_attribution(doc, r))
}

/// `on Fox News Channel's "Hannity,"`, `in an interview with "Fox and Friends,"`, `the
/// founder of "Indian Americans for Hillary."`: a short title-case name in quotation marks
/// after a preposition, an article or a possessive names a show or a group; nobody says it.
fn quoted_title(doc: &Doc, r: &Region) -> bool {
    let Some(p) = r.open.checked_sub(1) else {
        return false;
    };
    let after_name_slot = doc.is_lower(p) && doc.is(p, class::PREPOSITION | class::DETERMINER)
        || crate::extract::subject::possessive(doc, p);
    // (Cheap tests first: this runs on every quote, and a title is short.)
    if !after_name_slot || r.end - r.first > 12 {
        return false;
    }
    let words = (r.first..r.end).filter(|&k| doc.is_word(k)).count();
    (1..=8).contains(&words)
        && doc.is_cap(r.first)
        && (r.first..r.end).all(|k| {
            doc.is_cap(k)
                || doc.is(k, class::CONNECTOR)
                || doc.kind(k) == Some(TokenKind::Number)
                || doc.is_punct(k, ',') && k + 1 == r.end
                || doc.is_punct(k, '.') && k + 1 == r.end
        })
}

/// [`attribution_after`] with a speech verb.
fn speech_after(doc: &Doc, r: &Region) -> Option<Attribution> {
    let close = r.close?;
    let mut i = close + 1;
    if doc.is_punct(i, ',') {
        i += 1;
    }
    if doc.is_break(i) || i >= doc.len() {
        return None;
    }
    let ceil = sentence_end(doc, i);
    // A quote inside a clause that a cue before it governs is part of a reported claim.
    let lead = doc.sentence(r.open).map_or(r.open, |s| s.first);
    // (Not a participle in an appositive: `The program, known as the RFS, "…," she wrote.`)
    if (lead..r.open).any(|k| {
        is_quote_cue(doc, k) && !doc.lex(k).is(class::NOUN_FORM) && !appositive_participle(doc, k)
    }) {
        return None;
    }
    // `said X`
    if is_quote_cue(doc, i) && !doc.lex(i).is(class::NOUN_FORM) {
        // `said Stephen Vladeck`, and descriptions the lexicon does not know (`said the
        // 46-year-old`, `said another Twitter user`).
        let np = np::starting_at(doc, i + 1, ceil)
            .filter(|np| ends_attribution(doc, np.end, ceil) || doc.is_punct(np.end, ','))
            .or_else(|| {
                // A description, not a clause: `said the company could compete` after a
                // quote the subject cites is no attribution.
                np::generic_starting_at(doc, i + 1, ceil).filter(|g| {
                    !(g.first..g.end).any(|k| crate::extract::clause::is_auxiliary(doc, k))
                })
            })?;
        if np.kind == NpKind::Place || doc.word_is(np.first, "that") {
            return None;
        }
        let np = with_appositive(doc, np);
        let after = np.role.map_or(np.end, |(_, e)| e.max(np.end));
        if !ends_attribution(doc, after, ceil) {
            return None;
        }
        return Some(Attribution {
            source: np,
            cue: (i, i + 1),
            end: np.end,
        });
    }
    // `X said`, `X, a writer for The Atlantic, said`, or any short subject before `said`.
    // Not `…," but said …`: after a conjunction the cue starts a clause of its own.
    if doc.is_lower(i) && matches!(doc.word(i), "and" | "but" | "or" | "yet" | "then") {
        return None;
    }
    let mut j = i;
    // Cues inside a relative clause set off by commas (`Cruz, who has proposed repealing
    // it, said`) are the clause's own.
    let mut relative = false;
    // (`one of the states suing …`: after an article a cue that is also a noun is the noun.)
    let noun = |j: usize| noun_in_phrase(doc, j);
    while j < ceil && j - i < 25 && (relative || quote_cue_end(doc, j).is_none() || noun(j)) {
        if doc.is_punct(j, ',') {
            relative = doc.is_lower(j + 1) && doc.is(j + 1, class::RELATIVE);
        }
        // A short quoted name inside the subject (`wearing "Ted Cruz" pins`) is passed
        // over; any other quote starts something else.
        if doc.is_quote(j)
            && j > i
            && let Some(close) = (j + 1..(j + 6).min(ceil)).find(|&m| doc.is_quote(m))
            && (j + 1..close).all(|m| doc.is_word(m))
        {
            j = close + 1;
            continue;
        }
        if doc.is_break(j) || doc.is_quote(j) || doc.is_punct(j, ';') {
            return None;
        }
        j += 1;
    }
    let cue_end = quote_cue_end(doc, j)?;
    let mut after_cue = cue_end;
    // `"…," Figueroa told USA Today.`: the addressee is part of the attribution.
    if doc.lex(j).cue_has(cue::ADDRESSEE)
        && let Some(a_end) = np::addressee_end(doc, after_cue, ceil)
    {
        after_cue = a_end;
    }
    if !ends_attribution(doc, after_cue, ceil) {
        return None;
    }
    let subject_end = doc.skip_between_left(j.checked_sub(1)?, i)?;
    let named = np::starting_at(doc, i, subject_end + 1)
        .filter(|np| np.end == subject_end + 1 || doc.is_punct(np.end, ','))
        .map(|np| with_appositive(doc, np));
    // A cue that is also a noun (`a New York Times report`) needs a clear subject.
    let noun_form = doc.lex(j).is(class::NOUN_FORM);
    let np = match named {
        Some(np) => np,
        // `A cashier who "steals $20s" is held accountable, Warren said.`: words of the
        // sentence between the quote and the subject put the quote inside the claim.
        None if (i..subject_end).any(|k| doc.is_word(k) && !doc.is_between(k))
            && np::generic_ending_at(doc, subject_end, i).is_some_and(|g| {
                g.first > i && doc.is_punct(g.first - 1, ',') && g.first - 1 > i
            }) =>
        {
            return None;
        }
        // `"…," the chief of staff, Joe Kasper, said.`
        None if doc.is_punct(subject_end, ',') => {
            crate::extract::subject::appositive_subject(doc, subject_end, i)
                .or_else(|| last_named(doc, i, subject_end))?
        }
        None if !noun_form => np::generic_ending_at(doc, subject_end, i)?,
        None => return None,
    };
    if np.first < doc.len() && doc.is(np.first, class::PREPOSITION) && doc.is_lower(np.first) {
        return None;
    }
    if np.kind == NpKind::Place {
        return None;
    }
    Some(Attribution {
        source: np,
        cue: (j, cue_end),
        end: cue_end,
    })
}

/// `"Compare him to Hillary," Gorka urged.`, `"…," the nominee riffed on the answer`: a
/// quote that ends in its own comma (or `?`, `!`), then a short subject and a verb the
/// lexicon does not hold as a speech verb (a cue of any kind, or a past tense), then the
/// end of the attribution. The quote is the verb's words.
fn loose_attribution(doc: &Doc, r: &Region) -> Option<Attribution> {
    let close = r.close?;
    let i = if doc.is_punct(close + 1, ',') {
        close + 2
    } else {
        close + 1
    };
    if doc.is_break(i) || i >= doc.len() {
        return None;
    }
    let ceil = sentence_end(doc, i);
    // Not a quote that a cue before it governs (`He called it "a disaster," Smith added`).
    let lead = doc.sentence(r.open).map_or(r.open, |s| s.first);
    if (lead..r.open).any(|k| doc.is(k, class::CUE) && doc.is_lower(k)) {
        return None;
    }
    let own_end = close > r.first
        && (doc.is_punct(close - 1, ',')
            || doc.is_punct(close - 1, '?')
            || doc.is_punct(close - 1, '!'));
    if !own_end {
        return None;
    }
    let verb = (i + 1..ceil.min(i + 7)).find(|&k| {
        let w = doc.word(k);
        doc.is_lower(k)
            && !doc.in_quote(k)
            && (doc.is(k, class::CUE) && doc.lex(k).form != Form::Gerund
                || w.len() > 3 && w.ends_with("ed") && !doc.is(k, class::BE))
    })?;
    let np = np::starting_at(doc, i, verb).filter(|np| {
        np.end == verb
            && matches!(
                np.kind,
                NpKind::Person | NpKind::Pronoun | NpKind::Org | NpKind::Nominal
            )
    })?;
    // Through a preposition's object (`riffed on Hassan's answer`) to the attribution's end.
    let mut after = verb + 1;
    if doc.is_lower(after) && doc.is(after, class::PREPOSITION) && !doc.word_is(after, "that") {
        after = crate::extract::clause::first_comma(doc, after + 1, ceil);
    }
    if !ends_attribution(doc, after, ceil) && !doc.is_punct(after, ',') {
        return None;
    }
    Some(Attribution {
        source: np,
        cue: (verb, verb + 1),
        end: verb + 1,
    })
}

/// `"…," Rep. Hunter’s chief of staff, Joe Kasper, said`: between a quote and its cue
/// everything is the subject, so the name between the last two commas names the speaker
/// when the description before it is too long to parse.
fn last_named(doc: &Doc, first: usize, comma: usize) -> Option<Np> {
    let open = (first..comma).rev().find(|&k| doc.is_punct(k, ','))?;
    let name = np::starting_at(doc, open + 1, comma)
        .filter(|np| np.end == comma && np.kind == NpKind::Person)?;
    Some(Np {
        role: Some((first, open)),
        ..name
    })
}

/// After an attribution: the sentence ends, or a comma, an adjunct (`on Friday`, `in a
/// statement`) or a participle (`, adding …`) follows — not the cue's own content.
pub(super) fn ends_attribution(doc: &Doc, i: usize, ceil: usize) -> bool {
    let mut k = i;
    // `on Friday`, `the day after`, `30 minutes into the debate`: time, however written.
    // (`several months after her release`, `two days later`, `a few weeks ago`.)
    let quantity = |k: usize| {
        doc.kind(k) == Some(TokenKind::Number)
            || doc.is_lower(k)
                && doc.word_among(
                    k,
                    &[
                        "the", "a", "few", "several", "many", "two", "three", "four", "five",
                        "six", "seven", "eight", "nine", "ten",
                    ],
                )
    };
    let time_led = |k: usize| {
        quantity(k)
            && (doc.is(k + 1, class::TIME)
                || doc.word_is(k + 1, "few") && doc.is(k + 2, class::TIME))
    };
    while k < ceil && (doc.is(k, class::TIME) || doc.is_between(k) || time_led(k)) {
        k += 1;
    }
    if k >= ceil || doc.is_break(k) {
        return true;
    }
    if doc.is_word(k) && doc.is_lower(k) && doc.is(k, class::PREPOSITION) {
        return !doc.word_is(k, "that");
    }
    match doc.kind(k) {
        Some(TokenKind::Punct) => !doc.is_punct(k, ':'),
        Some(TokenKind::DoubleQuote) | Some(TokenKind::Dash) => true,
        // `"Absolutely," he said when asked …`
        // `"We are leaving," she said and hung up.`: a second predicate of the speaker.
        Some(TokenKind::Word) => {
            doc.is(k, class::CLAUSE_CONJ | class::RELATIVE)
                || doc.is_lower(k) && doc.word_among(k, &["as", "and", "but"])
                || doc.is_lower(k) && doc.is(k, class::SUBORDINATE)
        }
        _ => false,
    }
}

/// `X said: "…"` · `X said, "…"` · `X told reporters: "…"` · `X said "…"` · and a quote
/// opening the paragraph after `X said:`.
pub(super) fn attribution_before(doc: &Doc, r: &Region) -> Option<Attribution> {
    let mut i = r.open.checked_sub(1)?;
    if doc.is_break(i) {
        // The paragraph before must end with a colon.
        i = i.checked_sub(1)?;
        if !doc.is_punct(i, ':') {
            return None;
        }
    }
    if doc.is_punct(i, ',') || doc.is_punct(i, ':') {
        i = i.checked_sub(1)?;
    }
    let floor = doc.sentence(i).map_or(0, |s| s.first);
    let punctuated = i + 1 < r.open;
    // Between the cue and the quote: nothing, or (before a comma or colon) an addressee
    // or a short adjunct: `told reporters:`, `said on Monday,`.
    let mut cue = None;
    let mut j = i;
    while j >= floor && i - j < 8 {
        // Not a noun after its article (`answered the question on Facebook writing, "…"`).
        let noun = noun_in_phrase(doc, j);
        if is_quote_cue(doc, j) && !noun {
            cue = Some(j);
            break;
        }
        // `said of Mr. Rubio: "…"`: the dot of a title inside the adjunct.
        let dot = doc.is_punct(j, '.') && doc.tok(j).is_some_and(|t| !t.space_before);
        if !punctuated || !(doc.is_word(j) || dot) || doc.in_quote(j) || j == 0 {
            break;
        }
        j -= 1;
    }
    let colon = doc.is_punct(i + 1, ':');
    if cue.is_none()
        && colon
        && let Some(np) = np::ending_at(doc, i, floor).filter(|np| {
            // Not the object of a preposition: `quoting da Vinci in Italian: "…"`.
            let object = np.first > floor
                && doc.is_lower(np.first - 1)
                && doc.is(np.first - 1, class::PREPOSITION);
            np.is_named() && np.kind != NpKind::Place && !object
        })
    {
        // `… doesn't surprise Republican pollster Daron Shaw: "…"`, `From the report:
        // "…"`: a name (or a document) right before the colon introduces the quote.
        return Some(Attribution {
            source: np,
            cue: (i + 1, i + 2),
            end: r.open,
        });
    }
    // `In a Fox interview, Trump went even further: "…"`, `Hoff's letter makes a case: "…"`:
    // a short clause ending in a colon introduces the quote; its subject speaks.
    // (`Trump issued a statement, "…"`: a document before a comma does too.)
    let document = doc.is_punct(i + 1, ',') && doc.is(i, class::DOCUMENT) && doc.is_lower(i);
    if cue.is_none()
        && (colon || document)
        && i - floor <= 16
        && !(floor..=i).any(|k| doc.in_quote(k))
        && (floor..=i).any(|k| doc.is_lower(k) && !np::is_function_word(doc, k))
        && let Some(np) = last_clause_subject(doc, floor, i)
            .or_else(|| crate::extract::subject::sentence_subject(doc, floor, i))
            .map(|np| owned_by(doc, np, i))
        && np.end <= i
        && speaks(doc, &np)
    {
        let cue = if colon { (i + 1, i + 2) } else { (i, i + 1) };
        return Some(Attribution {
            source: np,
            cue,
            end: r.open,
        });
    }
    // `Said Dorothy Poynter, who grew up with Ali, "…"`: an inverted attribution opening
    // the sentence, its appositive up to the quote.
    if cue.is_none()
        && punctuated
        && doc.is_cap(floor)
        && doc.lex(floor).is(class::CUE)
        && doc.lex(floor).cue_has(cue::SPEECH)
        && doc.lex(floor).form == Form::Past
        && i - floor <= 40
        && let Some(np) = np::starting_at(doc, floor + 1, r.open).filter(|np| np.is_named())
        && doc.is_punct(np.end, ',')
        && !(np.end..i).any(|k| doc.is(k, class::CUE) && doc.is_lower(k) || doc.in_quote(k))
    {
        let role = !doc.is(np.end + 1, class::RELATIVE);
        return Some(Attribution {
            source: Np {
                role: role.then_some((np.end + 1, i + 1)),
                ..np
            },
            cue: (floor, floor + 1),
            end: r.open,
        });
    }
    let c = match cue {
        Some(c) => c,
        None => {
            // `footage of Trump saying during the debate, "…"`
            let g = (floor..=i).rev().take(6).find(|&k| {
                doc.lex(k).is(class::CUE) && doc.lex(k).form == Form::Gerund && doc.is_lower(k)
            })?;
            if !punctuated || (g + 1..r.open).any(|k| doc.word_is(k, "that")) {
                return None;
            }
            // `he began by saying, "…"`, `responded on Facebook writing, "…"`, `upon
            // saying, "…"`: the speaking participle's subject is the clause's.
            let np = np::ending_at(doc, g.checked_sub(1)?, floor)
                .filter(|np| np.is_named())
                .or_else(|| {
                    doc.lex(g)
                        .cue_has(cue::SPEECH)
                        .then(|| crate::extract::subject::clause_subject(doc, floor, g))
                        .flatten()
                        .filter(|np| np.kind != NpKind::Place)
                })?;
            return Some(Attribution {
                source: np,
                cue: (g, g + 1),
                end: r.open,
            });
        }
    };
    if (c + 1..r.open).any(|k| doc.word_is(k, "that")) {
        // `said via email that, "…"`: a reported clause quoting, not a direct quote.
        return None;
    }
    if !punctuated && !ends_sentence_after(doc, r) && !closes_clause(doc, r) {
        // `claimed "Trump exaggerates" the level of …`: a quoted phrase inside a clause.
        return None;
    }
    let subject_end = doc.skip_between_left(c.checked_sub(1)?, floor)?;
    let np = if (doc.word_is(subject_end, "and") || doc.word_is(subject_end, "then"))
        && doc.is_lower(subject_end)
    {
        // `I laughed and said, "…"`: the subject of the sentence (after an opening phrase:
        // `In my early 20s, I laughed and said, "…"`).
        np::starting_at(doc, floor, subject_end)
            .or_else(|| crate::extract::subject::clause_subject(doc, floor, subject_end))?
    } else {
        if doc.lex(c).is(class::NOUN_FORM) && {
            let w = doc.word(subject_end);
            crate::text::tokens::possessive_stem(w).is_some()
                || doc.is(subject_end, class::DETERMINER)
        } {
            // `Mr. King's show, "…"`: a noun, not a verb.
            return None;
        }
        np::ending_at(doc, subject_end, floor)
            .or_else(|| {
                // `Nelson Diaz, a former aide, said of Mr. Rubio: "…"`, `… to say: "…"`
                if doc.is_punct(subject_end, ',') {
                    crate::extract::subject::subject_before(doc, c, floor)
                } else if doc.word_is(subject_end, "to") && punctuated {
                    // Unpunctuated, `… and to counter "…"` is a purpose, not a quote.
                    crate::extract::subject::sentence_subject(doc, floor, subject_end)
                } else {
                    None
                }
            })
            .or_else(|| {
                doc.lex(c)
                    .cue_has(cue::ANY)
                    .then(|| np::generic_ending_at(doc, subject_end, floor))
                    .flatten()
            })?
    };
    if np.kind == NpKind::Place {
        return None;
    }
    Some(Attribution {
        source: np,
        cue: (c, c + 1),
        end: r.open,
    })
}

/// `But he gave the Texan a compliment:`, `Cruz is a critic, but he gave …:`: the subject
/// of the last clause opened by a conjunction (at the sentence start or after a comma)
/// before `before`, when a name or a pronoun opens it.
fn last_clause_subject(doc: &Doc, floor: usize, before: usize) -> Option<Np> {
    let conj = (floor..before).rev().find(|&k| {
        doc.word_among(k, &["but", "and", "yet", "so"])
            && (k == floor || doc.is_punct(k - 1, ',') && doc.is_lower(k))
    })?;
    np::starting_at(doc, conj + 1, before)
        .filter(|np| matches!(np.kind, NpKind::Pronoun | NpKind::Person | NpKind::Org))
}

/// A cue that is also a noun heading a noun phrase at `j`: after an article or a
/// possessive, through a few modifiers (`the states`, `the reality TV show`, `his TBS
/// late night show`).
fn noun_in_phrase(doc: &Doc, j: usize) -> bool {
    if !doc.lex(j).is(class::NOUN_FORM) {
        return false;
    }
    let opens = |k: usize| {
        doc.is_lower(k) && doc.is(k, class::DETERMINER)
            || crate::extract::subject::possessive(doc, k)
    };
    (j.saturating_sub(4)..j)
        .rev()
        .take_while(|&k| doc.is_word(k))
        .any(|k| {
            opens(k)
                && !(k + 1..j).any(|m| {
                    crate::extract::clause::is_auxiliary(doc, m)
                        || doc.is_lower(m)
                            && doc.is(m, class::CUE | class::BE | class::PRONOUN_SUBJECT)
                })
        })
}

/// `Hoff's letter`: a possessive and the noun it owns, which is what speaks.
fn owned_by(doc: &Doc, np: Np, ceil: usize) -> Np {
    if np.end == 0 || !crate::extract::subject::possessive(doc, np.end - 1) {
        return np;
    }
    match np::starting_at(doc, np.end, ceil) {
        Some(head) if head.kind == NpKind::Nominal => Np {
            first: np.first,
            name: (np.first, head.name.1),
            ..head
        },
        _ => np,
    }
}

/// Can this noun phrase speak: a name, a personal pronoun, a person described, a document?
fn speaks(doc: &Doc, np: &Np) -> bool {
    match np.kind {
        NpKind::Person | NpKind::Org => true,
        NpKind::Pronoun => doc.word_among(np.first, &["he", "she", "they", "we", "i"]),
        NpKind::Nominal => (np.name.0..np.name.1)
            .any(|k| np::is_speaker_noun(doc, k) || doc.is(k, class::DOCUMENT)),
        _ => false,
    }
}

/// `cautioned "let's not get ahead of ourselves," before predicting …`: a comma closing
/// the quote, then a new clause, end the quoted words.
fn closes_clause(doc: &Doc, r: &Region) -> bool {
    let Some(close) = r.close else { return false };
    let n = close + 1;
    close > 0
        && doc.is_punct(close - 1, ',')
        && doc.is_lower(n)
        && (doc.is(n, class::SUBORDINATE | class::CLAUSE_CONJ)
            || doc.word_among(n, &["and", "before", "after", "then"])
            || doc.lex(n).form == Form::Gerund)
}

/// Does the sentence end right after the quote?
pub(super) fn ends_sentence_after(doc: &Doc, r: &Region) -> bool {
    let Some(close) = r.close else { return true };
    let mut k = close + 1;
    while doc.is_punct(k, '.') || doc.is_punct(k, '!') || doc.is_punct(k, '?') {
        k += 1;
    }
    k >= doc.len() || doc.is_break(k) || doc.sentence_of.get(k) != doc.sentence_of.get(close)
}

/// A verb that can attribute a quote: any reporting cue but a gerund.
/// One past a quote cue at `i`: a single word, or a phrase of speech (`shot back`,
/// `screamed back`).
fn quote_cue_end(doc: &Doc, i: usize) -> Option<usize> {
    if is_quote_cue(doc, i) {
        // `shouted back`, `wrote back`: the particle belongs to the verb.
        let back = doc.is_lower(i + 1) && doc.word_is(i + 1, "back");
        return Some(i + 1 + usize::from(back));
    }
    doc.phrase_cue(i)
        .filter(|(lex, _)| lex.cue_has(cue::SPEECH) && !doc.in_quote(i))
        .map(|(_, end)| end)
}

pub(crate) fn is_quote_cue(doc: &Doc, i: usize) -> bool {
    let lex = doc.lex(i);
    lex.is(class::CUE)
        && lex.cue_has(cue::SPEECH | cue::THAT | cue::CLAUSE_ONLY | cue::WH | cue::BELIEF)
        && lex.form != Form::Gerund
        && doc.is_lower(i)
        && !doc.in_quote(i)
}

/// Extends a name with the appositive that follows it (`Song Junying, head of …`).
pub(crate) fn with_appositive(doc: &Doc, mut np: Np) -> Np {
    if np.kind == NpKind::Person || np.kind == NpKind::Org {
        let ceil = sentence_end(doc, np.end);
        if let Some(role) = np::appositive_after(doc, np.end, ceil) {
            np.role = Some(role);
        }
    }
    np
}

/// A participle opening an appositive (`…, known as the RFS, …`, `…, described as …`): it
/// names or describes, and governs no quote after it.
pub(super) fn appositive_participle(doc: &Doc, k: usize) -> bool {
    doc.lex(k).form == crate::extract::lexicon::Form::Past
        && k > 0
        && doc.is_punct(k - 1, ',')
        && doc.word_is(k + 1, "as")
}
