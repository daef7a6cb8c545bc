//! Scraper debris stays out of extraction, through the real binary: on the samples, no
//! claim, speaker mention or non-date figure falls inside a debris line (the toolbar's
//! `16 px` is not a figure, its date still is); on an article written for this test, a
//! share line's handle is not a speaker and a breadcrumb's words are no claim.

use std::io::Write;
use std::process::{Command, Stdio};

use sayso::article::clean::{debris, is_in};
use serde_json::Value;

/// Byte offset of code point `ch` of `text`.
fn byte(text: &str, ch: u64) -> usize {
    text.char_indices()
        .nth(usize::try_from(ch).unwrap())
        .map_or(text.len(), |(b, _)| b)
}

fn extract(args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sayso runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every (start, end) in code points of the claims, sources, mentions and numbers (with
/// their kind) of one article's output.
fn spans(article: &Value) -> Vec<(&'static str, u64, u64, String)> {
    let mut out = Vec::new();
    let pair = |v: &Value| {
        (
            v["start"].as_u64().unwrap_or(0),
            v["end"].as_u64().unwrap_or(0),
        )
    };
    for c in article["claims"].as_array().into_iter().flatten() {
        let (s, e) = pair(c);
        out.push(("claim", s, e, String::new()));
    }
    for sp in article["speakers"].as_array().into_iter().flatten() {
        for m in sp["mentions"].as_array().into_iter().flatten() {
            let (s, e) = pair(m);
            out.push(("mention", s, e, String::new()));
        }
    }
    for n in article["numbers"].as_array().into_iter().flatten() {
        let (s, e) = pair(n);
        let kind = n["kind"].as_str().unwrap_or("").to_string();
        out.push(("number", s, e, kind));
    }
    out
}

fn assert_clear_of_debris(text: &str, article: &Value) {
    let debris = debris(text);
    for (what, s, e, kind) in spans(article) {
        let (s, e) = (byte(text, s), byte(text, e));
        let inside = is_in(&debris, s) || (e > s && is_in(&debris, e - 1));
        assert!(
            !inside || (what == "number" && kind == "date"),
            "{what} {:?} lies in debris",
            text.get(s..e)
        );
    }
}

#[test]
fn nothing_is_extracted_from_debris_on_the_samples() {
    let out = extract(&["extract", "--format", "json", "seeds"], None);
    assert_eq!(out.len(), 5);
    for article in &out {
        let path = article["path"].as_str().unwrap();
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .unwrap();
        assert_clear_of_debris(&text, article);
    }
    let first = &out[0];
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(first["path"].as_str().unwrap()),
    )
    .unwrap();
    let figures: Vec<&str> = first["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let (s, e) = (n["start"].as_u64().unwrap(), n["end"].as_u64().unwrap());
            &text[byte(&text, s)..byte(&text, e)]
        })
        .collect();
    assert!(!figures.iter().any(|f| f.contains("px")), "{figures:?}");
    assert!(
        figures.contains(&"2025-02-07"),
        "the toolbar's date stays: {figures:?}"
    );
}

#[test]
fn share_lines_and_breadcrumbs_give_no_speaker_or_claim() {
    let text = "News > Local > Transport\nBridge plans unveiled\n\n\"We will build it,\" said \
                Jane Doe on Monday.\n\nFollow Sam Ortiz on Twitter @sam_ortiz_news.\n\nShare \
                Tweet Email 12 Comments\n";
    let out = extract(&["extract", "--format", "json", "-"], Some(text));
    let article = &out[0];
    assert_clear_of_debris(text, article);
    let names: Vec<&str> = article["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["Jane Doe"]);
    let numbers = article["numbers"].as_array().unwrap();
    assert!(
        numbers.is_empty(),
        "no `12` from the share bar: {numbers:?}"
    );
}

/// Issue 9: a Markdown article is read as rendered (a link as its text), with every offset
/// in the file's own text.
#[test]
fn a_markdown_link_names_the_speaker_and_offsets_slice_the_file() {
    let dir = std::env::temp_dir().join(format!("sayso-md-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("council.md");
    let text = "---\ntitle: Bridge vote\ndate: 2021-04-05\n---\n# Bridge vote\n\n\
                [Mayor Ann Lee](https://example.org/lee) said the **bridge** will open in May.\n\n\
                > \"We are ready,\" said [Bo Kim](https://example.org/kim).\n";
    std::fs::write(&file, text).unwrap();
    let out = extract(
        &["extract", "--format", "json", file.to_str().unwrap()],
        None,
    );
    let article = &out[0];
    let names: Vec<&str> = article["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Ann Lee") || names.contains(&"Mayor Ann Lee"),
        "{names:?}"
    );
    assert!(names.contains(&"Bo Kim"), "{names:?}");
    for claim in article["claims"].as_array().unwrap() {
        let (s, e) = (
            claim["start"].as_u64().unwrap(),
            claim["end"].as_u64().unwrap(),
        );
        let quoted = &text[byte(text, s)..byte(text, e)];
        assert!(
            quoted.contains("bridge") || quoted.contains("We are ready"),
            "offsets slice the file's own text: {quoted:?}"
        );
    }
    assert_eq!(article["title"].as_str(), Some("Bridge vote"));
    assert_eq!(article["date"].as_str(), Some("2021-04-05"));
    let _ = std::fs::remove_dir_all(&dir);
}
