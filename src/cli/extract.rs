//! `sayso extract`: speakers, claims and numbers without the reader, as a streaming
//! filter.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;

use crate::article::{self, Article, Source};
use crate::extract::extract_article;
use crate::output;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Input {
    Files,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// One unit of `sayso extract` (or `claims`) work, listed before anything is read.
pub(super) enum Job {
    /// Already in memory: standard input, the built-in samples.
    Article(Article),
    File(PathBuf),
    /// A path that names no article: its message.
    Problem(String),
}

/// What one job gives: the bytes to print, the warnings for stderr, and whether its path
/// could be read.
struct Done {
    bytes: Vec<u8>,
    warnings: Vec<String>,
    read: bool,
}

/// The work for `paths` (files, folders, `-` for one article on standard input), listed
/// in order; no path: the built-in samples.
pub(super) fn jobs_for(paths: &[PathBuf]) -> Vec<Job> {
    if paths.is_empty() {
        return article::embedded_seeds()
            .into_iter()
            .map(Job::Article)
            .collect();
    }
    let mut stdin = io::stdin().lock();
    article::plan_paths(paths, true)
        .into_iter()
        .map(|source| match source {
            Source::File(path) => Job::File(path),
            Source::Problem(p) => Job::Problem(p.to_string()),
            // Standard input is one article: read it here, before the workers start.
            Source::Stdin => match article::read_source(Source::Stdin, &mut stdin) {
                Ok(a) => Job::Article(a),
                Err(p) => Job::Problem(p.to_string()),
            },
        })
        .collect()
}

/// The config, and the paths a library-wide command works on: those named, else the
/// config's library (else, with neither, the samples). With paths named, a config that
/// cannot be read costs only its data dir (said on standard error).
pub(super) fn config_and_paths(
    config: Option<&std::path::Path>,
    paths: &[PathBuf],
) -> Result<(crate::config::Config, Vec<PathBuf>)> {
    use crate::config::Config;
    let config = match Config::load(config) {
        Ok(config) => config,
        Err(e) if !paths.is_empty() => {
            eprintln!("sayso: {e:#} (speaker corrections are read from the default data dir)");
            Config::default()
        }
        Err(e) => return Err(e.into()),
    };
    let paths = match paths.is_empty() {
        true => config.library_paths(),
        false => paths.to_vec(),
    };
    Ok((config, paths))
}

/// The article a job names, read now if it is a file; else the problem's message.
pub(super) fn job_article(job: &Job) -> Result<std::borrow::Cow<'_, Article>, String> {
    match job {
        Job::Article(a) => Ok(std::borrow::Cow::Borrowed(a)),
        Job::File(path) => article::read_file(path)
            .map(std::borrow::Cow::Owned)
            .map_err(|problem| problem.to_string()),
        Job::Problem(message) => Err(message.clone()),
    }
}

fn run_job(format: Format, job: &Job) -> Done {
    let article = match job_article(job) {
        Ok(a) => a,
        Err(message) => return problem_done(message),
    };
    let article = article.as_ref();
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail; serializing our own structs cannot either.
    let _ = write_article(&mut bytes, format, article);
    let warnings = article
        .warnings
        .iter()
        .map(|w| format!("{}: {w}", article.path.display()))
        .collect();
    Done {
        bytes,
        warnings,
        read: true,
    }
}

fn problem_done(message: String) -> Done {
    Done {
        bytes: Vec::new(),
        warnings: vec![message],
        read: false,
    }
}

/// Runs `sayso extract`: lists the paths, then reads, extracts and writes one article at
/// a time per worker on `jobs` threads, in input order (the same bytes for any `jobs`);
/// memory holds a few articles per worker, not the corpus. Returns whether every path
/// could be read.
pub fn run_extract(format: Format, paths: &[PathBuf], jobs: usize) -> Result<bool> {
    let jobs_list = jobs_for(paths);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_read = true;
    crate::parallel::ordered_map(
        &jobs_list,
        jobs,
        |job| run_job(format, job),
        |done| {
            for w in &done.warnings {
                eprintln!("sayso: {w}");
            }
            all_read &= done.read;
            out.write_all(&done.bytes)
        },
    )
    .context("writing to standard output")?;
    out.flush().context("writing to standard output")?;
    Ok(all_read)
}

fn write_article(out: &mut impl Write, format: Format, a: &Article) -> io::Result<()> {
    let ex = extract_article(a);
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, &output::ArticleJson::new(a, &ex))?;
            writeln!(out)
        }
        Format::Text => writeln!(out, "{}", output::article_report(a, &ex)),
    }
}

/// Runs `sayso extract --input jsonl`: each path (or standard input) holds one article per
/// line. Returns whether every line was a usable article.
pub fn run_extract_jsonl(format: Option<Format>, paths: &[PathBuf], jobs: usize) -> Result<bool> {
    if format == Some(Format::Text) {
        anyhow::bail!("--input jsonl writes JSON Lines: leave out --format or give --format json");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut bad = 0;
    let warn = |w: &str| eprintln!("sayso: {w}");
    let stdin_only = [PathBuf::from("-")];
    let paths = if paths.is_empty() {
        &stdin_only[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            bad += crate::jsonl::run("-", io::stdin().lock(), &mut out, jobs, warn)
                .context("reading standard input or writing standard output")?;
        } else {
            let name = path.display().to_string();
            let file = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
            bad += crate::jsonl::run(&name, io::BufReader::new(file), &mut out, jobs, warn)
                .with_context(|| format!("reading {name} or writing standard output"))?;
        }
    }
    out.flush().context("writing to standard output")?;
    Ok(bad == 0)
}
