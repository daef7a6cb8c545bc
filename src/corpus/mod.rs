//! Library-wide views built from per-article results: what no single article can say on
//! its own. Library code (no terminal, no global state) over [`crate::extract`]'s output;
//! only [`cache`] and [`search`] touch the disk, in the place they are given.
//!
//! * [`digest`]: what the library-wide views keep of each article's extraction.
//! * [`cache`]: those digests kept on disk between runs.
//! * [`claims`]: the claims ledger, every claim as a row, filtered and written out.
//! * [`provenance`]: the same quote across articles, and figures that disagree;
//!   [`provenance_format`] writes them out.
//! * [`search`]: full-text search over every sentence, kept in an index in the cache dir.
//! * [`speakers`]: cross-article speaker identity — which speakers of different articles
//!   are one person (or organisation), and the name matching the library filter shares.

pub mod cache;
pub mod claims;
pub mod digest;
pub mod provenance;
pub mod provenance_format;
pub mod search;
pub mod speakers;

pub use digest::{Digest, SpeakerDigest};

pub use speakers::{Appearance, Identity, NameQuery, Person, group_descriptions, merge, normalise};
