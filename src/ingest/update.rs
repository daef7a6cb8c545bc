//! Updating the feeds: every feed (the config's and those subscribed to) is read, each
//! item not seen before is added through [`add_one`] (its page; the feed's own text when
//! the page cannot be had) and marked unread, and what was added is remembered in the
//! state dir. Feeds of different hosts are read in parallel, one host's one at a time.
//! Progress is reported as it happens, so the reader shows new articles as they land.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::add::{AddError, add_one};
use super::feeds::{FeedItem, Seen, read_feed};
use super::fetch::{Fetched, Url, Validators};
use super::save::{self, Saved};
use super::{Fetch, unread};
use crate::annotate::Timestamp;
use crate::annotate::atomic::{FileLock, LockError, write_atomic};
use crate::article::html;

/// The feeds' state file's name in the state dir.
pub const STATE_FILE: &str = "feeds.toml";
/// Hosts read at once.
const PARALLEL_HOSTS: usize = 4;
/// How long an update waits for another one (or an import) to finish with the state.
const LOCK_WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error(
        "no feeds: list them in the config (`feeds = [\"https://…/rss.xml\"]`) or import an \
         OPML file (`sayso feeds import FILE.opml`)"
    )]
    NoFeeds,
    #[error("cannot make {}: {source}", dir.display())]
    StateDir {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source} (another update is running?)", path.display())]
    Lock { path: PathBuf, source: LockError },
    #[error("{0}")]
    State(String),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What an update reports as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// This many feeds are to be read.
    Started { feeds: usize },
    /// A new article was saved (and marked unread).
    Added { feed: String, path: PathBuf },
    /// A feed is done.
    FeedDone(FeedReport),
}

/// What one feed gave.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedReport {
    pub feed: String,
    /// New articles saved.
    pub new: usize,
    /// The server said the feed has not changed since the last update.
    pub unchanged: bool,
    /// What went wrong (the feed, or some of its items).
    pub problems: Vec<String>,
}

/// Where an update keeps what it knows: the feeds' state, and the unread articles.
#[derive(Debug, Clone)]
pub struct StateFiles {
    pub feeds: PathBuf,
    pub unread: PathBuf,
}

impl StateFiles {
    pub fn in_dir(state_dir: &Path) -> Self {
        StateFiles {
            feeds: state_dir.join(STATE_FILE),
            unread: state_dir.join(unread::FILE_NAME),
        }
    }
}

/// The feeds' state file, locked: two updates (or imports) at once would add the same
/// items twice.
pub fn lock_state(file: &Path) -> Result<FileLock, UpdateError> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|source| UpdateError::StateDir {
            dir: dir.to_owned(),
            source,
        })?;
    }
    FileLock::acquire(file, LOCK_WAIT).map_err(|source| UpdateError::Lock {
        path: file.to_owned(),
        source,
    })
}

