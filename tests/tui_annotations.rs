//! Annotating in the reader, driven by keys as a user would: selecting, tagging, notes,
//! deleting, undo/redo, the tag index and renaming, storage problems, export. Every change
//! is checked on disk too (saved at once).

mod common;

use std::path::Path;

use common::{
    BRIDGE, TALKS, annotated_fixture, annotation_file_with_orphan, ctrl, find, fixture_app, keys,
    press, render, with_annotations,
};
use crossterm::event::KeyCode;
use sayso::annotate::{AnchorStatus, Annotation, Library, Storage};
use sayso::tui::app::{App, Settings};
use sayso::tui::component::{Level, PromptKind};
use sayso::tui::components::insight::Tab;
use sayso::tui::theme::Pane;

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The annotations saved in the data dir, by article title.
fn on_disk(dir: &Path) -> Vec<(String, Annotation)> {
    let library = Library::load(Storage::in_data_dir(dir), &[]);
    assert!(library.problems().is_empty(), "{:?}", library.problems());
    let mut out: Vec<(String, Annotation)> = library
        .files()
        .flat_map(|(_, f)| {
            let title = f.article().title.clone();
            f.annotations()
                .iter()
                .map(move |a| (title.clone(), a.clone()))
        })
        .collect();
    out.sort_by(|a, b| (&a.0, a.1.target.start).cmp(&(&b.0, b.1.target.start)));
    out
}

fn reading_bridge(dir: &Path) -> App {
    let mut app = with_annotations(fixture_app(), dir);
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().article(), Some(0));
    app
}

fn placed_count(app: &App) -> usize {
    app.store()
        .annotations()
        .placed()
        .map_or(0, |p| p.notes.len())
}

#[test]
fn tagging_a_claim_saves_it_at_once_with_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]t");
    assert_eq!(app.prompt().map(|p| p.kind), Some(PromptKind::Tag));
    keys(&mut app, "rhetoric, #Fact check");
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "tagged #rhetoric #Fact-check (u undoes)");
    assert_eq!(app.store().annotation_count(0), 1);
    let saved = on_disk(dir.path());
    assert_eq!(saved.len(), 1);
    let (title, a) = &saved[0];
    assert_eq!(title, "Jane Doe announces a bridge");
    assert_eq!(a.target.exact, "We will build it,");
    assert_eq!(a.tags, ["rhetoric", "Fact-check"]);
    assert_eq!(a.speaker.as_deref(), Some("Jane Doe"));
    assert_eq!(a.class.as_deref(), Some("speech"));
    let start = find(BRIDGE, "We will build it,", 0).start;
    assert_eq!(a.target.start, BRIDGE[..start].chars().count());
}

#[test]
fn the_tag_prompt_completes_and_prefills() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]t");
    keys(&mut app, "rhetoric, economy");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    let prompt = app.prompt().expect("tag prompt");
    assert_eq!(prompt.input, "", "a new passage starts empty");
    assert_eq!(prompt.candidates(), ["economy", "rhetoric"]);
    keys(&mut app, "RH");
    assert_eq!(app.prompt().unwrap().candidates(), ["rhetoric"], "any case");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.prompt().unwrap().input, "rhetoric");
    keys(&mut app, ", e");
    assert_eq!(app.prompt().unwrap().candidates(), ["economy"]);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store().annotations().tag_index().len(), 2);
    assert_eq!(app.store().annotations().tag_index()[0].count, 2);
    keys(&mut app, "[t");
    let prompt = app.prompt().expect("tag prompt");
    assert_eq!(
        prompt.input, "rhetoric, economy, ",
        "existing tags pre-filled"
    );
    assert!(prompt.candidates().is_empty(), "no tag left to suggest");
    ctrl(&mut app, 'u');
    keys(&mut app, "spin");
    press(&mut app, KeyCode::Enter);
    assert_eq!(on_disk(dir.path())[0].1.tags, ["spin"]);
    keys(&mut app, "t");
    press(&mut app, KeyCode::Esc);
    assert!(app.prompt().is_none());
    assert_eq!(
        on_disk(dir.path())[0].1.tags,
        ["spin"],
        "Esc changes nothing"
    );
}

