//! sayso: a terminal reader for news articles that shows who said what.
//!
//! The library holds the functional core — article model, extraction, output formats —
//! with no terminal and no global state. The binary is a thin shell around it.

pub mod annotate;
pub mod article;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod extract;
pub mod fuzzing;
pub mod ingest;
pub mod jsonl;
pub mod output;
pub mod parallel;
pub mod text;
pub mod tui;
