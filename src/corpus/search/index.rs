//! The search index on disk (tantivy): one document per sentence, kept up to date by
//! content id, so an article whose words did not change is never indexed again.

use std::collections::HashSet;
use std::fs;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::directory::error::LockError;
use tantivy::merge_policy::LogMergePolicy;
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query as TantivyQuery,
    RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{
    DocSet, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TERMINATED, TantivyDocument,
    TantivyError, Term,
};

use super::documents::{article_fields, sentence_entries};
use super::query::Query;
use crate::article::Article;
use crate::extract::Extraction;

/// Bumped when the schema or what goes into it changes: an index of another version is
/// rebuilt (it lives in its own folder).
const SCHEMA_VERSION: u32 = 1;
const TOKENIZER: &str = "sayso";
/// The writer's memory budget: tantivy flushes a segment when it is spent (15 MB is its
/// floor; more buys little at one thread, and the reader's memory is the corpus's bar).
const WRITER_BUDGET: usize = 15_000_000;
/// Segments this large are not merged further: a merge's memory grows with its segments,
/// and a search over a few more segments costs little.
const MAX_DOCS_MERGED: usize = 500_000;

/// The folder for a library's index under the cache dir.
pub fn index_dir(cache_dir: &Path, library_key: &str) -> PathBuf {
    cache_dir
        .join(format!("search-v{SCHEMA_VERSION}"))
        .join(library_key)
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index {}: {source}", path.display())]
    Index {
        path: PathBuf,
        #[source]
        source: TantivyError,
    },
    #[error("search index {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("search: {0}")]
    Search(#[from] TantivyError),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub(super) article: Field,
    pub(super) start: Field,
    pub(super) text: Field,
    pub(super) speaker: Field,
    source: Field,
    kind: Field,
    class: Field,
    date: Field,
}

fn schema() -> (Schema, Fields) {
    let words = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let stored_words = TextOptions::default()
        .set_indexing_options(words.clone())
        .set_stored();
    let mut b = Schema::builder();
    let fields = Fields {
        article: b.add_text_field("article", STRING | STORED),
        start: b.add_u64_field("start", STORED),
        text: b.add_text_field("text", stored_words.clone()),
        speaker: b.add_text_field("speaker", stored_words),
        source: b.add_text_field("source", TextOptions::default().set_indexing_options(words)),
        kind: b.add_text_field("kind", STRING),
        class: b.add_text_field("class", STRING),
        date: b.add_i64_field("date", INDEXED | FAST),
    };
    (b.build(), fields)
}

/// Words as the index sees them: split at anything not a letter or digit, lower case,
/// accents folded (`José` finds `Jose`).
fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The tokens of `text` with their byte ranges.
pub fn tokens(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut analyzer = analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push((t.text.clone(), t.offset_from..t.offset_to));
    }
    out
}

/// The words of `text` as the index sees them.
pub fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|(t, _)| t).collect()
}

/// One matching sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article's content id.
    pub article: String,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    pub text: String,
    pub speakers: Vec<String>,
    /// Byte ranges in `text` of the words the query matched.
    pub marks: Vec<std::ops::Range<usize>>,
}

/// The passages of one article that carry the query's tags: what `tag:` keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// The article's content id.
    pub article: String,
    /// Byte ranges of the tagged passages in its current text.
    pub passages: Vec<std::ops::Range<usize>>,
}

/// Sentences of tagged articles looked at, at most, to find those a tagged passage
/// touches: passages are marked by hand, so their articles are few.
const TAGGED_SENTENCES: usize = 50_000;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Every matching sentence, counted.
    pub total: usize,
    /// The best ones, best first (most recent first when the query has no words).
    pub hits: Vec<Hit>,
}

/// The searching side of an index; cheap to share with the interface thread.
pub struct SearchIndex {
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
}

/// The writing side: at most one per index at a time (tantivy locks it).
pub struct IndexUpdater {
    writer: IndexWriter,
    fields: Fields,
    /// Content ids with sentences in the index.
    present: HashSet<String>,
    uncommitted: usize,
}

