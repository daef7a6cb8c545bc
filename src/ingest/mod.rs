//! Bringing articles in from the web: pages fetched over HTTP(S) ([`fetch`], behind one
//! small trait so tests use a local server), robots.txt ([`robots`]), and saving a page
//! into the library as Markdown with front matter ([`save`], [`add`]), feeds ([`feeds`],
//! [`update`]) and which articles are not read yet ([`unread`]). Reading a page's main text
//! is [`crate::article::html`]'s, as for a page saved on disk.

pub mod add;
pub mod feeds;
pub mod fetch;
pub mod robots;
pub mod save;
pub mod unread;
pub mod update;

use crate::article::html::{self, HtmlPage};

pub use fetch::{Fetch, FetchError, Http, HttpOptions, Page};
pub use save::{SaveError, Saved};

/// A fetched page read as an article; refused when the server says it is not HTML.
pub fn read_page(page: &Page) -> Result<HtmlPage, FetchError> {
    let html_type = page.content_type.as_deref().is_none_or(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("html") || t.starts_with("text/plain") || t.contains("xml")
    });
    if !html_type {
        return Err(FetchError::Failed {
            url: page.url.clone(),
            message: format!(
                "not a web page ({})",
                page.content_type.as_deref().unwrap_or("no type")
            ),
        });
    }
    Ok(html::parse(
        &page.bytes,
        page.content_type.as_deref(),
        Some(&page.url),
    ))
}
