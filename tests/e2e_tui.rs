//! End to end: the real binary in tmux, driven by keys, read back from the screen.
//! Skipped (with a message) only where tmux is not installed.

mod e2e;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use e2e::*;

#[test]
fn open_an_article_and_jump_to_a_claim() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let dir = temp_dir("claim");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("bridge.txt"), ARTICLE).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let command = format!(
        "{} --config {} {}",
        BIN,
        shell_quote(&config),
        shell_quote(&articles)
    );
    let tmux = Tmux::start("claim", &command);

    tmux.wait_for("Library 1/1");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(" READER ");
    assert!(
        screen.contains("We will build it"),
        "article text shown:\n{screen}"
    );
    // The status bar names the claim's speaker and cue (`]` again stays on the only claim).
    tmux.press_until(&["]"], "Jane Doe · said");
    tmux.quit();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `c` narrows the claims shown, the status bar says to what, and `]` skips what is hidden.
#[test]
fn the_class_key_narrows_the_claims_shown() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let dir = temp_dir("classes");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("bridge.txt"), ARTICLE).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let command = format!(
        "{} --config {} {}",
        BIN,
        shell_quote(&config),
        shell_quote(&articles)
    );
    let tmux = Tmux::start("classes", &command);

    tmux.wait_for("Library 1/1");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["c"]);
    tmux.wait_for("c:speech");
    tmux.keys(&["]"]);
    tmux.wait_for("Jane Doe · said · direct speech");
    tmux.keys(&["c"]);
    tmux.wait_for("c:not speech");
    tmux.keys(&["g", "]"]);
    tmux.wait_for("no non-speech claims in this article");
    tmux.quit();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 4's journey: open an article, jump to a claim, tag it `rhetoric`, add a note,
/// quit, export as Markdown, and find the quote, the tag and the note in the file.
#[test]
fn tag_and_note_a_claim_then_export_markdown() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let dir = temp_dir("annotate");
    let articles = dir.join("articles");
    let data = dir.join("data");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("bridge.txt"), ARTICLE).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let command = format!(
        "{} --config {} --data-dir {} {}",
        BIN,
        shell_quote(&config),
        shell_quote(&data),
        shell_quote(&articles)
    );
    let tmux = Tmux::start("annotate", &command);

    tmux.wait_for("Library 1/1");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["]"]);
    tmux.wait_for("Jane Doe · said");
    tmux.keys(&["t"]);
    tmux.wait_for("tags: ");
    tmux.keys(&["rhetoric", "Enter"]);
    tmux.wait_for("tagged #rhetoric");
    tmux.keys(&["a"]);
    tmux.wait_for("Note · ctrl-s saves");
    tmux.keys(&["Checked against the council minutes.", "C-s"]);
    tmux.wait_for("note saved");
    // The reader shows the annotation's tags at the passage.
    tmux.wait_for("#rhetoric · ✎ Checked against the council minutes.");
    tmux.quit();

    let exported = dir.join("export.md");
    let out = Command::new(BIN)
        .args(["export", "--format", "markdown", "--config"])
        .arg(&config)
        .arg("--data-dir")
        .arg(&data)
        .arg("-o")
        .arg(&exported)
        .output()
        .expect("sayso export runs");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = std::fs::read_to_string(&exported).expect("export written");
    assert!(
        markdown.contains("> We will build it"),
        "quote:\n{markdown}"
    );
    assert!(markdown.contains("#rhetoric"), "tag:\n{markdown}");
    assert!(
        markdown.contains("Checked against the council minutes."),
        "note:\n{markdown}"
    );
    assert!(
        markdown.contains("— **Jane Doe** · *speech*"),
        "speaker and class:\n{markdown}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `A` hands the terminal to `$EDITOR` and takes it back; what the editor wrote is saved.
#[test]
fn a_note_written_in_the_external_editor_is_saved() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let dir = temp_dir("editor");
    let articles = dir.join("articles");
    let data = dir.join("data");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("bridge.txt"), ARTICLE).unwrap();
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\necho 'EDITOR RUNNING'\nsleep 1\nprintf 'Written in the editor.' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let command = format!(
        "EDITOR={} {} --config {} --data-dir {} {}",
        shell_quote(&editor),
        BIN,
        shell_quote(&config),
        shell_quote(&data),
        shell_quote(&articles)
    );
    let tmux = Tmux::start("editor", &command);
    tmux.wait_for("Library 1/1");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["]"]);
    tmux.wait_for("Jane Doe · said");
    tmux.keys(&["A"]);
    let screen = tmux.wait_for("EDITOR RUNNING");
    assert!(
        !screen.contains(" READER "),
        "the editor has the screen:\n{screen}"
    );
    tmux.wait_for("note saved");
    tmux.wait_for("✎ Written in the editor.");
    tmux.keys(&["q"]);
    let saved = std::fs::read_dir(data.join("annotations"))
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect::<String>();
    assert!(
        saved.contains("note = \"Written in the editor.\""),
        "{saved}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_config_stops_start_up_with_file_line_and_column() {
    let dir = temp_dir("config");
    let config = dir.join("config.toml");
    std::fs::write(&config, "[keys]\n\"x\" = \"explode\"\n").unwrap();
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&config)
        .output()
        .expect("sayso runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!("{}:2:7: unknown action `explode`", config.display());
    assert!(stderr.contains(&expected), "stderr: {stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A panic on an extraction worker costs that article's highlights: the reader stays in
/// its alternate screen with echo off and keeps answering keys, the panic goes to the log
/// in the state dir (not over the screen), and the terminal is restored only on quitting.
#[test]
fn a_worker_panic_leaves_the_terminal_to_the_reader() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("panic");
    let state = b.dir.join("state");
    let env = format!(
        "SAYSO_FAULT=extract-panic XDG_STATE_HOME={}",
        shell_quote(&state)
    );
    let tmux = Tmux::start("panic", &b.command(&env, "; sleep 30"));

    tmux.wait_for("Library 1/1");
    tmux.keys(&["Enter"]);
    tmux.wait_for("extraction failed: engine failure injected");
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "1",
        "still on the reader's screen"
    );
    // Keys still reach the reader.
    tmux.keys(&["?"]);
    tmux.wait_for("show or hide this help");
    let log = std::fs::read_to_string(state.join("sayso").join("panics.log")).expect("logged");
    assert!(log.contains("engine failure injected"), "{log}");
    // (`?` again closes the help: Escape right before `q` would read as alt-q.)
    tmux.keys(&["?"]);
    tmux.until(10, |t| !t.screen().contains("show or hide this help"));
    // `q` back to the library, `q` quits.
    tmux.keys(&["q"]);
    tmux.wait_for(" LIBRARY ");
    tmux.keys(&["q"]);
    tmux.until(10, |t| t.pane("#{alternate_on}") == "0");
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "0",
        "quitting restores the terminal"
    );
    std::fs::remove_dir_all(&b.dir).unwrap();
}