/// Opens the index in `dir` (made when missing, rebuilt when it does not open or was
/// built by another `engine`), or one in memory when `dir` is `None`. The updater is
/// `None` when another instance holds the index: it is then searched as that one keeps it.
pub fn open(
    dir: Option<&Path>,
    engine: &str,
) -> Result<(SearchIndex, Option<IndexUpdater>), SearchError> {
    let (schema, fields) = schema();
    let index = match dir {
        None => Index::create_in_ram(schema),
        Some(dir) => open_dir(dir, schema, engine)?,
    };
    index.tokenizers().register(TOKENIZER, analyzer());
    let at = || dir.map_or_else(|| PathBuf::from("(memory)"), Path::to_path_buf);
    let updater = match index.writer_with_num_threads(1, WRITER_BUDGET) {
        Ok(writer) => {
            let mut merging = LogMergePolicy::default();
            merging.set_max_docs_before_merge(MAX_DOCS_MERGED);
            writer.set_merge_policy(Box::new(merging));
            Some(writer)
        }
        Err(TantivyError::LockFailure(LockError::LockBusy, _)) => None,
        Err(source) => return Err(SearchError::Index { path: at(), source }),
    };
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::OnCommitWithDelay)
        .try_into()
        .map_err(|source| SearchError::Index { path: at(), source })?;
    let search = SearchIndex { reader, fields };
    let updater = updater.map(|writer| IndexUpdater {
        present: search.articles().unwrap_or_default(),
        writer,
        fields,
        uncommitted: 0,
    });
    Ok((search, updater))
}

fn open_dir(dir: &Path, schema: Schema, engine: &str) -> Result<Index, SearchError> {
    let io = |source| SearchError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let stamp = dir.join("sayso-engine");
    let same_engine = fs::read_to_string(&stamp).is_ok_and(|s| s == engine);
    if !same_engine && dir.exists() {
        // A cache: what another build put in it is rebuilt, not trusted.
        fs::remove_dir_all(dir).map_err(io)?;
    }
    fs::create_dir_all(dir).map_err(io)?;
    let attempt = |schema: Schema| {
        MmapDirectory::open(dir)
            .map_err(TantivyError::from)
            .and_then(|d| Index::open_or_create(d, schema))
    };
    let index = match attempt(schema.clone()) {
        Ok(index) => index,
        Err(_) => {
            fs::remove_dir_all(dir).map_err(io)?;
            fs::create_dir_all(dir).map_err(io)?;
            attempt(schema).map_err(|source| SearchError::Index {
                path: dir.to_path_buf(),
                source,
            })?
        }
    };
    if !same_engine {
        fs::write(&stamp, engine).map_err(io)?;
    }
    Ok(index)
}

