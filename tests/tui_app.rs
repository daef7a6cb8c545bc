//! State transitions of the reader app, driven by keys and mouse as a user would.

mod common;

use common::{BRIDGE, find, fixture_app, render};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use sayso::config::Config;
use sayso::tui::app::{App, Settings};
use sayso::tui::component::{Level, PromptKind};
use sayso::tui::components::insight::Tab;
use sayso::tui::components::library::SortKey;
use sayso::tui::theme::Pane;

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

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

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// The fixture app with the bridge article open in the reader.
fn reading_bridge() -> App {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    assert_eq!(app.library().selected_article(), Some(0), "newest first");
    press(&mut app, KeyCode::Enter);
    app
}

#[test]
fn enter_opens_the_selected_article_in_the_reader() {
    let app = reading_bridge();
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.reader().article(), Some(0));
    assert_eq!(app.reader().cursor(), 0);
}

#[test]
fn claim_and_number_jumps_follow_the_text() {
    let mut app = reading_bridge();
    keys(&mut app, "]");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "We will build it,", 0).start
    );
    let status = app
        .reader()
        .claim_status(app.store(), app.classes())
        .unwrap();
    assert_eq!(status, "claim 1/3 · Jane Doe · said · direct speech");
    keys(&mut app, "]]");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "It is a waste,", 0).start
    );
    keys(&mut app, "]");
    assert_eq!(message(&app), "no next claim");
    keys(&mut app, "[");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "the plan is too expensive", 0).start
    );
    assert!(
        app.reader()
            .claim_status(app.store(), app.classes())
            .unwrap()
            .contains("John Roe · According to · indirect speech")
    );
    keys(&mut app, "g}");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "$5 million", 0).start);
    keys(&mut app, "}");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "2027", 0).start);
    keys(&mut app, "{");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "$5 million", 0).start);
}

#[test]
fn reopening_the_open_article_keeps_the_position() {
    let mut app = reading_bridge();
    keys(&mut app, "]");
    let at = app.reader().cursor();
    app.handle_key(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.focus(), Pane::Library);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.focus(), app.reader().cursor()), (Pane::Reader, at));
}

#[test]
fn sentence_and_line_moves() {
    let mut app = reading_bridge();
    keys(&mut app, ")");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "\"We will", 0).start);
    keys(&mut app, ")");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "The bridge", 0).start);
    keys(&mut app, "(");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "\"We will", 0).start);
    keys(&mut app, "G");
    assert_eq!(app.reader().percent(), 100);
    keys(&mut app, "gj");
    assert_eq!(app.reader().cursor_line(), 1);
    keys(&mut app, "k");
    assert_eq!(app.reader().cursor_line(), 0);
}

#[test]
fn search_highlights_and_steps_through_matches() {
    let mut app = reading_bridge();
    keys(&mut app, "/");
    assert_eq!(app.prompt().map(|p| p.kind), Some(PromptKind::Search));
    keys(&mut app, "roe");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "Roe", 0).start,
        "live search moves the cursor"
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.prompt().is_none());
    assert_eq!(message(&app), "2 matches");
    keys(&mut app, "n");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "Roe", 1).start);
    keys(&mut app, "n");
    assert_eq!(message(&app), "match 1/2 (wrapped)");
    keys(&mut app, "N");
    assert_eq!(app.reader().cursor(), find(BRIDGE, "Roe", 1).start);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.reader().search_query(), "");
}

#[test]
fn cancelled_search_returns_to_where_it_began() {
    let mut app = reading_bridge();
    keys(&mut app, "/waste");
    assert_ne!(app.reader().cursor(), 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.reader().cursor(), 0);
    keys(&mut app, "/zzz");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.message().map(|m| m.level), Some(Level::Error));
}

#[test]
fn layers_toggle() {
    let mut app = reading_bridge();
    keys(&mut app, "1");
    assert!(!app.layers().speakers);
    keys(&mut app, "23");
    assert!(!app.layers().claims && !app.layers().numbers);
    keys(&mut app, "1");
    assert!(app.layers().speakers);
}

