//! Opening a library in the reader, without the terminal: the loader lists the folder and
//! hands the articles over, reading every file (a first start), or taking unchanged files
//! from the digest cache (a second start). The ratio of the two, measured in one run, is
//! the figure to compare across builds.
//!
//! `cargo bench --bench library`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::article::{FileStamp, plan_paths_stamped, read_file};
use sayso::corpus::Digest;
use sayso::corpus::cache;
use sayso::extract::extract_article;
use sayso::tui::loader::{self, CacheSpec, LoadEvent};

#[allow(dead_code)] // the helpers other benches use
mod common;
use common::SEEDS;

const ARTICLES: usize = 10_000;
/// Bytes of a sample each article takes: news-article sized files, quick to set up.
const ARTICLE_BYTES: usize = 2_000;

/// A folder of `ARTICLES` articles in 10 subfolders, and its digest cache.
fn library() -> (std::path::PathBuf, CacheSpec) {
    let dir = std::env::temp_dir().join(format!("sayso-bench-library-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let news = dir.join("news");
    for i in 0..ARTICLES {
        let sub = news.join(format!("d{}", i % 10));
        std::fs::create_dir_all(&sub).expect("bench folder");
        let seed = SEEDS[i % SEEDS.len()];
        let end = seed
            .char_indices()
            .map(|(at, _)| at)
            .find(|&at| at >= ARTICLE_BYTES);
        let text = format!("Item {i}. {}", &seed[..end.unwrap_or(seed.len())]);
        std::fs::write(sub.join(format!("a{i:05}.txt")), text).expect("bench file");
    }
    let spec = CacheSpec {
        file: dir.join("cache").join("digests.jsonl"),
        engine: "bench".into(),
    };
    let mut rows: Vec<(sayso::article::Article, FileStamp, Digest)> = Vec::new();
    for (source, stamp) in plan_paths_stamped(&[&news]) {
        if let (sayso::article::Source::File(path), Some(stamp)) = (source, stamp) {
            let article = read_file(&path).expect("bench article");
            let digest = Digest::of(&extract_article(&article));
            rows.push((article, stamp, digest));
        }
    }
    let written = cache::write(
        &spec.file,
        &spec.engine,
        rows.iter().map(|(a, s, d)| (a, s, d)),
    )
    .expect("bench cache");
    assert_eq!(written, ARTICLES);
    (news, spec)
}

/// Everything the loader hands over, counted.
fn load(news: &std::path::Path, cache: Option<CacheSpec>) -> usize {
    let mut articles = 0;
    for event in loader::start(vec![news.to_path_buf()], cache) {
        if let LoadEvent::Batch {
            articles: batch, ..
        } = event
        {
            articles += batch.len();
        }
    }
    articles
}

fn bench(c: &mut Criterion) {
    let (news, spec) = library();
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function("list_and_stat", |b| {
        b.iter(|| black_box(plan_paths_stamped(&[&news]).len()))
    });
    group.bench_function("load_reading_every_file", |b| {
        b.iter(|| assert_eq!(black_box(load(&news, None)), ARTICLES))
    });
    group.bench_function("load_from_digest_cache", |b| {
        b.iter(|| assert_eq!(black_box(load(&news, Some(spec.clone()))), ARTICLES))
    });
    group.finish();
    if let Some(dir) = news.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
