//! A fast, allocation-light tokenizer for English news text.
//!
//! One pass over the bytes; each token records its byte span, a coarse kind and a few shape
//! flags. Words keep inner apostrophes, hyphens and dots (`China's`, `win-win`, `U.S`), but
//! never a trailing period: sentence splitting decides what a final `.` means.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner `'`, `’`, `-`, `.` and digits (`5G` starts with a digit
    /// but is a word too: anything mixing letters and digits is a word).
    Word,
    /// Digits, possibly with inner `,` and `.` between digits (`17,000`, `518.4`).
    Number,
    /// A double quotation mark: `"`, `“`, `”`, `„`, `«`, `»`, and `''` or ``` `` ```
    /// (recorded as `"`).
    DoubleQuote,
    /// A single quotation mark that is not inside a word: `'`, `‘`, `’`.
    SingleQuote,
    /// An em or en dash, or `--`; also a hyphen standing alone between spaces.
    Dash,
    /// A line break. `Token::end - Token::start` tells nothing; see [`Token::breaks`].
    Break,
    /// Any other single character: punctuation or symbol.
    Punct,
}

/// Shape flags of a word.
pub mod shape {
    /// First character is uppercase.
    pub const CAPITALIZED: u8 = 1;
    /// Every letter is uppercase (and there are at least two).
    pub const ALL_CAPS: u8 = 2;
    /// First character is lowercase.
    pub const LOWER: u8 = 4;
    /// Contains an inner dot (`U.S`, `a.m`).
    pub const DOTTED: u8 = 8;
    /// Contains a digit.
    pub const DIGIT: u8 = 16;
    /// Contains a hyphen.
    pub const HYPHEN: u8 = 32;
    /// Only ASCII bytes.
    pub const ASCII: u8 = 64;
}

/// One token: a byte span of the text plus its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// [`shape`] flags for words; for `Break`, the number of line breaks (saturating).
    pub shape: u8,
    /// The punctuation character for `Punct`, `DoubleQuote`, `SingleQuote` and `Dash`
    /// tokens (`-` for `--`); `'\0'` otherwise.
    pub ch: char,
    /// True when whitespace (or the text start) comes right before the token.
    pub space_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.ch == c
    }

    pub fn has(&self, flag: u8) -> bool {
        self.shape & flag != 0
    }

    /// For a `Break` token, how many line breaks it stands for (2 or more is a blank line).
    pub fn breaks(&self) -> u8 {
        if self.kind == TokenKind::Break {
            self.shape
        } else {
            0
        }
    }
}

/// Largest text the tokenizer handles; offsets are stored as `u32`.
pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

/// Splits `text` into tokens. Texts longer than [`MAX_TEXT_LEN`] are cut at that length
/// (on a character boundary).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut end_limit = text.len().min(MAX_TEXT_LEN);
    while !text.is_char_boundary(end_limit) {
        end_limit -= 1;
    }
    let text = &text[..end_limit];
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    let mut space_before = true;
    // A single quotation mark opened on this line and not yet closed: a mark after a
    // word ending in `s` closes it rather than making the word possessive.
    let mut single_open = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            single_open = false;
            let start = i;
            let mut lines: u8 = 0;
            while i < bytes.len() && matches!(bytes[i], b'\n' | b'\r' | b' ' | b'\t') {
                if bytes[i] == b'\n' {
                    lines = lines.saturating_add(1);
                }
                i += 1;
            }
            tokens.push(Token {
                start: start as u32,
                end: i as u32,
                kind: TokenKind::Break,
                shape: lines.max(1),
                ch: '\0',
                space_before: true,
            });
            space_before = true;
            continue;
        }
        if b == b' ' || b == b'\t' {
            i += 1;
            space_before = true;
            continue;
        }
        // Most tokens start with an ASCII letter or digit: no decoding needed to know.
        let (ch, ch_len) = if ASCII_CLASS[usize::from(b)] != 0 {
            (char::from(b), 1)
        } else {
            decode(bytes, i)
        };
        if ch.is_whitespace() {
            i += ch_len;
            space_before = true;
            continue;
        }
        let start = i;
        let token = if ch_len == 1 && ASCII_CLASS[usize::from(b)] != 0 || ch.is_alphanumeric() {
            let (end, shape, has_alpha) = scan_word(text, i);
            i = end;
            let kind = if has_alpha {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            Token {
                start: start as u32,
                end: end as u32,
                kind,
                shape,
                ch: '\0',
                space_before,
            }
        } else {
            i += ch_len;
            let (kind, ch) = match ch {
                '"' | '“' | '”' | '„' | '«' | '»' => (TokenKind::DoubleQuote, ch),
                // Typewriter double quotes written as two single marks: '' or ``.
                '\'' | '`' if bytes.get(i) == Some(&(ch as u8)) => {
                    i += 1;
                    (TokenKind::DoubleQuote, '"')
                }
                '\'' | '’'
                    if !space_before
                        && !single_open
                        && possessive_mark(bytes, start, i, tokens.last(), text) =>
                {
                    // `Sanders' campaign`: the plural possessive belongs to its word.
                    if let Some(word) = tokens.last_mut() {
                        word.end = i as u32;
                    }
                    space_before = false;
                    continue;
                }
                '\'' | '‘' | '’' => {
                    single_open = space_before || ch == '‘';
                    (TokenKind::SingleQuote, ch)
                }
                '—' | '–' | '―' => (TokenKind::Dash, ch),
                '-' if bytes.get(i) == Some(&b'-') => {
                    while bytes.get(i) == Some(&b'-') {
                        i += 1;
                    }
                    (TokenKind::Dash, '-')
                }
                '-' if space_before && matches!(bytes.get(i), Some(b' ') | None) => {
                    (TokenKind::Dash, '-')
                }
                _ => (TokenKind::Punct, ch),
            };
            Token {
                start: start as u32,
                end: i as u32,
                kind,
                shape: 0,
                ch,
                space_before,
            }
        };
        tokens.push(token);
        space_before = false;
    }
    tokens
}

