//! The article model: an article's text and what sayso knows about it before extraction.
//!
//! Articles come from files and directories ([`load_paths`]), from any reader such as stdin
//! ([`load_reader`]) or from the samples built into the binary ([`embedded_seeds`]).

pub mod clean;
mod decode;
pub mod html;
mod load;
pub mod markdown;
pub mod meta;
mod seeds;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use load::{
    FileStamp, Library, LoadProblem, MAX_ARTICLE_BYTES, Source, Stamper, list_paths, load_paths,
    load_paths_with_stdin, load_reader, plan_paths, plan_paths_stamped, read_file, read_source,
};
pub use seeds::embedded_seeds;

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
    /// Publication date as ISO `YYYY-MM-DD` when the text (else the file name or folders)
    /// gives one.
    pub date: Option<String>,
    /// Source outlet when the text shows one (a trailing `News.Az` line), else the file
    /// name (`cnn_2019-11-20_slug.txt`).
    pub source: Option<String>,
    /// The full text, as decoded (lossily if the file was not valid UTF-8).
    pub text: String,
    /// Problems found while loading (lossy decoding, empty file); shown, not fatal.
    pub warnings: Vec<String>,
}

/// Warning attached to an article whose text is empty or only whitespace.
pub const EMPTY_WARNING: &str = "empty file: nothing to read";

impl Article {
    /// An article from already decoded text: computes its id and reads its metadata.
    ///
    /// When the text has no line fit for a title, the file name stands in, so the title
    /// is never empty.
    pub fn from_text(path: impl Into<PathBuf>, text: String) -> Article {
        let path = path.into();
        // The text knows best; the file name and folders fill in what it does not say.
        let meta = meta::Metadata::read_at(&path, &text);
        let mut warnings = Vec::new();
        if text.trim().is_empty() {
            warnings.push(EMPTY_WARNING.to_string());
        }
        Article {
            id: content_id(&text),
            title: meta.title.unwrap_or_else(|| fallback_title(&path)),
            date: meta.date,
            source: meta.source,
            path,
            text,
            warnings,
        }
    }

    /// An article from the raw bytes of a file: invalid UTF-8 is decoded lossily (with a
    /// warning), UTF-16 with a byte order mark is decoded; binary content is refused.
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Article, LoadProblem> {
        Article::from_vec(path, bytes.to_vec())
    }

    /// As [`Article::from_bytes`], taking the bytes: valid UTF-8 becomes the text as it is,
    /// without a copy.
    pub fn from_vec(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Article, LoadProblem> {
        let path = path.into();
        match decode::decode_owned(bytes) {
            decode::Decoded::Binary => Err(LoadProblem::Binary { path }),
            decode::Decoded::Text { text, warning } => {
                let mut article = Article::from_text(path, text);
                if let Some(warning) = warning {
                    article.warnings.insert(0, warning);
                }
                Ok(article)
            }
        }
    }

    /// True when the file had no text at all.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The id of a text: the first 16 hex digits of the SHA-256 of its UTF-8 bytes. Equal texts
/// share an id on every machine and run.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest
        .iter()
        .take(8)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The file name (or the whole path, or `(untitled)`) for a text without a title line.
fn fallback_title(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned());
    let name = name.trim();
    if name.is_empty() {
        "(untitled)".to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn id_is_the_sha256_prefix_of_the_text() {
        // Reference values from `printf %s TEXT | sha256sum`.
        assert_eq!(content_id(""), "e3b0c44298fc1c14");
        assert_eq!(content_id("abc"), "ba7816bf8f01cfea");
        assert_eq!(content_id("abc").len(), 16);
        assert_ne!(content_id("abc"), content_id("abd"));
    }

    #[test]
    fn from_text_reads_metadata() {
        let text = "Home > News\nDam inspection finds cracks\n\nBEIJING, 7 March 2022 \
                    (Xinhua) -- Engineers said on Monday ..."
            .to_string();
        let article = Article::from_text("a/b.txt", text);
        assert_eq!(article.title, "Dam inspection finds cracks");
        assert_eq!(article.date.as_deref(), Some("2022-03-07"));
        assert_eq!(article.source.as_deref(), Some("Xinhua"));
        assert!(article.warnings.is_empty());
        assert!(!article.is_empty());
    }

    #[test]
    fn empty_text_is_flagged_and_titled_by_file_name() {
        let article = Article::from_text("dir/blank.txt", " \n\n".to_string());
        assert!(article.is_empty());
        assert_eq!(article.title, "blank.txt");
        assert_eq!(article.warnings, vec![EMPTY_WARNING.to_string()]);
    }

    #[test]
    fn nameless_path_gets_a_placeholder_title() {
        assert_eq!(Article::from_text("", String::new()).title, "(untitled)");
        assert_eq!(Article::from_text("-", String::new()).title, "-");
    }

    #[test]
    fn from_bytes_decodes_lossily_with_a_warning() {
        let article = Article::from_bytes("x.txt", b"Caf\xe9 owners protest\n").unwrap();
        assert_eq!(article.text, "Caf\u{fffd} owners protest\n");
        assert_eq!(article.title, "Caf\u{fffd} owners protest");
        assert_eq!(article.warnings.len(), 1);
        assert!(
            article.warnings[0].contains("UTF-8"),
            "{:?}",
            article.warnings
        );
    }

    #[test]
    fn from_bytes_refuses_binary() {
        let problem = Article::from_bytes("img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(matches!(problem, LoadProblem::Binary { .. }));
        assert!(problem.to_string().contains("img.txt"));
    }

    proptest! {
        #[test]
        fn metadata_is_total_and_titles_are_never_empty(text in any::<String>()) {
            let meta = meta::Metadata::read(&text);
            if let Some(title) = &meta.title {
                prop_assert!(!title.trim().is_empty());
            }
            if let Some(date) = &meta.date {
                prop_assert_eq!(date.len(), 10);
            }
            let article = Article::from_text("p.txt", text);
            prop_assert!(!article.title.trim().is_empty());
        }

        #[test]
        fn metadata_is_total_on_article_like_text(
            lines in proptest::collection::vec(
                "[ #>»<\\[\\]()|:.,A-Za-z0-9↺−+\u{a0}\u{200b}\u{feff}-]{0,60}", 0..8),
        ) {
            let text = lines.join("\n");
            let article = Article::from_text("p.txt", text);
            prop_assert!(!article.title.trim().is_empty());
            prop_assert!(article.title.chars().count() <= 160);
        }
    }
}
