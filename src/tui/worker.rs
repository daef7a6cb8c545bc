//! Background extraction: a pool of plain threads fed from a shared queue, reporting over
//! a channel, so the UI never waits for the engine. The article being read jumps the queue;
//! articles join the queue as the library is read ([`ExtractionPool::add`]), and idle
//! workers sleep until they do.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

use crate::article::Article;
use crate::extract::{Extraction, extract_article};

/// The result of extracting one article.
#[derive(Debug)]
pub struct Done {
    pub index: usize,
    /// `Err` carries the panic message when the engine failed on this article.
    pub result: Result<Extraction, String>,
}

#[derive(Debug, Default)]
struct Queue {
    /// Every article added, by index in the library, until a worker takes it (the queue
    /// must not keep every text of the library alive).
    articles: Vec<Option<Arc<Article>>>,
    /// Articles to do first, most recent request last.
    urgent: Vec<usize>,
    next: usize,
    taken: Vec<bool>,
}

impl Queue {
    fn take(&mut self) -> Option<(usize, Arc<Article>)> {
        let index = self.take_index()?;
        Some((index, self.articles.get_mut(index)?.take()?))
    }

    fn take_index(&mut self) -> Option<usize> {
        while let Some(i) = self.urgent.pop() {
            if let Some(t) = self.taken.get_mut(i).filter(|t| !**t) {
                *t = true;
                return Some(i);
            }
        }
        while let Some(t) = self.taken.get_mut(self.next) {
            let i = self.next;
            self.next += 1;
            if !*t {
                *t = true;
                return Some(i);
            }
        }
        None
    }
}

struct Shared {
    queue: Mutex<Queue>,
    /// Signalled when articles are added, and on stop.
    added: Condvar,
    stop: AtomicBool,
    /// Set from [`FAULT_ENV`]: every extraction panics, to test that a failing worker
    /// costs its articles only.
    fail_on_purpose: bool,
}

/// `SAYSO_FAULT=extract-panic` makes the reader's extraction workers panic (for tests).
pub const FAULT_ENV: &str = "SAYSO_FAULT";

/// Extraction threads over one library; dropping the pool stops them after their current
/// article.
pub struct ExtractionPool {
    shared: Arc<Shared>,
    results: Receiver<Done>,
}

impl ExtractionPool {
    /// Starts `threads` workers (at least one) over `articles`, the library's first.
    pub fn start(articles: Vec<Arc<Article>>, threads: usize) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            added: Condvar::new(),
            stop: AtomicBool::new(false),
            fail_on_purpose: std::env::var(FAULT_ENV).is_ok_and(|v| v == "extract-panic"),
        });
        let (tx, results) = channel();
        for _ in 0..threads.max(1) {
            let (shared, tx) = (Arc::clone(&shared), tx.clone());
            thread::spawn(move || work(&shared, &tx));
        }
        let pool = ExtractionPool { shared, results };
        pool.add(articles.into_iter().map(Some).collect());
        pool
    }

    /// Queues articles read since: they take the next indices in the library; `None` for
    /// one that needs no extraction (its digest came from the cache).
    pub fn add(&self, articles: Vec<Option<Arc<Article>>>) {
        if articles.is_empty() {
            return;
        }
        let mut queue = self.lock();
        queue.taken.extend(articles.iter().map(Option::is_none));
        queue.articles.extend(articles);
        drop(queue);
        self.shared.added.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Threads to use: one per available core.
    pub fn default_threads() -> usize {
        thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// Moves article `index` to the front of the queue (if it is not done or under way).
    pub fn prioritize(&self, index: usize) {
        self.lock().urgent.push(index);
        self.shared.added.notify_one();
    }

    /// Results that have arrived, without waiting.
    pub fn finished(&self) -> impl Iterator<Item = Done> + '_ {
        self.results.try_iter()
    }
}

impl Drop for ExtractionPool {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        // Taking the lock orders the store before any worker's next look at the flag.
        drop(self.lock());
        self.shared.added.notify_all();
    }
}

