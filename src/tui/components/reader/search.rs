//! Searching the open article: live matches while the query is typed, `n`/`N` steps.

use super::Reader;
use crate::extract::Span;
use crate::text::search::find_all;
use crate::tui::component::{Effect, Message};
use crate::tui::store::Store;

#[derive(Debug, Clone, Default)]
pub(super) struct Search {
    pub(super) query: String,
    pub(super) matches: Vec<Span>,
    pub(super) current: Option<usize>,
    /// Where the cursor was when the search began (restored when it is cancelled).
    pub(super) origin: Option<usize>,
}

impl Reader {
    /// Live search while the query is typed: matches are highlighted and the cursor goes
    /// to the first match from where the search began.
    pub fn set_search(&mut self, query: &str, store: &Store) {
        let text = self.text(store);
        let origin = self.search.origin.unwrap_or(self.cursor);
        self.search.query = query.to_string();
        self.search.matches = find_all(text, query);
        self.search.current = self
            .search
            .matches
            .iter()
            .position(|m| m.start >= origin)
            .or((!self.search.matches.is_empty()).then_some(0));
        match self.search.current.and_then(|i| self.search.matches.get(i)) {
            Some(m) => self.jump_to(m.start, store),
            None => self.jump_to(origin, store),
        }
    }

    /// Ends the search prompt: kept (Enter) or cancelled (Esc, back to where it began).
    pub fn finish_search(&mut self, keep: bool, store: &Store) -> Effect {
        let origin = self.search.origin.take();
        if keep && !self.search.query.is_empty() {
            let n = self.search.matches.len();
            return match n {
                0 => Effect::Message(Message::error(format!("not found: {}", self.search.query))),
                _ => Effect::Message(Message::info(format!(
                    "{n} match{}",
                    if n == 1 { "" } else { "es" }
                ))),
            };
        }
        self.search = Search::default();
        if let Some(o) = origin {
            self.jump_to(o, store);
        }
        Effect::None
    }

    pub(super) fn next_match(&mut self, forward: bool, store: &Store) -> Effect {
        let m = &self.search.matches;
        if m.is_empty() {
            let msg = if self.search.query.is_empty() {
                "no search: / searches the article".into()
            } else {
                format!("not found: {}", self.search.query)
            };
            return Effect::Message(Message::info(msg));
        }
        let (found, wrapped) = if forward {
            match m.iter().position(|s| s.start > self.cursor) {
                Some(i) => (i, false),
                None => (0, true),
            }
        } else {
            match m.iter().rposition(|s| s.start < self.cursor) {
                Some(i) => (i, false),
                None => (m.len() - 1, true),
            }
        };
        let (start, total) = (m[found].start, m.len());
        self.search.current = Some(found);
        self.jump_to(start, store);
        let note = format!(
            "match {}/{}{}",
            found + 1,
            total,
            if wrapped { " (wrapped)" } else { "" }
        );
        Effect::Message(Message::info(note))
    }
}
