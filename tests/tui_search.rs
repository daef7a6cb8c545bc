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
    // The sentence the tagged passage is in, not every sentence of its article.
    let (total, _) = app.search_view().unwrap().counts();
    assert_eq!(total, 1, "{screen}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    let screen = search(&mut app, "tag:nothing-tagged-so");
    assert!(
        screen.contains("nothing in the library matches"),
        "{screen}"
    );
}

/// One quote in five articles: three copies as said, one with a word changed, one given to
/// another speaker.
fn copied_quote_library() -> Vec<sayso::article::Article> {
    const QUOTE: &str = "Our harbour will stay open to every ship that keeps the peace";
    let bodies = [
        format!("\"{QUOTE},\" said Ana Ruiz, the harbour master."),
        format!("\"{QUOTE},\" Ana Ruiz told reporters on Monday."),
        format!("Ana Ruiz said: \"{QUOTE}.\""),
        format!("\"{},\" said Ana Ruiz.", QUOTE.replace("every", "any")),
        format!("\"{QUOTE},\" said Tom Baker, the mayor."),
    ];
    bodies
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let mut a = sayso::article::Article::from_text(
                format!("port{i}.txt"),
                format!("Port story {i}\n\n{body}\n"),
            );
            a.date = Some(format!("2021-05-0{}", i + 1));
            a.source = Some(format!("Outlet {i}"));
            a
        })
        .collect()
}

#[test]
fn the_claims_tab_links_a_quote_to_its_copies_and_p_lists_them() {
    let mut app = App::new(copied_quote_library(), sayso::tui::app::Settings::default());
    app.store_mut().extract_all_now();
    app.start_search(None, "test");
    app.library_complete();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.search_ready() {
        assert!(Instant::now() < deadline, "the index is never ready");
        std::thread::sleep(Duration::from_millis(10));
    }
    render(&mut app, 120, 40);
    // The library lists the newest first: the copy given to Tom Baker.
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]l");
    let screen = text(&render(&mut app, 120, 40));
    // The insight pane's text, its lines joined (the link wraps in the narrow pane).
    let insight: String = screen
        .lines()
        .skip_while(|l| !l.contains(" Insight "))
        .map(|l| {
            l.chars()
                .skip(1)
                .take(45)
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        insight.contains("↳ also in 4 articles (earliest 2021-05-01, Outlet 0)"),
        "{screen}"
    );
    assert!(insight.contains("1 worded differently"), "{insight}");
    // From Tom Baker's copy, the four others give the words to Ana Ruiz.
    assert!(insight.contains("4 with another speaker"), "{insight}");
    keys(&mut app, "P");
    let screen = text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("The claim and its copies in 4 other articles, earliest first"),
        "{screen}"
    );
    assert!(screen.contains("(this article)"), "{screen}");
    assert!(
        screen.contains("1 words differ, another speaker"),
        "{screen}"
    );
    let order: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.strip_prefix('│'))
        .filter_map(|l| l.get(..10))
        .filter(|d| d.starts_with("2021-"))
        .collect();
    assert_eq!(
        order,
        [
            "2021-05-05",
            "2021-05-01",
            "2021-05-02",
            "2021-05-03",
            "2021-05-04"
        ],
        "this article first, then the copies earliest first:\n{screen}"
    );
    // Enter opens a copy at its sentence.
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains(" READER "), "{screen}");
    assert!(screen.contains("Port story 0"), "{screen}");
}
