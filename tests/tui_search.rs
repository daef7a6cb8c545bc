//! The library-wide search overlay (`F`) on a TestBackend: hits across the samples, the
//! filters, errors said in place, Enter opening the article at the hit.

mod common;

use std::time::{Duration, Instant};

use common::{annotated_fixture, keys, press, render, samples_app, text};
use crossterm::event::KeyCode;
use sayso::tui::app::App;

/// Opens the search, types `query`, and waits for the index (built on a thread).
fn search(app: &mut App, query: &str) -> String {
    keys(app, "F");
    keys(app, query);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.search_ready() {
        assert!(Instant::now() < deadline, "the index is never ready");
        std::thread::sleep(Duration::from_millis(10));
    }
    // The open search runs again once the index has caught up.
    std::thread::sleep(Duration::from_millis(600));
    app.tick(Instant::now());
    text(&render(app, 120, 40))
}

/// The dates of the articles listed (first column of every other line).
fn dates(screen: &str) -> Vec<String> {
    let mut dates: Vec<String> = screen
        .lines()
        .filter_map(|l| l.strip_prefix('│'))
        .filter(|l| l.len() > 10 && l.as_bytes().get(4) == Some(&b'-'))
        .map(|l| l.chars().take(10).collect())
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

#[test]
fn win_win_is_found_in_three_samples_and_enter_opens_at_the_hit() {
    let mut app = samples_app();
    let screen = search(&mut app, "win-win");
    assert!(screen.contains("Search the library: win-win"), "{screen}");
    assert!(
        dates(&screen).len() >= 3,
        "hits in three articles: {screen}"
    );
    press(&mut app, KeyCode::Enter);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains(" SEARCH "), "{screen}");
    // The first hit opens, the reader's cursor on its sentence.
    press(&mut app, KeyCode::Enter);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains(" READER "), "{screen}");
    let cursor = screen
        .lines()
        .find(|l| l.contains('▌'))
        .expect("a cursor line");
    let around: String = screen
        .lines()
        .skip_while(|l| !l.contains('▌'))
        .take(2)
        .collect();
    assert!(
        around.contains("win"),
        "cursor at the hit: {cursor}\n{screen}"
    );
}

#[test]
fn filters_narrow_and_a_bad_filter_says_why() {
    let mut app = samples_app();
    let screen = search(&mut app, "win-win speaker:\"Wang Yi\"");
    let heads: Vec<&str> = screen
        .lines()
        .filter(|l| dates(l).len() == 1 || l.starts_with("│20"))
        .collect();
    assert!(!heads.is_empty(), "{screen}");
    assert!(heads.iter().all(|l| l.contains("Wang Yi")), "{screen}");
    // Esc leaves the query; `/` edits it again.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/");
    for _ in 0.."win-win speaker:\"Wang Yi\"".len() {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "kind:shouted");
    let screen = text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("kind:shouted is not known; try one of direct"),
        "{screen}"
    );
    // Esc leaves the prompt, then `F` (or Esc) the overlay.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "F");
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains(" LIBRARY "), "{screen}");
}

#[test]
fn tag_filters_by_the_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    press(&mut app, KeyCode::Esc);
    let screen = search(&mut app, "tag:budget");
    assert!(screen.contains("Jane Doe announces a bridge"), "{screen}");
    assert!(!screen.contains("Wang Yi meets"), "{screen}");
    let (total, _) = app.search_view().unwrap().counts();
    assert!(total >= 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let screen = search(&mut app, "tag:nothing-tagged-so");
    assert!(
        screen.contains("nothing in the library matches"),
        "{screen}"
    );
}
