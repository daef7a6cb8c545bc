//! Reader speed: first frame on a 10,000-article library, a move with its preview in a
//! 100,000-article library, re-render after a keystroke on
//! a 1 MB article (also with 1,000 annotations on it), an annotation change with its save
//! and re-render, indexing a 10,000-article library's annotations; and, printed before
//! the benches, memory held for a library against its size on disk.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sayso::annotate::format::{self, AnnotationDoc, ArticleMeta};
use sayso::annotate::{Annotation, Storage, Timestamp};
use sayso::article::Article;
use sayso::config::Config;
use sayso::text::sentences;
use sayso::tui::annotations;
use sayso::tui::app::{App, Settings};

const LIBRARY_SIZE: usize = 10_000;

fn seeds() -> Vec<Article> {
    sayso::tui::load_library(&[], &Config::default()).0
}

/// Article `i` of a generated library: a sample with a distinct first line and title.
fn generated(seeds: &[Article], i: usize) -> Article {
    let s = &seeds[i % seeds.len()];
    let mut a = s.clone();
    a.id = format!("{i:016x}");
    a.title = format!("{} #{i}", s.title);
    a.path = PathBuf::from(format!("lib/{i:05}.txt"));
    a.text = format!("Copy {i}\n{}", s.text);
    a
}

/// `n` distinct articles made from the samples.
fn library(n: usize) -> Vec<Article> {
    let seeds = seeds();
    (0..n).map(|i| generated(&seeds, i)).collect()
}

/// The generated library written to disk once (reused across runs).
fn library_on_disk() -> (PathBuf, u64) {
    let dir = std::env::temp_dir().join(format!("sayso-bench-library-{LIBRARY_SIZE}"));
    if !dir.join("done").exists() {
        std::fs::create_dir_all(&dir).expect("bench dir");
        // One article at a time, so the memory measurement that follows starts clean.
        let seeds = seeds();
        for i in 0..LIBRARY_SIZE {
            std::fs::write(dir.join(format!("{i:05}.txt")), generated(&seeds, i).text)
                .expect("write article");
        }
        std::fs::write(dir.join("done"), "").expect("marker");
    }
    let bytes = std::fs::read_dir(&dir)
        .expect("bench dir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    (dir, bytes)
}

/// A ~1 MB article made of the samples, repeated.
fn big_article() -> Article {
    let seeds = seeds();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for s in &seeds {
            text.push_str(&s.text);
            text.push_str("\n\n");
        }
    }
    let mut a = seeds[0].clone();
    a.title = "One megabyte".into();
    a.text = text;
    a
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).expect("test terminal")
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

/// Resident memory of this process, in bytes (Linux).
fn rss() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn memory_report(dir: &Path, disk: u64) {
    let before = rss();
    let (articles, _) = sayso::tui::load_library(&[dir.to_path_buf()], &Config::default());
    let mut app = App::new(articles, Settings::default());
    app.store_mut().extract_all_now();
    let mut term = terminal();
    term.draw(|f| app.draw(f)).expect("draw");
    if let (Some(b), Some(a)) = (before, rss()) {
        let held = a.saturating_sub(b);
        println!(
            "memory: {LIBRARY_SIZE} articles, {:.1} MB on disk, {:.1} MB resident after load + extraction + first frame: {:.2}× (target ≤ 3×)",
            disk as f64 / 1e6,
            held as f64 / 1e6,
            held as f64 / disk as f64
        );
    }
    black_box(&app);
}

/// A data dir holding 1,000 annotations on `article` (every few sentences, tagged), written
/// straight to the file format (saving them one by one would take a while).
fn annotated_data_dir(article: &Article, count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let sentences = sentences::split(&article.text);
    let step = (sentences.len() / count).max(1);
    let mut doc = AnnotationDoc::new(ArticleMeta {
        id: article.id.clone(),
        // As the reader records it (absolute for a file), so the reader finds it by path.
        path: annotations::recorded_path(article).display().to_string(),
        title: article.title.clone(),
        extra: Default::default(),
    });
    let now = Timestamp::now();
    for (i, span) in sentences.iter().step_by(step).take(count).enumerate() {
        let mut a = Annotation::on_passage(&article.text, *span, None, now).expect("sentence");
        a.tags = vec![format!("tag{}", i % 20)];
        doc.annotations.push(a);
    }
    let folder = dir.path().join("annotations");
    std::fs::create_dir_all(&folder).expect("folder");
    let text = format::render(&doc).expect("render");
    std::fs::write(folder.join(format!("{}.toml", article.id)), text).expect("write");
    dir
}

