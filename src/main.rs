//! `sayso`: the reader by default; `sayso extract`, `claims`, `provenance`, `add` and
//! `export` headless.

use std::process::ExitCode;

use clap::Parser;
use sayso::cli::{
    AddArgs, ClaimsArgs, Cli, Command, ExportArgs, FeedsAction, Format, Input, run_add, run_claims,
    run_export, run_extract, run_extract_jsonl, run_feeds_import, run_feeds_update, run_provenance,
};
use sayso::tui::{TuiOptions, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract {
            format,
            input,
            paths,
            jobs,
        }) => {
            let jobs = jobs.map_or_else(sayso::parallel::default_jobs, usize::from);
            match input {
                Input::Files => run_extract(format.unwrap_or(Format::Text), &paths, jobs),
                Input::Jsonl => run_extract_jsonl(format, &paths, jobs),
            }
        }
        Some(Command::Claims {
            speakers,
            sources,
            classes,
            kinds,
            format,
            paths,
            jobs,
        }) => run_claims(&ClaimsArgs {
            config: cli.config,
            data_dir: cli.data_dir,
            paths,
            speakers,
            sources,
            classes,
            kinds,
            format,
            jobs: jobs.map_or_else(sayso::parallel::default_jobs, usize::from),
        }),
        Some(Command::Provenance {
            format,
            paths,
            jobs,
        }) => run_provenance(
            cli.config.as_deref(),
            cli.data_dir.as_deref(),
            &paths,
            format,
            jobs.map_or_else(sayso::parallel::default_jobs, usize::from),
        ),
        Some(Command::Add { inputs, offline }) => run_add(&AddArgs {
            config: cli.config,
            data_dir: cli.data_dir,
            inputs,
            offline,
        }),
        Some(Command::Feeds {
            action: FeedsAction::Update { offline },
        }) => run_feeds_update(cli.config.as_deref(), cli.data_dir.as_deref(), offline),
        Some(Command::Feeds {
            action: FeedsAction::Import { file },
        }) => run_feeds_import(&file),
        Some(Command::Export {
            format,
            tags,
            articles,
            output,
        }) => run_export(&ExportArgs {
            config: cli.config,
            data_dir: cli.data_dir,
            format,
            tags,
            articles,
            output,
        }),
        None => run(TuiOptions {
            paths: cli.paths,
            config: cli.config,
            data_dir: cli.data_dir,
        })
        .map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("sayso: {e:#}");
            ExitCode::from(2)
        }
    }
}
