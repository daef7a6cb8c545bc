//! One annotation file's load/edit/save cycle.

use super::*;
use crate::extract::Span;
use crate::text::offsets::CodePoints;

const TEXT: &str =
    "Officials said the bridge would reopen in May. \"It is safe,\" the engineer said.";

fn meta() -> ArticleMeta {
    ArticleMeta {
        id: "0011223344556677".to_owned(),
        path: "news/bridge.txt".to_owned(),
        title: "Bridge".to_owned(),
        extra: toml::Table::new(),
    }
}

fn annotation(quote: &str, note: &str) -> Annotation {
    let start = TEXT.find(quote).expect("quote in text");
    let target = Target::from_span(
        TEXT,
        &CodePoints::new(TEXT),
        Span::new(start, start + quote.len()),
    )
    .expect("valid span");
    let mut a = Annotation::new(target, crate::annotate::model::Timestamp::now());
    a.note = note.to_owned();
    a.tags = vec!["infrastructure".to_owned()];
    a
}

#[test]
fn save_then_open_round_trips() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sub").join("a.toml");
    let mut file = AnnotationFile::open(&path, meta()).expect("open");
    assert!(!file.is_dirty());
    file.upsert(annotation(
        "the bridge would reopen",
        "Check with\nthe city.",
    ))
    .expect("add");
    assert!(file.is_dirty());
    file.save().expect("save");
    assert!(!file.is_dirty());
    let again = AnnotationFile::open(&path, ArticleMeta::default()).expect("reopen");
    assert_eq!(again.annotations(), file.annotations());
    assert_eq!(again.article(), &meta());
    let text = fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("note = \"\"\"\nCheck with\nthe city.\"\"\""),
        "{text}"
    );
}

#[test]
fn unknown_keys_survive_a_rewrite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let mut file = AnnotationFile::open(&path, meta()).expect("open");
    file.upsert(annotation("It is safe", "")).expect("add");
    file.save().expect("save");
    let hand_edited = fs::read_to_string(&path)
        .expect("read")
        .replace(
            "[article]\n",
            "reviewer = \"kim\"\n\n[article]\nsource = \"wire\"\n",
        )
        .replace(
            "[annotation.target]\n",
            "colour = \"red\"\n[annotation.target]\nselector_note = 1\n",
        );
    fs::write(&path, &hand_edited).expect("write");
    let mut file = AnnotationFile::open(&path, meta()).expect("reopen");
    file.upsert(annotation("Officials said", "second"))
        .expect("add");
    file.save().expect("save");
    let text = fs::read_to_string(&path).expect("read");
    for kept in [
        "reviewer = \"kim\"",
        "source = \"wire\"",
        "colour = \"red\"",
        "selector_note = 1",
    ] {
        assert!(text.contains(kept), "{kept} lost:\n{text}");
    }
}

#[test]
fn a_hand_written_file_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    fs::write(
        &path,
        "[article]\nid = \"x\"\n\n[[annotation]]\nid = \"mine-1\"\ncreated = \"2025-01-02T03:04:05Z\"\n\
         updated = \"2025-01-02T03:04:05+02:00\"\ntags = ['a', 'b']\nnote = '''\nraw \\ text'''\n\
         target = { start = 0, end = 9, exact = \"Officials\" }\n",
    )
    .expect("write");
    let file = AnnotationFile::open(&path, meta()).expect("open");
    let [a] = file.annotations() else {
        panic!("one annotation")
    };
    assert_eq!(a.id.as_str(), "mine-1");
    assert_eq!(a.note, "raw \\ text");
    assert_eq!(a.updated.to_string(), "2025-01-02T01:04:05.000Z");
    let anchors = file.anchors(&Anchorer::new(TEXT));
    assert_eq!(anchors.first().map(|a| a.status), Some(AnchorStatus::Exact));
}

#[test]
fn a_broken_file_is_read_only_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let broken = "[article]\nid = \"x\"\n\n[[annotation]]\nid = \"1\"\nnote = \"unterminated\n";
    fs::write(&path, broken).expect("write");
    let mut file = AnnotationFile::open(&path, meta()).expect("open");
    let problem = file.problem().expect("broken").clone();
    assert_eq!(problem.path, path);
    assert_eq!(problem.line, 6, "{problem}");
    assert!(problem.to_string().contains("a.toml:6:"), "{problem}");
    let refused = file.upsert(annotation("It is safe", ""));
    assert!(
        matches!(refused, Err(StoreError::ReadOnly { .. })),
        "{refused:?}"
    );
    assert!(matches!(file.save(), Err(StoreError::ReadOnly { .. })));
    assert_eq!(
        fs::read(&path).expect("read"),
        broken.as_bytes(),
        "byte for byte"
    );
}

