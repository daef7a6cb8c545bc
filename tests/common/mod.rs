//! Shared fixtures for the TUI tests: hand-made articles and extractions that stay stable
//! whatever the engine finds, and a renderer onto a TestBackend.
#![allow(dead_code)]

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use sayso::article::Article;
use sayso::extract::{
    Claim, ClaimClass, ClaimKind, Extraction, Number, NumberKind, Span, Speaker, SpeakerKind,
};
use sayso::tui::app::{App, Settings};

pub const BRIDGE: &str = "Jane Doe announces a bridge\n\n\"We will build it,\" said Jane Doe. The bridge will cost $5 million and open in 2027.\n\nCritics disagree. According to John Roe, the plan is too expensive. \"It is a waste,\" Roe said.\n";

pub const TALKS: &str = "Wang Yi meets his counterparts\n\nForeign Minister Wang Yi said the talks were useful. Wang added that 3 agreements were signed.\n";

pub fn article(name: &str, title: &str, date: Option<&str>, text: &str) -> Article {
    Article {
        id: format!("{:016x}", name.len() * 7919 + text.len()),
        path: PathBuf::from(name),
        title: title.into(),
        date: date.map(Into::into),
        source: Some("Test Wire".into()),
        text: text.into(),
        warnings: Vec::new(),
    }
}

/// The span of the `n`th occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, n: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(n)
        .map(|(i, _)| i)
        .expect("needle in text");
    Span::new(start, start + needle.len())
}

fn person(name: &str, role: Option<&str>, mentions: Vec<Span>) -> Speaker {
    Speaker {
        name: name.into(),
        role: role.map(Into::into),
        kind: SpeakerKind::Person,
        mentions,
    }
}

fn claim(span: Span, kind: ClaimKind, speaker: usize, source: Span, cue: Span) -> Claim {
    Claim {
        span,
        fragments: Vec::new(),
        kind,
        class: Default::default(),
        speaker: Some(speaker),
        source: Some(source),
        cue: Some(cue),
    }
}

/// What a good engine finds in [`BRIDGE`].
pub fn bridge_extraction() -> Extraction {
    let t = BRIDGE;
    Extraction {
        speakers: vec![
            person(
                "Jane Doe",
                Some("Mayor"),
                vec![find(t, "Jane Doe", 0), find(t, "Jane Doe", 1)],
            ),
            person(
                "John Roe",
                None,
                vec![find(t, "John Roe", 0), find(t, "Roe", 1)],
            ),
        ],
        claims: vec![
            claim(
                find(t, "We will build it,", 0),
                ClaimKind::Direct,
                0,
                find(t, "Jane Doe", 1),
                find(t, "said", 0),
            ),
            claim(
                find(t, "the plan is too expensive", 0),
                ClaimKind::Indirect,
                1,
                find(t, "John Roe", 0),
                find(t, "According to", 0),
            ),
            claim(
                find(t, "It is a waste,", 0),
                ClaimKind::Direct,
                1,
                find(t, "Roe", 1),
                find(t, "said", 1),
            ),
        ],
        numbers: vec![
            Number {
                span: find(t, "$5 million", 0),
                value: Some(5e6),
                unit: Some("USD"),
                kind: NumberKind::Money,
                qualifier: None,
                range: None,
                per: None,
            },
            Number {
                span: find(t, "2027", 0),
                value: Some(2027.0),
                unit: None,
                kind: NumberKind::Year,
                qualifier: None,
                range: None,
                per: None,
            },
        ],
    }
}

/// What a good engine finds in [`TALKS`].
pub fn talks_extraction() -> Extraction {
    let t = TALKS;
    Extraction {
        speakers: vec![person(
            "Wang Yi",
            Some("Foreign Minister"),
            vec![
                find(t, "Wang Yi", 0),
                find(t, "Wang Yi", 1),
                find(t, "Wang", 2),
            ],
        )],
        claims: vec![
            claim(
                find(t, "the talks were useful", 0),
                ClaimKind::Indirect,
                0,
                find(t, "Wang Yi", 1),
                find(t, "said", 0),
            ),
            claim(
                find(t, "3 agreements were signed", 0),
                ClaimKind::Indirect,
                0,
                find(t, "Wang", 2),
                find(t, "added", 0),
            ),
        ],
        numbers: vec![Number {
            span: find(t, "3", 0),
            value: Some(3.0),
            unit: None,
            kind: NumberKind::Count,
            qualifier: None,
            range: None,
            per: None,
        }],
    }
}

/// One claim of each class.
pub const COUNCIL: &str = "Council weighs the bridge\n\n\"We will build it,\" said Jane Doe. Doe believes the costs will fall. Critics want a vote first. John Roe criticized the plan as reckless. The audit shows a deficit of $2 million.\n";

