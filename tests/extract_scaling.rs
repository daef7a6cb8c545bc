//! Extraction time is linear in the input on adversarial text: for each input of
//! `benches/common/adversarial.rs`, extracting 4N bytes takes less than 11 times as long as
//! N bytes (linear is 4, quadratic 16). A ratio measured in one run, never a wall-clock
//! constant, so a slow or busy machine does not fail it; the best of several runs keeps
//! scheduler noise out.

use std::time::{Duration, Instant};

use sayso::extract::extract;

#[allow(dead_code)]
mod common {
    pub const SEEDS: [&str; 5] = [
        include_str!("../seeds/000_2500ef5cd031a891.txt"),
        include_str!("../seeds/001_0cda0abccf93c76d.txt"),
        include_str!("../seeds/002_337f31bbd1bd4543.txt"),
        include_str!("../seeds/003_1e8a7f8cf821f1b8.txt"),
        include_str!("../seeds/004_ee5d5f4a442c73fa.txt"),
    ];
    #[path = "../../benches/common/adversarial.rs"]
    pub mod adversarial;
}

/// Size N; 4N is the larger input. Large enough that a quadratic term dominates.
const N: usize = 60 * 1024;
const RUNS: usize = 5;
/// Linear work measures up to 7.5 here on a busy machine (instructions grow at most 3.99×
/// for these inputs under callgrind; the rest is caches, which 4N outgrows), so the bar
/// sits between that and the 16 of a quadratic scan.
const MAX_RATIO: f64 = 11.0;

fn best_of(text: &str) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(extract(std::hint::black_box(text)));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn extraction_scales_linearly_on_adversarial_input() {
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (name, make) in common::adversarial::INPUTS {
        let small = make(N);
        let large = make(4 * N);
        let ratio = best_of(&large).as_secs_f64() / best_of(&small).as_secs_f64().max(1e-9);
        report.push(format!("{name}: 4N/N = {ratio:.1}"));
        if ratio > MAX_RATIO {
            failed.push(*name);
        }
    }
    assert!(
        failed.is_empty(),
        "superlinear on {failed:?}:\n{}",
        report.join("\n")
    );
}
