//! End to end: an article keeps its annotations when its text is edited or its file
//! renamed; two files with the same text keep their own; a broken annotation file blocks
//! changes to its article (never a second file) and its annotations come back once fixed.
//! Skipped (with a message) only where tmux is not installed.

mod e2e;

use std::fs;

use e2e::*;

/// One session: open the claim, tag it `tags`, wait for `shown`, quit.
fn tag_once(b: &Bridge, name: &str, tags: &str, shown: &str) {
    let tmux = Tmux::start(name, &b.command("", ""));
    tmux.open_the_claim();
    tmux.tag(tags, shown);
    tmux.quit();
}

#[test]
fn an_edited_then_renamed_article_keeps_its_annotations_in_one_file() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_identity: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("edited");
    tag_once(&b, "edited1", "first", "#first ");

    // The text changes: the tag is still on the claim, and the next change goes to the
    // same file.
    let article = b.articles.join("bridge.txt");
    fs::write(&article, format!("{ARTICLE}An update was added later.\n")).unwrap();
    let tmux = Tmux::start("edited2", &b.command("", ""));
    tmux.open_the_claim();
    tmux.wait_for("#first");
    tmux.tag("first, second", "#second ");
    tmux.quit();
    assert_eq!(b.annotation_files().len(), 1, "{:?}", b.annotation_files());

    // Renamed (text unchanged since): still there, and the file records the new name.
    let renamed = b.articles.join("renamed.txt");
    fs::rename(&article, &renamed).unwrap();
    let tmux = Tmux::start("edited3", &b.command("", ""));
    tmux.open_the_claim();
    tmux.wait_for("#first");
    tmux.tag("first, second, third", "#third ");
    tmux.quit();
    let files = b.annotation_files();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("renamed.txt"), "{text}");
    assert!(text.contains("second") && text.contains("third"), "{text}");
    fs::remove_dir_all(&b.dir).unwrap();
}

#[test]
fn two_files_with_the_same_text_keep_their_own_annotations() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_identity: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("twins");
    tag_once(&b, "twins1", "original", "#original ");
    fs::write(b.articles.join("copy.txt"), ARTICLE).unwrap();

    let tmux = Tmux::start("twins2", &b.command("", ""));
    tmux.wait_for("Library 2/2");
    // The copy sorts after the original (same title, then path).
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["]"]);
    let screen = tmux.wait_for("Jane Doe · said");
    assert!(
        !screen.contains("#original"),
        "the copy has no tags:\n{screen}"
    );
    tmux.tag("copied", "#copied ");
    tmux.quit();

    let files = b.annotation_files();
    assert_eq!(files.len(), 2, "{files:?}");
    let tmux = Tmux::start("twins3", &b.command("", ""));
    tmux.open_the_claim_of("Library 2/2");
    let screen = tmux.wait_for("#original");
    assert!(!screen.contains("#copied"), "{screen}");
    tmux.quit();
    // `export --article` picks each file's own.
    let out = std::process::Command::new(BIN)
        .args(["export", "--format", "json", "--data-dir"])
        .arg(&b.data)
        .arg("--article")
        .arg(b.articles.join("copy.txt"))
        .output()
        .unwrap();
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(
        json.contains("copied") && !json.contains("original"),
        "{json}"
    );
    fs::remove_dir_all(&b.dir).unwrap();
}

#[test]
fn a_broken_file_blocks_changes_until_fixed_whatever_the_text() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_identity: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("broken");
    tag_once(&b, "broken1", "precious", "#precious ");
    let files = b.annotation_files();
    let [file] = files.as_slice() else {
        panic!("one file: {files:?}")
    };
    let good = fs::read_to_string(file).unwrap();
    fs::write(file, good.replace("created = \"", "created = \"not a time")).unwrap();
    let article = b.articles.join("bridge.txt");
    fs::write(&article, format!("{ARTICLE}An update was added later.\n")).unwrap();

    let tmux = Tmux::start("broken2", &b.command("", ""));
    tmux.open_the_claim();
    tmux.keys(&["t"]);
    tmux.wait_for("read-only until the file is fixed");
    assert_eq!(b.annotation_files().len(), 1, "no second file");
    // Fixed by hand while sayso runs: the annotations come back and take changes.
    fs::write(file, &good).unwrap();
    tmux.wait_for("its annotations are back");
    tmux.wait_for("#precious");
    tmux.tag("precious, more", "#more ");
    tmux.quit();
    let files = b.annotation_files();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("precious") && text.contains("more"), "{text}");
    fs::remove_dir_all(&b.dir).unwrap();
}
