//! Claim classes in the reader, driven by keys as a user would: `c` / `C` cycle the
//! classes shown; hidden claims are not jumped to, counted or listed; annotations on
//! claims keep the class, and exports carry it.

mod common;

use common::{COUNCIL, council_app, find, keys, press, render};
use crossterm::event::KeyCode;
use sayso::annotate::{ExportFilter, ExportFormat, Library, Storage, export_library};
use sayso::config::Config;
use sayso::tui::app::{App, Settings};
use sayso::tui::components::insight::Tab;

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The council article open in the reader; annotations in `dir`.
fn reading_council(dir: &std::path::Path) -> App {
    let mut app = council_app(dir);
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    app
}

fn status(app: &App) -> Option<String> {
    app.reader().claim_status(app.store(), app.classes())
}

#[test]
fn c_cycles_the_claim_classes_shown_and_shift_c_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_council(dir.path());
    let mut seen = vec![app.classes().label()];
    for _ in 0..7 {
        keys(&mut app, "c");
        seen.push(app.classes().label());
    }
    assert_eq!(
        seen,
        [
            "all",
            "speech",
            "not speech",
            "belief",
            "intention",
            "evaluation",
            "evidence",
            "all"
        ]
    );
    keys(&mut app, "C");
    assert_eq!(app.classes().label(), "evidence");
    assert_eq!(
        message(&app),
        "showing evidence claims: 1 of 5 in this article"
    );
    keys(&mut app, "c");
    assert_eq!(message(&app), "showing claims of every class");
}

#[test]
fn claim_jumps_and_the_status_bar_skip_hidden_classes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_council(dir.path());
    let at = |needle: &str| find(COUNCIL, needle, 0).start;
    keys(&mut app, "cc");
    assert_eq!(app.classes().label(), "not speech");
    assert_eq!(
        message(&app),
        "showing non-speech claims: 4 of 5 in this article"
    );
    keys(&mut app, "]");
    assert_eq!(
        app.reader().cursor(),
        at("the costs will fall"),
        "the quote is skipped"
    );
    assert_eq!(
        status(&app).as_deref(),
        Some("claim 1/4 · Jane Doe · believes · indirect belief")
    );
    keys(&mut app, "]]]");
    assert_eq!(app.reader().cursor(), at("a deficit of $2 million"));
    assert_eq!(
        status(&app).as_deref(),
        Some("claim 4/4 · unattributed · shows · indirect evidence")
    );
    keys(&mut app, "]");
    assert_eq!(message(&app), "no next non-speech claim");
    keys(&mut app, "c");
    assert_eq!(app.classes().label(), "belief");
    keys(&mut app, "[");
    assert_eq!(app.reader().cursor(), at("the costs will fall"));
    keys(&mut app, "[");
    assert_eq!(message(&app), "no previous belief claim");
    // On the quote, hidden now: no current claim, nothing to annotate.
    keys(&mut app, "g)");
    assert_eq!(app.reader().cursor(), at("\"We will build it,"));
    assert_eq!(status(&app), None);
    keys(&mut app, "t");
    assert!(app.prompt().is_none());
    assert!(
        message(&app).starts_with("nothing to annotate here"),
        "{}",
        message(&app)
    );
    keys(&mut app, "C");
    assert_eq!(app.classes().label(), "not speech");
    keys(&mut app, "C");
    assert_eq!(
        status(&app).as_deref(),
        Some("claim 1/1 · Jane Doe · said · direct speech")
    );
}

#[test]
fn the_claims_tab_lists_only_the_classes_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_council(dir.path());
    let listed = |app: &mut App| {
        // Walk the rows from the top: a claim index per claim row, `None` per heading.
        keys(app, "g");
        let mut rows = vec![app.insight().selected_claim(app.store(), app.classes())];
        for _ in 0..10 {
            keys(app, "j");
            rows.push(app.insight().selected_claim(app.store(), app.classes()));
        }
        rows.dedup();
        rows
    };
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "l");
    assert_eq!(app.insight().tab(), Tab::Claims);
    // Jane Doe, John Roe, Critics, then the unattributed evidence.
    assert_eq!(
        listed(&mut app),
        [
            None,
            Some(0),
            Some(1),
            None,
            Some(3),
            None,
            Some(2),
            None,
            Some(4)
        ]
    );
    keys(&mut app, "cc");
    let rows = listed(&mut app);
    assert_eq!(
        rows,
        [None, Some(1), None, Some(3), None, Some(2), None, Some(4)]
    );
    keys(&mut app, "c");
    assert_eq!(listed(&mut app), [None, Some(1)]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.reader().cursor(),
        find(COUNCIL, "the costs will fall", 0).start
    );
    let screen = common::text(&render(&mut app, 120, 40));
    assert!(screen.contains("Jane Doe (1)"), "{screen}");
    assert!(!screen.contains("John Roe ("), "{screen}");
    assert!(
        screen.contains(" c:belief "),
        "the status bar names the filter:\n{screen}"
    );
}

#[test]
fn the_class_keys_can_be_rebound() {
    let config: Config = Config::parse(
        "[keys]\n\"x\" = \"cycle_classes\"\n\"c\" = \"none\"\n",
        "t.toml".as_ref(),
    )
    .unwrap();
    let mut app = App::new(Vec::new(), Settings::from_config(&config, false));
    keys(&mut app, "c");
    assert_eq!(app.classes().label(), "all");
    keys(&mut app, "x");
    assert_eq!(app.classes().label(), "speech");
    let screen = common::text(&render(&mut app, 100, 20));
    assert!(
        screen.contains(" x:speech "),
        "the bar shows the live key:\n{screen}"
    );
}

#[test]
fn annotations_on_claims_keep_their_class_and_exports_carry_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = council_app(dir.path());
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    // Not speech: the first claim is the belief, the last the unattributed evidence.
    keys(&mut app, "cc]t");
    keys(&mut app, "stance");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]]]t");
    keys(&mut app, "data");
    press(&mut app, KeyCode::Enter);
    // A selected sentence that is no claim has neither speaker nor class.
    keys(&mut app, "g)vt");
    keys(&mut app, "quote");
    press(&mut app, KeyCode::Enter);
    let library = Library::load(Storage::in_data_dir(dir.path()), &[]);
    let mut annotations: Vec<_> = library
        .files()
        .flat_map(|(_, f)| f.annotations().to_vec())
        .collect();
    annotations.sort_by_key(|a| a.target.start);
    let saved: Vec<(String, Option<String>, Option<String>)> = annotations
        .into_iter()
        .map(|a| (a.target.exact, a.speaker, a.class))
        .collect();
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        saved,
        [
            (
                "\"We will build it,\" said Jane Doe.".to_owned(),
                None,
                None
            ),
            (
                "the costs will fall".to_owned(),
                some("Jane Doe"),
                some("belief")
            ),
            ("a deficit of $2 million".to_owned(), None, some("evidence")),
        ]
    );
    let out = export_library(
        &Storage::in_data_dir(dir.path()),
        &[],
        ExportFormat::Csv,
        &ExportFilter::default(),
    )
    .unwrap();
    let mut reader = csv::Reader::from_reader(out.text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = headers
        .iter()
        .position(|h| h == "class")
        .expect("a class column");
    let classes: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_owned())
        .collect();
    assert_eq!(classes, ["", "belief", "evidence"]);
}
