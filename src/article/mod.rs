//! The article model: an article's text and what sayso knows about it before extraction.

pub mod meta;

use std::path::PathBuf;

/// One article of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the first 16 hex digits of the SHA-256 of the text.
    pub id: String,
    /// Where the text came from: a file path, `-` for stdin, or `seeds/<name>` for the
    /// embedded samples.
    pub path: PathBuf,
    /// First meaningful line (breadcrumbs and scraper debris skipped); never empty.
    pub title: String,
    /// Publication date as ISO `YYYY-MM-DD` when the text gives one.
    pub date: Option<String>,
    /// Source outlet when the text shows one (a trailing `News.Az` line).
    pub source: Option<String>,
    /// The full text, as decoded (lossily if the file was not valid UTF-8).
    pub text: String,
    /// Problems found while loading (lossy decoding, empty file); shown, not fatal.
    pub warnings: Vec<String>,
}

impl Article {
    /// True when the file had no text at all.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}
