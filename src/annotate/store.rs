//! Annotation files on disk: where they live, and one file's load/edit/save cycle.
//!
//! Layout: by default one file per annotated article, `<data dir>/annotations/<id>.toml`,
//! where `<id>` is the article id when the file was created. The name is a stable key, not
//! a claim about the current text: when an article's text changes, the file keeps its name
//! and its `[article] id` is updated on the next save (renaming would need a two-file
//! transaction that a concurrent instance could interleave with). Files are found by name,
//! then by recorded id, then by recorded path (see [`Library`](super::library::Library)).
//! In sidecar mode the file is `<article file>.sayso.toml`, beside the article.
//!
//! Saving: lock `<file>.lock`, re-read the file, three-way merge by annotation id (see
//! [`merge`](super::merge)), write atomically. A file that does not parse is never written:
//! its annotations are read-only until it is fixed by hand.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::anchor::{Anchor, Anchorer};
use super::atomic::{self, FileLock, LOCK_TIMEOUT, LockError};
use super::format::{self, AnnotationDoc, ArticleMeta, FORMAT_VERSION, ParseError};
use super::merge::{self, MergeReport};
use super::model::{AnchorStatus, Annotation, AnnotationId, Target};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "SAYSO_DATA_DIR";
/// Suffix of sidecar files: `article.txt` → `article.txt.sayso.toml`.
pub const SIDECAR_SUFFIX: &str = ".sayso.toml";

/// Where annotation files are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// One file per article in this directory (`<data dir>/annotations`).
    Dir(PathBuf),
    /// `<article file>.sayso.toml` beside each article.
    Sidecar,
}

impl Storage {
    /// Files under `<data_dir>/annotations`.
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Storage::Dir(data_dir.join("annotations"))
    }

    /// The storage a config's `storage` value and a data dir select.
    pub fn from_mode(mode: StorageMode, data_dir: &Path) -> Self {
        match mode {
            StorageMode::DataDir => Storage::in_data_dir(data_dir),
            StorageMode::Sidecar => Storage::Sidecar,
        }
    }

    /// The file a new annotation file for this article gets.
    pub fn file_for(&self, article_id: &str, article_path: &Path) -> PathBuf {
        match self {
            Storage::Dir(dir) => dir.join(format!("{}.toml", file_stem(article_id))),
            Storage::Sidecar => sidecar_path(article_path),
        }
    }
}

/// An article id made safe as a file name (ids are hex digits; anything else, such as a
/// path separator, becomes `_`).
fn file_stem(article_id: &str) -> String {
    let stem: String = article_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "_".to_owned()
    } else {
        stem
    }
}

/// `<article file>.sayso.toml`.
pub fn sidecar_path(article_path: &Path) -> PathBuf {
    let mut os = article_path.as_os_str().to_owned();
    os.push(SIDECAR_SUFFIX);
    PathBuf::from(os)
}

/// The config's `storage` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageMode {
    #[default]
    DataDir,
    Sidecar,
}

impl std::str::FromStr for StorageMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "data-dir" | "datadir" | "data" => Ok(StorageMode::DataDir),
            "sidecar" => Ok(StorageMode::Sidecar),
            other => Err(format!(
                "unknown storage `{other}`: expected \"data-dir\" or \"sidecar\""
            )),
        }
    }
}

/// The data directory: `--data-dir`, else `SAYSO_DATA_DIR` (`env`), else the config's
/// value, else the platform's (`~/.local/share/sayso` on Linux). Pure: the caller passes
/// the environment variable's value (see [`data_dir_env`]).
pub fn resolve_data_dir(
    flag: Option<&Path>,
    env: Option<&OsStr>,
    config: Option<&Path>,
) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = env.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = config {
        return Ok(dir.to_owned());
    }
    directories::ProjectDirs::from("", "", "sayso")
        .map(|dirs| dirs.data_dir().to_owned())
        .ok_or(StoreError::NoDataDir)
}

