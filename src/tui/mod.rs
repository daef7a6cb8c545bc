//! The terminal reader: a thin imperative shell (terminal set-up, event loop, background
//! extraction) around [`app::App`], which holds all state and draws it.

pub mod annotations;
pub mod app;
pub mod classes;
pub mod component;
pub mod components;
pub mod digest_cache;
pub mod doc;
pub mod external;
pub mod feed_job;
pub mod input_wait;
pub mod keymap;
pub mod layout;
pub mod library_search;
pub mod loader;
pub mod panics;
pub mod read_marks;
pub mod selection;
pub mod session;
pub mod store;
pub mod theme;
pub mod worker;

use std::io::{self, Stdout, stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use self::annotations::Loaded;
use self::app::{App, Leftover, Settings};
use self::component::Message;
use self::feed_job::{FeedSetup, Feeds};
use self::loader::LoadEvent;
use self::read_marks::ReadMarks;
use self::store::Loading;
use self::worker::ExtractionPool;
use crate::annotate::Storage;
use crate::article::Article;
use crate::config::Config;

/// What `sayso [--config FILE] [PATH…]` asks for.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Files and folders to open; empty: the config's library, else the samples.
    pub paths: Vec<PathBuf>,
    /// `--config FILE`; else `$SAYSO_CONFIG`, else the platform config file.
    pub config: Option<PathBuf>,
    /// `--data-dir DIR`; else `$SAYSO_DATA_DIR`, else the config's, else the platform's.
    pub data_dir: Option<PathBuf>,
}

/// Runs the reader until the user quits. The terminal is restored on quit, on error and
/// on panic.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let config = Config::load(opts.config.as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let paths = library_paths(&opts.paths, &config);
    let library = library_key(&opts.paths, &config);
    let mut settings = Settings::from_config(&config, no_color);
    let state_dir = panics::state_dir();
    settings.state_dir = state_dir.clone();
    // The samples are in the binary; a library on disk is read on a thread while the
    // reader already runs, its rows coming in as they are read.
    let cache = match paths.is_empty() {
        true => None,
        false => digest_cache::spec(&library),
    };
    // The samples' search index is in memory; a library's is in the cache dir.
    let search_dir = match paths.is_empty() {
        true => None,
        false => library_search::index_dir(&library),
    };
    let opened = paths.clone();
    let (articles, reading) = match paths.is_empty() {
        true => (crate::article::embedded_seeds(), None),
        false => (Vec::new(), Some(loader::start(paths, cache.clone()))),
    };
    let mut app = App::new(articles, settings);
    let (marks, problem) = ReadMarks::load(
        state_dir
            .as_deref()
            .map(|d| d.join(crate::ingest::unread::FILE_NAME)),
    );
    app.store_mut().set_read_marks(marks);
    if let Some(problem) = problem {
        app.show_message(Message::error(problem));
    }
    let mut feeds = Feeds::new(FeedSetup {
        feeds: config.feeds.clone(),
        inbox: config
            .inbox_path(opts.data_dir.as_deref())
            .map_err(|e| format!("where should the articles go? (set `inbox` in the config): {e}")),
        state_dir: state_dir.clone(),
        library: opened,
    });
    if reading.is_some() {
        app.store_mut().set_loading(Some(Loading::default()));
    }
    let session_file = state_dir.as_deref().map(session::path_in);
    let last_session = match session_file.as_deref().map(session::load) {
        Some(Ok(last)) => last,
        Some(Err(e)) => {
            app.show_message(Message::error(format!("last session not restored: {e}")));
            None
        }
        None => None,
    };
    // Before any worker starts, so that every panic off the UI thread is logged, not
    // printed over the screen.
    let mouse = app.mouse_enabled();
    panics::install(move || restore(mouse));
    let pool = ExtractionPool::start(
        app.store().shared_from(0),
        ExtractionPool::default_threads(),
    );
    // Annotation files are matched to articles, so they are read once the library is.
    let storage = match config.annotation_storage(opts.data_dir.as_deref()) {
        Ok(storage) => Some(storage),
        Err(e) => {
            let reason = format!("annotations are off: {e}");
            app.store_mut().annotations_mut().off(reason.clone());
            app.show_message(Message::error(reason));
            None
        }
    };
    let mut start = Start {
        reading,
        problems: Vec::new(),
        storage,
        session: last_session,
        library: library.clone(),
        annotations: None,
        cache: digest_cache::CacheWriter::new(cache),
    };
    let engine = digest_cache::engine().unwrap_or_else(|| "unknown".into());
    app.start_search(search_dir, &engine);
    if start.reading.is_none() {
        start.library_read(&mut app);
    }
    // SIGTERM, SIGHUP (the terminal window closed) and SIGINT end the session the way `q`
    // does: the loop sees the flag, saves what it can and restores the terminal.
    let signalled = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&signalled))
            .context("cannot watch for signals")?;
    }
    let mut guard =
        TerminalGuard::enter(app.mouse_enabled()).context("cannot set up the terminal")?;
    let result = event_loop(
        &mut guard,
        &mut app,
        &pool,
        (&mut start, &mut feeds),
        &signalled,
    );
    drop(guard);
    if let Some(e) = start.cache.finish(app.store_mut()) {
        eprintln!("sayso: the digest cache is not kept (the next start extracts again): {e}");
    }
    if let Some(file) = &session_file
        && let Err(e) = session::save(file, &app.session(&library))
    {
        eprintln!(
            "sayso: the reading position is not kept: {e} ({})",
            file.display()
        );
    }
    match app.leftover() {
        Leftover::Discarded => return result,
        Leftover::SavedElsewhere { dir, copies } => {
            if !copies.is_empty() {
                eprintln!(
                    "sayso: the changes that could not be saved are in {}; `sayso --data-dir {}` \
                     opens them",
                    dir.join("annotations").display(),
                    dir.display()
                );
            }
            return result;
        }
        Leftover::ToJournal => {}
    }
    // Every change was saved when made; this retries any save that failed.
    let unsaved = app.store_mut().annotations_mut().save_all_before_quitting();
    if let Some(first) = unsaved.first() {
        // Never lost: a copy goes to the recovery journal, offered back at the next start.
        let dir = panics::state_dir().map(|d| crate::annotate::journal::new_entry(&d));
        let saved = dir
            .as_deref()
            .map(|d| app.store().annotations().write_recovery(d));
        match (saved, &dir) {
            (Some(Ok(copies)), Some(dir)) if !copies.is_empty() => {
                let list: Vec<String> = copies.iter().map(|p| p.display().to_string()).collect();
                anyhow::bail!(
                    "annotations not saved: {first}\nyour changes are kept in {}; the next \
                     start offers them back (`sayso --data-dir {}` opens them as they are)",
                    list.join(", "),
                    dir.display()
                );
            }
            (Some(Err(e)), _) => {
                anyhow::bail!("annotations not saved: {first}; no recovery copy either: {e}")
            }
            _ => anyhow::bail!("annotations not saved: {first}"),
        }
    }
    result
}

