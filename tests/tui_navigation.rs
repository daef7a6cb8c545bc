//! Moving around as newsboat and vim users expect: `q` and `Esc` close one level, the
//! library previews as it moves, `h`/`l` switch insight tabs from any pane, the library
//! sorts by any column either way, and the last session comes back.

mod common;

use common::{BRIDGE, TALKS, article, find, fixture_app, keys, press, render, text};
use crossterm::event::KeyCode;
use sayso::tui::app::{App, Settings};
use sayso::tui::components::insight::Tab;
use sayso::tui::components::library::{SortKey, abbreviate};
use sayso::tui::theme::Pane;

#[test]
fn q_leaves_the_reader_for_the_library_then_quits() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Reader);
    keys(&mut app, "q");
    assert!(
        !app.should_quit(),
        "q in the reader goes back, it does not quit"
    );
    assert_eq!(app.focus(), Pane::Library);
    keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn q_leaves_the_insight_pane_too() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Insight);
    keys(&mut app, "q");
    assert_eq!(app.focus(), Pane::Library);
    assert!(!app.should_quit());
}

#[test]
fn esc_cancels_first_then_leaves_the_reader() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "v");
    assert!(app.reader().selection().is_some());
    press(&mut app, KeyCode::Esc);
    assert!(
        app.reader().selection().is_none(),
        "Esc cancels the selection"
    );
    assert_eq!(app.focus(), Pane::Reader, "and stays in the reader");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Pane::Library);
    press(&mut app, KeyCode::Esc);
    assert!(!app.should_quit(), "Esc never quits");
    assert_eq!(app.focus(), Pane::Library);
}

#[test]
fn esc_in_the_insight_pane_goes_back_to_the_library() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Pane::Library);
}

#[test]
fn h_and_l_switch_insight_tabs_from_any_pane() {
    let mut app = fixture_app();
    assert_eq!(app.insight().tab(), Tab::ALL[0]);
    keys(&mut app, "l");
    assert_eq!(app.insight().tab(), Tab::ALL[1], "from the library");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "l");
    assert_eq!(app.insight().tab(), Tab::ALL[2], "from the reader");
    assert_eq!(app.focus(), Pane::Reader, "without moving the focus");
    keys(&mut app, "hh");
    assert_eq!(app.insight().tab(), Tab::ALL[0]);
}

#[test]
fn moving_in_the_library_previews_without_taking_the_focus() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    assert_eq!(app.reader().article(), None);
    keys(&mut app, "j");
    let second = app.library().selected_article();
    assert!(second.is_some());
    assert_eq!(app.reader().article(), second, "shown at once");
    assert_eq!(app.focus(), Pane::Library);
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Foreign Minister Wang Yi"), "{screen}");
    keys(&mut app, "k");
    assert_eq!(app.reader().article(), Some(0));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("We will build it"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.reader().article(), Some(0));
}

#[test]
fn enter_after_a_preview_keeps_the_reading_position() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    let at = app.reader().cursor();
    assert!(at > 0);
    keys(&mut app, "q");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().cursor(), at);
}

fn titled(titles: &[(&str, Option<&str>, &str)]) -> App {
    let articles = titles
        .iter()
        .enumerate()
        .map(|(i, (title, date, body))| article(&format!("a{i}.txt"), title, *date, body))
        .collect();
    App::new(articles, Settings::default())
}

fn titles_in_view(app: &App) -> Vec<String> {
    app.library()
        .view()
        .iter()
        .map(|&i| app.store().articles()[i].title.clone())
        .collect()
}

#[test]
fn titles_sort_naturally_and_any_order_reverses() {
    let mut app = titled(&[
        ("Article 10", Some("2020-01-03"), BRIDGE),
        ("Article 2", None, TALKS),
        ("article 1000", Some("2020-01-01"), TALKS),
        ("Article 0", Some("2020-01-02"), BRIDGE),
    ]);
    assert_eq!(app.library().sort(), SortKey::Date);
    assert_eq!(
        titles_in_view(&app),
        ["Article 10", "Article 0", "article 1000", "Article 2"],
        "newest first, undated last"
    );
    keys(&mut app, "R");
    assert!(app.library().reversed());
    assert_eq!(
        titles_in_view(&app),
        ["article 1000", "Article 0", "Article 10", "Article 2"],
        "oldest first, undated still last"
    );
    keys(&mut app, "Rs");
    assert_eq!(app.library().sort(), SortKey::Title);
    assert_eq!(
        titles_in_view(&app),
        ["Article 0", "Article 2", "Article 10", "article 1000"]
    );
    keys(&mut app, "R");
    assert_eq!(
        titles_in_view(&app),
        ["article 1000", "Article 10", "Article 2", "Article 0"]
    );
    let screen = text(&render(&mut app, 120, 30));
    assert!(screen.contains("by title ↑"), "{screen}");
}

#[test]
fn s_walks_every_column() {
    let mut app = fixture_app();
    let mut seen = vec![app.library().sort()];
    for _ in 1..SortKey::ALL.len() {
        keys(&mut app, "s");
        seen.push(app.library().sort());
    }
    assert_eq!(seen, SortKey::ALL);
    keys(&mut app, "s");
    assert_eq!(app.library().sort(), SortKey::Date, "and round again");
}

#[test]
fn sorting_by_claims_puts_the_most_first() {
    let mut app = fixture_app();
    for _ in 0..4 {
        keys(&mut app, "s");
    }
    assert_eq!(app.library().sort(), SortKey::Claims);
    let claims: Vec<usize> = app
        .library()
        .view()
        .iter()
        .map(|&i| app.store().extraction(i).map_or(0, |x| x.claims.len()))
        .collect();
    let mut sorted = claims.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(claims, sorted);
}