/// A private annotation file stays private through a save from the reader, and a
/// temporary that a killed save left beside it is cleaned up when the reader loads.
#[cfg(unix)]
#[test]
fn a_private_annotation_file_stays_private_and_stale_temporaries_go() {
    use std::os::unix::fs::PermissionsExt;
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("mode");
    let session = |name: &str, tags: &str, shown: &str| {
        let tmux = Tmux::start(name, &b.command("", ""));
        tmux.open_the_claim();
        tmux.tag(tags, shown);
        tmux.quit();
    };
    session("mode1", "first", "#first ");
    let files = b.annotation_files();
    let [file] = files.as_slice() else {
        panic!("one annotation file: {files:?}")
    };
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let stale = file.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&stale, "half a file from a killed save").unwrap();

    session("mode2", "first, second", "#second ");
    let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the save kept the file private");
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("first") && text.contains("second"), "{text}");
    assert!(!stale.exists(), "the stale temporary was removed");
    std::fs::remove_dir_all(&b.dir).unwrap();
}

/// SIGTERM (and SIGHUP, SIGINT) end the session like `q`: the note being typed is saved,
/// and the terminal is back out of the alternate screen, with its cursor and echo.
#[test]
fn sigterm_with_a_note_open_saves_it_and_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("sigterm");
    let tmux = Tmux::start("sigterm", &b.command("", "; sleep 30"));
    tmux.open_the_claim();
    tmux.keys(&["a"]);
    tmux.wait_for("Note · ctrl-s saves");
    tmux.keys(&["Typed before the window closed"]);
    tmux.wait_for("Typed before the window closed");
    // The shell runs sayso as its child.
    let pid = tmux.child_pid();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.until(10, |t| t.pane("#{alternate_on}") == "0");
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "0",
        "out of the alternate screen"
    );
    assert_eq!(tmux.pane("#{cursor_flag}"), "1", "cursor visible");
    // Echo is back: typed text shows while the shell sleeps.
    tmux.keys(&["echo-is-on"]);
    tmux.wait_for("echo-is-on");
    let saved: String = b
        .annotation_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(
        saved.contains("Typed before the window closed"),
        "the note was saved:\n{saved}"
    );
    std::fs::remove_dir_all(&b.dir).unwrap();
}

