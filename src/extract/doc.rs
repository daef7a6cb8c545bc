//! The analysed document: tokens, their lexicon entries, sentences and paragraphs, shared by
//! every stage of extraction.

use super::lexicon::{self, Lex, class};
use super::quotes::{self, Region};
use super::stops::Stops;
use crate::text::Span;
use crate::text::sentences::{Sentence, segment};
use crate::text::tokens::{Token, TokenKind, shape, tokenize};

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub lex: Vec<Lex>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of every token (`u32::MAX` for line breaks between sentences).
    pub sentence_of: Vec<u32>,
    /// Index of the quote region each token lies in (`u32::MAX` outside quotes).
    pub quote_of: Vec<u32>,
    /// The quoted stretches, in text order.
    pub regions: Vec<Region>,
    /// Where reported content may end, precomputed so that finding a clause's end is one
    /// lookup rather than a scan to the sentence end from every cue.
    pub stops: Stops,
    /// Number of word tokens before each token (one more entry than tokens).
    words_before: Vec<u32>,
    /// Number of double quotation marks before each token (one more entry than tokens).
    quotes_before: Vec<u32>,
    /// Number of tokens inside quotes before each token (one more entry than tokens).
    quoted_before: Vec<u32>,
}

pub(crate) const NONE: u32 = u32::MAX;

/// A word's lexicon entry; a possessive the lexicon does not hold (`Britain's`,
/// `ministry's`) keeps what its stem says of places, names, titles and roles.
fn lookup_possessive(text: &str, start: usize, end: usize) -> Lex {
    let lex = lexicon::lookup_in(text, start, end);
    if lex != Lex::default() {
        return lex;
    }
    let Some(stem) = text
        .get(start..end)
        .and_then(crate::text::tokens::possessive_stem)
    else {
        return lex;
    };
    let kept = class::PLACE
        | class::ORG_HEAD
        | class::TITLE
        | class::ROLE_NOUN
        | class::DOCUMENT
        | class::NOT_NAME
        | class::MEDIUM;
    let stem = lexicon::lookup(stem);
    Lex {
        class: stem.class & kept,
        ..Lex::default()
    }
}

/// Words ending in `-ly` that are not adverbs.
const NOT_ADVERBS: &[&str] = &[
    "family",
    "rally",
    "tally",
    "italy",
    "july",
    "reply",
    "apply",
    "supply",
    "comply",
    "multiply",
    "rely",
    "belly",
    "jelly",
    "bully",
    "holy",
    "ugly",
    "silly",
    "early",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "likely",
    "friendly",
    "elderly",
    "lonely",
    "lovely",
    "costly",
    "deadly",
    "orderly",
    "assembly",
    "anomaly",
    "monopoly",
    "butterfly",
    "homily",
    "unlikely",
    "curly",
    "burly",
    "surly",
    "wily",
    "lily",
    "emily",
    "kelly",
    "sally",
    "molly",
    "holly",
    "polly",
    "billy",
    "willy",
    "wally",
    "jolly",
    "folly",
    "dolly",
    "gully",
    "rally",
    "quarterly",
    "hourly",
    "nightly",
    "timely",
    "worldly",
    "manly",
    "motherly",
    "fatherly",
    "brotherly",
    "sisterly",
    "scholarly",
    "cowardly",
    "beastly",
    "ghastly",
    "ungodly",
    "godly",
];

/// The longest sentence the engine analyses as one: longer runs without a full stop (a
/// scraped page without punctuation, a list) are cut, so that every scan bounded by a
/// sentence is bounded by this many tokens. Real sentences are far shorter: 99.9% of the
/// attributions in the development sets are under 190 tokens.
pub(crate) const MAX_SENTENCE: usize = 400;