/// What a good engine finds in [`COUNCIL`]: a speech, a belief, an intention, an
/// evaluation and (attributed to no one named) evidence, in text order.
pub fn council_extraction() -> Extraction {
    let t = COUNCIL;
    let classed = |content: &str, class, speaker, source: Span, cue: &str| Claim {
        span: find(t, content, 0),
        fragments: Vec::new(),
        kind: if class == ClaimClass::Speech {
            ClaimKind::Direct
        } else {
            ClaimKind::Indirect
        },
        class,
        speaker,
        source: Some(source),
        cue: Some(find(t, cue, 0)),
    };
    Extraction {
        speakers: vec![
            person(
                "Jane Doe",
                None,
                vec![find(t, "Jane Doe", 0), find(t, "Doe", 1)],
            ),
            person("John Roe", None, vec![find(t, "John Roe", 0)]),
            Speaker {
                name: "Critics".into(),
                role: None,
                kind: SpeakerKind::Nominal,
                mentions: vec![find(t, "Critics", 0)],
            },
        ],
        claims: vec![
            classed(
                "We will build it,",
                ClaimClass::Speech,
                Some(0),
                find(t, "Jane Doe", 0),
                "said",
            ),
            classed(
                "the costs will fall",
                ClaimClass::Belief,
                Some(0),
                find(t, "Doe", 1),
                "believes",
            ),
            classed(
                "a vote first",
                ClaimClass::Intention,
                Some(2),
                find(t, "Critics", 0),
                "want",
            ),
            classed(
                "the plan as reckless",
                ClaimClass::Evaluation,
                Some(1),
                find(t, "John Roe", 0),
                "criticized",
            ),
            classed(
                "a deficit of $2 million",
                ClaimClass::Evidence,
                None,
                find(t, "The audit", 0),
                "shows",
            ),
        ],
        numbers: Vec::new(),
    }
}

/// An app over [`COUNCIL`] alone, extracted, with its annotations in `dir`.
pub fn council_app(dir: &std::path::Path) -> App {
    let articles = vec![article(
        "council.txt",
        "Council weighs the bridge",
        Some("2025-04-01"),
        COUNCIL,
    )];
    let mut app = with_annotations(App::new(articles, Settings::default()), dir);
    app.extraction_done(0, Ok(council_extraction()));
    app
}

/// An app over the two fixture articles (plus a second Wang Yi article), extracted.
pub fn fixture_app() -> App {
    fixture_app_with(Settings::default())
}

/// [`fixture_app`] with `settings`.
pub fn fixture_app_with(settings: Settings) -> App {
    let articles = vec![
        article(
            "bridge.txt",
            "Jane Doe announces a bridge",
            Some("2025-03-01"),
            BRIDGE,
        ),
        article(
            "talks.txt",
            "Wang Yi meets his counterparts",
            Some("2024-09-26"),
            TALKS,
        ),
        article(
            "talks2.txt",
            "Wang Yi meets his counterparts again",
            Some("2024-10-01"),
            TALKS,
        ),
    ];
    let mut app = App::new(articles, settings);
    app.extraction_done(0, Ok(bridge_extraction()));
    app.extraction_done(1, Ok(talks_extraction()));
    app.extraction_done(2, Ok(talks_extraction()));
    app
}

/// An app over the embedded samples, extracted by the real engine.
pub fn samples_app() -> App {
    let (articles, problems) = sayso::tui::load_library(&[], &sayso::config::Config::default());
    assert!(problems.is_empty());
    let mut app = App::new(articles, Settings::default());
    app.store_mut().extract_all_now();
    app
}

pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces trimmed.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads the annotations kept in the data dir `dir` into `app` (the reader loads them on
/// a thread of its own; tests do it here).
pub fn with_annotations(mut app: App, dir: &std::path::Path) -> App {
    let storage = sayso::annotate::Storage::in_data_dir(dir);
    let loaded = sayso::tui::annotations::load(storage, app.store().articles());
    app.annotations_loaded(loaded);
    app
}

/// Types `keys` (upper case with shift).
pub fn keys(app: &mut App, keys: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in keys.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(&KeyEvent::new(KeyCode::Char(c), mods));
    }
}

pub fn press(app: &mut App, code: crossterm::event::KeyCode) {
    use crossterm::event::{KeyEvent, KeyModifiers};
    app.handle_key(&KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// The fixture app, annotations in `dir`, the bridge article open, with: the first claim
/// tagged `rhetoric, promise`; the third claim with a note; "The bridge will cost $5
/// million" selected and tagged `budget`.
pub fn annotated_fixture(dir: &std::path::Path) -> App {
    use crossterm::event::KeyCode;
    let mut app = with_annotations(fixture_app(), dir);
    render(&mut app, 120, 24);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]t");
    keys(&mut app, "rhetoric, promise");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "]]a");
    keys(&mut app, "Roe calls it a waste:");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "check the 2024 audit.");
    ctrl(&mut app, 's');
    keys(&mut app, "g))v");
    keys(&mut app, "bbbbt");
    keys(&mut app, "budget");
    press(&mut app, KeyCode::Enter);
    app
}

/// Writes an annotation file for `article` holding one annotation on a passage that is
/// not in its text, and another on a passage that is.
pub fn annotation_file_with_orphan(dir: &std::path::Path, app: &App) {
    use sayso::annotate::{Annotation, Library, Storage, Target, Timestamp};
    let article = &app.store().articles()[0];
    let mut library = Library::load(Storage::in_data_dir(dir), &[]);
    let file = library
        .open_article(&article.id, &article.path, &article.title)
        .unwrap();
    let target = Target {
        start: 10,
        end: 34,
        exact: "The tunnel will be dug first".into(),
        prefix: "announced that ".into(),
        suffix: " and fast.".into(),
        extra: Default::default(),
    };
    let mut orphan = Annotation::new(target, Timestamp::now());
    orphan.tags = vec!["gone".into()];
    orphan.note = "was in the first version".into();
    library.add(file, orphan).unwrap();
    let span = find(BRIDGE, "Critics disagree.", 0);
    let moved = Annotation::on_passage(BRIDGE, span, None, Timestamp::now()).unwrap();
    let mut moved = moved;
    // Stored where it was before a paragraph was added above it.
    moved.target.start += 5;
    moved.target.end += 5;
    library.add(file, moved).unwrap();
}
