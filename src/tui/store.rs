//! The articles of the library and their extraction results, cached in memory.

use std::sync::Arc;

use crate::article::Article;
use crate::extract::{Extraction, extract};

/// Extraction state of one article.
#[derive(Debug, Clone)]
pub enum Slot {
    Pending,
    Ready(Arc<Extraction>),
    Failed(String),
}

/// The library: articles (shared with the extraction threads) and their results.
#[derive(Debug)]
pub struct Store {
    articles: Arc<[Article]>,
    slots: Vec<Slot>,
    finished: usize,
}

impl Store {
    pub fn new(articles: Vec<Article>) -> Self {
        let slots = vec![Slot::Pending; articles.len()];
        Store {
            articles: articles.into(),
            slots,
            finished: 0,
        }
    }

    /// The articles, shareable with background threads.
    pub fn shared_articles(&self) -> Arc<[Article]> {
        Arc::clone(&self.articles)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn article(&self, index: usize) -> Option<&Article> {
        self.articles.get(index)
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn slot(&self, index: usize) -> Option<&Slot> {
        self.slots.get(index)
    }

    /// The extraction of an article, once it is done.
    pub fn extraction(&self, index: usize) -> Option<&Arc<Extraction>> {
        match self.slots.get(index) {
            Some(Slot::Ready(x)) => Some(x),
            _ => None,
        }
    }

    /// Records the result of extracting article `index`.
    pub fn set(&mut self, index: usize, result: Result<Extraction, String>) {
        if let Some(slot) = self.slots.get_mut(index) {
            if matches!(slot, Slot::Pending) {
                self.finished += 1;
            }
            *slot = match result {
                Ok(x) => Slot::Ready(Arc::new(x)),
                Err(e) => Slot::Failed(e),
            };
        }
    }

    /// `(finished, total)` extractions.
    pub fn progress(&self) -> (usize, usize) {
        (self.finished, self.articles.len())
    }

    pub fn all_extracted(&self) -> bool {
        self.finished == self.articles.len()
    }

    /// Extracts every pending article on this thread (tests, benches, tiny libraries).
    pub fn extract_all_now(&mut self) {
        for i in 0..self.articles.len() {
            if matches!(self.slots[i], Slot::Pending) {
                let x = extract(&self.articles[i].text);
                self.set(i, Ok(x));
            }
        }
    }

    /// Annotations of an article. There is no annotation store before issue 4, so every
    /// article has none; the library pane already shows the column.
    pub fn annotation_count(&self, _index: usize) -> usize {
        0
    }
}
