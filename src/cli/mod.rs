//! Command-line interface: the TUI by default, and the headless commands, one module
//! each.

mod add;
mod claims;
mod export;
mod extract;
mod feeds;
mod provenance;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::annotate::ExportFormat;
use crate::extract::{ClaimClass, ClaimKind};

pub use add::{AddArgs, run_add};
pub use claims::{ClaimsArgs, ClaimsFormat, parse_class, parse_kind, run_claims};
pub use export::{ExportArgs, run_export};
pub use extract::{Format, Input, run_extract, run_extract_jsonl};
pub use feeds::{run_feeds_import, run_feeds_update};
pub use provenance::{ProvenanceArg, run_provenance};

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
    /// List every claim (speaker, role, text, cue, kind, class, article, date, outlet,
    /// code-point offsets), filtered; to standard output.
    Claims {
        /// Only claims of a speaker whose name contains NAME (any case; repeat for any of
        /// several).
        #[arg(long = "speaker", value_name = "NAME")]
        speakers: Vec<String>,
        /// Only claims from an outlet whose name contains OUTLET (any case; repeatable).
        #[arg(long = "source", value_name = "OUTLET")]
        sources: Vec<String>,
        /// Only claims of this class: speech, belief, intention, evaluation, evidence
        /// (repeatable).
        #[arg(long = "class", value_name = "CLASS", value_parser = parse_class)]
        classes: Vec<ClaimClass>,
        /// Only claims of this kind: direct, indirect, mixed, headline (repeatable).
        #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind)]
        kinds: Vec<ClaimKind>,
        /// `markdown` (a table), `csv` (RFC 4180, with a header row) or `json` (JSON
        /// Lines, one object per claim).
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Markdown)]
        format: ClaimsFormat,
        /// Files or folders (`.txt`, `.md`, recursively); `-` reads one article from stdin.
        /// Without a path, the library folders from the config, else the samples.
        paths: Vec<PathBuf>,
        /// Worker threads (default: every core). The output is the same for any number.
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Quotes that several articles carry (the same or nearly the same words) and figures
    /// they give different values for, flagged where the words, the speaker or the value
    /// differ; to standard output.
    Provenance {
        /// `markdown` (a section per group), `json` (JSON Lines, one group per line) or
        /// `csv` (RFC 4180, one row per member).
        #[arg(long, value_enum, default_value_t = ProvenanceArg::Markdown)]
        format: ProvenanceArg,
        /// Files or folders (`.txt`, `.md`, recursively). Without a path, the library
        /// folders from the config, else the samples.
        paths: Vec<PathBuf>,
        /// Worker threads (default: every core). The output is the same for any number.
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// Add web pages to the library: fetch each URL (or read each saved .html file), keep
    /// its article text and metadata, and save it in the inbox folder as Markdown.
    Add {
        /// Web addresses (http://, https://) or HTML files (.html, .htm, .html.gz).
        #[arg(required = true, value_name = "URL|FILE")]
        inputs: Vec<String>,
        /// Fetch nothing: web addresses are refused, files are read.
        #[arg(long)]
        offline: bool,
    },
    /// Feeds: `update` adds each new item of the config's `feeds` and the imported ones;
    /// `import FILE.opml` subscribes to an OPML file's feeds.
    Feeds {
        #[command(subcommand)]
        action: FeedsAction,
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

#[derive(Debug, Subcommand)]
pub enum FeedsAction {
    /// Read every feed and add the items not added before.
    Update {
        /// Fetch nothing: only feeds that are files are read.
        #[arg(long)]
        offline: bool,
    },
    /// Subscribe to every feed an OPML file lists (kept in the state dir).
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
}

fn parse_export_format(s: &str) -> Result<ExportFormat, String> {
    s.parse()
        .map_err(|e: crate::annotate::export::ExportError| e.to_string())
}
