//! Quitting with changes that could not be saved — retry, save elsewhere, discard after
//! confirmation, or Ctrl-C again to keep them in the recovery journal — and the journal
//! offered back at the next start. Driven by keys, checked on disk.

mod common;

use std::path::{Path, PathBuf};

use common::{ctrl, fixture_app_with, keys, press, render, text, with_annotations};
use crossterm::event::KeyCode;
use sayso::annotate::{Library, Storage, journal};
use sayso::tui::app::{App, Leftover, Settings};
use sayso::tui::component::PromptKind;
use sayso::tui::components::choice::Purpose;

struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        Setup {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    fn app(&self) -> App {
        let settings = Settings {
            state_dir: Some(self.state()),
            ..Settings::default()
        };
        let mut app = with_annotations(fixture_app_with(settings), &self.data());
        render(&mut app, 120, 40);
        app
    }

    /// The data dir (and what it held) replaced by a regular file: nothing can be saved
    /// there, even by root.
    fn block(&self) {
        let _ = std::fs::remove_dir_all(self.data());
        std::fs::write(self.data(), "").unwrap();
    }

    fn unblock(&self) {
        std::fs::remove_file(self.data()).unwrap();
    }

    /// An app that tagged the bridge's first claim `first` (saved), then, with saving
    /// blocked, `first, kept`.
    fn app_with_an_unsaved_tag(&self) -> App {
        let mut app = self.app();
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "]t");
        keys(&mut app, "first");
        press(&mut app, KeyCode::Enter);
        self.block();
        keys(&mut app, "t");
        ctrl(&mut app, 'u');
        keys(&mut app, "first, kept");
        press(&mut app, KeyCode::Enter);
        assert!(
            app.store().annotations().has_unsaved(),
            "{:?}",
            app.message()
        );
        // Back to the library, where `q` quits.
        keys(&mut app, "q");
        assert!(!app.should_quit() && app.choice().is_none());
        app
    }
}

fn tags_in(data: &Path) -> Vec<String> {
    let library = Library::load(Storage::in_data_dir(data), &[]);
    library
        .files()
        .flat_map(|(_, f)| f.annotations().iter().flat_map(|a| a.tags.clone()))
        .collect()
}

fn purpose(app: &App) -> Option<Purpose> {
    app.choice().map(|c| c.purpose)
}

#[test]
fn quitting_with_unsaved_changes_asks_and_retry_quits_once_saved() {
    let s = Setup::new();
    let mut app = s.app_with_an_unsaved_tag();
    keys(&mut app, "q");
    assert!(!app.should_quit());
    assert_eq!(purpose(&app), Some(Purpose::Quit));
    let screen = text(&render(&mut app, 120, 40));
    assert!(screen.contains("Changes not saved"), "{screen}");
    assert!(screen.contains("retry saving"), "{screen}");
    // Still blocked: retrying asks again.
    keys(&mut app, "r");
    assert!(!app.should_quit());
    assert_eq!(purpose(&app), Some(Purpose::Quit));
    // Other keys do nothing; Esc goes back to the reader.
    keys(&mut app, "xq");
    assert_eq!(purpose(&app), Some(Purpose::Quit));
    press(&mut app, KeyCode::Esc);
    assert_eq!(purpose(&app), None);
    assert!(!app.should_quit());
    s.unblock();
    keys(&mut app, "q");
    assert!(app.should_quit(), "saved at last: quits without asking");
    assert_eq!(tags_in(&s.data()), ["first", "kept"]);
}

