//! Drawing never panics, whatever the terminal size (1×1 to 200×60) and screen.

mod common;

use common::{fixture_app, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use sayso::tui::app::App;

/// The screens to draw: 0 library, 1 reader on a claim, 2 insight claims, 3 help,
/// 4 speakers index claims, 5 search prompt.
fn app_on_screen(screen: u8) -> App {
    let mut app = fixture_app();
    let key =
        |app: &mut App, code: KeyCode| app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
    let chars = |app: &mut App, s: &str| {
        for c in s.chars() {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            app.handle_key(&KeyEvent::new(KeyCode::Char(c), mods));
        }
    };
    match screen {
        1 => {
            key(&mut app, KeyCode::Enter);
            chars(&mut app, "]]");
        }
        2 => {
            key(&mut app, KeyCode::Enter);
            chars(&mut app, "/roe");
            key(&mut app, KeyCode::Enter);
            key(&mut app, KeyCode::Tab);
            key(&mut app, KeyCode::Tab);
        }
        3 => chars(&mut app, "?"),
        4 => {
            chars(&mut app, "S");
            key(&mut app, KeyCode::Enter);
        }
        5 => {
            key(&mut app, KeyCode::Enter);
            chars(&mut app, "/bri");
        }
        _ => {}
    }
    app
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_size_renders(width in 1u16..=200, height in 1u16..=60, screen in 0u8..6) {
        let mut app = app_on_screen(screen);
        render(&mut app, width, height);
        // Moving after a resize uses the new geometry; it must not panic either.
        app.handle_key(&KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
        app.handle_key(&KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE));
        render(&mut app, width, height);
    }
}

#[test]
fn resizing_one_app_through_many_sizes() {
    let mut app = app_on_screen(1);
    for (w, h) in [
        (200, 60),
        (1, 1),
        (40, 8),
        (39, 7),
        (99, 30),
        (100, 30),
        (3, 50),
        (200, 2),
        (120, 40),
    ] {
        render(&mut app, w, h);
    }
    assert_eq!(app.reader().article(), Some(0));
}

/// The annotation screens: 0 reader on an annotated claim with a selection, 1 Notes tab
/// (with an orphan), 2 tag index passages, 3 note editor, 4 tag prompt with completions.
fn annotated_app_on_screen(dir: &std::path::Path, screen: u8) -> App {
    let mut app = common::with_annotations(fixture_app(), dir);
    let key =
        |app: &mut App, code: KeyCode| app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
    key(&mut app, KeyCode::Enter);
    match screen {
        0 => common::keys(&mut app, "]v j"),
        1 => {
            for _ in 0..4 {
                key(&mut app, KeyCode::Tab);
            }
        }
        2 => {
            common::keys(&mut app, "T");
            key(&mut app, KeyCode::Enter);
        }
        3 => {
            common::keys(&mut app, "]]]a");
            common::keys(
                &mut app,
                "a line that is long enough to wrap, 中文 included",
            );
        }
        _ => common::keys(&mut app, "]]t"),
    }
    app
}

#[test]
fn annotation_screens_render_at_any_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Annotations on disk once; each case loads them (without writing).
    drop(common::annotated_fixture(dir.path()));
    common::annotation_file_with_orphan(dir.path(), &fixture_app());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
    runner
        .run(
            &(1u16..=200, 1u16..=60, 0u8..5),
            |(width, height, screen)| {
                let mut app = annotated_app_on_screen(dir.path(), screen);
                render(&mut app, width, height);
                app.handle_key(&KeyEvent::new(KeyCode::Down, KeyModifiers::NONE));
                app.handle_key(&KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT));
                render(&mut app, width, height);
                Ok(())
            },
        )
        .expect("renders at every size");
}
