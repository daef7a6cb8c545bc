//! The reader's side of the annotation library: which annotation file belongs to which
//! article, the open article's annotations placed on its current text, and the changes the
//! keys make — each applied by [`annotate::Library`](crate::annotate::Library), which saves
//! at once (atomically, under a lock, merged with other instances) and keeps the undo log.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::annotate::atomic::LockError;
use crate::annotate::{
    AnchorStatus, Anchorer, Annotation, AnnotationId, FileId, Library, Storage, StoreError,
    TagCount,
};
use crate::article::Article;
use crate::extract::Span;

/// What the background loader hands over: the library and each article's file.
#[derive(Debug)]
pub struct Loaded {
    pub library: Library,
    pub by_article: Vec<Option<FileId>>,
}

/// Loads every annotation file of `storage` and finds each article's (runs off the UI
/// thread at start-up; see [`crate::tui::run`]).
pub fn load<A: std::borrow::Borrow<Article>>(storage: Storage, articles: &[A]) -> Loaded {
    let paths: Vec<PathBuf> = articles.iter().map(|a| recorded_path(a.borrow())).collect();
    let mut library = Library::load(storage, &paths);
    let keys: Vec<(&str, &Path)> = articles
        .iter()
        .zip(&paths)
        .map(|(a, p)| (a.borrow().id.as_str(), p.as_path()))
        .collect();
    let by_article = library.assign(&keys);
    Loaded {
        library,
        by_article,
    }
}

/// The path recorded for an article: absolute when it is a file given by a relative path
/// (so `sayso export` finds it from anywhere), else as loaded (`seeds/…`, `-`).
pub fn recorded_path(article: &Article) -> PathBuf {
    if article.path.is_relative() && article.path.is_file() {
        std::path::absolute(&article.path).unwrap_or_else(|_| article.path.clone())
    } else {
        article.path.clone()
    }
}

/// One annotation of the open article, placed on its current text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNote {
    pub annotation: Annotation,
    pub status: AnchorStatus,
    /// Byte span in the current text; `None` when orphaned.
    pub span: Option<Span>,
}

/// The open article's annotations: placed ones by position, then orphaned ones.
#[derive(Debug, Clone, Default)]
pub struct Placed {
    pub article: usize,
    revision: u64,
    pub file: Option<FileId>,
    pub notes: Vec<PlacedNote>,
    /// The union of the placed spans: sorted and disjoint, for drawing.
    pub marks: Vec<Span>,
    /// Why the article's annotations are read-only (its file does not parse).
    pub read_only: Option<String>,
}

impl Placed {
    /// The innermost annotation containing byte `offset`.
    pub fn at(&self, offset: usize) -> Option<&PlacedNote> {
        self.notes
            .iter()
            .filter(|n| n.span.is_some_and(|s| s.start <= offset && offset < s.end))
            .min_by_key(|n| n.span.map_or(usize::MAX, |s| s.len()))
    }

    /// The annotation placed exactly on `span`.
    pub fn on(&self, span: Span) -> Option<&PlacedNote> {
        self.notes.iter().find(|n| n.span == Some(span))
    }

    pub fn get(&self, id: &AnnotationId) -> Option<&PlacedNote> {
        self.notes.iter().find(|n| &n.annotation.id == id)
    }
}

#[derive(Debug)]
enum State {
    Loading,
    Ready(Box<Library>),
    /// Annotations cannot be kept (no data directory): why.
    Off(String),
}

/// The library's annotations as the reader uses them.
#[derive(Debug)]
pub struct Annotations {
    state: State,
    by_article: Vec<Option<FileId>>,
    /// Bumped on every change, so derived views know to refresh.
    revision: u64,
    placed: Option<Placed>,
    /// A change could not be saved (it is kept in memory): saving is retried.
    unsaved: bool,
    /// When files that did not parse were last read again.
    last_fix_check: Option<std::time::Instant>,
}

