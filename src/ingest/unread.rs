//! Which articles are not read yet: those `sayso add` and `sayso feeds update` brought in,
//! until the reader opens them (or `m` marks them read). Kept in the state dir as
//! `unread.toml`, a list of absolute paths. Every change is applied to the file as it is
//! now, under its lock, so two instances (or an update running beside the reader) never
//! undo each other's marks; a file that does not parse is left as it is.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::annotate::atomic::{FileLock, LockError, write_atomic};

/// The file's name in the state dir.
pub const FILE_NAME: &str = "unread.toml";

/// How long a change waits for another instance changing the file.
const LOCK_WAIT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum UnreadError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}:{column}: {reason} (left as it is; fix or remove it)", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("{}: {source}", path.display())]
    Lock { path: PathBuf, source: LockError },
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct UnreadFile {
    #[serde(default)]
    unread: Vec<String>,
}

/// The key an article's file is kept under: its absolute path.
pub fn key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .to_string_lossy()
        .into_owned()
}

/// The unread articles listed in `file` (none when there is no file).
pub fn load(file: &Path) -> Result<HashSet<String>, UnreadError> {
    Ok(read(file)?.unread.into_iter().collect())
}

fn read(file: &Path) -> Result<UnreadFile, UnreadError> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(UnreadFile::default()),
        Err(source) => {
            return Err(UnreadError::Read {
                path: file.to_owned(),
                source,
            });
        }
    };
    toml::from_str(&text).map_err(|e| {
        let (line, column) =
            crate::annotate::format::line_column(&text, e.span().map_or(0, |s| s.start));
        UnreadError::Parse {
            path: file.to_owned(),
            line,
            column,
            reason: e.message().to_string(),
        }
    })
}

/// Marks the articles at `unread` unread and those at `read` read, in `file` as it is now.
pub fn change(file: &Path, unread: &[String], read: &[String]) -> Result<(), UnreadError> {
    if unread.is_empty() && read.is_empty() {
        return Ok(());
    }
    let write_error = |source| UnreadError::Write {
        path: file.to_owned(),
        source,
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(write_error)?;
    }
    let lock = FileLock::acquire(file, LOCK_WAIT).map_err(|source| UnreadError::Lock {
        path: file.to_owned(),
        source,
    })?;
    let mut now = self::read(file)?;
    now.unread.retain(|p| !read.contains(p));
    for path in unread {
        if !now.unread.contains(path) && !read.contains(path) {
            now.unread.push(path.clone());
        }
    }
    let body = toml::to_string(&now).map_err(|e| write_error(io::Error::other(e)))?;
    let text = format!(
        "# Articles not read yet (brought in by `sayso add` and `sayso feeds update`);\n\
         # opening one in the reader marks it read.\n{body}"
    );
    write_atomic(file, text.as_bytes(), &lock).map_err(write_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_applied_to_the_file_as_it_is_now() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        assert!(load(&file).unwrap().is_empty());
        let (a, b, c) = (
            "/lib/a.md".to_string(),
            "/lib/b.md".to_string(),
            "/lib/c.md".to_string(),
        );
        change(&file, &[a.clone(), b.clone()], &[]).unwrap();
        // Another instance, which never saw `b`, marks `a` read and adds `c`.
        change(&file, std::slice::from_ref(&c), std::slice::from_ref(&a)).unwrap();
        let now = load(&file).unwrap();
        assert_eq!(now, HashSet::from([b.clone(), c.clone()]));
        change(&file, std::slice::from_ref(&b), &[]).unwrap();
        assert_eq!(load(&file).unwrap().len(), 2, "no duplicates");
    }

    #[test]
    fn a_file_that_does_not_parse_is_named_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        std::fs::write(&file, "unread = [\"/a.md\"\n").unwrap();
        let e = load(&file).unwrap_err().to_string();
        assert!(
            e.contains("unread.toml:") && e.contains("left as it is"),
            "{e}"
        );
        assert!(change(&file, &["/b.md".into()], &[]).is_err());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "unread = [\"/a.md\"\n"
        );
    }

    #[test]
    fn a_state_dir_under_a_regular_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "").unwrap();
        let file = blocker.join(FILE_NAME);
        assert!(change(&file, &["/b.md".into()], &[]).is_err());
        assert!(load(&file).is_err() || load(&file).unwrap().is_empty());
    }

    #[test]
    fn keys_are_absolute() {
        assert!(Path::new(&key(Path::new("news/a.md"))).is_absolute());
        assert_eq!(key(Path::new("/x/y.md")), "/x/y.md");
    }
}
