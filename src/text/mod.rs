//! Text utilities shared by the engine and the shell.

pub mod offsets;
