//! Throughput of `find_numbers` over a corpus of at least 10 MB built by repeating the
//! sample articles. `cargo bench --bench numbers`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::extract::numbers::find_numbers;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_2500ef5cd031a891.txt"),
    include_str!("../seeds/001_0cda0abccf93c76d.txt"),
    include_str!("../seeds/002_337f31bbd1bd4543.txt"),
    include_str!("../seeds/003_1e8a7f8cf821f1b8.txt"),
    include_str!("../seeds/004_ee5d5f4a442c73fa.txt"),
];

fn corpus() -> String {
    let mut text = String::new();
    while text.len() < 10 * 1024 * 1024 {
        for seed in SEEDS {
            text.push_str(seed);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("numbers");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("find_numbers", |b| {
        b.iter(|| find_numbers(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
