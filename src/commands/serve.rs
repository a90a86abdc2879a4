//! `baosou serve`: the web page and JSON API over an index, until Ctrl-C.

use super::Outcome;
use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> anyhow::Result<Outcome> {
    let opts = crate::serve::Options {
        addr: args.addr.clone(),
        allow_hosts: args.allow_hosts.clone(),
        timeout: std::time::Duration::from_secs(args.timeout),
    };
    match &args.solr {
        Some(url) => crate::solr::serve::run(url, &opts)?,
        None => crate::serve::run(&args.index.dir, &opts)?,
    }
    Ok(Outcome::Found)
}
