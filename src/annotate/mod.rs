//! Annotations: tagged, noted passages of articles; their storage, re-anchoring and export.
pub mod anchor;
pub mod atomic;
pub mod export;
pub mod format;
pub mod fuzzy;
pub mod history;
pub mod library;
pub mod merge;
pub mod model;
pub mod myers;
pub mod store;
