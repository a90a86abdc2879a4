//! `baosou index`: bring the index up to date with an archive folder.

use super::Outcome;
use crate::archive::Archive;
use crate::cli::IndexArgs;
use crate::index::{self, BuildOptions, Store, Summary};
use anyhow::bail;
use std::path::Path;

pub fn run(args: &IndexArgs) -> anyhow::Result<Outcome> {
    let summary = index_archive(
        &args.archive,
        &args.index.dir,
        args.paper.clone(),
        args.max_file_size.saturating_mul(1024 * 1024),
        args.rebuild,
        !args.quiet,
    )?;
    report(&summary, args.quiet);
    Ok(Outcome::from_count(summary.total_articles as usize))
}

/// Indexes `archive` into `dir`; shared with `search`, which builds the default index on
/// first use.
pub fn index_archive(
    archive_dir: &Path,
    dir: &Path,
    paper: Option<String>,
    max_file_size: u64,
    rebuild: bool,
    progress: bool,
) -> anyhow::Result<Summary> {
    if !archive_dir.is_dir() {
        bail!(
            "{}: no such folder; give the folder that holds your page files (.txt)",
            archive_dir.display()
        );
    }
    let mut archive = Archive::new(archive_dir);
    archive.paper = paper;
    archive.max_file_size = max_file_size;
    archive.exclude.push(dir.to_path_buf());
    let store = Store::create(dir, archive_dir, rebuild)?;
    let opts = BuildOptions {
        progress,
        ..BuildOptions::default()
    };
    index::build(&archive, &store, &opts)
}

/// Prints the warnings and the summary on stderr.
pub fn report(s: &Summary, quiet: bool) {
    for (path, reason) in &s.skipped {
        eprintln!("baosou: {path}: skipped: {reason}");
    }
    for (path, warning) in &s.warnings {
        eprintln!("baosou: {path}: warning: {warning}");
    }
    if quiet {
        return;
    }
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "{} files: {} added, {} updated, {} removed, {} unchanged, {} skipped",
        s.files,
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.skipped.len()
    );
    eprintln!(
        "{} articles indexed from {:.1} MB in {:.1} s ({:.1} MB/s); the index holds {} articles",
        s.articles,
        mb,
        s.seconds,
        if s.seconds > 0.0 { mb / s.seconds } else { 0.0 },
        s.total_articles
    );
    for (reason, n) in index::reasons(&s.skipped) {
        eprintln!("  skipped {n}: {reason}");
    }
}