#[test]
fn tab_walks_panes_and_insight_tabs() {
    let mut app = fixture_app();
    let mut seen = Vec::new();
    for _ in 0..7 {
        seen.push((app.focus(), app.insight().tab()));
        press(&mut app, KeyCode::Tab);
    }
    let focus: Vec<Pane> = seen.iter().map(|s| s.0).collect();
    assert_eq!(
        focus,
        [
            Pane::Library,
            Pane::Reader,
            Pane::Insight,
            Pane::Insight,
            Pane::Insight,
            Pane::Insight,
            Pane::Library
        ]
    );
    assert_eq!(
        (seen[2].1, seen[3].1, seen[4].1, seen[5].1),
        (Tab::Speakers, Tab::Claims, Tab::Numbers, Tab::Notes)
    );
    assert_eq!(app.focus(), Pane::Reader);
    app.handle_key(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(app.focus(), Pane::Library);
    app.handle_key(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(
        (app.focus(), app.insight().tab()),
        (Pane::Insight, Tab::Notes)
    );
    keys(&mut app, "h");
    assert_eq!(app.insight().tab(), Tab::Numbers);
    keys(&mut app, "l");
    assert_eq!(app.insight().tab(), Tab::Notes);
}

#[test]
fn insight_lists_a_speakers_claims_and_jumps() {
    let mut app = reading_bridge();
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        (app.focus(), app.insight().tab()),
        (Pane::Insight, Tab::Speakers)
    );
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.insight().tab(), Tab::Claims);
    assert_eq!(app.insight().speaker_filter(), Some(1));
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "the plan is too expensive", 0).start
    );
    assert_eq!(
        app.focus(),
        Pane::Insight,
        "the insight pane keeps the focus"
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.insight().speaker_filter(), None);
    keys(&mut app, "l");
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().cursor(), find(BRIDGE, "2027", 0).start);
}

#[test]
fn library_sorts_and_filters() {
    let mut app = fixture_app();
    assert_eq!(app.library().sort(), SortKey::Date);
    assert_eq!(app.library().view(), [0, 2, 1]);
    keys(&mut app, "s");
    assert_eq!(app.library().sort(), SortKey::Title);
    assert_eq!(app.library().view(), [0, 1, 2]);
    keys(&mut app, "ssssss");
    assert_eq!(app.library().sort(), SortKey::Path);
    keys(&mut app, "/");
    keys(&mut app, "roe");
    // Matches a speaker name, not the title.
    assert_eq!(app.library().view(), [0]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.library().filter(), "roe");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.library().view().len(), 3);
    keys(&mut app, "/wang again");
    assert_eq!(app.library().view(), [2]);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.library().filter(), "");
}

#[test]
fn speakers_index_merges_and_jumps_across_articles() {
    let mut app = fixture_app();
    keys(&mut app, "S");
    let index = app.index().expect("index open");
    let wang = index
        .people()
        .iter()
        .position(|p| p.name == "Wang Yi")
        .expect("Wang Yi listed");
    assert_eq!(index.people()[wang].articles(), 2);
    assert_eq!(index.people()[wang].claims(), 4);
    for _ in 0..wang {
        keys(&mut app, "j");
    }
    press(&mut app, KeyCode::Enter);
    // Newest first: the third claim is the earlier article's (talks, 2024-09-26).
    keys(&mut app, "jj");
    press(&mut app, KeyCode::Enter);
    assert!(app.index().is_none());
    assert_eq!(app.focus(), Pane::Reader);
    assert_eq!(app.reader().article(), Some(1));
    assert_eq!(
        app.reader().cursor(),
        find(common::TALKS, "the talks were useful", 0).start
    );
}

#[test]
fn overlays_close_before_quitting() {
    let mut app = fixture_app();
    keys(&mut app, "?");
    assert!(app.help_open());
    keys(&mut app, "q");
    assert!(!app.help_open() && !app.should_quit());
    keys(&mut app, "S");
    press(&mut app, KeyCode::Esc);
    assert!(app.index().is_none());
    keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn ctrl_c_quits_from_anywhere_even_when_the_keymap_unbinds_q() {
    let config: Config = Config::parse("[keys]\n\"q\" = \"none\"\n", "t.toml".as_ref()).unwrap();
    let mut app = App::new(
        vec![common::article("b.txt", "B", None, BRIDGE)],
        Settings::from_config(&config, false),
    );
    keys(&mut app, "?");
    assert!(app.help_open());
    keys(&mut app, "q");
    assert!(!app.should_quit(), "q is unbound");
    app.handle_key(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit(), "ctrl-c still quits, from an overlay too");
}

#[test]
fn only_key_presses_act() {
    let mut app = fixture_app();
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle_key(&release);
    let repeat = KeyEvent {
        kind: KeyEventKind::Repeat,
        state: KeyEventState::NONE,
        ..release
    };
    app.handle_key(&repeat);
    assert!(!app.should_quit());
}

#[test]
fn rebound_keys_apply() {
    let config: Config = Config::parse(
        "[keys]\n\"x\" = \"next_claim\"\n\"]\" = \"none\"\n",
        "t.toml".as_ref(),
    )
    .unwrap();
    let mut app = App::new(
        vec![common::article("b.txt", "B", None, BRIDGE)],
        Settings::from_config(&config, false),
    );
    app.extraction_done(0, Ok(common::bridge_extraction()));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]");
    assert_eq!(app.reader().cursor(), 0);
    keys(&mut app, "x");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "We will build it,", 0).start
    );
}

