//! Annotations: tagged, noted passages of articles; their storage, re-anchoring and export.
pub mod atomic;
pub mod format;
pub mod merge;
pub mod model;
