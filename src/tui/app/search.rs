//! The library-wide search in the app: starting its index, feeding it the articles as
//! they are read, and the search overlay's keys, prompt and refresh.

use std::path::PathBuf;

use super::App;
use crate::tui::component::{Effect, Message, PromptKind};
use crate::tui::components::library_search::SearchView;
use crate::tui::components::prompt::PromptOutcome;
use crate::tui::keymap::Action;
use crate::tui::library_search::LibrarySearch;

impl App {
    /// Opens the library's search index (`dir`, or in memory) and queues every article
    /// read so far; later ones join as they are read.
    pub fn start_search(&mut self, dir: Option<PathBuf>, engine: &str) {
        match LibrarySearch::start(dir, engine) {
            Ok(mut search) => {
                search.add(&self.store, 0);
                self.search = Some(search);
            }
            Err(e) => self.show_message(Message::error(format!("search is off: {e}"))),
        }
    }

    /// The whole library has been read: the index can drop what is no longer in it.
    pub fn library_complete(&mut self) {
        if let Some(search) = &mut self.search {
            search.complete();
        }
    }

    /// Articles from index `first` on have joined the store.
    pub(super) fn index_from(&mut self, first: usize) {
        if let Some(search) = &mut self.search {
            search.add(&self.store, first);
        }
    }

    pub fn search_view(&self) -> Option<&SearchView> {
        self.search_view.as_ref()
    }

    /// `F`: the search overlay, with its query being typed.
    pub(super) fn open_search(&mut self) {
        if self.search.is_none() {
            // Built here when start-up did not (tests, or a session without a cache).
            self.start_search(None, "memory");
            self.library_complete();
        }
        if self.search.is_some() {
            self.search_view.get_or_insert_with(SearchView::default);
            self.apply(Effect::Prompt(PromptKind::LibrarySearch));
        }
    }

    /// Keys while the search overlay is open; true when it took the key.
    pub(super) fn search_key(&mut self, action: Action) -> bool {
        let Some(view) = &mut self.search_view else {
            return false;
        };
        match view.handle(action) {
            Effect::Close => self.search_view = None,
            effect => self.apply(effect),
        }
        true
    }

    pub(super) fn search_prompt(&mut self, input: &str, outcome: PromptOutcome) {
        let (Some(view), Some(search)) = (&mut self.search_view, &self.search) else {
            self.prompt = None;
            return;
        };
        match outcome {
            PromptOutcome::Changed => view.set_query(input, search, &self.store),
            PromptOutcome::Submit => {
                self.prompt = None;
                view.set_query(input, search, &self.store);
            }
            PromptOutcome::Cancel => {
                self.prompt = None;
                if view.query().is_empty() {
                    self.search_view = None;
                }
            }
            PromptOutcome::Ignored | PromptOutcome::Complete => {}
        }
    }

    /// While the index is built, the open search catches up with it.
    pub(super) fn refresh_search(&mut self) {
        if let (Some(view), Some(search)) = (&mut self.search_view, &self.search) {
            view.refresh(search, &self.store);
        }
    }
}

impl App {
    /// The search index has every article read so far, committed.
    pub fn search_ready(&self) -> bool {
        self.search.as_ref().is_some_and(|s| s.indexing().is_none())
    }
}
