//! Which annotation file belongs to which article.
//!
//! An article is known by its path and by its content hash (its id), and either can
//! change. Its file is found, in order:
//! 1. by the path the file records: the text changed since, and the annotations re-anchor;
//! 2. by the content hash the file records (or is named by), when the path it records is
//!    gone — the article was renamed or moved — and no other article of this session has
//!    taken it.
//!
//! Two files with the same text are two articles: a file whose recorded article is still
//! there is never shared, and the second article gets a file of its own, named
//! `<id>-<hash of its path>.toml` (the same name in every instance, so two instances that
//! create it at once merge into one file). In sidecar mode the sidecar's place is the
//! identity.
//!
//! A file that does not parse is indexed by the path and id salvaged from it and wins the
//! path lookup, so its article stays read-only whatever its text is now.
//!
//! Data dirs written before this (when a broken file made the next change start a second
//! file for the same article) are mended on load by [`merge_split_files`].

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::atomic::{self, FileLock, LOCK_TIMEOUT};
use super::history::FileId;
use super::model::Timestamp;
use super::store::{AnnotationFile, Storage, StoreError, read_doc, sidecar_path};

/// Where files merged into another by [`merge_split_files`] are kept, inside the storage
/// directory (not scanned: it has no `.toml` name).
pub const MERGED_DIR: &str = "merged";

/// How many names a new file may try before giving up (each taken by another article).
const NAME_TRIES: usize = 10;

/// The lookups from articles to the files of a [`Library`](super::library::Library).
#[derive(Debug, Default)]
pub(crate) struct Index {
    by_file: HashMap<PathBuf, FileId>,
    by_article_id: HashMap<String, Vec<FileId>>,
    by_article_path: HashMap<String, FileId>,
    /// The article path that holds each file this session: a file is never given to two.
    claimed: HashMap<FileId, String>,
}

impl Index {
    /// Indexes `file` (stored as `id`) by its name and its recorded id and path.
    pub fn insert(&mut self, id: FileId, file: &AnnotationFile) {
        self.by_file.insert(file.path().to_owned(), id);
        let meta = file.article();
        self.add_id(&meta.id, id);
        if !meta.path.is_empty() {
            match self.by_article_path.entry(meta.path.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(id);
                }
                // A file that does not parse wins: its article stays read-only.
                Entry::Occupied(mut slot) if file.is_read_only() => {
                    slot.insert(id);
                }
                Entry::Occupied(_) => {}
            }
        }
    }

    fn add_id(&mut self, article_id: &str, id: FileId) {
        if article_id.is_empty() {
            return;
        }
        let ids = self.by_article_id.entry(article_id.to_owned()).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    pub fn has_file(&self, path: &Path) -> bool {
        self.by_file.contains_key(path)
    }

    /// Gives `file` to the article at `path` (with content hash `article_id`) for the rest
    /// of the session.
    pub fn claim(&mut self, file: FileId, article_id: &str, path: &Path) {
        let path = path.to_string_lossy().into_owned();
        self.add_id(article_id, file);
        self.by_article_path.insert(path.clone(), file);
        self.claimed.insert(file, path);
    }

    /// The file of the article at `path` whose text hashes to `article_id`, as the module
    /// documentation says; `None` when it has none yet.
    pub fn find(
        &self,
        files: &[AnnotationFile],
        storage: &Storage,
        article_id: &str,
        path: &Path,
    ) -> Option<FileId> {
        self.find_by_path(storage, path)
            .or_else(|| self.find_by_id(files, storage, article_id, path))
    }

    fn free_for(&self, file: FileId, path: &str) -> bool {
        self.claimed.get(&file).is_none_or(|p| p == path)
    }

    fn find_by_path(&self, storage: &Storage, path: &Path) -> Option<FileId> {
        if let Storage::Sidecar = storage {
            return self.by_file.get(&sidecar_path(path)).copied();
        }
        let text = path.to_string_lossy();
        self.by_article_path
            .get(text.as_ref())
            .copied()
            .filter(|&f| self.free_for(f, &text))
    }

    fn find_by_id(
        &self,
        files: &[AnnotationFile],
        storage: &Storage,
        article_id: &str,
        path: &Path,
    ) -> Option<FileId> {
        if let Storage::Sidecar = storage {
            return None;
        }
        let text = path.to_string_lossy();
        let by_name = self
            .by_file
            .get(&storage.file_for(article_id, path))
            .copied();
        let by_id = self.by_article_id.get(article_id).into_iter().flatten();
        by_name.into_iter().chain(by_id.copied()).find(|&f| {
            self.free_for(f, &text)
                && files
                    .get(f.0)
                    .is_some_and(|file| belongs_to(&file.article().path, &text))
        })
    }

    /// Every article's file, one file per article at most: path matches first, so a
    /// renamed article never takes the file of one still in place.
    pub fn assign(
        &mut self,
        files: &[AnnotationFile],
        storage: &Storage,
        articles: &[(&str, &Path)],
    ) -> Vec<Option<FileId>> {
        let mut found: Vec<Option<FileId>> = articles
            .iter()
            .map(|(id, path)| {
                let file = self.find_by_path(storage, path)?;
                self.claim(file, id, path);
                Some(file)
            })
            .collect();
        for ((id, path), slot) in articles.iter().zip(&mut found) {
            if slot.is_none()
                && let Some(file) = self.find_by_id(files, storage, id, path)
            {
                self.claim(file, id, path);
                *slot = Some(file);
            }
        }
        found
    }
}