#[test]
fn counts_are_never_cut() {
    assert_eq!(abbreviate(0), "0");
    assert_eq!(abbreviate(9_999), "9999");
    assert_eq!(abbreviate(10_000), "10.0k");
    assert_eq!(abbreviate(15_466), "15.4k");
    assert_eq!(abbreviate(154_660), "154k");
    assert_eq!(abbreviate(1_546_600), "1.5M");
    assert!(abbreviate(usize::MAX).ends_with('G'));
    for n in [
        0,
        7,
        999,
        9_999,
        10_000,
        99_999,
        100_000,
        999_999,
        12_345_678,
        999_999_999,
    ] {
        assert!(abbreviate(n).chars().count() <= 5, "{n}: {}", abbreviate(n));
    }
}

#[test]
fn the_filter_matches_outlet_and_path() {
    let mut articles = vec![
        article(
            "news/cnn_2019-11-20_bridge-story.txt",
            "Bridge",
            None,
            BRIDGE,
        ),
        article("wire/talks.txt", "Talks", None, TALKS),
    ];
    articles[0].source = Some("cnn".into());
    let mut app = App::new(articles, Settings::default());
    keys(&mut app, "/cnn");
    press(&mut app, KeyCode::Enter);
    assert_eq!(titles_in_view(&app), ["Bridge"]);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/wire/");
    press(&mut app, KeyCode::Enter);
    assert_eq!(titles_in_view(&app), ["Talks"]);
}

#[test]
fn a_session_comes_back_where_it_was_left() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    let article = app.reader().article();
    keys(&mut app, "]l");
    let cursor = app.reader().cursor();
    assert!(cursor > 0);
    keys(&mut app, "qRs");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().cursor(), cursor);
    let session = app.session("lib");
    assert_eq!(session.focus, "reader");

    let mut again = fixture_app();
    again.restore_session(&session, "lib");
    render(&mut again, 120, 40);
    assert_eq!(again.reader().article(), article);
    assert_eq!(again.reader().cursor(), cursor);
    assert_eq!(again.focus(), Pane::Reader);
    assert_eq!(again.insight().tab(), app.insight().tab());
    assert_eq!(again.library().sort(), SortKey::Title);
    assert!(again.library().reversed());
    assert_eq!(again.library().selected_article(), article);
}

#[test]
fn a_session_of_another_library_or_of_vanished_articles_is_harmless() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    let mut session = app.session("lib");
    let mut other = fixture_app();
    other.restore_session(&session, "another library");
    assert_eq!(other.reader().article(), None);
    assert_eq!(other.focus(), Pane::Library);

    session.article = Some("gone.txt".into());
    session.article_id = Some("ffffffffffffffff".into());
    session.cursor = usize::MAX;
    session.top = usize::MAX;
    session.sort = "no such column".into();
    session.tab = "Nope".into();
    let mut fresh = fixture_app();
    fresh.restore_session(&session, "lib");
    assert_eq!(fresh.reader().article(), None);
    assert_eq!(
        fresh.focus(),
        Pane::Library,
        "no article: the library has the focus"
    );
    assert_eq!(fresh.library().sort(), SortKey::Date);
}

#[test]
fn a_session_finds_a_moved_article_by_its_text_and_clamps_offsets() {
    let app = {
        let mut app = fixture_app();
        press(&mut app, KeyCode::Enter);
        app
    };
    let mut session = app.session("lib");
    session.article = Some("moved/elsewhere.txt".into());
    session.cursor = 10_000_000;
    let mut again = fixture_app();
    again.restore_session(&session, "lib");
    assert_eq!(again.reader().article(), Some(0));
    assert_eq!(again.reader().cursor(), BRIDGE.len());
    let _ = find(BRIDGE, "Jane", 0);
}

proptest::proptest! {
    /// A library read in batches, each merged into the view as it arrives, is listed
    /// exactly as sorting it whole would list it, for every sort, either way, filtered or
    /// not (ties included: many articles share a date or a title).
    #[test]
    fn rows_merged_in_as_they_arrive_are_in_the_order_a_full_sort_gives(
        rows in proptest::collection::vec((0u8..6, 0u8..5, proptest::bool::ANY), 1..60),
        cuts in proptest::collection::vec(0usize..60, 0..5),
        sort in 0usize..SortKey::ALL.len(),
        reversed in proptest::bool::ANY,
        filtered in proptest::bool::ANY,
    ) {
        use sayso::tui::components::library::Library;
        use sayso::tui::store::Store;
        let articles: Vec<_> = rows
            .iter()
            .enumerate()
            .map(|(i, &(day, title, dated))| {
                let date = format!("2020-01-0{}", day + 1);
                let title = format!("Story {title}");
                let mut a = article(&format!("{i:03}.txt"), &title, dated.then_some(date.as_str()), "Text.");
                a.source = (day % 2 == 0).then(|| format!("Outlet {title}"));
                a
            })
            .collect();
        let sort = SortKey::ALL[sort];
        let filter = if filtered { "story" } else { "" };
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(articles.len())).collect();
        cuts.sort_unstable();
        let mut streamed = Store::new(Vec::new());
        let mut view = Library::new(&streamed);
        view.set_sort(sort, reversed, &streamed);
        view.set_filter(filter, &streamed);
        let mut from = 0;
        for cut in cuts.into_iter().chain([articles.len()]) {
            let batch = articles.get(from..cut).unwrap_or_default().to_vec();
            from = from.max(cut);
            streamed.add(batch);
            view.append(&streamed);
        }
        let whole = Store::new(articles.clone());
        let mut want = Library::new(&whole);
        want.set_sort(sort, reversed, &whole);
        want.set_filter(filter, &whole);
        proptest::prop_assert_eq!(view.view(), want.view());
    }
}
