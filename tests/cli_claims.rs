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
