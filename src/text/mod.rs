//! Text utilities shared by the engine and the shell.

pub mod offsets;
pub mod search;
pub mod sentences;
pub mod wrap;
