//! The session log (`!`): every warning and error in full, each once, while the status bar
//! shows the first; messages give the reason before the path.

mod common;

use common::{fixture_app, keys, press, render, text};
use crossterm::event::KeyCode;
use sayso::tui::component::Message;

/// The screen with each `HH:MM:SS` stamp written `hh:mm:ss`, so snapshots do not depend on
/// the clock.
fn without_times(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let mut out = String::new();
    let mut k = 0;
    while k < chars.len() {
        let stamp = chars.get(k..k + 8).is_some_and(|w| {
            w.iter().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    *c == ':'
                } else {
                    c.is_ascii_digit()
                }
            })
        });
        if stamp {
            out.push_str("hh:mm:ss");
            k += 8;
        } else {
            out.push(chars[k]);
            k += 1;
        }
    }
    out
}

#[test]
fn several_problems_show_the_first_and_the_log_lists_them_all() {
    let mut app = fixture_app();
    let problems: Vec<String> = (1..=3)
        .map(|n| {
            format!("cannot read /very/long/path/to/a/library/folder/number-{n}: Permission denied")
        })
        .collect();
    app.report_problems(&problems);
    let status = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(
        status.ends_with("number-1: Permission denied (+2 more: ! lists them)"),
        "{status}"
    );
    keys(&mut app, "!");
    assert!(app.log_open());
    let screen = text(&render(&mut app, 120, 30));
    for n in 1..=3 {
        assert!(
            screen.contains(&format!("number-{n}: Permission denied")),
            "{screen}"
        );
    }
    assert!(screen.contains("Session log · 3 messages"), "{screen}");
    insta::assert_snapshot!(without_times(&screen));
    press(&mut app, KeyCode::Esc);
    assert!(!app.log_open());
    assert!(!app.should_quit());
}

#[test]
fn a_repeated_error_is_logged_once_with_a_count_and_infos_not_at_all() {
    let mut app = fixture_app();
    app.show_message(Message::info("note saved"));
    for _ in 0..5 {
        app.show_message(Message::error("still not saved: disk full"));
    }
    let entries = app.log().entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].count, 5);
    keys(&mut app, "!");
    let screen = text(&render(&mut app, 100, 20));
    assert!(
        screen.contains("still not saved: disk full (×5)"),
        "{screen}"
    );
    keys(&mut app, "!");
    assert!(!app.log_open(), "! again closes it");
}

#[test]
fn a_long_message_wraps_in_the_log_instead_of_being_cut() {
    let mut app = fixture_app();
    let long = format!(
        "annotations read-only until the file is fixed: expected `=` ({}/x.toml:3:7)",
        "d".repeat(150)
    );
    app.show_message(Message::error(long.clone()));
    keys(&mut app, "!");
    let screen = text(&render(&mut app, 100, 20));
    let joined: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect();
    assert!(joined.contains("x.toml:3:7)"), "{screen}");
    assert!(
        screen.contains("expected `=`"),
        "the reason is first and shown: {screen}"
    );
}
