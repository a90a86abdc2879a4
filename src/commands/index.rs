//! `baosou index`: bring the index up to date with an archive folder.

use super::Outcome;
use crate::archive::Archive;
use crate::cli::IndexArgs;
use crate::index::{self, BuildOptions, Store, Summary};
use anyhow::bail;
use std::path::Path;

pub fn run(args: &IndexArgs) -> anyhow::Result<Outcome> {
    if let Some(url) = &args.solr {
        let summary = crate::solr::index_archive(args, url)?;
        report(&summary, args.quiet);
        return Ok(Outcome::from_count(summary.total_articles as usize));
    }
    let guard = Guard {
        archive_changed: args.archive_changed,
        prune: args.prune,
    };
    let summary = index_guarded(
        &args.archive,
        &args.index.dir,
        args.paper.clone(),
        args.max_file_size.saturating_mul(1024 * 1024),
        args.rebuild,
        !args.quiet,
        guard,
    )?;
    report(&summary, args.quiet);
    Ok(Outcome::from_count(summary.total_articles as usize))
}

/// What the user allowed that `index` refuses by default.
#[derive(Debug, Clone, Copy, Default)]
pub struct Guard {
    /// The index was built from another folder, and that is fine.
    pub archive_changed: bool,
    /// Remove the articles of missing files, however many.
    pub prune: bool,
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
    let guard = Guard::default();
    index_guarded(
        archive_dir,
        dir,
        paper,
        max_file_size,
        rebuild,
        progress,
        guard,
    )
}

/// [`index_archive`], with what the user allowed.
fn index_guarded(
    archive_dir: &Path,
    dir: &Path,
    paper: Option<String>,
    max_file_size: u64,
    rebuild: bool,
    progress: bool,
    guard: Guard,
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
    let moved = index::check_archive(dir, archive_dir, guard.archive_changed)?;
    let store = Store::create(dir, archive_dir, rebuild)?;
    if let Some(pid) = store.recovered_lock() {
        let by = if pid == 0 {
            String::new()
        } else {
            format!(" by process {pid}")
        };
        eprintln!(
            "baosou: {}: took over a lock left{by}, which is no longer running",
            dir.display()
        );
    }
    let opts = BuildOptions {
        progress,
        rebuild,
        commit_files: commit_every_files(),
        prune: guard.prune,
        ..BuildOptions::default()
    };
    let summary = index::build(&archive, &store, &opts)?;
    if moved {
        index::record_archive(dir, archive_dir)?;
    }
    Ok(summary)
}

/// `BAOSOU_COMMIT_EVERY_FILES=N` commits after every N page files. It is not documented:
/// it exists so that tests can kill a run between commits on a small archive.
fn commit_every_files() -> Option<usize> {
    std::env::var("BAOSOU_COMMIT_EVERY_FILES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|&n| n > 0)
}

/// Prints the warnings and the summary on stderr.
pub fn report(s: &Summary, quiet: bool) {
    for (path, reason) in &s.skipped {
        eprintln!("baosou: {path}: skipped: {reason}");
    }
    for (path, warning) in &s.warnings {
        eprintln!("baosou: {path}: warning: {warning}");
    }
    for (path, reason) in &s.unreadable {
        eprintln!("baosou: {path}: could not be read, kept as indexed: {reason}");
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
    if !s.unreadable.is_empty() {
        const NAMED: usize = 5;
        let mut names: Vec<&str> = s.unreadable.iter().map(|(p, _)| p.as_str()).collect();
        if names.len() > NAMED {
            names.truncate(NAMED);
            names.push("…");
        }
        eprintln!(
            "  {} folders or files could not be read; the {} indexed files in them were kept: {}",
            s.unreadable.len(),
            s.kept,
            names.join(", ")
        );
    }
    if s.undecodable.0 > 0 {
        eprintln!(
            "  {} files had {} undecodable bytes, replaced",
            s.undecodable.0, s.undecodable.1
        );
    }
    if s.reread > 0 {
        eprintln!(
            "  {} files indexed by another version of baosou were split again",
            s.reread
        );
    }
    if s.resplit > 0 {
        eprintln!(
            "  {} unchanged files were split again: what was learned of their paper changed",
            s.resplit
        );
    }
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
    if !s.ignored.is_empty() {
        let n: usize = s.ignored.values().sum();
        let mut kinds: Vec<(&String, &usize)> = s.ignored.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        eprintln!(
            "  ignored {n} files that are not page text (.txt): {}",
            kinds.join(", ")
        );
    }
}
