//! End to end in tmux: a speaker renamed in the reader is renamed in `sayso claims`, in
//! `sayso export` (on an annotation made before the rename) and in a new instance.

mod e2e;

use std::process::Command;

use e2e::{BIN, Bridge, Tmux, tmux_available};

#[test]
fn a_speaker_renamed_in_the_reader_is_renamed_in_claims_export_and_after_restart() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_corrections: tmux is not installed (apt-get install tmux)");
        return;
    }
    let bridge = Bridge::new("corrections");
    let tmux = Tmux::start("corrections", &bridge.command("", ""));
    tmux.open_the_claim();
    tmux.tag("promise", "#promise");
    // The insight pane's Speakers tab: Jane Doe is the first (only) speaker.
    tmux.keys(&["Tab"]);
    tmux.wait_for(" INSIGHT ");
    tmux.keys(&["W"]);
    tmux.wait_for("rename Jane Doe to");
    tmux.keys(&["C-u", "Jane Q. Doe", "Enter"]);
    tmux.wait_for("Jane Doe renamed Jane Q. Doe");
    tmux.quit();

    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .arg("--config")
            .arg(&bridge.config)
            .arg("--data-dir")
            .arg(&bridge.data)
            .output()
            .expect("sayso runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let articles = bridge.articles.to_string_lossy().into_owned();
    let ledger = run(&["claims", "--format", "csv", &articles]);
    assert!(
        ledger.contains("Jane Q. Doe,") && !ledger.contains("Jane Doe,"),
        "{ledger}"
    );
    let export = run(&["export", "--format", "csv", "--tag", "promise"]);
    let mut rows = csv::Reader::from_reader(export.as_bytes());
    let promise = rows.records().next().expect("the tagged claim").unwrap();
    assert_eq!(&promise[6], "We will build it,", "{export}");
    assert_eq!(&promise[9], "Jane Q. Doe", "{export}");

    let again = Tmux::start("corrections-again", &bridge.command("", ""));
    again.wait_for("Library 1/1");
    again.keys(&["Enter"]);
    again.wait_for(" READER ");
    again.keys(&["]"]);
    again.wait_for("Jane Q. Doe · said");
    again.quit();
}
