//! A web page's annotations when the text sayso reads from it changes (a newer extractor
//! keeps a caption out, or a paragraph in): they are found again on the new text by their
//! quote and context, as on an edited article, and never lost.

mod common;

use common::{keys, press, render};
use crossterm::event::KeyCode;
use sayso::annotate::AnchorStatus;
use sayso::tui::app::{App, Settings};

/// The page as an older reading took it: its photo credit read as a paragraph, and no
/// standfirst.
const BEFORE: &str = "<html><head><title>Ferry fares frozen</title></head><body><article>\
<h1>Ferry fares frozen</h1><p>Photo: Harbour Authority archive</p>\
<p>“Nobody will pay more this year,” said Lia Berg, the authority’s chair, on Tuesday.</p>\
<p>The freeze costs the authority about two million euros.</p></article></body></html>";

/// The same page read anew: the credit is a caption (left out), a standfirst is read, and
/// a word of the last paragraph differs.
const AFTER: &str = "<html><head><title>Ferry fares frozen</title></head><body><article>\
<h1>Ferry fares frozen</h1><p class=\"standfirst\">The island routes are spared a rise.</p>\
<figure><img src=\"f.jpg\"><figcaption>Photo: Harbour Authority archive</figcaption></figure>\
<p>“Nobody will pay more this year,” said Lia Berg, the authority’s chair, on Tuesday.</p>\
<p>The freeze will cost the authority about two million euros.</p></article></body></html>";

fn app_on(page: &std::path::Path, data: &std::path::Path) -> App {
    let library = sayso::article::load_paths(&[page]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let app = App::new(library.articles, Settings::default());
    let mut app = common::with_annotations(app, data);
    app.store_mut().extract_all_now();
    render(&mut app, 120, 40);
    app
}

fn placed(app: &mut App) -> Vec<(AnchorStatus, Option<String>)> {
    app.store_mut().place_annotations(0);
    let text = app.store().articles()[0].text.clone();
    app.store()
        .annotations()
        .placed()
        .expect("placed")
        .notes
        .iter()
        .map(|n| {
            (
                n.status,
                n.span
                    .and_then(|s| text.get(s.start..s.end))
                    .map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn annotations_on_a_page_are_placed_again_when_its_text_changes() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("ferry.html");
    let data = dir.path().join("data");
    std::fs::write(&page, BEFORE).unwrap();
    let mut app = app_on(&page, &data);
    let before = app.store().articles()[0].text.clone();
    assert!(
        before.contains("Photo: Harbour Authority archive"),
        "{before}"
    );
    // Tag the claim, and select and tag the last sentence.
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "promise");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "G");
    keys(&mut app, "vt");
    keys(&mut app, "cost");
    press(&mut app, KeyCode::Enter);
    let first = placed(&mut app);
    assert_eq!(first.len(), 2, "{first:?}");
    assert!(
        first.iter().all(|(s, _)| *s == AnchorStatus::Exact),
        "{first:?}"
    );
    drop(app);

    std::fs::write(&page, AFTER).unwrap();
    let mut app = app_on(&page, &data);
    let after = app.store().articles()[0].text.clone();
    assert_ne!(before, after);
    assert!(!after.contains("Photo:"), "{after}");
    let again = placed(&mut app);
    assert_eq!(again.len(), 2, "none lost: {again:?}");
    let quote = again
        .iter()
        .find(|(_, t)| {
            t.as_deref()
                .is_some_and(|t| t.contains("Nobody will pay more"))
        })
        .expect("the claim is placed on the new text");
    assert_eq!(
        quote.0,
        AnchorStatus::Moved,
        "same words, elsewhere: {again:?}"
    );
    let changed = again
        .iter()
        .find(|(_, t)| {
            t.as_deref()
                .is_some_and(|t| t.contains("about two million euros"))
        })
        .expect("the edited sentence is placed");
    assert_eq!(changed.0, AnchorStatus::Fuzzy, "{again:?}");
}
