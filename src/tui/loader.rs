//! Reads the library on a thread of its own, so the reader's first frame never waits for
//! it: the folders are listed, then the articles are read in order and handed over in
//! batches as they come, over a bounded channel (the reader, not the disk, sets the pace
//! of memory use). With a digest cache, an article whose file is unchanged since the last
//! run is not read at all: it comes with its metadata and digest from the cache.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use crate::article::{
    Article, FileStamp, Source, Stamper, list_paths, plan_paths_stamped, read_source,
};
use crate::corpus::Digest;
use crate::corpus::cache::DigestCache;

/// One article as the loader hands it over.
#[derive(Debug)]
pub struct Loaded {
    /// With its text, unless it came from the cache.
    pub article: Article,
    /// Its file's stamp, taken before it was read.
    pub stamp: Option<FileStamp>,
    /// From the cache: no need to extract it.
    pub digest: Option<Digest>,
}

impl From<Article> for Loaded {
    /// An article read without a stamp or a digest (to be extracted).
    fn from(article: Article) -> Loaded {
        Loaded {
            article,
            stamp: None,
            digest: None,
        }
    }
}

/// Where the digests of this library are kept between runs, and by which engine.
#[derive(Debug, Clone)]
pub struct CacheSpec {
    pub file: PathBuf,
    pub engine: String,
}

/// What the loader reports, in this order: `Planned` once, `Batch`es, then `Done`.
#[derive(Debug)]
pub enum LoadEvent {
    /// How many files the folders hold.
    Planned(usize),
    /// The next articles in order, with the problems met reading them.
    Batch {
        articles: Vec<Loaded>,
        problems: Vec<String>,
    },
    Done,
}

/// A batch is handed over once it weighs this much: 512 articles read (with their texts:
/// small enough to hand over often, large enough that a 100k-article library is a few
/// hundred hand-overs), or 8 times as many from the cache (metadata and counts only).
const BATCH_WEIGHT: usize = 4096;
const READ_WEIGHT: usize = 8;
const CACHED_WEIGHT: usize = 1;
/// Articles read from their files per batch at most.
#[cfg(test)]
const BATCH: usize = BATCH_WEIGHT / READ_WEIGHT;
/// A batch is handed over at least this often, so a slow disk still shows rows coming in.
const BATCH_INTERVAL: Duration = Duration::from_millis(40);
/// Nice value of the loading thread (the extraction threads' is 10).
#[cfg(target_os = "linux")]
const LOADER_NICENESS: libc::c_int = 5;
/// Batches in flight between the loader and the reader.
const IN_FLIGHT: usize = 4;

/// Starts reading `paths` (files and folders, as `sayso PATH…` takes them), taking what
/// it can from `cache`.
pub fn start(paths: Vec<PathBuf>, cache: Option<CacheSpec>) -> Receiver<LoadEvent> {
    let (tx, rx) = sync_channel(IN_FLIGHT);
    std::thread::spawn(move || {
        // Below the interface, above the extraction it feeds: on two cores, reading the
        // files at normal priority delayed keys while a large library came in.
        #[cfg(target_os = "linux")]
        super::worker::lower_this_thread(LOADER_NICENESS);
        // A panic here ends the loading early; the reader keeps what arrived.
        let _ = std::panic::catch_unwind(|| load(&paths, cache.as_ref(), &tx));
        let _ = tx.send(LoadEvent::Done);
    });
    rx
}

/// One file read as the loader reads it (with its stamp, to be extracted): an article an
/// update has just saved.
pub fn load_one(path: &std::path::Path) -> Result<Loaded, String> {
    let (source, stamp) = plan_paths_stamped(&[path])
        .into_iter()
        .next()
        .ok_or_else(|| format!("{}: not found", path.display()))?;
    let article = read_source(source, &mut std::io::empty()).map_err(|e| e.to_string())?;
    Ok(Loaded {
        article,
        stamp,
        digest: None,
    })
}

