//! The annotation file format: one TOML document per annotated article.
//!
//! ```toml
//! version = 1
//!
//! [article]
//! id = "3f2a9c0d51e4b7a8"     # content hash: first 16 hex digits of the text's SHA-256
//! path = "/home/me/news/summit.txt"
//! title = "Leaders meet at the summit"
//!
//! [[annotation]]
//! id = "01JXQ3M6Z8N5V4T2R1P0K9H8G7"
//! created = "2025-06-01T12:30:05.123Z"
//! updated = "2025-06-01T12:31:40.002Z"
//! speaker = "Wang Yi"          # on a claim: its canonical speaker and class
//! class = "belief"
//! tags = ["rhetoric", "economy"]
//! note = """
//! Compare with last year's statement."""
//!
//! [annotation.target]
//! start = 120                  # code points, end exclusive
//! end = 164
//! exact = "we will never accept this"
//! prefix = "…up to 40 characters before…"
//! suffix = "…up to 40 characters after…"
//! ```
//!
//! Keys are written in a fixed order; notes with line breaks become multi-line strings.
//! Keys this version does not know are kept, at every level, when the file is rewritten.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::model::{Annotation, AnnotationId};

/// The newest file format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Written at the top of every file: the file is for people too.
const HEADER: &str = "# sayso annotations for one article. Hand edits are welcome: keep it valid TOML.\n\
# Offsets are Unicode code points, end exclusive. Unknown keys are kept.\n\n";

/// The article an annotation file belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ArticleMeta {
    /// Content hash of the text the annotations were last placed on: the article id, the
    /// first 16 hex digits of the SHA-256 of the text.
    pub id: String,
    /// The article's path when last saved (`seeds/<name>` for embedded samples).
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub title: String,
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The whole content of an annotation file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnotationDoc {
    #[serde(default = "default_version")]
    pub version: u32,
    pub article: ArticleMeta,
    #[serde(default, rename = "annotation")]
    pub annotations: Vec<Annotation>,
    #[serde(flatten)]
    pub extra: toml::Table,
}

fn default_version() -> u32 {
    FORMAT_VERSION
}

impl AnnotationDoc {
    pub fn new(article: ArticleMeta) -> Self {
        AnnotationDoc {
            version: FORMAT_VERSION,
            article,
            annotations: Vec::new(),
            extra: toml::Table::new(),
        }
    }
}

/// A file that is not a valid annotation file, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ParseError {
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
}

