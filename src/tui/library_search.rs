//! The reader's side of the library-wide search ([`crate::corpus::search`]): the index in
//! the cache dir (in memory for the samples or with the cache off), kept up to date by a
//! thread of its own at low priority, and the map from content ids back to articles.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::annotations::recorded_path;
use super::store::Store;
use crate::annotate::Anchorer;
use crate::article::{Article, content_id, read_file};
use crate::corpus::search::{self, Copy, IndexUpdater, Query, Results, SearchIndex, Tagged};
use crate::extract::{Extraction, extract_article};

/// How often the indexer makes what it added searchable while it works.
const COMMIT_EVERY: Duration = Duration::from_secs(2);

/// How often a held indexer looks whether it may go on.
const HOLD_POLL: Duration = Duration::from_millis(50);

/// Nice value of the indexer: below the extraction threads, which the counts wait for.
#[cfg(target_os = "linux")]
const INDEXER_NICENESS: libc::c_int = 15;

enum Feed {
    Articles(Vec<IndexJob>),
    /// Every article of the library has been sent: the rest can go from the index.
    Complete,
}

#[derive(Default)]
struct Progress {
    sent: AtomicUsize,
    /// Articles seen to by the indexer and committed, so searchable.
    done: AtomicUsize,
    /// The indexer waits while this is set (the library's counts are being extracted).
    held: AtomicBool,
    problem: Mutex<Option<String>>,
}

/// The index as opened on the indexer's thread, and whether another instance keeps it
/// (this one then searches it as it is).
type Opened = Result<(SearchIndex, bool), String>;

/// The search of one library.
pub struct LibrarySearch {
    /// Opened on the indexer's thread while the reader starts (a large index takes a
    /// fifth of a second): the first search waits for it if it must.
    index: std::cell::OnceCell<Opened>,
    opening: Mutex<Option<Receiver<Opened>>>,
    feed: Option<Sender<Feed>>,
    progress: Arc<Progress>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Content id → the first article with that text.
    articles: rustc_hash::FxHashMap<String, usize>,
}

/// Where the index of `library` goes: `None` for one in memory.
pub fn index_dir(library: &str) -> Option<PathBuf> {
    let dir = super::digest_cache::cache_dir()?;
    Some(search::index_dir(&dir, &content_id(library)))
}

impl LibrarySearch {
    /// Opens the index (`dir`, or in memory) and starts its updater.
    pub fn start(dir: Option<PathBuf>, engine: &str) -> Self {
        let progress = Arc::new(Progress::default());
        let stop = Arc::new(AtomicBool::new(false));
        let (opened_tx, opened) = channel();
        let (feed, rx) = channel();
        let engine = engine.to_string();
        let thread = {
            let (progress, stop) = (Arc::clone(&progress), Arc::clone(&stop));
            // The index is opened on the indexer's thread, once its priority is lowered:
            // the threads tantivy's writer starts (indexing, merging) inherit it.
            std::thread::spawn(move || {
                lower_priority();
                let (index, updater) = match open(dir, &engine) {
                    Ok(opened) => opened,
                    Err(e) => {
                        let _ = opened_tx.send(Err(e));
                        return;
                    }
                };
                if opened_tx.send(Ok((index, updater.is_none()))).is_ok()
                    && let Some(updater) = updater
                {
                    update(updater, &rx, &progress, &stop);
                }
            })
        };
        // Articles are sent while it opens; a read-only index drops them (and the sender
        // with them) unread.
        LibrarySearch {
            index: std::cell::OnceCell::new(),
            opening: Mutex::new(Some(opened)),
            feed: Some(feed),
            progress,
            stop,
            thread: Some(thread),
            articles: rustc_hash::FxHashMap::default(),
        }
    }

    /// The index, once opened; `wait`: waits for it.
    fn opened(&self, wait: bool) -> Option<&Opened> {
        if let Some(opened) = self.index.get() {
            return Some(opened);
        }
        let mut opening = self.opening.lock().unwrap_or_else(PoisonError::into_inner);
        let rx = opening.as_ref()?;
        let got = match wait {
            true => rx.recv().ok(),
            false => match rx.try_recv() {
                Ok(opened) => Some(opened),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => None,
            },
        };
        *opening = None;
        drop(opening);
        Some(self.index.get_or_init(|| {
            got.unwrap_or_else(|| Err("the search index could not be opened".to_string()))
        }))
    }

    fn index(&self) -> Result<&SearchIndex, String> {
        match self.opened(true) {
            Some(Ok((index, _))) => Ok(index),
            Some(Err(e)) => Err(format!("search is off: {e}")),
            None => Err("search is off: the search index could not be opened".into()),
        }
    }

