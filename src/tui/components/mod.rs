//! The screen's components: each keeps its own state, handles the actions that concern it
//! and draws itself.

pub mod choice;
pub mod claims_tab;
pub mod help;
pub mod insight;
pub mod ledger;
pub mod library;
pub mod library_search;
pub mod log;
pub mod note_editor;
pub mod notes_tab;
pub mod numbers_tab;
pub mod prompt;
pub mod reader;
pub mod speakers_index;
pub mod status;
pub mod tag_index;
