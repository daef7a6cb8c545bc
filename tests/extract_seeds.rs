//! Runs the real binary's `sayso extract --format json seeds` and scores its JSON Lines
//! against the hand-made gold of the five sample articles (`tests/data/seeds.gold.json`, a
//! copy of `../shared/eval/seeds.gold.json`), with the rules of `../shared/eval/score.py`
//! ported in `common/score/`. Fails when a figure drops below the bars of issue 2.
//!
//! `cargo test --test extract_seeds -- --nocapture` prints the figures, as score.py does,
//! and every miss and false alarm.

#[path = "common/score/mod.rs"]
mod score;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// (figure, its value, the bar it must reach)
fn bars(r: &score::Report) -> [(&'static str, f64, f64); 5] {
    [
        ("speakers F1", r.speakers.f1, 0.95),
        ("claims F1", r.claims.f1, 0.90),
        ("claims+speaker F1", r.claims_attributed.f1, 0.85),
        ("numbers F1", r.numbers.f1, 0.95),
        ("number value accuracy", r.number_value_acc, 0.95),
    ]
}

#[test]
fn extract_on_the_seeds_reaches_the_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["extract", "--format", "json", "seeds"])
        .current_dir(root)
        .output()
        .expect("the sayso binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "sayso extract failed: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("the output is UTF-8");
    let preds: Vec<Value> = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect();
    assert_eq!(preds.len(), 5, "one line per sample article");

    let gold_text = std::fs::read_to_string(root.join("tests/data/seeds.gold.json"))
        .expect("tests/data/seeds.gold.json is readable");
    let gold: Value = serde_json::from_str(&gold_text).expect("the seeds gold is JSON");
    let gold = gold
        .as_object()
        .expect("the gold maps file names to articles");
    let report = score::score(gold, &preds);

    for note in &report.notes {
        println!("{note}");
    }
    print!("{report}");
    assert_eq!(report.missing_articles, 0, "an article has no output");
    let failed: Vec<String> = bars(&report)
        .iter()
        .filter(|(_, value, bar)| value < bar)
        .map(|(what, value, bar)| format!("{what} {value:.3} < {bar}"))
        .collect();
    assert!(failed.is_empty(), "below the bars: {}", failed.join(", "));
}