    /// Queues the store's articles from `first` on for indexing.
    pub fn add(&mut self, store: &Store, first: usize) {
        for (i, a) in store.articles().iter().enumerate().skip(first) {
            self.articles.entry(a.id.clone()).or_insert(i);
        }
        let batch = store.for_indexing(first);
        if batch.is_empty() {
            return;
        }
        if let Some(feed) = &self.feed {
            self.progress.sent.fetch_add(batch.len(), Ordering::Relaxed);
            if feed.send(Feed::Articles(batch)).is_err() {
                self.feed = None;
            }
        }
    }

    /// Indexes these articles again as given (their speaker corrections changed).
    pub fn reindex(&mut self, jobs: Vec<IndexJob>) {
        if jobs.is_empty() {
            return;
        }
        if let Some(feed) = &self.feed {
            self.progress.sent.fetch_add(jobs.len(), Ordering::Relaxed);
            if feed.send(Feed::Articles(jobs)).is_err() {
                self.feed = None;
            }
        }
    }

    /// Holds the indexer back while `hold` (extraction for the counts is under way: on two
    /// cores, indexing beside it would slow the counts and the keys), lets it go after.
    pub fn hold(&self, hold: bool) {
        self.progress.held.store(hold, Ordering::Relaxed);
    }

    /// The library is read in full.
    pub fn complete(&mut self) {
        if let Some(feed) = &self.feed {
            let _ = feed.send(Feed::Complete);
        }
    }

    /// Articles indexed (or found indexed already) and articles sent, while it is behind.
    pub fn indexing(&self) -> Option<(usize, usize)> {
        let done = self.progress.done.load(Ordering::Relaxed);
        let sent = self.progress.sent.load(Ordering::Relaxed);
        (done < sent).then_some((done, sent))
    }

