//! Save → load → export round trips for every format.

use super::*;
use crate::annotate::model::{Target, Timestamp};
use crate::extract::Span;
use crate::text::offsets::CodePoints;

const TEXT: &str = "Intro — “Prices will fall, \"soon\", and\nfor good,” the minister said. \
    # Not a heading. Analysts doubted it.";

struct Fixture {
    _dir: tempfile::TempDir,
    storage: Storage,
    article: PathBuf,
    ids: Vec<String>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("prices.txt");
    std::fs::write(&article, TEXT).expect("write article");
    let storage = Storage::in_data_dir(&dir.path().join("data"));
    let mut lib = Library::load(storage.clone(), &[]);
    let file = lib
        .open_article("abcdef0123456789", &article, "Prices, “soon”")
        .expect("open");
    let mut ids = Vec::new();
    // A claim with its speaker, a passage that is no claim, an unattributed claim.
    for (quote, tags, note, speaker, class) in [
        (
            "Prices will fall, \"soon\", and\nfor good,",
            vec!["claim", "economy"],
            "Tricky, isn't it? \"Quoted\", with commas,\nand a second line.",
            Some("the minister"),
            Some("speech"),
        ),
        ("# Not a heading.", vec!["other"], "", None, None),
        (
            "Analysts doubted it.",
            vec![],
            "plain",
            None,
            Some("belief"),
        ),
    ] {
        let start = TEXT.find(quote).expect("quote in text");
        let target = Target::from_span(
            TEXT,
            &CodePoints::new(TEXT),
            Span::new(start, start + quote.len()),
        )
        .expect("valid span");
        let mut a = Annotation::new(target, Timestamp::now());
        a.tags = tags.into_iter().map(str::to_owned).collect();
        a.note = note.to_owned();
        a.speaker = speaker.map(str::to_owned);
        a.class = class.map(str::to_owned);
        ids.push(a.id.to_string());
        lib.add(file, a).expect("add");
    }
    Fixture {
        _dir: dir,
        storage,
        article,
        ids,
    }
}

fn export(f: &Fixture, format: ExportFormat, filter: &ExportFilter) -> ExportOutput {
    export_library(&f.storage, &[], format, filter).expect("export")
}

#[test]
fn json_round_trip() {
    let f = fixture();
    let out = export(&f, ExportFormat::Json, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&out.text).expect("valid JSON");
    let article = &v["articles"][0];
    assert_eq!(article["title"], "Prices, “soon”");
    assert_eq!(article["path"], f.article.to_string_lossy().as_ref());
    let items = article["annotations"].as_array().expect("array");
    let ids: Vec<&str> = items.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, f.ids);
    let first = &items[0];
    assert_eq!(first["quote"], "Prices will fall, \"soon\", and\nfor good,");
    assert_eq!(first["speaker"], "the minister");
    assert_eq!(first["class"], "speech");
    assert_eq!(items[1]["class"], serde_json::Value::Null, "not a claim");
    assert_eq!(items[2]["speaker"], serde_json::Value::Null);
    assert_eq!(items[2]["class"], "belief", "a claim nobody is named for");
    assert_eq!(first["tags"], serde_json::json!(["claim", "economy"]));
    assert_eq!(first["status"], "exact");
    // Code points: "Intro — “" is 9 characters (12 bytes).
    assert_eq!(first["start"], 9);
    assert!(
        first["note"]
            .as_str()
            .is_some_and(|n| n.ends_with("second line."))
    );
}

