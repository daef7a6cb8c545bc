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

/// The library: articles (each shared with the extraction threads), their results and
/// their annotations. It grows while a large library is still being read
/// ([`Store::add`]); indices never change.
#[derive(Debug)]
pub struct Store {
    articles: Vec<Arc<Article>>,
    slots: Vec<Slot>,
    finished: usize,
    annotations: Annotations,
    loading: Option<Loading>,
}

/// How far reading the library has got, while it is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loading {
    /// Files found so far; `None` while the folders are still being listed.
    pub planned: Option<usize>,
}

impl Store {
    pub fn new(articles: Vec<Article>) -> Self {
        let mut store = Store {
            articles: Vec::new(),
            slots: Vec::new(),
            finished: 0,
            annotations: Annotations::default(),
            loading: None,
        };
        store.add(articles);
        store
    }

    /// Appends articles read since; returns the index of the first one.
    pub fn add(&mut self, articles: Vec<Article>) -> usize {
        let first = self.articles.len();
        self.slots.extend(articles.iter().map(|_| Slot::Pending));
        self.articles.extend(articles.into_iter().map(Arc::new));
        first
    }

    /// The articles from index `first` on, shareable with background threads.
    pub fn shared_from(&self, first: usize) -> Vec<Arc<Article>> {
        self.articles.get(first..).unwrap_or_default().to_vec()
    }

    /// Whether the library is still being read, and how far it has got.
    pub fn loading(&self) -> Option<Loading> {
        self.loading
    }

    pub fn set_loading(&mut self, loading: Option<Loading>) {
        self.loading = loading;
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub fn article(&self, index: usize) -> Option<&Article> {
        self.articles.get(index).map(AsRef::as_ref)
    }

    pub fn articles(&self) -> &[Arc<Article>] {
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

    /// Every article read is extracted, and there are no more to read.
    pub fn all_extracted(&self) -> bool {
        self.finished == self.articles.len() && self.loading.is_none()
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