/// Reads every feed of `config_feeds` and of the subscriptions, adds what is new to
/// `inbox`, and remembers it. Returns a report per feed, in a stable order.
pub fn update(
    config_feeds: &[String],
    inbox: &Path,
    files: &StateFiles,
    fetcher: &dyn Fetch,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Vec<FeedReport>, UpdateError> {
    let lock = lock_state(&files.feeds)?;
    let mut seen = Seen::load(&files.feeds).map_err(UpdateError::State)?;
    let mut feeds = config_feeds.to_vec();
    feeds.extend(
        seen.subscribed
            .iter()
            .filter(|f| !config_feeds.contains(f))
            .cloned(),
    );
    if feeds.is_empty() {
        return Err(UpdateError::NoFeeds);
    }
    progress(Progress::Started { feeds: feeds.len() });
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for feed in &feeds {
        let host = Url::parse(feed).map_or_else(String::new, |u| u.authority);
        by_host.entry(host).or_default().push(feed.clone());
    }
    let groups: Vec<Vec<String>> = by_host.into_values().collect();
    let mut runs = Vec::new();
    let snapshot = seen.clone();
    let _ = crate::parallel::ordered_map(
        &groups,
        PARALLEL_HOSTS,
        |feeds| {
            feeds
                .iter()
                .map(|f| {
                    let run = update_feed(fetcher, inbox, files, &snapshot, f, progress);
                    progress(Progress::FeedDone(run.report.clone()));
                    run
                })
                .collect::<Vec<_>>()
        },
        |done| {
            runs.extend(done);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let now = Timestamp::now().to_string();
    let mut reports = Vec::new();
    for run in runs {
        for id in &run.items {
            seen.add(&run.report.feed, id);
        }
        let state = seen.feed.entry(run.report.feed.clone()).or_default();
        state.checked = now.clone();
        if let Some(v) = run.validators {
            (state.etag, state.last_modified) = (v.etag, v.last_modified);
        }
        reports.push(run.report);
    }
    let write_error = |source| UpdateError::Write {
        path: files.feeds.clone(),
        source,
    };
    let text = seen
        .render()
        .map_err(|e| write_error(std::io::Error::other(e)))?;
    write_atomic(&files.feeds, text.as_bytes(), &lock).map_err(write_error)?;
    Ok(reports)
}

/// One feed's run: its report, the item ids now in the library, the feed's validators
/// (`None`: not read, keep the old ones).
struct FeedRun {
    report: FeedReport,
    items: Vec<String>,
    validators: Option<Validators>,
}

fn update_feed(
    fetcher: &dyn Fetch,
    inbox: &Path,
    files: &StateFiles,
    seen: &Seen,
    feed: &str,
    progress: &(dyn Fn(Progress) + Sync),
) -> FeedRun {
    let mut run = FeedRun {
        report: FeedReport {
            feed: feed.to_owned(),
            ..FeedReport::default()
        },
        items: Vec::new(),
        validators: None,
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
                run.report.unchanged = true;
                return run;
            }
            Ok(Fetched::Page(page)) => {
                run.validators = Some(page.validators);
                (page.bytes, Some(page.url))
            }
            Err(e) => {
                run.report.problems.push(e.to_string());
                return run;
            }
        },
        None => match std::fs::read(feed) {
            Ok(bytes) => (bytes, None),
            Err(e) => {
                run.report
                    .problems
                    .push(format!("{feed}: cannot read: {e}"));
                return run;
            }
        },
    };
    let items = match read_feed(&bytes, base.as_deref()) {
        Ok(items) => items,
        Err(e) => {
            run.report.problems.push(format!("{feed}: {e}"));
            return run;
        }
    };
    for item in items.iter().filter(|i| !seen.has(feed, &i.id)) {
        match add_item(fetcher, inbox, item) {
            Ok(Saved::New(path)) => {
                // Marked unread before it is announced: a reader that opens it at once
                // marks it read after this, never before.
                if let Err(e) = unread::change(&files.unread, &[unread::key(&path)], &[]) {
                    run.report.problems.push(e.to_string());
                }
                run.items.push(item.id.clone());
                run.report.new += 1;
                progress(Progress::Added {
                    feed: feed.to_owned(),
                    path,
                });
            }
            Ok(Saved::Already(_)) => run.items.push(item.id.clone()),
            Err(e) => run.report.problems.push(format!("{feed}: {e}")),
        }
    }
    run
}

/// An item's page through `add`; when there is no page, or it cannot be fetched, the
/// text the feed itself carries.
fn add_item(fetcher: &dyn Fetch, inbox: &Path, item: &FeedItem) -> Result<Saved, AddError> {
    let fetched = match &item.link {
        Some(link) => match add_one(fetcher, inbox, link) {
            Ok(saved) => return Ok(saved),
            Err(e) => Some(e),
        },
        None => None,
    };
    let no_text = || AddError::NoText {
        input: item.link.clone().unwrap_or_else(|| item.id.clone()),
    };
    let Some(content) = &item.content else {
        return Err(fetched.unwrap_or_else(no_text));
    };
    let mut page = html::parse(content.as_bytes(), Some("text/html; charset=utf-8"), None);
    if page.is_empty() {
        return Err(fetched.unwrap_or_else(no_text));
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
