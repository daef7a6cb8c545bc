//! Broken user files never panic: 33 kinds of broken annotation file (each loaded by the
//! library, exported in every format, and through the real `sayso export`) and 17 kinds of
//! broken config (parsed, and through the real binary). Each either loads or is refused
//! with a message naming the file and, for TOML errors, line and column.

use std::path::Path;
use std::process::Command;

use sayso::annotate::{ExportFilter, ExportFormat, Library, Storage, export_library};
use sayso::config::Config;

const BIN: &str = env!("CARGO_BIN_EXE_sayso");

const VALID: &str = r#"version = 1

[article]
id = "00aa11bb22cc33dd"
path = "/news/a.txt"
title = "A"

[[annotation]]
id = "01JXQ3M6Z8N5V4T2R1P0K9H8G7"
created = "2025-06-01T12:30:05.123Z"
updated = "2025-06-01T12:31:40.002Z"
tags = ["rhetoric"]
note = "checked"

[annotation.target]
start = 4
end = 9
exact = "mayor"
prefix = "The "
suffix = " said"
"#;

fn replaced(from: &str, to: &str) -> Vec<u8> {
    assert!(VALID.contains(from), "{from}");
    VALID.replacen(from, to, 1).into_bytes()
}

/// The 33 kinds: (what, bytes).
fn broken_annotation_files() -> Vec<(&'static str, Vec<u8>)> {
    let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
    let second = VALID
        .split("[[annotation]]")
        .nth(1)
        .map(|s| format!("[[annotation]]{s}"))
        .unwrap_or_default();
    vec![
        ("empty", Vec::new()),
        ("only a BOM", "\u{feff}".into()),
        (
            "a BOM, then a valid file",
            format!("\u{feff}{VALID}").into_bytes(),
        ),
        ("CRLF line ends", VALID.replace('\n', "\r\n").into_bytes()),
        ("not UTF-8", {
            let mut b = VALID.as_bytes().to_vec();
            b.splice(60..60, [0xff, 0xfe, 0x80]);
            b
        }),
        (
            "NUL bytes",
            VALID.replacen("checked", "che\0cked", 1).into_bytes(),
        ),
        (
            "version of the wrong type",
            replaced("version = 1", "version = \"one\""),
        ),
        ("a future version", replaced("version = 1", "version = 99")),
        ("no [article]", replaced("[article]", "[articles]")),
        (
            "article is a string",
            replaced("[article]\n", "article = \"a\"\n[other]\n"),
        ),
        (
            "article id of the wrong type",
            replaced("id = \"00aa11bb22cc33dd\"", "id = 5"),
        ),
        (
            "annotation is not an array",
            format!("{VALID}\nannotation = \"x\"\n").into_bytes(),
        ),
        (
            "an annotation without id",
            replaced("id = \"01JXQ3M6Z8N5V4T2R1P0K9H8G7\"\n", ""),
        ),
        (
            "duplicate annotation ids",
            format!("{VALID}\n{second}").into_bytes(),
        ),
        (
            "no target",
            replaced("[annotation.target]", "[annotation.elsewhere]"),
        ),
        (
            "start after end",
            replaced("start = 4\nend = 9", "start = 9\nend = 4"),
        ),
        (
            "offsets past any text",
            replaced(
                "start = 4\nend = 9",
                "start = 9223372036854775806\nend = 9223372036854775807",
            ),
        ),
        ("a negative offset", replaced("start = 4", "start = -1")),
        (
            "exact of the wrong type",
            replaced("exact = \"mayor\"", "exact = 5"),
        ),
        (
            "a time past year 9999 in UTC",
            replaced("2025-06-01T12:30:05.123Z", "9999-12-31T23:59:59-01:00"),
        ),
        (
            "a time before year 0 in UTC",
            replaced("2025-06-01T12:30:05.123Z", "0000-01-01T00:00:00+01:00"),
        ),
        (
            "an impossible date",
            replaced("2025-06-01T12:30:05.123Z", "2025-13-40T25:61:61Z"),
        ),
        (
            "a time as a number",
            replaced("\"2025-06-01T12:30:05.123Z\"", "12345"),
        ),
        (
            "a TOML datetime, not a string",
            replaced("\"2025-06-01T12:30:05.123Z\"", "1979-05-27T07:32:00Z"),
        ),
        (
            "tags not an array",
            replaced("tags = [\"rhetoric\"]", "tags = \"rhetoric\""),
        ),
        (
            "tags of the wrong type",
            replaced("tags = [\"rhetoric\"]", "tags = [1, 2]"),
        ),
        (
            "a huge note",
            replaced(
                "note = \"checked\"",
                &format!("note = \"{}\"", "x".repeat(2_000_000)),
            ),
        ),
        (
            "deep nesting",
            replaced(
                "note = \"checked\"",
                &format!("note = \"checked\"\nextra = {deep}"),
            ),
        ),
        (
            "a duplicate key",
            replaced("note = \"checked\"", "note = \"checked\"\nnote = \"again\""),
        ),
        (
            "an unterminated string",
            replaced("note = \"checked\"", "note = \"checked"),
        ),
        (
            "a truncated file",
            VALID.as_bytes()[..VALID.len() / 2].to_vec(),
        ),
        (
            "a one-megabyte line",
            replaced(
                "title = \"A\"",
                &format!("title = \"{}", "A".repeat(1_000_000)),
            ),
        ),
        (
            "unknown keys everywhere (loads)",
            replaced(
                "note = \"checked\"",
                "note = \"checked\"\nmood = 3\n[annotation.later]\nx = 1",
            ),
        ),
    ]
}