/// Days of the week, which news puts anywhere in a clause (`said Tuesday that`).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let lex = tokens
            .iter()
            .map(|t| {
                if t.kind == TokenKind::Word && t.end - t.start <= 24 {
                    lookup_possessive(text, t.start as usize, t.end as usize)
                } else {
                    Lex::default()
                }
            })
            .collect();
        let sentences = cap_sentences(&tokens, segment(text, &tokens));
        let mut sentence_of = vec![NONE; tokens.len()];
        for (i, s) in sentences.iter().enumerate() {
            for slot in sentence_of.iter_mut().take(s.end).skip(s.first) {
                *slot = i as u32;
            }
        }
        let words_before = prefix_counts(tokens.iter().map(|t| t.kind == TokenKind::Word));
        let quotes_before = prefix_counts(tokens.iter().map(|t| t.kind == TokenKind::DoubleQuote));
        let mut doc = Doc {
            text,
            quote_of: vec![NONE; tokens.len()],
            tokens,
            lex,
            sentences,
            sentence_of,
            regions: Vec::new(),
            stops: Stops::default(),
            words_before,
            quotes_before,
            quoted_before: Vec::new(),
        };
        doc.regions = quotes::find_regions(&mut doc);
        doc.quoted_before = prefix_counts(doc.quote_of.iter().map(|&q| q != NONE));
        doc.stops = Stops::new(doc.sentences.len());
        doc
    }

    /// The phrase cue starting at token `i` (`spoke about`, `took aim at`): its lexicon
    /// entry and one past its last token. An adverb may follow the first word (`spoke
    /// favorably of`).
    pub fn phrase_cue(&self, i: usize) -> Option<(Lex, usize)> {
        if !self.is_lower(i) {
            return None;
        }
        self.phrase_cue_any_case(i)
    }

    /// [`Doc::phrase_cue`] in a title-case headline (`Takes Aim At`).
    pub fn phrase_cue_any_case(&self, i: usize) -> Option<(Lex, usize)> {
        if !self.is(i, class::PHRASE) {
            return None;
        }
        let adverb = usize::from(self.is_between(i + 1) && self.word(i + 1).ends_with("ly"));
        lexicon::phrases(self.word(i)).iter().find_map(|p| {
            [i + 1, i + 1 + adverb].into_iter().find_map(|start| {
                // A day may sit inside the phrase: `spoke out Tuesday about`, `took aim
                // Friday at`.
                let mut at = start;
                for w in p.rest.iter() {
                    if !self.word_is(at, w) && self.is_weekday(at) {
                        at += 1;
                    }
                    if !self.word_is(at, w) {
                        return None;
                    }
                    at += 1;
                }
                Some((p.lex, at))
            })
        })
    }

    /// Word tokens in `first..end`.
    pub fn words_in(&self, first: usize, end: usize) -> usize {
        count_in(&self.words_before, first, end)
    }

    /// Double quotation marks in `first..end`.
    pub fn quotes_in(&self, first: usize, end: usize) -> usize {
        count_in(&self.quotes_before, first, end)
    }

    /// Does any token of `first..end` lie inside a quote?
    pub fn any_quoted(&self, first: usize, end: usize) -> bool {
        count_in(&self.quoted_before, first, end) > 0
    }

    /// One past the last token of the quote region holding token `i`, its closing mark
    /// included; `None` outside quotes.
    pub fn region_end(&self, i: usize) -> Option<usize> {
        let q = *self.quote_of.get(i)?;
        let r = self.regions.get(q as usize)?;
        Some(r.close.map_or(r.end, |c| c + 1))
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn tok(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    pub fn lex(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or_default()
    }

    pub fn is(&self, i: usize, class: u32) -> bool {
        self.lex(i).is(class)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// A word whose first letter is a capital (names, titles, sentence starts).
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(shape::CAPITALIZED))
    }

    pub fn is_lower(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.has(shape::LOWER))
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::DoubleQuote)
    }

    /// The word at `i` is one of `words` (lowercase), ignoring ASCII case; no allocation.
    pub fn word_among(&self, i: usize, words: &[&str]) -> bool {
        // Lengths first, from the token's span: most calls end there without slicing the
        // text (this runs on many words).
        let Some(len) = self.word_len(i) else {
            return false;
        };
        if !words.iter().any(|x| x.len() == len) {
            return false;
        }
        let w = self.word(i);
        words
            .iter()
            .any(|x| x.len() == len && x.eq_ignore_ascii_case(w))
    }

    /// The length in bytes of the word at `i`; `None` if it is no word.
    fn word_len(&self, i: usize) -> Option<usize> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t.end - t.start) as usize)
    }

    /// A verb in the past tense at `i`, lowercase: a cue's past form, a regular `-ed`
    /// form, or a common irregular one (`went`, `took`, `got`).
    pub fn is_past_tense(&self, i: usize) -> bool {
        const IRREGULAR: &[&str] = &[
            "went", "took", "made", "gave", "got", "came", "saw", "left", "kept", "held", "met",
            "put", "ran", "sent", "spent", "won", "lost", "began", "brought", "bought", "thought",
            "told", "said", "wrote", "spoke", "stood", "sought", "drew", "threw", "struck",
        ];
        let w = self.word(i);
        self.is_lower(i)
            && (self.lex(i).form == lexicon::Form::Past
                || w.len() > 4 && w.ends_with("ed")
                || self.word_among(i, IRREGULAR))
    }

    /// `without` and a gerund at `i` (`without offering evidence`): an act not done, which
    /// reports nothing.
    pub fn without_gerund(&self, i: usize) -> bool {
        self.word_is(i, "without") && self.lex(i + 1).form == lexicon::Form::Gerund
    }

    /// A day of the week at `i` (the class bit first: names and phrases ask this often).
    pub fn is_weekday(&self, i: usize) -> bool {
        self.is(i, class::TIME) && self.word_among(i, WEEKDAYS)
    }

    /// The word at `i` equals `w` ignoring ASCII case.
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.word_len(i) == Some(w.len()) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Byte span of tokens `first..end` (end exclusive); empty span at `first` if empty.
    pub fn span(&self, first: usize, end: usize) -> Span {
        match (
            self.tokens.get(first),
            end.checked_sub(1).and_then(|e| self.tokens.get(e)),
        ) {
            (Some(a), Some(b)) if end > first => Span::new(a.start as usize, b.end as usize),
            (Some(a), _) => Span::new(a.start as usize, a.start as usize),
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }

    pub fn sentence(&self, i: usize) -> Option<&Sentence> {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s as usize))
    }

    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(|&q| q != NONE)
    }

    /// A line break token at `i`.
    pub fn is_break(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Break)
    }

    /// Words that cannot start a name although capitalised (sentence-initial function
    /// words) — only meaningful for capitalised tokens.
    pub fn not_name(&self, i: usize) -> bool {
        self.is(
            i,
            class::NOT_NAME | class::DETERMINER | class::PRONOUN_SUBJECT,
        ) && !self.is(i, class::TITLE)
    }

    /// Skips adverbs and auxiliaries leftwards from `i` (inclusive); returns the index of
    /// the first token that is not one, or `None` at the start.
    pub fn skip_between_left(&self, mut i: usize, floor: usize) -> Option<usize> {
        loop {
            if i < floor {
                return None;
            }
            if self.is_between(i) {
                if i == 0 {
                    return None;
                }
                i -= 1;
                continue;
            }
            // `those who tended to support Sanders`, `He used to back …`: a catenative verb
            // and `to` before the cue.
            if self.word_is(i, "to")
                && i > floor
                && self.word_among(
                    i - 1,
                    &[
                        "tend",
                        "tends",
                        "tended",
                        "used",
                        "continue",
                        "continues",
                        "continued",
                        "began",
                        "begin",
                        "begins",
                        "started",
                        "starts",
                        "going",
                        "got",
                    ],
                )
                && self.is_lower(i - 1)
            {
                i = i.checked_sub(2)?;
                continue;
            }
            // A time adjunct between subject and verb: `Sanders on Tuesday said`,
            // `who in 2010 said`, `The president this weekend told`.
            let time = self.is(i, class::TIME) && self.is_word(i)
                || self.kind(i) == Some(crate::text::tokens::TokenKind::Number);
            if time && i > floor {
                let p = i - 1;
                let lead =
                    self.is_lower(p) && (self.is(p, class::PREPOSITION) || self.is(p, class::TIME));
                // `Six in 10 said`, `nine out of 10 say`: a share, not a time.
                let count = |k: usize| {
                    self.kind(k) == Some(crate::text::tokens::TokenKind::Number)
                        || crate::extract::numbers::is_cardinal_word(self.word(k))
                };
                let share = p > floor
                    && self.is(p, class::PREPOSITION)
                    && (count(p - 1)
                        || p > floor + 1 && self.word_is(p - 1, "out") && count(p - 2));
                if lead && p > floor && !share {
                    i = p - 1;
                    continue;
                }
                // `have in the past said`, `who over the weekend told`
                let det_lead = p > floor
                    && self.is_lower(p)
                    && self.is(p, class::DETERMINER)
                    && self.is_lower(p - 1)
                    && self.is(p - 1, class::PREPOSITION);
                if det_lead && p - 1 > floor {
                    i = p - 2;
                    continue;
                }
            }
            return Some(i);
        }
    }

    /// Adverbs (`also`, `-ly` words) and auxiliaries between a subject and its verb.
    pub fn is_between(&self, i: usize) -> bool {
        if !self.is_lower(i) {
            return false;
        }
        if self.is(i, class::BETWEEN) {
            return true;
        }
        let w = self.word(i);
        // `has long argued`; elsewhere `long` is an adjective (`warned of long delays`).
        if w == "long" {
            return i > 0 && self.word_among(i - 1, &["has", "have", "had"]);
        }
        w.len() > 4
            && w.ends_with("ly")
            && !self.is(
                i,
                class::CUE | class::ROLE_NOUN | class::DOCUMENT | class::TITLE | class::TIME,
            )
            && !NOT_ADVERBS.iter().any(|x| x.eq_ignore_ascii_case(w))
    }
}