#[test]
fn csv_round_trip_with_commas_quotes_and_newlines() {
    let f = fixture();
    let out = export(&f, ExportFormat::Csv, &ExportFilter::default());
    assert!(
        out.text
            .contains("\"Prices will fall, \"\"soon\"\", and\nfor good,\""),
        "RFC 4180 quoting"
    );
    let mut reader = ::csv::Reader::from_reader(out.text.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), csv::COLUMNS);
    let rows: Vec<::csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    assert_eq!(rows.len(), 3);
    let col = |name: &str| headers.iter().position(|h| h == name).expect("column");
    let row = &rows[0];
    assert_eq!(&row[col("id")], f.ids[0]);
    assert_eq!(
        &row[col("quote")],
        "Prices will fall, \"soon\", and\nfor good,"
    );
    assert_eq!(
        &row[col("note")],
        "Tricky, isn't it? \"Quoted\", with commas,\nand a second line."
    );
    assert_eq!(&row[col("tags")], "claim;economy");
    assert_eq!(&row[col("speaker")], "the minister");
    assert_eq!(
        col("class"),
        col("speaker") + 1,
        "the class is beside the speaker"
    );
    let classes: Vec<&str> = rows.iter().map(|r| &r[col("class")]).collect();
    assert_eq!(classes, ["speech", "", "belief"]);
    assert_eq!(&row[col("article_title")], "Prices, “soon”");
    assert_eq!(&row[col("status")], "exact");
    assert_eq!(&row[col("start")], "9");
}

#[test]
fn w3c_round_trip() {
    let f = fixture();
    let out = export(&f, ExportFormat::W3c, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&out.text).expect("valid JSON-LD");
    assert_eq!(v["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(
        v["@context"][1]["sayso"], "urn:sayso:ns:",
        "the sayso: prefix is defined"
    );
    assert_eq!(v["type"], "AnnotationCollection");
    let id = v["id"].as_str().expect("the collection has an id");
    assert!(id.starts_with("urn:sayso:export:"), "{id}");
    assert_eq!(v["first"]["type"], "AnnotationPage");
    assert_eq!(v["first"]["partOf"], id);
    assert!(
        v["first"]["id"].as_str().is_some_and(|p| p.starts_with(id)),
        "page id"
    );
    // Every key is a term of the W3C context or carries the defined `sayso:` prefix.
    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    out.push(k.clone());
                    keys(v, out);
                }
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&v["first"]["items"], &mut all);
    const TERMS: [&str; 16] = [
        "id", "type", "created", "modified", "body", "target", "source", "selector", "exact",
        "prefix", "suffix", "start", "end", "purpose", "value", "format",
    ];
    for k in &all {
        assert!(
            TERMS.contains(&k.as_str()) || k.starts_with("sayso:"),
            "undefined key {k}"
        );
    }
    let again = export(&f, ExportFormat::W3c, &ExportFilter::default());
    assert_eq!(again.text, out.text, "same export, same ids");
    assert_eq!(v["total"], 3);
    let items = v["first"]["items"].as_array().expect("items");
    let first = &items[0];
    assert_eq!(first["id"], format!("urn:sayso:annotation:{}", f.ids[0]));
    assert_eq!(first["type"], "Annotation");
    let selectors = first["target"]["selector"].as_array().expect("selectors");
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(
        selectors[0]["exact"],
        "Prices will fall, \"soon\", and\nfor good,"
    );
    assert!(
        selectors[0]["prefix"]
            .as_str()
            .is_some_and(|p| p.ends_with("Intro — “"))
    );
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    assert_eq!(selectors[1]["start"], 9);
    let bodies = first["body"].as_array().expect("bodies");
    let purposes: Vec<&str> = bodies
        .iter()
        .filter_map(|b| b["purpose"].as_str())
        .collect();
    assert_eq!(
        purposes,
        ["commenting", "tagging", "tagging", "classifying"]
    );
    assert!(bodies.iter().all(|b| b["type"] == "TextualBody"));
    assert_eq!(bodies[3]["value"], "speech");
    assert_eq!(first["sayso:speaker"], "the minister");
    let classifying = |item: &serde_json::Value| -> Vec<String> {
        item["body"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| b["purpose"] == "classifying")
            .filter_map(|b| b["value"].as_str().map(str::to_owned))
            .collect()
    };
    assert_eq!(classifying(&items[1]), Vec::<String>::new(), "not a claim");
    assert_eq!(classifying(&items[2]), ["belief"]);
    assert!(
        first["target"]["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("file:///"))
    );
}

