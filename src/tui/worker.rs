//! Background extraction: a pool of plain threads fed from a shared queue, reporting over
//! a channel, so the UI never waits for the engine. The article being read jumps the queue.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
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
    /// Articles to do first, most recent request last.
    urgent: Vec<usize>,
    next: usize,
    taken: Vec<bool>,
}

impl Queue {
    fn take(&mut self) -> Option<usize> {
        while let Some(i) = self.urgent.pop() {
            if let Some(t) = self.taken.get_mut(i).filter(|t| !**t) {
                *t = true;
                return Some(i);
            }
        }
        while self.next < self.taken.len() {
            let i = self.next;
            self.next += 1;
            if !self.taken[i] {
                self.taken[i] = true;
                return Some(i);
            }
        }
        None
    }
}

struct Shared {
    queue: Mutex<Queue>,
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
    /// Starts `threads` workers (at least one) over `articles`.
    pub fn start(articles: Arc<[Article]>, threads: usize) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue {
                taken: vec![false; articles.len()],
                ..Queue::default()
            }),
            stop: AtomicBool::new(false),
            fail_on_purpose: std::env::var(FAULT_ENV).is_ok_and(|v| v == "extract-panic"),
        });
        let (tx, results) = channel();
        for _ in 0..threads.max(1).min(articles.len().max(1)) {
            let (shared, articles, tx) = (Arc::clone(&shared), Arc::clone(&articles), tx.clone());
            thread::spawn(move || work(&shared, &articles, &tx));
        }
        ExtractionPool { shared, results }
    }

    /// Threads to use: one per available core.
    pub fn default_threads() -> usize {
        thread::available_parallelism().map_or(1, |n| n.get())
    }

    /// Moves article `index` to the front of the queue (if it is not done or under way).
    pub fn prioritize(&self, index: usize) {
        let mut queue = self
            .shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        queue.urgent.push(index);
    }

    /// Results that have arrived, without waiting.
    pub fn finished(&self) -> impl Iterator<Item = Done> + '_ {
        self.results.try_iter()
    }
}

impl Drop for ExtractionPool {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

fn work(shared: &Shared, articles: &[Article], tx: &Sender<Done>) {
    while !shared.stop.load(Ordering::Relaxed) {
        let next = shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let Some(index) = next else { return };
        let Some(article) = articles.get(index) else {
            return;
        };
        // A panic in the engine costs one article's highlights, not the session.
        let result = catch_unwind(AssertUnwindSafe(|| {
            // Fault injection for the end-to-end test of a failing worker.
            if shared.fail_on_purpose {
                panic!("engine failure injected by {FAULT_ENV}");
            }
            extract_article(article)
        }))
        .map_err(|p| format!("extraction failed: {}", super::panics::message(p.as_ref())));
        if tx.send(Done { index, result }).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn articles(n: usize) -> Arc<[Article]> {
        (0..n)
            .map(|i| Article {
                id: format!("{i:016x}"),
                path: format!("a{i}.txt").into(),
                title: format!("A{i}"),
                date: None,
                source: None,
                text: format!("Text {i}. It cost $5."),
                warnings: Vec::new(),
            })
            .collect::<Vec<_>>()
            .into()
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
    fn urgent_articles_go_first() {
        let mut q = Queue {
            taken: vec![false; 5],
            ..Queue::default()
        };
        assert_eq!(q.take(), Some(0));
        q.urgent.push(3);
        q.urgent.push(0);
        assert_eq!(q.take(), Some(3));
        assert_eq!(
            (q.take(), q.take(), q.take(), q.take()),
            (Some(1), Some(2), Some(4), None)
        );
    }
}