#[test]
fn notes_are_written_in_the_editor_and_saved_with_ctrl_s() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]a");
    assert!(app.note_editor().is_some());
    keys(&mut app, "Checked:");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "falsch");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    keys(&mut app, "e");
    ctrl(&mut app, 's');
    assert!(app.note_editor().is_none());
    assert_eq!(message(&app), "note saved (u undoes)");
    let saved = on_disk(dir.path());
    assert_eq!(saved[0].1.note, "Checked:\nfalse");
    assert!(saved[0].1.tags.is_empty());
    // Editing again starts from the note; Esc leaves it as it was.
    keys(&mut app, "a");
    assert_eq!(app.note_editor().unwrap().text(), "Checked:\nfalse");
    keys(&mut app, " not saved");
    press(&mut app, KeyCode::Esc);
    assert_eq!(message(&app), "note not changed");
    assert_eq!(on_disk(dir.path())[0].1.note, "Checked:\nfalse");
    // A note and tags on one passage are one annotation.
    keys(&mut app, "t");
    keys(&mut app, "rhetoric");
    press(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(
        (saved[0].1.note.as_str(), saved[0].1.tags.as_slice()),
        ("Checked:\nfalse", ["rhetoric".to_owned()].as_slice())
    );
}

#[test]
fn an_empty_note_on_a_new_passage_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]a");
    ctrl(&mut app, 's');
    assert_eq!(message(&app), "empty note: nothing saved");
    keys(&mut app, "t");
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "no tags given: nothing saved");
    assert!(on_disk(dir.path()).is_empty());
    // Nothing is left to write at quit either: no file appears.
    assert!(app.store_mut().annotations_mut().save_all().is_empty());
    let files = std::fs::read_dir(dir.path().join("annotations")).map_or(0, |d| d.count());
    assert_eq!(files, 0);
}

#[test]
fn selecting_by_sentence_and_word_then_tagging() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "))v");
    let selected = |app: &App| {
        let span = app.reader().selection().expect("selecting").span();
        span.slice(BRIDGE).to_owned()
    };
    assert_eq!(
        selected(&app),
        "The bridge will cost $5 million and open in 2027."
    );
    keys(&mut app, "j");
    assert_eq!(
        selected(&app),
        "The bridge will cost $5 million and open in 2027.\n\nCritics disagree."
    );
    keys(&mut app, "kbb");
    assert_eq!(selected(&app), "The bridge will cost $5 million and open");
    keys(&mut app, "ow");
    assert_eq!(selected(&app), "bridge will cost $5 million and open");
    keys(&mut app, "kk");
    assert_eq!(
        selected(&app),
        "\"We will build it,\" said Jane Doe. The bridge will cost $5 million and open"
    );
    keys(&mut app, "j");
    assert_eq!(selected(&app), "The bridge will cost $5 million and open");
    keys(&mut app, "j");
    assert_eq!(
        message(&app),
        "the selection cannot move that way (o swaps the moving end)"
    );
    // The status bar says what is selected and what to do with it.
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(10));
    let screen = common::text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("selected 1 sentence · 8 words · t tag · a note · esc cancel"),
        "{screen}"
    );
    keys(&mut app, "t");
    keys(&mut app, "budget");
    press(&mut app, KeyCode::Enter);
    assert!(app.reader().selection().is_none(), "annotating ends it");
    let saved = on_disk(dir.path());
    assert_eq!(
        saved[0].1.target.exact,
        "The bridge will cost $5 million and open"
    );
    assert_eq!(saved[0].1.speaker, None);
    // Esc cancels a selection; w/b/o without one explain themselves.
    keys(&mut app, "v");
    press(&mut app, KeyCode::Esc);
    assert!(app.reader().selection().is_none());
    keys(&mut app, "w");
    assert_eq!(
        message(&app),
        "no selection: v selects the cursor's sentence"
    );
}