#[test]
fn markdown_round_trip() {
    let f = fixture();
    let out = export(&f, ExportFormat::Markdown, &ExportFilter::default());
    let md = out.text;
    assert!(md.contains("\n## Prices, “soon”\n"), "{md}");
    assert!(
        md.contains("> Prices will fall, \"soon\", and\n> for good,\n"),
        "multi-line quote:\n{md}"
    );
    assert!(
        md.contains("— **the minister** · *speech* · #claim #economy · exact · [chars "),
        "{md}"
    );
    assert!(md.contains("\n*belief* · exact · [chars "), "{md}");
    assert!(
        md.contains("\n#other · exact · [chars "),
        "no class: not a claim\n{md}"
    );
    // Each passage links to its position in the file (RFC 5147, code points).
    let first = TEXT.find("Prices will fall").expect("quote");
    let start = TEXT[..first].chars().count();
    let end = start + "Prices will fall, \"soon\", and\nfor good,".chars().count();
    let link = format!("[chars {start}–{end}](file://");
    assert!(md.contains(&link), "{link}\n{md}");
    assert!(
        md.contains(&format!("prices.txt#char={start},{end}) · id `")),
        "{md}"
    );
    assert!(md.contains("> \\# Not a heading."), "escaped:\n{md}");
    for id in &f.ids {
        assert!(md.contains(id.as_str()), "id {id} kept");
    }
    assert!(md.contains("and a second line.\n"));
}

#[test]
fn markdown_notes_keep_their_paragraphs_and_cannot_change_the_structure() {
    assert_eq!(
        super::markdown::note("First line\nsecond line\n\n\nNew paragraph"),
        "First line\\\nsecond line\n\nNew paragraph\n\n"
    );
    assert_eq!(
        super::markdown::note("> not a quote\n# not a heading\n- not a list"),
        "\\> not a quote\\\n\\# not a heading\\\n\\- not a list\n\n"
    );
}

#[test]
fn filters_by_tag_and_article() {
    let f = fixture();
    let by_tag = ExportFilter {
        tags: vec!["#economy".into(), "other".into()],
        ..ExportFilter::default()
    };
    assert_eq!(export(&f, ExportFormat::Json, &by_tag).count, 2);
    let by_article = ExportFilter {
        articles: vec![f.article.to_string_lossy().into_owned()],
        ..ExportFilter::default()
    };
    assert_eq!(export(&f, ExportFormat::Csv, &by_article).count, 3);
    let elsewhere = ExportFilter {
        articles: vec!["no/such/article.txt".into()],
        ..ExportFilter::default()
    };
    assert_eq!(export(&f, ExportFormat::Csv, &elsewhere).count, 0);
}

#[test]
fn changed_and_missing_articles_report_their_status() {
    let f = fixture();
    std::fs::write(&f.article, format!("New lead paragraph. {TEXT}")).expect("edit");
    let out = export(&f, ExportFormat::Json, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&out.text).expect("JSON");
    assert_eq!(v["articles"][0]["annotations"][0]["status"], "moved");
    assert_eq!(v["articles"][0]["annotations"][0]["start"], 29);
    std::fs::remove_file(&f.article).expect("remove");
    let out = export(&f, ExportFormat::Json, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&out.text).expect("JSON");
    assert_eq!(v["articles"][0]["annotations"][0]["status"], "unchecked");
}

