//! `sayso provenance`: the quotes that several articles carry (the same words or nearly),
//! and the figures they give different values for, with the flags that call for a look.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;

use super::extract::{Job, job_article, jobs_for};
use crate::annotate::corrections;
use crate::corpus::provenance::{Provenance, records};
use crate::corpus::provenance_format::{ProvenanceFormat, write_groups};
use crate::extract::extract_article;

/// `--format` of `sayso provenance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProvenanceArg {
    Markdown,
    Json,
    Csv,
}

/// Runs `sayso provenance` on `paths` (else the config's library, else the samples);
/// returns false when some path could not be read.
pub fn run_provenance(
    config: Option<&std::path::Path>,
    data_dir: Option<&std::path::Path>,
    paths: &[PathBuf],
    format: ProvenanceArg,
    jobs: usize,
) -> Result<bool> {
    let (config, paths) = super::extract::config_and_paths(config, paths)?;
    let jobs_list = jobs_for(&paths);
    // Who said a copy is as the reader corrected it: the different-speaker flag follows.
    let book = super::claims::corrections_book(&config, data_dir, &jobs_list);
    let mut provenance = Provenance::default();
    let mut all_read = true;
    crate::parallel::ordered_map(
        &jobs_list,
        jobs,
        |job: &Job| {
            let article = job_article(job)?;
            let mut x = extract_article(&article);
            if let Some(notes) = book.for_article(&article.id, &article.path) {
                x = corrections::apply_on(&article.text, x, notes);
            }
            Ok::<_, String>(records(&article, &x))
        },
        |done| {
            match done {
                Ok(records) => provenance.push(records),
                Err(problem) => {
                    eprintln!("sayso: {problem}");
                    all_read = false;
                }
            }
            Ok::<(), io::Error>(())
        },
    )
    .context("reading the articles")?;
    let groups = provenance.groups();
    let format = match format {
        ProvenanceArg::Markdown => ProvenanceFormat::Markdown,
        ProvenanceArg::Json => ProvenanceFormat::Json,
        ProvenanceArg::Csv => ProvenanceFormat::Csv,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_groups(format, &groups, &mut out).context("writing to standard output")?;
    out.flush().context("writing to standard output")?;
    if groups.is_empty() {
        eprintln!("sayso: no quote or figure is shared by two articles");
    }
    Ok(all_read)
}
