//! One thin function per subcommand: each checks its arguments, calls the pipeline stages
//! and hands the results to a renderer.

mod index;
mod research;
mod search;
mod serve;
mod show;
mod split;
mod stats;

use crate::cli::{Cli, Command};

/// What a command found, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found: exit code 0.
    Found,
    /// Nothing was found: exit code 1.
    NotFound,
}

impl Outcome {
    /// Found when `n` is more than 0.
    pub fn from_count(n: usize) -> Outcome {
        if n > 0 {
            Outcome::Found
        } else {
            Outcome::NotFound
        }
    }
}

/// Runs one command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Index(args) => index::run(&args),
        Command::Search(args) => search::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Split(args) => split::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}

/// True when the error is a closed stdout (`baosou search … | head`), which ends quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(|io| io.kind()) == broken
            // serde_json keeps the I/O error inside its own.
            || c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == broken
    })
}

/// Terminal styling for stdout, as `--color` asks.
pub fn style(choice: crate::cli::ColorChoice) -> crate::render::text::Style {
    use std::io::IsTerminal;
    let color = match choice {
        crate::cli::ColorChoice::Always => true,
        crate::cli::ColorChoice::Never => false,
        crate::cli::ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    crate::render::text::Style { color }
}