#[test]
fn the_notes_tab_lists_jumps_edits_and_deletes_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    assert_eq!(on_disk(dir.path()).len(), 3);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(
        (app.focus(), app.insight().tab()),
        (Pane::Insight, Tab::Notes)
    );
    let notes = app.store().annotations().placed().unwrap().notes.clone();
    let quotes: Vec<&str> = notes
        .iter()
        .map(|n| n.annotation.target.exact.as_str())
        .collect();
    assert_eq!(
        quotes,
        [
            "We will build it,",
            "The bridge will cost $5 million",
            "It is a waste,"
        ],
        "in text order"
    );
    assert!(notes.iter().all(|n| n.status == AnchorStatus::Exact));
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "It is a waste,", 0).start
    );
    assert_eq!(app.focus(), Pane::Insight);
    keys(&mut app, "e");
    assert_eq!(
        app.note_editor().unwrap().text(),
        "Roe calls it a waste:\ncheck the 2024 audit."
    );
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "kd");
    assert!(message(&app).starts_with("deleted the annotation on “The bridge will cost"));
    assert_eq!(on_disk(dir.path()).len(), 2);
    assert_eq!(placed_count(&app), 2);
    keys(&mut app, "u");
    assert_eq!(message(&app), "undone: delete annotation");
    assert_eq!(on_disk(dir.path()).len(), 3);
    ctrl(&mut app, 'r');
    assert_eq!(message(&app), "redone: delete annotation");
    assert_eq!(on_disk(dir.path()).len(), 2);
    keys(&mut app, "uuuuu");
    assert_eq!(
        on_disk(dir.path()).len(),
        0,
        "undo reaches back to the start"
    );
    keys(&mut app, "u");
    assert_eq!(message(&app), "nothing to undo");
    ctrl(&mut app, 'r');
    ctrl(&mut app, 'r');
    assert_eq!(on_disk(dir.path()).len(), 2);
    assert_eq!(app.store().annotation_count(0), 2);
}

#[test]
fn the_reader_shows_annotations_and_acts_on_the_one_at_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    keys(&mut app, "g]");
    let screen = common::text(&render(&mut app, 120, 40));
    assert!(screen.contains("#rhetoric #promise"), "{screen}");
    keys(&mut app, "d");
    assert_eq!(on_disk(dir.path()).len(), 2);
    keys(&mut app, "d");
    assert_eq!(message(&app), "no annotation here");
}

#[test]
fn claims_tab_rows_are_passages() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "l");
    assert_eq!(app.insight().tab(), Tab::Claims);
    keys(&mut app, "jjj");
    keys(&mut app, "t");
    keys(&mut app, "cost");
    press(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path());
    assert_eq!(saved[0].1.target.exact, "the plan is too expensive");
    assert_eq!(saved[0].1.speaker.as_deref(), Some("John Roe"));
    keys(&mut app, "k");
    keys(&mut app, "t");
    assert_eq!(
        message(&app),
        "choose a claim (Claims tab) or an annotation (Notes tab)"
    );
}

#[test]
fn the_tag_index_lists_renames_merges_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    // Another article, another tag.
    press(&mut app, KeyCode::BackTab);
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "spin");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "T");
    let index = app.tag_index().expect("tag index open");
    let tags: Vec<(&str, usize)> = index
        .tags()
        .iter()
        .map(|t| (t.tag.as_str(), t.count))
        .collect();
    assert_eq!(
        tags,
        [("budget", 1), ("promise", 1), ("rhetoric", 1), ("spin", 1)]
    );
    keys(&mut app, "G");
    keys(&mut app, "r");
    assert_eq!(app.prompt().unwrap().input, "spin");
    ctrl(&mut app, 'u');
    keys(&mut app, "rhe");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        message(&app),
        "renamed #spin to #rhetoric on 1 annotation, merged into the existing tag (u undoes)"
    );
    let index = app.tag_index().unwrap();
    assert_eq!(index.tags()[0].tag, "rhetoric");
    assert_eq!(index.tags()[0].count, 2);
    assert_eq!(index.selected_tag(), Some("rhetoric"));
    // Enter lists the passages across articles; Enter jumps to one.
    press(&mut app, KeyCode::Enter);
    let listed: Vec<(Option<usize>, &str)> = app
        .tag_index()
        .unwrap()
        .passages()
        .iter()
        .map(|(i, a)| (*i, a.target.exact.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            (Some(0), "We will build it,"),
            (Some(2), "the talks were useful")
        ]
    );
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert!(app.tag_index().is_none());
    assert_eq!(
        (app.focus(), app.reader().article()),
        (Pane::Reader, Some(2))
    );
    assert_eq!(
        app.reader().cursor(),
        find(TALKS, "the talks were useful", 0).start
    );
    // The rename is one step to undo, even from the reader.
    keys(&mut app, "u");
    assert_eq!(message(&app), "undone: rename tag spin → rhetoric");
    let tags: Vec<Vec<String>> = on_disk(dir.path())
        .into_iter()
        .map(|(_, a)| a.tags)
        .collect();
    assert!(tags.contains(&vec!["spin".to_owned()]), "{tags:?}");
}