impl SearchIndex {
    /// Content ids of the articles in the index as last committed.
    pub fn articles(&self) -> Result<HashSet<String>, SearchError> {
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let mut ids = HashSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.article)?;
            let mut terms = inverted.terms().stream().map_err(TantivyError::from)?;
            while terms.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                    .map_err(TantivyError::from)?;
                let mut doc = postings.doc();
                while doc != TERMINATED && segment.is_deleted(doc) {
                    doc = postings.advance();
                }
                if doc != TERMINATED {
                    ids.insert(String::from_utf8_lossy(terms.key()).into_owned());
                }
            }
        }
        Ok(ids)
    }

    /// Sentences in the index as last committed (and seen by this reader).
    pub fn sentences(&self) -> u64 {
        // A reader reloads on commit after a delay: look at the latest commit now.
        let _ = self.reader.reload();
        self.reader.searcher().num_docs()
    }

    /// The `limit` best sentences for `query`; `tagged` (the passages with the query's
    /// tags) keeps the sentences a tagged passage touches when the query has `tag:`
    /// filters.
    pub fn search(
        &self,
        query: &Query,
        tagged: Option<&[Tagged]>,
        limit: usize,
    ) -> Result<Results, SearchError> {
        let f = self.fields;
        let mut must: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let mut marks = Marks::default();
        for word in &query.words {
            let toks = words(&word.text);
            if let Some(q) = words_query(f.text, &toks, word.prefix) {
                must.push(q);
                marks.add(toks, word.prefix);
            }
        }
        let scored = !must.is_empty();
        let mut filters: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let any_of = |queries: Vec<Box<dyn TantivyQuery>>| -> Box<dyn TantivyQuery> {
            Box::new(BooleanQuery::new(
                queries.into_iter().map(|q| (Occur::Should, q)).collect(),
            ))
        };
        for (field, values) in [(f.speaker, &query.speakers), (f.source, &query.sources)] {
            if !values.is_empty() {
                let each = values.iter().filter_map(|v| {
                    let toks = words(v);
                    words_query(field, &toks, false)
                });
                filters.push(any_of(each.collect()));
            }
        }
        if !query.kinds.is_empty() {
            let each = query.kinds.iter().map(|k| exact(f.kind, k.as_str()));
            filters.push(any_of(each.collect()));
        }
        if !query.classes.is_empty() {
            let each = query.classes.iter().map(|c| exact(f.class, c.as_str()));
            filters.push(any_of(each.collect()));
        }
        if query.after.is_some() || query.before.is_some() {
            let lower = query.after.map_or(Bound::Unbounded, |d| {
                Bound::Included(Term::from_field_i64(f.date, d))
            });
            let upper = query.before.map_or(Bound::Unbounded, |d| {
                Bound::Excluded(Term::from_field_i64(f.date, d))
            });
            filters.push(Box::new(RangeQuery::new(lower, upper)));
        }
        if let Some(tagged) = tagged {
            let terms = tagged
                .iter()
                .map(|t| Term::from_field_text(f.article, &t.article));
            filters.push(Box::new(TermSetQuery::new(terms)));
        }
        if must.is_empty() && filters.is_empty() {
            return Ok(Results::default());
        }
        // Filters narrow without adding to the score: BM25 ranks by the words alone.
        let clauses = must
            .into_iter()
            .chain(
                filters
                    .into_iter()
                    .map(|q| Box::new(BoostQuery::new(q, 0.0)) as Box<dyn TantivyQuery>),
            )
            .map(|q| (Occur::Must, q))
            .collect();
        let q = BooleanQuery::new(clauses);
        self.reader.reload()?;
        let searcher = self.reader.searcher();
        let wanted = limit.max(1);
        // Tagged: every sentence of the tagged articles, then those on a tagged passage.
        let limit = match tagged {
            Some(_) => TAGGED_SENTENCES,
            None => wanted,
        };
        let (addresses, total) = if scored {
            let (top, total) =
                searcher.search(&q, &(TopDocs::with_limit(limit).order_by_score(), Count))?;
            (top.into_iter().map(|(_, a)| a).collect::<Vec<_>>(), total)
        } else {
            let by_date =
                TopDocs::with_limit(limit).order_by_fast_field::<i64>("date", Order::Desc);
            let (top, total) = searcher.search(&q, &(by_date, Count))?;
            (top.into_iter().map(|(_, a)| a).collect(), total)
        };
        let mut hits = Vec::with_capacity(addresses.len().min(wanted));
        let mut total = total;
        if let Some(tagged) = tagged {
            total = 0;
            for address in addresses {
                let doc: TantivyDocument = searcher.doc(address)?;
                let mut hit = hit_of(&doc, f);
                if !on_a_passage(&hit, tagged) {
                    continue;
                }
                total += 1;
                if hits.len() < wanted {
                    hit.marks = marks.in_text(&hit.text);
                    hits.push(hit);
                }
            }
            return Ok(Results { total, hits });
        }
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let mut hit = hit_of(&doc, f);
            hit.marks = marks.in_text(&hit.text);
            hits.push(hit);
        }
        Ok(Results { total, hits })
    }
}

/// A stored sentence as a hit, nothing marked yet.
/// Whether a tagged passage touches the hit's sentence.
fn on_a_passage(hit: &Hit, tagged: &[Tagged]) -> bool {
    let sentence = hit.start..hit.start + hit.text.len();
    tagged
        .iter()
        .filter(|t| t.article == hit.article)
        .flat_map(|t| &t.passages)
        .any(|p| p.start < sentence.end && sentence.start < p.end.max(p.start + 1))
}

