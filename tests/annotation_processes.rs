//! Annotation storage across processes: two writers on one article lose nothing, and a
//! writer killed mid-save leaves a whole file.
//!
//! The children are this test binary itself, started with `SAYSO_TEST_ROLE` set: the
//! `child_*` entry points below do the child's work only then (in a normal run they return
//! at once).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sayso::annotate::format::{self, ArticleMeta};
use sayso::annotate::library::Library;
use sayso::annotate::model::{Annotation, Target, Timestamp};
use sayso::annotate::store::{AnnotationFile, Storage};
use sayso::extract::Span;
use sayso::text::offsets::CodePoints;

const ROLE: &str = "SAYSO_TEST_ROLE";
const DIR: &str = "SAYSO_TEST_DIR";
const NAME: &str = "SAYSO_TEST_NAME";
const ARTICLE_ID: &str = "feedfacecafebeef";
const WRITES_PER_CHILD: usize = 40;
/// Annotations already in the file the killed writer saves.
const SEEDS: usize = 1000;

fn article_text() -> String {
    (0..400)
        .map(|i| {
            format!(
                "Sentence number {i} says something about topic {}. ",
                i % 17
            )
        })
        .collect()
}

fn annotation_at(text: &str, n: usize, note: String) -> Annotation {
    let start = text.find(&format!("number {n} ")).unwrap_or(0);
    let target = Target::from_span(text, &CodePoints::new(text), Span::new(start, start + 10))
        .unwrap_or_else(|| {
            Target::from_span(text, &CodePoints::new(text), Span::new(0, 8)).expect("fallback span")
        });
    let mut a = Annotation::new(target, Timestamp::now());
    a.note = note;
    a
}

fn spawn_child(entry: &str, role: &str, dir: &Path, name: &str) -> Child {
    let exe = std::env::current_exe().expect("test binary");
    Command::new(exe)
        .args([entry, "--exact", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DIR, dir)
        .env(NAME, name)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn child")
}

/// Child: add annotations one by one to the shared article, each saved at once.
#[test]
fn child_concurrent_writer() {
    if std::env::var(ROLE).as_deref() != Ok("writer") {
        return;
    }
    let dir = PathBuf::from(std::env::var_os(DIR).expect("dir"));
    let name = std::env::var(NAME).expect("name");
    let text = article_text();
    let mut lib = Library::load(Storage::in_data_dir(&dir), &[]);
    let file = lib
        .open_article(ARTICLE_ID, Path::new("shared.txt"), "Shared")
        .expect("open");
    for i in 0..WRITES_PER_CHILD {
        let a = annotation_at(&text, (i * 7) % 400, format!("{name}-{i}"));
        let id = a.id.clone();
        lib.add(file, a).expect("add");
        if i % 5 == 0 {
            // Edits and deletes race with the other writers too.
            lib.edit(file, &id, |a| a.tags.push(format!("by-{name}")))
                .expect("edit");
        }
        if i % 7 == 3 {
            lib.remove(file, &id).expect("delete");
        }
    }
}

/// The writers of the concurrency test.
const WRITERS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

fn deleted(i: usize) -> bool {
    i % 7 == 3
}

#[test]
fn four_processes_adding_editing_and_deleting_on_one_article_lose_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut children: Vec<Child> = WRITERS
        .iter()
        .map(|name| spawn_child("child_concurrent_writer", "writer", dir.path(), name))
        .collect();
    for child in &mut children {
        assert!(child.wait().expect("wait").success(), "child failed");
    }
    let lib = Library::load(Storage::in_data_dir(dir.path()), &[]);
    assert!(lib.problems().is_empty(), "{:?}", lib.problems());
    let (_, file) = lib.files().next().expect("one file");
    let mut notes: Vec<&str> = file.annotations().iter().map(|a| a.note.as_str()).collect();
    notes.sort_unstable();
    let mut expected: Vec<String> = WRITERS
        .iter()
        .flat_map(|n| {
            (0..WRITES_PER_CHILD)
                .filter(|&i| !deleted(i))
                .map(move |i| format!("{n}-{i}"))
        })
        .collect();
    expected.sort_unstable();
    assert_eq!(
        notes, expected,
        "every annotation of every process is there, once, and every delete holds"
    );
    for name in WRITERS {
        let edited = (0..WRITES_PER_CHILD)
            .filter(|&i| i % 5 == 0 && !deleted(i))
            .count();
        let tagged = lib.tagged(&format!("by-{name}")).len();
        assert_eq!(tagged, edited, "edits of {name} kept");
    }
}

