//! `sayso [--config FILE] [PATH…]`: opens the reader.
// Temporary thin CLI of the `tui` branch; the CLI owner merges it into the subcommands.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// A terminal reader for news articles that shows who said what.
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// Config file (else $SAYSO_CONFIG, else ~/.config/sayso/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Article files and folders (else the config's library, else the samples).
    paths: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let opts = sayso::tui::TuiOptions {
        paths: cli.paths,
        config: cli.config,
    };
    match sayso::tui::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sayso: {e:#}");
            ExitCode::FAILURE
        }
    }
}
