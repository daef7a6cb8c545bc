//! What the search index holds of an article: one entry per sentence, with the speakers,
//! kinds and classes of the claims that touch it. Plain data, built without the index.

use super::query::article_day;
use crate::article::Article;
use crate::extract::{ClaimClass, ClaimKind, Extraction};
use crate::text::sentences;

/// One sentence of an article, as indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceEntry<'a> {
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    pub text: &'a str,
    /// Speakers of the claims that overlap the sentence, each once, in claim order.
    pub speakers: Vec<&'a str>,
    pub kinds: Vec<ClaimKind>,
    pub classes: Vec<ClaimClass>,
}

/// The article-level fields every sentence carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFields<'a> {
    pub id: &'a str,
    pub source: Option<&'a str>,
    /// `YYYYMMDD`.
    pub day: Option<i64>,
}

pub fn article_fields(article: &Article) -> ArticleFields<'_> {
    ArticleFields {
        id: &article.id,
        source: article.source.as_deref(),
        day: article.date.as_deref().and_then(article_day),
    }
}

/// Every sentence of `text` with what the claims of `x` say about it. Each claim visits
/// only the sentences it overlaps (found by binary search), so the work is the sentences
/// plus the claim–sentence pairs written out.
pub fn sentence_entries<'a>(text: &'a str, x: &'a Extraction) -> Vec<SentenceEntry<'a>> {
    let spans = sentences::split(text);
    let mut entries: Vec<SentenceEntry<'a>> = spans
        .iter()
        .map(|s| SentenceEntry {
            start: s.start,
            text: text.get(s.start..s.end).unwrap_or(""),
            speakers: Vec::new(),
            kinds: Vec::new(),
            classes: Vec::new(),
        })
        .collect();
    for claim in &x.claims {
        let first = spans.partition_point(|s| s.end <= claim.span.start);
        let speaker = claim
            .speaker
            .and_then(|i| x.speakers.get(i))
            .map(|s| s.name.as_str());
        for (span, entry) in spans.iter().zip(entries.iter_mut()).skip(first) {
            if span.start >= claim.span.end {
                break;
            }
            if let Some(name) = speaker
                && !entry.speakers.contains(&name)
            {
                entry.speakers.push(name);
            }
            if !entry.kinds.contains(&claim.kind) {
                entry.kinds.push(claim.kind);
            }
            if !entry.classes.contains(&claim.class) {
                entry.classes.push(claim.class);
            }
        }
    }
    entries.retain(|e| !e.text.trim().is_empty());
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn sentences_carry_the_claims_that_touch_them() {
        let text = "The port reopened on Monday. \"We are ready,\" said Ana Ruiz, the harbour \
                    master. Trade fell 4% last year.";
        let x = extract(text);
        let entries = sentence_entries(text, &x);
        assert_eq!(entries.len(), 3, "{entries:#?}");
        for e in &entries {
            assert_eq!(text.get(e.start..e.start + e.text.len()), Some(e.text));
        }
        let quote = entries.iter().find(|e| e.text.contains("ready")).unwrap();
        assert_eq!(quote.speakers, vec!["Ana Ruiz"]);
        assert_eq!(quote.kinds, vec![ClaimKind::Direct]);
        assert!(entries[0].speakers.is_empty() && entries[0].kinds.is_empty());
    }
}
