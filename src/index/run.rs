//! What one indexing run works on and what it reports: the page files to read, and the
//! summary of what was done, shared by the local pipeline, its guards and the Solr indexer.

use super::FileRecord;
use crate::archive::{Archive, Entry, Page, PageFile};
use std::collections::{BTreeMap, BTreeSet};

/// What an indexing pass did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Page files found in the archive.
    pub files: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files indexed again because they changed.
    pub updated: usize,
    /// Files whose articles were removed (gone from the archive, or now skipped).
    pub removed: usize,
    /// Files the index already held as they are.
    pub unchanged: usize,
    /// Files indexed by another version of baosou, split again (counted in `updated`).
    pub reread: usize,
    /// Unchanged files split again because their paper's profile changed (counted in
    /// `updated`).
    pub resplit: usize,
    /// Files not indexed, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Files indexed with a warning.
    pub warnings: Vec<(String, String)>,
    /// Files that are not page files (not `.txt`), counted by extension.
    pub ignored: BTreeMap<String, usize>,
    /// Folders and files that could not be read, with the reason: what the index holds
    /// from them is kept.
    pub unreadable: Vec<(String, String)>,
    /// Indexed files kept because they, or their folder, could not be read.
    pub kept: usize,
    /// Files decoded with undecodable bytes replaced, and the number of those bytes.
    pub undecodable: (usize, usize),
    /// Articles indexed in this pass.
    pub articles: usize,
    /// Articles in the index after the pass.
    pub total_articles: u64,
    /// Bytes of page text read in this pass.
    pub bytes: u64,
    /// How long the pass took.
    pub seconds: f64,
}

/// A page file to read, and whether the index may already hold articles from it.
pub(crate) struct Job {
    pub(crate) file: PageFile,
    pub(crate) known: Option<FileRecord>,
}

impl Summary {
    /// Counts a page read and split: its articles, bytes, warnings and undecodable bytes.
    pub(crate) fn count_page(&mut self, file: &PageFile, page: &Page) {
        for w in &page.warnings {
            self.warnings.push((file.rel.clone(), w.clone()));
        }
        if page.bad_bytes > 0 {
            self.undecodable.0 += 1;
            self.undecodable.1 += page.bad_bytes;
        }
        self.articles += page.articles.len();
        self.bytes += file.size;
    }
}

/// What a run has to do with the archive, against the files the last run recorded.
pub(crate) struct Plan {
    /// New and changed files, and those another version of baosou read.
    pub(crate) jobs: Vec<Job>,
    /// Files as the last run found them (size and modification time).
    pub(crate) unchanged: Vec<PageFile>,
    /// Every page file the walk found.
    pub(crate) on_disk: BTreeSet<String>,
    /// Files held that are gone from the archive (not merely in a folder that could not
    /// be read: those are counted in [`Summary::kept`]).
    pub(crate) gone: Vec<String>,
}

/// Walks `archive` and sorts its page files against `recorded` (the manifest of the last
/// run), filling the walk's part of `summary`. `held` is what the target holds when it
/// can differ from `recorded` (the local index's paths: a manifest can lag behind a commit
/// when a run is killed between the two); `None` when the record is the whole truth (the
/// Solr state).
pub(crate) fn plan(
    archive: &Archive,
    recorded: &BTreeMap<String, FileRecord>,
    held: Option<&BTreeSet<String>>,
    summary: &mut Summary,
) -> Plan {
    let is_held = |rel: &str| held.is_none_or(|h| h.contains(rel));
    let mut plan = Plan {
        jobs: Vec::new(),
        unchanged: Vec::new(),
        on_disk: BTreeSet::new(),
        gone: Vec::new(),
    };
    let mut unreadable: Vec<String> = Vec::new();
    for entry in archive.walk() {
        match entry {
            Entry::Page(file) => {
                summary.files += 1;
                plan.on_disk.insert(file.rel.clone());
                // What the record says counts only for a file the target holds.
                let known = recorded
                    .get(&file.rel)
                    .copied()
                    .filter(|_| is_held(&file.rel));
                // A file another version of baosou read is read again: its articles may
                // be split differently now.
                let known = match known {
                    Some(k) if !k.read_by_this_version() => {
                        summary.reread += 1;
                        None
                    }
                    k => k,
                };
                match known {
                    Some(k) if k.size == file.size && k.mtime_ns == file.mtime_ns => {
                        plan.unchanged.push(file)
                    }
                    _ => plan.jobs.push(Job { file, known }),
                }
            }
            Entry::Skipped { path, reason } => summary.skipped.push((path, reason)),
            Entry::Ignored { kind, .. } => *summary.ignored.entry(kind).or_default() += 1,
            Entry::Unreadable { path, rel, reason } => {
                summary.unreadable.push((path, reason));
                unreadable.push(rel);
            }
        }
    }
    // A file counts as gone only when its folder was read and it is not there.
    let all: BTreeSet<&String> = recorded.keys().chain(held.into_iter().flatten()).collect();
    for rel in all {
        if plan.on_disk.contains(rel) {
            continue;
        }
        if under_unreadable(&unreadable, rel) {
            summary.kept += 1;
        } else {
            plan.gone.push(rel.clone());
        }
    }
    plan
}

/// True when `rel` lies in one of the `unreadable` folders (or is one of those files):
/// its absence from the walk says nothing, and what the index holds of it is kept. An
/// empty entry is the archive's own folder.
pub(crate) fn under_unreadable(unreadable: &[String], rel: &str) -> bool {
    unreadable.iter().any(|u| {
        u.is_empty()
            || rel == u
            || rel
                .strip_prefix(u.as_str())
                .is_some_and(|r| r.starts_with('/'))
    })
}
