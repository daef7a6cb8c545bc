//! Scores `find_numbers` on the five sample articles against their hand-made gold, with
//! the matching rules of `../shared/eval/score.py`: a prediction matches the first unused
//! gold number it overlaps (code point offsets); optional gold is neither rewarded nor
//! penalised; a value is right within 1e-6 relative.
//!
//! `cargo test --test numbers_seeds -- --nocapture` prints every miss and false alarm.

use std::path::Path;

use sayso::extract::numbers::find_numbers;
use sayso::text::offsets::CodePoints;
use serde_json::Value;

#[derive(Debug, Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    values: usize,
    values_right: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn value_accuracy(&self) -> f64 {
        self.values_right as f64 / self.values.max(1) as f64
    }
}

fn score_article(name: &str, text: &str, gold: &[Value], score: &mut Score) {
    let cp = CodePoints::new(text);
    let mut used = vec![false; gold.len()];
    let span = |g: &Value| {
        let n = |k: &str| g.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
        (n("start"), n("end"))
    };
    let optional = |g: &Value| g.get("optional").and_then(Value::as_bool).unwrap_or(false);
    for n in find_numbers(text) {
        let (s, e) = (cp.to_char(n.span.start), cp.to_char(n.span.end));
        let shown = n.span.slice(text);
        let hit = (0..gold.len()).find(|&i| {
            let (gs, ge) = span(&gold[i]);
            !used[i] && s < ge && gs < e
        });
        let Some(i) = hit else {
            score.fp += 1;
            println!(
                "{name}: false alarm {shown:?} [{s},{e}) {:?} {:?}",
                n.kind, n.value
            );
            continue;
        };
        used[i] = true;
        if optional(&gold[i]) {
            continue;
        }
        score.tp += 1;
        if let Some(want) = gold[i].get("value").and_then(Value::as_f64) {
            score.values += 1;
            let ok = n
                .value
                .is_some_and(|v| (v - want).abs() <= 1e-6 * want.abs().max(1.0));
            if ok {
                score.values_right += 1;
            } else {
                println!("{name}: wrong value {shown:?}: {:?}, gold {want}", n.value);
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] && !optional(g) {
            score.fn_ += 1;
            println!("{name}: missed {:?} {:?}", g.get("text"), span(g));
        }
    }
}

#[test]
fn numbers_on_the_seeds_reach_the_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gold_text = std::fs::read_to_string(root.join("tests/data/seeds.gold.json"))
        .expect("tests/data/seeds.gold.json is readable");
    let gold: Value = serde_json::from_str(&gold_text).expect("the seeds gold is JSON");
    let articles = gold
        .as_object()
        .expect("the gold maps file names to articles");
    assert_eq!(articles.len(), 5, "five sample articles");
    let mut score = Score::default();
    for (name, article) in articles {
        let text = std::fs::read_to_string(root.join("seeds").join(name))
            .unwrap_or_else(|e| panic!("seeds/{name}: {e}"));
        let numbers = article
            .get("numbers")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        score_article(name, &text, numbers, &mut score);
    }
    println!(
        "numbers: tp={} fp={} fn={} F1={:.3} value accuracy={:.3}",
        score.tp,
        score.fp,
        score.fn_,
        score.f1(),
        score.value_accuracy()
    );
    assert!(score.f1() >= 0.95, "numbers F1 {:.3} < 0.95", score.f1());
    assert!(
        score.value_accuracy() >= 0.95,
        "number value accuracy {:.3} < 0.95",
        score.value_accuracy()
    );
}