    /// What went wrong in the indexer, if anything did.
    pub fn problem(&self) -> Option<String> {
        match self.opened(false) {
            Some(Err(e)) => return Some(format!("search is off: {e}")),
            Some(Ok((_, true))) => {
                return Some(
                    "another sayso keeps this library's index: searching it as it is".into(),
                );
            }
            _ => {}
        }
        self.progress
            .problem
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The article (index in the store) whose text has content id `id`.
    pub fn article(&self, id: &str) -> Option<usize> {
        self.articles.get(id).copied()
    }

    /// Other articles' sentences that carry `claim` (see [`SearchIndex::copies`]).
    pub fn copies(
        &self,
        claim: &str,
        article: &str,
        speaker: Option<&str>,
    ) -> Result<Vec<Copy>, String> {
        self.index()?
            .copies(claim, article, speaker)
            .map_err(|e| e.to_string())
    }

    /// Runs `query`; the articles with its tags come from the annotations in `store`.
    pub fn search(&self, query: &Query, store: &Store, limit: usize) -> Result<Results, String> {
        let tagged = (!query.tags.is_empty()).then(|| tagged_passages(store, &query.tags));
        self.index()?
            .search(query, tagged.as_deref(), limit)
            .map_err(|e| e.to_string())
    }
}

impl Drop for LibrarySearch {
    /// Stops the indexer after its current article; what it added is committed, so the
    /// next start goes on from there.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.feed = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The index in `dir`; a cache dir's that cannot be opened is replaced by one in memory
/// for this session.
fn open(dir: Option<PathBuf>, engine: &str) -> Result<(SearchIndex, Option<IndexUpdater>), String> {
    match search::open(dir.as_deref(), engine) {
        Ok(opened) => Ok(opened),
        Err(_) if dir.is_some() => search::open(None, engine).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// The passages tagged with any of `tags` (any case), placed on their articles' current
/// text (an article whose text cannot be read now is left out).
fn tagged_passages(store: &Store, tags: &[String]) -> Vec<Tagged> {
    let Some(library) = store.annotations().library() else {
        return Vec::new();
    };
    let wanted: Vec<String> = tags.iter().map(|t| t.to_lowercase()).collect();
    let has_tag =
        |a: &crate::annotate::Annotation| a.tags.iter().any(|t| wanted.contains(&t.to_lowercase()));
    (0..store.len())
        .filter(|&i| store.annotation_count(i) > 0)
        .filter_map(|i| {
            let article = store.article(i)?;
            let file = library.find(&article.id, &recorded_path(article))?;
            let notes: Vec<_> = library
                .file(file)?
                .annotations()
                .iter()
                .filter(|a| has_tag(a))
                .collect();
            if notes.is_empty() {
                return None;
            }
            let passages = store.with_text(i, |text, _| {
                let anchorer = Anchorer::new(text);
                notes
                    .iter()
                    .filter_map(|a| anchorer.anchor(&a.target).span)
                    .map(|s| s.start..s.end)
                    .collect::<Vec<_>>()
            })?;
            Some(Tagged {
                article: article.id.clone(),
                passages,
            })
        })
        .collect()
}

fn update(
    mut updater: IndexUpdater,
    feed: &Receiver<Feed>,
    progress: &Progress,
    stop: &AtomicBool,
) {
    lower_priority();
    let mut library: HashSet<String> = HashSet::new();
    let mut last_commit = Instant::now();
    // Articles seen to since the last commit: they count as done once committed.
    let mut seen = 0;
    let report = |e: String| {
        *progress
            .problem
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(e);
    };
    let commit = |updater: &mut IndexUpdater, seen: &mut usize| {
        if let Err(e) = updater.commit() {
            report(e.to_string());
        }
        progress
            .done
            .fetch_add(std::mem::take(seen), Ordering::Relaxed);
    };
    loop {
        let next = match feed.try_recv() {
            Ok(next) => next,
            Err(TryRecvError::Empty) => {
                // Idle: what was added becomes searchable now.
                commit(&mut updater, &mut seen);
                match feed.recv() {
                    Ok(next) => next,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        match next {
            Feed::Articles(batch) => {
                for job in batch {
                    while progress.held.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(HOLD_POLL);
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let new = library.insert(job.id().to_string());
                    if matches!(job, IndexJob::Extracted { .. })
                        || (new && !updater.is_indexed(job.id()))
                    {
                        index_one(&mut updater, &job, &report);
                    }
                    seen += 1;
                    if last_commit.elapsed() >= COMMIT_EVERY {
                        last_commit = Instant::now();
                        commit(&mut updater, &mut seen);
                    }
                }
            }
            Feed::Complete => updater.retain(|id| library.contains(id)),
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
    }
    commit(&mut updater, &mut seen);
}

fn index_one(updater: &mut IndexUpdater, job: &IndexJob, report: &impl Fn(String)) {
    if let IndexJob::Extracted {
        article,
        extraction,
    } = job
    {
        if let Err(e) = updater.add(article, extraction) {
            report(e.to_string());
        }
        return;
    }
    // The file changed since it was listed (or is gone): its new text is indexed when it
    // is listed again.
    let Some(full) = job.article().filter(|a| a.id == job.id()) else {
        return;
    };
    match catch_unwind(AssertUnwindSafe(|| extract_article(&full))) {
        Ok(x) => {
            if let Err(e) = updater.add(&full, &x) {
                report(e.to_string());
            }
        }
        Err(p) => report(format!(
            "{}: not indexed: {}",
            full.path.display(),
            super::panics::message(p.as_ref())
        )),
    }
}

/// An article for the search indexer to index.
#[derive(Debug, Clone)]
pub enum IndexJob {
    /// Read from its file when its turn comes; indexed if it still has this content id.
    File {
        id: Box<str>,
        path: Box<std::path::Path>,
    },
    /// In memory only (the samples, standard input).
    Article(Arc<Article>),
    /// Indexed again as given, even when indexed already: an article whose speaker
    /// corrections changed.
    Extracted {
        article: Arc<Article>,
        extraction: Arc<Extraction>,
    },
}

impl IndexJob {
    pub fn id(&self) -> &str {
        match self {
            IndexJob::File { id, .. } => id,
            IndexJob::Article(a) | IndexJob::Extracted { article: a, .. } => &a.id,
        }
    }

    /// The article with its text; `None` when its file cannot be read now.
    pub fn article(&self) -> Option<Arc<Article>> {
        match self {
            IndexJob::File { path, .. } => read_file(path).ok().map(Arc::new),
            IndexJob::Article(a) | IndexJob::Extracted { article: a, .. } => Some(Arc::clone(a)),
        }
    }
}

fn lower_priority() {
    #[cfg(target_os = "linux")]
    super::worker::lower_this_thread(INDEXER_NICENESS);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::search::query;

    #[test]
    fn a_second_instance_opens_the_index_read_only_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let index = dir.path().join("index");
        let store = Store::new(vec![Article::from_text(
            "a.txt",
            "Harbour fees rise\n\n\"We had no choice,\" said Ann Vole.\n".into(),
        )]);
        let first = LibrarySearch::start(Some(index.clone()), "test");
        let query = query::parse("choice").unwrap();
        // The first search waits for the index to be open; it is the first's to write.
        assert!(first.search(&query, &store, 10).is_ok());
        assert_eq!(first.problem(), None);
        let second = LibrarySearch::start(Some(index), "test");
        assert!(
            second.search(&query, &store, 10).is_ok(),
            "searched as it is"
        );
        let said = second.problem().unwrap_or_default();
        assert!(said.contains("another sayso keeps"), "{said}");
    }
}
