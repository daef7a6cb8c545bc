//! CSV: one row per annotation, RFC 4180 quoting. `speaker` and `class` are empty when
//! the passage is not a claim.

use super::{ExportError, ExportedArticle};

pub const COLUMNS: [&str; 16] = [
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
            writer.write_record([
                a.id.as_str(),
                &meta.id,
                &meta.path,
                &meta.title,
                &item.start.to_string(),
                &item.end.to_string(),
                &a.target.exact,
                &a.target.prefix,
                &a.target.suffix,
                a.speaker.as_deref().unwrap_or_default(),
                a.class.as_deref().unwrap_or_default(),
                &a.tags.join(";"),
                &a.note,
                &a.created.to_string(),
                &a.updated.to_string(),
                item.status_str(),
            ])?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8(bytes)?)
}
