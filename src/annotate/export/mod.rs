//! Export of annotations: Markdown, JSON, CSV and W3C Web Annotation (JSON-LD).
//!
//! Every format keeps each annotation's stable id. Offsets are code points, end exclusive:
//! the current placement when the article's text could be read and the annotation placed,
//! else the stored one (the `status` then says so).

mod csv;
mod json;
mod markdown;
mod w3c;

use std::path::{Path, PathBuf};

use super::anchor::Anchorer;
use super::corrections;
use super::format::ArticleMeta;
use super::library::Library;
use super::model::{AnchorStatus, Annotation, Target};
use super::store::{Storage, StoreError};

/// An export format, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
    Csv,
    W3c,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Csv,
        ExportFormat::W3c,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "markdown",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::W3c => "w3c",
        }
    }

    /// The usual file extension (for a default file name).
    pub const fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::W3c => "jsonld",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => Ok(ExportFormat::Markdown),
            "json" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            "w3c" | "jsonld" | "json-ld" => Ok(ExportFormat::W3c),
            _ => Err(ExportError::UnknownFormat(s.to_owned())),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown export format `{0}`: expected markdown, json, csv or w3c")]
    UnknownFormat(String),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV output is not UTF-8")]
    Utf8(#[from] std::string::FromUtf8Error),
}

/// Which annotations to export. Empty lists select everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Annotations carrying any of these tags (a leading `#` is ignored).
    pub tags: Vec<String>,
    /// Articles by path (as recorded, or the same file) or by article id.
    pub articles: Vec<String>,
}

impl ExportFilter {
    fn wants_article(&self, meta: &ArticleMeta) -> bool {
        self.articles.is_empty()
            || self.articles.iter().any(|a| {
                *a == meta.path || *a == meta.id || same_file(Path::new(a), Path::new(&meta.path))
            })
    }

    fn wants(&self, annotation: &Annotation) -> bool {
        self.tags.is_empty()
            || self
                .tags
                .iter()
                .any(|t| annotation.has_tag(t.trim().trim_start_matches('#')))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// One annotation as exported, with where it sits now.
#[derive(Debug, Clone)]
pub struct ExportedAnnotation<'a> {
    pub annotation: &'a Annotation,
    /// Who said the passage, with the article's speaker corrections applied
    /// ([`corrections::speaker_of`]).
    pub speaker: Option<&'a str>,
    /// `None` when the article's current text was not available to check.
    pub status: Option<AnchorStatus>,
    /// What the annotation selects now: quote, context and code-point offsets (end
    /// exclusive) on the current text where it was placed there; the stored target where
    /// the text could not be read. An orphan keeps its stored quote here, but it has no
    /// position (see [`ExportedAnnotation::position`]).
    pub target: Target,
}

impl ExportedAnnotation<'_> {
    /// The status as text; `unchecked` when the article's text was not available.
    /// What the reader corrected on the passage, in words; `None` when nothing.
    pub fn correction(&self) -> Option<String> {
        corrections::of(self.annotation).map(corrections::Correction::describe)
    }

    /// The claim's class; `None` when the passage is no claim (or was marked not one).
    pub fn class(&self) -> Option<&str> {
        match corrections::of(self.annotation) {
            Some(c) if c.not_a_claim => None,
            _ => self.annotation.class.as_deref(),
        }
    }

    pub fn status_str(&self) -> &'static str {
        self.status.map_or("unchecked", AnchorStatus::as_str)
    }

    /// Code points, end exclusive, of what the quote selects; `None` for an orphan, whose
    /// stored offsets point at unrelated text now.
    pub fn position(&self) -> Option<(usize, usize)> {
        (self.status != Some(AnchorStatus::Orphaned))
            .then_some((self.target.start, self.target.end))
    }

    /// The anchor as stored, when the annotation was placed elsewhere or on changed words
    /// (moved, fuzzy): kept beside the current one.
    pub fn original(&self) -> Option<&Target> {
        matches!(self.status, Some(AnchorStatus::Moved | AnchorStatus::Fuzzy))
            .then_some(&self.annotation.target)
    }
}

/// An article and its selected annotations.
#[derive(Debug, Clone)]
pub struct ExportedArticle<'a> {
    pub meta: &'a ArticleMeta,
    /// The article's date and outlet, as read from its current text (`None` when unknown
    /// or when the text could not be read).
    pub date: Option<String>,
    pub source: Option<String>,
    pub annotations: Vec<ExportedAnnotation<'a>>,
}

