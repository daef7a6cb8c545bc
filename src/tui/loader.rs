//! Reads the library on a thread of its own, so the reader's first frame never waits for
//! it: the folders are listed, then the articles are read in order and handed over in
//! batches as they come, over a bounded channel (the reader, not the disk, sets the pace
//! of memory use).

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use crate::article::{Article, plan_paths, read_source};

/// What the loader reports, in this order: `Planned` once, `Batch`es, then `Done`.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many files the folders hold.
    Planned(usize),
    /// The next articles in order, with the problems met reading them.
    Batch {
        articles: Vec<Article>,
        problems: Vec<String>,
    },
    Done,
}

/// Articles per batch at most: small enough to hand over often, large enough that a
/// 100k-article library is a few hundred hand-overs.
const BATCH: usize = 512;
/// A batch is handed over at least this often, so a slow disk still shows rows coming in.
const BATCH_INTERVAL: Duration = Duration::from_millis(40);
/// Batches in flight between the loader and the reader.
const IN_FLIGHT: usize = 4;

/// Starts reading `paths` (files and folders, as `sayso PATH…` takes them).
pub fn start(paths: Vec<PathBuf>) -> Receiver<LoadEvent> {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    std::thread::spawn(move || {
        // A panic here ends the loading early; the reader keeps what arrived.
        let _ = std::panic::catch_unwind(|| load(&paths, &tx));
        let _ = tx.send(LoadEvent::Done);
    });
    rx
}

fn load(paths: &[PathBuf], tx: &SyncSender<LoadEvent>) {
    let sources = plan_paths(paths, false);
    if tx.send(LoadEvent::Planned(sources.len())).is_err() {
        return;
    }
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let mut last = Instant::now();
    let mut no_stdin = std::io::empty();
    for source in sources {
        match read_source(source, &mut no_stdin) {
            Ok(article) => articles.push(article),
            Err(problem) => problems.push(problem.to_string()),
        }
        if articles.len() >= BATCH || last.elapsed() >= BATCH_INTERVAL {
            let batch = LoadEvent::Batch {
                articles: std::mem::take(&mut articles),
                problems: std::mem::take(&mut problems),
            };
            // The reader quit: stop reading.
            if tx.send(batch).is_err() {
                return;
            }
            last = Instant::now();
        }
    }
    if !articles.is_empty() || !problems.is_empty() {
        let _ = tx.send(LoadEvent::Batch { articles, problems });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_arrives_in_order_then_done() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..1200 {
            std::fs::write(
                dir.path().join(format!("{i:04}.txt")),
                format!("Article {i}.\n"),
            )
            .unwrap();
        }
        std::fs::write(dir.path().join("bad.txt"), [0xff, 0xfe, 0x00, 0x00]).unwrap();
        let rx = start(vec![dir.path().to_path_buf()]);
        let mut events = rx.iter();
        assert!(matches!(events.next(), Some(LoadEvent::Planned(1201))));
        let mut titles = Vec::new();
        let mut batches = 0;
        for event in events.by_ref() {
            match event {
                LoadEvent::Batch { articles, .. } => {
                    assert!(articles.len() <= BATCH);
                    batches += 1;
                    titles.extend(articles.into_iter().map(|a| a.text.trim().to_string()));
                }
                LoadEvent::Done => break,
                LoadEvent::Planned(_) => panic!("planned twice"),
            }
        }
        assert!(batches >= 3, "{batches} batches");
        let want: Vec<String> = (0..1200).map(|i| format!("Article {i}.")).collect();
        let got: Vec<&String> = titles.iter().filter(|t| t.starts_with("Article")).collect();
        assert_eq!(got.len(), 1200);
        assert!(got.iter().zip(&want).all(|(g, w)| *g == w));
        assert!(events.next().is_none(), "nothing after Done");
    }

    #[test]
    fn a_missing_path_is_a_problem_not_an_article() {
        let rx = start(vec![PathBuf::from("/nonexistent/sayso-loader-test")]);
        let mut problems = Vec::new();
        let mut articles = 0;
        for event in rx.iter() {
            if let LoadEvent::Batch {
                articles: a,
                problems: p,
            } = event
            {
                articles += a.len();
                problems.extend(p);
            }
        }
        assert_eq!(articles, 0);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("sayso-loader-test"), "{problems:?}");
    }
}
