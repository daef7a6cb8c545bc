//! Sentence segmentation that knows abbreviations (U.S., Mr., Dr., Sept., No.), initials,
//! decimals and quotation marks.

use super::Span;
use super::tokens::{Token, TokenKind, shape, tokenize};

/// A sentence: a range of tokens and the bytes they cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    pub span: Span,
    /// True when a blank line or a line break starts this sentence (a new paragraph).
    pub starts_paragraph: bool,
}

/// Splits `text` into sentence spans (byte offsets). Convenience over [`segment`].
pub fn split(text: &str) -> Vec<Span> {
    let tokens = tokenize(text);
    segment(text, &tokens).into_iter().map(|s| s.span).collect()
}

/// Groups `tokens` (from [`tokenize`] on `text`) into sentences. Line breaks never belong to
/// a sentence.
pub fn segment(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0;
    let mut starts_paragraph = true;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind == TokenKind::Break {
            if breaks_paragraph(tokens, i) {
                push(&mut out, tokens, first, i, starts_paragraph);
                first = i + 1;
                starts_paragraph = true;
            }
            i += 1;
            continue;
        }
        if is_terminal(t) {
            // Closing quotes and brackets stay with the sentence they end.
            let mut j = i + 1;
            while j < tokens.len() && is_closer(tokens[j]) && !tokens[j].space_before {
                j += 1;
            }
            if ends_sentence(text, tokens, i, j) {
                push(&mut out, tokens, first, j, starts_paragraph);
                first = j;
                starts_paragraph = false;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, tokens, first, tokens.len(), starts_paragraph);
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize, para: bool) {
    // Skip break tokens at the edges; an empty range makes no sentence.
    let mut a = first;
    let mut b = end;
    while a < b && tokens[a].kind == TokenKind::Break {
        a += 1;
    }
    while b > a && tokens[b - 1].kind == TokenKind::Break {
        b -= 1;
    }
    if a < b {
        out.push(Sentence {
            first: a,
            end: b,
            span: Span::new(tokens[a].start as usize, tokens[b - 1].end as usize),
            starts_paragraph: para,
        });
    }
}

/// A single line break inside running text (hard-wrapped lines) does not end a paragraph;
/// a blank line, or a line break after terminal punctuation or before a capital, does.
fn breaks_paragraph(tokens: &[Token], i: usize) -> bool {
    if tokens[i].breaks() >= 2 || i == 0 {
        return true;
    }
    let prev = tokens[i - 1];
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let continues =
        next.kind == TokenKind::Word && next.has(shape::LOWER) || next.kind == TokenKind::Number;
    !(continues && !is_terminal(prev) && !is_closer(prev))
}

fn is_terminal(t: Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.ch, '.' | '!' | '?' | '…')
}

fn is_closer(t: Token) -> bool {
    match t.kind {
        TokenKind::DoubleQuote => t.ch != '“' && t.ch != '„' && t.ch != '«',
        TokenKind::SingleQuote => t.ch != '‘',
        TokenKind::Punct => matches!(t.ch, ')' | ']'),
        _ => false,
    }
}

/// Decides whether the terminal mark at `i` (closers up to `j`) ends the sentence.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let Some(next) = tokens.get(j) else {
        return true;
    };
    if next.kind == TokenKind::Break {
        return true;
    }
    if next.kind == TokenKind::Word && next.has(shape::LOWER) {
        // `?" he asked`, `U.S. side`, `e.g. this`.
        return false;
    }
    if matches!(next.kind, TokenKind::Punct) && matches!(next.ch, ',' | ';' | ':' | ')') {
        return false;
    }
    let t = tokens[i];
    if t.ch != '.' || i == 0 || j != i + 1 {
        return true;
    }
    let prev = tokens[i - 1];
    if prev.kind != TokenKind::Word || prev.end != t.start {
        return true;
    }
    // `then-Sen. Barack Obama`, `ex-Gov. Jones`: the title after the hyphen.
    let word = prev.text(text);
    let word = word.rsplit('-').next().unwrap_or(word);
    if prev.has(shape::DOTTED) || is_final_abbreviation(word) {
        // `U.S.` or `Inc.` may end a sentence: only when what follows clearly starts one.
        return starts_sentence(text, *next);
    }
    // `No. 5`, `Vol. 2`, `Fig. 3` before a number; `voted no.` ends a sentence.
    if is_number_abbreviation(word) {
        return next.kind != TokenKind::Number;
    }
    if is_abbreviation(word) {
        return false;
    }
    // An initial (`J. Smith`), but not a one-letter word like `I` or `a`.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
        && c != 'I'
    {
        return false;
    }
    true
}

