//! `sayso export`: every format, the `--tag` and `--article` filters, `-o`, where the data
//! dir comes from, sidecar storage, and the exit status and messages on problems.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sayso::annotate::{Annotation, Library, Storage, Timestamp};
use sayso::article::Article;
use sayso::extract::Span;

const BIN: &str = env!("CARGO_BIN_EXE_sayso");

const BUDGET: &str = "City budget approved\n\nThe mayor said taxes would not rise. Critics said the budget hides a deficit of $2 million.\n";
const SUMMIT: &str =
    "Summit ends\n\n\"We agreed on everything,\" the minister said. Observers doubted it.\n";

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
    config: PathBuf,
    budget: PathBuf,
    summit: PathBuf,
}

/// Two articles on disk and their annotations in a data dir: the budget article has a
/// `promise` quote with a note and a `fact-check` quote; the summit article a `promise`.
fn setup(storage_line: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_owned();
    let articles = root.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let budget = articles.join("budget.txt");
    let summit = articles.join("summit.txt");
    std::fs::write(&budget, BUDGET).unwrap();
    std::fs::write(&summit, SUMMIT).unwrap();
    let data = root.join("data");
    let config = root.join("config.toml");
    std::fs::write(
        &config,
        format!("library = [\"articles\"]\n{storage_line}\n"),
    )
    .unwrap();
    let storage = if storage_line.contains("sidecar") {
        Storage::Sidecar
    } else {
        Storage::in_data_dir(&data)
    };
    let mut library = Library::load(storage, &[]);
    let annotate =
        |library: &mut Library, path: &Path, text: &str, quote: &str, tags: &[&str], note: &str| {
            let article = Article::from_text(path, text.to_owned());
            let file = library
                .open_article(&article.id, path, &article.title)
                .unwrap();
            let start = text.find(quote).unwrap();
            let mut a = Annotation::on_passage(
                text,
                Span::new(start, start + quote.len()),
                None,
                Timestamp::now(),
            )
            .unwrap();
            a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
            a.note = note.to_owned();
            library.add(file, a).unwrap();
        };
    annotate(
        &mut library,
        &budget,
        BUDGET,
        "taxes would not rise",
        &["promise"],
        "Same promise as in 2019.",
    );
    annotate(
        &mut library,
        &budget,
        BUDGET,
        "the budget hides a deficit of $2 million",
        &["fact-check"],
        "",
    );
    annotate(
        &mut library,
        &summit,
        SUMMIT,
        "We agreed on everything,",
        &["promise", "summit"],
        "",
    );
    Setup {
        _dir: dir,
        root,
        data,
        config,
        budget,
        summit,
    }
}

