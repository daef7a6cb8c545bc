//! Re-anchoring: unit cases and properties.

use proptest::prelude::*;

use super::*;
use crate::annotate::myers::levenshtein;

const ARTICLE: &str = "The minister spoke on Monday. \"We will never accept this proposal,\" \
    she said at the summit in Geneva. Officials later added that talks would resume. \
    The opposition called the plan reckless and costly for taxpayers.";

fn target_of(text: &str, quote: &str) -> Target {
    let start = text.find(quote).expect("quote in text");
    Target::from_span(
        text,
        &CodePoints::new(text),
        Span::new(start, start + quote.len()),
    )
    .expect("valid span")
}

fn placed<'t>(text: &'t str, target: &Target) -> (AnchorStatus, &'t str) {
    let anchor = Anchorer::new(text).anchor(target);
    (anchor.status, anchor.span.map_or("", |s| s.slice(text)))
}

#[test]
fn unchanged_text_is_exact() {
    let t = target_of(ARTICLE, "We will never accept this proposal");
    assert_eq!(
        placed(ARTICLE, &t),
        (AnchorStatus::Exact, "We will never accept this proposal")
    );
}

#[test]
fn shifted_quote_is_moved() {
    let t = target_of(ARTICLE, "Officials later added");
    let edited = format!("BREAKING. {ARTICLE}");
    assert_eq!(
        placed(&edited, &t),
        (AnchorStatus::Moved, "Officials later added")
    );
}

#[test]
fn context_chooses_among_repeated_quotes() {
    let text = "Alpha said no deal. Then Beta said no deal. Finally Gamma said no deal.";
    let start = text.find("Beta said no deal").expect("present") + 5;
    let t = Target::from_span(text, &CodePoints::new(text), Span::new(start, start + 12))
        .expect("valid");
    assert_eq!(t.exact, "said no deal");
    // Shift everything so the stored position no longer fits, and add a decoy up front.
    let edited = format!("Delta said no deal? {text}");
    let anchor = Anchorer::new(&edited).anchor(&t);
    assert_eq!(anchor.status, AnchorStatus::Moved);
    let span = anchor.span.expect("placed");
    assert_eq!(
        span.start,
        20 + start,
        "the occurrence after `Beta`, not the first one"
    );
}

#[test]
fn lightly_edited_quote_is_fuzzy_at_the_right_place() {
    let t = target_of(ARTICLE, "Officials later added that talks would resume.");
    let edited = ARTICLE.replace("talks would resume", "talks will resume");
    let (status, text) = placed(&edited, &t);
    assert_eq!(status, AnchorStatus::Fuzzy);
    assert_eq!(text, "Officials later added that talks will resume.");
}

#[test]
fn rewritten_or_removed_quote_is_orphaned() {
    let t = target_of(ARTICLE, "The opposition called the plan reckless");
    let edited = ARTICLE.replace(
        "The opposition called the plan reckless and costly for taxpayers.",
        "Critics were unimpressed.",
    );
    assert_eq!(placed(&edited, &t), (AnchorStatus::Orphaned, ""));
}

#[test]
fn similar_text_elsewhere_without_context_is_not_used() {
    let quote = "the plan is reckless and costly";
    let original = format!("{} {quote} {}", "x".repeat(60), "y".repeat(60));
    let t = target_of(&original, quote);
    // The passage is gone; a near-copy exists in an unrelated place.
    let edited = format!(
        "{} the plan was reckless and costly {}",
        "q".repeat(60),
        "z".repeat(60)
    );
    assert_eq!(placed(&edited, &t).0, AnchorStatus::Orphaned);
}

#[test]
fn short_quotes_are_never_fuzzy() {
    let t = target_of(ARTICLE, "Monday");
    let edited = ARTICLE.replace("Monday", "Mondays");
    // "Monday" is still at its place, inside "Mondays".
    assert_eq!(placed(&edited, &t).0, AnchorStatus::Exact);
    let edited = ARTICLE.replace("Monday", "Tuesday");
    assert_eq!(placed(&edited, &t).0, AnchorStatus::Orphaned);
}

#[test]
fn stale_positions_past_the_end_do_not_panic() {
    let mut t = target_of(ARTICLE, "costly for taxpayers");
    t.start = 10_000;
    t.end = 10_020;
    assert_eq!(
        placed(ARTICLE, &t),
        (AnchorStatus::Moved, "costly for taxpayers")
    );
    assert_eq!(placed("", &t).0, AnchorStatus::Orphaned);
}