/// Abbreviations that are followed by a name or number, so never end a sentence.
fn is_abbreviation(word: &str) -> bool {
    const LIST: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
        "cpl", "adm", "maj", "st", "rev", "hon", "pres", "supt", "det", "insp", "no", "nos", "vol",
        "vols", "art", "fig", "pp", "mt", "ft", "vs", "v", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "ave", "blvd", "dept",
        "univ", "assn", "gov't", "messrs", "mmes", "msgr", "sr", "jr", "del", "reps", "sens",
    ];
    word.len() <= 7 && LIST.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Abbreviations of a numbered thing, which a number follows.
fn is_number_abbreviation(word: &str) -> bool {
    const LIST: &[&str] = &["no", "nos", "vol", "vols", "art", "fig", "pp"];
    word.len() <= 4 && LIST.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Abbreviations that often end a sentence too.
fn is_final_abbreviation(word: &str) -> bool {
    const LIST: &[&str] = &["inc", "corp", "co", "ltd", "llc", "plc", "etc", "bros"];
    word.len() <= 4 && LIST.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Words that begin sentences but rarely follow an abbreviation inside one.
fn starts_sentence(text: &str, next: Token) -> bool {
    match next.kind {
        TokenKind::DoubleQuote | TokenKind::Dash => true,
        TokenKind::Word => {
            const STARTERS: &[&str] = &[
                "the",
                "a",
                "an",
                "he",
                "she",
                "it",
                "they",
                "we",
                "i",
                "you",
                "this",
                "that",
                "these",
                "those",
                "there",
                "his",
                "her",
                "its",
                "their",
                "our",
                "in",
                "on",
                "at",
                "but",
                "and",
                "or",
                "so",
                "if",
                "when",
                "while",
                "after",
                "before",
                "since",
                "as",
                "for",
                "with",
                "what",
                "why",
                "how",
                "who",
                "yet",
                "still",
                "however",
                "meanwhile",
                "also",
                "both",
                "some",
                "many",
                "most",
                "no",
                "not",
                "one",
            ];
            let w = next.text(text);
            w.len() <= 9 && STARTERS.iter().any(|s| s.eq_ignore_ascii_case(w))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sents("It rained. Then it stopped! Did it? Yes."),
            vec!["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn knows_abbreviations_and_initials() {
        assert_eq!(
            sents("Mr. Smith met Dr. J. R. Jones in Sept. 2020. No. 5 won."),
            vec!["Mr. Smith met Dr. J. R. Jones in Sept. 2020.", "No. 5 won."]
        );
        assert_eq!(
            sents("The U.S. side said so. It went to the U.S. The end."),
            vec!["The U.S. side said so.", "It went to the U.S.", "The end."]
        );
        assert_eq!(
            sents("U.S. Secretary of State Marco Rubio spoke."),
            vec!["U.S. Secretary of State Marco Rubio spoke."]
        );
        assert_eq!(
            sents("He argued that then-Sen. Barack Obama was closer. It ended."),
            vec![
                "He argued that then-Sen. Barack Obama was closer.",
                "It ended."
            ]
        );
        // `no.` before no number is the word.
        assert_eq!(
            sents("He said he would vote no. He added that it was rushed."),
            vec!["He said he would vote no.", "He added that it was rushed."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sents("It cost $518.4 billion. Fine."),
            vec!["It cost $518.4 billion.", "Fine."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("\"Is it done?\" he asked. \"Yes.\" She left."),
            vec!["\"Is it done?\" he asked.", "\"Yes.\"", "She left."]
        );
        assert_eq!(
            sents("He said, “It is done. We won.” Then he left."),
            vec!["He said, “It is done.", "We won.”", "Then he left."]
        );
    }

    #[test]
    fn paragraphs_end_sentences_but_wrapped_lines_do_not() {
        assert_eq!(
            sents("Headline without stop\nFirst line of text\ncontinues here."),
            vec![
                "Headline without stop",
                "First line of text\ncontinues here."
            ]
        );
        let s = segment("A.\n\nB.", &tokenize("A.\n\nB."));
        assert!(s[0].starts_paragraph && s[1].starts_paragraph);
    }

    proptest! {
        #[test]
        fn sentences_are_ordered_disjoint_and_inside(text in "\\PC{0,120}") {
            let mut last = 0;
            for s in split(&text) {
                prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                last = s.end;
            }
        }
    }
}
