//! `sayso export`: the annotations, in a format for other tools.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::annotate::{ExportFilter, ExportFormat, Storage, export_library};
use crate::config::Config;

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
            || crate::article::html::is_html(p)
    };
    roots
        .iter()
        .flat_map(|root| walkdir::WalkDir::new(root).follow_links(true))
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && is_article(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect()
}
