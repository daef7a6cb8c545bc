//! End to end in tmux, on the real binary: `q`, `Esc` and Ctrl-C as newsboat users expect,
//! the library previewing as it moves, the session coming back at the next start, and
//! dates and outlets read from file names.

mod e2e;

use std::path::Path;

use e2e::{BIN, Tmux, shell_quote, temp_dir, tmux_available};

/// `sayso` on the samples, with a config and a data dir of its own and state in `state`.
fn samples_command(dir: &Path, state: &Path) -> String {
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    format!(
        "XDG_STATE_HOME={} {BIN} --config {} --data-dir {}",
        shell_quote(state),
        shell_quote(&config),
        shell_quote(&dir.join("data"))
    )
}

/// `sayso` on the folder `news`, with a config and a data dir of its own under `dir`.
fn folder_command(dir: &Path, news: &Path) -> String {
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    format!(
        "{BIN} --config {} --data-dir {} {}",
        shell_quote(&config),
        shell_quote(&dir.join("data")),
        shell_quote(news)
    )
}

macro_rules! need_tmux {
    () => {
        if !tmux_available() {
            eprintln!("SKIPPED e2e_navigation: tmux is not installed (apt-get install tmux)");
            return;
        }
    };
}

#[test]
fn q_and_esc_go_back_one_level_and_ctrl_c_quits() {
    need_tmux!();
    let dir = temp_dir("nav-q");
    let tmux = Tmux::start("nav-q", &samples_command(&dir, &dir.join("state")));
    tmux.wait_for("Library 5/5");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["q"]);
    tmux.wait_for(" LIBRARY ");
    assert!(
        tmux.session_alive(),
        "q in the reader goes back, it does not quit"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["Escape"]);
    tmux.wait_for(" LIBRARY ");
    assert!(tmux.session_alive());
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["C-c"]);
    assert!(
        tmux.until(20, |t| !t.session_alive()),
        "Ctrl-C quits from the reader"
    );
    // The next start is back in the reader, where Ctrl-C left it: `q` goes back, `q` quits.
    let tmux = Tmux::start("nav-q2", &samples_command(&dir, &dir.join("state")));
    tmux.wait_for(" READER ");
    tmux.keys(&["q"]);
    tmux.wait_for(" LIBRARY ");
    tmux.keys(&["q"]);
    assert!(
        tmux.until(20, |t| !t.session_alive()),
        "q in the library quits"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn moving_in_the_library_previews_and_the_next_start_restores_the_article() {
    need_tmux!();
    let dir = temp_dir("nav-preview");
    let state = dir.join("state");
    let tmux = Tmux::start("nav-preview", &samples_command(&dir, &state));
    tmux.wait_for("Library 5/5");
    // The second sample (newest first) is about the Chinese FM; its text shows at once.
    tmux.keys(&["j"]);
    tmux.wait_for("According to the Chinese FM");
    let screen = tmux.wait_for(" LIBRARY ");
    assert!(!screen.contains(" READER "), "the focus stays: {screen}");
    // The third, opened, then quit from the reader (q back, q quits).
    tmux.keys(&["j"]);
    tmux.wait_for("seventh Dialogue");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    tmux.keys(&["G"]);
    tmux.quit();
    let saved = sayso::tui::session::load(&state.join("sayso").join("session.toml"))
        .unwrap()
        .expect("a session was kept");
    assert!(saved.cursor > 0, "{saved:?}");
    assert_eq!(saved.focus, "library", "q left the reader first");

    let tmux = Tmux::start("nav-restore", &samples_command(&dir, &state));
    let screen = tmux.wait_for("seventh Dialogue");
    assert!(
        screen.contains("Wang Yi: China-Latin America"),
        "the third article is back: {screen}"
    );
    tmux.quit();
    let again = sayso::tui::session::load(&state.join("sayso").join("session.toml"))
        .unwrap()
        .expect("a session was kept");
    assert_eq!(again.cursor, saved.cursor, "at the position left");
    assert_eq!(again.article, saved.article);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_session_file_does_not_stop_the_start() {
    need_tmux!();
    let dir = temp_dir("nav-corrupt");
    let state = dir.join("state");
    std::fs::create_dir_all(state.join("sayso")).unwrap();
    std::fs::write(state.join("sayso").join("session.toml"), "cursor = [\n").unwrap();
    let tmux = Tmux::start("nav-corrupt", &samples_command(&dir, &state));
    tmux.wait_for("Library 5/5");
    tmux.wait_for("last session not restored");
    tmux.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dates_and_outlets_come_from_file_names() {
    need_tmux!();
    let dir = temp_dir("nav-names");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("cnn_2019-11-20_some-story.txt"),
        "Council backs the bridge\n\n\"We will build it,\" said Jane Doe.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("2018-07-04-parade.txt"),
        "Parade draws crowds\n\nThousands came, organisers said.\n",
    )
    .unwrap();
    let command = folder_command(&dir, &news);
    let tmux = Tmux::start("nav-names", &command);
    let screen = tmux.wait_for("Library 2/2");
    let row = screen
        .lines()
        .find(|l| l.contains("Council backs the bridge"))
        .unwrap_or_default();
    assert!(
        row.contains("2019-11-20") && row.contains("cnn"),
        "{screen}"
    );
    assert!(screen.contains("2018-07-04"), "{screen}");
    // The filter finds the outlet.
    tmux.keys(&["/", "cnn", "Enter"]);
    tmux.wait_for("Library 1/2");
    tmux.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_speakers_index_narrows_as_a_name_is_typed() {
    need_tmux!();
    let dir = temp_dir("nav-speakers");
    let tmux = Tmux::start("nav-speakers", &samples_command(&dir, &dir.join("state")));
    tmux.wait_for("Library 5/5");
    tmux.keys(&["S"]);
    tmux.wait_for("Marco Rubio");
    tmux.keys(&["/", "wang"]);
    let screen = tmux.wait_for("/wang)");
    assert!(screen.contains("Wang Yi"), "{screen}");
    assert!(
        !screen.contains("Marco Rubio"),
        "others are hidden: {screen}"
    );
    tmux.keys(&["Enter", "Escape"]);
    tmux.until(10, |t| !t.screen().contains("/wang)"));
    tmux.keys(&["Escape"]);
    tmux.wait_for(" LIBRARY ");
    tmux.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_markdown_article_is_read_through_its_markup() {
    need_tmux!();
    let dir = temp_dir("nav-md");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("bridge.md"),
        "---\ntitle: Bridge vote\ndate: 2021-04-05\n---\n# Bridge vote\n\n[Mayor Ann \
         Lee](https://example.org/lee) said the **bridge** will open in May.\n",
    )
    .unwrap();
    let command = folder_command(&dir, &news);
    let tmux = Tmux::start("nav-md", &command);
    let screen = tmux.wait_for("Library 1/1");
    assert!(
        screen.contains("Bridge vote") && screen.contains("2021-04-05"),
        "{screen}"
    );
    tmux.keys(&["Enter"]);
    tmux.wait_for(" READER ");
    // The claim is found through the link: `]` lands on it, and its speaker is named.
    for _ in 0..40 {
        tmux.keys(&["]"]);
        if tmux.until(1, |t| t.screen().contains("Ann Lee · said")) {
            break;
        }
    }
    tmux.wait_for("Ann Lee · said");
    tmux.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder too large to read before the first frame streams in behind the reader: every
/// article arrives, the status bar says when reading is over, and the last session comes
/// back once the article it names has been read (the library is read in order, the
/// article is the last one).
#[test]
fn a_large_folder_streams_in_and_the_session_comes_back_once_read() {
    need_tmux!();
    let dir = temp_dir("nav-stream");
    let news = dir.join("news");
    let state = dir.join("state");
    std::fs::create_dir_all(&news).unwrap();
    const N: usize = 4000;
    for i in 0..N {
        let text = match i {
            i if i == N - 1 => {
                "Zebra crossing.\n\nThe mayor said the crossing cost $4 million.\n".to_string()
            }
            i => format!("Routine item {i}.\n\nThe clerk said the meeting ran {i} minutes.\n"),
        };
        std::fs::write(news.join(format!("{i:05}.txt")), text).unwrap();
    }
    let command = format!(
        "XDG_STATE_HOME={} {}",
        shell_quote(&state),
        folder_command(&dir, &news)
    );
    let tmux = Tmux::start("nav-stream", &command);
    tmux.wait_for(&format!("Library {N}/{N}"));
    assert!(tmux.until(20, |t| !t.screen().contains(" reading ")));
    // Filter down to the last article, open it, quit.
    tmux.keys(&["/"]);
    tmux.keys(&["Zebra", "Enter"]);
    tmux.wait_for(&format!("Library 1/{N}"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("The mayor said the crossing cost");
    tmux.quit();
    // The filter and the article come back, though neither exists at the first frame.
    let tmux = Tmux::start("nav-stream-again", &command);
    let screen = tmux.wait_for("The mayor said the crossing cost");
    assert!(screen.contains(&format!("Library 1/{N}")), "{screen}");
    tmux.quit();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A second start on the same folder takes every unchanged article from the digest cache
/// the first start wrote: with the extraction threads made to fail, the rows still show
/// their counts, and only the article added since fails (`!`).
#[test]
fn a_second_start_takes_unchanged_articles_from_the_digest_cache() {
    need_tmux!();
    let dir = temp_dir("nav-cache");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    for (name, title, speaker) in [
        ("a.txt", "Alpha bridge", "Jane Doe"),
        ("b.txt", "Beta dam", "John Roe"),
        ("c.txt", "Gamma road", "Ann Poe"),
    ] {
        let text = format!(
            "{title}\n\n“We will build it,” {speaker} said. {speaker} said it would cost $5 \
             million and take 3 years.\n"
        );
        std::fs::write(news.join(name), text).unwrap();
    }
    let cache = dir.join("cache");
    let env = format!("SAYSO_CACHE_DIR={}", shell_quote(&cache));
    let run = |name: &str, extra: &str| {
        Tmux::start(
            name,
            &format!("{env} {extra} {}", folder_command(&dir, &news)),
        )
    };
    let first = run("nav-cache1", "");
    first.wait_for("Library 3/3");
    assert!(first.until(20, |t| !t.screen().contains("extracting")));
    first.quit();
    let files: Vec<_> = std::fs::read_dir(cache.join("digests")).unwrap().collect();
    assert_eq!(files.len(), 1, "one cache file for the library: {files:?}");

    std::fs::write(
        news.join("d.txt"),
        "Delta port\n\n“It is late,” the mayor said.\n",
    )
    .unwrap();
    let second = run("nav-cache2", "SAYSO_FAULT=extract-panic");
    second.wait_for("Library 4/4");
    assert!(second.until(20, |t| !t.screen().contains("extracting")));
    let screen = second.screen();
    let row = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("no row for {title}:\n{screen}"))
            .to_string()
    };
    for title in ["Alpha bridge", "Beta dam", "Gamma road"] {
        let row = row(title);
        assert!(!row.contains('!') && !row.contains('…'), "{row}");
    }
    assert!(row("Delta port").contains('!'), "{}", row("Delta port"));
    second.quit();
    let _ = std::fs::remove_dir_all(&dir);
}