/// Another sayso holding the file's lock does not freeze the reader: the tag shows at once
/// with a "waiting" message, keys keep working, and the change lands once the lock is free.
#[test]
fn a_held_lock_never_freezes_the_reader() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("lock");
    // A first session creates the annotation file.
    let tmux = Tmux::start("lock1", &b.command("", ""));
    tmux.open_the_claim();
    tmux.tag("first", "#first ");
    tmux.quit();
    drop(tmux);
    let file = b.annotation_files().pop().expect("annotation file");

    let tmux = Tmux::start("lock2", &b.command("", ""));
    tmux.open_the_claim();
    let held = sayso::annotate::atomic::FileLock::acquire(&file, Duration::from_secs(5))
        .expect("the test holds the lock");
    let asked = Instant::now();
    tmux.tag("first, second", "waiting for another sayso");
    // Keys still answer while the lock is held.
    tmux.keys(&["?"]);
    tmux.wait_for("show or hide this help");
    assert!(
        asked.elapsed() < Duration::from_secs(8),
        "no 10 s freeze: {:?}",
        asked.elapsed()
    );
    tmux.keys(&["?"]);
    let written = || std::fs::read_to_string(&file).unwrap().contains("second");
    assert!(!written(), "not written under another's lock");
    drop(held);
    assert!(
        tmux.until(15, |_| written()),
        "the change landed once the lock was free"
    );
    tmux.quit();
    std::fs::remove_dir_all(&b.dir).unwrap();
}

/// Quitting when the data directory cannot take a change loses nothing: `q` asks what to
/// do, Ctrl-C then quits with the change in the recovery journal (the message after the
/// screen names it), and the next start offers it back.
#[test]
fn quitting_with_a_change_that_cannot_be_saved_keeps_a_recovery_copy() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("recovery");
    let state = b.dir.join("state");
    let env = format!("XDG_STATE_HOME={}", shell_quote(&state));
    let tmux = Tmux::start("recovery", &b.command(&env, "; sleep 30"));
    tmux.open_the_claim();
    tmux.tag("first", "#first ");
    // Then the data directory turns into a regular file: nothing can be written there,
    // even by root.
    let _ = std::fs::remove_dir_all(&b.data);
    std::fs::write(&b.data, "").unwrap();
    tmux.tag("first, unsaveable", "not save");
    // `q` (back in the library) asks what to do; Ctrl-C again quits, keeping the change
    // in the journal.
    tmux.keys(&["q"]);
    tmux.wait_for(" LIBRARY ");
    tmux.keys(&["q"]);
    tmux.wait_for("Changes not saved");
    tmux.wait_for("save them in another folder");
    tmux.keys(&["C-c"]);
    let screen = tmux.wait_for("your changes are kept in");
    let copies = walk(&state.join("sayso").join("recovery"));
    let text: String = copies
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(
        text.contains("unsaveable"),
        "recovered: {copies:?}\n{screen}"
    );

    // The data directory works again: the next start offers the change back.
    std::fs::remove_file(&b.data).unwrap();
    let again = Tmux::start("recovery2", &b.command(&env, ""));
    again.wait_for("Unsaved changes from last time");
    again.keys(&["r"]);
    again.wait_for("restored 1 annotation change");
    let saved: String = b
        .annotation_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(saved.contains("unsaveable"), "{saved}");
    again.quit();
    // Restored entries are set aside, not offered again.
    let third = Tmux::start("recovery3", &b.command(&env, ""));
    third.wait_for("Library 1/1");
    std::thread::sleep(Duration::from_millis(500));
    assert!(!third.screen().contains("Unsaved changes from last time"));
    third.quit();
    std::fs::remove_dir_all(&b.dir).unwrap();
}

/// Closing the terminal (here: its tmux server goes away, as when a window or an SSH
/// connection closes) ends sayso instead of leaving it spinning on a dead terminal, and a
/// note being typed is saved first.
#[test]
fn a_closed_terminal_ends_the_session_and_keeps_the_note() {
    if !tmux_available() {
        eprintln!("SKIPPED e2e_tui: tmux is not installed (apt-get install tmux)");
        return;
    }
    let b = Bridge::new("hangup");
    let tmux = Tmux::start("hangup", &b.command("", "; sleep 30"));
    tmux.open_the_claim();
    tmux.keys(&["a"]);
    tmux.wait_for("Note · ctrl-s saves");
    tmux.keys(&["Typed before the terminal closed"]);
    tmux.wait_for("Typed before the terminal closed");
    let pid = tmux.child_pid();
    tmux.run(&["kill-server"]);
    let alive = || Path::new(&format!("/proc/{pid}")).exists();
    let deadline = Instant::now() + Duration::from_secs(10);
    while alive() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!alive(), "sayso {pid} still runs after its terminal closed");
    let saved: String = b
        .annotation_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert!(
        saved.contains("Typed before the terminal closed"),
        "the note was saved:\n{saved}"
    );
    std::fs::remove_dir_all(&b.dir).unwrap();
}
