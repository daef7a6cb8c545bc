//! `sayso provenance` on a generated library where the truth is known: one quote copied
//! into five articles, one copy with a word changed and one given to another speaker.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_sayso");
const QUOTE: &str = "We will never accept a deal that leaves our farmers without a market";

fn provenance(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("provenance")
        .args(args)
        .env("SAYSO_CONFIG", "/nonexistent/sayso-provenance-test.toml")
        .env("SAYSO_DATA_DIR", "/nonexistent/sayso-provenance-test-data")
        .output()
        .expect("sayso runs")
}

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let changed = QUOTE.replace("never", "not");
    let copies = [
        ("wire", "Jane Doe", QUOTE),
        ("post", "Jane Doe", QUOTE),
        ("times", "Jane Doe", changed.as_str()),
        ("herald", "John Roe", QUOTE),
        ("daily", "Jane Doe", QUOTE),
    ];
    for (i, (outlet, speaker, quote)) in copies.iter().enumerate() {
        let text = format!(
            "Trade talks stall\n\n“{quote},” {speaker} said on Tuesday. Talks resume in \
             spring, officials said.\n"
        );
        let name = format!("{outlet}_2019-09-2{}_trade.txt", i + 1);
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn five_copies_make_one_group_and_the_two_odd_ones_are_flagged() {
    let dir = library();
    let out = provenance(&["--format", "json", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let groups: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let claims: Vec<&serde_json::Value> = groups.iter().filter(|g| g["what"] == "claim").collect();
    assert_eq!(claims.len(), 1, "{groups:#?}");
    let group = claims[0];
    assert_eq!(group["articles"], 5);
    let flags: Vec<&str> = group["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        flags.contains(&"different-words") && flags.contains(&"different-speaker"),
        "{flags:?}"
    );
    let members = group["members"].as_array().unwrap();
    assert_eq!(members.len(), 5);
    let flagged: Vec<(&str, Vec<&str>)> = members
        .iter()
        .filter(|m| !m["flags"].as_array().unwrap().is_empty())
        .map(|m| {
            let flags = m["flags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
                .collect();
            (m["outlet"].as_str().unwrap(), flags)
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("times", vec!["different-words", "possible-misquote"]),
            ("herald", vec!["different-speaker"]),
        ]
    );
    // Earliest first, with the date, outlet and speaker of each.
    assert_eq!(members[0]["date"], "2019-09-21");
    assert_eq!(members[0]["speaker"], "Jane Doe");
}

#[test]
fn csv_has_a_row_per_member_and_markdown_a_section_per_group() {
    let dir = library();
    let out = provenance(&["--format", "csv", dir.path().to_str().unwrap()]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "group");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.iter().filter(|r| &r[1] == "claim").count(), 5);
    let md = provenance(&[dir.path().to_str().unwrap()]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.starts_with("## 1. Claim in 5 articles — different-words"),
        "{md}"
    );
    assert!(md.contains("(its own words: *not*)"), "{md}");
    let one = provenance(&["--format", "json", "-j", "1", dir.path().to_str().unwrap()]);
    let two = provenance(&["--format", "json", "-j", "2", dir.path().to_str().unwrap()]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn a_copy_the_reader_gave_back_to_its_speaker_is_no_longer_flagged() {
    use sayso::annotate::corrections::Correction;
    use sayso::annotate::{Annotation, Library, Storage, Timestamp};
    let dir = library();
    let herald = dir.path().join("herald_2019-09-24_trade.txt");
    let a = sayso::article::read_file(&herald).unwrap();
    let data = dir.path().join("data");
    let mut lib = Library::load(Storage::in_data_dir(&data), &[]);
    let file = lib.open_article(&a.id, &herald, &a.title).unwrap();
    let start = a.text.find(QUOTE).unwrap();
    let span = sayso::extract::Span::new(start, start + QUOTE.len());
    let mut fix = Annotation::on_passage(&a.text, span, None, Timestamp::now()).unwrap();
    fix.correction = Some(Correction {
        speaker: Some("Jane Doe".into()),
        ..Correction::default()
    });
    lib.add(file, fix).unwrap();
    let out = Command::new(BIN)
        .args(["provenance", "--format", "json", "--data-dir"])
        .arg(&data)
        .arg(dir.path())
        .env("SAYSO_CONFIG", "/nonexistent/sayso-provenance-test.toml")
        .output()
        .expect("sayso runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let group: serde_json::Value = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|g| g["what"] == "claim")
        .expect("the group");
    let flags = group["flags"].to_string();
    assert!(flags.contains("different-words"), "{flags}");
    assert!(!flags.contains("different-speaker"), "{flags}");
}
