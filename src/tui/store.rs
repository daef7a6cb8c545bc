//! The articles of the library, their extraction results (cached in memory) and their
//! annotations.

use std::sync::Arc;

use super::annotations::Annotations;
use crate::article::Article;
use crate::extract::{Extraction, extract_article};

/// Extraction state of one article.
#[derive(Debug, Clone)]
pub enum Slot {
    Pending,
    Ready(Arc<Extraction>),
    Failed(String),
}

/// The library: articles (shared with the extraction threads), their results and their
/// annotations.
#[derive(Debug)]
pub struct Store {
    articles: Arc<[Article]>,
    slots: Vec<Slot>,
    finished: usize,
    annotations: Annotations,
}

impl Store {
    pub fn new(articles: Vec<Article>) -> Self {
        let slots = vec![Slot::Pending; articles.len()];
        Store {
            articles: articles.into(),
            slots,
            finished: 0,
            annotations: Annotations::default(),
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
                let x = extract_article(&self.articles[i]);
                self.set(i, Ok(x));
            }
        }
    }

    /// How many annotations article `index` has.
    pub fn annotation_count(&self, index: usize) -> usize {
        self.annotations.count(index)
    }

    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    pub fn annotations_mut(&mut self) -> &mut Annotations {
        &mut self.annotations
    }

    /// Places article `index`'s annotations on its text (no-op when up to date).
    pub fn place_annotations(&mut self, index: usize) {
        if let Some(article) = self.articles.get(index) {
            self.annotations.place(index, &article.text);
        }
    }

    /// Whether article `index`'s annotations can be changed now (see
    /// [`Annotations::check_editable`]).
    pub fn check_annotations_editable(&self, index: usize) -> Result<(), String> {
        let article = self.articles.get(index).ok_or("no such article")?;
        self.annotations.check_editable(article)
    }

    /// The file for changing article `index`'s annotations (see
    /// [`Annotations::file_for_edit`]).
    pub fn annotation_file_for_edit(
        &mut self,
        index: usize,
    ) -> Result<crate::annotate::FileId, String> {
        let article = self.articles.get(index).ok_or("no such article")?;
        self.annotations.file_for_edit(index, article)
    }
}
