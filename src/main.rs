use std::process::ExitCode;

use clap::Parser;
use sayso::cli::{Cli, Command, run_extract};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { format, paths }) => run_extract(format, &paths),
        None => {
            eprintln!("sayso: the reader is not built yet; try `sayso extract`");
            Ok(false)
        }
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