#[test]
fn save_elsewhere_writes_a_data_dir_then_quits() {
    let s = Setup::new();
    let mut app = s.app_with_an_unsaved_tag();
    keys(&mut app, "qs");
    let prompt = app.prompt().expect("asks for a folder");
    assert_eq!(prompt.kind, PromptKind::SaveElsewhere);
    assert!(
        prompt
            .input
            .starts_with(&s.state().join("recovery").display().to_string()),
        "suggests the journal: {}",
        prompt.input
    );
    // A folder that cannot be made (under a regular file) asks again.
    let bad = s.dir.path().join("a-file");
    std::fs::write(&bad, "").unwrap();
    ctrl(&mut app, 'u');
    keys(&mut app, &bad.join("inside").display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(!app.should_quit());
    assert_eq!(purpose(&app), Some(Purpose::Quit));

    let elsewhere = s.dir.path().join("elsewhere");
    keys(&mut app, "s");
    ctrl(&mut app, 'u');
    keys(&mut app, &elsewhere.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(app.should_quit());
    assert!(
        matches!(app.leftover(), Leftover::SavedElsewhere { dir, copies }
        if *dir == elsewhere && copies.len() == 1)
    );
    assert_eq!(tags_in(&elsewhere), ["first", "kept"]);
}

#[test]
fn discarding_asks_for_confirmation() {
    let s = Setup::new();
    let mut app = s.app_with_an_unsaved_tag();
    keys(&mut app, "qd");
    assert_eq!(purpose(&app), Some(Purpose::Discard));
    keys(&mut app, "n");
    assert_eq!(purpose(&app), Some(Purpose::Quit), "back to the question");
    keys(&mut app, "dy");
    assert!(app.should_quit());
    assert_eq!(*app.leftover(), Leftover::Discarded);
    s.unblock();
    assert!(
        tags_in(&s.data()).is_empty(),
        "the data dir was never written again"
    );
}

#[test]
fn ctrl_c_asks_first_and_again_quits_keeping_the_journal() {
    let s = Setup::new();
    let mut app = s.app_with_an_unsaved_tag();
    ctrl(&mut app, 'c');
    assert!(!app.should_quit());
    assert_eq!(purpose(&app), Some(Purpose::Quit));
    ctrl(&mut app, 'c');
    assert!(app.should_quit());
    assert_eq!(*app.leftover(), Leftover::ToJournal);
}

/// What the shell does on quitting: the unsaved files go to a journal entry.
fn quit_into_the_journal(s: &Setup) {
    let mut app = s.app_with_an_unsaved_tag();
    ctrl(&mut app, 'c');
    ctrl(&mut app, 'c');
    let entry = journal::new_entry(&s.state());
    let copies = app.store().annotations().write_recovery(&entry).unwrap();
    assert_eq!(copies.len(), 1);
    s.unblock();
}

#[test]
fn the_next_start_offers_the_journal_back() {
    let s = Setup::new();
    quit_into_the_journal(&s);
    let mut app = s.app();
    assert_eq!(purpose(&app), Some(Purpose::Restore));
    let screen = text(&render(&mut app, 120, 40));
    assert!(
        screen.contains("Unsaved changes from last time"),
        "{screen}"
    );
    keys(&mut app, "r");
    assert_eq!(purpose(&app), None);
    let message = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        message.contains("restored 1 annotation change"),
        "{message}"
    );
    assert_eq!(tags_in(&s.data()), ["first", "kept"]);
    assert!(journal::pending(&s.state()).is_empty());
    // One undo step takes it back out.
    keys(&mut app, "u");
    assert!(tags_in(&s.data()).is_empty());
    // Not offered again.
    let app = s.app();
    assert_eq!(purpose(&app), None);
}

#[test]
fn the_journal_can_wait_or_be_set_aside() {
    let s = Setup::new();
    quit_into_the_journal(&s);
    let mut app = s.app();
    press(&mut app, KeyCode::Esc);
    assert_eq!(journal::pending(&s.state()).len(), 1, "kept for later");
    let mut app = s.app();
    keys(&mut app, "l");
    assert_eq!(journal::pending(&s.state()).len(), 1, "kept for later");
    let mut app = s.app();
    keys(&mut app, "d");
    assert!(journal::pending(&s.state()).is_empty());
    assert!(s.state().join("recovery").join("discarded").is_dir());
    assert!(tags_in(&s.data()).is_empty());
    let app = s.app();
    assert_eq!(purpose(&app), None);
}
