//! The links an indexing run finds between articles: the parts of a story continued across
//! pages ([`super::stitch`]) and the printings of one text ([`super::fold`]). They are found
//! again after every run from the whole index, so adding, changing or removing either part
//! of a story leaves them right, and kept beside the index in [`LINKS_FILE`], where the
//! searches read them to give one hit per story and per text.

use crate::article::{Article, Duplicate, Part};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// The file beside the index that holds the links.
pub const LINKS_FILE: &str = "baosou-links.json";

/// A story of several parts.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Story {
    /// Uid of the document holding the whole story's text (0 when a part is missing and
    /// the one found stands alone).
    pub doc: u64,
    /// Uids of the parts' own documents, in reading order.
    pub members: Vec<u64>,
    /// The parts, in reading order; a part not in the archive has `missing` set.
    pub parts: Vec<Part>,
}

/// The printings of one text, earliest (then lowest page) first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Fold {
    pub members: Vec<u64>,
    pub printings: Vec<Duplicate>,
}

/// Every link of the index, with lookups by uid.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Links {
    /// The stories of several parts.
    pub stories: Vec<Story>,
    /// The texts printed more than once.
    pub folds: Vec<Fold>,
    /// The index commit (tantivy's opstamp) the links were found on: a run that commits
    /// nothing finds the same links, and does not look for them again.
    #[serde(default)]
    pub(super) opstamp: u64,
    #[serde(skip)]
    story_of: HashMap<u64, usize>,
    #[serde(skip)]
    fold_of: HashMap<u64, usize>,
}

/// The uid of an article id: what the `uid` fast field holds.
pub fn uid(id: &str) -> u64 {
    // FNV-1a: stable across versions and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h.max(1)
}

impl Links {
    /// The links saved beside the index in `dir`; none when there are none (an index of a
    /// run that found none, or a damaged file: searches then show every part and printing).
    pub fn load(dir: &Path) -> Links {
        std::fs::read(dir.join(LINKS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<Links>(&b).ok())
            .map(Links::indexed)
            .unwrap_or_default()
    }

    /// The links of these stories and folds, with their lookups.
    pub(crate) fn new(stories: Vec<Story>, folds: Vec<Fold>) -> Links {
        Links {
            stories,
            folds,
            ..Links::default()
        }
        .indexed()
    }

    fn indexed(mut self) -> Links {
        self.story_of.clear();
        self.fold_of.clear();
        for (k, s) in self.stories.iter().enumerate() {
            for &m in s.members.iter().chain(std::iter::once(&s.doc)) {
                if m != 0 {
                    self.story_of.insert(m, k);
                }
            }
        }
        for (k, f) in self.folds.iter().enumerate() {
            for &m in &f.members {
                self.fold_of.insert(m, k);
            }
        }
        self
    }

    /// Saves the links in `dir`'s [`LINKS_FILE`].
    pub(crate) fn save(&self, dir: &Path) -> anyhow::Result<()> {
        super::write_atomic(&dir.join(LINKS_FILE), &serde_json::to_vec(self)?)
    }

    /// True when no article is linked to another.
    pub fn is_empty(&self) -> bool {
        self.story_of.is_empty() && self.fold_of.is_empty()
    }

    /// Documents a search may have to pass over to fill a page of groups: all but one of
    /// each group's.
    pub fn hidden(&self) -> usize {
        let stories: usize = self
            .stories
            .iter()
            .filter(|s| s.doc != 0)
            .map(|s| s.members.len())
            .sum();
        let folds: usize = self.folds.iter().map(|f| f.members.len() - 1).sum();
        stories + folds
    }

    /// The documents that hold a whole story, beside its parts' own.
    pub fn story_documents(&self) -> u64 {
        self.stories.iter().filter(|s| s.doc != 0).count() as u64
    }

    /// The documents never shown themselves: the parts of stories that have a whole-text
    /// document, and, when `fold`, every printing of a text but the first.
    pub fn hidden_uids(&self, fold: bool) -> Vec<u64> {
        let parts = self
            .stories
            .iter()
            .filter(|s| s.doc != 0)
            .flat_map(|s| s.members.iter());
        let printings = self
            .folds
            .iter()
            .filter(|_| fold)
            .flat_map(|f| f.members[1..].iter());
        parts.chain(printings).copied().collect()
    }

    /// True when `uid` is in a story or a fold.
    pub fn is_linked(&self, uid: u64) -> bool {
        self.story_of.contains_key(&uid) || self.fold_of.contains_key(&uid)
    }

    /// The uid of the document shown for `uid`: its story's, then, when `fold`, its
    /// text's first printing.
    pub fn leader(&self, uid: u64, fold: bool) -> u64 {
        if let Some(s) = self.story_of.get(&uid).map(|&k| &self.stories[k]) {
            if s.doc != 0 {
                return s.doc;
            }
        }
        match self.fold_of.get(&uid) {
            Some(&k) if fold => self.folds[k].members[0],
            _ => uid,
        }
    }

    /// Fills in `a`'s parts and, when `fold`, the other printings of its text.
    pub fn decorate(&self, a: &mut Article, fold: bool) {
        let id = uid(&a.id);
        if let Some(s) = self.story_of.get(&id).map(|&k| &self.stories[k]) {
            a.parts = s.parts.clone();
        }
        if a.parts.is_empty() {
            a.parts.push(a.own_part());
        }
        if let Some(f) = self.fold_of.get(&id).filter(|_| fold) {
            a.duplicates = self.folds[*f]
                .printings
                .iter()
                .filter(|d| d.id != a.id)
                .cloned()
                .collect();
        }
    }
}

/// An article as another printing of a text.
pub fn duplicate(a: &Article) -> Duplicate {
    Duplicate {
        id: a.id.clone(),
        path: a.path.clone(),
        span: a.span,
        date: a.date.clone(),
        paper: a.paper.clone(),
        page: a.page,
    }
}
