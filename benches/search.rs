//! The library-wide search on 100,000 articles: queries of each sort against the index on
//! disk, beside a plain substring scan of the same texts in memory (the ratio of the two,
//! measured in one run, is the figure to compare), and indexing itself.
//!
//! `cargo bench --bench search`. The 100,000-article index is built once (about a
//! minute) in the temp dir and reused by later runs of the same build of the schema.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::article::Article;
use sayso::corpus::search::{self, SearchIndex, parse};
use sayso::extract::{Extraction, extract_article};

#[allow(dead_code)] // the helpers other benches use
mod common;
use common::SEEDS;

const ARTICLES: usize = 100_000;
/// Under `cargo test` (no `--bench`), the bench only checks that it runs: a small library.
const ARTICLES_UNDER_TEST: usize = 2_000;

fn articles() -> usize {
    match std::env::args().any(|a| a == "--bench") {
        true => ARTICLES,
        false => ARTICLES_UNDER_TEST,
    }
}
/// Bytes of a sample each article takes.
const ARTICLE_BYTES: usize = 2_000;
/// Names the index's contents: bump when the generated library changes.
const STAMP: &str = "bench-search-1";

/// Article `i`: a sample's first `ARTICLE_BYTES`, then a line of its own (so every id
/// differs while the sample's offsets, and so its extraction, stay the same).
fn article(i: usize) -> Article {
    let seed = SEEDS[i % SEEDS.len()];
    let end = seed
        .char_indices()
        .map(|(at, _)| at)
        .find(|&at| at >= ARTICLE_BYTES)
        .unwrap_or(seed.len());
    let text = format!("{}\n\nItem {i} from desk {}.\n", &seed[..end], i % 97);
    let mut a = Article::from_text(format!("news/a{i:06}.txt"), text);
    let day = i % 3650;
    a.date = Some(format!(
        "{}-{:02}-{:02}",
        2015 + day / 365,
        1 + day % 365 / 31 % 12,
        1 + day % 28
    ));
    a.source = Some(format!("outlet{}", i % 50));
    a
}

/// The extraction of each sample's part, done once.
fn extractions() -> Vec<Extraction> {
    (0..SEEDS.len())
        .map(|i| extract_article(&article(i)))
        .collect()
}

fn index() -> (SearchIndex, Vec<String>) {
    let n = articles();
    let dir = std::env::temp_dir().join(format!("sayso-bench-search-{n}"));
    let texts: Vec<String> = (0..n).map(|i| article(i).text).collect();
    let (search, updater) = search::open(Some(&dir), STAMP).expect("bench index");
    if search.articles().map(|a| a.len()).unwrap_or(0) == n {
        return (search, texts);
    }
    drop((search, updater));
    let _ = std::fs::remove_dir_all(&dir);
    let (search, updater) = search::open(Some(&dir), STAMP).expect("bench index");
    let mut updater = updater.expect("bench index writer");
    let x = extractions();
    let started = Instant::now();
    for i in 0..n {
        updater
            .add(&article(i), &x[i % x.len()])
            .expect("bench indexing");
    }
    updater.commit().expect("bench commit");
    eprintln!(
        "indexed {n} articles ({} sentences, {:.0} MB of text) in {:.1} s into {}",
        search.sentences(),
        texts.iter().map(String::len).sum::<usize>() as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        PathBuf::from(&dir).display()
    );
    (search, texts)
}

fn bench(c: &mut Criterion) {
    let (search, texts) = index();
    let mut group = c.benchmark_group("search_100k");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    for (name, query) in [
        ("word", "cooperation"),
        ("two_words", "china cooperation"),
        ("phrase", "\"win-win cooperation\""),
        ("prefix", "coop*"),
        ("speaker_and_word", "speaker:\"Wang Yi\" cooperation"),
        ("filters_only", "kind:direct after:2019 before:2021"),
        ("rare_word", "desk 42"),
    ] {
        let q = parse(query).expect("bench query");
        let hits = search.search(&q, None, 200).expect("bench search");
        eprintln!("{query}: {} sentences", hits.total);
        group.bench_function(name, |b| {
            b.iter(|| black_box(search.search(&q, None, 200).expect("bench search").total))
        });
    }
    // Where a quote also appears (the Claims tab's link): the first quote of a sample
    // found in every copy of that sample.
    let sample = article(2);
    let x = &extractions()[2];
    let claim = x
        .claims
        .iter()
        .find(|c| c.kind == sayso::extract::ClaimKind::Direct)
        .or(x.claims.first())
        .expect("a sample with a claim");
    let words = claim.span.slice(&sample.text);
    let speaker = claim
        .speaker
        .and_then(|s| x.speakers.get(s))
        .map(|s| s.name.clone());
    let copies = search
        .copies(words, &sample.id, speaker.as_deref())
        .expect("bench copies");
    eprintln!("copies of {words:?}: {}", copies.len());
    group.bench_function("copies_of_a_claim", |b| {
        b.iter(|| {
            black_box(
                search
                    .copies(words, &sample.id, speaker.as_deref())
                    .expect("bench copies")
                    .len(),
            )
        })
    });
    // What a search without an index does: every text scanned for the phrase.
    let finder = memchr::memmem::Finder::new("win-win cooperation");
    group.bench_function("plain_scan_phrase", |b| {
        b.iter(|| {
            black_box(
                texts
                    .iter()
                    .filter(|t| finder.find(t.as_bytes()).is_some())
                    .count(),
            )
        })
    });
    group.finish();

    let x = extractions();
    let mut group = c.benchmark_group("search_indexing");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("index_1000_articles_in_memory", |b| {
        b.iter(|| {
            let (_, updater) = search::open(None, "bench").expect("memory index");
            let mut updater = updater.expect("writer");
            for i in 0..1_000 {
                updater.add(&article(i), &x[i % x.len()]).expect("add");
            }
            updater.commit().expect("commit");
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
