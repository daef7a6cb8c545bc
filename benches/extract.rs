//! Extraction speed, on one core (`extract` is single-threaded):
//! - throughput over a corpus of at least 10 MB of news-sized articles (a few KB each),
//!   made from the five samples with small variations, the target being 50 MB/s;
//! - single articles of growing size, up to ~1 MB (the samples end to end, repeated): a
//!   throughput that falls as the article grows means time is not linear in its length.
//!
//! `cargo bench --bench extract`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sayso::extract::extract;

mod common;
use common::{SEEDS, samples_end_to_end};
#[path = "common/adversarial.rs"]
mod adversarial;

const CORPUS_BYTES: usize = 10 * 1024 * 1024;
const LARGE_SIZES: [usize; 3] = [64 * 1024, 256 * 1024, 1024 * 1024];

/// Surnames of the samples' speakers, and the stand-ins that copies use in turn.
const SURNAMES: [&str; 8] = [
    "Rubio", "Zhang", "Tang", "Wang", "Martinez", "Song", "Lubetkin", "Hegseth",
];
const STAND_INS: [&str; 8] = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Kowalski",
    "Nakamura",
    "Oliveira",
    "Brennan",
];

/// Copy `k` of a sample: its body paragraphs rotated by `k` (the title stays first), and
/// from the second copy on, one surname replaced by a stand-in, so that no two articles
/// of the corpus are quite alike.
fn variant(seed: &str, k: usize) -> String {
    let mut paragraphs: Vec<&str> = seed.split("\n\n").collect();
    if paragraphs.len() > 2 {
        let body = &mut paragraphs[1..];
        let shift = k % body.len();
        body.rotate_left(shift);
    }
    let text = paragraphs.join("\n\n");
    if k == 0 {
        return text;
    }
    let i = k % SURNAMES.len();
    text.replace(
        SURNAMES[i],
        STAND_INS[(k / SURNAMES.len()) % STAND_INS.len()],
    )
}

/// Articles of a few KB each, at least [`CORPUS_BYTES`] in all.
fn corpus() -> Vec<String> {
    let mut articles = Vec::new();
    let mut total = 0;
    for k in 0.. {
        if total >= CORPUS_BYTES {
            break;
        }
        let article = variant(SEEDS[k % SEEDS.len()], k / SEEDS.len());
        total += article.len();
        articles.push(article);
    }
    articles
}

fn bench_corpus(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("extract_corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(format!("{} articles, {bytes} bytes", articles.len()), |b| {
        b.iter(|| {
            for article in &articles {
                black_box(extract(black_box(article)));
            }
        })
    });
    group.finish();
}

fn bench_large_article(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_one_article");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for size in LARGE_SIZES {
        let text = samples_end_to_end(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(text.len()), &text, |b, text| {
            b.iter(|| extract(black_box(text)))
        });
    }
    group.finish();
}

/// Inputs built to make a careless scanner quadratic, 1 MB each: they must stay as fast as
/// news (the floor is 10 MB/s).
fn bench_adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract_adversarial");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, make) in adversarial::INPUTS {
        let text = make(1024 * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, text| {
            b.iter(|| extract(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_corpus,
    bench_large_article,
    bench_adversarial
);
criterion_main!(benches);
