//! `sayso add URL|FILE…`: fetches each web page (or reads each saved one), finds its
//! article text and metadata, and saves it into the library's inbox folder as
//! `<outlet>_<date>_<slug>.md` with front matter; the same URL again is the article
//! already saved, and no other file is ever replaced.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::config::Config;
use crate::ingest::add::add_one;
use crate::ingest::save::Saved;
use crate::ingest::{Http, HttpOptions, unread};

/// What `sayso add` was asked for.
#[derive(Debug, Clone)]
pub struct AddArgs {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// Web addresses or HTML files.
    pub inputs: Vec<String>,
    /// Fetch nothing (files are still read).
    pub offline: bool,
}

/// Runs `sayso add`; returns false when some input could not be added (each named on
/// standard error; the others are saved).
pub fn run_add(args: &AddArgs) -> Result<bool> {
    let config = Config::load(args.config.as_deref())?;
    let inbox = config
        .inbox_path(args.data_dir.as_deref())
        .context("where should the articles go? (set `inbox` in the config)")?;
    let http = Http::new(HttpOptions {
        offline: args.offline,
        ..HttpOptions::default()
    });
    let mut ok = true;
    for input in &args.inputs {
        match add_one(&http, &inbox, input) {
            Ok(Saved::New(path)) => {
                println!("added {}", path.display());
                // Not read yet: the reader marks it until it is opened.
                if let Some(dir) = crate::tui::panics::state_dir()
                    && let Err(e) =
                        unread::change(&dir.join(unread::FILE_NAME), &[unread::key(&path)], &[])
                {
                    eprintln!("sayso: {e} (the article is added, but not marked unread)");
                }
            }
            Ok(Saved::Already(path)) => println!("already in the library: {}", path.display()),
            Err(e) => {
                eprintln!("sayso: {e:#}");
                ok = false;
            }
        }
    }
    Ok(ok)
}
