//! Properties of the extraction engine on open-ended input: arbitrary Unicode, and
//! adversarial news-like text (quote marks of every kind, reporting cues, names, titles,
//! pronouns, punctuation, line breaks and figures in random order).
//!
//! For every input: no panic; every span inside the text, on char boundaries, start ≤ end;
//! claims (but for one nested between another's fragments), numbers and each speaker's
//! mentions sorted and non-overlapping; fragments
//! inside their claim; speaker indices in range; the same output twice; and JSON offsets in
//! code points that slice back to the `text` they print.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use sayso::article::Article;
use sayso::extract::{Extraction, Span, extract};
use sayso::output::article_json;
use serde_json::Value;

/// Characters that stress the engine, mixed into arbitrary Unicode.
const TRICKY_CHARS: &[char] = &[
    '"', '“', '”', '„', '\'', '‘', '’', '«', '»', '\n', '\r', '\t', ' ', '\u{a0}', '\u{2028}', '.',
    ',', ':', ';', '—', '–', '-', '(', ')', '@', '$', '€', '£', '¥', '%', '0', '5', '9', 'é', 'İ',
    'ß', 'ﬁ', '\u{301}', '\u{200d}', '王', '🙂', '\u{feff}', '\0',
];

/// Pieces of news prose: quote marks, cues, names, titles, pronouns, punctuation, figures.
const NEWS_PIECES: &[&str] = &[
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "''",
    "«",
    "»",
    "said",
    "says",
    "said:",
    "said,",
    "told reporters",
    "told",
    "according to",
    "According to",
    "added",
    "adding that",
    "noted",
    "stressed",
    "warned",
    "denied",
    "in a statement",
    "that",
    "Wang Yi",
    "Wang",
    "Zhang Run",
    "Zhang",
    "Marco Rubio",
    "U.S. Secretary of State Marco Rubio",
    "Foreign Minister",
    "Mr.",
    "Dr.",
    "Sept.",
    "No.",
    "J. R.",
    "Zoë Ångström",
    "王毅",
    "he",
    "she",
    "they",
    "He",
    "She",
    "the spokesperson",
    "officials",
    "sources",
    "the Chinese FM",
    "(@agent_of_change)",
    "director-general of the Department of",
    ",",
    ".",
    ",",
    ".",
    ":",
    ";",
    "—",
    "–",
    "(",
    ")",
    "?",
    "!",
    "…",
    "\n",
    "\n\n",
    "5",
    "2025",
    "1,000",
    "3.5",
    "$518.4 billion",
    "400 billion dollars",
    "5%",
    "5 per cent",
    "9th",
    "three",
    "twenty-one",
    "a hundred and five",
    "2017 to 2021",
    "February 1 to 6",
    "March 2, 2022",
    "2025-02-07",
    "Covid-19",
    "G20",
    "US$",
    "€",
    "1.5bn",
    "16 px",
    "more than",
    "almost",
    "99999999999999999999",
    "the",
    "China",
    "will",
    "cooperation",
    "is",
    "not",
    "a",
    "Home > News",
    "News.Az",
    "🙂",
    // Whole constructions, so that random neighbours cut into real claims.
    "\"We will build it,\" said Jane Doe.",
    "“It is a waste,” Roe said.",
    "Zhang said that",
    "According to officials,",
    "she said, adding that",
    "Wang Yi: China stands ready",
    "the talks were useful, he said.",
    "Song noted at the salon that",
    "Rubio told Wang that",
    "— Carlos Martinez (@agent_of_change) March 2, 2022",
];

fn arbitrary_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        3 => any::<char>(),
        2 => prop::sample::select(TRICKY_CHARS),
        4 => prop::char::range('a', 'z'),
        1 => prop::char::range('A', 'Z'),
    ];
    prop::collection::vec(ch, 0..400).prop_map(String::from_iter)
}

fn news_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(NEWS_PIECES);
    let sep = prop::sample::select(&[" ", " ", " ", "", "\n"][..]);
    prop::collection::vec((piece, sep), 0..250).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, sep)| [piece, sep])
            .collect()
    })
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{} {:?} is not a span of the {}-byte text",
        what,
        span,
        text.len()
    );
    Ok(())
}

/// Each span starts at or after the end of the one before.
fn check_sorted_disjoint(spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    for pair in spans.windows(2) {
        prop_assert!(
            pair[0].end <= pair[1].start,
            "{} out of order or overlapping: {:?} then {:?}",
            what,
            pair[0],
            pair[1]
        );
    }
    Ok(())
}

/// Claims are sorted by start and do not overlap, but for a claim nested between two
/// fragments of another (`"…," he said, noting that …. "…"`), which touches none of them.
fn check_claims_apart(ex: &Extraction) -> Result<(), TestCaseError> {
    for pair in ex.claims.windows(2) {
        prop_assert!(
            pair[0].span.start <= pair[1].span.start,
            "claims out of order: {:?} then {:?}",
            pair[0].span,
            pair[1].span
        );
    }
    for (i, a) in ex.claims.iter().enumerate() {
        for b in ex.claims.iter().skip(i + 1) {
            if !a.span.overlaps(b.span) {
                continue;
            }
            let nested_in = |outer: &sayso::extract::Claim, inner: Span| {
                outer.fragments.len() > 1
                    && outer.span.contains(inner)
                    && !outer.fragments.iter().any(|f| f.overlaps(inner))
            };
            prop_assert!(
                nested_in(a, b.span) || nested_in(b, a.span),
                "claims overlap outside a gap: {:?} and {:?}",
                a.span,
                b.span
            );
        }
    }
    Ok(())
}

