//! `sayso extract` as a streaming filter: the output is the same bytes for any number of
//! worker threads, in input order, and the same as serializing each article loaded and
//! extracted on its own; unreadable paths are reported in their place and make the exit
//! status non-zero without stopping the run.

use std::path::Path;
use std::process::Command;

use sayso::article::{Article, load_paths};
use sayso::extract::extract_article;
use sayso::output::ArticleJson;

const SEEDS: [&str; 5] = [
    include_str!("../seeds/000_2500ef5cd031a891.txt"),
    include_str!("../seeds/001_0cda0abccf93c76d.txt"),
    include_str!("../seeds/002_337f31bbd1bd4543.txt"),
    include_str!("../seeds/003_1e8a7f8cf821f1b8.txt"),
    include_str!("../seeds/004_ee5d5f4a442c73fa.txt"),
];

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sayso"))
        .arg("extract")
        .args(args)
        .output()
        .expect("sayso runs")
}

/// A corpus of `n` articles made from the samples, each a little different, in nested
/// folders, so the walk order and the reorder buffer both matter.
fn corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("d{}", i % 7));
        std::fs::create_dir_all(&sub).unwrap();
        let seed = SEEDS[i % SEEDS.len()];
        // Long and short articles alternate, so workers finish out of order.
        let text = if i % 3 == 0 {
            format!("Item {i}. {}", seed.repeat(3))
        } else {
            format!("Item {i}. {}", &seed[..seed.len().min(600)])
        };
        std::fs::write(sub.join(format!("a{i:04}.txt")), text).unwrap();
    }
}

#[test]
fn the_output_is_the_same_for_any_number_of_jobs_and_in_input_order() {
    let dir = std::env::temp_dir().join(format!("sayso-streaming-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    corpus(&dir, 120);
    let d = dir.to_str().unwrap();
    let one = extract(&["--format", "json", "--jobs", "1", d]);
    let two = extract(&["--format", "json", "--jobs", "2", d]);
    let eight = extract(&["--format", "json", "-j", "8", d]);
    assert!(one.status.success() && two.status.success() && eight.status.success());
    assert_eq!(one.stdout, two.stdout, "--jobs 1 and --jobs 2 differ");
    assert_eq!(one.stdout, eight.stdout, "--jobs 1 and -j 8 differ");
    // The same bytes as loading everything first and serializing each article.
    let library = load_paths(&[&dir]);
    assert_eq!(library.articles.len(), 120);
    let mut expected = Vec::new();
    for a in &library.articles {
        let ex = extract_article(a);
        serde_json::to_writer(&mut expected, &ArticleJson::new(a, &ex)).unwrap();
        expected.push(b'\n');
    }
    assert_eq!(
        String::from_utf8_lossy(&one.stdout),
        String::from_utf8_lossy(&expected)
    );
    let text = extract(&["--format", "text", "--jobs", "2", d]);
    let text1 = extract(&["--format", "text", "--jobs", "1", d]);
    assert_eq!(text.stdout, text1.stdout);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_path_is_reported_in_place_and_the_rest_still_runs() {
    let dir = std::env::temp_dir().join(format!("sayso-streaming-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, SEEDS[0]).unwrap();
    let missing = dir.join("missing.txt");
    let out = extract(&[
        "--format",
        "json",
        "--jobs",
        "2",
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
    // The good file, named twice, is one article.
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(lines, 1);
    let article = Article::from_text(&good, SEEDS[0].to_string());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&article.id));
    // `--jobs 0` is refused with a message.
    let zero = extract(&["--jobs", "0", good.to_str().unwrap()]);
    assert!(!zero.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}