/// Is the apostrophe at bytes `at..after` the mark of a plural possessive (`Sanders'
/// campaign`, `the states’ lawsuit`)? The word right before it ends in `s` and a word
/// follows after one space.
fn possessive_mark(
    bytes: &[u8],
    at: usize,
    after: usize,
    before: Option<&Token>,
    text: &str,
) -> bool {
    let Some(word) = before.filter(|t| t.kind == TokenKind::Word && t.end as usize == at) else {
        return false;
    };
    word.text(text).ends_with(['s', 'S'])
        && bytes.get(after) == Some(&b' ')
        && bytes.get(after + 1).is_some_and(u8::is_ascii_alphabetic)
}

/// The stem of a possessive word: `Clinton` for `Clinton's`, `Sanders` for `Sanders'`;
/// `None` for a word that is not possessive.
pub fn possessive_stem(word: &str) -> Option<&str> {
    if let Some(stem) = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
    {
        return Some(stem);
    }
    word.strip_suffix(['\'', '’'])
        .filter(|stem| stem.ends_with(['s', 'S']))
}

/// Decodes the character at byte `i` (which must be a char boundary).
#[inline]
fn decode(bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let len = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let end = (i + len).min(bytes.len());
    let ch = std::str::from_utf8(&bytes[i..end])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{FFFD}');
    (ch, len)
}

/// The shape of a word as it is scanned.
struct WordShape {
    flags: u8,
    has_alpha: bool,
    upper: u32,
    any_lower: bool,
    first: bool,
}

impl WordShape {
    /// Records one letter or digit.
    fn note(&mut self, digit: bool, uppercase: bool) {
        if digit {
            self.flags |= shape::DIGIT;
        } else {
            self.has_alpha = true;
            if uppercase {
                self.upper += 1;
            } else {
                self.any_lower = true;
            }
            if self.first {
                self.flags |= if uppercase {
                    shape::CAPITALIZED
                } else {
                    shape::LOWER
                };
            }
        }
        self.first = false;
    }

    /// Records a run of ASCII letters and digits starting with byte `first`, whose
    /// [`ASCII_CLASS`] bits together are `seen`, `upper` of them uppercase.
    fn note_run(&mut self, first: u8, seen: u8, upper: u32) {
        if self.first && !first.is_ascii_digit() {
            self.flags |= if first.is_ascii_uppercase() {
                shape::CAPITALIZED
            } else {
                shape::LOWER
            };
        }
        if seen & DIGIT != 0 {
            self.flags |= shape::DIGIT;
        }
        if seen & (UPPER | LOWER) != 0 {
            self.has_alpha = true;
        }
        self.upper += upper;
        self.any_lower |= seen & LOWER != 0;
        self.first = false;
    }
}

/// [`ASCII_CLASS`] bits.
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;

