//! The terminal reader: a thin imperative shell (terminal set-up, event loop, background
//! extraction) around [`app::App`], which holds all state and draws it.

pub mod app;
pub mod component;
pub mod components;
pub mod doc;
pub mod keymap;
pub mod layout;
pub mod people;
pub mod store;
pub mod theme;
pub mod worker;

use std::io::{self, Stdout, stdout};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use self::app::{App, Settings};
use self::component::Message;
use self::worker::ExtractionPool;
use crate::article::Article;
use crate::config::Config;

/// What `sayso [--config FILE] [PATH…]` asks for.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Files and folders to open; empty: the config's library, else the samples.
    pub paths: Vec<PathBuf>,
    /// `--config FILE`; else `$SAYSO_CONFIG`, else the platform config file.
    pub config: Option<PathBuf>,
}

/// Runs the reader until the user quits. The terminal is restored on quit, on error and
/// on panic.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let config = Config::load(opts.config.as_deref())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (articles, problems) = load_library(&opts.paths, &config);
    let mut app = App::new(articles, Settings::from_config(&config, no_color));
    if let Some(first) = problems.first() {
        let more = if problems.len() > 1 {
            format!(" (+{} more)", problems.len() - 1)
        } else {
            String::new()
        };
        app.show_message(Message::error(format!("{first}{more}")));
    }
    let pool = ExtractionPool::start(
        app.store().shared_articles(),
        ExtractionPool::default_threads(),
    );
    let mut guard =
        TerminalGuard::enter(app.mouse_enabled()).context("cannot set up the terminal")?;
    event_loop(&mut guard.terminal, &mut app, &pool)
}

/// The articles to open: `paths`, else the config's library folders, else the samples;
/// with the problems met while loading them.
pub fn load_library(paths: &[PathBuf], config: &Config) -> (Vec<Article>, Vec<String>) {
    let paths = if paths.is_empty() {
        config.library_paths()
    } else {
        paths.to_vec()
    };
    if paths.is_empty() {
        return (crate::article::embedded_seeds(), Vec::new());
    }
    let library = crate::article::load_paths(paths.as_slice());
    let problems = library.problems.iter().map(ToString::to_string).collect();
    (library.articles, problems)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    pool: &ExtractionPool,
) -> anyhow::Result<()> {
    loop {
        for done in pool.finished() {
            app.extraction_done(done.index, done.result);
        }
        if let Some(article) = app.take_urgent() {
            pool.prioritize(article);
        }
        app.tick(Instant::now());
        terminal.draw(|frame| app.draw(frame))?;
        if app.should_quit() {
            return Ok(());
        }
        // Wake often while results are coming in, so progress shows; rarely when idle.
        let wait = if app.store().all_extracted() {
            Duration::from_millis(500)
        } else {
            Duration::from_millis(50)
        };
        if event::poll(wait)? {
            app.handle_event(&event::read()?);
            // Drain what is queued (fast typing, wheel bursts) before the next frame.
            while event::poll(Duration::ZERO)? && !app.should_quit() {
                app.handle_event(&event::read()?);
            }
        }
    }
}

/// Raw mode, alternate screen and (optionally) mouse capture, undone on drop and on panic.
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(mouse);
            previous(info);
        }));
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