fn click(app: &mut App, column: u16, row: u16) {
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

#[test]
fn mouse_focuses_selects_and_scrolls() {
    let mut app = fixture_app();
    render(&mut app, 120, 40);
    // Row 0 border, row 1 header, row 2 first article, row 3 second.
    click(&mut app, 5, 3);
    assert_eq!(app.library().selected_article(), Some(2));
    click(&mut app, 5, 3);
    assert_eq!(
        (app.focus(), app.reader().article()),
        (Pane::Reader, Some(2))
    );
    click(&mut app, 5, 30);
    assert_eq!(app.focus(), Pane::Insight);
    app.handle_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 3,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.library().selected_article(), Some(1));
}

#[test]
fn mouse_can_be_turned_off() {
    let config = Config::parse("mouse = false", "t.toml".as_ref()).unwrap();
    let mut app = App::new(
        vec![common::article("b.txt", "B", None, BRIDGE)],
        Settings::from_config(&config, false),
    );
    render(&mut app, 120, 40);
    click(&mut app, 60, 10);
    assert_eq!(app.focus(), Pane::Library);
}

#[test]
fn extraction_arriving_after_open_lights_up_the_reader() {
    let mut app = App::new(
        vec![common::article("b.txt", "B", None, BRIDGE)],
        Settings::default(),
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.take_urgent(),
        Some(0),
        "the open article jumps the queue"
    );
    keys(&mut app, "]");
    assert_eq!(message(&app), "extraction still running for this article");
    app.extraction_done(0, Ok(common::bridge_extraction()));
    keys(&mut app, "]");
    assert_eq!(
        app.reader().cursor(),
        find(BRIDGE, "We will build it,", 0).start
    );
    app.extraction_done(0, Err("boom".into()));
    assert_eq!(app.message().map(|m| m.level), Some(Level::Error));
}

#[test]
fn a_library_read_in_batches_shows_its_rows_as_they_arrive() {
    use sayso::tui::store::Loading;
    let mut app = App::new(Vec::new(), Settings::default());
    app.store_mut().set_loading(Some(Loading::default()));
    let screen = common::text(&common::render(&mut app, 100, 20));
    assert!(screen.contains("reading the library…"), "{screen}");
    assert!(screen.contains("reading 0 "), "{screen}");
    app.store_mut()
        .set_loading(Some(Loading { planned: Some(3) }));
    let first = app.add_articles(vec![
        common::article("b.txt", "Bridge", None, BRIDGE).into(),
    ]);
    assert_eq!(first, 0);
    let screen = common::text(&common::render(&mut app, 100, 20));
    assert!(screen.contains("Bridge"), "{screen}");
    assert!(screen.contains("reading 1/3"), "{screen}");
    // The reader is on the first article while the others arrive, and stays on it.
    press(&mut app, KeyCode::Enter);
    let more = vec![
        common::article("c.txt", "Council", None, "The council met.").into(),
        common::article("d.txt", "Dam", None, "The dam held.").into(),
    ];
    assert_eq!(app.add_articles(more), 1);
    app.store_mut().set_loading(None);
    let screen = common::text(&common::render(&mut app, 100, 20));
    assert!(
        screen.contains("Council") && screen.contains("Dam"),
        "{screen}"
    );
    assert!(!screen.contains("reading"), "{screen}");
    assert_eq!(app.reader().article(), Some(0));
    assert_eq!(app.library().selected_article(), Some(0));
    assert!(app.has_moved());
    assert!(
        !app.store().all_extracted(),
        "the new articles are still to extract"
    );
}