#[test]
fn library_rows_count_annotations_and_the_filter_matches_tags() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_fixture(dir.path());
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus(), Pane::Library);
    let screen = common::text(&render(&mut app, 80, 24));
    let row = screen
        .lines()
        .find(|l| l.contains("Jane Doe announces a bridge") && l.contains("2025-03-01"))
        .expect("bridge row");
    assert!(
        row.trim_end_matches('│').trim_end().ends_with(" 3"),
        "{row}"
    );
    keys(&mut app, "/#rhet");
    assert_eq!(app.library().view(), [0]);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "/budget");
    assert_eq!(app.library().view(), [0], "plain words match tags too");
}

#[test]
fn orphaned_and_moved_annotations_are_kept_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    annotation_file_with_orphan(dir.path(), &fixture_app());
    let mut app = reading_bridge(dir.path());
    let notes = app.store().annotations().placed().unwrap().notes.clone();
    let statuses: Vec<AnchorStatus> = notes.iter().map(|n| n.status).collect();
    assert_eq!(statuses, [AnchorStatus::Moved, AnchorStatus::Orphaned]);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    let screen = common::text(&render(&mut app, 80, 24));
    assert!(
        screen.contains("orphaned “The tunnel will be dug first” #gone — was in the first"),
        "{screen}"
    );
    assert!(screen.contains("moved    “Critics disagree.”"), "{screen}");
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).starts_with("orphaned: “The tunnel will be dug first”"));
    // Orphans keep their tags and notes, and can be edited.
    keys(&mut app, "t");
    assert_eq!(app.prompt().unwrap().input, "gone, ");
    keys(&mut app, "kept");
    press(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path());
    let orphan = saved.iter().find(|(_, a)| a.tags.contains(&"kept".into()));
    assert_eq!(
        orphan.map(|(_, a)| a.target.exact.as_str()),
        Some("The tunnel will be dug first")
    );
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let app = fixture_app();
    let id = app.store().articles()[0].id.clone();
    let folder = dir.path().join("annotations");
    std::fs::create_dir_all(&folder).unwrap();
    let broken = folder.join(format!("{id}.toml"));
    let text = "version = 1\n[article]\nid = \"x\"\n[[annotation]]\nid = 3 +\n";
    std::fs::write(&broken, text).unwrap();
    let mut app = with_annotations(app, dir.path());
    let shown = message(&app);
    assert!(
        shown.starts_with(&format!("{}:5:", broken.display())),
        "names file, line and column: {shown}"
    );
    assert_eq!(app.message().unwrap().level, Level::Error);
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    assert!(app.prompt().is_none(), "refused before typing");
    assert!(message(&app).contains("read-only until the file is fixed"));
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        text,
        "never overwritten"
    );
    // The other articles are annotated as usual.
    press(&mut app, KeyCode::BackTab);
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "ok");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store().annotation_count(2), 1);
}

#[test]
fn before_loading_and_in_sidecar_mode_without_files_edits_are_refused() {
    let mut app = fixture_app();
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    assert_eq!(
        message(&app),
        "annotations are still loading: try again in a moment"
    );
    let loaded = sayso::tui::annotations::load(Storage::Sidecar, app.store().articles());
    app.annotations_loaded(loaded);
    keys(&mut app, "t");
    assert!(message(&app).starts_with("sidecar storage keeps annotations beside"));
}