/// Whether a file recording article path `recorded` may serve the article at `path`: it
/// records that path (or none), or the article it records is gone (renamed or moved).
pub(crate) fn belongs_to(recorded: &str, path: &str) -> bool {
    recorded.is_empty() || recorded == path || is_gone(Path::new(recorded))
}

/// A recorded path is gone when it names a file (paths of files are recorded absolute)
/// that no longer exists; `seeds/…` and `-` name no file and are never gone.
fn is_gone(recorded: &Path) -> bool {
    recorded.is_absolute()
        && matches!(fs::symlink_metadata(recorded), Err(e) if e.kind() == io::ErrorKind::NotFound)
}

/// The names a new file for an article may take, in order: `<id>.toml`, then (taken by
/// another article with the same text) `<id>-<path hash>.toml` and numbered variants. In
/// sidecar mode, the sidecar.
pub(crate) fn names_for(storage: &Storage, article_id: &str, path: &Path) -> Vec<PathBuf> {
    let first = storage.file_for(article_id, path);
    let Storage::Dir(dir) = storage else {
        return vec![first];
    };
    let stem = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    let hash: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let mut names = vec![first, dir.join(format!("{stem}-{hash}.toml"))];
    names.extend((2..NAME_TRIES).map(|n| dir.join(format!("{stem}-{hash}-{n}.toml"))));
    names
}

/// Mends data dirs where one article's annotations were split over several files (the
/// next change after its file broke started a second one): the annotations of the others
/// are merged into the oldest, which is saved, and each other file moves, whole, into
/// [`MERGED_DIR`] once the merged file is on disk. Groups holding a file that does not
/// parse are left as they are. Returns the files that stay, and what went wrong.
pub(crate) fn merge_split_files(
    files: Vec<AnnotationFile>,
    dir: &Path,
) -> (Vec<AnnotationFile>, Vec<StoreError>) {
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        let path = file.article().path.as_str();
        if !path.is_empty() {
            groups.entry(path).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups
        .into_values()
        .filter(|g| g.len() > 1 && g.iter().all(|&i| !files[i].is_read_only()))
        .collect();
    if groups.is_empty() {
        return (files, Vec::new());
    }
    groups.sort();
    let mut files = files;
    let mut problems = Vec::new();
    let mut retired: HashSet<usize> = HashSet::new();
    for mut group in groups {
        group.sort_by_key(|&i| {
            let oldest = oldest(&files[i]);
            (oldest.is_none(), oldest, files[i].path().to_owned())
        });
        let Some((&keep, others)) = group.split_first() else {
            continue;
        };
        let moved: Vec<_> = others
            .iter()
            .flat_map(|&i| files[i].annotations().to_vec())
            .collect();
        let Some(primary) = files.get_mut(keep) else {
            continue;
        };
        let merged = moved.into_iter().try_for_each(|a| {
            if primary.get(&a.id).is_none_or(|p| p.updated < a.updated) {
                primary.upsert(a)?;
            }
            Ok::<_, StoreError>(())
        });
        if let Err(e) = merged.and_then(|()| primary.save().map(drop)) {
            problems.push(e);
            continue;
        }
        for &i in others {
            match retire(&files[i], &files[keep], dir) {
                Ok(true) => {
                    retired.insert(i);
                }
                Ok(false) => {}
                Err(e) => problems.push(e),
            }
        }
    }
    let kept = files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !retired.contains(i))
        .map(|(_, f)| f)
        .collect();
    (kept, problems)
}

/// When the oldest annotation of `file` was made.
fn oldest(file: &AnnotationFile) -> Option<Timestamp> {
    file.annotations().iter().map(|a| a.created).min()
}

/// Moves `file` into [`MERGED_DIR`] if everything it holds on disk is in `into` (as new
/// or newer); `Ok(false)` when another instance changed it meanwhile (merged next time).
fn retire(file: &AnnotationFile, into: &AnnotationFile, dir: &Path) -> Result<bool, StoreError> {
    let lock = FileLock::acquire(file.path(), LOCK_TIMEOUT)?;
    let Some(disk) = read_doc(file.path())? else {
        return Ok(true);
    };
    let covered = disk.annotations.iter().all(|a| {
        into.get(&a.id)
            .is_some_and(|kept| kept.updated >= a.updated)
    });
    if !covered {
        return Ok(false);
    }
    let merged_dir = dir.join(MERGED_DIR);
    let name = file
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io_err = |path: &Path| {
        let path = path.to_owned();
        move |source| StoreError::Io {
            path,
            error: source,
        }
    };
    fs::create_dir_all(&merged_dir).map_err(io_err(&merged_dir))?;
    let mut target = merged_dir.join(&name);
    let mut n = 2;
    while fs::symlink_metadata(&target).is_ok() {
        target = merged_dir.join(format!("{name}.{n}"));
        n += 1;
    }
    atomic::move_durably(file.path(), &target).map_err(io_err(file.path()))?;
    drop(lock);
    Ok(true)
}

#[cfg(test)]
#[path = "identity_tests.rs"]
mod tests;
