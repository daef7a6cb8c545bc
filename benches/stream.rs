//! `sayso extract` as the process runs it, without the process: list the files, then
//! read, extract, serialize and write each article (to a sink) on 1 and 2 worker
//! threads in input order; the JSON serialization alone; and the JSON Lines filter.
//! Ratios between these, measured in one run, are what to compare across builds.
//!
//! `cargo bench --bench stream`.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sayso::article::{Source, load_paths, plan_paths, read_file};
use sayso::extract::extract_article;
use sayso::output::ArticleJson;
use sayso::parallel::ordered_map;

#[allow(dead_code)] // the helpers other benches use
mod common;
use common::SEEDS;

const CORPUS_BYTES: usize = 4 * 1024 * 1024;

/// A folder of news-sized articles made from the samples, each a little different.
fn corpus() -> (std::path::PathBuf, usize) {
    let dir = std::env::temp_dir().join(format!("sayso-bench-stream-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut bytes = 0;
    let mut i = 0;
    while bytes < CORPUS_BYTES {
        let sub = dir.join(format!("d{:02}", i % 16));
        std::fs::create_dir_all(&sub).expect("bench folder");
        let text = format!("Item {i}. {}", SEEDS[i % SEEDS.len()]);
        bytes += text.len();
        std::fs::write(sub.join(format!("a{i:05}.txt")), text).expect("bench file");
        i += 1;
    }
    (dir, bytes)
}

/// One article's JSON line, as `extract --format json` writes it.
fn json_line(source: &Source) -> Vec<u8> {
    let mut out = Vec::new();
    if let Source::File(path) = source
        && let Ok(article) = read_file(path)
    {
        let ex = extract_article(&article);
        let _ = serde_json::to_writer(&mut out, &ArticleJson::new(&article, &ex));
        out.push(b'\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let (dir, bytes) = corpus();
    let mut group = c.benchmark_group("stream");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes as u64));
    for jobs in [1, 2] {
        group.bench_with_input(BenchmarkId::new("files", jobs), &jobs, |b, &jobs| {
            b.iter(|| {
                let sources = plan_paths(&[&dir], false);
                let mut sink = std::io::sink();
                ordered_map(&sources, jobs, json_line, |line| sink.write_all(&line))
                    .expect("a sink never fails");
            });
        });
    }
    // The JSON path alone: articles loaded and extracted once, serialized every time.
    let library = load_paths(&[&dir]);
    let extracted: Vec<_> = library
        .articles
        .iter()
        .map(|a| (a, extract_article(a)))
        .collect();
    group.bench_function("json_only", |b| {
        b.iter(|| {
            let mut sink = std::io::sink();
            for (a, ex) in &extracted {
                let _ = serde_json::to_writer(&mut sink, &ArticleJson::new(a, ex));
            }
        });
    });
    // The JSON Lines filter over the same articles.
    let input: String = library
        .articles
        .iter()
        .map(|a| format!("{}\n", serde_json::json!({"id": a.id, "text": a.text})))
        .collect();
    for jobs in [1, 2] {
        group.bench_with_input(BenchmarkId::new("jsonl", jobs), &jobs, |b, &jobs| {
            b.iter(|| {
                let mut sink = std::io::sink();
                let bad = sayso::jsonl::run("-", input.as_bytes(), &mut sink, jobs, |_| {});
                black_box(bad).expect("a sink never fails");
            });
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
