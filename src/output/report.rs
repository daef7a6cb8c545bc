//! A readable report of one article: speakers with their roles and claims (each with its
//! kind, cue and, when it is not speech, its class), then the numbers with a little
//! context.

use std::fmt::Write;

use crate::article::Article;
use crate::extract::{Claim, ClaimClass, Extraction, Span};

/// The text report for one article.
pub fn article_report(article: &Article, ex: &Extraction) -> String {
    let text = article.text.as_str();
    let mut out = String::new();
    let _ = writeln!(out, "== {}", article.title);
    let mut meta = vec![article.path.to_string_lossy().into_owned()];
    meta.extend(article.date.clone());
    meta.extend(article.source.clone());
    meta.push(format!("id {}", article.id));
    let _ = writeln!(out, "   {}", meta.join(" · "));
    for w in &article.warnings {
        let _ = writeln!(out, "   warning: {w}");
    }
    let _ = writeln!(out, "\nSpeakers ({})", ex.speakers.len());
    // Claims grouped by speaker in one pass: a filter per speaker would be quadratic.
    let mut by_speaker: Vec<Vec<&Claim>> = vec![Vec::new(); ex.speakers.len()];
    for c in &ex.claims {
        if let Some(list) = c.speaker.and_then(|k| by_speaker.get_mut(k)) {
            list.push(c);
        }
    }
    for (s, claims) in ex.speakers.iter().zip(by_speaker) {
        let role = s
            .role
            .as_deref()
            .map(|r| format!(" — {r}"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {}{role}  ({} claims)", s.name, claims.len());
        for c in claims {
            write_claim(&mut out, text, c);
        }
    }
    let unattributed: Vec<_> = ex.claims.iter().filter(|c| c.speaker.is_none()).collect();
    if !unattributed.is_empty() {
        let _ = writeln!(out, "  (nobody named)  ({} claims)", unattributed.len());
        for c in unattributed {
            write_claim(&mut out, text, c);
        }
    }
    let _ = writeln!(out, "\nNumbers ({})", ex.numbers.len());
    for n in &ex.numbers {
        let value = match (n.value, n.unit) {
            (Some(v), Some(u)) => format!(" = {} {u}", fmt_value(v)),
            (Some(v), None) => format!(" = {}", fmt_value(v)),
            _ => String::new(),
        };
        let qualifier = n.qualifier.map(|q| format!(", {q}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}{value} ({}{qualifier})  …{}…",
            n.span.slice(text),
            n.kind.as_str(),
            context(text, n.span, 30)
        );
    }
    out
}

/// One claim on one line: `[kind, cue]`, then `[class]` unless it is speech (most claims
/// are, so the tag marks the stances and evidence), then the words; a quote split by its
/// attribution shows its pieces joined by `…`.
fn write_claim(out: &mut String, text: &str, claim: &Claim) {
    let cue = claim.cue.map(|c| c.slice(text)).unwrap_or("—");
    let class = match claim.class {
        ClaimClass::Speech => String::new(),
        other => format!(" [{}]", other.as_str()),
    };
    let pieces: Vec<Span> = if claim.fragments.is_empty() {
        vec![claim.span]
    } else {
        claim.fragments.clone()
    };
    let body = pieces
        .iter()
        .map(|p| {
            p.slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(" … ");
    let _ = writeln!(
        out,
        "    [{}, {cue}]{class} {}",
        claim.kind.as_str(),
        ellipsize(&body, 160)
    );
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn ellipsize(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// A few words either side of `span`, on one line.
fn context(text: &str, span: Span, width: usize) -> String {
    let mut start = span.start.saturating_sub(width);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + width).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ClaimKind, extract};

    #[test]
    fn lists_speakers_with_claims_and_numbers() {
        let article = Article::from_text(
            "t.txt",
            "Budget news\n\n\"We will spend $5 billion,\" said Mayor Jane Doe.".into(),
        );
        let report = article_report(&article, &extract(&article.text));
        assert!(report.contains("Jane Doe — Mayor  (1 claims)"), "{report}");
        assert!(
            report.contains("[direct, said] We will spend $5 billion"),
            "{report}"
        );
    }

    #[test]
    fn claims_other_than_speech_carry_their_class() {
        let text = "\"We will build it,\" said Ana Ruiz. Ruiz believes the costs will fall.";
        let article = Article::from_text("t.txt", text.into());
        let span = |needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            Span::new(start, start + needle.len())
        };
        let claim = |content: &str, cue: &str, kind, class| Claim {
            span: span(content),
            fragments: Vec::new(),
            kind,
            class,
            speaker: Some(0),
            source: None,
            cue: Some(span(cue)),
        };
        let ex = Extraction {
            speakers: vec![crate::extract::Speaker {
                name: "Ana Ruiz".into(),
                role: None,
                kind: crate::extract::SpeakerKind::Person,
                mentions: vec![span("Ana Ruiz")],
            }],
            claims: vec![
                claim(
                    "We will build it,",
                    "said",
                    ClaimKind::Direct,
                    ClaimClass::Speech,
                ),
                claim(
                    "the costs will fall",
                    "believes",
                    ClaimKind::Indirect,
                    ClaimClass::Belief,
                ),
            ],
            numbers: Vec::new(),
        };
        let report = article_report(&article, &ex);
        assert!(
            report.contains("    [direct, said] We will build it,\n"),
            "speech is untagged:\n{report}"
        );
        assert!(
            report.contains("    [indirect, believes] [belief] the costs will fall\n"),
            "{report}"
        );
    }

    #[test]
    fn split_quotes_show_their_pieces() {
        let article = Article::from_text(
            "t.txt",
            "\"The span is done,\" said Omar Bell. \"The deck is next.\"".into(),
        );
        let report = article_report(&article, &extract(&article.text));
        assert!(
            report.contains("[direct, said] The span is done, … The deck is next."),
            "{report}"
        );
    }
}
