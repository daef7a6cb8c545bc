//! JSON: the annotations grouped with their articles.

use serde::Serialize;

use super::{ExportError, ExportedArticle};

#[derive(Serialize)]
struct Export<'a> {
    articles: Vec<Article<'a>>,
}

#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    annotations: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    created: String,
    updated: String,
    speaker: Option<&'a str>,
    /// The claim's class (`belief`); `null` when the passage is not a claim.
    class: Option<&'a str>,
    tags: &'a [String],
    note: &'a str,
    quote: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    /// Code points, end exclusive; `null` for an orphan (its stored quote is not in the
    /// text now).
    start: Option<usize>,
    end: Option<usize>,
    status: &'static str,
    /// The anchor as stored, for an annotation placed elsewhere or on changed words.
    #[serde(skip_serializing_if = "Option::is_none")]
    original: Option<Original<'a>>,
    /// What the reader corrected by hand (`said by Wang Yi`, `not a claim`).
    #[serde(skip_serializing_if = "Option::is_none")]
    correction: Option<String>,
}

#[derive(Serialize)]
struct Original<'a> {
    quote: &'a str,
    start: usize,
    end: usize,
}

pub fn render(articles: &[ExportedArticle<'_>]) -> Result<String, ExportError> {
    let export = Export {
        articles: articles
            .iter()
            .map(|article| Article {
                id: &article.meta.id,
                path: &article.meta.path,
                title: &article.meta.title,
                annotations: article
                    .annotations
                    .iter()
                    .map(|item| {
                        let a = item.annotation;
                        Item {
                            id: a.id.as_str(),
                            created: a.created.to_string(),
                            updated: a.updated.to_string(),
                            speaker: item.speaker,
                            class: item.class(),
                            tags: &a.tags,
                            note: &a.note,
                            quote: &item.target.exact,
                            prefix: &item.target.prefix,
                            suffix: &item.target.suffix,
                            start: item.position().map(|p| p.0),
                            end: item.position().map(|p| p.1),
                            status: item.status_str(),
                            original: item.original().map(|t| Original {
                                quote: &t.exact,
                                start: t.start,
                                end: t.end,
                            }),
                            correction: item.correction(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&export)?;
    text.push('\n');
    Ok(text)
}