#[test]
fn exports_agree_with_the_text_after_an_edit() {
    let f = fixture();
    // One word changed inside the third passage (a fuzzy placement), the second passage
    // gone (an orphan), the first moved by a new lead.
    let edited = format!("New lead paragraph. {TEXT}")
        .replace("# Not a heading. ", "")
        .replace("Analysts doubted it.", "Analysts disputed it.");
    std::fs::write(&f.article, &edited).expect("edit");
    let out = export(&f, ExportFormat::Json, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&out.text).expect("JSON");
    let items = v["articles"][0]["annotations"].as_array().expect("items");
    let by_status = |status: &str| {
        items
            .iter()
            .find(|i| i["status"] == status)
            .unwrap_or_else(|| panic!("a {status} item in {items:?}"))
    };
    let chars: Vec<char> = edited.chars().collect();
    let at = |item: &serde_json::Value| -> String {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    // The position selects exactly the quote exported with it.
    let fuzzy = by_status("fuzzy");
    assert_eq!(fuzzy["quote"], "Analysts disputed it.");
    assert_eq!(at(fuzzy), "Analysts disputed it.");
    assert_eq!(
        fuzzy["original"]["quote"], "Analysts doubted it.",
        "the old anchor kept"
    );
    let moved = by_status("moved");
    assert_eq!(at(moved), moved["quote"].as_str().unwrap());
    let orphan = by_status("orphaned");
    assert_eq!(orphan["quote"], "# Not a heading.", "its stored quote");
    assert!(
        orphan["start"].is_null() && orphan["end"].is_null(),
        "no position"
    );

    let w3c = export(&f, ExportFormat::W3c, &ExportFilter::default());
    let v: serde_json::Value = serde_json::from_str(&w3c.text).expect("JSON-LD");
    for item in v["first"]["items"].as_array().expect("items") {
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        let exact = selectors[0]["exact"].as_str().expect("quote");
        match item["sayso:status"].as_str() {
            Some("orphaned") => assert_eq!(selectors.len(), 1, "quote only: {item}"),
            _ => {
                let (s, e) = (
                    selectors[1]["start"].as_u64().unwrap() as usize,
                    selectors[1]["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(chars[s..e].iter().collect::<String>(), exact, "{item}");
            }
        }
    }
    let csv = export(&f, ExportFormat::Csv, &ExportFilter::default()).text;
    assert!(csv.contains("Analysts disputed it."), "{csv}");
    assert!(
        csv.contains(",,\"# Not a heading.\"") || csv.contains(",,# Not a heading."),
        "{csv}"
    );
}

#[test]
fn format_names() {
    for format in ExportFormat::ALL {
        assert_eq!(format.as_str().parse::<ExportFormat>().ok(), Some(format));
    }
    assert!("pdf".parse::<ExportFormat>().is_err());
}

#[test]
fn markdown_names_the_articles_date_and_outlet_and_full_title() {
    let dir = tempfile::tempdir().expect("temp dir");
    let title = "A very long title that goes on and on about the budget and the bridge and more";
    let text =
        format!("{title}\n\nMarch 1, 2025\n\nThe mayor said taxes would not rise.\n\nNews.Az\n");
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &text).expect("write");
    let article = crate::article::Article::from_text(&path, text.clone());
    let mut library = Library::load(Storage::in_data_dir(dir.path()), &[]);
    let file = library
        .open_article(&article.id, &path, &article.title)
        .expect("open");
    let start = text.find("taxes").expect("quote");
    let target = Target::from_span(&text, &CodePoints::new(&text), Span::new(start, start + 5))
        .expect("target");
    library
        .add(file, Annotation::new(target, Timestamp::now()))
        .expect("add");
    let out = export_library(
        &Storage::in_data_dir(dir.path()),
        &[],
        ExportFormat::Markdown,
        &ExportFilter::default(),
    )
    .expect("export");
    let md = out.text;
    assert!(md.contains(&format!("\n## {title}\n")), "full title:\n{md}");
    let date = article.date.clone().unwrap_or_default();
    let source = article.source.clone().unwrap_or_default();
    assert!(!date.is_empty() && !source.is_empty(), "{article:?}");
    assert!(md.contains(&format!(" · {date} · {source}\n")), "{md}");
}
