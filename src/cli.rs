//! Command-line interface: the TUI by default, and the headless `extract` command.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use crate::article::{self, Article};
use crate::extract::extract;
use crate::output;

#[derive(Debug, Parser)]
#[command(
    name = "sayso",
    version,
    about = "A terminal reader for news articles that shows who said what",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Config file (else $SAYSO_CONFIG, else the platform config file, e.g.
    /// ~/.config/sayso/config.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Articles or folders to open (default: the library folders from the config, else the
    /// built-in samples).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract speakers, claims and numbers without the TUI.
    Extract {
        /// `json`: JSON Lines, one object per article (offsets in code points); `text`: a
        /// readable report.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files or folders (`.txt`, `.md`, recursively); `-` reads one article from stdin.
        /// Without a path, the built-in samples.
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// Runs `sayso extract`; returns whether every path could be read.
pub fn run_extract(format: Format, paths: &[PathBuf]) -> Result<bool> {
    let (articles, problems) = if paths.is_empty() {
        (article::embedded_seeds(), Vec::new())
    } else {
        let library = article::load_paths_with_stdin(paths, io::stdin().lock());
        (library.articles, library.problems)
    };
    for p in &problems {
        eprintln!("sayso: {p}");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for a in &articles {
        for w in &a.warnings {
            eprintln!("sayso: {}: {w}", a.path.display());
        }
        write_article(&mut out, format, a).context("writing to standard output")?;
    }
    out.flush().context("writing to standard output")?;
    Ok(problems.is_empty())
}

fn write_article(out: &mut impl Write, format: Format, a: &Article) -> io::Result<()> {
    let ex = extract(&a.text);
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, &output::article_json(a, &ex))?;
            writeln!(out)
        }
        Format::Text => writeln!(out, "{}", output::article_report(a, &ex)),
    }
}
