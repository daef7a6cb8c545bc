//! The pipe contract of `sayso extract --input jsonl`, driven from Python as Spark, Dask or
//! GNU parallel would: 10,000 lines in, 10,000 results out in order with their ids, every
//! offset slicing its input text (in code points), a bad line in the middle answered by
//! an error object and a non-zero exit.

use std::process::Command;

#[test]
fn a_python_driver_pipes_ten_thousand_lines_through() {
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok());
    let Some(python) = python else {
        eprintln!("SKIPPED extract_jsonl: no Python");
        return;
    };
    let out = Command::new(python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/pipe_driver.py"
        ))
        .arg(env!("CARGO_BIN_EXE_sayso"))
        .arg("10000")
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "the pipe contract broke:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn text_output_is_refused_for_jsonl_input() {
    let out = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(["extract", "--input", "jsonl", "--format", "text", "-"])
        .output()
        .expect("sayso runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--input jsonl writes JSON Lines"));
}