fn ctrl(app: &mut App, c: char) {
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn annotation_benches(c: &mut Criterion, big: &Article) {
    let dir = annotated_data_dir(big, 1000);
    let mut app = App::new(vec![big.clone()], Settings::default());
    app.store_mut().extract_all_now();
    let loaded = annotations::load(Storage::in_data_dir(dir.path()), app.store().articles());
    app.annotations_loaded(loaded);
    let mut term = terminal();
    key(&mut app, KeyCode::Enter);
    term.draw(|f| app.draw(f)).expect("draw");
    let placed = app
        .store()
        .annotations()
        .placed()
        .map_or(0, |p| p.notes.len());
    assert_eq!(placed, 1000, "every annotation placed");
    let mut down = true;
    c.bench_function("keystroke_and_frame_1mb_article_1000_annotations", |b| {
        b.iter(|| {
            key(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            term.draw(|f| app.draw(f)).expect("draw");
        })
    });
    // On the first annotation: retag it (edit, atomic save of the 1,000-annotation file,
    // placing all 1,000 again) and draw.
    key(&mut app, KeyCode::Char('g'));
    let mut flip = false;
    let mut runs = 0u64;
    let mut group = c.benchmark_group("annotate");
    group.sample_size(20);
    group.bench_function("retag_save_and_frame_1000_annotations", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char('t'));
            ctrl(&mut app, 'u');
            for ch in if flip { "alpha" } else { "beta" }.chars() {
                key(&mut app, KeyCode::Char(ch));
            }
            flip = !flip;
            runs += 1;
            key(&mut app, KeyCode::Enter);
            term.draw(|f| app.draw(f)).expect("draw");
        })
    });
    group.finish();
    // Only when the bench ran (a name filter may skip it).
    assert!(
        runs == 0 || app.message().is_some_and(|m| m.text.starts_with("tagged")),
        "the bench tagged: {:?}",
        app.message()
    );
}

fn benches(c: &mut Criterion) {
    let articles = library(LIBRARY_SIZE);
    c.bench_function("first_frame_10k_articles", |b| {
        b.iter_batched(
            || articles.clone(),
            |articles| {
                let mut app = App::new(articles, Settings::default());
                let mut term = terminal();
                term.draw(|f| app.draw(f)).expect("draw");
                app
            },
            BatchSize::LargeInput,
        )
    });

    let (dir, _) = library_on_disk();
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("load_from_disk_and_first_frame_10k_articles", |b| {
        b.iter(|| {
            let (articles, _) =
                sayso::tui::load_library(std::slice::from_ref(&dir), &Config::default());
            let mut app = App::new(articles, Settings::default());
            let mut term = terminal();
            term.draw(|f| app.draw(f)).expect("draw");
            app
        })
    });
    group.finish();

    // Holding `j` in a 100,000-article library: each move previews the next article in the
    // reader (its sentences, debris and wrap) and draws the frame.
    let mut app = App::new(library(100_000), Settings::default());
    let mut term = terminal();
    term.draw(|f| app.draw(f)).expect("draw");
    let mut down = true;
    c.bench_function("library_move_with_preview_and_frame_100k_articles", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char(if down { 'j' } else { 'k' }));
            down = !down;
            term.draw(|f| app.draw(f)).expect("draw");
        })
    });
    drop(app);

    let big = big_article();
    annotation_benches(c, &big);
    let mut app = App::new(vec![big.clone()], Settings::default());
    app.store_mut().extract_all_now();
    let mut term = terminal();
    key(&mut app, KeyCode::Enter);
    // A common word, so the frame has many search highlights to lay out.
    for c in "/china".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    term.draw(|f| app.draw(f)).expect("draw");
    let mut down = true;
    c.bench_function("keystroke_and_frame_1mb_article", |b| {
        b.iter(|| {
            key(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            term.draw(|f| app.draw(f)).expect("draw");
        })
    });
    c.bench_function("sentence_jump_and_frame_1mb_article", |b| {
        b.iter(|| {
            key(&mut app, KeyCode::Char(')'));
            term.draw(|f| app.draw(f)).expect("draw");
        })
    });

    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    group.bench_function("open_1mb_article_wrap_and_sentences", |b| {
        // Two different big articles, opened in turn: opening the one already open would
        // measure nothing.
        let mut other = big.clone();
        other.text.push_str("\nOne more line.");
        other.id.push('x');
        let mut app = App::new(vec![big.clone(), other], Settings::default());
        let mut term = terminal();
        let mut down = true;
        b.iter(|| {
            key(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            down = !down;
            key(&mut app, KeyCode::Enter);
            term.draw(|f| app.draw(f)).expect("draw");
            // Back to the library, where Enter opens the other article.
            key(&mut app, KeyCode::BackTab);
        })
    });
    group.finish();

    // What the loader thread does at start-up besides reading files: finding each of
    // 10,000 articles' annotation file (here 1,000 files on disk).
    let data = tempfile::tempdir().expect("temp dir");
    for a in articles.iter().step_by(10) {
        annotated_data_dir_into(data.path(), a);
    }
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    group.bench_function("annotations_load_10k_articles_1000_files", |b| {
        b.iter(|| annotations::load(Storage::in_data_dir(data.path()), &articles))
    });
    group.finish();
}

/// One small annotation file for `article` in the data dir `dir`.
fn annotated_data_dir_into(dir: &Path, article: &Article) {
    let mut doc = AnnotationDoc::new(ArticleMeta {
        id: article.id.clone(),
        // As the reader records it (absolute for a file), so the reader finds it by path.
        path: annotations::recorded_path(article).display().to_string(),
        title: article.title.clone(),
        extra: Default::default(),
    });
    for span in sentences::split(&article.text).into_iter().take(3) {
        if let Some(a) = Annotation::on_passage(&article.text, span, None, Timestamp::now()) {
            doc.annotations.push(a);
        }
    }
    let folder = dir.join("annotations");
    std::fs::create_dir_all(&folder).expect("folder");
    let text = format::render(&doc).expect("render");
    std::fs::write(folder.join(format!("{}.toml", article.id)), text).expect("write");
}

fn main() {
    let (dir, disk) = library_on_disk();
    memory_report(&dir, disk);
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
