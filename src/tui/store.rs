//! The articles of the library, their extraction results and their annotations.
//!
//! Memory stays well under the corpus size on a large library: an article read from a
//! file keeps its text and its full extraction only while it is being read (the last
//! [`RESIDENT`] opened); every other keeps its metadata and a [`Digest`] (its speakers and
//! counts), and its text is read from the file again when it is opened or a view needs it.

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;
use std::sync::Arc;

use super::annotations::Annotations;
use crate::article::{Article, read_file};
use crate::corpus::Digest;
use crate::extract::{Extraction, extract_article};

/// Articles read from files that keep their text and extraction in memory: the open one
/// and those opened just before it.
pub const RESIDENT: usize = 8;
/// Articles read back for the library-wide views (claims across the library, passages of
/// a tag), kept for as long as they are likely to be drawn again.
const READ_BACK: usize = 64;

/// Extraction state of one article.
#[derive(Debug, Clone)]
pub enum Slot {
    Pending,
    Ready(Digest),
    Failed(String),
}

/// An article read back from its file for a view, with its extraction.
#[derive(Debug)]
struct ReadBack {
    text: String,
    extraction: Option<Extraction>,
}

/// The library: articles (each shared with the extraction threads), their results and
/// their annotations. It grows while a large library is still being read
/// ([`Store::add`]); indices never change.
#[derive(Debug)]
pub struct Store {
    articles: Vec<Arc<Article>>,
    /// Whether each article can be read again from its file (not the samples or stdin),
    /// so that its text need not stay in memory.
    backed: Vec<bool>,
    slots: Vec<Slot>,
    /// Full extractions, of the articles whose text is in memory.
    full: HashMap<usize, Arc<Extraction>>,
    /// Backed articles kept in memory, most recently opened last.
    resident: VecDeque<usize>,
    read_back: RefCell<VecDeque<(usize, Rc<ReadBack>)>>,
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
            backed: Vec::new(),
            slots: Vec::new(),
            full: HashMap::new(),
            resident: VecDeque::new(),
            read_back: RefCell::new(VecDeque::new()),
            finished: 0,
            annotations: Annotations::default(),
            loading: None,
        };
        store.push(articles, false);
        store
    }

    /// Appends articles read from their files since; returns the index of the first one.
    /// Their text is let go once they are extracted, and read again when needed.
    pub fn add(&mut self, articles: Vec<Article>) -> usize {
        self.push(articles, true)
    }

    fn push(&mut self, articles: Vec<Article>, backed: bool) -> usize {
        let first = self.articles.len();
        self.slots.extend(articles.iter().map(|_| Slot::Pending));
        self.backed.extend(articles.iter().map(|_| backed));
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

    /// The full extraction of an article whose text is in memory (see [`Store::open`]),
    /// once it is done.
    pub fn extraction(&self, index: usize) -> Option<&Arc<Extraction>> {
        self.full.get(&index)
    }

    /// The speakers and counts of an article, once it is extracted.
    pub fn digest(&self, index: usize) -> Option<&Digest> {
        match self.slots.get(index) {
            Some(Slot::Ready(d)) => Some(d),
            _ => None,
        }
    }

    /// Records the result of extracting article `index`.
    pub fn set(&mut self, index: usize, result: Result<Extraction, String>) {
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        if matches!(slot, Slot::Pending) {
            self.finished += 1;
        }
        match result {
            Ok(x) => {
                *slot = Slot::Ready(Digest::of(&x));
                if self.keeps_text(index) {
                    self.full.insert(index, Arc::new(x));
                } else {
                    self.let_text_go(index);
                }
            }
            Err(e) => *slot = Slot::Failed(e),
        }
    }

    fn keeps_text(&self, index: usize) -> bool {
        !self.backed.get(index).copied().unwrap_or(false) || self.resident.contains(&index)
    }

    /// Drops the text and full extraction of a backed article (its file has them).
    fn let_text_go(&mut self, index: usize) {
        self.full.remove(&index);
        if let Some(a) = self.articles.get_mut(index)
            && !a.text.is_empty()
        {
            *a = Arc::new(Article {
                text: String::new(),
                ..metadata(a)
            });
        }
    }

    /// Makes article `index` ready to read: its text in memory (read again from its file
    /// if it was let go) and its extraction full (done again on this thread if it was let
    /// go: one article, milliseconds). The article read least recently is let go in turn.
    /// When the file has changed since, the article is what the file holds now.
    pub fn open(&mut self, index: usize) -> Result<(), String> {
        if !self.backed.get(index).copied().unwrap_or(false) {
            return Ok(());
        }
        self.resident.retain(|&i| i != index);
        self.resident.push_back(index);
        while self.resident.len() > RESIDENT {
            if let Some(old) = self.resident.pop_front() {
                self.let_text_go(old);
            }
        }
        let Some(article) = self.articles.get(index) else {
            return Ok(());
        };
        if article.text.is_empty() && self.digest(index).is_some() {
            let fresh = read_file(&article.path).map_err(|e| e.to_string())?;
            let fresh = match fresh.id == article.id {
                true => Article {
                    text: fresh.text,
                    ..metadata(article)
                },
                false => fresh,
            };
            self.articles[index] = Arc::new(fresh);
        }
        if self.full.contains_key(&index) || !matches!(self.slots.get(index), Some(Slot::Ready(_)))
        {
            // Not extracted yet: the extraction threads have it (and the text).
            return Ok(());
        }
        let article = Arc::clone(&self.articles[index]);
        let result = catch_unwind(AssertUnwindSafe(|| extract_article(&article)))
            .map_err(|p| format!("extraction failed: {}", super::panics::message(p.as_ref())));
        self.set(index, result);
        Ok(())
    }

    /// Runs `f` on article `index`'s text and extraction (if done), reading the article
    /// back from its file when its text is not in memory. `None` when there is no such
    /// article or its file cannot be read now.
    pub fn with_text<R>(
        &self,
        index: usize,
        f: impl FnOnce(&str, Option<&Extraction>) -> R,
    ) -> Option<R> {
        let article = self.articles.get(index)?;
        if !article.text.is_empty() || !self.backed.get(index).copied().unwrap_or(false) {
            return Some(f(&article.text, self.full.get(&index).map(AsRef::as_ref)));
        }
        let cached = {
            let mut cache = self.read_back.borrow_mut();
            let at = cache.iter().position(|(i, _)| *i == index);
            at.and_then(|at| cache.remove(at)).map(|(_, r)| r)
        };
        let back = match cached {
            Some(back) => back,
            None => {
                let fresh = read_file(&article.path).ok()?;
                let extraction = catch_unwind(AssertUnwindSafe(|| extract_article(&fresh))).ok();
                Rc::new(ReadBack {
                    text: fresh.text,
                    extraction,
                })
            }
        };
        let mut cache = self.read_back.borrow_mut();
        cache.push_back((index, Rc::clone(&back)));
        if cache.len() > READ_BACK {
            cache.pop_front();
        }
        drop(cache);
        Some(f(&back.text, back.extraction.as_ref()))
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
            if matches!(self.slots.get(i), Some(Slot::Pending))
                && let Some(article) = self.articles.get(i).cloned()
            {
                let x = extract_article(&article);
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

/// An article's metadata, without its text.
fn metadata(a: &Article) -> Article {
    Article {
        id: a.id.clone(),
        path: a.path.clone(),
        title: a.title.clone(),
        date: a.date.clone(),
        source: a.source.clone(),
        text: String::new(),
        warnings: a.warnings.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::read_file;

    const SAID: &str = "Council vote.\n\n“We will build it,” Jane Doe said. It costs $5 million.\n";

    /// `n` articles written to files and added as a loaded library is.
    fn on_disk(n: usize) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let articles = (0..n)
            .map(|i| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, format!("{SAID}Item {i}.\n")).unwrap();
                read_file(&path).unwrap()
            })
            .collect();
        let mut store = Store::new(Vec::new());
        store.add(articles);
        (dir, store)
    }

    #[test]
    fn an_extracted_article_keeps_its_digest_and_lets_its_text_go_until_opened() {
        let (_dir, mut store) = on_disk(3);
        store.extract_all_now();
        for i in 0..3 {
            assert_eq!(store.article(i).map(|a| a.text.len()), Some(0), "{i}");
            assert!(store.extraction(i).is_none());
            let d = store.digest(i).unwrap();
            assert_eq!((d.speakers.len(), d.claims, d.numbers), (1, 1, 1));
        }
        store.open(1).unwrap();
        let a = store.article(1).unwrap();
        assert!(a.text.ends_with("Item 1.\n"), "{:?}", a.text);
        let x = store.extraction(1).unwrap();
        assert_eq!(x.claims.len(), 1);
        assert_eq!(
            a.text.get(x.claims[0].span.start..x.claims[0].span.end),
            Some("We will build it,")
        );
    }

    #[test]
    fn only_the_articles_opened_last_stay_in_memory() {
        let (_dir, mut store) = on_disk(RESIDENT + 3);
        store.extract_all_now();
        for i in 0..RESIDENT + 3 {
            store.open(i).unwrap();
        }
        let kept: Vec<usize> = (0..RESIDENT + 3)
            .filter(|&i| store.article(i).is_some_and(|a| !a.text.is_empty()))
            .collect();
        assert_eq!(kept, (3..RESIDENT + 3).collect::<Vec<_>>());
        assert_eq!(store.full.len(), RESIDENT);
        // Opening an old one again brings it back and lets the oldest go.
        store.open(0).unwrap();
        assert!(store.extraction(0).is_some() && store.extraction(3).is_none());
    }

    #[test]
    fn views_read_an_article_back_without_keeping_it() {
        let (_dir, mut store) = on_disk(2);
        store.extract_all_now();
        let claim = store.with_text(0, |text, x| {
            let c = x.unwrap().claims.first().unwrap().span;
            text[c.start..c.end].to_string()
        });
        assert_eq!(claim.as_deref(), Some("We will build it,"));
        assert!(
            store.article(0).unwrap().text.is_empty(),
            "not made resident"
        );
    }

    #[test]
    fn an_article_changed_on_disk_is_opened_as_it_is_now() {
        let (dir, mut store) = on_disk(1);
        store.extract_all_now();
        let old_id = store.article(0).unwrap().id.clone();
        std::fs::write(
            dir.path().join("0.txt"),
            "Other.\n\nNothing was said. 7 cats.\n",
        )
        .unwrap();
        store.open(0).unwrap();
        let a = store.article(0).unwrap();
        assert_ne!(a.id, old_id);
        assert!(a.text.contains("7 cats"));
        assert_eq!(store.digest(0).map(|d| d.claims), Some(0));
        assert_eq!(store.extraction(0).map(|x| x.numbers.len()), Some(1));
    }

    #[test]
    fn a_vanished_file_is_an_error_on_open_and_nothing_else_changes() {
        let (dir, mut store) = on_disk(1);
        store.extract_all_now();
        std::fs::remove_file(dir.path().join("0.txt")).unwrap();
        let err = store.open(0).unwrap_err();
        assert!(err.contains("0.txt"), "{err}");
        assert!(store.digest(0).is_some());
        assert!(store.with_text(0, |_, _| ()).is_none());
    }

    #[test]
    fn articles_given_in_memory_keep_their_text() {
        let mut store = Store::new(vec![crate::article::Article::from_text(
            "seeds/a.txt",
            SAID.to_string(),
        )]);
        store.extract_all_now();
        assert!(!store.article(0).unwrap().text.is_empty());
        assert!(store.extraction(0).is_some());
    }
}
