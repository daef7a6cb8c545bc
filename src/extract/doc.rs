//! The analysed document: tokens, their lexicon entries, sentences and paragraphs, shared by
//! every stage of extraction.

use super::lexicon::{self, Lex, class};
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
    /// Index of the quote region each token lies in (`u32::MAX` outside quotes); filled in
    /// by the quote stage.
    pub quote_of: Vec<u32>,
}

pub(crate) const NONE: u32 = u32::MAX;

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let lex = tokens
            .iter()
            .map(|t| {
                if t.kind == TokenKind::Word && t.end - t.start <= 24 {
                    lexicon::lookup(t.text(text))
                } else {
                    Lex::default()
                }
            })
            .collect();
        let sentences = segment(text, &tokens);
        let mut sentence_of = vec![NONE; tokens.len()];
        for (i, s) in sentences.iter().enumerate() {
            for slot in sentence_of.iter_mut().take(s.end).skip(s.first) {
                *slot = i as u32;
            }
        }
        let quote_of = vec![NONE; tokens.len()];
        Doc {
            text,
            tokens,
            lex,
            sentences,
            sentence_of,
            quote_of,
        }
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

    /// The word at `i` equals `w` ignoring ASCII case.
    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.word(i).eq_ignore_ascii_case(w)
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
            // A time adjunct between subject and verb: `Sanders on Tuesday said`,
            // `who in 2010 said`, `The president this weekend told`.
            let time = self.is(i, class::TIME) && self.is_word(i)
                || self.kind(i) == Some(crate::text::tokens::TokenKind::Number);
            if time && i > floor {
                let p = i - 1;
                let lead =
                    self.is_lower(p) && (self.is(p, class::PREPOSITION) || self.is(p, class::TIME));
                if lead && p > floor {
                    i = p - 1;
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
        w.len() > 4 && w.ends_with("ly") && !self.is(i, class::CUE)
    }
}