impl Default for Annotations {
    fn default() -> Self {
        Annotations {
            state: State::Loading,
            by_article: Vec::new(),
            revision: 0,
            placed: None,
            unsaved: false,
            last_fix_check: None,
        }
    }
}

impl Annotations {
    /// Takes in what the loader read; returns the problems met (files that do not parse
    /// and are read-only, unreadable files).
    pub fn loaded(&mut self, mut loaded: Loaded) -> Vec<StoreError> {
        let problems = loaded.library.take_problems();
        loaded.library.set_lock_wait(INTERACTIVE_LOCK_WAIT);
        self.by_article = loaded.by_article;
        self.state = State::Ready(Box::new(loaded.library));
        self.revision += 1;
        problems
    }

    /// No annotations this session, for `reason`.
    pub fn off(&mut self, reason: impl Into<String>) {
        self.state = State::Off(reason.into());
        self.revision += 1;
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.state, State::Ready(_))
    }

    pub fn library(&self) -> Option<&Library> {
        match &self.state {
            State::Ready(library) => Some(library),
            _ => None,
        }
    }

    fn library_mut(&mut self) -> Result<&mut Library, String> {
        match &mut self.state {
            State::Ready(library) => Ok(library),
            State::Loading => Err(LOADING.into()),
            State::Off(reason) => Err(reason.clone()),
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn file_of(&self, article: usize) -> Option<FileId> {
        self.by_article.get(article).copied().flatten()
    }

    /// How many annotations article `article` has.
    pub fn count(&self, article: usize) -> usize {
        match (self.library(), self.file_of(article)) {
            (Some(lib), Some(f)) => lib.file(f).map_or(0, |f| f.annotations().len()),
            _ => 0,
        }
    }

    /// Article `article`'s annotations, when some of them correct a speaker or a claim.
    pub fn corrections_of(&self, article: usize) -> Option<&[Annotation]> {
        let file = self.library()?.file(self.file_of(article)?)?;
        crate::annotate::corrections::any(file.annotations()).then(|| file.annotations())
    }

    /// The articles whose annotations correct a speaker or a claim.
    pub fn corrected_articles(&self) -> std::collections::HashSet<usize> {
        let Some(library) = self.library() else {
            return std::collections::HashSet::new();
        };
        self.by_article
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.and_then(|f| library.file(f))
                    .is_some_and(|f| crate::annotate::corrections::any(f.annotations()))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The tags used on article `article`.
    pub fn tags_of(&self, article: usize) -> Vec<&str> {
        let (Some(lib), Some(f)) = (self.library(), self.file_of(article)) else {
            return Vec::new();
        };
        let mut tags: Vec<&str> = lib
            .file(f)
            .into_iter()
            .flat_map(|f| f.annotations())
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Every tag with its count, most used first.
    pub fn tag_index(&self) -> Vec<TagCount> {
        self.library().map(Library::tag_index).unwrap_or_default()
    }

    /// Tags starting with `typed`, most used first.
    pub fn tag_candidates(&self, typed: &str) -> Vec<String> {
        self.library()
            .map(|l| l.tag_candidates(typed))
            .unwrap_or_default()
    }

    /// Every annotation with `tag`, with its article's index when it is in this library.
    pub fn tagged(&self, tag: &str) -> Vec<(Option<usize>, Annotation)> {
        let Some(library) = self.library() else {
            return Vec::new();
        };
        let articles: HashMap<FileId, usize> = self
            .by_article
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, f)| f.map(|f| (f, i)))
            .collect();
        library
            .tagged(tag)
            .into_iter()
            .map(|(f, a)| (articles.get(&f).copied(), a.clone()))
            .collect()
    }

    /// The open article's placed annotations, if [`place`](Self::place) was called for it.
    pub fn placed(&self) -> Option<&Placed> {
        self.placed.as_ref()
    }

    /// Places article `article`'s annotations on its `text`, unless already done since
    /// the last change.
    pub fn place(&mut self, article: usize, text: &str) {
        if self
            .placed
            .as_ref()
            .is_some_and(|p| p.article == article && p.revision == self.revision)
        {
            return;
        }
        let file = self.file_of(article);
        let mut placed = Placed {
            article,
            revision: self.revision,
            file,
            ..Placed::default()
        };
        if let (Some(library), Some(f)) = (self.library(), file)
            && let Some(f) = library.file(f)
        {
            placed.read_only = f.problem().map(ToString::to_string);
            let anchorer = Anchorer::new(text);
            placed.notes = f
                .annotations()
                .iter()
                .zip(f.anchors(&anchorer))
                .map(|(a, anchor)| PlacedNote {
                    annotation: a.clone(),
                    status: anchor.status,
                    span: anchor.span,
                })
                .collect();
        }
        placed.notes.sort_by_key(|n| {
            n.span
                .map_or((usize::MAX, usize::MAX), |s| (s.start, s.end))
        });
        placed.marks = union(placed.notes.iter().filter_map(|n| n.span));
        self.placed = Some(placed);
    }

    /// Whether article's annotations can be changed now, without changing anything: the
    /// annotations are loaded, the file parses, and in sidecar mode the article is a file.
    pub fn check_editable(&self, article: &Article) -> Result<(), String> {
        let library = match &self.state {
            State::Ready(library) => library,
            State::Loading => return Err(LOADING.into()),
            State::Off(reason) => return Err(reason.clone()),
        };
        let path = recorded_path(article);
        check_sidecar(library, &path)?;
        match library
            .find(&article.id, &path)
            .and_then(|f| library.file(f)?.problem())
        {
            Some(problem) => Err(read_only(problem)),
            None => Ok(()),
        }
    }

    /// The file for changing article `index`'s annotations: found or created, with the
    /// article's current id, path and title recorded. Refused as
    /// [`check_editable`](Self::check_editable) says.
    pub fn file_for_edit(&mut self, index: usize, article: &Article) -> Result<FileId, String> {
        let path = recorded_path(article);
        let library = self.library_mut()?;
        check_sidecar(library, &path)?;
        let file = library
            .open_article(&article.id, &path, &article.title)
            .map_err(|e| e.to_string())?;
        if let Some(problem) = library.file(file).and_then(|f| f.problem()) {
            return Err(read_only(problem));
        }
        // An article that joined the library after the annotations were matched (a feed
        // update) has no slot yet.
        if self.by_article.len() <= index {
            self.by_article.resize(index + 1, None);
        }
        if let Some(slot) = self.by_article.get_mut(index) {
            *slot = Some(file);
        }
        Ok(file)
    }

    /// Runs one library operation; a change is made (and the views refresh) unless it was
    /// refused. A change that could not be saved stays in memory and is saved again later.
    pub fn change<T>(
        &mut self,
        op: impl FnOnce(&mut Library) -> Result<T, StoreError>,
    ) -> Result<T, String> {
        let library = self.library_mut()?;
        let result = op(library);
        self.revision += 1;
        match result {
            Ok(value) => Ok(value),
            Err(e @ (StoreError::ReadOnly { .. } | StoreError::NoSuchAnnotation { .. })) => {
                Err(e.to_string())
            }
            Err(StoreError::Lock(LockError::Busy { .. })) => {
                self.unsaved = true;
                Err(WAITING.to_owned())
            }
            Err(e) => {
                self.unsaved = true;
                Err(format!(
                    "could not save: {e} — the change is kept and saving will be retried"
                ))
            }
        }
    }

    /// Every [`FIX_CHECK`], reads again the files that did not parse, so one fixed by
    /// hand shows its annotations (and takes changes) without a restart; returns a
    /// message when some did.
    pub fn check_fixed_files(&mut self, now: std::time::Instant) -> Option<String> {
        if self
            .last_fix_check
            .is_some_and(|at| now.duration_since(at) < FIX_CHECK)
        {
            return None;
        }
        self.last_fix_check = Some(now);
        let State::Ready(library) = &mut self.state else {
            return None;
        };
        let fixed = library.reload_read_only();
        if fixed == 0 {
            return None;
        }
        self.revision += 1;
        Some(match fixed {
            1 => "an annotation file was fixed: its annotations are back".to_owned(),
            n => format!("{n} annotation files were fixed: their annotations are back"),
        })
    }

    /// Whether a save failed and should be retried.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Takes back what the recovery journal kept (see [`journal::restore_all`]); entries
    /// restored whole are set aside. Returns how many annotations came back.
    ///
    /// [`journal::restore_all`]: crate::annotate::journal::restore_all
    pub fn restore_journal(
        &mut self,
        entries: &[crate::annotate::journal::Entry],
    ) -> Result<usize, String> {
        let library = self.library_mut()?;
        let (restored, error) = crate::annotate::journal::restore_all(library, entries);
        self.revision += 1;
        match error {
            None => Ok(restored),
            Some(e) => {
                self.unsaved |= restored > 0;
                Err(e)
            }
        }
    }

    /// Copies of the changes that could not be saved, written to `dir`.
    pub fn write_recovery(&self, dir: &Path) -> Result<Vec<PathBuf>, String> {
        match &self.state {
            State::Ready(library) => {
                crate::annotate::journal::write(library, dir).map_err(|e| e.to_string())
            }
            _ => Ok(Vec::new()),
        }
    }

    /// Saves what could not be saved before, waiting as long as a save may for another
    /// instance's lock: for the last save, on quitting. Returns the errors.
    pub fn save_all_before_quitting(&mut self) -> Vec<String> {
        if let State::Ready(library) = &mut self.state {
            library.set_lock_wait(crate::annotate::atomic::LOCK_TIMEOUT);
        }
        self.save_all()
    }

    /// Saves what could not be saved before; returns the errors (empty: all saved).
    pub fn save_all(&mut self) -> Vec<String> {
        let State::Ready(library) = &mut self.state else {
            return Vec::new();
        };
        let errors: Vec<String> = library
            .save_all()
            .into_iter()
            .map(|e| match e {
                StoreError::Lock(LockError::Busy { .. }) => WAITING.to_owned(),
                e => e.to_string(),
            })
            .collect();
        self.unsaved = !errors.is_empty();
        self.revision += 1;
        errors
    }
}

/// How often files that do not parse are read again.
pub const FIX_CHECK: std::time::Duration = std::time::Duration::from_secs(2);

const LOADING: &str = "annotations are still loading: try again in a moment";

/// Shown while another sayso holds a file's lock: the change waits in memory, not the UI.
pub const WAITING: &str =
    "waiting for another sayso to finish saving — the change is kept and saved once it is free";

/// How long an interactive save waits for another instance's lock before handing the
/// change to the retry on the next ticks.
pub const INTERACTIVE_LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(150);

fn read_only(problem: &crate::annotate::ParseError) -> String {
    format!("annotations read-only until the file is fixed: {problem}")
}

/// Sidecar files sit beside article files: an article without one cannot be annotated.
fn check_sidecar(library: &Library, path: &Path) -> Result<(), String> {
    if *library.storage() == Storage::Sidecar && !path.is_file() {
        return Err(format!(
            "sidecar storage keeps annotations beside the article's file, and {} is not a \
             file: use the data-dir storage to annotate it",
            path.display()
        ));
    }
    Ok(())
}

/// Sorted, disjoint spans covering the same bytes as `spans`.
fn union(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut spans: Vec<Span> = spans.filter(|s| s.start < s.end).collect();
    spans.sort_unstable_by_key(|s| (s.start, s.end));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_merges_overlaps() {
        let spans = [
            Span::new(5, 9),
            Span::new(0, 3),
            Span::new(2, 4),
            Span::new(9, 10),
        ];
        assert_eq!(
            union(spans.into_iter()),
            [Span::new(0, 4), Span::new(5, 10)]
        );
    }
}
