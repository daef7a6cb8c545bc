//! A passage being selected in the reader: `v` selects the cursor's sentence, then one end
//! stays put and the other moves — by sentence (`j`/`k`) or by word (`w`/`b`); `o` swaps
//! which end moves. Pure byte-offset arithmetic over the text and its sentences.

use crate::extract::Span;

/// A selection: `fixed` stays, `moving` follows the keys. Never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub fixed: usize,
    pub moving: usize,
}

impl Selection {
    /// The whole of `sentence`, its end moving.
    pub fn of_sentence(sentence: Span) -> Option<Self> {
        (sentence.start < sentence.end).then_some(Selection {
            fixed: sentence.start,
            moving: sentence.end,
        })
    }

    pub fn span(&self) -> Span {
        Span::new(self.fixed.min(self.moving), self.fixed.max(self.moving))
    }

    /// True when the moving end is the selection's end (it moves after the text it ends).
    fn moves_end(&self) -> bool {
        self.moving > self.fixed
    }

    pub fn swap(&mut self) {
        std::mem::swap(&mut self.fixed, &mut self.moving);
    }

    /// Where the reader's cursor goes: on the character at the moving end (the last one
    /// selected when it is the end).
    pub fn cursor(&self, text: &str) -> usize {
        if self.moves_end() {
            text.get(..self.moving)
                .and_then(|t| t.char_indices().next_back())
                .map_or(self.moving, |(i, _)| i)
        } else {
            self.moving
        }
    }

    /// Moves the moving end to the next (or previous) sentence boundary: sentence ends
    /// for the end, sentence starts for the start. The selection never shrinks to nothing:
    /// returns false when the move is not possible.
    pub fn by_sentence(&mut self, sentences: &[Span], forward: bool) -> bool {
        let (m, f) = (self.moving, self.fixed);
        let target = match (self.moves_end(), forward) {
            (true, true) => sentences.iter().map(|s| s.end).find(|&e| e > m),
            (true, false) => sentences
                .iter()
                .rev()
                .map(|s| s.end)
                .find(|&e| e < m && e > f),
            (false, false) => sentences.iter().rev().map(|s| s.start).find(|&s| s < m),
            (false, true) => sentences.iter().map(|s| s.start).find(|&s| s > m && s < f),
        };
        self.set(target)
    }

    /// Moves the moving end by one word (a run of non-blank characters): to the end of the
    /// next or previous word for the end, to the start of one for the start.
    pub fn by_word(&mut self, text: &str, forward: bool) -> bool {
        let (m, f) = (self.moving, self.fixed);
        let target = match (self.moves_end(), forward) {
            (true, true) => Some(skip_word(text, skip_blank(text, m, true), true)),
            (true, false) => Some(skip_blank(text, skip_word(text, m, false), false)),
            (false, true) => Some(skip_blank(text, skip_word(text, m, true), true)),
            (false, false) => Some(skip_word(text, skip_blank(text, m, false), false)),
        };
        let target = target.filter(|&t| t != m && (t > f) == self.moves_end() && t != f);
        self.set(target)
    }

    fn set(&mut self, target: Option<usize>) -> bool {
        match target {
            Some(t) => {
                self.moving = t;
                true
            }
            None => false,
        }
    }

    /// `2 sentences · 31 words` for the status bar.
    pub fn describe(&self, text: &str, sentences: &[Span]) -> String {
        let span = self.span();
        let n = sentences.iter().filter(|s| s.overlaps(span)).count();
        let words = span.slice(text).split_whitespace().count();
        format!(
            "{n} sentence{} · {words} word{}",
            if n == 1 { "" } else { "s" },
            if words == 1 { "" } else { "s" }
        )
    }
}

/// From byte `at`, past blank characters forward (or backward).
fn skip_blank(text: &str, at: usize, forward: bool) -> usize {
    skip(text, at, forward, char::is_whitespace)
}

