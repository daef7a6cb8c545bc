//! Speakers across the library (issue 7): the speakers index and the library filter agree
//! on who is who, and a bare surname never joins a full name from another article.

mod common;

use crossterm::event::KeyCode;
use sayso::extract::{Claim, ClaimKind, Extraction, Span, Speaker, SpeakerKind};
use sayso::tui::app::{App, Settings};

use common::{keys, press};

/// Issue 7: a library where a bare `Lynch` used to pull Loretta Lynch's claims into
/// Stephen Lynch. Articles are titled so that only speaker names can match a filter.
fn lynch_library() -> App {
    let speaker = |name: &str, kind| Speaker {
        name: name.into(),
        role: None,
        kind,
        mentions: vec![Span::new(0, 1)],
    };
    let person = |name: &str| speaker(name, SpeakerKind::Person);
    let officials = || speaker("officials", SpeakerKind::Nominal);
    let said = |speaker: usize| Claim {
        span: Span::new(0, 1),
        fragments: Vec::new(),
        kind: ClaimKind::Indirect,
        class: Default::default(),
        speaker: Some(speaker),
        source: None,
        cue: None,
    };
    let articles = [
        (
            vec![person("Stephen Lynch"), person("Marco Rubio")],
            vec![0, 1],
        ),
        (vec![person("Loretta Lynch"), officials()], vec![0, 0, 1]),
        (vec![person("Lynch"), person("Wang-Yi")], vec![0, 1]),
        (
            vec![person("wang yi"), officials(), person("Rubio")],
            vec![0, 1, 2],
        ),
    ];
    let mut app = App::new(
        (0..articles.len())
            .map(|i| common::article(&format!("a{i}.txt"), &format!("Hearing {i}"), None, "x"))
            .collect(),
        Settings::default(),
    );
    for (i, (speakers, claims)) in articles.into_iter().enumerate() {
        let x = Extraction {
            speakers,
            claims: claims.into_iter().map(said).collect(),
            numbers: Vec::new(),
        };
        app.extraction_done(i, Ok(x));
    }
    app
}

fn filtered(app: &mut App, filter: &str) -> Vec<usize> {
    keys(app, "/");
    keys(app, filter);
    press(app, KeyCode::Enter);
    let mut view = app.library().view().to_vec();
    view.sort_unstable();
    press(app, KeyCode::Esc);
    view
}

#[test]
fn the_speakers_index_keeps_a_bare_surname_apart_from_full_names() {
    let mut app = lynch_library();
    keys(&mut app, "S");
    let index = app.index().expect("index open");
    let entries: Vec<(String, Vec<usize>)> = index
        .people()
        .iter()
        .map(|p| {
            let articles = p.appearances.iter().map(|a| a.article).collect();
            (p.name.clone(), articles)
        })
        .collect();
    let of = |name: &str| -> Vec<Vec<usize>> {
        entries
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, a)| a.clone())
            .collect()
    };
    assert_eq!(of("Loretta Lynch"), [vec![1]]);
    assert_eq!(of("Stephen Lynch"), [vec![0]]);
    assert_eq!(of("Lynch"), [vec![2]]);
    // Even with one fuller name to join, a bare surname stays its article's.
    assert_eq!(of("Marco Rubio"), [vec![0]]);
    assert_eq!(of("Rubio"), [vec![3]]);
    assert_eq!(
        of("Wang-Yi"),
        [vec![2, 3]],
        "the same name, spelt differently"
    );
    assert_eq!(
        of("officials"),
        [vec![1], vec![3]],
        "descriptions stay per article"
    );
}

#[test]
fn filtering_the_library_by_an_index_entry_finds_its_articles() {
    let mut app = lynch_library();
    keys(&mut app, "S");
    let people: Vec<(String, Vec<usize>)> = app
        .index()
        .expect("index open")
        .people()
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.appearances.iter().map(|a| a.article).collect(),
            )
        })
        .collect();
    press(&mut app, KeyCode::Esc);
    for (name, articles) in people {
        let view = filtered(&mut app, &name);
        assert!(
            articles.iter().all(|a| view.contains(a)),
            "{name}: index {articles:?}, filter {view:?}"
        );
    }
    assert_eq!(filtered(&mut app, "Loretta Lynch"), [1]);
    assert_eq!(filtered(&mut app, "Stephen Lynch"), [0]);
    assert_eq!(filtered(&mut app, "lynch"), [0, 1, 2]);
    assert_eq!(filtered(&mut app, "wang-yi"), [2, 3]);
    assert_eq!(filtered(&mut app, "Marco Rubio"), [0]);
}
