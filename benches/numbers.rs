//! Throughput of `find_numbers` over a corpus of at least 10 MB built by repeating the
//! sample articles. `cargo bench --bench numbers`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sayso::extract::numbers::find_numbers;

mod common;
use common::samples_end_to_end;

fn bench(c: &mut Criterion) {
    let text = samples_end_to_end(10 * 1024 * 1024);
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
