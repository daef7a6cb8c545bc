//! Panics while the reader runs. A panic on a worker or loader thread costs that job only:
//! the job reports it as a message, the hook logs it to a file (not to the screen, which
//! the reader owns) and leaves the terminal alone. Only a panic on the UI thread, which
//! takes the process down, restores the terminal before the usual report.

use std::io::Write;
use std::panic::PanicHookInfo;
use std::path::PathBuf;
use std::thread::ThreadId;

/// What the hook does for a panic on `thread`, the UI thread being `ui`.
#[derive(Debug, PartialEq, Eq)]
pub enum OnPanic {
    /// The process is going down: restore the terminal, then report as usual.
    RestoreAndReport,
    /// A job failed and the reader goes on: log it, touch nothing on screen.
    LogOnly,
}

pub fn on_panic(thread: ThreadId, ui: ThreadId) -> OnPanic {
    if thread == ui {
        OnPanic::RestoreAndReport
    } else {
        OnPanic::LogOnly
    }
}

/// Installs the hook for the reader running on this thread; `restore` puts the terminal
/// back.
pub fn install(restore: impl Fn() + Send + Sync + 'static) {
    let ui = std::thread::current().id();
    let previous = std::panic::take_hook();
    let log = log_path();
    std::panic::set_hook(Box::new(move |info| {
        match on_panic(std::thread::current().id(), ui) {
            OnPanic::RestoreAndReport => {
                restore();
                previous(info);
            }
            OnPanic::LogOnly => {
                if let Some(path) = &log {
                    append(path, info);
                }
            }
        }
    }));
}

/// The message a panic payload carries.
pub fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// `panics.log` in the state directory.
fn log_path() -> Option<PathBuf> {
    Some(state_dir()?.join("panics.log"))
}

/// The platform's state directory for sayso (its cache directory where there is none).
pub fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "sayso")?;
    Some(dirs.state_dir().unwrap_or(dirs.cache_dir()).to_owned())
}

/// Best effort: a log that cannot be written must not fail the job a second time.
fn append(path: &PathBuf, info: &PanicHookInfo<'_>) {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let thread = std::thread::current();
        let when = crate::annotate::Timestamp::now();
        let _ = writeln!(
            file,
            "{when} thread {}: {info}",
            thread.name().unwrap_or("unnamed")
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_panic_on_the_ui_thread_restores_the_terminal() {
        let ui = std::thread::current().id();
        assert_eq!(on_panic(ui, ui), OnPanic::RestoreAndReport);
        let worker = std::thread::spawn(|| std::thread::current().id())
            .join()
            .expect("joins");
        assert_eq!(on_panic(worker, ui), OnPanic::LogOnly);
    }

    #[test]
    fn a_payload_gives_its_message() {
        let caught = std::panic::catch_unwind(|| panic!("boom {}", 7)).expect_err("panics");
        assert_eq!(message(caught.as_ref()), "boom 7");
    }
}
