//! One thin function per subcommand: each checks its arguments, calls the pipeline stages
//! and hands the results to a renderer.

mod split;

use crate::cli::{Cli, Command};

/// What a command found, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NotFound,
}

impl Outcome {
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
        Command::Split(args) => split::run(&args),
        _ => anyhow::bail!("not implemented yet"),
    }
}

/// True when the error is a closed stdout (`baosou search … | head`), which ends quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
