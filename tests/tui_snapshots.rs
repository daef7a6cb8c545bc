//! Snapshots of the main screens on a TestBackend, styles included (the buffer's Debug
//! form lists every style change). The sample screens use the real engine, so they are
//! re-accepted when the engine improves; the fixture screens stay put.

mod common;

use common::{annotated_fixture, fixture_app, render, samples_app};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use sayso::tui::app::App;

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(&KeyEvent::new(KeyCode::Char(c), mods));
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

fn snapshot(app: &mut App, width: u16, height: u16) -> String {
    format!("{:?}", render(app, width, height))
}

#[test]
fn samples_library() {
    let mut app = samples_app();
    insta::assert_snapshot!(snapshot(&mut app, 120, 40));
}

#[test]
fn samples_reader_and_insights() {
    let mut app = samples_app();
    render(&mut app, 120, 40);
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, ")");
    insta::assert_snapshot!("samples_reader", snapshot(&mut app, 120, 40));
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("samples_insight_speakers", snapshot(&mut app, 120, 40));
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("samples_insight_claims", snapshot(&mut app, 120, 40));
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("samples_insight_numbers", snapshot(&mut app, 120, 40));
}

#[test]
fn fixture_reader_on_a_claim() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]]");
    insta::assert_snapshot!(snapshot(&mut app, 120, 24));
}

#[test]
fn fixture_claims_tab_and_search() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/roe");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!(snapshot(&mut app, 120, 24));
}

#[test]
fn fixture_narrow_reader_with_layers_off() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "13");
    insta::assert_snapshot!(snapshot(&mut app, 60, 16));
}

/// Not speech (`cc`): the quote is not highlighted, the status bar names the filter and
/// the belief the cursor is on; the Claims tab lists the four other claims with classes.
#[test]
fn class_filter_in_reader_and_claims_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::council_app(dir.path());
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "cc]");
    // Let the "showing …" message expire so the bar shows the current claim.
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(10));
    insta::assert_snapshot!("class_filter_reader", snapshot(&mut app, 120, 24));
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "l");
    insta::assert_snapshot!("class_filter_claims_tab", snapshot(&mut app, 120, 24));
}

#[test]
fn help_overlay() {
    let mut app = fixture_app();
    keys(&mut app, "?");
    insta::assert_snapshot!(snapshot(&mut app, 100, 50));
}

#[test]
fn speakers_index() {
    let mut app = fixture_app();
    keys(&mut app, "S");
    insta::assert_snapshot!("speakers_index", snapshot(&mut app, 100, 12));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("speakers_index_claims", snapshot(&mut app, 100, 12));
}

#[test]
fn speakers_index_filtered_by_name() {
    let mut app = samples_app();
    keys(&mut app, "S/wang");
    insta::assert_snapshot!(common::text(&render(&mut app, 100, 12)));
}

#[test]
fn too_small() {
    let mut app = fixture_app();
    insta::assert_snapshot!(snapshot(&mut app, 30, 6));
}

#[test]
fn no_color() {
    let settings = sayso::tui::app::Settings::from_config(&sayso::config::Config::default(), true);
    let mut app = App::new(
        vec![common::article("b.txt", "Bridge", None, common::BRIDGE)],
        settings,
    );
    app.extraction_done(0, Ok(common::bridge_extraction()));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    insta::assert_snapshot!(snapshot(&mut app, 100, 14));
}

#[test]
fn reader_with_annotated_passages() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    keys(&mut app, "g]");
    insta::assert_snapshot!(snapshot(&mut app, 120, 24));
}

#[test]
fn notes_tab_with_an_orphaned_annotation() {
    let dir = tempfile::tempdir().unwrap();
    common::annotation_file_with_orphan(dir.path(), &fixture_app());
    let mut app = common::with_annotations(fixture_app(), dir.path());
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    insta::assert_snapshot!(snapshot(&mut app, 120, 24));
}

#[test]
fn tag_index_and_its_passages() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    keys(&mut app, "T");
    insta::assert_snapshot!("tag_index", snapshot(&mut app, 100, 12));
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("tag_index_passages", snapshot(&mut app, 100, 12));
}

#[test]
fn tag_prompt_with_completion() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    keys(&mut app, "g]]t");
    insta::assert_snapshot!(snapshot(&mut app, 120, 24));
}

#[test]
fn note_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    keys(&mut app, "g]]]a");
    press(&mut app, KeyCode::Enter);
    keys(
        &mut app,
        "Wide text wraps by width: 中文字符 and more words to fill the row.",
    );
    press(&mut app, KeyCode::Up);
    insta::assert_snapshot!(snapshot(&mut app, 64, 20));
}

/// A library of `outlet_date_slug` files: dates and outlets from the names; an article with
/// more claims than the count column holds shows `10.2k`, not its last digits.
#[test]
fn library_of_named_files_with_a_huge_count() {
    use sayso::article::Article;
    use sayso::tui::app::Settings;
    let text = |s: &str| format!("{s}\n\nThe mayor said the bridge will open.\n");
    let articles = vec![
        Article::from_text("news/cnn_2019-11-20_some-story.txt", text("Some story")),
        Article::from_text("news/2018-07-04-parade.md", text("Parade draws crowds")),
        Article::from_text("news/wire/2017/03/09/harbour.txt", text("Harbour reopens")),
    ];
    let mut app = App::new(articles, Settings::default());
    let mut big = common::bridge_extraction();
    let claim = big.claims[0].clone();
    big.claims = vec![claim; 10_234];
    app.extraction_done(0, Ok(big));
    app.extraction_done(1, Ok(common::bridge_extraction()));
    app.extraction_done(2, Ok(common::talks_extraction()));
    let screen = common::text(&render(&mut app, 120, 16));
    assert!(screen.contains("2019-11-20 cnn"), "{screen}");
    assert!(screen.contains("10.2k"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// A Markdown article rendered: front matter, heading marker, emphasis and link target not
/// drawn; the claim found through the link.
#[test]
fn markdown_article_in_the_reader() {
    use sayso::article::Article;
    use sayso::tui::app::Settings;
    let text = "---\ntitle: Bridge vote\n---\n# Bridge vote\n\n[Mayor Ann Lee](https://example.org/lee) \
                said the **bridge** will open in May.\n";
    let article = Article::from_text("news/bridge.md", text.to_string());
    let x = sayso::extract::extract_article(&article);
    assert_eq!(x.claims.len(), 1, "{x:?}");
    let mut app = App::new(vec![article], Settings::default());
    app.extraction_done(0, Ok(x));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!(snapshot(&mut app, 100, 14));
}
