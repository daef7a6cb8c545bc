//! Adding one article to the library's inbox: a web page fetched (or a saved one read),
//! its article text and metadata found, saved as Markdown with front matter. The same URL
//! again is the article already saved; no other file is ever replaced.

use std::path::{Path, PathBuf};

use super::fetch::{FetchError, Url};
use super::save::{self, SaveError, Saved};
use super::{Fetch, read_page};
use crate::annotate::Timestamp;
use crate::article::html;

/// Why an input could not be added.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error(transparent)]
    Save(#[from] SaveError),
    #[error("{input}: no article text found on the page")]
    NoText { input: String },
    #[error("{input}: neither a web address (http://, https://) nor a file")]
    NotAnInput { input: String },
    #[error(
        "{input}: not a web page (.html, .htm, .xhtml, or gzipped); text and Markdown files \
         are read where they are: add their folder to `library`"
    )]
    NotHtml { input: String },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Adds one web address or HTML file to `inbox`.
pub fn add_one(fetcher: &dyn Fetch, inbox: &Path, input: &str) -> Result<Saved, AddError> {
    let fetched = Timestamp::now().to_string();
    if Url::parse(input).is_some() {
        // Asked for before: no need to fetch it again.
        if let Some(found) = save::find_url(inbox, input) {
            return Ok(Saved::Already(found));
        }
        let page = fetcher.get(input)?;
        let article = read_page(&page)?;
        if article.is_empty() {
            return Err(AddError::NoText {
                input: input.to_owned(),
            });
        }
        let text = save::markdown(&article, Some(input), &fetched);
        return Ok(save::save(
            inbox,
            &save::file_name(&article),
            &text,
            Some(input),
        )?);
    }
    let path = Path::new(input);
    if !path.is_file() {
        return Err(AddError::NotAnInput {
            input: input.to_owned(),
        });
    }
    if !html::is_html(path) {
        return Err(AddError::NotHtml {
            input: input.to_owned(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| AddError::Read {
        path: path.to_owned(),
        source,
    })?;
    let article = html::parse(&bytes, None, None);
    if article.is_empty() {
        return Err(AddError::NoText {
            input: input.to_owned(),
        });
    }
    let url = article.url.clone();
    let text = save::markdown(&article, url.as_deref(), &fetched);
    Ok(save::save(
        inbox,
        &save::file_name(&article),
        &text,
        url.as_deref(),
    )?)
}
