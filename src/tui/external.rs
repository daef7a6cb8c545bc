//! Editing a note in the user's `$VISUAL` or `$EDITOR`: the terminal is handed over (raw
//! mode off, main screen back, mouse released), the editor runs on a temporary file, and
//! the terminal is taken back. A missing or failing editor changes nothing and says why.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The editor command: `$VISUAL`, else `$EDITOR` (unset or blank: none).
pub fn editor_command() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_owned())
        .find(|v| !v.is_empty())
}

/// Runs `editor` on `note` between `suspend` and `resume` (which hand the terminal over
/// and take it back); returns the edited text, or a message saying why there is none.
pub fn edit(
    editor: Option<String>,
    note: &str,
    suspend: impl FnOnce() -> io::Result<()>,
    resume: impl FnOnce() -> io::Result<()>,
) -> Result<String, String> {
    let Some(editor) = editor else {
        return Err(
            "set $EDITOR (or $VISUAL) to write notes in your editor; a writes them here".into(),
        );
    };
    let path = temp_file(note).map_err(|e| format!("cannot create a file for the note: {e}"))?;
    let ran = suspend().and_then(|()| run(&editor, &path));
    let resumed = resume();
    let result = match ran {
        Err(e) => Err(format!(
            "cannot run the editor `{editor}`: {e}: note not changed"
        )),
        Ok(status) if !status.success() => {
            let detail = match status.code() {
                Some(127) => " (command not found)".to_owned(),
                Some(code) => format!(" (exit status {code})"),
                None => " (killed by a signal)".to_owned(),
            };
            let kept = match std::fs::read_to_string(&path) {
                Ok(text) if text != note => {
                    let kept = path.clone();
                    return finish(
                        resumed,
                        Err(format!(
                            "the editor `{editor}` failed{detail}: note not changed; what you \
                             wrote is kept in {}",
                            kept.display()
                        )),
                    );
                }
                _ => String::new(),
            };
            Err(format!(
                "the editor `{editor}` failed{detail}: note not changed{kept}"
            ))
        }
        Ok(_) => std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read the note back from {}: {e}", path.display())),
    };
    let _ = std::fs::remove_file(&path);
    finish(resumed, result)
}

fn finish(resumed: io::Result<()>, result: Result<String, String>) -> Result<String, String> {
    match resumed {
        Ok(()) => result,
        Err(e) => Err(format!("cannot restore the terminal after the editor: {e}")),
    }
}

/// `sh -c '<editor> "$1"'`, so an editor given with arguments (`code --wait`) works.
fn run(editor: &str, path: &Path) -> io::Result<std::process::ExitStatus> {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sayso-editor")
        .arg(path)
        .status()
}

/// A new private file holding `note`.
fn temp_file(note: &str) -> io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!("sayso-note-{}-{nanos}.md", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path)?;
    file.write_all(note.as_bytes())?;
    file.sync_all()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> io::Result<()> {
        Ok(())
    }

    #[test]
    fn an_editor_rewrites_the_note() {
        let out = edit(
            Some("f() { printf 'new note' > \"$1\"; }; f".into()),
            "old",
            ok,
            ok,
        );
        assert_eq!(out, Ok("new note".to_owned()));
    }

    #[test]
    fn missing_or_failing_editors_change_nothing() {
        let none = edit(None, "old", ok, ok).unwrap_err();
        assert!(none.contains("set $EDITOR"), "{none}");
        let missing = edit(Some("sayso-no-such-editor".into()), "old", ok, ok).unwrap_err();
        assert!(missing.contains("command not found"), "{missing}");
        let failing = edit(
            Some("f() { echo x > \"$1\"; exit 3; }; f".into()),
            "old",
            ok,
            ok,
        )
        .unwrap_err();
        assert!(
            failing.contains("exit status 3") && failing.contains("kept in"),
            "{failing}"
        );
        let kept = failing.rsplit("kept in ").next().unwrap();
        assert_eq!(std::fs::read_to_string(kept).unwrap(), "x\n");
        std::fs::remove_file(kept).unwrap();
    }
}
