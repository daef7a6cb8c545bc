//! `sayso feeds update`: reads every feed of the config (`feeds`: addresses or files) and
//! of the subscriptions, adds each item not seen before (see [`crate::ingest::update`]),
//! and says what each feed gave. `sayso feeds import FILE.opml` subscribes to an OPML
//! file's feeds.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::annotate::atomic::write_atomic;
use crate::config::Config;
use crate::ingest::feeds::{Seen, opml_feeds};
use crate::ingest::update::{Progress, STATE_FILE, StateFiles, lock_state, update};
use crate::ingest::{Http, HttpOptions};

/// Runs `sayso feeds update`; false when some feed or item failed (named on standard
/// error; everything else is added and remembered).
pub fn run_feeds_update(
    config: Option<&Path>,
    data_dir: Option<&Path>,
    offline: bool,
) -> Result<bool> {
    let config = Config::load(config)?;
    let inbox = config
        .inbox_path(data_dir)
        .context("where should the articles go? (set `inbox` in the config)")?;
    let files = StateFiles::in_dir(&state_dir()?);
    let http = Http::new(HttpOptions {
        offline,
        ..HttpOptions::default()
    });
    let reports = update(&config.feeds, &inbox, &files, &http, &|event| {
        if let Progress::Added { path, .. } = event {
            println!("added {}", path.display());
        }
    })?;
    let mut ok = true;
    for report in reports {
        for p in &report.problems {
            eprintln!("sayso: {p}");
        }
        ok &= report.problems.is_empty();
        match report.unchanged {
            true => println!("{}: not changed", report.feed),
            false => println!("{}: {} new", report.feed, report.new),
        }
    }
    Ok(ok)
}

fn state_dir() -> Result<PathBuf> {
    crate::tui::panics::state_dir().context("no state directory to remember the feeds in")
}

/// Runs `sayso feeds import FILE.opml`: subscribes to every feed the file lists (kept in
/// the state dir with what was seen; the config is not touched).
pub fn run_feeds_import(file: &Path) -> Result<bool> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let listed = opml_feeds(&text);
    if listed.is_empty() {
        anyhow::bail!("{}: no feeds in it (no <outline xmlUrl=…>)", file.display());
    }
    let state = state_dir()?.join(STATE_FILE);
    let lock = lock_state(&state)?;
    let mut seen = Seen::load(&state).map_err(anyhow::Error::msg)?;
    let mut added = 0;
    for url in &listed {
        if !seen.subscribed.contains(url) {
            seen.subscribed.push(url.clone());
            added += 1;
        }
    }
    let text = seen.render().context("cannot write the feeds' state")?;
    write_atomic(&state, text.as_bytes(), &lock)
        .with_context(|| format!("cannot write {}", state.display()))?;
    println!(
        "{added} feeds added ({} listed, {} there already); `sayso feeds update` reads them",
        listed.len(),
        listed.len() - added
    );
    Ok(true)
}
