//! The terminal reader.

pub mod keymap;
