//! Annotations: tagged, noted passages of articles; their storage, re-anchoring and export.
pub mod format;
pub mod model;
