//! The library-wide search in the app: starting its index, feeding it the articles as
//! they are read, and the search overlay's keys, prompt and refresh.

use std::path::PathBuf;

use super::App;
use crate::corpus::search::elsewhere::CANDIDATES;
use crate::corpus::search::{Copy, Hit};
use crate::tui::component::{Effect, Message, PromptKind};
use crate::tui::components::library_search::SearchView;
use crate::tui::components::prompt::PromptOutcome;
use crate::tui::keymap::{Action, Keymap};
use crate::tui::library_search::LibrarySearch;
use crate::tui::store::Store;

impl App {
    /// Opens the library's search index (`dir`, or in memory) and queues every article
    /// read so far; later ones join as they are read.
    pub fn start_search(&mut self, dir: Option<PathBuf>, engine: &str) {
        // Opened on a thread of its own: an index that cannot be opened says so where
        // the search is shown (and in memory one is used in its place).
        let mut search = LibrarySearch::start(dir, engine);
        search.add(&self.store, 0);
        let corrected = self.store.corrected_articles();
        search.reindex(
            corrected
                .into_iter()
                .filter_map(|i| self.store.reindex_job(i))
                .collect(),
        );
        self.search = Some(search);
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

    /// While the index is built, the open search catches up with it; the indexer waits
    /// for the counts' extraction.
    pub(super) fn refresh_search(&mut self) {
        if let Some(search) = &self.search {
            search.hold(!self.store.all_extracted());
        }
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

/// Where the selected claim (Claims tab, else the reader's) also appears, worked out once per claim (and
/// again as the index grows).
pub struct Elsewhere {
    /// (article, claim, articles indexed when computed).
    key: (usize, usize, Option<usize>),
    /// The copies with their articles, earliest first.
    copies: Vec<(usize, Copy)>,
    /// The Claims tab's line; `None` when the claim is nowhere else.
    pub summary: Option<String>,
}

impl App {
    /// Keeps [`Elsewhere`] up to date with the Claims tab's selection.
    pub(super) fn update_elsewhere(&mut self) {
        let (Some(search), Some(article)) = (&self.search, self.reader.article()) else {
            self.elsewhere = None;
            return;
        };
        // The claim selected in the Claims tab while it has the focus, else the reader's.
        let selected = match self.focus {
            crate::tui::theme::Pane::Insight => {
                self.insight.selected_claim(&self.store, self.classes)
            }
            _ => None,
        };
        let Some(claim) = selected.or_else(|| self.reader.current_claim(self.classes)) else {
            self.elsewhere = None;
            return;
        };
        let key = (article, claim, search.indexing().map(|(done, _)| done));
        if self.elsewhere.as_ref().is_some_and(|e| e.key == key) {
            return;
        }
        let found = self.store.with_text(article, |text, x| {
            let c = x?.claims.get(claim)?;
            let speaker = c
                .speaker
                .and_then(|s| x?.speakers.get(s))
                .map(|s| s.name.as_str());
            let id = self.store.article(article).map(|a| a.id.as_str())?;
            search.copies(c.span.slice(text), id, speaker).ok()
        });
        let mut copies: Vec<(usize, Copy)> = found
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| Some((search.article(&c.hit.article)?, c)))
            .collect();
        let date = |i: usize| self.store.article(i).and_then(|a| a.date.clone());
        // Earliest first; undated last.
        copies.sort_by_key(|(i, c)| (date(*i).is_none(), date(*i), *i, c.hit.start));
        let summary = summary(&copies, &self.store, &self.keymap);
        self.elsewhere = Some(Elsewhere {
            key,
            copies,
            summary,
        });
    }

    /// `P`: the selected claim and its copies, side by side, the words that differ marked.
    pub(super) fn open_copies(&mut self) {
        self.update_elsewhere();
        let Some(e) = self.elsewhere.as_ref().filter(|e| !e.copies.is_empty()) else {
            self.show_message(Message::info(
                "no claim here is in another article (P looks up the claim at the cursor)",
            ));
            return;
        };
        let (article, claim, _) = e.key;
        let original = self.store.with_text(article, |text, x| {
            let c = x?.claims.get(claim)?;
            Some(Hit {
                article: String::new(),
                start: c.span.start,
                text: c.span.slice(text).to_string(),
                speakers: c
                    .speaker
                    .and_then(|s| x?.speakers.get(s))
                    .map(|s| vec![s.name.clone()])
                    .unwrap_or_default(),
                marks: Vec::new(),
            })
        });
        let mut rows: Vec<(usize, Hit, Option<String>)> = original
            .flatten()
            .map(|hit| (article, hit, Some("(this article)".to_string())))
            .into_iter()
            .collect();
        for (i, copy) in &e.copies {
            let mut flags = Vec::new();
            if copy.changed > 0 {
                flags.push(format!("{} words differ", copy.changed));
            }
            if copy.other_speaker {
                flags.push("another speaker".to_string());
            }
            rows.push((
                *i,
                copy.hit.clone(),
                (!flags.is_empty()).then(|| flags.join(", ")),
            ));
        }
        let title = format!(
            "The claim and its copies in {} other articles, earliest first",
            distinct(&e.copies)
        );
        self.search_view = Some(SearchView::listing(title, rows));
    }
}

fn distinct(copies: &[(usize, Copy)]) -> usize {
    let mut articles: Vec<usize> = copies.iter().map(|(i, _)| *i).collect();
    articles.dedup();
    articles.len()
}

/// `↳ also in 4 articles (earliest 2019-09-26, Coast Herald) · 1 reworded · P: side by side`.
fn summary(copies: &[(usize, Copy)], store: &Store, keymap: &Keymap) -> Option<String> {
    let (first, _) = copies.first()?;
    let n = distinct(copies);
    let earliest = store.article(*first).map(|a| {
        let mut what: Vec<&str> = a.date.iter().chain(&a.source).map(String::as_str).collect();
        what.dedup();
        what.join(", ")
    });
    let earliest = earliest
        .filter(|e| !e.is_empty())
        .map_or(String::new(), |e| format!(" (earliest {e})"));
    let count = |f: fn(&Copy) -> bool| {
        let mut arts: Vec<usize> = copies
            .iter()
            .filter(|(_, c)| f(c))
            .map(|(i, _)| *i)
            .collect();
        arts.dedup();
        arts.len()
    };
    let more = if copies.len() >= CANDIDATES { "+" } else { "" };
    let mut line = format!(
        "↳ also in {n}{more} article{}{earliest}",
        if n == 1 { "" } else { "s" }
    );
    let reworded = count(|c| c.changed > 0);
    if reworded > 0 {
        line.push_str(&format!(" · {reworded} worded differently"));
    }
    let other = count(|c| c.other_speaker);
    if other > 0 {
        line.push_str(&format!(" · {other} with another speaker"));
    }
    line.push_str(&format!(
        " · {}: side by side",
        keymap.describe_keys(Action::Provenance)
    ));
    Some(line)
}
