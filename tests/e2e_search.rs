//! End to end in tmux: the library-wide search on the samples (`F`, a query, Enter opens
//! the article at the hit), and on a folder, where the index in the cache dir is kept
//! between runs and follows an edited article.

mod e2e;

use std::path::Path;

use e2e::{BIN, Tmux, shell_quote, temp_dir, tmux_available};

macro_rules! need_tmux {
    () => {
        if !tmux_available() {
            eprintln!("SKIPPED e2e_search: tmux is not installed (apt-get install tmux)");
            return;
        }
    };
}

/// The screen once the search shows results on the whole index.
fn indexed(tmux: &Tmux) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let screen = tmux.screen();
        if screen.contains(" ms · ") && !screen.contains("indexing") {
            return screen;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the index never caught up:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn command(dir: &Path, paths: &str) -> String {
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    format!(
        "SAYSO_CACHE_DIR={} {BIN} --config {} --data-dir {} {paths}",
        shell_quote(&dir.join("cache")),
        shell_quote(&config),
        shell_quote(&dir.join("data"))
    )
}

#[test]
fn win_win_across_the_samples_opens_at_the_hit() {
    need_tmux!();
    let dir = temp_dir("search-seeds");
    let tmux = Tmux::start("search-seeds", &command(&dir, ""));
    tmux.wait_for("Library 5/5");
    tmux.keys(&["F"]);
    tmux.wait_for("search the library:");
    tmux.keys(&["win-win"]);
    let screen = indexed(&tmux);
    let mut dates: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.strip_prefix('│'))
        .filter_map(|l| l.get(..10))
        .filter(|d| d.starts_with("20") && d.as_bytes().get(4) == Some(&b'-'))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    assert!(dates.len() >= 3, "hits in three sample articles:\n{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" SEARCH ");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(" READER ");
    let at_cursor: String = screen
        .lines()
        .skip_while(|l| !l.contains('▌'))
        .take(2)
        .collect();
    assert!(
        at_cursor.contains("win"),
        "the reader is at the hit:\n{screen}"
    );
}

#[test]
fn a_folders_index_is_kept_and_follows_an_edit() {
    need_tmux!();
    let dir = temp_dir("search-folder");
    let news = dir.join("news");
    std::fs::create_dir_all(&news).unwrap();
    std::fs::write(
        news.join("port.txt"),
        "Port reopens\n\n\"The quay is safe again,\" said Ana Ruiz, the harbour master.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("rail.txt"),
        "Rail fares\n\nFares will rise by 4% in March, the operator said.\n",
    )
    .unwrap();
    let run = command(&dir, &shell_quote(&news));
    {
        let tmux = Tmux::start("search-folder-1", &run);
        tmux.wait_for("Library 2/2");
        tmux.keys(&["F"]);
        tmux.wait_for("search the library:");
        tmux.keys(&["quay"]);
        let screen = indexed(&tmux);
        assert!(screen.contains("1 sentence in"), "{screen}");
        assert!(screen.contains("Ana Ruiz"), "{screen}");
        // Out of the prompt, out of the overlay, then quit: the next start must not find
        // this one still holding the index.
        tmux.keys(&["Escape"]);
        tmux.wait_for(" SEARCH ");
        tmux.keys(&["Escape"]);
        tmux.wait_for(" LIBRARY ");
        tmux.quit();
    }
    let indexes = std::fs::read_dir(dir.join("cache").join("search-v1"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(indexes, 1, "the library's index is in the cache dir");
    std::fs::write(
        news.join("port.txt"),
        "Port reopens\n\n\"The pier is safe again,\" said Ana Ruiz, the harbour master.\n",
    )
    .unwrap();
    let tmux = Tmux::start("search-folder-2", &run);
    tmux.wait_for("Library 2/2");
    tmux.keys(&["F"]);
    tmux.wait_for("search the library:");
    tmux.keys(&["pier"]);
    let screen = tmux.wait_for("1 sentence in");
    assert!(screen.contains("Ana Ruiz"), "{screen}");
    tmux.keys(&["C-u", "quay"]);
    tmux.wait_for("nothing in the library matches");
    // The other article was not indexed again, and is still found (title and body).
    tmux.keys(&["C-u", "fares"]);
    tmux.wait_for("2 sentences in");
}