#[test]
fn no_broken_annotation_file_panics_the_library_or_export() {
    let kinds = broken_annotation_files();
    assert_eq!(kinds.len(), 33);
    for (what, bytes) in &kinds {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("annotations");
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("00aa11bb22cc33dd.toml");
        std::fs::write(&file, bytes).unwrap();
        let storage = Storage::in_data_dir(dir.path());
        let library = Library::load(storage.clone(), &[]);
        for problem in library.problems() {
            let shown = problem.to_string();
            assert!(shown.contains("00aa11bb22cc33dd.toml"), "{what}: {shown}");
        }
        for format in ExportFormat::ALL {
            let out = export_library(&storage, &[], format, &ExportFilter::default());
            assert!(out.is_ok(), "{what}: {format:?}: {out:?}");
        }
        // The file is never rewritten by loading or exporting.
        assert_eq!(std::fs::read(&file).unwrap(), *bytes, "{what}: untouched");
    }
}

#[test]
fn the_real_export_never_panics_on_a_folder_of_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("annotations");
    std::fs::create_dir_all(&folder).unwrap();
    for (i, (_, bytes)) in broken_annotation_files().iter().enumerate() {
        std::fs::write(folder.join(format!("broken{i:02}.toml")), bytes).unwrap();
    }
    for format in ["markdown", "json", "csv", "w3c"] {
        let out = Command::new(BIN)
            .args(["export", "--format", format, "--data-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(101), "{format}: panicked");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(
            stderr.contains("broken"),
            "{format}: problems named: {stderr}"
        );
    }
}

/// The 17 kinds: (what, text).
fn broken_configs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("library not an array", b"library = \"news\"\n".to_vec()),
        ("library of numbers", b"library = [1, 2]\n".to_vec()),
        ("unknown storage", b"storage = \"cloud\"\n".to_vec()),
        ("mouse not a boolean", b"mouse = \"yes\"\n".to_vec()),
        ("layers not a table", b"layers = true\n".to_vec()),
        (
            "unknown colour",
            b"[theme]\nspeakers = \"ultraviolet\"\n".to_vec(),
        ),
        (
            "claims colours not a list",
            b"[theme]\nclaims = 5\n".to_vec(),
        ),
        (
            "colour index past 255",
            b"[theme]\ncursor = \"999\"\n".to_vec(),
        ),
        ("unknown action", b"[keys]\nx = \"fly\"\n".to_vec()),
        (
            "unknown key name",
            b"[keys]\n\"hyper-banana\" = \"quit\"\n".to_vec(),
        ),
        ("keys not a table", b"keys = [\"q\"]\n".to_vec()),
        ("a duplicate key", b"mouse = true\nmouse = false\n".to_vec()),
        ("not UTF-8", b"mouse = \xff\xfe\n".to_vec()),
        ("a BOM and CRLF", b"\xef\xbb\xbfmouse = false\r\n".to_vec()),
        (
            "deep nesting",
            format!("x = {}1{}\n", "[".repeat(5000), "]".repeat(5000)).into_bytes(),
        ),
        (
            "an unterminated table",
            b"[theme\nspeakers = \"red\"\n".to_vec(),
        ),
        ("export_dir of the wrong type", b"export_dir = 5\n".to_vec()),
    ]
}

#[test]
fn no_broken_config_panics_and_errors_name_the_file() {
    let kinds = broken_configs();
    assert_eq!(kinds.len(), 17);
    let dir = tempfile::tempdir().unwrap();
    for (what, bytes) in &kinds {
        let path = dir.path().join("config.toml");
        std::fs::write(&path, bytes).unwrap();
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = Config::parse(&text, &path) {
            let shown = e.to_string();
            assert!(shown.contains("config.toml"), "{what}: {shown}");
        }
        // The real binary: a clear refusal or a normal run, never a panic.
        let out = Command::new(BIN)
            .arg("extract")
            .arg("--config")
            .arg(&path)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"))
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(101), "{what}: panicked");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        if !out.status.success() {
            assert!(stderr.contains("config.toml"), "{what}: {stderr}");
        }
    }
}