impl ParseError {
    fn at(path: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(source, offset);
        ParseError {
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` of `source`.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = source.get(..offset).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

/// Decodes and parses the bytes of the annotation file at `path` (named in errors).
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<AnnotationDoc, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(source) => parse(path, source),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let source = String::from_utf8_lossy(valid);
            Err(ParseError::at(
                path,
                &source,
                source.len(),
                "the file is not valid UTF-8",
            ))
        }
    }
}

/// Parses the text of the annotation file at `path` (named in errors).
pub fn parse(path: &Path, source: &str) -> Result<AnnotationDoc, ParseError> {
    let doc: AnnotationDoc = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        ParseError::at(path, source, offset, e.message().trim())
    })?;
    validate(&doc).map_err(|problem| problem.locate(path, source))?;
    Ok(doc)
}

/// The `[article]` table of a file that does not parse, read line by line as far as it
/// can be: which article a broken file belongs to, so that article's annotations stay
/// read-only (rather than start afresh in a second file) until the file is fixed. Keys
/// that cannot be read stay empty.
pub fn salvage_article(bytes: &[u8]) -> ArticleMeta {
    let source = String::from_utf8_lossy(bytes);
    let mut meta = ArticleMeta::default();
    let mut in_article = false;
    for line in source.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_article = line
                .trim_start_matches('[')
                .trim_start()
                .starts_with("article")
                && line
                    .trim_start_matches('[')
                    .trim_start()
                    .trim_start_matches("article")
                    .trim_start()
                    .starts_with(']');
            continue;
        }
        if !in_article {
            continue;
        }
        // One `key = "value"` line is a TOML document of its own.
        let Ok(table) = line.parse::<toml::Table>() else {
            continue;
        };
        for (key, value) in table {
            let (Some(slot), Some(text)) = (
                match key.as_str() {
                    "id" => Some(&mut meta.id),
                    "path" => Some(&mut meta.path),
                    "title" => Some(&mut meta.title),
                    _ => None,
                },
                value.as_str(),
            ) else {
                continue;
            };
            text.clone_into(slot);
        }
    }
    meta
}

/// Renders `doc` as the text of its file.
pub fn render(doc: &AnnotationDoc) -> Result<String, toml::ser::Error> {
    let body = toml::to_string(doc)?;
    Ok(format!("{HEADER}{body}"))
}

/// A rule that TOML types alone do not enforce.
enum Problem {
    NewerVersion(u32),
    DuplicateId(usize),
    EmptyId(usize),
    EmptyQuote(usize),
    Reversed(usize),
}

fn validate(doc: &AnnotationDoc) -> Result<(), Problem> {
    if doc.version > FORMAT_VERSION {
        return Err(Problem::NewerVersion(doc.version));
    }
    let mut seen: HashSet<&AnnotationId> = HashSet::with_capacity(doc.annotations.len());
    for (i, a) in doc.annotations.iter().enumerate() {
        if a.id.as_str().trim().is_empty() {
            return Err(Problem::EmptyId(i));
        }
        if !seen.insert(&a.id) {
            return Err(Problem::DuplicateId(i));
        }
        if a.target.exact.is_empty() {
            return Err(Problem::EmptyQuote(i));
        }
        if a.target.start > a.target.end {
            return Err(Problem::Reversed(i));
        }
    }
    Ok(())
}

/// Just enough of the file, with spans, to point at the key a [`Problem`] is about. Parsed
/// only when a problem was found, so loading valid files pays nothing for it.
#[derive(Deserialize)]
struct Located {
    version: Option<Spanned<toml::Value>>,
    #[serde(default)]
    annotation: Vec<Spanned<LocatedAnnotation>>,
}

#[derive(Deserialize)]
struct LocatedAnnotation {
    id: Option<Spanned<toml::Value>>,
    target: Option<Spanned<LocatedTarget>>,
}

#[derive(Deserialize)]
struct LocatedTarget {
    start: Option<Spanned<toml::Value>>,
    exact: Option<Spanned<toml::Value>>,
}

impl Problem {
    fn locate(self, path: &Path, source: &str) -> ParseError {
        let located: Option<Located> = toml::from_str(source).ok();
        let annotation = |i: usize| located.as_ref().and_then(|l| l.annotation.get(i));
        let (offset, message) = match self {
            Problem::NewerVersion(v) => (
                located
                    .as_ref()
                    .and_then(|l| l.version.as_ref())
                    .map(|v| v.span().start),
                format!(
                    "format version {v} was written by a newer sayso (this one reads up to \
                     {FORMAT_VERSION}); the file is left untouched"
                ),
            ),
            Problem::DuplicateId(i) => (
                annotation(i)
                    .and_then(|a| a.get_ref().id.as_ref())
                    .map(|s| s.span().start),
                "another annotation in this file has the same id".to_owned(),
            ),
            Problem::EmptyId(i) => (
                annotation(i)
                    .and_then(|a| a.get_ref().id.as_ref())
                    .map(|s| s.span().start),
                "the annotation id is empty".to_owned(),
            ),
            Problem::EmptyQuote(i) => (
                annotation(i)
                    .and_then(|a| a.get_ref().target.as_ref())
                    .and_then(|t| t.get_ref().exact.as_ref())
                    .map(|s| s.span().start),
                "the target's `exact` quote is empty".to_owned(),
            ),
            Problem::Reversed(i) => (
                annotation(i)
                    .and_then(|a| a.get_ref().target.as_ref())
                    .and_then(|t| t.get_ref().start.as_ref())
                    .map(|s| s.span().start),
                "the target's `start` is after its `end`".to_owned(),
            ),
        };
        // Fall back to the annotation's table when the key itself cannot be found.
        let offset = offset.unwrap_or_else(|| match self {
            Problem::DuplicateId(i)
            | Problem::EmptyId(i)
            | Problem::EmptyQuote(i)
            | Problem::Reversed(i) => annotation(i).map_or(0, |a| a.span().start),
            Problem::NewerVersion(_) => 0,
        });
        ParseError::at(path, source, offset, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = r#"
version = 1
[article]
id = "00aa11bb22cc33dd"
path = "news/a.txt"
title = "A title"

[[annotation]]
id = "A1"
created = "2025-06-01T12:00:00Z"
updated = "2025-06-01T12:00:00+01:00"
tags = ["x"]
note = "multi\nline"
[annotation.target]
start = 3
end = 6
exact = "abc"
"#;

    fn err(source: &str) -> ParseError {
        parse(Path::new("f.toml"), source).expect_err("must fail")
    }

    #[test]
    fn valid_file_parses_and_renders_multiline_notes() {
        let doc = parse(Path::new("f.toml"), VALID).expect("valid");
        assert_eq!(doc.annotations.len(), 1);
        let text = render(&doc).expect("renders");
        assert!(text.contains("note = \"\"\"\nmulti\nline\"\"\""), "{text}");
        assert_eq!(parse(Path::new("f.toml"), &text).expect("reparses"), doc);
    }

    #[test]
    fn the_claim_class_is_optional_written_after_the_speaker_and_kept_as_written() {
        let old = parse(Path::new("f.toml"), VALID).expect("a file from before classes");
        assert_eq!(old.annotations[0].class, None);
        assert!(!render(&old).expect("renders").contains("class"));
        let with_class = VALID.replace(
            "tags = [\"x\"]",
            "speaker = \"Ana Ruiz\"\nclass = \"prediction\"\nmood = \"wry\"\ntags = [\"x\"]",
        );
        let doc = parse(Path::new("f.toml"), &with_class).expect("valid");
        // A class this version does not know (a newer engine's) is kept, as is any key.
        assert_eq!(doc.annotations[0].class.as_deref(), Some("prediction"));
        let text = render(&doc).expect("renders");
        assert!(
            text.contains("speaker = \"Ana Ruiz\"\nclass = \"prediction\"\n"),
            "{text}"
        );
        assert!(text.contains("mood = \"wry\""), "{text}");
        assert_eq!(parse(Path::new("f.toml"), &text).expect("reparses"), doc);
    }

    #[test]
    fn type_errors_point_at_the_value() {
        let e = err(&VALID.replace("end = 6", "end = \"six\""));
        assert_eq!((e.line, e.column), (16, 7), "{e}");
        assert!(e.to_string().starts_with("f.toml:16:7: "), "{e}");
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let e = err(&VALID.replace("tags = [\"x\"]", "tags = [\"x\""));
        assert_eq!(e.line, 13, "{e}");
    }

    #[test]
    fn rule_violations_point_at_the_key() {
        let two = format!(
            "{VALID}\n{}",
            &VALID[VALID.find("[[annotation]]").unwrap_or(0)..]
        );
        let e = err(&two);
        assert!(e.message.contains("same id"), "{e}");
        assert_eq!((e.line, e.column), (20, 6), "{e}");
        let e = err(&VALID.replace("start = 3", "start = 9"));
        assert!(e.message.contains("after its `end`"), "{e}");
        assert_eq!(e.line, 15);
        let e = err(&VALID.replace("version = 1", "version = 7"));
        assert!(e.message.contains("newer sayso"), "{e}");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn bad_timestamps_and_bad_utf8_are_reported() {
        let e = err(&VALID.replace("2025-06-01T12:00:00Z", "June 1st"));
        assert!(e.message.contains("RFC 3339"), "{e}");
        assert_eq!(e.line, 10);
        let mut bytes = VALID.as_bytes().to_vec();
        bytes.insert(30, 0xff);
        let e = parse_bytes(Path::new("f.toml"), &bytes).expect_err("not UTF-8");
        assert!(e.message.contains("UTF-8"));
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
        assert_eq!(line_column("", 5), (1, 1));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever sayso holds in memory, it writes in a form it reads back unchanged:
        /// notes, tags, quotes and titles of any characters (quotes, backslashes, line
        /// breaks, `"""`), and times of any precision.
        #[test]
        fn render_then_parse_gives_back_the_same_file(
            title in "\\PC{0,40}",
            note in "(\\PC|\n|\"\"\"|\\\\){0,60}",
            tags in proptest::collection::vec("[^\\s,#][^\\s,]{0,12}", 0..4),
            exact in "\\PC{1,30}",
            millis in 0i128..253_402_300_799_999,
            start in 0usize..10_000,
        ) {
            let mut doc = AnnotationDoc::new(ArticleMeta {
                id: "00aa11bb22cc33dd".into(),
                path: "news/a.txt".into(),
                title,
                extra: toml::Table::new(),
            });
            let target = crate::annotate::model::Target {
                exact: exact.clone(),
                prefix: String::new(),
                suffix: String::new(),
                start,
                end: start + exact.chars().count(),
                extra: toml::Table::new(),
            };
            let mut a = crate::annotate::model::Annotation::new(
                target,
                crate::annotate::model::Timestamp::from_unix_millis(millis),
            );
            a.note = note;
            a.tags = tags;
            doc.annotations.push(a);
            let text = render(&doc).expect("renders");
            let back = parse(Path::new("f.toml"), &text).expect("reparses");
            proptest::prop_assert_eq!(back, doc, "{}", text);
        }
    }

    #[test]
    fn a_broken_file_still_says_which_article_it_belongs_to() {
        let broken = "version = 1\n[article]\nid = \"00aa11bb22cc33dd\"\n\
            path = \"/news/a.txt\"\ntitle = \"A \\\"quoted\\\" title\"\n\
            [[annotation]]\nid = \"x\"\ncreated = not a time\n";
        assert!(parse(Path::new("f.toml"), broken).is_err());
        let meta = salvage_article(broken.as_bytes());
        assert_eq!(meta.id, "00aa11bb22cc33dd");
        assert_eq!(meta.path, "/news/a.txt");
        assert_eq!(meta.title, "A \"quoted\" title");
        // Keys of other tables, and lines that are not TOML, are not taken.
        let other = "[other]\npath = \"/x\"\n[article]\npath = \n[article.extra]\nid = \"y\"\n";
        let meta = salvage_article(other.as_bytes());
        assert_eq!((meta.id.as_str(), meta.path.as_str()), ("", ""));
        assert_eq!(
            salvage_article(b"\xff\xfe[article]\n"),
            ArticleMeta::default()
        );
    }
}