/// From byte `at`, past non-blank characters forward (or backward).
fn skip_word(text: &str, at: usize, forward: bool) -> usize {
    skip(text, at, forward, |c| !c.is_whitespace())
}

fn skip(text: &str, at: usize, forward: bool, over: impl Fn(char) -> bool) -> usize {
    let at = at.min(text.len());
    if forward {
        let rest = text.get(at..).unwrap_or_default();
        at + rest
            .char_indices()
            .find(|&(_, c)| !over(c))
            .map_or(rest.len(), |(i, _)| i)
    } else {
        let before = text.get(..at).unwrap_or_default();
        before
            .char_indices()
            .rev()
            .find(|&(_, c)| !over(c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    }
}

/// `span` without blank characters at either end (empty when all blank).
pub fn trimmed(text: &str, span: Span) -> Span {
    let piece = span.slice(text);
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.start + piece.trim_end().len();
    Span::new(start.min(end), end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::split;

    const TEXT: &str = "One two three. Four five six. Seven eight.";

    fn selected(sel: &Selection) -> &'static str {
        sel.span().slice(TEXT)
    }

    #[test]
    fn sentences_extend_and_shrink_without_emptying() {
        let sentences = split(TEXT);
        let mut sel = Selection::of_sentence(sentences[1]).unwrap();
        assert_eq!(selected(&sel), "Four five six.");
        assert!(sel.by_sentence(&sentences, true));
        assert_eq!(selected(&sel), "Four five six. Seven eight.");
        assert!(!sel.by_sentence(&sentences, true), "no sentence after");
        assert!(sel.by_sentence(&sentences, false));
        assert!(!sel.by_sentence(&sentences, false), "would be empty");
        assert_eq!(selected(&sel), "Four five six.");
        sel.swap();
        assert!(sel.by_sentence(&sentences, false));
        assert_eq!(selected(&sel), "One two three. Four five six.");
        assert!(sel.by_sentence(&sentences, true));
        assert!(!sel.by_sentence(&sentences, true));
        assert_eq!(selected(&sel), "Four five six.");
    }

    #[test]
    fn words_adjust_the_moving_end() {
        let sentences = split(TEXT);
        let mut sel = Selection::of_sentence(sentences[1]).unwrap();
        assert!(sel.by_word(TEXT, false));
        assert_eq!(selected(&sel), "Four five");
        assert!(sel.by_word(TEXT, false));
        assert!(!sel.by_word(TEXT, false), "one word left");
        assert_eq!(selected(&sel), "Four");
        assert!(sel.by_word(TEXT, true));
        assert_eq!(selected(&sel), "Four five");
        sel.swap();
        assert!(sel.by_word(TEXT, false));
        assert_eq!(selected(&sel), "three. Four five");
        assert!(sel.by_word(TEXT, true));
        assert!(sel.by_word(TEXT, true));
        assert!(!sel.by_word(TEXT, true), "one word left");
        assert_eq!(selected(&sel), "five");
        assert_eq!(sel.cursor(TEXT), TEXT.find("five").unwrap());
        sel.swap();
        assert_eq!(sel.cursor(TEXT), TEXT.find("five").unwrap() + 3);
    }

    #[test]
    fn words_move_over_multibyte_text() {
        let text = "Zoë säger «ja» nu.";
        let mut sel = Selection {
            fixed: 0,
            moving: text.len(),
        };
        assert!(sel.by_word(text, false));
        assert_eq!(sel.span().slice(text), "Zoë säger «ja»");
        assert!(sel.by_word(text, false));
        assert_eq!(sel.span().slice(text), "Zoë säger");
    }

    #[test]
    fn trimming_and_description() {
        assert_eq!(trimmed("  ab  ", Span::new(0, 6)), Span::new(2, 4));
        assert!(trimmed("   ", Span::new(0, 3)).is_empty());
        let sentences = split(TEXT);
        let sel = Selection {
            fixed: 0,
            moving: sentences[1].end,
        };
        assert_eq!(sel.describe(TEXT, &sentences), "2 sentences · 6 words");
    }
}