/// The next article to extract; waits while there is none. `None` once the pool stops.
fn next_job(shared: &Shared) -> Option<(usize, Arc<Article>)> {
    let mut queue = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if shared.stop.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(job) = queue.take() {
            return Some(job);
        }
        queue = shared
            .added
            .wait(queue)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

fn work(shared: &Shared, tx: &Sender<Done>) {
    yield_to_the_interface();
    while let Some((index, article)) = next_job(shared) {
        // A panic in the engine costs one article's highlights, not the session.
        let result = catch_unwind(AssertUnwindSafe(|| {
            // Fault injection for the end-to-end test of a failing worker.
            if shared.fail_on_purpose {
                panic!("engine failure injected by {FAULT_ENV}");
            }
            extract_article(&super::store::with_its_text(&article))
        }))
        .map_err(|p| format!("extraction failed: {}", super::panics::message(p.as_ref())));
        if tx.send(Done { index, result }).is_err() {
            return;
        }
    }
}

/// Lowers this worker thread's scheduling priority: with as many workers as cores, the
/// event loop would otherwise wait its turn behind them and a key press could take a
/// whole time slice to be answered.
fn yield_to_the_interface() {
    #[cfg(target_os = "linux")]
    lower_this_thread(WORKER_NICENESS);
}

/// Sets this thread's nice value to `nice` unless it is lower already (a reader started
/// under `nice` keeps its priority). Linux keeps a nice value per thread; elsewhere
/// background threads run at normal priority.
#[cfg(target_os = "linux")]
pub fn lower_this_thread(nice: libc::c_int) {
    // SAFETY: both calls only read or set this thread's own scheduling attributes.
    unsafe {
        let thread = libc::gettid() as libc::id_t;
        if libc::getpriority(libc::PRIO_PROCESS, thread) < nice {
            libc::setpriority(libc::PRIO_PROCESS, thread, nice);
        }
    }
}

/// Nice value of the extraction threads: low enough that the interface thread gets ~90% of
/// a contended core (the kernel weighs nice 0 against nice 10 as 1024 : 110).
#[cfg(target_os = "linux")]
const WORKER_NICENESS: libc::c_int = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn articles(n: usize) -> Vec<Arc<Article>> {
        articles_from(0, n)
    }

    fn articles_from(first: usize, n: usize) -> Vec<Arc<Article>> {
        (first..first + n)
            .map(|i| {
                Arc::new(Article {
                    id: format!("{i:016x}"),
                    path: format!("a{i}.txt").into(),
                    title: format!("A{i}"),
                    date: None,
                    source: None,
                    text: format!("Text {i}. It cost $5."),
                    warnings: Vec::new(),
                })
            })
            .collect()
    }

    #[test]
    fn every_article_is_extracted_once() {
        let pool = ExtractionPool::start(articles(50), 3);
        let mut seen = vec![0; 50];
        let deadline = Instant::now() + Duration::from_secs(30);
        while seen.iter().sum::<usize>() < 50 && Instant::now() < deadline {
            for done in pool.finished() {
                assert!(done.result.is_ok());
                seen[done.index] += 1;
            }
            thread::sleep(Duration::from_millis(1));
        }
        assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
    }

    #[test]
    fn articles_added_later_are_extracted_by_the_idle_workers() {
        let pool = ExtractionPool::start(articles(3), 2);
        let mut seen = vec![0; 10];
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut added = false;
        while seen.iter().sum::<usize>() < 10 && Instant::now() < deadline {
            for done in pool.finished() {
                assert_eq!(
                    done.result.map(|x| x.numbers.len()),
                    Ok(1),
                    "article {}",
                    done.index
                );
                seen[done.index] += 1;
            }
            // Once the first three are done the workers are asleep: adding must wake them.
            if !added && seen.iter().sum::<usize>() == 3 {
                thread::sleep(Duration::from_millis(20));
                pool.add(articles_from(3, 7).into_iter().map(Some).collect());
                added = true;
            }
            thread::sleep(Duration::from_millis(1));
        }
        assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn workers_run_below_the_interface_thread() {
        let niceness = || unsafe { libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as u32) };
        let interface = niceness();
        let worker = thread::spawn(move || {
            yield_to_the_interface();
            niceness()
        })
        .join()
        .unwrap();
        assert_eq!(worker, interface.max(WORKER_NICENESS));
        // Only the worker's own thread changed.
        assert_eq!(niceness(), interface);
    }

    #[test]
    fn urgent_articles_go_first() {
        let mut q = Queue {
            taken: vec![false; 5],
            ..Queue::default()
        };
        assert_eq!(q.take_index(), Some(0));
        q.urgent.push(3);
        q.urgent.push(0);
        assert_eq!(q.take_index(), Some(3));
        assert_eq!(
            (
                q.take_index(),
                q.take_index(),
                q.take_index(),
                q.take_index()
            ),
            (Some(1), Some(2), Some(4), None)
        );
    }
}
