//! Annotations: passages of articles (claims or selections) with tags and notes; their
//! storage in human-readable TOML files, safe against crashes and concurrent instances;
//! their re-anchoring when an article's text changes; and their export.
//!
//! * [`model`]: [`Annotation`](model::Annotation), [`Target`](model::Target) (quote +
//!   context + code point position), ids, timestamps, anchoring status, tag clean-up.
//! * [`format`]: the TOML file format; parse errors name file, line and column.
//! * [`store`]: where files live (data dir or sidecar) and one file's load/edit/save cycle
//!   (lock, re-read, three-way [`merge`], atomic write via [`atomic`]).
//! * [`library`]: all files of a library; the operations the reader performs, saved at
//!   once, with undo/redo ([`history`]); the tag index and completion.
//! * [`identity`]: which file belongs to which article, across edits, renames and
//!   duplicate texts.
//! * [`journal`]: changes a session could not save, kept in the state dir and offered
//!   back at the next start.
//! * [`corrections`]: speaker corrections (rename, merge, reassign, split, not a claim),
//!   kept on annotations and applied over the engine's results.
//! * [`anchor`]: re-anchoring (exact → moved → [`fuzzy`] with [`myers`] → orphaned).
//! * [`export`]: Markdown, JSON, CSV and W3C Web Annotation output, and
//!   [`export_library`](export::export_library) for `sayso export`.
//!
//! The library works in byte offsets; files and exports use Unicode code points.

pub mod anchor;
pub mod atomic;
pub mod corrections;
pub mod export;
pub mod format;
pub mod fuzzy;
pub mod history;
pub mod identity;
pub mod journal;
pub mod library;
pub mod merge;
pub mod model;
pub mod myers;
pub mod store;

pub use anchor::{Anchor, Anchorer};
pub use export::{ExportFilter, ExportFormat, export_library};
pub use format::{ArticleMeta, ParseError};
pub use history::FileId;
pub use library::{Library, TagCount};
pub use model::{AnchorStatus, Annotation, AnnotationId, ClaimFacts, Target, Timestamp};
pub use store::{AnnotationFile, Storage, StorageMode, StoreError, resolve_data_dir};