/// The value of `SAYSO_DATA_DIR`, for [`resolve_data_dir`].
pub fn data_dir_env() -> Option<std::ffi::OsString> {
    std::env::var_os(DATA_DIR_ENV)
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // Not a `source`: the message holds it, so a chain printed with `{:#}` says it once.
    #[error("{error} ({})", path.display())]
    Io { path: PathBuf, error: io::Error },
    #[error(transparent)]
    Parse(#[from] ParseError),
    #[error(
        "annotations read-only until the file is fixed: {} ({}:{}:{})",
        problem.message, problem.path.display(), problem.line, problem.column
    )]
    ReadOnly { problem: ParseError },
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("{}: cannot write TOML: {source}", path.display())]
    Render {
        path: PathBuf,
        source: toml::ser::Error,
    },
    #[error("{}: no annotation with id {id}", path.display())]
    NoSuchAnnotation { path: PathBuf, id: AnnotationId },
    #[error("no such annotation file in the library")]
    UnknownFile,
    #[error("{}: every name for this article's annotation file is taken by another article", dir.display())]
    NoFreeName { dir: PathBuf },
    #[error("no data directory: set --data-dir or SAYSO_DATA_DIR")]
    NoDataDir,
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        error: source,
    }
}

/// Reads and parses the file at `path`; `Ok(None)` when there is none.
pub fn read_doc(path: &Path) -> Result<Option<AnnotationDoc>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(format::parse_bytes(path, &bytes)?)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_error(path)(e)),
    }
}

/// The article a file that does not parse belongs to: what can be read of its
/// `[article]` table (see [`format::salvage_article`]), `fallback` for the rest.
pub(crate) fn broken_meta(path: &Path, fallback: ArticleMeta) -> ArticleMeta {
    let salvaged = fs::read(path)
        .map(|bytes| format::salvage_article(&bytes))
        .unwrap_or_default();
    let pick = |found: String, otherwise: String| {
        if found.is_empty() { otherwise } else { found }
    };
    ArticleMeta {
        id: pick(salvaged.id, fallback.id),
        path: pick(salvaged.path, fallback.path),
        title: pick(salvaged.title, fallback.title),
        extra: fallback.extra,
    }
}

/// One article's annotation file: what was last read from disk, and the annotations in
/// memory with this instance's changes.
#[derive(Debug, Clone)]
pub struct AnnotationFile {
    path: PathBuf,
    /// The file as last read or written by this instance (`None`: not on disk then).
    base: Option<AnnotationDoc>,
    /// The file's bytes when `base` was last read or written, if known: a save that finds
    /// them unchanged on disk skips re-parsing (a byte comparison is exact, unlike mtimes).
    base_bytes: Option<Vec<u8>>,
    /// The annotations as this instance sees them.
    doc: AnnotationDoc,
    /// Why the file is read-only, when it failed to parse.
    broken: Option<ParseError>,
}

impl AnnotationFile {
    /// The file at `path`, read from disk if it exists, else new and empty for `article`.
    /// A file that does not parse opens read-only (see [`problem`](Self::problem)); other
    /// read errors are returned.
    pub fn open(path: &Path, article: ArticleMeta) -> Result<Self, StoreError> {
        match read_doc(path) {
            Ok(Some(doc)) => Ok(Self::from_disk(path, doc)),
            Ok(None) => Ok(AnnotationFile {
                path: path.to_owned(),
                base: None,
                base_bytes: None,
                doc: AnnotationDoc::new(article),
                broken: None,
            }),
            Err(StoreError::Parse(problem)) => {
                Ok(Self::broken(path, broken_meta(path, article), problem))
            }
            Err(e) => Err(e),
        }
    }

    pub(crate) fn from_disk(path: &Path, doc: AnnotationDoc) -> Self {
        AnnotationFile {
            path: path.to_owned(),
            base: Some(doc.clone()),
            base_bytes: None,
            doc,
            broken: None,
        }
    }

