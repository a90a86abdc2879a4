//! Guards of an indexing run: it removes only what is confirmed gone, and never a large
//! share of the index without `--prune`; and no two files share article ids.

use super::run::{Job, Summary};
use super::{Manifest, Store};
use crate::archive::Archive;
use std::collections::BTreeSet;

/// The share of the index's files or articles a run removes only with `--prune`: more is
/// the sign of a wrong folder, an emptied one or a mount that is not there.
pub const MAX_REMOVED_SHARE: f64 = 0.2;

/// Refuses a run that would remove more than [`MAX_REMOVED_SHARE`] of the index's files
/// or articles.
pub(super) fn refuse_large_removal(
    archive: &Archive,
    store: &Store,
    manifest: &Manifest,
    indexed: &BTreeSet<String>,
    gone: &[String],
) -> anyhow::Result<()> {
    if gone.is_empty() {
        return Ok(());
    }
    let files = indexed.len().max(manifest.files.len());
    let articles = store.reader()?.searcher().num_docs();
    let gone_articles: u64 = gone
        .iter()
        .map(|rel| manifest.files.get(rel).map_or(1, |r| r.articles as u64))
        .sum();
    let share = |part: f64, whole: f64| whole > 0.0 && part / whole > MAX_REMOVED_SHARE;
    if share(gone.len() as f64, files as f64) || share(gone_articles as f64, articles as f64) {
        anyhow::bail!(
            "{}: {} of the index's {files} page files ({gone_articles} of its {articles} \
             articles) are not in {}; nothing was removed. If they were deleted on purpose, \
             run again with --prune",
            store.dir.display(),
            gone.len(),
            archive.root.display(),
        );
    }
    Ok(())
}

/// Drops the jobs whose article ids would collide with those of another file: the file
/// the index already holds, or else the first in path order, keeps the ids.
pub(super) fn drop_colliding_ids(
    jobs: &mut Vec<Job>,
    indexed: &BTreeSet<String>,
    on_disk: &BTreeSet<String>,
    summary: &mut Summary,
) {
    let first = on_disk.iter().filter(|p| indexed.contains(*p));
    let rest = on_disk.iter().filter(|p| !indexed.contains(*p));
    let owners = crate::archive::id_collisions(first.chain(rest).map(String::as_str));
    if owners.is_empty() {
        return;
    }
    jobs.retain(|job| match owners.get(job.file.rel.as_str()) {
        Some(owner) => {
            summary.skipped.push((
                job.file.rel.clone(),
                format!("its article ids would be those of {owner}; rename one of the two files"),
            ));
            false
        }
        None => true,
    });
}
