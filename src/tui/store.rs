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
pub use super::library_search::IndexJob;
use super::loader::Loaded;
use super::read_marks::ReadMarks;
use crate::annotate::corrections;
use crate::article::{Article, FileStamp, read_file};
use crate::corpus::Digest;
use crate::extract::{Extraction, extract_article};

mod shown_corrected;

/// Articles read from files that keep their text and extraction in memory: the open one
/// and those opened just before it.
pub const RESIDENT: usize = 8;
/// Texts of articles read but not extracted yet kept in memory, in bytes at most: past it,
/// a text is let go as soon as the article is listed and the extraction thread reads the
/// file again (from the page cache, most likely), so that listing a large library far
/// ahead of its extraction does not hold the whole corpus in memory.
const QUEUED_TEXT: usize = 32 << 20;
/// Articles read back for the library-wide views (claims across the library, passages of
/// a tag), kept for as long as they are likely to be drawn again.
const READ_BACK: usize = 64;

/// Extraction state of one article.
#[derive(Debug, Clone)]
pub enum Slot {
    Pending,
    Ready(Arc<Digest>),
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
    /// Each article's date as a number that sorts as the date does (see [`date_key`]):
    /// sorting a large library by date then reads one array, not every article.
    date_keys: Vec<u128>,
    /// Whether each article can be read again from its file (not the samples or stdin),
    /// so that its text need not stay in memory.
    backed: Vec<bool>,
    /// The stamp each backed article's file had when it was read, for the digest cache.
    stamps: Vec<Option<FileStamp>>,
    /// Digests made since the cache was last written.
    cache_dirty: bool,
    /// Text lengths of the backed articles waiting for extraction with their text.
    queued: HashMap<usize, usize>,
    queued_bytes: usize,
    /// [`QUEUED_TEXT`], but for tests.
    queued_budget: usize,
    slots: Vec<Slot>,
    /// Full extractions, of the articles whose text is in memory.
    full: HashMap<usize, Arc<Extraction>>,
    /// Backed articles kept in memory, most recently opened last.
    resident: VecDeque<usize>,
    read_back: RefCell<VecDeque<(usize, Rc<ReadBack>)>>,
    finished: usize,
    annotations: Annotations,
    loading: Option<Loading>,
    /// The engine's own digests of the articles shown with the reader's corrections (the
    /// cache keeps what the engine found; corrections are applied over it).
    raw_digests: HashMap<usize, Arc<Digest>>,
    /// The engine's own extractions of the articles whose full extraction is kept (the same when
    /// they have no corrections), so a changed correction is applied again without
    /// extracting again.
    raw_full: HashMap<usize, Arc<Extraction>>,
    /// The articles shown with corrections, and the annotations' revision they follow.
    corrected: std::collections::HashSet<usize>,
    corrections_revision: u64,
    read_marks: ReadMarks,
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
            date_keys: Vec::new(),
            backed: Vec::new(),
            stamps: Vec::new(),
            cache_dirty: false,
            queued: HashMap::new(),
            queued_bytes: 0,
            queued_budget: QUEUED_TEXT,
            slots: Vec::new(),
            full: HashMap::new(),
            resident: VecDeque::new(),
            read_back: RefCell::new(VecDeque::new()),
            finished: 0,
            annotations: Annotations::default(),
            loading: None,
            raw_digests: HashMap::new(),
            raw_full: HashMap::new(),
            corrected: std::collections::HashSet::new(),
            corrections_revision: 0,
            read_marks: ReadMarks::default(),
        };
        store.push(articles.into_iter().map(Loaded::from), false);
        store
    }

    /// Appends articles read from their files since; returns the index of the first one.
    /// Their text is let go once they are extracted, and read again when needed.
    pub fn add(&mut self, articles: Vec<Article>) -> usize {
        self.push(articles.into_iter().map(Loaded::from), true)
    }

    /// Appends articles as the loader hands them over: those with a digest (from the
    /// cache) are extracted already, and keep no text.
    /// Which articles are unread; `marks` takes in those the store has already.
    pub fn set_read_marks(&mut self, mut marks: ReadMarks) {
        self.articles.iter().for_each(|a| marks.push(&a.path));
        self.read_marks = marks;
    }

    pub fn read_marks(&self) -> &ReadMarks {
        &self.read_marks
    }

    pub fn read_marks_mut(&mut self) -> &mut ReadMarks {
        &mut self.read_marks
    }

    pub fn add_loaded(&mut self, articles: Vec<Loaded>) -> usize {
        self.push(articles, true)
    }

    fn push(&mut self, articles: impl IntoIterator<Item = Loaded>, backed: bool) -> usize {
        let first = self.articles.len();
        for loaded in articles {
            let index = self.articles.len();
            self.date_keys
                .push(date_key(loaded.article.date.as_deref()));
            self.read_marks.push(&loaded.article.path);
            self.articles.push(Arc::new(loaded.article));
            self.backed.push(backed);
            self.stamps.push(loaded.stamp);
            match loaded.digest {
                Some(digest) => {
                    self.slots.push(Slot::Ready(Arc::new(digest)));
                    self.finished += 1;
                    self.let_text_go(index);
                }
                None => {
                    self.slots.push(Slot::Pending);
                    if backed {
                        self.queue_text(index);
                    }
                }
            }
        }
        first
    }

    /// Keeps a pending article's text for its extraction while the budget allows.
    fn queue_text(&mut self, index: usize) {
        let len = self.articles.get(index).map_or(0, |a| a.text.len());
        if self.queued_bytes + len <= self.queued_budget {
            self.queued_bytes += len;
            self.queued.insert(index, len);
        } else {
            self.let_text_go(index);
        }
    }

    /// The articles from index `first` on, shareable with background threads.
    pub fn shared_from(&self, first: usize) -> Vec<Arc<Article>> {
        self.articles.get(first..).unwrap_or_default().to_vec()
    }

    /// The articles from index `first` on, for the search indexer: a backed article as
    /// its content id and file alone (the indexer reads the file when it gets to it), so
    /// a long queue keeps neither the library's texts nor copies of its metadata.
    pub fn for_indexing(&self, first: usize) -> Vec<IndexJob> {
        let articles = self.articles.get(first..).unwrap_or_default();
        let backed = self.backed.get(first..).unwrap_or_default();
        articles
            .iter()
            .zip(backed.iter().copied().chain(std::iter::repeat(false)))
            .map(|(a, backed)| match backed {
                true => IndexJob::File {
                    id: a.id.as_str().into(),
                    path: a.path.as_path().into(),
                },
                false => IndexJob::Article(Arc::clone(a)),
            })
            .collect()
    }

    /// As [`Store::shared_from`], `None` for the articles extracted already.
    pub fn pending_from(&self, first: usize) -> Vec<Option<Arc<Article>>> {
        let slots = self.slots.get(first..).unwrap_or_default();
        let articles = self.articles.get(first..).unwrap_or_default();
        articles
            .iter()
            .zip(slots)
            .map(|(a, slot)| matches!(slot, Slot::Pending).then(|| Arc::clone(a)))
            .collect()
    }

    /// Whether digests were made since the cache was last written.
    pub fn cache_dirty(&self) -> bool {
        self.cache_dirty
    }

    /// What the digest cache keeps: every article read from a file with its stamp and
    /// digest (shared, not copied, so a thread can write them while the reader goes on).
    /// The cache counts as written from here on.
    pub fn take_cache_entries(&mut self) -> Vec<(Arc<Article>, FileStamp, Arc<Digest>)> {
        self.cache_dirty = false;
        let mut entries = Vec::new();
        for (i, article) in self.articles.iter().enumerate() {
            if let (Some(Some(stamp)), Some(Slot::Ready(digest)), Some(true)) = (
                self.stamps.get(i),
                self.slots.get(i),
                self.backed.get(i).copied(),
            ) {
                let digest = self.raw_digests.get(&i).unwrap_or(digest);
                entries.push((Arc::clone(article), *stamp, Arc::clone(digest)));
            }
        }
        entries
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

    /// Article `index`'s [`date_key`] (0: no date).
    pub fn date_key(&self, index: usize) -> u128 {
        self.date_keys.get(index).copied().unwrap_or(0)
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
            Some(Slot::Ready(d)) => Some(d.as_ref()),
            _ => None,
        }
    }

    /// Records the result of extracting article `index`.
    pub fn set(&mut self, index: usize, result: Result<Extraction, String>) {
        let Some(slot) = self.slots.get(index) else {
            return;
        };
        if matches!(slot, Slot::Pending) {
            self.finished += 1;
        }
        if let Some(len) = self.queued.remove(&index) {
            self.queued_bytes = self.queued_bytes.saturating_sub(len);
        }
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        match result {
            Ok(raw) => {
                let raw_digest = Digest::of(&raw);
                let before = self
                    .raw_digests
                    .get(&index)
                    .or(match slot {
                        Slot::Ready(d) => Some(d),
                        _ => None,
                    })
                    .cloned();
                // An article opened again gives the same digest: nothing new to cache.
                let new = before.is_none_or(|old| *old != raw_digest);
                self.cache_dirty |= new && self.stamps.get(index).is_some_and(Option::is_some);
                let raw = Arc::new(raw);
                let x = self.corrected(index, &raw);
                let digest = match &x {
                    Some(x) => {
                        self.raw_digests.insert(index, Arc::new(raw_digest));
                        Digest::of(x)
                    }
                    None => {
                        self.raw_digests.remove(&index);
                        raw_digest
                    }
                };
                let Some(slot) = self.slots.get_mut(index) else {
                    return;
                };
                *slot = Slot::Ready(Arc::new(digest));
                if self.keeps_text(index) {
                    let shown = x.map_or_else(|| Arc::clone(&raw), Arc::new);
                    self.full.insert(index, shown);
                    self.raw_full.insert(index, raw);
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
        self.raw_full.remove(&index);
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
        if article.text.is_empty() {
            // Stamped before reading: a change made while reading shows as one next time.
            let stamp = std::fs::metadata(&article.path)
                .ok()
                .map(|m| FileStamp::of(&m));
            let fresh = read_file(&article.path).map_err(|e| e.to_string())?;
            if let Some(s) = self.stamps.get_mut(index) {
                *s = stamp;
            }
            let fresh = match fresh.id == article.id {
                true => Article {
                    text: fresh.text,
                    ..metadata(article)
                },
                false => fresh,
            };
            if let Some(key) = self.date_keys.get_mut(index) {
                *key = date_key(fresh.date.as_deref());
            }
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
                let extraction = catch_unwind(AssertUnwindSafe(|| extract_article(&fresh)))
                    .ok()
                    .map(|x| match self.annotations.corrections_of(index) {
                        Some(notes) => corrections::apply_on(&fresh.text, x, notes),
                        None => x,
                    });
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
                && let Some(article) = self.articles.get(i)
            {
                let x = extract_article(&with_its_text(article));
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

/// The article to extract: itself, or read again from its file when its text was let go
/// (see [`QUEUED_TEXT`]). When the file cannot be read now, the article as it is: its
/// extraction is then empty, and opening it says why.
pub fn with_its_text(article: &Arc<Article>) -> Arc<Article> {
    if !article.text.is_empty() {
        return Arc::clone(article);
    }
    match read_file(&article.path) {
        Ok(fresh) => Arc::new(fresh),
        Err(_) => Arc::clone(article),
    }
}

/// A date (`YYYY-MM-DD`) as a number in the same order as the text: its first 16 bytes,
/// big-endian, zero-padded. 0 for none (a date is never empty).
pub fn date_key(date: Option<&str>) -> u128 {
    let Some(date) = date.filter(|d| !d.is_empty()) else {
        return 0;
    };
    let mut bytes = [0u8; 16];
    for (slot, b) in bytes.iter_mut().zip(date.bytes()) {
        *slot = b;
    }
    // Never 0, even for a date of NUL bytes.
    u128::from_be_bytes(bytes).max(1)
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
#[path = "store_tests.rs"]
mod tests;
