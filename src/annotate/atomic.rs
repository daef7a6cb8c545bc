//! Crash-safe file replacement and the advisory lock that serialises writers.
//!
//! A save writes a temporary file in the same directory, fsyncs it, renames it over the
//! target (atomic on POSIX file systems) and fsyncs the directory, so that at every instant
//! the target is either the old file or the new one, whole. Writers of one file take an
//! exclusive lock on a separate `<file>.lock` first: the temporary name is then private to
//! the lock holder, and a temporary left by a killed writer is simply overwritten.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another instance to finish its save.
pub const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// `<file>.lock`, beside the file.
pub fn lock_path(file: &Path) -> PathBuf {
    with_suffix(file, ".lock")
}

/// `.<file name>.tmp`, hidden, beside the file; it does not end in `.toml`, so loaders that
/// scan the directory skip it.
pub fn temp_path(file: &Path) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    file.with_file_name(format!(".{name}.tmp"))
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut os = file.as_os_str().to_owned();
    os.push(suffix);
    PathBuf::from(os)
}

/// An exclusive lock on `<file>.lock`; released when dropped (or when the process dies,
/// since the OS releases the lock with the descriptor). Lock files are never deleted:
/// deleting one while another process waits on it would let two writers in at once.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

impl FileLock {
    /// Takes the lock of `file`, waiting up to `timeout` for another holder.
    pub fn acquire(file: &Path, timeout: Duration) -> Result<FileLock, LockError> {
        let path = lock_path(file);
        let lock_file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| LockError::Io {
                path: path.clone(),
                source,
            })?;
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        loop {
            match lock_file.try_lock() {
                Ok(()) => return Ok(FileLock { _file: lock_file }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy { path, timeout }),
                Err(TryLockError::Error(source)) => return Err(LockError::Io { path, source }),
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}: still locked by another sayso after {} s", path.display(), timeout.as_secs())]
    Busy { path: PathBuf, timeout: Duration },
    #[error("{}: cannot lock: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Replaces `file` with `bytes` atomically and durably. The caller holds `file`'s
/// [`FileLock`] (the temporary file's name is shared by all writers of `file`).
///
/// The file keeps its permissions (a private `0600` file stays private) and, where the
/// process may set it, its owner; a symbolic link stays a link and its target is replaced.
pub fn write_atomic(file: &Path, bytes: &[u8], _lock: &FileLock) -> io::Result<()> {
    let resolved;
    let file = match fs::symlink_metadata(file) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(file)?;
            resolved.as_path()
        }
        _ => file,
    };
    let temp = temp_path(file);
    let result = write_then_rename(&temp, file, bytes);
    if result.is_err() {
        // Best effort: a leftover temporary is harmless and overwritten next time.
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_then_rename(temp: &Path, file: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut out = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(temp)?;
    // Before the content goes in, so private notes are never readable by others.
    if let Ok(old) = fs::metadata(file) {
        keep_mode_and_owner(&out, &old)?;
    }
    out.write_all(bytes)?;
    out.sync_all()?;
    drop(out);
    fs::rename(temp, file)?;
    sync_dir(file.parent().unwrap_or_else(|| Path::new(".")))
}

/// Gives the new file `out` the permissions of the file it replaces and, best effort, its
/// owner (only root may give a file away; anyone else keeps their own).
fn keep_mode_and_owner(out: &File, old: &fs::Metadata) -> io::Result<()> {
    out.set_permissions(old.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = out.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
            let _ = std::os::unix::fs::fchown(out, Some(old.uid()), Some(old.gid()));
        }
    }
    Ok(())
}

/// Removes the temporaries that killed writers left in `dir` (`.<name>.tmp`), each only
/// when its file's lock is free, so a save in progress in another instance is never
/// touched. Best effort: returns how many were removed.
pub fn remove_leftover_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(original) = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(".tmp"))
            .filter(|n| n.ends_with(".toml"))
        else {
            continue;
        };
        let file = dir.join(original);
        if let Ok(_lock) = FileLock::acquire(&file, Duration::ZERO)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Makes a rename in `dir` durable.
/// Moves `from` to `to` (same file system) durably: the rename, then both directories
/// synced, so after a crash the file is in exactly one of the two places.
pub fn move_durably(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    sync_dir(to.parent().unwrap_or_else(|| Path::new(".")))?;
    sync_dir(from.parent().unwrap_or_else(|| Path::new(".")))
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Directories cannot be opened for syncing on other platforms; the rename itself
        // is what they guarantee.
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        fs::write(&file, "old").expect("write");
        let lock = FileLock::acquire(&file, LOCK_TIMEOUT).expect("lock");
        write_atomic(&file, b"new content", &lock).expect("save");
        assert_eq!(fs::read_to_string(&file).expect("read"), "new content");
        assert!(!temp_path(&file).exists());
        assert!(lock_path(&file).exists());
    }

    #[test]
    fn a_stale_temporary_is_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        fs::write(temp_path(&file), "half a file from a killed writ").expect("write");
        let lock = FileLock::acquire(&file, LOCK_TIMEOUT).expect("lock");
        write_atomic(&file, b"whole", &lock).expect("save");
        assert_eq!(fs::read_to_string(&file).expect("read"), "whole");
    }

    #[test]
    fn a_second_lock_waits_then_times_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        let held = FileLock::acquire(&file, LOCK_TIMEOUT).expect("lock");
        let busy = FileLock::acquire(&file, Duration::from_millis(30));
        assert!(matches!(busy, Err(LockError::Busy { .. })), "{busy:?}");
        drop(held);
        assert!(FileLock::acquire(&file, Duration::from_millis(30)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_mode_and_owner() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        fs::write(&file, "old").expect("write");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        // Tests run as root, which may give a file away: the save gives it back.
        let given = std::os::unix::fs::chown(&file, Some(4321), Some(4321)).is_ok();
        let lock = FileLock::acquire(&file, LOCK_TIMEOUT).expect("lock");
        write_atomic(&file, b"new", &lock).expect("save");
        let meta = fs::metadata(&file).expect("stat");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "still private");
        if given {
            assert_eq!((meta.uid(), meta.gid()), (4321, 4321), "same owner");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_save_through_a_symlink_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.toml");
        let link = dir.path().join("a.toml");
        fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let lock = FileLock::acquire(&link, LOCK_TIMEOUT).expect("lock");
        write_atomic(&link, b"new", &lock).expect("save");
        assert!(
            fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink(),
            "still a link"
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
    }

    #[test]
    fn leftover_temporaries_are_removed_unless_a_writer_holds_the_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let idle = dir.path().join("a.toml");
        let busy = dir.path().join("b.toml");
        fs::write(temp_path(&idle), "killed mid-save").expect("write");
        fs::write(temp_path(&busy), "being written").expect("write");
        let other = dir.path().join("notes.txt");
        fs::write(&other, "not ours").expect("write");
        let _writer = FileLock::acquire(&busy, LOCK_TIMEOUT).expect("lock");
        assert_eq!(remove_leftover_temps(dir.path()), 1);
        assert!(!temp_path(&idle).exists(), "stale one removed");
        assert!(
            temp_path(&busy).exists(),
            "a save in progress is left alone"
        );
        assert!(other.exists());
    }
}
