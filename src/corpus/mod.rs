//! Library-wide views built from per-article results: what no single article can say on
//! its own. Pure library code (no terminal, no I/O, no global state) over
//! [`crate::extract`]'s output.
//!
//! * [`speakers`]: cross-article speaker identity — which speakers of different articles
//!   are one person (or organisation), and the name matching the library filter shares.

pub mod digest;
pub mod speakers;

pub use digest::{Digest, SpeakerDigest};

pub use speakers::{Appearance, Identity, NameQuery, Person, group_descriptions, merge, normalise};
