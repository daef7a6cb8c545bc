//! Which articles of the library are unread, as the reader shows them: the state dir's
//! `unread.toml` (see [`crate::ingest::unread`]) matched to the articles by absolute path,
//! and the changes the reader makes (opening an article, `m`) written back at once. A
//! change that cannot be written is kept and tried again with the next one, and said.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::ingest::unread;

#[derive(Debug, Default)]
pub struct ReadMarks {
    /// `None`: marks are kept for this session only (no state dir, or the samples).
    file: Option<PathBuf>,
    /// Unread keys not matched to an article yet (more articles may stream in).
    keys: HashSet<String>,
    /// Their file names: an article is only made an absolute path when its name is one
    /// (a key whose file is not in this library would otherwise cost every article that).
    names: HashSet<std::ffi::OsString>,
    /// Per article of the store: unread.
    unread: Vec<bool>,
    count: usize,
    /// Changes not written yet (unread, read), after a failed write.
    pending: (Vec<String>, Vec<String>),
}

impl ReadMarks {
    /// The marks kept in `file`; with the problem when it cannot be read (nothing is
    /// then marked, and the file is never written over).
    pub fn load(file: Option<PathBuf>) -> (ReadMarks, Option<String>) {
        let Some(path) = file else {
            return (ReadMarks::default(), None);
        };
        match unread::load(&path) {
            Ok(keys) => (
                ReadMarks {
                    file: Some(path),
                    names: keys.iter().filter_map(|k| file_name(k)).collect(),
                    keys,
                    ..ReadMarks::default()
                },
                None,
            ),
            Err(e) => (
                ReadMarks::default(),
                Some(format!("read marks not shown: {e}")),
            ),
        }
    }

    /// Takes in the next article of the store (they come in order).
    pub fn push(&mut self, path: &Path) {
        let named = path.file_name().is_some_and(|n| self.names.contains(n));
        let unread = named && self.keys.remove(&unread::key(path));
        self.count += usize::from(unread);
        self.unread.push(unread);
    }

    /// An article an update has just brought in (marked unread in the file already),
    /// before it is added to the store.
    pub fn expect_unread(&mut self, path: &Path) {
        let key = unread::key(path);
        self.names.extend(file_name(&key));
        self.keys.insert(key);
    }

    pub fn is_unread(&self, article: usize) -> bool {
        self.unread.get(article).copied().unwrap_or(false)
    }

    /// Unread articles in the library.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The next unread article after `article` in `order`, wrapping round.
    pub fn next_unread(&self, order: &[usize], after: Option<usize>) -> Option<usize> {
        let start = after
            .and_then(|a| order.iter().position(|&i| i == a))
            .map_or(0, |p| p + 1);
        let (tail, head) = (order.get(start..)?, order.get(..start)?);
        tail.iter()
            .chain(head)
            .copied()
            .find(|&i| self.is_unread(i))
    }

    /// Marks `article` (at `path`) unread or read, and writes it down. Err: the change is
    /// shown but not written yet (it is tried again with the next change).
    pub fn set(&mut self, article: usize, path: &Path, unread: bool) -> Result<(), String> {
        let Some(mark) = self.unread.get_mut(article) else {
            return Ok(());
        };
        if *mark == unread {
            return Ok(());
        }
        *mark = unread;
        match unread {
            true => self.count += 1,
            false => self.count = self.count.saturating_sub(1),
        }
        let Some(file) = &self.file else {
            return Ok(());
        };
        let key = unread::key(path);
        let (add, remove) = &mut self.pending;
        add.retain(|k| *k != key);
        remove.retain(|k| *k != key);
        match unread {
            true => add.push(key),
            false => remove.push(key),
        }
        match unread::change(file, add, remove) {
            Ok(()) => {
                self.pending = Default::default();
                Ok(())
            }
            Err(e) => Err(format!(
                "read marks not saved (tried again with the next): {e}"
            )),
        }
    }
}

fn file_name(key: &str) -> Option<std::ffi::OsString> {
    Path::new(key).file_name().map(ToOwned::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_follow_the_file_and_are_written_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("unread.toml");
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        unread::change(&file, &[unread::key(&b)], &[]).unwrap();
        let (mut marks, problem) = ReadMarks::load(Some(file.clone()));
        assert!(problem.is_none());
        marks.push(&a);
        marks.push(&b);
        assert!(!marks.is_unread(0) && marks.is_unread(1) && marks.count() == 1);
        assert_eq!(marks.next_unread(&[0, 1], Some(1)), Some(1), "wraps round");
        marks.set(1, &b, false).unwrap();
        marks.set(0, &a, true).unwrap();
        assert_eq!(
            unread::load(&file).unwrap(),
            HashSet::from([unread::key(&a)])
        );
        assert_eq!(marks.next_unread(&[0, 1], Some(0)), Some(0));
        // An article an update brings in while the reader runs.
        let c = dir.path().join("c.md");
        marks.expect_unread(&c);
        marks.push(&c);
        assert!(marks.is_unread(2) && marks.count() == 2);
    }

    #[test]
    fn a_change_that_cannot_be_written_is_said_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state");
        let (mut marks, problem) = ReadMarks::load(Some(state.join("unread.toml")));
        assert!(problem.is_none(), "no file yet is no problem");
        // The state dir's place is taken by a regular file since.
        std::fs::write(&state, "").unwrap();
        marks.push(Path::new("/a.md"));
        let e = marks.set(0, Path::new("/a.md"), true).unwrap_err();
        assert!(e.contains("not saved"), "{e}");
        assert!(marks.is_unread(0));
        assert_eq!(marks.pending.0, vec!["/a.md".to_string()]);
    }

    #[test]
    fn a_file_that_does_not_parse_marks_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("unread.toml");
        std::fs::write(&file, "unread = 3").unwrap();
        let (mut marks, problem) = ReadMarks::load(Some(file.clone()));
        assert!(problem.unwrap().contains("unread.toml:1:"));
        marks.push(Path::new("/a.md"));
        marks.set(0, Path::new("/a.md"), true).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "unread = 3");
    }
}
