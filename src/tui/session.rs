//! The reading session kept across runs: which article was open and where, which pane had
//! the focus, and how the library was sorted and filtered. Kept in the platform state dir
//! as `session.toml`, one per library (the last one used). Not user data: a missing,
//! unreadable or corrupt file restores nothing and never stops the reader from starting.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::annotate::atomic::{FileLock, write_atomic};

/// The session file's name in the state dir.
pub const FILE_NAME: &str = "session.toml";

/// What is restored. Offsets are Unicode code points from the start of the article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The library this session is of (its folders and files, or `(samples)`): another
    /// library starts fresh.
    pub library: String,
    /// Path of the article open in the reader, as loaded.
    pub article: Option<String>,
    /// Its content id: finds it again when the path changed.
    pub article_id: Option<String>,
    /// The reader's cursor.
    pub cursor: usize,
    /// Where the first visible line of the reader starts.
    pub top: usize,
    /// `library`, `reader` or `insight`.
    pub focus: String,
    /// The insight tab shown: `Speakers`, `Claims`, `Numbers` or `Notes`.
    pub tab: String,
    /// The library's sort column (`date`, `title`, …) and direction.
    pub sort: String,
    pub reversed: bool,
    /// The library filter.
    pub filter: String,
    /// Path of the article selected in the library.
    pub selected: Option<String>,
}

/// Why a session could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("{path} is not a session file: {reason}")]
    Parse { path: PathBuf, reason: String },
}

/// The session file in `state_dir`.
pub fn path_in(state_dir: &Path) -> PathBuf {
    state_dir.join(FILE_NAME)
}

/// The session saved in `file`: `Ok(None)` when there is none yet.
pub fn load(file: &Path) -> Result<Option<Session>, SessionError> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SessionError::Read {
                path: file.to_owned(),
                source,
            });
        }
    };
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| SessionError::Parse {
            path: file.to_owned(),
            reason: e.message().to_string(),
        })
}

/// How long a save waits for another instance saving its session at the same moment.
const LOCK_WAIT: Duration = Duration::from_millis(500);

/// Saves `session` to `file` atomically (the last instance to quit wins).
pub fn save(file: &Path, session: &Session) -> io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = toml::to_string(session).map_err(io::Error::other)?;
    let lock = FileLock::acquire(file, LOCK_WAIT).map_err(io::Error::other)?;
    write_atomic(file, text.as_bytes(), &lock)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sayso-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_saved_session_loads_back() {
        let dir = temp("round");
        let session = Session {
            library: "/news".into(),
            article: Some("/news/a.txt".into()),
            article_id: Some("0123456789abcdef".into()),
            cursor: 42,
            top: 7,
            focus: "reader".into(),
            tab: "Claims".into(),
            sort: "title".into(),
            reversed: true,
            filter: "wang #budget".into(),
            selected: Some("/news/a.txt".into()),
        };
        let file = path_in(&dir);
        save(&file, &session).unwrap();
        assert_eq!(load(&file).unwrap(), Some(session));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_and_corrupt_files_restore_nothing() {
        let dir = temp("bad");
        let file = path_in(&dir);
        assert!(load(&file).unwrap().is_none());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&file, "cursor = \"many\"\n").unwrap();
        let e = load(&file).unwrap_err().to_string();
        assert!(
            e.contains("session.toml") && e.contains("not a session file"),
            "{e}"
        );
        std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
        assert!(load(&file).is_err());
        // Unknown keys (a newer version) and missing ones are fine.
        std::fs::write(&file, "focus = \"reader\"\nfuture = 1\n").unwrap();
        assert_eq!(load(&file).unwrap().unwrap().focus, "reader");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn saving_under_a_regular_file_fails_cleanly() {
        let dir = temp("blocked");
        std::fs::create_dir_all(&dir).unwrap();
        let blocker = dir.join("not-a-dir");
        std::fs::write(&blocker, "").unwrap();
        assert!(save(&path_in(&blocker), &Session::default()).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