/// Selects annotations from `library`, placing them on the text `text_of` returns for an
/// article (`None`: stored positions, status unchecked). Articles with no selected
/// annotation are left out; articles are sorted by title, then path.
pub fn select<'a>(
    library: &'a Library,
    filter: &ExportFilter,
    text_of: impl Fn(&ArticleMeta) -> Option<String>,
) -> Vec<ExportedArticle<'a>> {
    let mut out = Vec::new();
    for (_, file) in library.files() {
        let meta = file.article();
        if !filter.wants_article(meta) {
            continue;
        }
        let chosen: Vec<&Annotation> = file
            .annotations()
            .iter()
            .filter(|a| filter.wants(a))
            .collect();
        if chosen.is_empty() {
            continue;
        }
        let text = text_of(meta);
        let (date, source) = text.as_deref().map_or((None, None), |text| {
            let found =
                crate::article::meta::Metadata::read_at(std::path::Path::new(&meta.path), text);
            (found.date, found.source)
        });
        let anchorer = text.as_deref().map(Anchorer::new);
        let all = file.annotations();
        let annotations = chosen
            .into_iter()
            .map(|annotation| match &anchorer {
                None => ExportedAnnotation {
                    annotation,
                    speaker: corrections::speaker_of(all, annotation),
                    status: None,
                    target: annotation.target.clone(),
                },
                Some(anchorer) => {
                    let anchor = anchorer.anchor(&annotation.target);
                    // The quote and context as they read now, so position and quote agree.
                    let current = anchor.span.and_then(|span| {
                        Target::from_span(anchorer.text(), anchorer.code_points(), span)
                    });
                    ExportedAnnotation {
                        annotation,
                        speaker: corrections::speaker_of(all, annotation),
                        status: Some(anchor.status),
                        target: current.unwrap_or_else(|| annotation.target.clone()),
                    }
                }
            })
            .collect();
        out.push(ExportedArticle {
            meta,
            date,
            source,
            annotations,
        });
    }
    out.sort_by(|a, b| (&a.meta.title, &a.meta.path).cmp(&(&b.meta.title, &b.meta.path)));
    out
}

/// Renders selected annotations in `format`.
pub fn render(
    format: ExportFormat,
    articles: &[ExportedArticle<'_>],
) -> Result<String, ExportError> {
    match format {
        ExportFormat::Markdown => Ok(markdown::render(articles)),
        ExportFormat::Json => json::render(articles),
        ExportFormat::Csv => csv::render(articles),
        ExportFormat::W3c => w3c::render(articles),
    }
}

/// What `sayso export` prints or writes.
#[derive(Debug)]
pub struct ExportOutput {
    pub text: String,
    /// How many annotations were exported.
    pub count: usize,
    /// Annotation files that could not be read or parsed (left out, and untouched).
    pub problems: Vec<StoreError>,
}

/// Everything `sayso export --format F [--tag T]… [--article PATH]` does but writing:
/// loads the annotation files (the storage directory, or in sidecar mode the sidecars of
/// `article_paths` and of the filter's article paths), re-anchors each annotation on its
/// article's current text when the recorded path can be read, and renders.
pub fn export_library(
    storage: &Storage,
    article_paths: &[PathBuf],
    format: ExportFormat,
    filter: &ExportFilter,
) -> Result<ExportOutput, ExportError> {
    let mut paths = article_paths.to_vec();
    paths.extend(filter.articles.iter().map(PathBuf::from));
    let mut library = Library::load(storage.clone(), &paths);
    let (text, count) = {
        let articles = select(&library, filter, read_article_text);
        let count = articles.iter().map(|a| a.annotations.len()).sum();
        (render(format, &articles)?, count)
    };
    let problems = library.take_problems();
    Ok(ExportOutput {
        text,
        count,
        problems,
    })
}

/// The article's text at its recorded path, read as the article loader reads it (the
/// same decoding, UTF-16 and all); for the samples built into the binary (recorded as
/// `seeds/<name>`), their text.
fn read_article_text(meta: &ArticleMeta) -> Option<String> {
    if meta.path.is_empty() {
        return None;
    }
    match crate::article::read_file(Path::new(&meta.path)) {
        Ok(article) => Some(article.text),
        Err(_) => crate::article::embedded_seeds()
            .into_iter()
            .find(|a| a.path == Path::new(&meta.path))
            .map(|a| a.text),
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