/// Loads the annotation files on a thread of its own, so the first frame does not wait.
/// A panic there costs the annotations only, with its message.
fn load_annotations(storage: Storage, app: &App) -> Receiver<Result<Loaded, String>> {
    let (tx, rx) = channel();
    let articles = app.store().shared_from(0);
    std::thread::spawn(move || {
        let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            annotations::load(storage, &articles)
        }))
        .map_err(|p| panics::message(p.as_ref()));
        let _ = tx.send(loaded);
    });
    rx
}

/// What is opened: `paths`, else the config's library folders; empty: the samples.
fn library_paths(paths: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if paths.is_empty() {
        config.library_paths()
    } else {
        paths.to_vec()
    }
}

/// Names the library opened, for the session: its paths made absolute, or `(samples)`.
fn library_key(paths: &[PathBuf], config: &Config) -> String {
    let paths = library_paths(paths, config);
    if paths.is_empty() {
        return "(samples)".to_string();
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.join("\n")
}

/// The articles to open: `paths`, else the config's library folders, else the samples;
/// with the problems met while loading them.
pub fn load_library(paths: &[PathBuf], config: &Config) -> (Vec<Article>, Vec<String>) {
    let paths = library_paths(paths, config);
    if paths.is_empty() {
        return (crate::article::embedded_seeds(), Vec::new());
    }
    let library = crate::article::load_paths(paths.as_slice());
    let problems = library.problems.iter().map(ToString::to_string).collect();
    (library.articles, problems)
}

/// What start-up still has to do once the library is read: report the files that could
/// not be read, read the annotations, restore the last session.
struct Start {
    reading: Option<Receiver<LoadEvent>>,
    problems: Vec<String>,
    storage: Option<Storage>,
    session: Option<session::Session>,
    library: String,
    annotations: Option<Receiver<Result<Loaded, String>>>,
    cache: digest_cache::CacheWriter,
}

impl Start {
    /// Takes in what the library loader has read since the last turn (a bounded amount, so
    /// that keys are answered while a large library streams in). Returns whether more is
    /// waiting already.
    fn take_articles(&mut self, app: &mut App, pool: &ExtractionPool) -> bool {
        let Some(rx) = &self.reading else {
            return false;
        };
        let deadline = Instant::now() + Duration::from_millis(15);
        loop {
            match rx.try_recv() {
                Ok(LoadEvent::Planned(n)) => app
                    .store_mut()
                    .set_loading(Some(Loading { planned: Some(n) })),
                Ok(LoadEvent::Batch { articles, problems }) => {
                    self.problems.extend(problems);
                    let first = app.add_articles(articles);
                    pool.add(app.store().pending_from(first));
                }
                Ok(LoadEvent::Done) | Err(TryRecvError::Disconnected) => {
                    self.reading = None;
                    app.store_mut().set_loading(None);
                    self.library_read(app);
                    return false;
                }
                Err(TryRecvError::Empty) => return false,
            }
            if Instant::now() >= deadline {
                return true;
            }
        }
    }

    fn library_read(&mut self, app: &mut App) {
        app.report_problems(&std::mem::take(&mut self.problems));
        app.library_complete();
        if let Some(storage) = self.storage.take() {
            self.annotations = Some(load_annotations(storage, app));
        }
        // Unless the reader has moved on already while a large library was read.
        if let Some(last) = self.session.take()
            && !app.has_moved()
        {
            app.restore_session(&last, &self.library);
        }
    }
}

fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    pool: &ExtractionPool,
    (start, feeds): (&mut Start, &mut Feeds),
    signalled: &AtomicBool,
) -> anyhow::Result<()> {
    loop {
        if signalled.load(Ordering::Relaxed) {
            app.shut_down();
            return Ok(());
        }
        let more_to_take = start.take_articles(app, pool);
        feeds.turn(app, pool);
        let loader = &mut start.annotations;
        for done in pool.finished() {
            app.extraction_done(done.index, done.result);
        }
        if let Some(rx) = &loader {
            match rx.try_recv() {
                Ok(Ok(loaded)) => {
                    app.annotations_loaded(loaded);
                    *loader = None;
                }
                Ok(Err(panic)) => {
                    let reason = format!("annotations are off: loading them failed ({panic})");
                    app.store_mut().annotations_mut().off(reason.clone());
                    app.show_message(Message::error(reason));
                    *loader = None;
                }
                Err(TryRecvError::Disconnected) => {
                    let reason = "annotations are off: loading them failed";
                    app.store_mut().annotations_mut().off(reason);
                    app.show_message(Message::error(reason));
                    *loader = None;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        if let Some(e) = start.cache.tick(app.store_mut()) {
            app.show_message(Message::error(format!("digest cache not written: {e}")));
        }
        if let Some(note) = app.take_external_edit() {
            let result = guard.edit_externally(&note);
            app.external_edit_done(result);
        }
        let terminal = &mut guard.terminal;
        if let Some(article) = app.take_urgent() {
            pool.prioritize(article);
        }
        app.tick(Instant::now());
        terminal.draw(|frame| app.draw(frame))?;
        if app.should_quit() {
            return Ok(());
        }
        // Wake often while results are coming in, so progress shows; rarely when idle.
        let wait = if more_to_take {
            Duration::ZERO
        } else if app.store().all_extracted() && start.annotations.is_none() && !feeds.is_running()
        {
            Duration::from_millis(500)
        } else {
            Duration::from_millis(50)
        };
        // A closed terminal ends the session as SIGHUP does (crossterm would spin on it).
        let wait = match input_wait::wait(wait) {
            input_wait::Wait::HungUp => {
                app.shut_down();
                return Ok(());
            }
            input_wait::Wait::Idle => Duration::ZERO,
            input_wait::Wait::Ready => wait,
        };
        // A signal may interrupt the wait: the flag is looked at on the next turn.
        let ready = match event::poll(wait) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => false,
            other => other?,
        };
        if ready {
            app.handle_event(&event::read()?);
            // Drain what is queued (fast typing, wheel bursts) before the next frame.
            while event::poll(Duration::ZERO)? && !app.should_quit() && !app.wants_editor() {
                app.handle_event(&event::read()?);
            }
        }
    }
}

/// Raw mode, alternate screen and (optionally) mouse capture, undone on drop (and on a
/// panic of the UI thread: see `panics::install` in `run`).
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        enable_raw_mode()?;
        let setup = || -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
            execute!(stdout(), EnterAlternateScreen)?;
            if mouse {
                execute!(stdout(), EnableMouseCapture)?;
            }
            Terminal::new(CrosstermBackend::new(stdout()))
        };
        match setup() {
            Ok(terminal) => Ok(TerminalGuard { terminal, mouse }),
            Err(e) => {
                restore(mouse);
                Err(e)
            }
        }
    }
}

impl TerminalGuard {
    /// Hands the terminal to `$EDITOR` for `note`, then takes it back.
    fn edit_externally(&mut self, note: &str) -> Result<String, String> {
        let mouse = self.mouse;
        let result = external::edit(
            external::editor_command(),
            note,
            || {
                disable_raw_mode()?;
                if mouse {
                    execute!(stdout(), DisableMouseCapture)?;
                }
                execute!(stdout(), LeaveAlternateScreen, crossterm::cursor::Show)
            },
            || {
                enable_raw_mode()?;
                execute!(stdout(), EnterAlternateScreen)?;
                if mouse {
                    execute!(stdout(), EnableMouseCapture)?;
                }
                Ok(())
            },
        );
        // The editor drew over the screen: redraw all of it.
        let _ = self.terminal.clear();
        result
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.mouse);
    }
}

/// Best effort: each step runs even if an earlier one failed.
fn restore(mouse: bool) {
    let _ = disable_raw_mode();
    let mut out = stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, crossterm::cursor::Show);
}
