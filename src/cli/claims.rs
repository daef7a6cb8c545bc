//! `sayso claims`: every claim of the library (or of the paths given), with speaker, role,
//! cue, kind, class, article, date, outlet and offsets, filtered; extracted on every core,
//! written in the order of the articles.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::ValueEnum;

use super::extract::{Job, job_article, jobs_for};
use crate::annotate::Library;
use crate::annotate::corrections::{self, Book};
use crate::config::Config;
use crate::corpus::claims::{ClaimFilter, LedgerFormat, header, rows, write_rows};
use crate::extract::{ClaimClass, ClaimKind, extract_article};

/// `--format` of `sayso claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    Csv,
    Json,
    Markdown,
}

/// What `sayso claims` was asked for.
#[derive(Debug, Clone)]
pub struct ClaimsArgs {
    pub config: Option<PathBuf>,
    /// Where the annotations (and so the speaker corrections) are; `None`: as configured.
    pub data_dir: Option<PathBuf>,
    pub paths: Vec<PathBuf>,
    pub speakers: Vec<String>,
    pub sources: Vec<String>,
    pub classes: Vec<ClaimClass>,
    pub kinds: Vec<ClaimKind>,
    pub format: ClaimsFormat,
    pub jobs: usize,
}

/// Parses a claim class as the output names it (`speech`, `belief`, …).
pub fn parse_class(s: &str) -> Result<ClaimClass, String> {
    ClaimClass::ALL
        .into_iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            let names: Vec<&str> = ClaimClass::ALL.iter().map(|c| c.as_str()).collect();
            format!("unknown class `{s}`: expected one of {}", names.join(", "))
        })
}

/// Parses a claim kind as the output names it (`direct`, `indirect`, …).
pub fn parse_kind(s: &str) -> Result<ClaimKind, String> {
    ClaimKind::ALL
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
        .ok_or_else(|| format!("unknown kind `{s}`: expected direct, indirect, mixed or headline"))
}

/// Runs `sayso claims`; returns false when some path could not be read (named on
/// standard error; the ledger holds the rest).
pub fn run_claims(args: &ClaimsArgs) -> Result<bool> {
    let (config, paths) = super::extract::config_and_paths(args.config.as_deref(), &args.paths)?;
    let format = match args.format {
        ClaimsFormat::Csv => LedgerFormat::Csv,
        ClaimsFormat::Json => LedgerFormat::Json,
        ClaimsFormat::Markdown => LedgerFormat::Markdown,
    };
    let mut filter = ClaimFilter::new(&args.speakers, &args.sources);
    filter.classes = args.classes.clone();
    filter.kinds = args.kinds.clone();
    let jobs = jobs_for(&paths);
    let book = corrections_book(&config, args.data_dir.as_deref(), &jobs);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    out.write_all(&header(format))
        .context("writing to standard output")?;
    let (mut all_read, mut claims) = (true, 0);
    crate::parallel::ordered_map(
        &jobs,
        args.jobs,
        |job: &Job| -> Result<(Vec<u8>, usize), String> {
            let article = job_article(job)?;
            let mut ex = extract_article(&article);
            if let Some(notes) = book.for_article(&article.id, &article.path) {
                ex = corrections::apply_on(&article.text, ex, notes);
            }
            let rows = rows(&article, &ex, &filter);
            let mut bytes = Vec::new();
            write_rows(format, &rows, &mut bytes);
            Ok((bytes, rows.len()))
        },
        |done| match done {
            Ok((bytes, n)) => {
                claims += n;
                out.write_all(&bytes)
            }
            Err(problem) => {
                eprintln!("sayso: {problem}");
                all_read = false;
                Ok(())
            }
        },
    )
    .context("writing to standard output")?;
    out.flush().context("writing to standard output")?;
    if claims == 0 {
        eprintln!("sayso: no claims matched");
    }
    Ok(all_read)
}

/// The speaker corrections the reader made, as the annotation storage holds them; none
/// when there is no storage (no data directory). Files that do not parse are named on
/// standard error (their corrections are not applied).
pub(super) fn corrections_book(config: &Config, data_dir: Option<&Path>, jobs: &[Job]) -> Book {
    let Ok(storage) = config.annotation_storage(data_dir) else {
        return Book::default();
    };
    let article_paths: Vec<PathBuf> = jobs
        .iter()
        .filter_map(|job| match job {
            Job::File(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    let mut library = Library::load(storage, &article_paths);
    for problem in library.take_problems() {
        eprintln!("sayso: {problem} (its speaker corrections are not applied)");
    }
    Book::of(&library)
}
