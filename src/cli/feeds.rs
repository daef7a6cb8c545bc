//! `sayso feeds update`: reads every feed of the config (`feeds`: addresses or files),
//! adds each item not seen before through `add` (its page; the feed's own text when the
//! page cannot be had), and remembers what it added in the state dir. Feeds of different
//! hosts are read in parallel, one host's one at a time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use super::add::add_one;
use crate::annotate::Timestamp;
use crate::annotate::atomic::{FileLock, write_atomic};
use crate::article::html;
use crate::config::Config;
use crate::ingest::feeds::{FeedItem, Seen, opml_feeds, read_feed};
use crate::ingest::fetch::Url;
use crate::ingest::fetch::{Fetched, Validators};
use crate::ingest::save::{self, Saved};
use crate::ingest::{Fetch, Http, HttpOptions};

/// Hosts read at once.
const PARALLEL_HOSTS: usize = 4;

/// What one feed gave.
struct FeedRun {
    feed: String,
    /// Item ids now in the library, with the file of each new one.
    added: Vec<(String, Option<PathBuf>)>,
    problems: Vec<String>,
    /// The feed's validators now (`None`: not read, keep the old ones).
    validators: Option<Validators>,
    /// The server said the feed has not changed.
    unchanged: bool,
}

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
    let (state, lock) = state_file()?;
    let mut seen = Seen::load(&state).map_err(anyhow::Error::msg)?;
    let mut feeds = config.feeds.clone();
    feeds.extend(
        seen.subscribed
            .iter()
            .filter(|f| !config.feeds.contains(f))
            .cloned(),
    );
    if feeds.is_empty() {
        anyhow::bail!(
            "no feeds: list them in the config (`feeds = [\"https://…/rss.xml\"]`) or import \
             an OPML file (`sayso feeds import FILE.opml`)"
        );
    }
    let http = Http::new(HttpOptions {
        offline,
        ..HttpOptions::default()
    });
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for feed in &feeds {
        let host = Url::parse(feed).map_or_else(String::new, |u| u.authority);
        by_host.entry(host).or_default().push(feed.clone());
    }
    let groups: Vec<Vec<String>> = by_host.into_values().collect();
    let mut runs = Vec::new();
    let snapshot = seen.clone();
    crate::parallel::ordered_map(
        &groups,
        PARALLEL_HOSTS,
        |feeds| {
            feeds
                .iter()
                .map(|f| update_feed(&http, &inbox, &snapshot, f))
                .collect::<Vec<_>>()
        },
        |done| {
            runs.extend(done);
            Ok::<(), std::io::Error>(())
        },
    )?;
    let mut ok = true;
    let now = Timestamp::now().to_string();
    for run in runs {
        let new = run.added.iter().filter(|(_, p)| p.is_some()).count();
        for (id, path) in &run.added {
            seen.add(&run.feed, id);
            if let Some(path) = path {
                println!("added {}", path.display());
            }
        }
        let state = seen.feed.entry(run.feed.clone()).or_default();
        state.checked = now.clone();
        if let Some(v) = run.validators {
            (state.etag, state.last_modified) = (v.etag, v.last_modified);
        }
        for p in &run.problems {
            eprintln!("sayso: {p}");
        }
        ok &= run.problems.is_empty();
        match run.unchanged {
            true => println!("{}: not changed", run.feed),
            false => println!("{}: {new} new", run.feed),
        }
    }
    let text = seen.render().context("cannot write the feeds' state")?;
    write_atomic(&state, text.as_bytes(), &lock)
        .with_context(|| format!("cannot write {}", state.display()))?;
    Ok(ok)
}

/// The feeds' state file, locked: two updates (or imports) at once would add the same
/// items twice.
fn state_file() -> Result<(PathBuf, FileLock)> {
    let state = crate::tui::panics::state_dir()
        .context("no state directory to remember the feeds in")?
        .join("feeds.toml");
    if let Some(dir) = state.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot make {}", dir.display()))?;
    }
    let lock =
        FileLock::acquire(&state, Duration::from_secs(30)).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((state, lock))
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
    let (state, lock) = state_file()?;
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

fn update_feed(fetcher: &dyn Fetch, inbox: &Path, seen: &Seen, feed: &str) -> FeedRun {
    let mut run = FeedRun {
        feed: feed.to_owned(),
        added: Vec::new(),
        problems: Vec::new(),
        validators: None,
        unchanged: false,
    };
    let known = seen
        .feed
        .get(feed)
        .map_or_else(Validators::default, |f| Validators {
            etag: f.etag.clone(),
            last_modified: f.last_modified.clone(),
        });
    let (bytes, base) = match Url::parse(feed) {
        Some(_) => match fetcher.get_if_changed(feed, &known) {
            Ok(Fetched::NotModified) => {
                run.unchanged = true;
                return run;
            }
            Ok(Fetched::Page(page)) => {
                run.validators = Some(page.validators);
                (page.bytes, Some(page.url))
            }
            Err(e) => {
                run.problems.push(e.to_string());
                return run;
            }
        },
        None => match std::fs::read(feed) {
            Ok(bytes) => (bytes, None),
            Err(e) => {
                run.problems.push(format!("{feed}: cannot read: {e}"));
                return run;
            }
        },
    };
    let items = match read_feed(&bytes, base.as_deref()) {
        Ok(items) => items,
        Err(e) => {
            run.problems.push(format!("{feed}: {e}"));
            return run;
        }
    };
    for item in items.iter().filter(|i| !seen.has(feed, &i.id)) {
        match add_item(fetcher, inbox, item) {
            Ok(saved) => run.added.push((
                item.id.clone(),
                matches!(saved, Saved::New(_)).then(|| saved.path().to_owned()),
            )),
            Err(e) => run.problems.push(format!("{feed}: {e:#}")),
        }
    }
    run
}

/// An item's page through `add`; when there is no page, or it cannot be fetched, the
/// text the feed itself carries.
fn add_item(fetcher: &dyn Fetch, inbox: &Path, item: &FeedItem) -> Result<Saved> {
    let fetched = match &item.link {
        Some(link) => match add_one(fetcher, inbox, link) {
            Ok(saved) => return Ok(saved),
            Err(e) => Some(e),
        },
        None => None,
    };
    let Some(content) = &item.content else {
        return Err(
            fetched.unwrap_or_else(|| anyhow::anyhow!("an item with neither a link nor text"))
        );
    };
    let mut page = html::parse(content.as_bytes(), Some("text/html; charset=utf-8"), None);
    if page.is_empty() {
        return Err(fetched.unwrap_or_else(|| anyhow::anyhow!("an item without text")));
    }
    page.title = item.title.clone().or(page.title);
    page.url = item.link.clone();
    let text = save::markdown(&page, item.link.as_deref(), &Timestamp::now().to_string());
    Ok(save::save(
        inbox,
        &save::file_name(&page),
        &text,
        item.link.as_deref(),
    )?)
}
