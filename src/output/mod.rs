//! Output formats of `sayso extract`: JSON Lines (the evaluation contract) and a readable
//! text report.

mod json;
mod report;

pub use json::{ArticleJson, article_json};
pub use report::article_report;