    pub(crate) fn broken(path: &Path, article: ArticleMeta, problem: ParseError) -> Self {
        AnnotationFile {
            path: path.to_owned(),
            base: None,
            base_bytes: None,
            doc: AnnotationDoc::new(article),
            broken: Some(problem),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn article(&self) -> &ArticleMeta {
        &self.doc.article
    }

    /// The annotations, sorted by position after every load and save.
    pub fn annotations(&self) -> &[Annotation] {
        &self.doc.annotations
    }

    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.doc.annotations.iter().find(|a| &a.id == id)
    }

    /// The parse error that makes this file read-only, if any.
    pub fn problem(&self) -> Option<&ParseError> {
        self.broken.as_ref()
    }

    pub fn is_read_only(&self) -> bool {
        self.broken.is_some()
    }

    /// The annotations in memory as the TOML a save would write, for a recovery copy when
    /// the file itself cannot be written.
    pub fn render_unsaved(&self) -> Option<String> {
        format::render(&self.doc).ok()
    }

    /// True when memory differs from what this instance last read or wrote.
    pub fn is_dirty(&self) -> bool {
        match &self.base {
            Some(base) => *base != self.doc,
            None => !self.doc.annotations.is_empty(),
        }
    }

    fn writable(&self) -> Result<(), StoreError> {
        match &self.broken {
            Some(problem) => Err(StoreError::ReadOnly {
                problem: problem.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Records the article's current id, path and title (kept unknown keys stay).
    pub fn set_article(&mut self, id: &str, path: &str, title: &str) {
        let meta = &mut self.doc.article;
        meta.id = id.to_owned();
        meta.path = path.to_owned();
        meta.title = title.to_owned();
    }

    /// Adds `annotation`, or replaces the one with its id; returns the replaced one.
    pub fn upsert(&mut self, annotation: Annotation) -> Result<Option<Annotation>, StoreError> {
        self.writable()?;
        let list = &mut self.doc.annotations;
        if let Some(slot) = list.iter_mut().find(|a| a.id == annotation.id) {
            return Ok(Some(std::mem::replace(slot, annotation)));
        }
        let at = list.partition_point(|a| {
            (a.target.start, a.target.end, &a.id)
                < (
                    annotation.target.start,
                    annotation.target.end,
                    &annotation.id,
                )
        });
        list.insert(at, annotation);
        Ok(None)
    }

    /// Removes the annotation with this id.
    pub fn remove(&mut self, id: &AnnotationId) -> Result<Annotation, StoreError> {
        self.writable()?;
        let list = &mut self.doc.annotations;
        match list.iter().position(|a| &a.id == id) {
            Some(i) => Ok(list.remove(i)),
            None => Err(StoreError::NoSuchAnnotation {
                path: self.path.clone(),
                id: id.clone(),
            }),
        }
    }

    /// Places every annotation on the article's current `text`, in the order of
    /// [`annotations`](Self::annotations).
    pub fn anchors(&self, anchorer: &Anchorer<'_>) -> Vec<Anchor> {
        anchorer.anchor_all(self.doc.annotations.iter().map(|a| &a.target))
    }

    /// After the text changed: moves the stored targets of exact and moved annotations to
    /// where `anchors` placed them (quote unchanged, new position and context). Fuzzy and
    /// orphaned targets keep their stored quote. Returns how many targets changed; they are
    /// saved with the next save.
    pub fn rebase(&mut self, anchorer: &Anchorer<'_>, anchors: &[Anchor]) -> usize {
        let mut changed = 0;
        for (a, anchor) in self.doc.annotations.iter_mut().zip(anchors) {
            let (AnchorStatus::Exact | AnchorStatus::Moved, Some(span)) =
                (anchor.status, anchor.span)
            else {
                continue;
            };
            let Some(mut target) = Target::from_span(anchorer.text(), anchorer.code_points(), span)
            else {
                continue;
            };
            target.extra = std::mem::take(&mut a.target.extra);
            if target != a.target {
                a.target = target;
                changed += 1;
            } else {
                a.target.extra = target.extra;
            }
        }
        if changed > 0 {
            merge::sort_by_position(&mut self.doc.annotations);
        }
        changed
    }

    /// Saves: under the file's lock, re-reads it, merges this instance's changes with
    /// whatever another instance wrote since, and replaces the file atomically. Afterwards
    /// memory holds the merged annotations. Refused when the file is read-only, or when
    /// the file on disk has meanwhile become unparsable (it is then left untouched).
    pub fn save(&mut self) -> Result<MergeReport, StoreError> {
        self.save_within(LOCK_TIMEOUT)
    }

    /// [`AnnotationFile::save`], waiting at most `wait` for another instance's lock (an
    /// interactive caller waits briefly and retries later rather than freeze).
    pub fn save_within(&mut self, wait: std::time::Duration) -> Result<MergeReport, StoreError> {
        self.writable()?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        let lock = FileLock::acquire(&self.path, wait)?;
        let (disk, mut bytes) = self.read_for_merge()?;
        let (merged, report) = self.merged_with(disk.as_ref());
        if disk.as_ref() != Some(&merged) {
            let text = format::render(&merged).map_err(|source| StoreError::Render {
                path: self.path.clone(),
                source,
            })?;
            atomic::write_atomic(&self.path, text.as_bytes(), &lock)
                .map_err(io_error(&self.path))?;
            bytes = Some(text.into_bytes());
        }
        drop(lock);
        self.base = Some(merged.clone());
        self.base_bytes = bytes;
        self.doc = merged;
        Ok(report)
    }

    /// Takes in what other instances saved since this one last read the file, keeping this
    /// instance's unsaved changes. A file that no longer parses makes this one read-only;
    /// a read-only file that parses again (fixed by hand) becomes writable.
    pub fn reload(&mut self) -> Result<MergeReport, StoreError> {
        let was_broken = self.broken.is_some();
        let (disk, bytes) = self.read_for_merge()?;
        if was_broken {
            // Nothing could change here while it was read-only: the file is what it holds
            // now (or, deleted by hand, an empty file for the same article).
            self.broken = None;
            self.doc = disk
                .clone()
                .unwrap_or_else(|| AnnotationDoc::new(self.doc.article.clone()));
            self.base = disk;
            self.base_bytes = bytes;
            return Ok(MergeReport::default());
        }
        let (merged, report) = self.merged_with(disk.as_ref());
        self.base = disk;
        self.base_bytes = bytes;
        self.doc = merged;
        Ok(report)
    }

    /// The file as it is on disk now, and its bytes.
    fn read_for_merge(&mut self) -> Result<(Option<AnnotationDoc>, Option<Vec<u8>>), StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((None, None)),
            Err(e) => return Err(io_error(&self.path)(e)),
        };
        if self.base.is_some() && self.base_bytes.as_ref() == Some(&bytes) {
            return Ok((self.base.clone(), Some(bytes)));
        }
        match format::parse_bytes(&self.path, &bytes) {
            Ok(doc) => {
                // Fixed by hand since it was found broken: writable again.
                self.broken = None;
                Ok((Some(doc), Some(bytes)))
            }
            Err(problem) => {
                self.broken = Some(problem.clone());
                Err(StoreError::ReadOnly { problem })
            }
        }
    }

    fn merged_with(&self, disk: Option<&AnnotationDoc>) -> (AnnotationDoc, MergeReport) {
        let empty: &[Annotation] = &[];
        let base_list = self
            .base
            .as_ref()
            .map_or(empty, |b| b.annotations.as_slice());
        let disk_list = disk.map_or(empty, |d| d.annotations.as_slice());
        let (annotations, report) = merge::merge(base_list, &self.doc.annotations, disk_list);
        let no_table = toml::Table::new();
        let disk_extra = disk.map_or(&no_table, |d| &d.extra);
        let disk_meta_extra = disk.map_or(&no_table, |d| &d.article.extra);
        let base = self.base.as_ref();
        let doc = AnnotationDoc {
            version: FORMAT_VERSION,
            article: ArticleMeta {
                extra: merge::merge_tables(
                    base.map(|b| &b.article.extra),
                    &self.doc.article.extra,
                    disk_meta_extra,
                    true,
                ),
                ..self.doc.article.clone()
            },
            annotations,
            extra: merge::merge_tables(base.map(|b| &b.extra), &self.doc.extra, disk_extra, true),
        };
        (doc, report)
    }
}

#[cfg(test)]
#[path = "store_tests.rs"]
mod tests;
