//! Helpers for the construction tests: every claim of a body as the tests see it.
#![allow(dead_code)]

use sayso::extract::{Claim, ClaimClass, ClaimKind, Extraction, extract};

/// One claim as the tests see it.
#[derive(Debug)]
pub struct Seen {
    pub text: String,
    pub kind: ClaimKind,
    pub class: ClaimClass,
    pub speaker: Option<String>,
    pub source: Option<String>,
    pub cue: Option<String>,
    pub fragments: usize,
}

/// Every claim of `body`, which follows a title line as in an article.
pub fn claims(body: &str) -> (String, Vec<Seen>) {
    let text = format!("A headline\n\n{body}\n");
    let ex = extract(&text);
    let seen = ex.claims.iter().map(|c| see(&text, &ex, c)).collect();
    (text, seen)
}

pub fn see(text: &str, ex: &Extraction, c: &Claim) -> Seen {
    Seen {
        text: c.span.slice(text).to_owned(),
        kind: c.kind,
        class: c.class,
        speaker: c
            .speaker
            .and_then(|k| ex.speakers.get(k))
            .map(|s| s.name.clone()),
        source: c.source.map(|s| s.slice(text).to_owned()),
        cue: c.cue.map(|s| s.slice(text).to_owned()),
        fragments: c.fragments.len(),
    }
}

/// The claim whose text is `content`, or a failure that shows every claim.
pub fn find(body: &str, content: &str) -> Seen {
    let (_, all) = claims(body);
    let shown = format!("{all:#?}");
    all.into_iter()
        .find(|c| c.text == content)
        .unwrap_or_else(|| panic!("no claim {content:?} in {body:?}; got {shown}"))
}

pub fn none(body: &str) {
    let (_, all) = claims(body);
    assert!(
        all.is_empty(),
        "expected no claim in {body:?}, got {all:#?}"
    );
}

/// Fails, showing every claim, if any claim of `body` is `bad`.
pub fn no_claim_where(body: &str, bad: impl Fn(&Seen) -> bool) {
    let (_, all) = claims(body);
    assert!(!all.iter().any(bad), "in {body:?}: {all:#?}");
}
