//! `sayso add URL|FILE…`: fetches each web page (or reads each saved one), finds its
//! article text and metadata, and saves it into the library's inbox folder as
//! `<outlet>_<date>_<slug>.md` with front matter; the same URL again is the article
//! already saved, and no other file is ever replaced.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::annotate::Timestamp;
use crate::article::html;
use crate::config::Config;
use crate::ingest::fetch::Url;
use crate::ingest::save::{self, Saved};
use crate::ingest::{Fetch, Http, HttpOptions, read_page};

/// What `sayso add` was asked for.
#[derive(Debug, Clone)]
pub struct AddArgs {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// Web addresses or HTML files.
    pub inputs: Vec<String>,
    /// Fetch nothing (files are still read).
    pub offline: bool,
}

/// Runs `sayso add`; returns false when some input could not be added (each named on
/// standard error; the others are saved).
pub fn run_add(args: &AddArgs) -> Result<bool> {
    let config = Config::load(args.config.as_deref())?;
    let inbox = config
        .inbox_path(args.data_dir.as_deref())
        .context("where should the articles go? (set `inbox` in the config)")?;
    let http = Http::new(HttpOptions {
        offline: args.offline,
        ..HttpOptions::default()
    });
    let mut ok = true;
    for input in &args.inputs {
        match add_one(&http, &inbox, input) {
            Ok(Saved::New(path)) => println!("added {}", path.display()),
            Ok(Saved::Already(path)) => println!("already in the library: {}", path.display()),
            Err(e) => {
                eprintln!("sayso: {e:#}");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// Adds one web address or HTML file to `inbox`.
pub fn add_one(fetcher: &dyn Fetch, inbox: &Path, input: &str) -> Result<Saved> {
    let fetched = Timestamp::now().to_string();
    if Url::parse(input).is_some() {
        // Asked for before: no need to fetch it again.
        if let Some(found) = save::find_url(inbox, input) {
            return Ok(Saved::Already(found));
        }
        let page = fetcher.get(input)?;
        let article = read_page(&page)?;
        if article.is_empty() {
            anyhow::bail!("{input}: no article text found on the page");
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
        anyhow::bail!("{input}: neither a web address (http://, https://) nor a file");
    }
    if !html::is_html(path) {
        anyhow::bail!(
            "{input}: not a web page (.html, .htm, .xhtml, or gzipped); text and Markdown \
             files are read where they are: add their folder to `library`"
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {input}"))?;
    let article = html::parse(&bytes, None, None);
    if article.is_empty() {
        anyhow::bail!("{input}: no article text found on the page");
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
