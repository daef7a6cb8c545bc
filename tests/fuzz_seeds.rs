//! The fuzz targets' seed corpora (`fuzz/corpus/<target>/`) as a regression test on stable
//! Rust: each input goes through the same property the fuzzer checks. Inputs a fuzzing run
//! found that once failed belong in these folders too.

use std::path::Path;

fn each_seed(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("corpus")
        .join(target);
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus folder") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("seed");
        let result = std::panic::catch_unwind(|| check(&bytes));
        assert!(result.is_ok(), "{target} fails on {}", path.display());
        seen += 1;
    }
    assert!(seen > 0, "no seeds for {target}");
}

#[test]
fn extraction_seeds() {
    each_seed("extraction", sayso::fuzzing::extraction);
}

#[test]
fn article_decoding_seeds() {
    each_seed("article_decoding", sayso::fuzzing::article_decoding);
}

#[test]
fn annotation_toml_seeds() {
    each_seed("annotation_toml", sayso::fuzzing::annotation_toml);
}

#[test]
fn config_toml_seeds() {
    each_seed("config_toml", sayso::fuzzing::config_toml);
}

#[test]
fn reanchoring_seeds() {
    each_seed("reanchoring", sayso::fuzzing::reanchoring);
}
