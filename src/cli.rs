//! Command-line interface: the TUI by default, and the headless `extract` and `export`
//! commands.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use crate::annotate::{ExportFilter, ExportFormat, Storage, export_library};
use crate::article::{self, Article, Source};
use crate::config::Config;
use crate::extract::extract_article;
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
    /// Data directory for annotations (else $SAYSO_DATA_DIR, else the config's `data_dir`,
    /// else the platform data dir, e.g. ~/.local/share/sayso).
    #[arg(long, value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Articles or folders to open (default: the library folders from the config, else the
    /// built-in samples).
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract speakers, claims and numbers without the TUI.
    Extract {
        /// `json`: JSON Lines, one object per article (offsets in code points); `text`: a
        /// readable report (the default for files; `--input jsonl` writes JSON).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// `files` (default): the paths are files and folders; `jsonl`: each path (or
        /// standard input, without a path or with `-`) holds one article per line,
        /// `{"id", "text", "title"?, "date"?, "source"?, …}`, and each gives one result
        /// line, in order, with its `id` and its other keys passed through.
        #[arg(long, value_enum, default_value_t = Input::Files)]
        input: Input,
        /// Files or folders (`.txt`, `.md`, recursively); `-` reads one article from stdin.
        /// Without a path, the built-in samples.
        paths: Vec<PathBuf>,
        /// Worker threads (default: every core). The output is the same for any number.
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Export annotations (to standard output, or to a file with -o).
    Export {
        /// markdown, json, csv or w3c (a W3C Web Annotation collection, JSON-LD).
        #[arg(long, value_name = "FORMAT", value_parser = parse_export_format)]
        format: ExportFormat,
        /// Only annotations with this tag (repeat for any of several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Only this article's annotations (its path or id; repeat for several).
        #[arg(long = "article", value_name = "PATH")]
        articles: Vec<PathBuf>,
        /// Write to FILE instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn parse_export_format(s: &str) -> Result<ExportFormat, String> {
    s.parse()
        .map_err(|e: crate::annotate::export::ExportError| e.to_string())
}

/// What `sayso export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportArgs {
    pub config: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub format: ExportFormat,
    pub tags: Vec<String>,
    pub articles: Vec<PathBuf>,
    pub output: Option<PathBuf>,
}

/// Runs `sayso export`; returns false when some annotation files could not be read (they
/// are named on standard error; the export holds the rest).
pub fn run_export(args: &ExportArgs) -> Result<bool> {
    let config = Config::load(args.config.as_deref())?;
    let storage = config
        .annotation_storage(args.data_dir.as_deref())
        .context("where are the annotations?")?;
    let mut ok = true;
    for a in &args.articles {
        let is_id = a
            .to_str()
            .is_some_and(|s| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()));
        if !a.exists() && !is_id {
            eprintln!(
                "sayso: {}: no such file (looked for annotations recorded with this path)",
                a.display()
            );
            ok = false;
        }
    }
    // Sidecar files sit beside articles: look beside the library's and the named ones.
    let mut article_paths = Vec::new();
    if storage == Storage::Sidecar {
        article_paths = article_files(&config.library_paths());
        article_paths.extend(args.articles.iter().cloned());
    }
    let filter = ExportFilter {
        tags: args.tags.clone(),
        articles: args
            .articles
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect(),
    };
    let out = export_library(&storage, &article_paths, args.format, &filter)?;
    for problem in &out.problems {
        eprintln!("sayso: {problem}");
    }
    ok &= out.problems.is_empty();
    match &args.output {
        Some(path) => {
            std::fs::write(path, &out.text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "sayso: exported {} annotation{} to {}",
                out.count,
                if out.count == 1 { "" } else { "s" },
                path.display()
            );
        }
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(out.text.as_bytes())
                .and_then(|()| lock.flush())
                .context("writing to standard output")?;
        }
    }
    if out.count == 0 {
        eprintln!("sayso: no annotations matched");
    }
    Ok(ok)
}

/// The article files (`.txt`, `.md`) under `roots`, for finding sidecar files.
fn article_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    let is_article = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
    };
    roots
        .iter()
        .flat_map(|root| walkdir::WalkDir::new(root).follow_links(true))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && is_article(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

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

/// One unit of `sayso extract` work, listed before anything is read.
enum Job {
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

fn run_job(format: Format, job: &Job) -> Done {
    let loaded;
    let article = match job {
        Job::Article(a) => a,
        Job::File(path) => match article::read_file(path) {
            Ok(a) => {
                loaded = a;
                &loaded
            }
            Err(problem) => return problem_done(problem.to_string()),
        },
        Job::Problem(message) => return problem_done(message.clone()),
    };
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
    let jobs_list: Vec<Job> = if paths.is_empty() {
        article::embedded_seeds()
            .into_iter()
            .map(Job::Article)
            .collect()
    } else {
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
    };
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
