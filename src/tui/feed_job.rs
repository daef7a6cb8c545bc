//! `U` in the reader: the feeds are updated on a thread of their own (as `sayso feeds
//! update` does: [`crate::ingest::update`]), and each new article is read there and handed
//! to the reader as it lands, so it shows in the library, unread, while the others are
//! still being fetched. The reader never waits on the network.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};

use super::app::App;
use super::loader::{self, Loaded};
use super::worker::ExtractionPool;
use crate::ingest::update::{FeedReport, Progress, StateFiles, update};
use crate::ingest::{Http, HttpOptions};

/// What an update sends the reader.
#[derive(Debug)]
pub enum FeedEvent {
    Started {
        feeds: usize,
    },
    /// A new article, read from the file the update saved.
    Article(Box<Loaded>),
    FeedDone(FeedReport),
    /// A problem that is not one feed's (a new article that could not be read back).
    Problem(String),
    /// New articles went to this inbox, which the library opened does not include: they
    /// will not be in it at the next start.
    Outside(PathBuf),
    /// The update is over: the reports, or why it could not run.
    Finished(Result<Vec<FeedReport>, String>),
}

/// What the reader needs to update the feeds: the config's feeds, where new articles go,
/// and the state dir.
#[derive(Debug, Clone)]
pub struct FeedSetup {
    pub feeds: Vec<String>,
    pub inbox: Result<PathBuf, String>,
    pub state_dir: Option<PathBuf>,
    /// The files and folders the reader opened (none: the samples).
    pub library: Vec<PathBuf>,
}

/// Events in flight between the update and the reader (the update waits beyond this).
const IN_FLIGHT: usize = 64;

/// The feeds of this session: how to update them, and the update running.
pub struct Feeds {
    setup: FeedSetup,
    running: Option<Receiver<FeedEvent>>,
}

impl Feeds {
    pub fn new(setup: FeedSetup) -> Self {
        Feeds {
            setup,
            running: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// One turn of the event loop: starts an update the reader asked for, and hands over
    /// what the running one has sent.
    pub fn turn(&mut self, app: &mut App, pool: &ExtractionPool) {
        if app.take_feed_request() {
            match self.running {
                Some(_) => app.feeds_busy(),
                None => match self.start() {
                    Ok(rx) => self.running = Some(rx),
                    Err(e) => app.feed_event(FeedEvent::Finished(Err(e))),
                },
            }
        }
        let Some(rx) = &self.running else {
            return;
        };
        loop {
            match rx.try_recv() {
                Ok(FeedEvent::Article(loaded)) => {
                    let first = app.feed_article(*loaded);
                    pool.add(app.store().pending_from(first));
                }
                Ok(event @ FeedEvent::Finished(_)) => {
                    app.feed_event(event);
                    self.running = None;
                    return;
                }
                Ok(event) => app.feed_event(event),
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    app.feed_event(FeedEvent::Finished(Err("the update stopped".into())));
                    self.running = None;
                    return;
                }
            }
        }
    }

    fn start(&self) -> Result<Receiver<FeedEvent>, String> {
        let inbox = self.setup.inbox.clone()?;
        let state_dir = self
            .setup
            .state_dir
            .clone()
            .ok_or("no state directory to remember the feeds in")?;
        let feeds = self.setup.feeds.clone();
        let library: Vec<PathBuf> = self.setup.library.iter().map(|p| absolute(p)).collect();
        let (tx, rx) = sync_channel(IN_FLIGHT);
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run(&feeds, &inbox, &StateFiles::in_dir(&state_dir), &tx)
            }))
            .unwrap_or_else(|p| {
                Err(format!(
                    "the update failed: {}",
                    super::panics::message(p.as_ref())
                ))
            });
            let added = outcome.as_ref().is_ok_and(|r| r.iter().any(|r| r.new > 0));
            let inbox = absolute(&inbox);
            if added && !library.iter().any(|l| inbox.starts_with(l)) {
                let _ = tx.send(FeedEvent::Outside(inbox));
            }
            let _ = tx.send(FeedEvent::Finished(outcome));
        });
        Ok(rx)
    }
}

fn absolute(path: &std::path::Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

fn run(
    feeds: &[String],
    inbox: &std::path::Path,
    files: &StateFiles,
    tx: &SyncSender<FeedEvent>,
) -> Result<Vec<FeedReport>, String> {
    let http = Http::new(HttpOptions::default());
    // The reader gone, nothing is sent: the update still finishes and records its work.
    let send = |event: FeedEvent| {
        let _ = tx.send(event);
    };
    update(feeds, inbox, files, &http, &|progress| match progress {
        Progress::Started { feeds } => send(FeedEvent::Started { feeds }),
        Progress::FeedDone(report) => send(FeedEvent::FeedDone(report)),
        Progress::Added { path, .. } => match loader::load_one(&path) {
            Ok(loaded) => send(FeedEvent::Article(Box::new(loaded))),
            Err(e) => send(FeedEvent::Problem(e)),
        },
    })
    .map_err(|e| e.to_string())
}
