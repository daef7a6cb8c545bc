//! `sayso claims`: the ledger of the samples and of a folder, every format, the filters,
//! the same output for any number of jobs, and the exit status on bad input.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_sayso");

fn claims(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("claims")
        .args(args)
        .env("SAYSO_CONFIG", "/nonexistent/sayso-claims-test.toml")
        // No corrections from whoever runs the tests.
        .env("SAYSO_DATA_DIR", "/nonexistent/sayso-claims-test-data")
        .output()
        .expect("sayso runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

fn seeds() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn wang_yi_s_claims_from_both_sample_articles_as_rfc_4180_csv() {
    let out = claims(&["--speaker", "Wang Yi", "--format", "csv", &seeds()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let want = [
        "speaker",
        "role",
        "text",
        "cue",
        "kind",
        "class",
        "path",
        "title",
        "date",
        "outlet",
        "start",
        "end",
        "article_id",
    ];
    assert_eq!(headers.iter().collect::<Vec<_>>(), want);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(records.len() >= 4, "{records:?}");
    let mut articles: Vec<&str> = records.iter().map(|r| &r[6]).collect();
    articles.dedup();
    assert_eq!(
        articles.len(),
        2,
        "both articles that quote him: {articles:?}"
    );
    assert!(
        articles
            .iter()
            .any(|p| p.ends_with("002_337f31bbd1bd4543.txt"))
    );
    assert!(
        articles
            .iter()
            .any(|p| p.ends_with("003_1e8a7f8cf821f1b8.txt"))
    );
    for r in &records {
        assert_eq!(&r[0], "Wang Yi");
        assert!(["direct", "indirect", "mixed", "headline"].contains(&&r[4]));
        // The offsets are code points into the article's text and slice the claim.
        let text = std::fs::read_to_string(&r[6]).unwrap();
        let (start, end): (usize, usize) = (r[10].parse().unwrap(), r[11].parse().unwrap());
        let sliced: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(sliced, &r[2]);
    }
}

#[test]
fn every_format_lists_the_same_claims_and_jobs_do_not_change_the_bytes() {
    let json = claims(&["--format", "json", &seeds()]);
    let csv_out = claims(&["--format", "csv", &seeds()]);
    let md = claims(&[&seeds()]);
    let n = stdout(&json).lines().count();
    assert!(n > 20, "{n} claims in the samples");
    for line in stdout(&json).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["kind"].is_string() && v["start"].is_u64(), "{v}");
    }
    let records = csv::Reader::from_reader(csv_out.stdout.as_slice())
        .records()
        .count();
    assert_eq!(records, n);
    assert!(stdout(&md).starts_with("| Date | Outlet | Speaker |"));
    assert_eq!(stdout(&md).lines().count(), n + 2);
    let one = claims(&["--format", "json", "-j", "1", &seeds()]);
    let two = claims(&["--format", "json", "-j", "2", &seeds()]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn filters_by_class_kind_and_outlet_combine() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wire_2024-05-01_vote.txt"),
        "Council vote\n\n“We will build it,” Jane Doe said. The mayor believes the plan is \
         sound. A report found that costs rose.\n",
    )
    .unwrap();
    let all = claims(&["--format", "json", dir.path().to_str().unwrap()]);
    let total = stdout(&all).lines().count();
    assert!(total >= 2, "{}", stdout(&all));
    let direct = claims(&[
        "--format",
        "json",
        "--kind",
        "direct",
        dir.path().to_str().unwrap(),
    ]);
    let direct = stdout(&direct);
    assert!(
        direct.lines().count() >= 1 && direct.lines().count() < total,
        "{direct}"
    );
    assert!(direct.lines().all(|l| l.contains("\"kind\":\"direct\"")));
    let other = claims(&["--source", "nobody", dir.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&other.stderr).contains("no claims matched"));
    let bad = claims(&["--class", "gossip", dir.path().to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown class `gossip`"));
}

#[test]
fn a_missing_path_is_named_and_the_rest_is_listed() {
    let out = claims(&["--format", "json", "/nonexistent/sayso-claims", &seeds()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/sayso-claims"));
    assert!(stdout(&out).lines().count() > 20);
}

/// An article on disk, and a data dir whose annotations correct it: Jane Doe renamed,
/// one of her claims given to John Roe, one passage marked as no claim.
fn corrected_library() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    use sayso::annotate::corrections::Correction;
    use sayso::annotate::{Annotation, Library, Storage, Timestamp};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("bridge.txt");
    let text = "Bridge plan\n\n\"We will build it,\" said Jane Doe. Doe added that it would \
                cost $5 million. John Roe said the plan was too expensive.\n";
    std::fs::write(&article, text).unwrap();
    let data = dir.path().join("data");
    let a = sayso::article::read_file(&article).unwrap();
    let mut library = Library::load(Storage::in_data_dir(&data), &[]);
    let file = library
        .open_article(&a.id, &article, &a.title)
        .expect("a file");
    let mut at = |quote: &str, speaker: &str, millis: i128, fix: Correction| {
        let start = text.find(quote).expect("in the text");
        let span = sayso::extract::Span::new(start, start + quote.len());
        let mut n = Annotation::on_passage(text, span, None, Timestamp::from_unix_millis(millis))
            .expect("an annotation");
        n.speaker = Some(speaker.into());
        n.correction = Some(fix);
        library.add(file, n).expect("saved");
    };
    at(
        "Jane Doe",
        "Jane Doe",
        1,
        Correction {
            rename: Some("Jane Q. Doe".into()),
            ..Correction::default()
        },
    );
    at(
        "it would cost $5 million",
        "Jane Doe",
        2,
        Correction {
            speaker: Some("John Roe".into()),
            ..Correction::default()
        },
    );
    at(
        "the plan was too expensive",
        "John Roe",
        3,
        Correction {
            not_a_claim: true,
            ..Correction::default()
        },
    );
    (dir, article, data)
}

fn ledger(article: &std::path::Path, data: &std::path::Path) -> Vec<(String, String)> {
    let out = Command::new(BIN)
        .args([
            "claims",
            "--data-dir",
            &data.to_string_lossy(),
            "--format",
            "csv",
        ])
        .arg(article)
        .env("SAYSO_CONFIG", "/nonexistent/sayso-claims-test.toml")
        .output()
        .expect("sayso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(Result::unwrap)
        .map(|r| (r[0].to_owned(), r[2].to_owned()))
        .collect()
}

#[test]
fn the_readers_speaker_corrections_apply_to_the_ledger() {
    let (_dir, article, data) = corrected_library();
    let rows = ledger(&article, &data);
    assert!(
        rows.contains(&("Jane Q. Doe".to_owned(), "We will build it,".to_owned())),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|(s, t)| s == "John Roe" && t.ends_with("it would cost $5 million")),
        "{rows:?}"
    );
    assert!(
        !rows.iter().any(|(_, t)| t.contains("too expensive")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|(s, _)| s == "Jane Doe"), "{rows:?}");
}

#[test]
fn speaker_corrections_survive_an_edit_of_the_article() {
    let (_dir, article, data) = corrected_library();
    let text = std::fs::read_to_string(&article).unwrap();
    // A new first paragraph: every offset moves, the article id changes.
    std::fs::write(
        &article,
        text.replace("\n\n", "\n\nUpdated on Tuesday.\n\n"),
    )
    .unwrap();
    let rows = ledger(&article, &data);
    assert!(
        rows.iter()
            .any(|(s, t)| s == "John Roe" && t.ends_with("it would cost $5 million")),
        "{rows:?}"
    );
    assert!(rows.iter().any(|(s, _)| s == "Jane Q. Doe"), "{rows:?}");
    assert!(
        !rows.iter().any(|(_, t)| t.contains("too expensive")),
        "{rows:?}"
    );
}
