//! The recovery journal: changes a session could not save (the data dir unwritable, a lock
//! held, a signal), kept in the state dir until the next start offers them back.
//!
//! Layout: `<state dir>/recovery/<unix ms>/annotations/<name>.toml` — each entry is a data
//! directory of its own, so `sayso --data-dir <entry>` also opens it. An entry that was
//! restored or discarded moves, whole, to `recovery/restored/` or `recovery/discarded/`:
//! nothing in the journal is ever deleted by sayso.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{self, FileLock, LOCK_TIMEOUT};
use super::library::Library;
use super::store::{Storage, StoreError};

/// The journal's folder in the state dir.
pub const DIR: &str = "recovery";

/// A new entry's folder: `<state dir>/recovery/<unix ms>` (not created yet).
pub fn new_entry(state_dir: &Path) -> PathBuf {
    let now = super::model::Timestamp::now().unix_millis();
    state_dir.join(DIR).join(now.to_string())
}

/// Writes each file of `library` whose changes could not be saved into `entry`, laid out
/// as a data directory (`annotations/<name>.toml`, atomically); returns the copies.
pub fn write(library: &Library, entry: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let dir = match Storage::in_data_dir(entry) {
        Storage::Dir(dir) => dir,
        Storage::Sidecar => entry.to_owned(),
    };
    let mut written = Vec::new();
    for (_, file) in library.files() {
        if !file.is_dirty() || file.is_read_only() {
            continue;
        }
        let Some(text) = file.render_unsaved() else {
            continue;
        };
        fs::create_dir_all(&dir).map_err(|source| StoreError::Io {
            path: dir.clone(),
            error: source,
        })?;
        let name = file.path().file_name().map_or_else(
            || std::ffi::OsString::from("annotations.toml"),
            std::ffi::OsStr::to_owned,
        );
        let copy = dir.join(name);
        let lock = FileLock::acquire(&copy, LOCK_TIMEOUT)?;
        atomic::write_atomic(&copy, text.as_bytes(), &lock).map_err(|source| StoreError::Io {
            path: copy.clone(),
            error: source,
        })?;
        written.push(copy);
    }
    Ok(written)
}

/// An entry waiting to be offered back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub dir: PathBuf,
    /// Its annotation files.
    pub files: usize,
}

/// The entries of the journal in `state_dir`, oldest first (none when it has none or
/// cannot be read: the journal never blocks start-up).
pub fn pending(state_dir: &Path) -> Vec<Entry> {
    let Ok(entries) = fs::read_dir(state_dir.join(DIR)) else {
        return Vec::new();
    };
    let mut found: Vec<(u128, Entry)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let stamp: u128 = e.file_name().to_str()?.parse().ok()?;
            let dir = e.path();
            let files = fs::read_dir(dir.join("annotations"))
                .ok()?
                .filter_map(Result::ok)
                .filter(|f| f.path().extension().is_some_and(|x| x == "toml"))
                .count();
            (files > 0).then_some((stamp, Entry { dir, files }))
        })
        .collect();
    found.sort_by_key(|(stamp, _)| *stamp);
    found.into_iter().map(|(_, e)| e).collect()
}

/// What became of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Restored,
    Discarded,
}

/// Moves `entry` out of the way, whole, into `recovery/restored/` or
/// `recovery/discarded/`; returns where it went.
pub fn set_aside(entry: &Entry, outcome: Outcome) -> std::io::Result<PathBuf> {
    let root = entry
        .dir
        .parent()
        .ok_or_else(|| std::io::Error::other("a journal entry has a parent folder"))?;
    let folder = root.join(match outcome {
        Outcome::Restored => "restored",
        Outcome::Discarded => "discarded",
    });
    fs::create_dir_all(&folder)?;
    let name = entry.dir.file_name().unwrap_or_default();
    let to = folder.join(name);
    atomic::move_durably(&entry.dir, &to)?;
    Ok(to)
}