/// `sayso export` with `args`, the test's config, and no environment leaking in.
fn export(s: &Setup, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("export")
        .arg("--config")
        .arg(&s.config)
        .args(args)
        .env_remove("SAYSO_DATA_DIR")
        .env_remove("SAYSO_CONFIG")
        .current_dir(&s.root)
        .output()
        .expect("sayso runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Records of a CSV export, without the header (fields may hold line breaks).
fn csv_rows(csv: &str) -> usize {
    csv::Reader::from_reader(csv.as_bytes()).records().count()
}

fn data(s: &Setup) -> &str {
    s.data.to_str().unwrap()
}

#[test]
fn markdown_has_every_article_quote_tag_and_note() {
    let s = setup("");
    let md = stdout(&export(
        &s,
        &["--format", "markdown", "--data-dir", data(&s)],
    ));
    assert!(md.starts_with("# sayso annotations\n"), "{md}");
    assert!(md.contains("## City budget approved"), "{md}");
    assert!(md.contains("## Summit ends"), "{md}");
    assert!(md.contains("> taxes would not rise\n"), "{md}");
    assert!(md.contains("#promise"), "{md}");
    assert!(md.contains("Same promise as in 2019."), "{md}");
    assert!(md.contains("#fact-check"), "{md}");
    assert!(md.contains("exact"), "placed on the article's text: {md}");
}

#[test]
fn json_csv_and_w3c_carry_the_annotations() {
    let s = setup("");
    let json = stdout(&export(&s, &["--format", "json", "--data-dir", data(&s)]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(
        value
            .to_string()
            .matches("\"taxes would not rise\"")
            .count(),
        1
    );
    assert!(json.contains("Same promise as in 2019."));

    let csv = stdout(&export(&s, &["--format", "csv", "--data-dir", data(&s)]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "one row per annotation:\n{csv}");
    assert!(
        csv.contains("\"We agreed on everything,\""),
        "RFC 4180 quoting: {csv}"
    );

    let w3c = stdout(&export(&s, &["--format", "w3c", "--data-dir", data(&s)]));
    let value: serde_json::Value = serde_json::from_str(&w3c).expect("valid JSON-LD");
    assert_eq!(value["type"], "AnnotationCollection");
    assert!(w3c.contains("TextQuoteSelector") && w3c.contains("TextPositionSelector"));
    assert!(w3c.contains("\"tagging\"") && w3c.contains("\"commenting\""));
}

#[test]
fn tags_and_articles_filter() {
    let s = setup("");
    let md = stdout(&export(
        &s,
        &[
            "--format",
            "markdown",
            "--data-dir",
            data(&s),
            "--tag",
            "#summit",
        ],
    ));
    assert!(
        md.contains("We agreed on everything,") && !md.contains("taxes"),
        "{md}"
    );
    let md = stdout(&export(
        &s,
        &[
            "--format",
            "markdown",
            "--data-dir",
            data(&s),
            "--tag",
            "summit",
            "--tag",
            "fact-check",
        ],
    ));
    assert!(md.contains("deficit") && md.contains("agreed") && !md.contains("taxes"));
    let md = stdout(&export(
        &s,
        &[
            "--format",
            "markdown",
            "--data-dir",
            data(&s),
            "--article",
            "articles/budget.txt",
        ],
    ));
    assert!(
        md.contains("taxes") && !md.contains("agreed"),
        "relative path: {md}"
    );
    let out = export(
        &s,
        &[
            "--format",
            "csv",
            "--data-dir",
            data(&s),
            "--tag",
            "nothing",
        ],
    );
    let csv = stdout(&out);
    assert_eq!(csv_rows(&csv), 0, "the header only: {csv}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no annotations matched"));
}

#[test]
fn output_file_and_data_dir_sources() {
    let s = setup("");
    let file = s.root.join("out.jsonld");
    let out = export(
        &s,
        &[
            "--format",
            "w3c",
            "--data-dir",
            data(&s),
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    assert!(String::from_utf8_lossy(&out.stderr).contains("exported 3 annotations to"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("AnnotationCollection")
    );
    // $SAYSO_DATA_DIR, then the config's data_dir.
    let by_env = Command::new(BIN)
        .args(["export", "--format", "csv", "--config"])
        .arg(&s.config)
        .env("SAYSO_DATA_DIR", &s.data)
        .output()
        .unwrap();
    assert_eq!(csv_rows(&stdout(&by_env)), 3);
    std::fs::write(&s.config, "data_dir = \"data\"\n").unwrap();
    assert_eq!(csv_rows(&stdout(&export(&s, &["--format", "csv"]))), 3);
    // --data-dir wins over both.
    let empty = s.root.join("empty");
    let out = export(
        &s,
        &["--format", "csv", "--data-dir", empty.to_str().unwrap()],
    );
    assert_eq!(csv_rows(&stdout(&out)), 0);
}

#[test]
fn sidecar_storage_finds_files_beside_the_articles() {
    let s = setup("storage = \"sidecar\"");
    assert!(s.budget.with_extension("txt.sayso.toml").is_file());
    assert!(s.summit.with_extension("txt.sayso.toml").is_file());
    let md = stdout(&export(&s, &["--format", "markdown"]));
    assert!(
        md.contains("taxes would not rise") && md.contains("agreed"),
        "{md}"
    );
}

#[test]
fn problems_exit_non_zero_with_a_clear_message() {
    let s = setup("");
    let out = export(&s, &["--format", "pdf", "--data-dir", data(&s)]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown export format `pdf`"), "{err}");

    // A file that does not parse: named with line and column; the rest is exported.
    let broken = s.data.join("annotations").join("0000000000000000.toml");
    std::fs::write(&broken, "version = 1\n[article\n").unwrap();
    let out = export(&s, &["--format", "markdown", "--data-dir", data(&s)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:2:", broken.display())), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("taxes would not rise"));
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "version = 1\n[article\n",
        "left as it was"
    );

    let out = export(
        &s,
        &[
            "--format",
            "csv",
            "--data-dir",
            data(&s),
            "-o",
            "/nonexistent-dir/x.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write /nonexistent-dir/x.csv"));

    let out = export(
        &s,
        &[
            "--format",
            "csv",
            "--data-dir",
            data(&s),
            "--article",
            "gone.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt: no such file"));
}

#[test]
fn annotations_on_the_built_in_samples_are_placed_on_their_text() {
    let s = setup("");
    let seed = sayso::article::embedded_seeds().remove(0);
    let mut library = Library::load(Storage::in_data_dir(&s.data), &[]);
    let file = library
        .open_article(&seed.id, &seed.path, &seed.title)
        .unwrap();
    let span = sayso::text::sentences::split(&seed.text)[2];
    let a = Annotation::on_passage(&seed.text, span, None, Timestamp::now()).unwrap();
    library.add(file, a).unwrap();
    // Run from a folder without `seeds/`: the text comes from the binary.
    let csv = stdout(&export(&s, &["--format", "csv", "--data-dir", data(&s)]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let status = headers
        .iter()
        .position(|h| h == "status")
        .expect("status column");
    let path = headers
        .iter()
        .position(|h| h == "article_path")
        .expect("path column");
    let statuses: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[path].to_owned(), r[status].to_owned())
        })
        .collect();
    assert!(
        statuses.contains(&(seed.path.display().to_string(), "exact".to_owned())),
        "{statuses:?}"
    );
}
