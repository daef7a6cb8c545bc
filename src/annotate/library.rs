//! All annotation files of a library: loading, finding an article's file, the operations
//! the reader performs (add, edit, delete, rename a tag everywhere), undo/redo, and the
//! tag index.
//!
//! Every operation is applied in memory, recorded for undo, then saved at once (merged and
//! written atomically, see [`AnnotationFile::save`]). When a save fails the change stays in
//! memory, the error is returned, and [`Library::save_all`] tries again.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use super::format::ArticleMeta;
use super::history::{Change, Edit, FileId, History};
use super::identity::{self, Index};
use super::merge::MergeReport;
use super::model::{Annotation, AnnotationId, Timestamp, normalize_tag, same_tag, tag_key};
use super::store::{AnnotationFile, Storage, StoreError, broken_meta, read_doc, sidecar_path};

mod tags;
pub use tags::TagCount;

/// The annotation files of a library, indexed by file, article id and article path (see
/// [`identity`] for which file belongs to which article).
#[derive(Debug)]
pub struct Library {
    storage: Storage,
    files: Vec<AnnotationFile>,
    index: Index,
    problems: Vec<StoreError>,
    history: History,
    /// How long a save waits for another instance's lock before giving up (to be retried).
    lock_wait: std::time::Duration,
}

impl Library {
    /// An empty library that will keep its files in `storage`.
    pub fn new(storage: Storage) -> Self {
        Library {
            storage,
            files: Vec::new(),
            index: Index::default(),
            problems: Vec::new(),
            history: History::default(),
            lock_wait: super::atomic::LOCK_TIMEOUT,
        }
    }

    /// How long saves wait for another sayso's lock; an interactive shell sets it short and
    /// retries with [`Library::save_all`], so a busy lock never freezes the screen.
    pub fn set_lock_wait(&mut self, wait: std::time::Duration) {
        self.lock_wait = wait;
    }