fn load(paths: &[PathBuf], cache: Option<&CacheSpec>, tx: &SyncSender<LoadEvent>) {
    let mut problems = Vec::new();
    // The cache is read while the folders are listed: on two cores, the two take as long
    // as the longer. With a cache to read, the files are stamped then too (the rows wait
    // for the cache anyway); without one, they are stamped as they are read, so the first
    // rows do not wait for the whole library's stats.
    let stamp_first = cache.is_some_and(|c| c.file.exists());
    let (sources, cache) = std::thread::scope(|scope| {
        let reading = cache.map(|c| scope.spawn(|| DigestCache::read(&c.file, &c.engine)));
        let sources: Vec<(Source, Option<Option<FileStamp>>)> = match stamp_first {
            true => plan_paths_stamped(paths)
                .into_iter()
                .map(|(source, stamp)| (source, Some(stamp)))
                .collect(),
            false => list_paths(paths).into_iter().map(|s| (s, None)).collect(),
        };
        (sources, reading.map(|r| r.join()))
    });
    let mut cache = match cache {
        Some(Ok(Ok(cache))) => cache,
        Some(Ok(Err(e))) => {
            problems.push(format!("digest cache not used (it is rebuilt): {e}"));
            DigestCache::default()
        }
        Some(Err(_)) | None => DigestCache::default(),
    };
    if tx.send(LoadEvent::Planned(sources.len())).is_err() {
        return;
    }
    let mut weight = 0;
    let mut articles = Vec::new();
    let mut last = Instant::now();
    let mut no_stdin = std::io::empty();
    let mut stamper = Stamper::default();
    for (source, stamped) in sources {
        let stamp = match (&source, stamped) {
            (_, Some(stamp)) => stamp,
            (Source::File(path), None) => match stamper.stamp(path) {
                Some(stamp) => stamp,
                // The same file by another path: once is enough.
                None => continue,
            },
            _ => None,
        };
        let hit = match (&source, &stamp) {
            (Source::File(path), Some(stamp)) => cache.take(path, stamp),
            _ => None,
        };
        match hit {
            Some(hit) => {
                weight += CACHED_WEIGHT;
                articles.push(Loaded {
                    article: hit.article,
                    stamp,
                    digest: Some(hit.digest),
                });
            }
            None => match read_source(source, &mut no_stdin) {
                Ok(article) => {
                    let digest = cache.digest_of(&article.id);
                    weight += READ_WEIGHT;
                    articles.push(Loaded {
                        article,
                        stamp,
                        digest,
                    });
                }
                Err(problem) => problems.push(problem.to_string()),
            },
        }
        if weight >= BATCH_WEIGHT || last.elapsed() >= BATCH_INTERVAL {
            weight = 0;
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
        let rx = start(vec![dir.path().to_path_buf()], None);
        let mut events = rx.iter();
        assert!(matches!(events.next(), Some(LoadEvent::Planned(1201))));
        let mut titles = Vec::new();
        let mut batches = 0;
        for event in events.by_ref() {
            match event {
                LoadEvent::Batch { articles, .. } => {
                    assert!(articles.len() <= BATCH);
                    batches += 1;
                    titles.extend(
                        articles
                            .into_iter()
                            .map(|a| a.article.text.trim().to_string()),
                    );
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

    fn everything(rx: Receiver<LoadEvent>) -> (Vec<Loaded>, Vec<String>) {
        let (mut all, mut problems) = (Vec::new(), Vec::new());
        for event in rx.iter() {
            if let LoadEvent::Batch {
                articles,
                problems: p,
            } = event
            {
                all.extend(articles);
                problems.extend(p);
            }
        }
        (all, problems)
    }

    #[test]
    fn unchanged_files_come_from_the_cache_unread_and_changed_ones_are_read() {
        use crate::corpus::cache;
        use crate::extract::extract_article;
        let dir = tempfile::tempdir().unwrap();
        let said =
            |i: usize| format!("Item {i}\n\n“We will build it,” Jane Doe said on day {i}.\n");
        for i in 0..4 {
            std::fs::write(dir.path().join(format!("{i}.txt")), said(i)).unwrap();
        }
        let spec = CacheSpec {
            file: dir.path().join("cache").join("digests.jsonl"),
            engine: "test engine".into(),
        };
        // A first run: every article read, none from the (missing) cache.
        let (first, problems) =
            everything(start(vec![dir.path().to_path_buf()], Some(spec.clone())));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(first.len(), 4);
        assert!(
            first
                .iter()
                .all(|l| l.digest.is_none() && !l.article.text.is_empty())
        );
        let digests: Vec<Digest> = first
            .iter()
            .map(|l| Digest::of(&extract_article(&l.article)))
            .collect();
        let rows = first
            .iter()
            .zip(&digests)
            .map(|(l, d)| (&l.article, l.stamp.as_ref().unwrap(), d));
        assert_eq!(cache::write(&spec.file, &spec.engine, rows).unwrap(), 4);
        // Since: 1 has new words; 2 is rewritten with the same words (a new stamp).
        std::fs::write(dir.path().join("1.txt"), "Other\n\nNothing was said.\n").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(dir.path().join("2.txt"), said(2)).unwrap();
        let (second, _) = everything(start(vec![dir.path().to_path_buf()], Some(spec.clone())));
        assert_eq!(second.len(), 4);
        for i in [0, 3] {
            assert!(second[i].article.text.is_empty(), "{i} not read");
            assert_eq!(second[i].digest.as_ref(), Some(&digests[i]));
            assert_eq!(second[i].article.path, first[i].article.path);
            assert_eq!(second[i].article.title, first[i].article.title);
        }
        assert!(second[1].digest.is_none() && second[1].article.text.contains("Nothing"));
        assert!(!second[2].article.text.is_empty(), "read again");
        assert_eq!(
            second[2].digest.as_ref(),
            Some(&digests[2]),
            "same words, same digest"
        );
        // Another engine's cache is not used.
        let other = CacheSpec {
            engine: "a newer engine".into(),
            ..spec
        };
        let (third, _) = everything(start(vec![dir.path().to_path_buf()], Some(other)));
        assert!(third.iter().all(|l| l.digest.is_none()));
    }

    #[test]
    fn a_damaged_cache_is_reported_and_the_library_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Title\n\nHe said so.\n").unwrap();
        let file = dir.path().join("digests.jsonl");
        std::fs::write(&file, "not json\n").unwrap();
        let spec = CacheSpec {
            file,
            engine: "e".into(),
        };
        let (all, problems) = everything(start(vec![dir.path().join("a.txt")], Some(spec)));
        assert_eq!(all.len(), 1);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("digests.jsonl:1"), "{problems:?}");
    }

    #[test]
    fn a_file_reached_twice_is_read_once_with_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "Alpha said so.\n").unwrap();
        std::fs::write(dir.path().join("b.txt"), "Beta said so.\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&a, dir.path().join("c.txt")).unwrap();
        // The folder, and one of its files again by name.
        let (all, problems) = everything(start(vec![dir.path().to_path_buf(), a.clone()], None));
        assert!(problems.is_empty(), "{problems:?}");
        let texts: Vec<&str> = all.iter().map(|l| l.article.text.trim()).collect();
        assert_eq!(texts, ["Alpha said so.", "Beta said so."]);
        assert!(all.iter().all(|l| l.stamp.is_some()), "stamped as read");
    }

    #[test]
    fn a_missing_path_is_a_problem_not_an_article() {
        let rx = start(vec![PathBuf::from("/nonexistent/sayso-loader-test")], None);
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
