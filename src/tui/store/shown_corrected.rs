//! The store's side of speaker corrections: articles shown with the reader's corrections
//! applied over what the engine found, shown again when the corrections change.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use super::{Slot, Store, metadata, with_its_text};
use crate::annotate::corrections;
use crate::article::Article;
use crate::extract::{Extraction, extract_article};
use crate::tui::library_search::IndexJob;

impl Store {
    /// The extraction with the reader's corrections of article `index` applied, if it has
    /// any (its text is read again from its file when it was let go).
    pub(super) fn corrected(&self, index: usize, raw: &Extraction) -> Option<Extraction> {
        let notes = self.annotations.corrections_of(index)?;
        let article = self.articles.get(index)?;
        let article = match article.text.is_empty() {
            true => with_its_text(article),
            false => Arc::clone(article),
        };
        Some(corrections::apply_on(&article.text, raw.clone(), notes))
    }

    /// The articles shown with the reader's corrections.
    pub fn corrected_articles(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.corrected.iter().copied().collect();
        out.sort_unstable();
        out
    }

    /// Article `index` for the search index as it is shown now (with its corrections, or
    /// without once they are gone); `None` when its text cannot be read now.
    pub fn reindex_job(&self, index: usize) -> Option<IndexJob> {
        let meta = self.articles.get(index)?;
        self.with_text(index, |text, x| {
            Some(IndexJob::Extracted {
                article: Arc::new(Article {
                    text: text.to_owned(),
                    ..metadata(meta)
                }),
                extraction: Arc::new(x?.clone()),
            })
        })?
    }

    /// Shows again, as the annotations now say, every article whose corrections changed
    /// since the last call (cheap when none did): each is extracted again, on this
    /// thread (one article, milliseconds). Returns the articles shown anew.
    pub fn refresh_corrections(&mut self) -> Vec<usize> {
        let revision = self.annotations.revision();
        if revision == self.corrections_revision {
            return Vec::new();
        }
        self.corrections_revision = revision;
        let now = self.annotations.corrected_articles();
        let mut affected: Vec<usize> = now.union(&self.corrected).copied().collect();
        affected.sort_unstable();
        self.corrected = now;
        affected.retain(|&i| matches!(self.slots.get(i), Some(Slot::Ready(_))));
        for &index in &affected {
            self.read_back.borrow_mut().retain(|(i, _)| *i != index);
            if let Some(raw) = self.raw_full.get(&index) {
                let raw = Extraction::clone(raw);
                self.set(index, Ok(raw));
                continue;
            }
            let Some(article) = self.articles.get(index).map(with_its_text) else {
                continue;
            };
            let result =
                catch_unwind(AssertUnwindSafe(|| extract_article(&article))).map_err(|p| {
                    format!(
                        "extraction failed: {}",
                        crate::tui::panics::message(p.as_ref())
                    )
                });
            if let Ok(raw) = result {
                self.set(index, Ok(raw));
            }
        }
        affected
    }
}
