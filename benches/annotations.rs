//! Annotation storage and re-anchoring speed.
//!
//! * `save/1000_annotations`: one save of an article with 1,000 annotations after one edit
//!   (lock, re-read and parse, merge, render, write, fsync, rename, fsync dir). Target ≤ 20 ms.
//! * `load/10000_articles`: loading the annotation files of a 10,000-article library
//!   (3 annotations each). Target ≤ 500 ms.
//! * `reanchor/1000_on_changed_100kb`: placing 1,000 annotations on a 100 KB article that
//!   was edited throughout (insertions every ~1 KB, 5% of quotes reworded, 2% deleted).
//!   Target ≤ 100 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sayso::annotate::anchor::Anchorer;
use sayso::annotate::format::ArticleMeta;
use sayso::annotate::library::Library;
use sayso::annotate::model::{AnchorStatus, Annotation, Target, Timestamp};
use sayso::annotate::store::{AnnotationFile, Storage};
use sayso::extract::Span;
use sayso::text::offsets::CodePoints;

/// About 100 KB of varied prose, with a few non-ASCII characters.
fn article(bytes: usize) -> String {
    const WORDS: [&str; 24] = [
        "minister",
        "said",
        "the",
        "budget",
        "would",
        "grow",
        "“record”",
        "talks",
        "in",
        "Genève",
        "officials",
        "added",
        "that",
        "prices",
        "fell",
        "by",
        "percent",
        "critics",
        "argued",
        "reform",
        "was",
        "late",
        "and",
        "costly",
    ];
    let mut text = String::with_capacity(bytes + 64);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut n = 0;
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
        n += 1;
        text.push_str(if n % 14 == 0 { ". " } else { " " });
        if n % 9 == 0 {
            text.push_str(&format!("{} ", state % 1000));
        }
    }
    text
}

fn targets(text: &str, count: usize) -> Vec<Target> {
    let cp = CodePoints::new(text);
    let step = text.len() / count;
    (0..count)
        .filter_map(|i| {
            let mut start = i * step;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = (start + 30 + (i % 5) * 20).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            Target::from_span(text, &cp, Span::new(start, end))
        })
        .collect()
}

fn annotations(text: &str, count: usize) -> Vec<Annotation> {
    targets(text, count)
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let mut a = Annotation::new(t, Timestamp::now());
            a.tags = vec!["claim".into(), format!("topic-{}", i % 7)];
            a.note = if i % 3 == 0 {
                format!("Check this.\nSource {i}.")
            } else {
                String::new()
            };
            a
        })
        .collect()
}

fn bench_save(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let text = article(100_000);
    let path = dir.path().join("article.toml");
    let mut file = AnnotationFile::open(&path, ArticleMeta::default()).expect("open");
    for a in annotations(&text, 1000) {
        file.upsert(a).expect("add");
    }
    file.save().expect("first save");
    let mut round = 0u64;
    c.bench_function("save/1000_annotations", |b| {
        b.iter(|| {
            round += 1;
            let mut a = file.annotations()[(round % 1000) as usize].clone();
            a.note = format!("edit {round}");
            file.upsert(a).expect("edit");
            black_box(file.save().expect("save"));
        })
    });
}

fn bench_load(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let text = article(4_000);
    let storage = Storage::in_data_dir(dir.path());
    let Storage::Dir(files_dir) = &storage else {
        return;
    };
    std::fs::create_dir_all(files_dir).expect("dir");
    for i in 0..10_000u32 {
        let id = format!("{i:016x}");
        let meta = ArticleMeta {
            id: id.clone(),
            path: format!("/library/news/{i}.txt"),
            title: format!("Article {i}"),
            extra: toml::Table::new(),
        };
        let mut file =
            AnnotationFile::open(&files_dir.join(format!("{id}.toml")), meta).expect("open");
        for a in annotations(&text, 3) {
            file.upsert(a).expect("add");
        }
        file.save().expect("save");
    }
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("10000_articles", |b| {
        b.iter(|| {
            let lib = Library::load(storage.clone(), &[]);
            assert!(lib.problems().is_empty());
            black_box(lib.files().count())
        })
    });
    group.finish();
}

/// Edits throughout: an insertion every ~1 KB, 5% of the quotes reworded, 2% removed.
fn changed(text: &str, targets: &[Target]) -> String {
    let mut out = text.to_owned();
    for (i, t) in targets.iter().enumerate().rev() {
        let cp = CodePoints::new(&out);
        let (Some(s), Some(e)) = (cp.to_byte(t.start), cp.to_byte(t.end)) else {
            continue;
        };
        if i % 50 == 7 {
            out.replace_range(s..e, "");
        } else if i % 20 == 3 {
            let mut quote = t.exact.clone();
            if let Some(pos) = quote.find(' ') {
                quote.replace_range(pos..pos + 1, " really ");
            }
            out.replace_range(s..e, &quote);
        } else if i % 10 == 0 {
            out.insert_str(s, "[Updated] ");
        }
    }
    out
}

fn bench_reanchor(c: &mut Criterion) {
    let text = article(100_000);
    let stored = targets(&text, 1000);
    let edited = changed(&text, &stored);
    let anchors = Anchorer::new(&edited).anchor_all(&stored);
    let count = |s: AnchorStatus| anchors.iter().filter(|a| a.status == s).count();
    eprintln!(
        "re-anchoring 1000 on a changed {} KB article: exact {}, moved {}, fuzzy {}, orphaned {}",
        edited.len() / 1000,
        count(AnchorStatus::Exact),
        count(AnchorStatus::Moved),
        count(AnchorStatus::Fuzzy),
        count(AnchorStatus::Orphaned)
    );
    c.bench_function("reanchor/1000_on_changed_100kb", |b| {
        b.iter(|| {
            let anchorer = Anchorer::new(black_box(&edited));
            black_box(anchorer.anchor_all(&stored))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(4)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench_save, bench_load, bench_reanchor
}
criterion_main!(benches);
