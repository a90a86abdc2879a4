//! `baosou serve`: the web page and JSON API over an index, until Ctrl-C.

use super::Outcome;
use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> anyhow::Result<Outcome> {
    crate::serve::run(&args.index.dir, &args.addr)?;
    Ok(Outcome::Found)
}
