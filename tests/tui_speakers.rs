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
    // Descriptions are listed as one group (two different speakers), not as one person.
    assert_eq!(of("officials"), [vec![1, 3]]);
    let officials = index.people().iter().find(|p| p.name == "officials");
    assert_eq!(officials.map(|p| p.grouped), Some(2));
}

fn index_names(app: &App) -> Vec<String> {
    app.index()
        .expect("index open")
        .people()
        .iter()
        .map(|p| p.name.clone())
        .collect()
}

#[test]
fn the_index_filters_as_you_type_and_esc_clears_then_closes() {
    let mut app = lynch_library();
    keys(&mut app, "S/lyn");
    assert_eq!(
        index_names(&app),
        ["Loretta Lynch", "Lynch", "Stephen Lynch"],
        "narrowed while typing (most claims first, then by name)"
    );
    keys(&mut app, "ch lor");
    assert_eq!(index_names(&app), ["Loretta Lynch"]);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.index().map(|i| i.filter()), Some("lynch lor"));
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(screen.contains("(1/7 · /lynch lor)"), "{screen}");
    // Enter on the entry lists its claims; Esc back, Esc clears, Esc closes.
    press(&mut app, KeyCode::Enter);
    assert!(
        app.index()
            .is_some_and(|i| i.selected_claim(app.store()).is_some())
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(index_names(&app).len(), 7);
    press(&mut app, KeyCode::Esc);
    assert!(app.index().is_none());
}

#[test]
fn the_index_sorts_by_claims_articles_and_name() {
    let mut app = lynch_library();
    keys(&mut app, "S");
    assert_eq!(index_names(&app)[0], "Loretta Lynch", "most claims first");
    keys(&mut app, "s");
    let names = index_names(&app);
    assert!(
        names[0] == "Wang-Yi" || names[0] == "officials",
        "in most articles first: {names:?}"
    );
    keys(&mut app, "s");
    assert_eq!(
        index_names(&app),
        [
            "Loretta Lynch",
            "Lynch",
            "Marco Rubio",
            "officials",
            "Rubio",
            "Stephen Lynch",
            "Wang-Yi"
        ]
    );
    keys(&mut app, "R");
    assert_eq!(index_names(&app)[0], "Wang-Yi");
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(screen.contains("by name ↑"), "{screen}");
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

/// A speaker's claims across the library sort by date (newest first), outlet and title,
/// and `R` reverses; each row names its date and outlet.
#[test]
fn a_speakers_claims_sort_by_date_outlet_and_title() {
    let made = [
        ("b.txt", "Bravo harbour", "2021-03-01", "Zeta Post"),
        ("a.txt", "Alpha harbour", "2020-01-01", "Coast Herald"),
        ("c.txt", "Charlie harbour", "2022-07-01", "Morning Star"),
    ];
    let articles = made
        .iter()
        .map(|(file, title, date, outlet)| {
            let mut a = common::article(
                file,
                title,
                Some(date),
                &format!("{title}\n\n\"The quay is open to every ship,\" said Ana Ruiz.\n"),
            );
            a.source = Some((*outlet).into());
            a
        })
        .collect();
    let mut app = App::new(articles, Settings::default());
    app.store_mut().extract_all_now();
    keys(&mut app, "S/ana");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let order = |app: &mut App| -> Vec<String> {
        let screen = common::text(&common::render(app, 120, 30));
        screen
            .lines()
            .filter(|l| l.starts_with('│'))
            .filter_map(|l| {
                ["Alpha", "Bravo", "Charlie"]
                    .into_iter()
                    .find(|t| l.contains(&format!("{t} harbour")))
                    .map(str::to_owned)
            })
            .collect()
    };
    assert_eq!(
        order(&mut app),
        ["Charlie", "Bravo", "Alpha"],
        "newest first"
    );
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(screen.contains("2022-07-01 Morning Star"), "{screen}");
    assert!(screen.contains("by date · s sorts"), "{screen}");
    keys(&mut app, "s");
    assert_eq!(order(&mut app), ["Alpha", "Charlie", "Bravo"], "by outlet");
    keys(&mut app, "s");
    assert_eq!(order(&mut app), ["Alpha", "Bravo", "Charlie"], "by title");
    keys(&mut app, "R");
    assert_eq!(order(&mut app), ["Charlie", "Bravo", "Alpha"], "reversed");
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(screen.contains("by title ↑"), "{screen}");
}

/// Three dated articles from two outlets quoting Ana Ruiz, one of them on fees.
fn harbour_library() -> App {
    let made = [
        (
            "b.txt",
            "Bravo harbour",
            "2021-03-01",
            "Zeta Post",
            "The quay is open to every ship",
        ),
        (
            "a.txt",
            "Alpha harbour",
            "2020-01-01",
            "Coast Herald",
            "The fees will fall next year",
        ),
        (
            "c.txt",
            "Charlie harbour",
            "2022-07-01",
            "Zeta Post",
            "The cranes are old but safe",
        ),
    ];
    let articles = made
        .iter()
        .map(|(file, title, date, outlet, quote)| {
            let mut a = common::article(
                file,
                title,
                Some(date),
                &format!("{title}\n\n\"{quote},\" said Ana Ruiz.\n"),
            );
            a.source = Some((*outlet).into());
            a
        })
        .collect();
    let mut app = App::new(articles, Settings::default());
    app.store_mut().extract_all_now();
    app
}

fn ledger_rows(app: &mut App) -> Vec<String> {
    let screen = common::text(&common::render(app, 120, 30));
    screen
        .lines()
        .filter(|l| l.starts_with('│') && l.contains(" │ "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_speakers_claims_filter_by_their_words_class_and_outlet_and_esc_clears_first() {
    let mut app = harbour_library();
    keys(&mut app, "S/ana");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(ledger_rows(&mut app).len(), 3);
    keys(&mut app, "/fees");
    let rows = ledger_rows(&mut app);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("Alpha harbour"), "{rows:?}");
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(screen.contains("(1/3 · /fees)"), "{screen}");
    common::ctrl(&mut app, 'u');
    keys(&mut app, "zeta speech");
    press(&mut app, KeyCode::Enter);
    assert_eq!(ledger_rows(&mut app).len(), 2, "the outlet and the class");
    // Esc clears the filter, then closes the list.
    press(&mut app, KeyCode::Esc);
    assert_eq!(ledger_rows(&mut app).len(), 3);
    press(&mut app, KeyCode::Esc);
    assert!(app.index().is_some_and(|i| i.ledger().is_none()));
}

#[test]
fn o_lists_outlets_and_enter_an_outlets_claims() {
    let mut app = harbour_library();
    keys(&mut app, "SO");
    let outlets: Vec<(String, usize, usize)> = app
        .index()
        .expect("open")
        .outlets()
        .iter()
        .map(|o| (o.name.clone(), o.articles.len(), o.claims))
        .collect();
    assert_eq!(
        outlets,
        [
            ("Zeta Post".to_owned(), 2, 2),
            ("Coast Herald".to_owned(), 1, 1)
        ]
    );
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(
        screen.contains("Outlets across the library (2)"),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    let rows = ledger_rows(&mut app);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains("Charlie harbour") && rows[1].contains("Bravo harbour"));
    let screen = common::text(&common::render(&mut app, 120, 30));
    assert!(
        screen.contains("Claims of Zeta Post across the library (2)"),
        "{screen}"
    );
    // Enter opens the claim's article.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader().article(), Some(2));
}