#[test]
fn a_file_broken_by_hand_after_loading_is_not_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let mut file = AnnotationFile::open(&path, meta()).expect("open");
    file.upsert(annotation("It is safe", "")).expect("add");
    file.save().expect("save");
    let broken = fs::read_to_string(&path)
        .expect("read")
        .replace("end = ", "end = = ");
    fs::write(&path, &broken).expect("write");
    file.upsert(annotation("Officials said", ""))
        .expect("add in memory");
    let err = file.save().expect_err("refused");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert!(file.is_read_only());
    assert_eq!(fs::read_to_string(&path).expect("read"), broken);
}

#[test]
fn two_handles_merge_instead_of_overwriting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.toml");
    let mut first = AnnotationFile::open(&path, meta()).expect("open");
    let mut second = AnnotationFile::open(&path, meta()).expect("open");
    let a = annotation("Officials said", "from first");
    let b = annotation("It is safe", "from second");
    first.upsert(a.clone()).expect("add");
    second.upsert(b.clone()).expect("add");
    first.save().expect("save");
    let report = second.save().expect("save");
    assert_eq!(report.added_from_disk, 1);
    assert_eq!(second.annotations().len(), 2);
    first.reload().expect("reload");
    assert_eq!(first.annotations(), second.annotations());
    // A deletion on one side reaches the other.
    first.remove(&a.id).expect("remove");
    first.save().expect("save");
    let report = second.save().expect("save");
    assert_eq!(report.deleted_on_disk, 1);
    assert_eq!(second.annotations().len(), 1);
}

#[test]
fn rebase_moves_stored_targets_to_the_new_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut file = AnnotationFile::open(&dir.path().join("a.toml"), meta()).expect("open");
    file.upsert(annotation("It is safe", "")).expect("add");
    let edited = format!("UPDATED: {TEXT}");
    let anchorer = Anchorer::new(&edited);
    let anchors = file.anchors(&anchorer);
    assert_eq!(anchors.first().map(|a| a.status), Some(AnchorStatus::Moved));
    assert_eq!(file.rebase(&anchorer, &anchors), 1);
    let anchors = file.anchors(&anchorer);
    assert_eq!(anchors.first().map(|a| a.status), Some(AnchorStatus::Exact));
}

#[test]
fn data_dir_resolution_order() {
    let (flag, env, config) = (Path::new("/f"), OsStr::new("/e"), Path::new("/c"));
    assert_eq!(
        resolve_data_dir(Some(flag), Some(env), Some(config)).ok(),
        Some(flag.into())
    );
    assert_eq!(
        resolve_data_dir(None, Some(env), Some(config)).ok(),
        Some("/e".into())
    );
    assert_eq!(
        resolve_data_dir(None, Some(OsStr::new("")), Some(config)).ok(),
        Some("/c".into())
    );
    assert!(resolve_data_dir(None, None, None).is_ok());
    assert_eq!("sidecar".parse(), Ok(StorageMode::Sidecar));
    assert_eq!("data_dir".parse(), Ok(StorageMode::DataDir));
    assert!("cloud".parse::<StorageMode>().is_err());
    assert_eq!(
        Storage::Dir("/d".into()).file_for("../../etc/x", Path::new("a")),
        PathBuf::from("/d/______etc_x.toml")
    );
    assert_eq!(
        Storage::Sidecar.file_for("id", Path::new("a/b.txt")),
        PathBuf::from("a/b.txt.sayso.toml")
    );
}

#[test]
fn a_time_out_of_range_is_a_clear_error_at_its_line_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, bad) in [
        "9999-12-31T23:59:59-01:00",
        "0000-01-01T00:00:00+01:00",
        "2025-13-01T00:00:00Z",
        "2025-02-30T00:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.path().join(format!("t{n}.toml"));
        let text = format!(
            "[article]\nid = \"x\"\n\n[[annotation]]\nid = \"1\"\ncreated = \"2025-01-02T03:04:05Z\"\n\
             updated = \"{bad}\"\ntarget = {{ start = 0, end = 9, exact = \"Officials\" }}\n"
        );
        fs::write(&path, &text).expect("write");
        let file = AnnotationFile::open(&path, meta()).expect("open");
        let problem = file.problem().expect("refused").clone();
        assert_eq!(problem.line, 7, "{bad}: {problem}");
        let shown = problem.to_string();
        assert!(shown.contains(&format!("t{n}.toml:7:")), "{shown}");
        assert!(shown.contains(bad), "{shown}");
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            text,
            "kept as it was"
        );
    }
}
