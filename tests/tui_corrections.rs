//! Speaker corrections in the reader, driven by keys: `W` gives a claim to another
//! speaker (or nobody) and renames or merges speakers (in one article, or everywhere from
//! the speakers index), `X` marks a claim as none; each is saved at once, shown in the
//! insight tabs and the speakers index, and undone with `u`.

mod common;

use std::path::Path;

use common::{fixture_app, keys, press, render, text, with_annotations};
use crossterm::event::KeyCode;
use sayso::annotate::{Annotation, Library, Storage};
use sayso::tui::app::App;
use sayso::tui::component::PromptKind;
use sayso::tui::theme::Pane;

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

fn on_disk(dir: &Path) -> Vec<Annotation> {
    let library = Library::load(Storage::in_data_dir(dir), &[]);
    assert!(library.problems().is_empty(), "{:?}", library.problems());
    library
        .files()
        .flat_map(|(_, f)| f.annotations().to_vec())
        .collect()
}

/// The speakers of article `i` with their claim counts, as the library views see them.
fn speakers(app: &App, i: usize) -> Vec<(String, usize)> {
    let digest = app.store().digest(i).expect("extracted");
    digest
        .speakers
        .iter()
        .map(|s| (s.name.to_string(), s.claims))
        .collect()
}

fn reading_bridge(dir: &Path) -> App {
    let mut app = with_annotations(fixture_app(), dir);
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().article(), Some(0));
    app
}

/// Types `input` into the open prompt in place of what it holds, and submits it.
fn answer(app: &mut App, input: &str) {
    common::ctrl(app, 'u');
    keys(app, input);
    press(app, KeyCode::Enter);
    render(app, 120, 40);
}

#[test]
fn w_gives_the_claim_at_the_cursor_to_another_speaker_and_u_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]W");
    let prompt = app.prompt().expect("the speaker prompt");
    assert_eq!(prompt.kind, PromptKind::Speaker);
    assert_eq!(prompt.input, "Jane Doe", "prefilled with the speaker now");
    answer(&mut app, "John Roe");
    assert_eq!(message(&app), "claim given to John Roe (u undoes)");
    assert_eq!(
        speakers(&app, 0),
        [("Jane Doe".to_owned(), 0), ("John Roe".to_owned(), 3)]
    );
    let saved = on_disk(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].target.exact, "We will build it,");
    assert_eq!(
        saved[0].speaker.as_deref(),
        Some("Jane Doe"),
        "who the engine said"
    );
    let c = saved[0].correction.as_ref().expect("a correction");
    assert_eq!(c.speaker.as_deref(), Some("John Roe"));

    // The Claims tab lists it under its new speaker, marked as corrected by hand.
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "l");
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("John Roe (3)"), "{screen}");
    assert!(screen.contains("✎ We will build it,"), "{screen}");

    keys(&mut app, "u");
    render(&mut app, 120, 40);
    assert_eq!(
        speakers(&app, 0),
        [("Jane Doe".to_owned(), 1), ("John Roe".to_owned(), 2)]
    );
    assert!(on_disk(dir.path()).is_empty(), "undone on disk too");
}

#[test]
fn an_empty_answer_gives_the_claim_to_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]W");
    answer(&mut app, "");
    assert_eq!(message(&app), "claim given to nobody named (u undoes)");
    assert_eq!(speakers(&app, 0)[0], ("Jane Doe".to_owned(), 0));
    let x = app.store().extraction(0).expect("in memory");
    assert_eq!(x.claims.len(), 3, "still a claim");
    assert_eq!(x.claims[0].speaker, None);
}

#[test]
fn w_on_a_speaker_renames_it_and_another_speakers_name_merges_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Insight);
    // Speakers tab, first row: Jane Doe.
    keys(&mut app, "W");
    let prompt = app.prompt().expect("the rename prompt");
    assert_eq!(prompt.kind, PromptKind::RenameSpeaker);
    assert_eq!(prompt.input, "Jane Doe");
    answer(&mut app, "Jane Q. Doe");
    assert_eq!(message(&app), "Jane Doe renamed Jane Q. Doe (u undoes)");
    assert_eq!(speakers(&app, 0)[0], ("Jane Q. Doe".to_owned(), 1));
    let screen = text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("Jane Q. Doe — Mayor  ✎ was Jane Doe"),
        "{screen}"
    );
    let saved = on_disk(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].target.exact, "Jane Doe",
        "kept on the first mention"
    );
    assert_eq!(saved[0].target.start, 0);

    // John Roe (second row) merged into Jane Q. Doe.
    keys(&mut app, "jW");
    answer(&mut app, "jane q. doe");
    assert_eq!(message(&app), "John Roe merged into jane q. doe (u undoes)");
    assert_eq!(speakers(&app, 0), [("Jane Q. Doe".to_owned(), 3)]);
    keys(&mut app, "u");
    render(&mut app, 120, 40);
    assert_eq!(speakers(&app, 0).len(), 2, "the merge undone");
}