/// Cuts sentences longer than [`MAX_SENTENCE`] tokens, at the last comma, semicolon or
/// dash of the second half of each window when there is one.
fn cap_sentences(tokens: &[Token], sentences: Vec<Sentence>) -> Vec<Sentence> {
    if sentences.iter().all(|s| s.end - s.first <= MAX_SENTENCE) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut first = s.first;
        let mut starts_paragraph = s.starts_paragraph;
        while s.end - first > MAX_SENTENCE {
            let window = first + MAX_SENTENCE;
            let cut = (first + MAX_SENTENCE / 2..window)
                .rev()
                .find(|&k| {
                    tokens.get(k).is_some_and(|t| {
                        t.kind == TokenKind::Dash
                            || t.kind == TokenKind::Punct && matches!(t.ch, ',' | ';' | ':')
                    })
                })
                .map_or(window, |k| k + 1);
            out.push(piece(tokens, first, cut, starts_paragraph));
            first = cut;
            starts_paragraph = false;
        }
        out.push(piece(tokens, first, s.end, starts_paragraph));
    }
    out
}

fn piece(tokens: &[Token], first: usize, end: usize, para: bool) -> Sentence {
    let start = tokens.get(first).map_or(0, |t| t.start as usize);
    let stop = end
        .checked_sub(1)
        .and_then(|e| tokens.get(e))
        .map_or(start, |t| t.end as usize);
    Sentence {
        first,
        end,
        span: Span::new(start, stop),
        starts_paragraph: para,
    }
}

/// Running counts of `flags`: entry `i` is how many of the first `i` are set.
fn prefix_counts(flags: impl ExactSizeIterator<Item = bool>) -> Vec<u32> {
    let mut out = Vec::with_capacity(flags.len() + 1);
    let mut n = 0u32;
    out.push(0);
    for f in flags {
        n += u32::from(f);
        out.push(n);
    }
    out
}

/// How many set flags `first..end` holds, from running counts.
fn count_in(counts: &[u32], first: usize, end: usize) -> usize {
    let last = counts.len().saturating_sub(1);
    let at = |i: usize| counts.get(i.min(last)).copied().unwrap_or(0) as usize;
    at(end).saturating_sub(at(first))
}