fn check_invariants(text: &str, ex: &Extraction) -> Result<(), TestCaseError> {
    for c in &ex.claims {
        check_span(text, c.span, "claim")?;
        for &f in &c.fragments {
            check_span(text, f, "fragment")?;
            prop_assert!(
                c.span.contains(f),
                "fragment {:?} outside claim {:?}",
                f,
                c.span
            );
        }
        check_sorted_disjoint(&c.fragments, "fragments")?;
        if let Some(source) = c.source {
            check_span(text, source, "source")?;
        }
        if let Some(cue) = c.cue {
            check_span(text, cue, "cue")?;
        }
        if let Some(k) = c.speaker {
            prop_assert!(
                k < ex.speakers.len(),
                "speaker index {} of {}",
                k,
                ex.speakers.len()
            );
        }
    }
    check_claims_apart(ex)?;
    for s in &ex.speakers {
        for &m in &s.mentions {
            check_span(text, m, "mention")?;
        }
        check_sorted_disjoint(&s.mentions, "mentions")?;
    }
    for n in &ex.numbers {
        check_span(text, n.span, "number")?;
        if let Some(v) = n.value {
            prop_assert!(
                v.is_finite(),
                "number {:?} valued {}",
                n.span.slice(text),
                v
            );
        }
    }
    let numbers: Vec<Span> = ex.numbers.iter().map(|n| n.span).collect();
    check_sorted_disjoint(&numbers, "numbers")?;
    Ok(())
}

/// Every JSON object with `start`, `end` and `text` names that text in code points.
fn check_json_offsets(chars: &[char], v: &Value) -> Result<(), TestCaseError> {
    match v {
        Value::Object(map) => {
            let start = map.get("start").and_then(Value::as_u64);
            let end = map.get("end").and_then(Value::as_u64);
            if let (Some(s), Some(e), Some(shown)) =
                (start, end, map.get("text").and_then(Value::as_str))
            {
                let (s, e) = (s as usize, e as usize);
                prop_assert!(
                    s <= e && e <= chars.len(),
                    "[{}, {}) of {} chars",
                    s,
                    e,
                    chars.len()
                );
                let sliced: String = chars[s..e].iter().collect();
                prop_assert_eq!(sliced.as_str(), shown);
            }
            for child in map.values() {
                check_json_offsets(chars, child)?;
            }
        }
        Value::Array(items) => {
            for child in items {
                check_json_offsets(chars, child)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn check_json(text: String) -> Result<(), TestCaseError> {
    let article = Article::from_text("t.txt", text);
    let ex = extract(&article.text);
    let json = article_json(&article, &ex);
    let chars: Vec<char> = article.text.chars().collect();
    check_json_offsets(&chars, &json)
}

// 256 cases each by default; PROPTEST_CASES=N for a longer hunt.
proptest! {
    #[test]
    fn arbitrary_unicode_gives_well_formed_spans(text in arbitrary_text()) {
        check_invariants(&text, &extract(&text))?;
    }

    #[test]
    fn news_like_text_gives_well_formed_spans(text in news_text()) {
        check_invariants(&text, &extract(&text))?;
    }

    #[test]
    fn extraction_is_deterministic(text in news_text()) {
        // Debug output, so that a NaN would not make equal runs look different.
        prop_assert_eq!(format!("{:?}", extract(&text)), format!("{:?}", extract(&text)));
    }

    #[test]
    fn json_offsets_are_code_points_on_non_ascii_text(
        text in news_text(),
        prefix in prop::sample::select(&["Zoë ", "王毅说：", "🙂🙂 ", "İstanbul — ", "ﬁ\u{301} "][..]),
    ) {
        check_json(format!("{prefix}{text}"))?;
    }

    #[test]
    fn json_offsets_are_code_points_on_arbitrary_text(text in arbitrary_text()) {
        check_json(text)?;
    }
}

/// A fixed non-ASCII article, so that the JSON check above provably sees claims, sources,
/// cues, mentions and numbers, not only empty lists.
#[test]
fn json_offsets_slice_back_on_a_non_ascii_article() {
    let text = "Ça va — «Zoë» report\n\n“Les échanges ont augmenté de 5 %,” a déclaré Zoë \
                Ångström. Ångström said the 王毅 visit cost €3 million. “It went well,” she \
                said, adding that 12 agreements were signed."
        .to_string();
    if let Err(e) = check_json(text.clone()) {
        panic!("{e}");
    }
    let ex = extract(&text);
    assert!(ex.claims.len() >= 2, "claims: {:?}", ex.claims);
    assert!(
        ex.claims
            .iter()
            .any(|c| c.source.is_some() && c.cue.is_some())
    );
    assert!(ex.numbers.len() >= 2, "numbers: {:?}", ex.numbers);
    assert!(!ex.speakers.is_empty());
}
