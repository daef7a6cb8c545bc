//! Reported speech: `X said (that) …`, `…, X said.`, `According to X, …`, `X told Y that …`,
//! `…, adding that …`, and the like.

use super::ClaimClass;
use super::candidate::{Candidate, class_of, trim};
use super::clause::{
    first_comma, is_auxiliary, is_infinitive, is_tail, object_end, skip_adjuncts, starts_clause,
    starts_object, starts_subordinate, starts_subordinate_word,
};
use super::doc::Doc;
use super::lexicon::{Form, Lex, class, cue};
use super::np::{self, Np, NpKind};
use super::quotes::with_appositive;
use super::subject::{is_document, is_passive, plural, possessive, subject_before, tail_subject};
use crate::text::tokens::TokenKind;

use super::adjective::stance;
use super::by_class::{content_of, skip_not};
use super::content::{complement, make, make_object, seeming, short_answer};
use super::described;
use super::fronted::{according_to, as_attribution, in_data, reportedly};
use super::infinitive;
use super::inverted::{block_quote, inverted};
use super::participle;
use super::passive::passive;

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
            // A word the lexicon does not know starts no attribution (every test below
            // keys on a word it holds): most words end here.
            if doc.lex(i) == Lex::default() || doc.in_quote(i) || !doc.is_word(i) {
                i += 1;
                continue;
            }
            // `according to X`, and its Indian English twin `As per X, …` (opening the
            // sentence: inside it `as per` mostly means `in keeping with`).
            let per = i == sent.first && doc.word_is(i, "as") && doc.word_is(i + 1, "per");
            if doc.word_is(i, "according") && doc.word_is(i + 1, "to") || per {
                if let Some(mut c) = according_to(doc, i, sent.first, sent.end) {
                    if c.source.is_some_and(|np| is_document(doc, &np)) {
                        c.class = ClaimClass::Evidence;
                    }
                    out.push(c);
                }
                i += 2;
                continue;
            }
            if let Some(c) = reportedly(doc, i, sent.first, sent.end) {
                out.push(c);
                i += 1;
                continue;
            }
            if let Some(c) = in_data(doc, i, sent.first, sent.end) {
                out.push(c);
                i += 1;
                continue;
            }
            if i <= sent.first + 2
                && let Some(c) = as_attribution(doc, i, sent.end)
            {
                if let (Some((a, _)), Some(np)) = (c.cue, c.source)
                    && let Some(list) = sources.get_mut(s)
                {
                    list.push((a, np));
                }
                for slot in used.iter_mut().take(c.first).skip(i) {
                    *slot = true;
                }
                out.push(c);
            }
            // `are worried that …`, `remains confident in …`
            if let Some(c) = stance(doc, i, sent.first, sent.end) {
                out.push(c);
                i += 1;
                continue;
            }
            // A phrase (`spoke about`, `took aim at`) before the single word it starts.
            let (lex, cue_end) = doc.phrase_cue(i).unwrap_or_else(|| (doc.lex(i), i + 1));
            // A sentence may open with a participle: `Noting that …, Mao said …`, `Asked
            // about the plan, she said …`.
            let opening_participle = i == sent.first
                && (lex.form == Form::Gerund || lex.form == Form::Past && lex.cue_has(cue::WH));
            // `without offering evidence`: an act not done reports nothing; nor does the
            // writer's `Having said that, …`.
            let negated = i > 0 && doc.without_gerund(i - 1)
                || i > 0
                    && doc.word_is(i - 1, "having")
                    && doc.word_is(i + 1, "that")
                    && doc.is_punct(i + 2, ',')
                // `All told, the group raised $4 million`: in all.
                || i == sent.first + 1
                    && doc.word_is(i - 1, "all")
                    && doc.word_is(i, "told")
                    && doc.is_punct(i + 1, ',');
            if lex.is(class::CUE)
                && (doc.is_lower(i) || opening_participle)
                && !negated
                && !used.get(i).copied().unwrap_or(false)
            {
                let earlier = sources.get(s).map_or(&[][..], Vec::as_slice);
                let at = Cue {
                    i,
                    end: cue_end,
                    lex,
                };
                if let Some(mut c) = reported(doc, at, sent.first, sent.end, earlier) {
                    c.class = class_of(doc, lex, &c);
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

/// A cue in the text: its first token, one past its last (a phrase cue spans several),
/// and its lexicon entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    pub(crate) i: usize,
    pub(crate) end: usize,
    pub(crate) lex: Lex,
}

fn reported(
    doc: &Doc,
    at: Cue,
    first: usize,
    end: usize,
    earlier: &[(usize, Np)],
) -> Option<Candidate> {
    let Cue {
        i,
        end: cue_end,
        lex,
    } = at;
    let speechlike = lex.cue_has(cue::SPEECH);
    let cue_span = Some((i, cue_end));
    // `fairly detailed proposals`, `highly anticipated`: after a degree adverb a
    // participle is an adjective.
    if lex.form == Form::Past
        && i > first
        && doc.word_among(
            i - 1,
            &[
                "fairly",
                "very",
                "highly",
                "quite",
                "rather",
                "pretty",
                "extremely",
                "less",
            ],
        )
    {
        return None;
    }
    // `60 pledged delegates`, `12 elected officials`: a participle between a number and
    // its noun is an adjective.
    // (Not `43 said voters were …`: the noun there is the content's subject.)
    let noun = cue_end;
    if lex.form == Form::Past
        && i > first
        && doc.kind(i - 1) == Some(TokenKind::Number)
        && doc.is_lower(noun)
        && doc.word(noun).len() > 3
        && doc.word(noun).ends_with('s')
        && !doc.is(
            noun,
            class::DETERMINER | class::PREPOSITION | class::PRONOUN_OBJECT,
        )
        && !(is_auxiliary(doc, noun + 1)
            || doc.is_lower(noun + 1) && doc.is(noun + 1, class::CUE)
            || doc.word(noun + 1).ends_with("ed"))
    {
        return None;
    }
    // `women who seek out abortions`: a phrasal verb, not an intention.
    if lex.cue_has(cue::INTENT) && doc.is_lower(cue_end) && doc.word_is(cue_end, "out") {
        return None;
    }
    // `a band called Sophistafunk got the crowd to dance`, `a show called "Brokers,"`: a
    // participle that names the noun before it.
    if lex.form == Form::Past && described::naming(doc, i, first) {
        return None;
    }
    // `the alleged re-categorization`: after an article a participle is an adjective.
    if lex.form == Form::Past
        && i > first
        && doc.is_lower(i - 1)
        && doc.word_among(i - 1, &["the", "a", "an"])
    {
        return None;
    }
    if lex.cue_has(cue::SEEM) {
        return seeming(doc, i, first, end);
    }
    // `could feel a budget pinch`: a sensation, not a belief.
    if doc.word_among(i, &["feel", "feels", "felt", "feeling"])
        && doc.is_lower(cue_end)
        && doc.word_among(cue_end, &["a", "an"])
    {
        return None;
    }

    // `…, adding that …`, `… and saying …`, `began by saying …`, `Noting that …, Mao
    // said …`: a participle speaks for its sentence (see `participle.rs`).
    if lex.form == Form::Gerund {
        match participle::speaker(doc, i, cue_end, first, end, earlier) {
            participle::Speaker::Opening(c) => return c,
            participle::Speaker::Of(source) => return content_of(doc, at, source?, end, false),
            participle::Speaker::Progressive => {}
        }
    }

    // `was told`, the reduced passive `a measure opposed by …`, `Asked about …, she said`.
    // `When asked whether …`, `Asked about the plan, …` (the word, not the phrase `ask
    // about`).
    let word = doc.lex(i);
    let asked_opening = word.form == Form::Past
        && word.cue_has(cue::WH)
        && (!doc.is_lower(i) || i > first && doc.word_among(i - 1, &["when", "if", "once"]));
    if asked_opening && cue_end > i + 1 {
        return passive(doc, i, i + 1, word, first, end);
    }
    if is_passive(doc, i, first)
        || lex.form == Form::Past && doc.word_is(cue_end, "by")
        || asked_opening
    {
        return passive(doc, i, cue_end, lex, first, end);
    }
    let noun_form = lex.is(class::NOUN_FORM);
    // `went on to say …`, `led Priebus to declare …`: whoever controls the infinitive.
    let infinitive =
        lex.form == Form::Base && i > first && doc.word_is(i - 1, "to") && doc.is_lower(i - 1);
    let subject = if infinitive {
        Some(infinitive::controller(doc, i - 1, first)?)
    } else {
        subject_before(doc, i, first)
    };
    let subject = subject.or_else(|| {
        // A subject the lexicon does not know (`Supporters of the bill say`), or a
        // document before `shows`; a cue that is also a noun needs a subject it knows, or
        // a plural one right before it and `that` after (`environmentalists worry that`).
        let j = doc.skip_between_left(i.checked_sub(1)?, first)?;
        let np = np::generic_ending_at(doc, j, first).filter(|np| !possessive(doc, np.end - 1))?;
        // (`Supporters of the law hope this is …`: a clause opened by a pronoun and its
        // verb after the cue makes it a verb too.)
        let clause_after = doc.word_is(cue_end, "that")
            || doc.is_lower(cue_end)
                && doc.word_among(cue_end, &["he", "she", "they", "we", "i", "it", "this"])
                && (doc.is(cue_end + 1, class::BE) || is_auxiliary(doc, cue_end + 1));
        let verb_reading = clause_after && j + 1 == i && plural(doc, &np);
        if noun_form && !lex.cue_has(cue::EVIDENCE) && !verb_reading {
            return None;
        }
        let head = np.name.1.saturating_sub(1);
        // `eight years now recalled …`: time is not a speaker.
        if doc.is(head, class::TIME) {
            return None;
        }
        // A bare verb form after an unknown subject is most often a noun (`combat-level
        // stress`): a plural subject (`forecasters say`) or an auxiliary (`will tell`)
        // makes it a verb.
        if lex.form == Form::Base && !plural(doc, &np) && !is_auxiliary(doc, i - 1) {
            return None;
        }
        // `efforts widely seen as attempts to …`, `the unit known as …`: a participle
        // after a noun is passive, unless a clause follows it or it is a speech verb.
        let clause_follows = doc.word_is(cue_end, "that") || starts_clause(doc, cue_end);
        if lex.form == Form::Past
            && !is_auxiliary(doc, i - 1)
            && (lex.cue_has(cue::AS_PHRASE)
                || !lex.cue_has(cue::SPEECH | cue::ANY) && !clause_follows)
        {
            return None;
        }
        (!noun_form || verb_reading || is_document(doc, &np)).then_some(np)
    });
    // A subordinate clause opening the sentence (`Although X admitted Y, …`, `Three years
    // after Republicans vowed to …, the party …`) ends at its first comma.
    // Not a parenthetical attribution after it: `If the road is closed now, he said,
    // Congress can …` reports the whole sentence.
    let parenthetical = subject
        .is_some_and(|np| np.first > first && doc.is_punct(np.first - 1, ','))
        && doc.is_punct(skip_adjuncts(doc, cue_end, end), ',');
    let subordinate = starts_subordinate(doc, first) && !parenthetical
        || subject.is_some_and(|np| {
            (first..np.first).any(|k| doc.is_lower(k) && starts_subordinate_word(doc, k))
                && !(first..np.first).any(|k| doc.is_punct(k, ','))
        });
    let end = if subordinate {
        (i..end)
            .find(|&k| doc.is_punct(k, ',') && !doc.in_quote(k))
            .unwrap_or(end)
    } else {
        end
    };
    // `Senator from Texas says …`: a place ending a longer subject.
    // `A 2014 study by professor Justin Levitt found …`, `Polls in Ohio show …`: a name
    // inside a document's phrase; the document reports.
    let evidence = lex.cue_has(cue::EVIDENCE);
    let in_document = |np: &Np| {
        let a = np.role.map_or(np.first, |(r, _)| r.min(np.first));
        a >= first + 2
            && doc.is_lower(a - 1)
            && doc.word_among(a - 1, &["by", "in", "of", "from", "for"])
            && doc.is_lower(a - 2)
            && doc.is(a - 2, class::DOCUMENT)
    };
    let subject = match subject {
        Some(np) if evidence && in_document(&np) => {
            let a = np.role.map_or(np.first, |(r, _)| r.min(np.first));
            let end = np.role.map_or(np.end, |(_, e)| e.max(np.end));
            np::generic_ending_at(doc, a - 2, first)
                .filter(|g| is_document(doc, g))
                .map(|g| Np {
                    end,
                    role: Some((a - 1, end)),
                    ..g
                })
                .or(Some(np))
        }
        Some(np) if np.kind == NpKind::Place && (!noun_form || evidence) => doc
            .skip_between_left(i.checked_sub(1)?, first)
            .and_then(|j| np::generic_ending_at(doc, j, first))
            .filter(|g| g.first < np.first && g.kind != NpKind::Place)
            .or_else(|| described::from_place(doc, &np, first))
            .or(Some(np)),
        other => other,
    };
    // `…, are difficult to prove, said Grant Green, a former official.`: a name after the
    // cue that closes the sentence inverts the attribution, whatever precedes the comma.
    if speechlike
        && i > first
        && doc.is_punct(i - 1, ',')
        && matches!(lex.form, Form::Past | Form::Present3)
        && !doc.word_is(i, "told")
        && let Some(src) = np::starting_at(doc, cue_end, end)
            .filter(|np| matches!(np.kind, NpKind::Person | NpKind::Org))
            .map(|np| with_appositive(doc, np))
        && is_tail(doc, src.role.map_or(src.end, |(_, e)| e.max(src.end)), end)
    {
        let att_end = src.role.map_or(src.end, |(_, e)| e.max(src.end));
        return inverted(doc, i - 1, att_end, first, end, src, cue_span);
    }
    if let Some(src) = subject {
        if src.kind == NpKind::Place || compound_noun(doc, at, &src) {
            return None;
        }
        // `In a message posted Friday, Cruz said …`: a noun governed by a preposition is
        // no subject; the participle after it describes it.
        if lex.form == Form::Past
            && src.first == first + 1
            && doc.is_cap(first)
            && doc.word_among(first, &["in", "on", "at", "through", "via", "from"])
            && !is_auxiliary(doc, i - 1)
        {
            return None;
        }
        // `Do you support Donald Trump?`: a question to the reader weighs nothing (`Do you
        // think …?` to an interviewee does report a belief).
        if lex.cue_has(cue::JUDGEMENT)
            && doc.word_is(src.first, "you")
            && end > 0
            && doc.is_punct(end - 1, '?')
        {
            return None;
        }
        // `donations, which he said were accompanied by leverage`: the content is the
        // relative clause's verb phrase.
        let relative = src.first > first
            && doc.is_lower(src.first - 1)
            && (doc.is(src.first - 1, class::RELATIVE)
                || doc.word_is(src.first - 1, "that")
                || doc.word_is(src.first - 1, "what"));
        // `The residents, many of whom say the river smells, want action`: what a relative
        // clause reports ends with the clause.
        // So does an object relative: `which the campaign says includes 2.7 million
        // contributors, is …`.
        // (Not `Zimmerman, who identifies as Hispanic, told …`: a comma closes that relative
        // clause before the cue.)
        let in_relative = (src.end..i)
            .rev()
            .find(|&k| doc.is_lower(k) && doc.is(k, class::RELATIVE))
            .is_some_and(|r| !(r..i).any(|k| doc.is_punct(k, ',')));
        let end = if in_relative && doc.is_punct(src.end, ',') || relative {
            first_comma(doc, cue_end, end)
        } else {
            end
        };
        if relative && is_auxiliary(doc, cue_end) && speechlike {
            let content = trim(doc, cue_end, object_end(doc, cue_end, end));
            return make(doc, content, Vec::new(), Some(src), cue_span);
        }
        // `…, the poll found.`, `…, court records show.`: a document closing the sentence
        // reports what comes before it.
        let document = lex.cue_has(cue::EVIDENCE)
            && (is_document(doc, &src) || super::subject::finds_as_evidence(doc, &src));
        if document
            && src.first > first
            && doc.is_punct(src.first - 1, ',')
            && is_tail(doc, skip_adjuncts(doc, cue_end, end), end)
        {
            return inverted(doc, src.first - 1, cue_end, first, end, src, cue_span);
        }
        if document
            || lex.cue_has(cue::JUDGEMENT) && !lex.cue_has(cue::SPEECH | cue::THAT)
            || lex.cue_has(cue::INTENT)
                && !doc.word_is(cue_end, "that")
                && (is_infinitive(doc, skip_not(doc, cue_end))
                    || !lex.cue_has(cue::SPEECH | cue::THAT | cue::BELIEF)
                    || starts_object(doc, cue_end) && !starts_clause(doc, cue_end))
        {
            return content_of(doc, at, src, end, relative);
        }
        if lex.cue_has(cue::INTENT) && !lex.cue_has(cue::SPEECH | cue::THAT | cue::BELIEF) {
            return None;
        }
        let after_comma = src.first > first && doc.is_punct(src.first - 1, ',');
        if speechlike && let Some(short) = short_answer(doc, cue_end, end) {
            return make_object(doc, short, src, (i, cue_end));
        }
        // `In a speech last July, he said:` and the words as a paragraph of their own,
        // without quotation marks (a block quote).
        if speechlike && let Some(block) = block_quote(doc, cue_end) {
            return make(doc, block, Vec::new(), Some(src), cue_span);
        }
        let content = complement(doc, cue_end, lex, speechlike, end);
        // `Even if X, Mr. Morgan said, he has …`: an attribution set off by commas inside
        // the content.
        let parenthetical = after_comma && doc.is_punct(skip_adjuncts(doc, cue_end, end), ',');
        if let Some(mut content) = content
            && !parenthetical
        {
            // `the marchers, whom he described as "peaceful,"`, `what Zimmerman described as
            // a "piece of history"`: the relative pronoun stands for what is described, so
            // the words run from it.
            if lex.cue_has(cue::AS_PHRASE)
                && content.0 == cue_end
                && doc.word_is(cue_end, "as")
                && let Some(r) = src.first.checked_sub(1).filter(|&r| r >= first)
                && doc.is_lower(r)
                && doc.word_among(r, &["whom", "which", "what", "that"])
            {
                content.0 = r;
            }
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
        if speechlike
            && let Some(j) = doc.skip_between_left(i.checked_sub(1)?, first)
            && let Some(t) = tail_subject(doc, first, j)
        {
            return inverted(doc, t.first - 1, cue_end, first, end, t, cue_span);
        }
        return None;
    }
    // `…, said X.`
    // Not `…, told X`: after `told` comes the addressee (`Joe Kasper, told POLITICO`).
    if speechlike
        && doc.is_punct(i.checked_sub(1)?, ',')
        && matches!(lex.form, Form::Past | Form::Present3)
        && !doc.word_is(i, "told")
    {
        let src = with_appositive(doc, np::starting_at(doc, cue_end, end)?);
        if src.kind == NpKind::Place {
            return None;
        }
        let att_end = src.role.map_or(src.end, |(_, e)| e.max(src.end));
        return inverted(doc, i - 1, att_end, first, end, src, cue_span);
    }
    None
}

/// `the initial Benghazi attack`, `a GOP plan`: a cue that is also a noun, after a
/// determiner and a name, heads a noun phrase rather than reporting.
fn compound_noun(doc: &Doc, at: Cue, src: &Np) -> bool {
    // `whose support cratered`, `Clinton support in Wyoming`: a bare form after a possessive
    // relative or a single person's name is a noun (a person would `support`s).
    let bare = at.lex.form == Form::Base && at.lex.is(class::NOUN_FORM) && at.i > 0;
    if bare
        && (doc.word_is(at.i - 1, "whose")
            || src.end == at.i
                && src.kind == NpKind::Person
                && !plural(doc, src)
                && !is_auxiliary(doc, at.i - 1))
    {
        return true;
    }
    if !at.lex.is(class::NOUN_FORM) || src.end != at.i {
        return false;
    }
    if src.kind != NpKind::Org
        && doc.is_lower(src.first)
        && doc.is(src.first, class::DETERMINER)
        && doc.is_cap(src.end - 1)
    {
        return true;
    }
    // `the reality TV show`, `his TBS late night show`: a name modifying the noun inside a
    // phrase that an article or a possessive opens.
    let opens = |k: usize| doc.is_lower(k) && doc.is(k, class::DETERMINER) || possessive(doc, k);
    let modifier = |k: usize| {
        doc.is_lower(k)
            && !np::is_function_word(doc, k)
            && !doc.is(k, class::CUE | class::BE | class::PREPOSITION)
    };
    src.first
        .checked_sub(1)
        .is_some_and(|p| p > 0 && modifier(p) && opens(p - 1))
}