pub(super) fn hit_of(doc: &TantivyDocument, f: Fields) -> Hit {
    Hit {
        article: first_str(doc, f.article),
        start: doc
            .get_first(f.start)
            .and_then(|v| v.as_u64())
            .and_then(|s| usize::try_from(s).ok())
            .unwrap_or(0),
        text: first_str(doc, f.text),
        speakers: doc
            .get_all(f.speaker)
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        marks: Vec::new(),
    }
}

fn first_str(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn exact(field: Field, value: &str) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// A word, a phrase, or either with its last word a prefix.
fn words_query(field: Field, toks: &[String], prefix: bool) -> Option<Box<dyn TantivyQuery>> {
    let terms: Vec<Term> = toks
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    Some(match (terms.len(), prefix) {
        (0, _) => return None,
        (_, true) => Box::new(PhrasePrefixQuery::new(terms)),
        (1, false) => Box::new(TermQuery::new(
            terms.into_iter().next()?,
            IndexRecordOption::WithFreqs,
        )),
        _ => Box::new(PhraseQuery::new(terms)),
    })
}

/// The query's words, to mark them in a hit.
#[derive(Default)]
struct Marks {
    exact: HashSet<String>,
    prefixes: Vec<String>,
}

impl Marks {
    fn add(&mut self, mut toks: Vec<String>, prefix: bool) {
        if prefix && let Some(last) = toks.pop() {
            self.prefixes.push(last);
        }
        self.exact.extend(toks);
    }

    fn in_text(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        tokens(text)
            .into_iter()
            .filter(|(t, _)| {
                self.exact.contains(t) || self.prefixes.iter().any(|p| t.starts_with(p.as_str()))
            })
            .map(|(_, r)| r)
            .collect()
    }
}

impl IndexUpdater {
    pub fn is_indexed(&self, id: &str) -> bool {
        self.present.contains(id)
    }

    /// Adds every sentence of `article` (replacing what an article of the same content id
    /// had), uncommitted until [`IndexUpdater::commit`].
    pub fn add(&mut self, article: &Article, x: &Extraction) -> Result<(), SearchError> {
        let f = self.fields;
        let meta = article_fields(article);
        if self.present.contains(meta.id) {
            self.writer
                .delete_term(Term::from_field_text(f.article, meta.id));
        }
        for e in sentence_entries(&article.text, x) {
            let mut doc = TantivyDocument::new();
            doc.add_text(f.article, meta.id);
            doc.add_u64(f.start, e.start as u64);
            doc.add_text(f.text, e.text);
            for s in &e.speakers {
                doc.add_text(f.speaker, s);
            }
            if let Some(source) = meta.source {
                doc.add_text(f.source, source);
            }
            for k in &e.kinds {
                doc.add_text(f.kind, k.as_str());
            }
            for c in &e.classes {
                doc.add_text(f.class, c.as_str());
            }
            if let Some(day) = meta.day {
                doc.add_i64(f.date, day);
            }
            self.writer.add_document(doc)?;
            self.uncommitted += 1;
        }
        self.present.insert(meta.id.to_string());
        Ok(())
    }

    /// Removes the articles whose content id `keep` does not accept (gone from the library,
    /// or edited since).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let gone: Vec<String> = self
            .present
            .iter()
            .filter(|id| !keep(id))
            .cloned()
            .collect();
        for id in gone {
            self.writer
                .delete_term(Term::from_field_text(self.fields.article, &id));
            self.present.remove(&id);
            self.uncommitted += 1;
        }
    }

    /// Sentences added or articles removed since the last commit.
    pub fn uncommitted(&self) -> usize {
        self.uncommitted
    }

    /// Makes what was added searchable (and durable).
    pub fn commit(&mut self) -> Result<(), SearchError> {
        if self.uncommitted > 0 {
            self.writer.commit()?;
            self.uncommitted = 0;
        }
        Ok(())
    }
}