/// Child: keep adding annotations to a large file, saving after each, until killed.
#[test]
fn child_endless_writer() {
    if std::env::var(ROLE).as_deref() != Ok("endless") {
        return;
    }
    let dir = PathBuf::from(std::env::var_os(DIR).expect("dir"));
    let name = std::env::var(NAME).expect("name");
    let text = article_text();
    let path = dir.join("big.toml");
    let mut file = AnnotationFile::open(&path, ArticleMeta::default()).expect("open");
    for i in 0.. {
        file.upsert(annotation_at(&text, i % 400, format!("{name}-{i}")))
            .expect("add");
        file.save().expect("save");
    }
}

/// Notes of the writer's annotations in the file, as sequence numbers of one round.
fn round_numbers(doc: &format::AnnotationDoc, round: usize) -> Vec<usize> {
    let prefix = format!("round{round}-");
    let mut numbers: Vec<usize> = doc
        .annotations
        .iter()
        .filter_map(|a| a.note.strip_prefix(&prefix)?.parse().ok())
        .collect();
    numbers.sort_unstable();
    numbers
}

#[test]
fn killing_a_writer_mid_save_leaves_a_whole_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.toml");
    // A large file, so that saves take long enough to be interrupted.
    let text = article_text();
    let mut seed = AnnotationFile::open(&path, ArticleMeta::default()).expect("open");
    for i in 0..SEEDS {
        seed.upsert(annotation_at(&text, i % 400, format!("seed-{i}")))
            .expect("add");
    }
    seed.save().expect("save");
    let seed_count = SEEDS;
    // Kill at random moments spread over a few saves' time (open + one save, measured).
    let started = Instant::now();
    let mut probe = AnnotationFile::open(&path, ArticleMeta::default()).expect("open");
    probe.save().expect("save");
    let save_ms = started.elapsed().as_millis() as u64 + 1;
    let mut rng = Instant::now().elapsed().as_nanos() as u64 | 1;
    let mut kept_per_round: Vec<usize> = Vec::new();
    let mut killed_mid_write = 0;
    // 50 in the suite; SAYSO_CRASH_ROUNDS=1000 for the full crash test.
    let rounds: usize = std::env::var("SAYSO_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    for round in 0..rounds {
        let mut child = spawn_child(
            "child_endless_writer",
            "endless",
            dir.path(),
            &format!("round{round}"),
        );
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_millis(save_ms / 2 + rng % (save_ms * 4)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        if sayso::annotate::atomic::temp_path(&path).exists() {
            killed_mid_write += 1;
        }
        let bytes = std::fs::read(&path).expect("file still there");
        let doc = format::parse_bytes(&path, &bytes)
            .unwrap_or_else(|e| panic!("round {round}: the file must parse after a kill: {e}"));
        let seeds = doc
            .annotations
            .iter()
            .filter(|a| a.note.starts_with("seed-"))
            .count();
        assert_eq!(seeds, seed_count, "round {round}: old annotations intact");
        // Old or new content: the writer's annotations form a complete prefix 0..n of the
        // ones it added, one per completed save; earlier rounds' saves are all still there.
        let numbers = round_numbers(&doc, round);
        assert!(
            numbers.iter().enumerate().all(|(i, &n)| i == n),
            "round {round}: {numbers:?}"
        );
        for (earlier, &kept) in kept_per_round.iter().enumerate() {
            assert_eq!(
                round_numbers(&doc, earlier).len(),
                kept,
                "round {round}: round {earlier} kept"
            );
        }
        kept_per_round.push(numbers.len());
        // The killed writer's lock went with it: a new writer gets in at once.
        sayso::annotate::atomic::FileLock::acquire(&path, Duration::from_secs(2))
            .unwrap_or_else(|e| panic!("round {round}: the lock is free after a kill: {e}"));
    }
    eprintln!(
        "crash test: one save ≈ {save_ms} ms; {} saves completed over {rounds} kills; \
         {killed_mid_write} kills left a partial temporary file",
        kept_per_round.iter().sum::<usize>()
    );
}
