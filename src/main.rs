//! `baosou`: parse the arguments, run the command, turn the outcome into an exit code
//! (0 hits, 1 no hits, 2 error).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = baosou::cli::Cli::parse();
    match baosou::commands::run(cli) {
        Ok(baosou::commands::Outcome::Found) => ExitCode::from(0),
        Ok(baosou::commands::Outcome::NotFound) => ExitCode::from(1),
        Err(e) if baosou::commands::is_broken_pipe(&e) => ExitCode::from(0),
        Err(e) => {
            // A file name in the message may hold control characters: show them escaped.
            let message = format!("{e:#}");
            eprintln!("baosou: {}", baosou::render::text::visible_lines(&message));
            ExitCode::from(2)
        }
    }
}
