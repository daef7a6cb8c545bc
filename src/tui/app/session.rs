//! The app's side of session restore: what it records of itself on quit and how it puts
//! that back at the next start (see [`crate::tui::session`] for the file).

use super::App;
use crate::text::offsets::CodePoints;
use crate::tui::components::insight::Tab;
use crate::tui::components::library::SortKey;
use crate::tui::session::Session;
use crate::tui::theme::Pane;

impl App {
    /// The session to keep for `library`: the article open, the reading position (in code
    /// points), the focus, the insight tab and the library's order and filter.
    pub fn session(&self, library: &str) -> Session {
        let store = &self.store;
        let path_of = |i: usize| {
            store
                .article(i)
                .map(|a| a.path.to_string_lossy().into_owned())
        };
        let open = self.reader.article().and_then(|i| store.article(i));
        let (cursor, top) = open.map_or((0, 0), |a| {
            let points = CodePoints::new(&a.text);
            (
                points.to_char(self.reader.cursor()),
                points.to_char(self.reader.top_offset()),
            )
        });
        Session {
            library: library.to_string(),
            article: open.map(|a| a.path.to_string_lossy().into_owned()),
            article_id: open.map(|a| a.id.clone()),
            cursor,
            top,
            focus: pane_name(self.focus).to_string(),
            tab: self.insight.tab().title().to_string(),
            sort: self.library.sort().label().to_string(),
            reversed: self.library.reversed(),
            filter: self.library.filter().to_string(),
            selected: self.library.selected_article().and_then(path_of),
        }
    }

    /// Puts `session` back when it is of `library`; anything it names that is gone (an
    /// article deleted, a sort order renamed) is skipped, never an error.
    /// Takes in articles read since (a large library streams in); returns the index of the
    /// first.
    pub fn add_articles(&mut self, articles: Vec<crate::tui::loader::Loaded>) -> usize {
        let first = self.store.add_loaded(articles);
        self.index_from(first);
        first
    }

    /// Whether the user has pressed a key or used the mouse yet.
    pub fn has_moved(&self) -> bool {
        self.touched
    }

    pub fn restore_session(&mut self, session: &Session, library: &str) {
        if session.library != library {
            return;
        }
        let sort = SortKey::from_label(&session.sort).unwrap_or(self.library.sort());
        self.library
            .restore(sort, session.reversed, &session.filter, &self.store);
        if let Some(tab) = Tab::ALL.into_iter().find(|t| t.title() == session.tab) {
            self.insight.set_tab(tab);
        }
        let find = |path: &Option<String>, id: Option<&String>| {
            let articles = self.store.articles();
            // Compared as bytes: no string made of each of 100,000 paths.
            let by_path = path.as_deref().and_then(|p| {
                let p = std::ffi::OsStr::new(p);
                articles.iter().position(|a| a.path.as_os_str() == p)
            });
            by_path.or_else(|| id.and_then(|id| articles.iter().position(|a| &a.id == id)))
        };
        let opened = find(&session.article, session.article_id.as_ref());
        let selected = find(&session.selected, None);
        if let Some(article) = opened {
            self.open(article);
            if let Some(text) = self.store.article(article).map(|a| a.text.as_str()) {
                let points = CodePoints::new(text);
                let byte = |ch: usize| points.to_byte(ch).unwrap_or(text.len());
                let (cursor, top) = (byte(session.cursor), byte(session.top));
                self.reader.restore_position(cursor, top, &self.store);
            }
        }
        if let Some(article) = selected {
            self.library.select_article(article);
        }
        self.focus = match (session.focus.as_str(), opened) {
            ("reader", Some(_)) => Pane::Reader,
            ("insight", Some(_)) => Pane::Insight,
            _ => Pane::Library,
        };
    }
}

fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Library => "library",
        Pane::Reader => "reader",
        Pane::Insight => "insight",
    }
}
