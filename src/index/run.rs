//! What one indexing run works on and what it reports: the page files to read, and the
//! summary of what was done, shared by the local pipeline, its guards and the Solr indexer.

use super::FileRecord;
use crate::archive::{Page, PageFile};
use std::collections::BTreeMap;

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