#[test]
fn x_marks_a_claim_as_none_and_again_makes_it_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]]X");
    render(&mut app, 120, 40);
    assert_eq!(message(&app), "marked not a claim (u undoes)");
    let x = app.store().extraction(0).expect("in memory");
    assert_eq!(x.claims.len(), 2);
    assert_eq!(app.store().digest(0).map(|d| d.claims), Some(2));
    let saved = on_disk(dir.path());
    assert_eq!(saved[0].target.exact, "the plan is too expensive");
    assert!(saved[0].correction.as_ref().is_some_and(|c| c.not_a_claim));
    // The cursor is on the passage, which now carries the mark: X takes it back.
    keys(&mut app, "X");
    render(&mut app, 120, 40);
    assert_eq!(message(&app), "a claim again (u undoes)");
    assert_eq!(app.store().extraction(0).map(|x| x.claims.len()), Some(3));
}

#[test]
fn w_in_the_speakers_index_renames_a_person_in_every_article_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_annotations(fixture_app(), dir.path());
    render(&mut app, 120, 40);
    keys(&mut app, "S");
    let screen = text(&render(&mut app, 120, 40));
    let row = screen
        .lines()
        .filter(|l| l.contains(" articles "))
        .position(|l| l.contains("Wang Yi"))
        .expect("Wang Yi is listed");
    for _ in 0..row {
        keys(&mut app, "j");
    }
    keys(&mut app, "W");
    let prompt = app.prompt().expect("the rename prompt");
    assert_eq!(prompt.input, "Wang Yi");
    assert!(
        prompt.label().contains("Wang Yi in 2 articles"),
        "{}",
        prompt.label()
    );
    answer(&mut app, "Wang Yi (FM)");
    assert_eq!(
        message(&app),
        "Wang Yi renamed Wang Yi (FM) in 2 articles (u undoes)"
    );
    for article in [1, 2] {
        assert!(
            speakers(&app, article)
                .iter()
                .any(|(n, c)| n == "Wang Yi (FM)" && *c == 2),
            "{:?}",
            speakers(&app, article)
        );
    }
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Wang Yi (FM)"), "{screen}");
    assert_eq!(on_disk(dir.path()).len(), 2, "one rename per article");
    keys(&mut app, "u");
    render(&mut app, 120, 40);
    for article in [1, 2] {
        assert!(speakers(&app, article).iter().any(|(n, _)| n == "Wang Yi"));
    }
}

#[test]
fn corrections_made_by_another_instance_show_after_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = reading_bridge(dir.path());
    keys(&mut first, "]W");
    answer(&mut first, "John Roe");
    // A new instance on the same data dir starts with the correction.
    let mut second = reading_bridge(dir.path());
    render(&mut second, 120, 40);
    assert_eq!(speakers(&second, 0)[0], ("Jane Doe".to_owned(), 0));
    let x = second.store().extraction(0).expect("in memory");
    assert_eq!(
        x.claims[0]
            .speaker
            .and_then(|s| x.speakers.get(s))
            .map(|s| s.name.as_str()),
        Some("John Roe")
    );
}

/// The library-wide search for `query`, once the index has caught up.
fn search(app: &mut App, query: &str) -> String {
    use std::time::{Duration, Instant};
    keys(app, "F");
    keys(app, query);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !app.search_ready() {
        assert!(Instant::now() < deadline, "the index is never ready");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(600));
    app.tick(Instant::now());
    let screen = text(&render(app, 120, 40));
    press(app, KeyCode::Esc);
    press(app, KeyCode::Esc);
    render(app, 120, 40);
    screen
}

#[test]
fn the_library_search_finds_a_speaker_by_the_name_the_reader_gave() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    let before = search(&mut app, "speaker:janet");
    assert!(!before.contains("build it"), "{before}");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "W");
    answer(&mut app, "Janet");
    let after = search(&mut app, "speaker:janet");
    assert!(after.contains("build it"), "{after}");
}

#[test]
fn the_speaker_prompt_completes_names_from_the_article_and_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]W");
    common::ctrl(&mut app, 'u');
    keys(&mut app, "jo");
    assert_eq!(app.prompt().unwrap().candidates(), ["John Roe"]);
    common::ctrl(&mut app, 'u');
    keys(&mut app, "wang");
    assert_eq!(
        app.prompt().unwrap().candidates(),
        ["Wang Yi"],
        "another article's speaker, once"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.prompt().unwrap().input, "Wang Yi");
}