/// Loads every entry of `entries` and restores it into `library` (see
/// [`Library::restore`]); entries that came back whole are set aside as restored.
/// Returns how many annotations came back, and the first error (its entry stays).
pub fn restore_all(library: &mut Library, entries: &[Entry]) -> (usize, Option<String>) {
    let mut restored = 0;
    for entry in entries {
        let mut recovered = Library::load(Storage::in_data_dir(&entry.dir), &[]);
        if let Some(problem) = recovered.take_problems().into_iter().next() {
            return (restored, Some(problem.to_string()));
        }
        match library.restore(&recovered) {
            Ok(n) => restored += n,
            Err(e) => return (restored, Some(e.to_string())),
        }
        if let Err(e) = set_aside(entry, Outcome::Restored) {
            return (restored, Some(format!("{}: {e}", entry.dir.display())));
        }
    }
    (restored, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::model::{Annotation, annotation_on};

    const TEXT: &str = "The mayor said taxes would not rise.";

    fn annotation(note: &str) -> Annotation {
        annotation_on(TEXT, "mayor", note)
    }

    #[test]
    fn unsaved_changes_go_to_the_journal_and_come_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = dir.path().join("state");
        let blocked = dir.path().join("blocked");
        let mut lib = Library::load(Storage::in_data_dir(&blocked), &[]);
        let file = lib
            .open_article("1111111111111111", Path::new("/news/a.txt"), "A")
            .expect("open");
        // The data dir becomes a regular file: nothing can be saved there.
        fs::write(&blocked, "a file").expect("file");
        assert!(lib.add(file, annotation("kept")).is_err());
        let entry = new_entry(&state);
        assert_eq!(write(&lib, &entry).expect("journal").len(), 1);

        let pending_now = pending(&state);
        assert_eq!(pending_now.len(), 1);
        assert_eq!(pending_now[0].files, 1);

        // Next start, with a data dir that works.
        let data = dir.path().join("data");
        let mut lib = Library::load(Storage::in_data_dir(&data), &[]);
        let (restored, error) = restore_all(&mut lib, &pending_now);
        assert_eq!((restored, error), (1, None));
        assert!(pending(&state).is_empty(), "restored entries are set aside");
        assert!(state.join(DIR).join("restored").is_dir());
        let reloaded = Library::load(Storage::in_data_dir(&data), &[]);
        let found = reloaded
            .find("1111111111111111", Path::new("/news/a.txt"))
            .and_then(|f| reloaded.file(f))
            .map(|f| f.annotations()[0].note.clone());
        assert_eq!(found.as_deref(), Some("kept"));
        // One undo step takes it back out.
        assert_eq!(
            lib.undo().expect("undo").as_deref(),
            Some("restore unsaved changes")
        );
        // Restoring the same again changes nothing.
        let again = Library::load(Storage::in_data_dir(&data), &[]);
        let mut recovered = Library::load(Storage::in_data_dir(&data), &[]);
        assert_eq!(recovered.restore(&again).expect("restore"), 0);
    }

    #[test]
    fn a_missing_or_unreadable_journal_is_empty() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(pending(&dir.path().join("none")).is_empty());
        let file = dir.path().join("file");
        fs::write(&file, "x").expect("file");
        assert!(pending(&file).is_empty());
        // Folders that are not entries are left alone.
        fs::create_dir_all(dir.path().join(DIR).join("notes")).expect("dir");
        fs::create_dir_all(dir.path().join(DIR).join("123").join("annotations")).expect("dir");
        assert!(pending(dir.path()).is_empty());
    }

    #[test]
    fn an_entry_that_cannot_be_restored_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = dir.path().join("state");
        let entry = new_entry(&state).join("annotations");
        fs::create_dir_all(&entry).expect("dir");
        fs::write(entry.join("x.toml"), "not = [toml").expect("broken");
        let mut lib = Library::load(Storage::in_data_dir(&dir.path().join("data")), &[]);
        let entries = pending(&state);
        let (restored, error) = restore_all(&mut lib, &entries);
        assert_eq!(restored, 0);
        assert!(error.is_some_and(|e| e.contains("x.toml")));
        assert_eq!(pending(&state), entries);
    }
}
