//! Feeds in the reader, driven through the app: `U` asks for an update, its progress and
//! problems show (status bar, `!` log), a new article joins the library unread, is
//! extracted and annotated like any other, and reading it marks it read.

mod common;

use std::time::Instant;

use common::{fixture_app, keys, press, render, text, with_annotations};
use crossterm::event::KeyCode;
use sayso::ingest::update::FeedReport;
use sayso::tui::app::App;
use sayso::tui::feed_job::FeedEvent;
use sayso::tui::loader;
use sayso::tui::read_marks::ReadMarks;

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

const MAYOR: &str = "---\ntitle: \"Mayor opens the new bridge\"\nsource: \"Valley Post\"\n---\n\n\
\"It took nine years, but it is done,\" Mayor Lea Park said on Friday.\n";

#[test]
fn an_update_shows_its_progress_and_its_new_article_comes_in_unread() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_annotations(fixture_app(), dir.path());
    let (marks, problem) = ReadMarks::load(Some(dir.path().join("unread.toml")));
    assert!(problem.is_none());
    app.store_mut().set_read_marks(marks);
    render(&mut app, 120, 40);

    keys(&mut app, "U");
    assert!(app.take_feed_request(), "U asks the shell for an update");
    assert!(!app.take_feed_request(), "once");
    assert_eq!(message(&app), "updating the feeds…");
    keys(&mut app, "U");
    assert!(!app.take_feed_request(), "not while one runs");
    assert!(message(&app).contains("being updated"), "{}", message(&app));
    app.feed_event(FeedEvent::Started { feeds: 2 });
    assert!(text(&render(&mut app, 120, 40)).contains("feeds 0/2 · 0 new"));

    let news = dir.path().join("news");
    std::fs::create_dir_all(&news).unwrap();
    let path = news.join("valley_undated_mayor-opens-the-new-bridge.md");
    std::fs::write(&path, MAYOR).unwrap();
    let loaded = loader::load_one(&path).unwrap();
    assert_eq!(app.feed_article(loaded), 3);
    app.store_mut().extract_all_now();
    app.feed_event(FeedEvent::FeedDone(FeedReport {
        feed: "http://127.0.0.1:9/a.xml".into(),
        new: 1,
        ..FeedReport::default()
    }));
    let broken = FeedReport {
        feed: "http://127.0.0.1:9/b.xml".into(),
        problems: vec!["http://127.0.0.1:9/b.xml: the server answered 500".into()],
        ..FeedReport::default()
    };
    app.feed_event(FeedEvent::FeedDone(broken.clone()));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("feeds 2/2 · 1 new"), "{screen}");
    assert!(
        screen.contains("Library 4/4 · by date · 1 unread"),
        "{screen}"
    );
    assert!(screen.contains("● Mayor opens the new bridge"), "{screen}");
    app.feed_event(FeedEvent::Finished(Ok(vec![FeedReport::default(), broken])));
    assert_eq!(
        message(&app),
        "feeds updated: 1 new article from 2 feeds; 1 problem (! shows them)"
    );
    assert!(
        app.log()
            .entries()
            .iter()
            .any(|e| e.text.contains("b.xml: the server answered 500"))
    );
    assert!(!text(&render(&mut app, 120, 40)).contains("feeds 2/2"));

    // Only the unread, then read it: it is read, and annotated like any article.
    keys(&mut app, "/is:unread");
    press(&mut app, KeyCode::Enter);
    assert!(text(&render(&mut app, 120, 40)).contains("Library 1/4"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().article(), Some(3));
    app.tick(Instant::now());
    assert!(!app.store().read_marks().is_unread(3));
    keys(&mut app, "]t");
    keys(&mut app, "checked");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store().annotation_count(3), 1, "{}", message(&app));
    // `m` while reading: unread again, and reading on does not undo it.
    keys(&mut app, "m");
    app.tick(Instant::now());
    assert!(app.store().read_marks().is_unread(3));
    let kept = std::fs::read_to_string(dir.path().join("unread.toml")).unwrap();
    assert!(kept.contains("mayor-opens-the-new-bridge.md"), "{kept}");
}

#[test]
fn an_update_that_cannot_run_says_why() {
    let mut app = fixture_app();
    keys(&mut app, "U");
    app.feed_event(FeedEvent::Finished(Err(
        "no feeds: list them in the config".into(),
    )));
    assert_eq!(
        message(&app),
        "feeds not updated: no feeds: list them in the config"
    );
    keys(&mut app, "U");
    assert!(app.take_feed_request(), "it can be asked for again");
    // Saved where the library opened does not look: said, so they are not lost from view.
    app.feed_event(FeedEvent::Outside("/home/me/inbox".into()));
    app.feed_event(FeedEvent::Finished(Ok(vec![FeedReport {
        new: 2,
        ..FeedReport::default()
    }])));
    let said = message(&app);
    assert!(
        said.contains("saved in /home/me/inbox, which this library does not open"),
        "{said}"
    );
}
