//! The properties the fuzz targets in `fuzz/` check, shared with the regression test that
//! runs their seed corpora on stable Rust (`tests/fuzz_seeds.rs`). Each takes arbitrary
//! bytes and panics only when a property fails, which is what a fuzzer looks for; none is
//! called by sayso itself.

use std::path::Path;

use crate::annotate::model::Target;
use crate::annotate::{Anchorer, format};
use crate::extract::{Span, extract};
use crate::text::offsets::CodePoints;

/// Extraction on any UTF-8: every span in bounds and on character boundaries, claims and
/// numbers sorted, numbers apart.
pub fn extraction(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let ex = extract(text);
    let ok = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for c in &ex.claims {
        assert!(ok(&c.span), "claim span {:?}", c.span);
        for s in c.fragments.iter().chain(&c.source).chain(&c.cue) {
            assert!(ok(s), "span {s:?}");
        }
        assert!(
            c.speaker.is_none_or(|k| k < ex.speakers.len()),
            "speaker index"
        );
    }
    assert!(
        ex.claims
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start),
        "claims sorted"
    );
    for n in &ex.numbers {
        assert!(ok(&n.span), "number span {:?}", n.span);
    }
    assert!(
        ex.numbers
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start),
        "numbers apart"
    );
}

/// Article decoding of any bytes: an article or a clear problem, never a panic; a decoded
/// article is named by its text and extracts within the properties above.
pub fn article_decoding(bytes: &[u8]) {
    if let Ok(article) = crate::article::Article::from_bytes("fuzz.txt", bytes) {
        assert!(!article.id.is_empty(), "an article has an id");
        extraction(article.text.as_bytes());
    }
}

/// Annotation files: whatever parses renders to TOML that parses back to the same thing.
pub fn annotation_toml(bytes: &[u8]) {
    let path = Path::new("fuzz.toml");
    let Ok(doc) = format::parse_bytes(path, bytes) else {
        return;
    };
    let Ok(text) = format::render(&doc) else {
        return;
    };
    let again = format::parse(path, &text);
    assert_eq!(again.ok().as_ref(), Some(&doc), "round trip of\n{text}");
}

/// Config files: any bytes give a config or an error, never a panic.
pub fn config_toml(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = crate::config::Config::parse(text, Path::new("fuzz.toml"));
    }
}

/// Re-anchoring after an edit: the input is a text, a `\0`, and an edited text; each
/// sentence of the first is a target placed on the second. A placement is in bounds, on
/// character boundaries, and an exact or moved one selects the quote word for word.
pub fn reanchoring(bytes: &[u8]) {
    let Ok(input) = std::str::from_utf8(bytes) else {
        return;
    };
    let (before, after) = input.split_once('\0').unwrap_or((input, input));
    let code_points = CodePoints::new(before);
    let anchorer = Anchorer::new(after);
    let mut start = 0;
    for (end, _) in before
        .match_indices(['.', '\n'])
        .chain([(before.len(), "")])
    {
        let Some(target) = Target::from_span(before, &code_points, Span::new(start, end)) else {
            start = end + usize::from(end < before.len());
            continue;
        };
        start = end + usize::from(end < before.len());
        let anchor = anchorer.anchor(&target);
        if let Some(span) = anchor.span {
            assert!(
                span.start <= span.end && span.end <= after.len(),
                "{span:?}"
            );
            assert!(after.is_char_boundary(span.start) && after.is_char_boundary(span.end));
            if matches!(
                anchor.status,
                crate::annotate::AnchorStatus::Exact | crate::annotate::AnchorStatus::Moved
            ) {
                assert_eq!(after.get(span.start..span.end), Some(target.exact.as_str()));
            }
        }
    }
}