    /// Loads every annotation file: all `*.toml` of the storage directory, or in sidecar
    /// mode the sidecars of `article_paths` that exist. Never fails as a whole: files that
    /// cannot be read or parsed are listed in [`problems`](Self::problems); those that do
    /// not parse stay in the library, read-only. An article's annotations split over
    /// several files by an older sayso are merged into one (see
    /// [`identity::merge_split_files`]).
    pub fn load(storage: Storage, article_paths: &[PathBuf]) -> Self {
        let mut library = Library::new(storage);
        if let Storage::Dir(dir) = &library.storage {
            super::atomic::remove_leftover_temps(dir);
        }
        let mut paths: Vec<PathBuf> = match &library.storage {
            Storage::Dir(dir) => match fs::read_dir(dir) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
                Err(source) => {
                    library.problems.push(StoreError::Io {
                        path: dir.clone(),
                        error: source,
                    });
                    Vec::new()
                }
            },
            Storage::Sidecar => article_paths
                .iter()
                .map(|p| sidecar_path(p))
                .filter(|p| p.is_file())
                .collect(),
        };
        paths.sort();
        paths.dedup();
        let mut files = Vec::with_capacity(paths.len());
        for (path, result) in read_all(paths) {
            match result {
                Ok(Some(doc)) => files.push(AnnotationFile::from_disk(&path, doc)),
                Ok(None) => {}
                Err(StoreError::Parse(problem)) => {
                    // The article it records (or, unreadable, the id it is named by) still
                    // finds it, read-only, rather than starting a second file.
                    let named = ArticleMeta {
                        id: path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        ..ArticleMeta::default()
                    };
                    let meta = broken_meta(&path, named);
                    library.problems.push(StoreError::Parse(problem.clone()));
                    files.push(AnnotationFile::broken(&path, meta, problem));
                }
                Err(e) => library.problems.push(e),
            }
        }
        if let Storage::Dir(dir) = &library.storage {
            let (kept, problems) = identity::merge_split_files(files, dir);
            files = kept;
            library.problems.extend(problems);
        }
        for file in files {
            library.insert_file(file);
        }
        library
    }

    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    /// Files that could not be loaded, or that are read-only because they do not parse.
    pub fn problems(&self) -> &[StoreError] {
        &self.problems
    }

    /// Takes the list of [`problems`](Self::problems) (e.g. to report them once).
    pub fn take_problems(&mut self) -> Vec<StoreError> {
        std::mem::take(&mut self.problems)
    }

    pub fn file(&self, id: FileId) -> Option<&AnnotationFile> {
        self.files.get(id.0)
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &AnnotationFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }

    pub fn annotation(&self, file: FileId, id: &AnnotationId) -> Option<&Annotation> {
        self.file(file)?.get(id)
    }

    fn insert_file(&mut self, file: AnnotationFile) -> FileId {
        let id = FileId(self.files.len());
        self.index.insert(id, &file);
        self.files.push(file);
        id
    }

    /// The annotation file of the article at `article_path` whose text hashes to
    /// `article_id`, without creating one: by recorded path (the text may have changed:
    /// re-anchor), else by content hash when the article it records was renamed or moved.
    /// A file another article holds is never shared (see [`identity`]).
    pub fn find(&self, article_id: &str, article_path: &Path) -> Option<FileId> {
        self.index
            .find(&self.files, &self.storage, article_id, article_path)
    }

    /// Each article's file (`(id, path)` pairs, as for [`find`](Self::find)), giving a
    /// file to one article at most; articles still in place win over renamed ones.
    pub fn assign(&mut self, articles: &[(&str, &Path)]) -> Vec<Option<FileId>> {
        self.index.assign(&self.files, &self.storage, articles)
    }

    /// The annotation file of an article, found as [`find`](Self::find) does, else read
    /// from disk if another instance created it since loading, else new (written with the
    /// first annotation). The article's current id, path and title are recorded.
    pub fn open_article(
        &mut self,
        article_id: &str,
        article_path: &Path,
        title: &str,
    ) -> Result<FileId, StoreError> {
        let path_text = article_path.to_string_lossy().into_owned();
        let id = match self.find(article_id, article_path) {
            Some(id) => id,
            None => {
                let file = self.new_file(article_id, article_path, title)?;
                self.insert_file(file)
            }
        };
        if let Some(file) = self.files.get_mut(id.0)
            && !file.is_read_only()
        {
            file.set_article(article_id, &path_text, title);
        }
        self.index.claim(id, article_id, article_path);
        Ok(id)
    }

    /// A file for an article that has none in memory: the first free name, or one another
    /// instance created for this same article since loading.
    fn new_file(
        &self,
        article_id: &str,
        article_path: &Path,
        title: &str,
    ) -> Result<AnnotationFile, StoreError> {
        let path_text = article_path.to_string_lossy();
        let meta = ArticleMeta {
            id: article_id.to_owned(),
            path: path_text.clone().into_owned(),
            title: title.to_owned(),
            extra: toml::Table::new(),
        };
        let names = identity::names_for(&self.storage, article_id, article_path);
        for name in &names {
            if self.index.has_file(name) {
                continue;
            }
            let file = AnnotationFile::open(name, meta.clone())?;
            if self.storage == Storage::Sidecar
                || identity::belongs_to(&file.article().path, &path_text)
            {
                return Ok(file);
            }
        }
        let dir = names
            .first()
            .and_then(|n| n.parent())
            .map(Path::to_owned)
            .unwrap_or_default();
        Err(StoreError::NoFreeName { dir })
    }

    fn file_mut(&mut self, id: FileId) -> Result<&mut AnnotationFile, StoreError> {
        self.files.get_mut(id.0).ok_or(StoreError::UnknownFile)
    }

    /// Adds an annotation to an article's file.
    pub fn add(&mut self, file: FileId, annotation: Annotation) -> Result<MergeReport, StoreError> {
        let edit = Edit::Insert { file, annotation };
        self.commit(Change::new("add annotation", vec![edit]))
    }

    /// Changes an annotation (`updated` is set to now).
    pub fn edit(
        &mut self,
        file: FileId,
        id: &AnnotationId,
        change: impl FnOnce(&mut Annotation),
    ) -> Result<MergeReport, StoreError> {
        let before = self.existing(file, id)?.clone();
        let mut after = before.clone();
        change(&mut after);
        after.updated = Timestamp::now().max(before.updated);
        self.commit(Change::new(
            "edit annotation",
            vec![Edit::Replace {
                file,
                before,
                after,
            }],
        ))
    }

    /// Replaces an annotation's note.
    pub fn set_note(
        &mut self,
        file: FileId,
        id: &AnnotationId,
        note: &str,
    ) -> Result<MergeReport, StoreError> {
        self.edit(file, id, |a| a.note = note.to_owned())
    }

    /// Replaces an annotation's tags (cleaned with [`normalize_tag`], duplicates dropped).
    pub fn set_tags(
        &mut self,
        file: FileId,
        id: &AnnotationId,
        tags: &[String],
    ) -> Result<MergeReport, StoreError> {
        // A tag the library already has keeps the spelling it was first given there.
        let known: HashMap<String, String> = self
            .tag_index()
            .into_iter()
            .map(|t| (tag_key(&t.tag), t.tag))
            .collect();
        let mut clean: Vec<String> = Vec::new();
        for tag in tags.iter().filter_map(|t| normalize_tag(t)) {
            let tag = known.get(&tag_key(&tag)).cloned().unwrap_or(tag);
            if !clean.iter().any(|t| same_tag(t, &tag)) {
                clean.push(tag);
            }
        }
        self.edit(file, id, |a| a.tags = clean)
    }

    /// Deletes an annotation.
    pub fn remove(&mut self, file: FileId, id: &AnnotationId) -> Result<MergeReport, StoreError> {
        let annotation = self.existing(file, id)?.clone();
        self.commit(Change::new(
            "delete annotation",
            vec![Edit::Remove { file, annotation }],
        ))
    }

    /// Adds annotations to several files, or replaces the ones there with the same id, as
    /// one undo step labelled `label`.
    pub fn put_all(
        &mut self,
        label: &str,
        items: Vec<(FileId, Annotation)>,
    ) -> Result<MergeReport, StoreError> {
        let edits = items
            .into_iter()
            .map(
                |(file, annotation)| match self.annotation(file, &annotation.id) {
                    Some(before) => Edit::Replace {
                        file,
                        before: before.clone(),
                        after: annotation,
                    },
                    None => Edit::Insert { file, annotation },
                },
            )
            .collect();
        self.commit(Change::new(label, edits))
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Undoes the last change of this session; returns its label, `None` if nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>, StoreError> {
        let Some(change) = self.history.take_undo() else {
            return Ok(None);
        };
        let inverse = change.inverse(Timestamp::now());
        if let Err(e) = self.check_writable(&inverse) {
            self.history.restore_undo();
            return Err(e);
        }
        self.apply_and_save(&inverse)?;
        Ok(Some(change.label))
    }

    /// Redoes the last undone change; returns its label, `None` if nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>, StoreError> {
        let Some(change) = self.history.take_redo() else {
            return Ok(None);
        };
        let again = change.redone(Timestamp::now());
        if let Err(e) = self.check_writable(&again) {
            self.history.restore_redo();
            return Err(e);
        }
        self.history.replace_last_done(again.clone());
        self.apply_and_save(&again)?;
        Ok(Some(again.label))
    }

    fn existing(&self, file: FileId, id: &AnnotationId) -> Result<&Annotation, StoreError> {
        let f = self.file(file).ok_or(StoreError::UnknownFile)?;
        f.get(id).ok_or_else(|| StoreError::NoSuchAnnotation {
            path: f.path().to_owned(),
            id: id.clone(),
        })
    }

    fn commit(&mut self, change: Change) -> Result<MergeReport, StoreError> {
        self.check_writable(&change)?;
        self.history.record(change.clone());
        self.apply_and_save(&change)
    }

    fn check_writable(&self, change: &Change) -> Result<(), StoreError> {
        for edit in &change.edits {
            let file = self.file(edit.file()).ok_or(StoreError::UnknownFile)?;
            if let Some(problem) = file.problem() {
                return Err(StoreError::ReadOnly {
                    problem: problem.clone(),
                });
            }
        }
        Ok(())
    }

    /// Applies `change` in memory, then saves every file it touched.
    fn apply_and_save(&mut self, change: &Change) -> Result<MergeReport, StoreError> {
        self.check_writable(change)?;
        let mut touched: BTreeMap<FileId, ()> = BTreeMap::new();
        for edit in &change.edits {
            let file_id = edit.file();
            let file = self.file_mut(file_id)?;
            match edit {
                Edit::Insert { annotation, .. } => {
                    file.upsert(annotation.clone())?;
                }
                Edit::Replace { after, .. } => {
                    file.upsert(after.clone())?;
                }
                // Already gone (deleted by another instance, merged in): nothing to do.
                Edit::Remove { annotation, .. } => {
                    if file.get(&annotation.id).is_some() {
                        file.remove(&annotation.id)?;
                    }
                }
            }
            touched.insert(file_id, ());
        }
        let mut total = MergeReport::default();
        let mut first_error = None;
        let wait = self.lock_wait;
        for file_id in touched.into_keys() {
            match self.file_mut(file_id).and_then(|f| f.save_within(wait)) {
                Ok(report) => total = add_reports(total, report),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(total),
        }
    }

    /// Takes back annotations that a session could not save (a [`journal`] entry, loaded
    /// as a library of its own): each goes to its article's file, found as
    /// [`open_article`](Self::open_article) finds it, where it is missing or older. One
    /// undo step; saved at once. Returns how many annotations came back.
    ///
    /// [`journal`]: super::journal
    pub fn restore(&mut self, recovered: &Library) -> Result<usize, StoreError> {
        let mut edits = Vec::new();
        for (_, file) in recovered.files() {
            let meta = file.article();
            let target = self.open_article(&meta.id, Path::new(&meta.path), &meta.title)?;
            for a in file.annotations() {
                match self.annotation(target, &a.id) {
                    None => edits.push(Edit::Insert {
                        file: target,
                        annotation: a.clone(),
                    }),
                    Some(current) if current.updated < a.updated => edits.push(Edit::Replace {
                        file: target,
                        before: current.clone(),
                        after: a.clone(),
                    }),
                    Some(_) => {}
                }
            }
        }
        let restored = edits.len();
        if restored > 0 {
            self.commit(Change::new("restore unsaved changes", edits))?;
        }
        Ok(restored)
    }

    /// Saves every file with unsaved changes; returns the errors (empty: all saved).
    pub fn save_all(&mut self) -> Vec<StoreError> {
        let wait = self.lock_wait;
        self.files
            .iter_mut()
            .filter(|f| f.is_dirty() && !f.is_read_only())
            .filter_map(|f| f.save_within(wait).err())
            .collect()
    }

    /// Reads again every file that did not parse: one fixed by hand shows its annotations
    /// (and takes changes) at once. Returns how many became writable.
    pub fn reload_read_only(&mut self) -> usize {
        let mut fixed = Vec::new();
        for (i, file) in self.files.iter_mut().enumerate() {
            if file.is_read_only() && file.reload().is_ok() && !file.is_read_only() {
                fixed.push(FileId(i));
            }
        }
        for &id in &fixed {
            if let Some(file) = self.files.get(id.0) {
                self.index.insert(id, file);
            }
        }
        fixed.len()
    }

    /// Takes in what other instances saved to every file since it was last read (unsaved
    /// changes here are kept); returns the errors. Files that stopped parsing become
    /// read-only; read-only files fixed by hand become writable.
    pub fn reload_all(&mut self) -> Vec<StoreError> {
        self.files
            .iter_mut()
            .filter_map(|f| f.reload().err())
            .collect()
    }
}

fn add_reports(a: MergeReport, b: MergeReport) -> MergeReport {
    MergeReport {
        added_from_disk: a.added_from_disk + b.added_from_disk,
        changed_on_disk: a.changed_on_disk + b.changed_on_disk,
        deleted_on_disk: a.deleted_on_disk + b.deleted_on_disk,
        merged_conflicts: a.merged_conflicts + b.merged_conflicts,
        kept_over_delete: a.kept_over_delete + b.kept_over_delete,
    }
}

/// Reads and parses files on all cores; results in the order of `paths`.
type ReadResult = (
    PathBuf,
    Result<Option<super::format::AnnotationDoc>, StoreError>,
);

fn read_all(paths: Vec<PathBuf>) -> Vec<ReadResult> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || paths.len() < 64 {
        return paths
            .into_iter()
            .map(|p| {
                let r = read_doc(&p);
                (p, r)
            })
            .collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| (p.clone(), read_doc(p)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