#[test]
fn export_writes_a_new_file_in_the_export_dir() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let settings = Settings {
        export_dir: Some(out.path().to_owned()),
        ..Settings::default()
    };
    let mut app = App::new(
        fixture_app()
            .store()
            .articles()
            .iter()
            .map(|a| (**a).clone())
            .collect(),
        settings,
    );
    app.extraction_done(0, Ok(common::bridge_extraction()));
    let mut app = with_annotations(app, dir.path());
    keys(&mut app, "E");
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "no annotations to export yet");
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "rhetoric");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "E");
    assert_eq!(
        app.prompt().unwrap().candidates(),
        ["markdown", "json", "csv", "w3c"]
    );
    keys(&mut app, "c");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let shown = message(&app);
    let path = shown
        .strip_prefix("exported 1 annotation to ")
        .expect(&shown)
        .to_owned();
    assert!(path.starts_with(&out.path().display().to_string()) && path.ends_with(".csv"));
    let csv = std::fs::read_to_string(&path).unwrap();
    assert!(
        csv.contains("We will build it,") && csv.contains("rhetoric"),
        "{csv}"
    );
    keys(&mut app, "E");
    press(&mut app, KeyCode::Enter);
    let second = message(&app);
    assert!(
        second.ends_with(".md") && !second.contains(&path),
        "{second}"
    );
    keys(&mut app, "E");
    keys(&mut app, "pdf");
    press(&mut app, KeyCode::Enter);
    assert!(message(&app).contains("unknown export format `pdf`"));
}

#[test]
fn notes_from_the_external_editor_are_saved_and_failures_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reading_bridge(dir.path());
    keys(&mut app, "]A");
    assert!(app.wants_editor());
    assert_eq!(app.take_external_edit().as_deref(), Some(""));
    app.external_edit_done(Ok("From the editor\n".into()));
    assert_eq!(on_disk(dir.path())[0].1.note, "From the editor");
    keys(&mut app, "A");
    assert_eq!(app.take_external_edit().as_deref(), Some("From the editor"));
    app.external_edit_done(Err("the editor `nano` failed (exit status 1)".into()));
    assert_eq!(app.message().unwrap().level, Level::Error);
    assert_eq!(on_disk(dir.path())[0].1.note, "From the editor");
}

#[test]
fn claims_listed_in_the_speakers_index_are_annotated_in_their_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = with_annotations(fixture_app(), dir.path());
    keys(&mut app, "S");
    let wang = app
        .index()
        .unwrap()
        .people()
        .iter()
        .position(|p| p.name == "Wang Yi")
        .unwrap();
    for _ in 0..wang {
        keys(&mut app, "j");
    }
    press(&mut app, KeyCode::Enter);
    // Newest first: the first claim listed is the later article's (talks2, 2024-10-01).
    keys(&mut app, "t");
    assert!(app.index().is_none(), "the reader takes over");
    assert_eq!(
        (app.focus(), app.reader().article()),
        (Pane::Reader, Some(2))
    );
    keys(&mut app, "talks");
    press(&mut app, KeyCode::Enter);
    let saved = on_disk(dir.path());
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].0, "Wang Yi meets his counterparts again");
    assert_eq!(saved[0].1.target.exact, "the talks were useful");
    assert_eq!(saved[0].1.speaker.as_deref(), Some("Wang Yi"));
}

#[test]
fn a_change_that_cannot_be_saved_is_kept_and_saved_later() {
    let dir = tempfile::tempdir().unwrap();
    let app = fixture_app();
    let id = app.store().articles()[0].id.clone();
    // A directory where the lock file goes: every save of this article fails.
    let blocker = dir
        .path()
        .join("annotations")
        .join(format!("{id}.toml.lock"));
    std::fs::create_dir_all(&blocker).unwrap();
    let mut app = with_annotations(app, dir.path());
    render(&mut app, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "rhetoric");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.message().unwrap().level, Level::Error);
    assert!(message(&app).contains("the change is kept and saving will be retried"));
    assert_eq!(placed_count(&app), 1, "kept in memory");
    assert!(app.store().annotations().has_unsaved());
    let now = std::time::Instant::now();
    app.tick(now);
    assert!(message(&app).starts_with("still not saved"));
    std::fs::remove_dir(&blocker).unwrap();
    app.tick(now + std::time::Duration::from_secs(6));
    assert!(!app.store().annotations().has_unsaved());
    assert_eq!(on_disk(dir.path())[0].1.tags, ["rhetoric"]);
}
