//! Full-text search across the library: every sentence of every article, with the
//! speakers, kinds and classes of the claims in it, ranked by BM25 (tantivy) and narrowed
//! by filters. [`query`] parses what the user types, [`documents`] says what an article
//! puts in the index, [`index`] keeps the index on disk and answers queries.

pub mod documents;
pub mod elsewhere;
pub mod index;
pub mod query;

pub use elsewhere::Copy;
pub use index::{Hit, IndexUpdater, Results, SearchError, SearchIndex, Tagged, index_dir, open};
pub use query::{Query, QueryError, Word, parse};

#[cfg(test)]
mod tests;