/// For each byte, what an ASCII letter or digit is; 0 for every other byte.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Scans a word or number starting at `i`; returns (end, shape flags, has a letter).
fn scan_word(text: &str, start: usize) -> (usize, u8, bool) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut w = WordShape {
        flags: shape::ASCII,
        has_alpha: false,
        upper: 0,
        any_lower: false,
        first: true,
    };
    while i < bytes.len() {
        // A run of ASCII letters and digits, the bulk of news text: classified by table,
        // without a branch per byte on its case.
        let run = i;
        let mut seen = 0u8;
        let mut upper = 0u32;
        while let Some(&b) = bytes.get(i) {
            let class = ASCII_CLASS[usize::from(b)];
            if class == 0 {
                break;
            }
            seen |= class;
            upper += u32::from(class & UPPER != 0);
            i += 1;
        }
        if i > run {
            w.note_run(bytes[run], seen, upper);
            continue;
        }
        // Most words end at a space or a mark that joins nothing: no decoding to know.
        if bytes
            .get(i)
            .is_some_and(|&b| b < 0x80 && !matches!(b, b'\'' | b'_' | b'-' | b'.' | b','))
        {
            break;
        }
        let (ch, len) = decode(bytes, i);
        if ch.is_alphanumeric() {
            if len > 1 {
                w.flags &= !shape::ASCII;
            }
            w.note(ch.is_numeric(), ch.is_uppercase());
            i += len;
            continue;
        }
        // Inner joiners: kept only when an alphanumeric follows (and, for `,` and `.` in
        // numbers, a digit on both sides).
        let next = bytes.get(i + len).copied();
        let next_alnum = next.is_some_and(|n| n.is_ascii_alphanumeric() || n >= 0x80)
            && text
                .get(i + len..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric);
        let prev_digit = i > start && bytes[i - 1].is_ascii_digit();
        let keep = match ch {
            '\'' | '’' => next_alnum && w.has_alpha,
            // Handles and identifiers: `agent_of_change`.
            '_' => next_alnum,
            '-' | '‑' => {
                if next_alnum {
                    w.flags |= shape::HYPHEN;
                }
                next_alnum
            }
            '.' => {
                let digits = prev_digit && next.is_some_and(|n| n.is_ascii_digit());
                // `U.S`, `a.m`, `News.Az`, `Amazon.com`: a letter right after the dot.
                let joined = w.has_alpha && next.is_some_and(|n| n.is_ascii_alphabetic());
                if joined {
                    w.flags |= shape::DOTTED;
                }
                digits || joined
            }
            ',' => {
                // Thousands separators: exactly three digits follow.
                prev_digit
                    && !w.has_alpha
                    && bytes.len() >= i + 4
                    && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && bytes.get(i + 4).is_none_or(|n| !n.is_ascii_digit())
            }
            _ => false,
        };
        if !keep {
            break;
        }
        if len > 1 {
            w.flags &= !shape::ASCII;
        }
        i += len;
    }
    if w.upper >= 2 && !w.any_lower {
        w.flags |= shape::ALL_CAPS;
    }
    (i, w.flags, w.has_alpha)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("China's win-win U.S. side, parties’ goal"),
            vec![
                "China's",
                "win-win",
                "U.S",
                ".",
                "side",
                ",",
                "parties’",
                "goal"
            ]
        );
    }

    #[test]
    fn a_plural_possessive_keeps_its_mark_but_a_closing_quote_does_not() {
        assert_eq!(
            words("Sanders' aides said"),
            vec!["Sanders'", "aides", "said"]
        );
        assert_eq!(
            words("called it 'a pack of lies' and left"),
            vec![
                "called", "it", "'", "a", "pack", "of", "lies", "'", "and", "left"
            ]
        );
        // A mark opened on an earlier line is forgotten at the break.
        assert_eq!(
            words("'A\nthe states' rules"),
            vec!["'", "A", "\n", "the", "states'", "rules"]
        );
        assert_eq!(possessive_stem("Sanders'"), Some("Sanders"));
        assert_eq!(possessive_stem("Clinton’s"), Some("Clinton"));
        assert_eq!(possessive_stem("lies'"), Some("lies"));
        assert_eq!(possessive_stem("Trump"), None);
        assert_eq!(possessive_stem("'"), None);
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        assert_eq!(
            words("$518.4 billion, 17,000 and 1,2"),
            vec!["$", "518.4", "billion", ",", "17,000", "and", "1", ",", "2"]
        );
        let toks = tokenize("5G and 2024");
        assert_eq!(toks[0].kind, TokenKind::Word);
        assert_eq!(toks[2].kind, TokenKind::Number);
    }

    #[test]
    fn quotes_dashes_and_breaks() {
        let text = "“Yes,” he said -- no — ok\n\nNext";
        let toks = tokenize(text);
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            vec![
                DoubleQuote,
                Word,
                Punct,
                DoubleQuote,
                Word,
                Word,
                Dash,
                Word,
                Dash,
                Word,
                Break,
                Word
            ]
        );
        assert_eq!(toks[10].breaks(), 2);
        let nyt = tokenize("''We must,'' he told me.");
        assert_eq!(nyt[0].kind, TokenKind::DoubleQuote);
        assert_eq!(nyt[4].kind, TokenKind::DoubleQuote);
        assert_eq!(nyt[4].text("''We must,'' he told me."), "''");
    }

    #[test]
    fn shapes() {
        let text = "Rubio USA said U.S";
        let t = tokenize(text);
        assert!(t[0].has(shape::CAPITALIZED) && !t[0].has(shape::ALL_CAPS));
        assert!(t[1].has(shape::ALL_CAPS));
        assert!(t[2].has(shape::LOWER));
        assert!(t[3].has(shape::DOTTED));
    }

    proptest! {
        #[test]
        fn spans_are_sorted_on_boundaries(text in "\\PC{0,80}") {
            let toks = tokenize(&text);
            let mut last = 0;
            for t in toks {
                prop_assert!(t.start as usize >= last);
                prop_assert!(t.start < t.end);
                prop_assert!(text.is_char_boundary(t.start as usize));
                prop_assert!(text.is_char_boundary(t.end as usize));
                last = t.end as usize;
            }
        }
    }
}