/// Text with enough variety that a 10+ character passage is unlikely to repeat.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zé]{1,8}|[0-9]{1,3}|[.,—“”]", 40..160).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn unchanged_text_is_the_identity(text in words(), a in 0usize..1000, len in 1usize..60) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let start = chars.get(a % chars.len()).map_or(0, |c| c.0);
        let end = chars.get((a % chars.len()) + len).map_or(text.len(), |c| c.0);
        let cp = CodePoints::new(&text);
        let target = Target::from_span(&text, &cp, Span::new(start, end)).expect("valid");
        let anchor = Anchorer::new(&text).anchor(&target);
        prop_assert_eq!(anchor, Anchor { status: AnchorStatus::Exact, span: Some(Span::new(start, end)) });
    }

    #[test]
    fn edits_outside_the_passage_keep_it_at_the_right_text(
        text in words(),
        a in 0usize..1000,
        len in 12usize..60,
        edits in prop::collection::vec((any::<bool>(), 0usize..10_000, "[a-zé ]{0,12}"), 1..6),
    ) {
        let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let first = a % chars.len();
        let start = chars.get(first).copied().unwrap_or(0);
        let end = chars.get(first + len).copied().unwrap_or(text.len());
        let cp = CodePoints::new(&text);
        let target = Target::from_span(&text, &cp, Span::new(start, end)).expect("valid");
        // Apply insertions/deletions before or after the passage, tracking where it goes.
        let (mut before, passage, mut after) =
            (text[..start].to_owned(), text[start..end].to_owned(), text[end..].to_owned());
        for (in_before, at, insert) in edits {
            let side = if in_before { &mut before } else { &mut after };
            let bounds: Vec<usize> = side.char_indices().map(|(i, _)| i).chain([side.len()]).collect();
            let at = bounds[at % bounds.len()];
            let cut = bounds.iter().copied().find(|&b| b >= at + 3).unwrap_or(at);
            if insert.is_empty() { side.replace_range(at..cut, ""); } else { side.insert_str(at, &insert); }
        }
        let edited = format!("{before}{passage}{after}");
        let anchor = Anchorer::new(&edited).anchor(&target);
        prop_assert!(matches!(anchor.status, AnchorStatus::Exact | AnchorStatus::Moved), "{:?}", anchor);
        let span = anchor.span.expect("placed");
        prop_assert_eq!(span.slice(&edited), passage.as_str());
        if edited.matches(passage.as_str()).count() == 1 {
            prop_assert_eq!(span.start, before.len());
        }
    }

    #[test]
    fn any_text_never_panics_and_respects_the_bound(
        text in "\\PC{0,300}",
        stored in "\\PC{1,60}",
        prefix in "\\PC{0,40}",
        suffix in "\\PC{0,40}",
        start in 0usize..400,
        len in 0usize..80,
    ) {
        let target = Target { start, end: start + len, exact: stored.clone(), prefix, suffix, extra: toml::Table::new() };
        let anchor = Anchorer::new(&text).anchor(&target);
        check_bound(&text, &target, anchor)?;
    }

    #[test]
    fn edited_quotes_are_placed_within_the_bound(
        text in words(),
        a in 0usize..1000,
        len in 12usize..80,
        typo in 0usize..1000,
        with in "[a-z]",
    ) {
        let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let first = a % chars.len();
        let start = chars.get(first).copied().unwrap_or(0);
        let end = chars.get(first + len).copied().unwrap_or(text.len());
        let target = Target::from_span(&text, &CodePoints::new(&text), Span::new(start, end)).expect("valid");
        let inside: Vec<usize> = (first..(first + len).min(chars.len())).filter_map(|i| chars.get(i).copied()).collect();
        let at = inside[typo % inside.len()];
        let mut edited = text.clone();
        let next = edited[at..].chars().next().map_or(0, char::len_utf8);
        edited.replace_range(at..at + next, &with);
        let anchor = Anchorer::new(&edited).anchor(&target);
        check_bound(&edited, &target, anchor)?;
    }
}

fn check_bound(text: &str, target: &Target, anchor: Anchor) -> Result<(), TestCaseError> {
    match anchor.status {
        AnchorStatus::Orphaned => prop_assert!(anchor.span.is_none()),
        AnchorStatus::Exact | AnchorStatus::Moved => {
            let span = anchor.span.expect("placed");
            prop_assert_eq!(span.slice(text), target.exact.as_str());
        }
        AnchorStatus::Fuzzy => {
            let span = anchor.span.expect("placed");
            let found = text.get(span.start..span.end);
            prop_assert!(found.is_some(), "span on char boundaries");
            let m = target.exact.chars().count();
            let bound = (m as f64 * MAX_ERROR_RATE).floor() as usize;
            prop_assert!(levenshtein(&target.exact, found.unwrap_or_default()) <= bound);
        }
    }
    Ok(())
}
