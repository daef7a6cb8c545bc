//! Web pages read as articles: on pages written to look like news sites (navigation, ads,
//! related links, comments, captions, embedded posts, cookie banners; windows-1252, a
//! byte order mark, gzip), the body's words against a hand-cleaned copy (bag-of-words
//! F1, as body-extraction benchmarks score it) and the page's metadata.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sayso::article::html;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| html::is_html(p))
        .collect();
    pages.sort();
    pages
}

fn stem(page: &Path) -> String {
    let name = page.file_name().unwrap().to_string_lossy().into_owned();
    name.split('.').next().unwrap().to_owned()
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// (precision, recall, F1) of `got`'s words against `want`'s.
fn f1(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (words(got), words(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let p = common as f64 / g.values().sum::<usize>().max(1) as f64;
    let r = common as f64 / w.values().sum::<usize>().max(1) as f64;
    (
        p,
        r,
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
    )
}

#[test]
fn bodies_match_the_hand_cleaned_copies() {
    let pages = fixtures();
    assert!(pages.len() >= 8, "{pages:?}");
    let mut scores = Vec::new();
    for page in &pages {
        let truth = page.with_file_name(format!("{}.body.txt", stem(page)));
        let want = std::fs::read_to_string(&truth).unwrap();
        let a = sayso::article::read_file(page).unwrap();
        let (p, r, f) = f1(&a.text, &want);
        eprintln!("{:<22} P {p:.3} R {r:.3} F1 {f:.3}", stem(page));
        scores.push((stem(page), f));
        assert!(f >= 0.9, "{}: F1 {f:.3}\n{}", stem(page), a.text);
    }
    let mean = scores.iter().map(|s| s.1).sum::<f64>() / scores.len() as f64;
    eprintln!("mean F1 {mean:.3} over {} pages", scores.len());
    assert!(mean >= 0.97, "mean F1 {mean:.3}: {scores:?}");
}

#[test]
fn titles_dates_and_outlets_come_from_the_page() {
    for page in fixtures() {
        let meta = page.with_file_name(format!("{}.meta.json", stem(&page)));
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
        let bytes = std::fs::read(&page).unwrap();
        let got = html::parse(&bytes, None, None);
        let name = stem(&page);
        assert_eq!(got.title.as_deref(), want["title"].as_str(), "{name} title");
        assert_eq!(got.date.as_deref(), want["date"].as_str(), "{name} date");
        if let Some(outlet) = want["outlet"].as_str() {
            assert_eq!(got.outlet.as_deref(), Some(outlet), "{name} outlet");
        }
        if let Some(url) = want["url"].as_str() {
            assert_eq!(got.url.as_deref(), Some(url), "{name} url");
        }
        let article = sayso::article::read_file(&page).unwrap();
        assert_eq!(
            Some(article.title.as_str()),
            want["title"].as_str(),
            "{name}"
        );
    }
}

/// Reading a page is linear in its size, however it nests: 4N takes less than 11 times
/// as long as N (linear 4, quadratic 16), best of 3 runs, measured in one run.
#[test]
fn reading_a_page_is_linear_in_its_size_on_adversarial_markup() {
    use std::time::{Duration, Instant};
    let best = |html: &str| -> Duration {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(html::parse(html.as_bytes(), None, None));
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    type Shape = (&'static str, fn(usize) -> String);
    let shapes: [Shape; 4] = [
        ("nested divs", |n| "<div>".repeat(n) + "<p>a said b.</p>"),
        ("nested inline", |n| "<b>".repeat(n) + "said"),
        ("paragraphs", |n| {
            "<p>“Yes,” said Ann Lee on Monday.</p>".repeat(n / 8)
        }),
        ("unclosed paragraphs", |n| {
            "<p>He said it would rain ".repeat(n / 8)
        }),
    ];
    for (name, make) in shapes {
        let n = 2_000;
        let (small, large) = (best(&make(n)), best(&make(4 * n)));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        eprintln!("{name}: {small:?} → {large:?} ({ratio:.1}×)");
        assert!(ratio < 11.0, "{name}: {small:?} for N, {large:?} for 4N");
    }
}
