//! CSV: one row per annotation, RFC 4180 quoting. `speaker` and `class` are empty when
//! the passage is not a claim; `speaker` is as the reader corrected it, and `correction`
//! says what was corrected by hand.

use super::{ExportError, ExportedArticle};

pub const COLUMNS: [&str; 20] = [
    "id",
    "article_id",
    "article_path",
    "article_title",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "speaker",
    "class",
    "tags",
    "note",
    "created",
    "updated",
    "status",
    "original_start",
    "original_end",
    "original_quote",
    "correction",
];

pub fn render(articles: &[ExportedArticle<'_>]) -> Result<String, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for article in articles {
        let meta = article.meta;
        for item in &article.annotations {
            let a = item.annotation;
            // An orphan has no position: its stored offsets point at other text now.
            let (start, end) = item
                .position()
                .map_or((String::new(), String::new()), |(s, e)| {
                    (s.to_string(), e.to_string())
                });
            let original = item.original();
            writer.write_record([
                a.id.as_str(),
                &meta.id,
                &meta.path,
                &meta.title,
                &start,
                &end,
                &item.target.exact,
                &item.target.prefix,
                &item.target.suffix,
                item.speaker.unwrap_or_default(),
                item.class().unwrap_or_default(),
                &a.tags.join(";"),
                &a.note,
                &a.created.to_string(),
                &a.updated.to_string(),
                item.status_str(),
                &original.map(|t| t.start.to_string()).unwrap_or_default(),
                &original.map(|t| t.end.to_string()).unwrap_or_default(),
                original.map_or("", |t| t.exact.as_str()),
                &item.correction().unwrap_or_default(),
            ])?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8(bytes)?)
}
