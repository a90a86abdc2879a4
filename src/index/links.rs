//! The links an indexing run finds between articles: the parts of a story continued across
//! pages ([`super::stitch`]) and the printings of one text ([`super::fold`]). They are found
//! again after every run from the whole index, so adding, changing or removing either part
//! of a story leaves them right, and kept beside the index in [`LINKS_FILE`], where the
//! searches read them to give one hit per story and per text.

use super::{fold, stitch, Store};
use crate::article::{Article, Duplicate, Part};
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use tantivy::{DocAddress, TantivyDocument};

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
    pub stories: Vec<Story>,
    pub folds: Vec<Fold>,
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

    fn save(&self, dir: &Path) -> anyhow::Result<()> {
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

/// An article of the index seen by the linking pass.
pub(super) struct Seen {
    pub uid: u64,
    pub bands: Vec<u64>,
    pub address: DocAddress,
}

/// Finds the links again after a run, brings the stories' documents up to date (removing
/// those whose parts changed, adding the new ones) and saves the links.
pub fn update(store: &Store, writer_memory: usize) -> anyhow::Result<Links> {
    let searcher = store.reader()?.searcher();
    let mut seen = Vec::new();
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let fast = segment.fast_fields();
        let (uids, hashes) = (
            fast.u64(super::schema::UID)?,
            fast.u64(super::schema::FOLD_BANDS)?,
        );
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc)) {
                continue;
            }
            // Story documents and short texts have no band keys: they are never folded.
            let bands: Vec<u64> = hashes.values_for_doc(doc).collect();
            let Some(uid) = uids.first(doc).filter(|_| !bands.is_empty()) else {
                continue;
            };
            seen.push(Seen {
                uid,
                bands,
                address: DocAddress::new(ord as u32, doc),
            });
        }
    }
    let mut cache: HashMap<DocAddress, Article> = HashMap::new();
    let mut article = |address: DocAddress| -> anyhow::Result<Article> {
        if let Some(a) = cache.get(&address) {
            return Ok(a.clone());
        }
        let doc: TantivyDocument = searcher.doc(address)?;
        let a = store.article(&doc)?;
        cache.insert(address, a.clone());
        Ok(a)
    };
    let stories = stitch::find(store, &searcher, &mut article)?;
    let in_story: std::collections::HashSet<u64> = stories
        .iter()
        .filter(|s| s.story.doc != 0)
        .flat_map(|s| s.story.members.iter().copied())
        .collect();
    let folds = find_folds(&seen, &in_story, &mut article)?;
    stitch::write_documents(store, &searcher, writer_memory, &stories)?;
    let links = Links {
        stories: stories.into_iter().map(|s| s.story).collect(),
        folds,
        ..Links::default()
    }
    .indexed();
    links
        .save(&store.dir)
        .with_context(|| format!("{}: cannot save the links", store.dir.display()))?;
    Ok(links)
}

/// Groups of printings of one text, found among the articles not part of a story.
fn find_folds(
    seen: &[Seen],
    in_story: &std::collections::HashSet<u64>,
    article: &mut impl FnMut(DocAddress) -> anyhow::Result<Article>,
) -> anyhow::Result<Vec<Fold>> {
    let keys: Vec<Vec<u64>> = seen
        .iter()
        .map(|s| {
            if in_story.contains(&s.uid) {
                Vec::new()
            } else {
                s.bands.clone()
            }
        })
        .collect();
    let mut parent: Vec<usize> = (0..seen.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut touched = Vec::new();
    let pairs = fold::pairs(&keys);
    // Read in the store's order, so that each block is decompressed once.
    let mut need: Vec<DocAddress> = pairs
        .iter()
        .flat_map(|&(i, j)| [seen[i].address, seen[j].address])
        .collect();
    need.sort_unstable();
    need.dedup();
    for address in need {
        article(address)?;
    }
    for (i, j) in pairs {
        let (a, b) = (article(seen[i].address)?, article(seen[j].address)?);
        let same = keys[i] == keys[j] && a.body == b.body;
        let near = fold::near_in_time(a.date.as_deref(), b.date.as_deref());
        if near && (same || fold::jaccard(&a.body, &b.body) >= fold::MIN_JACCARD) {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri] = rj;
            touched.extend([i, j]);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in touched {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut folds = Vec::new();
    for members in groups.into_values() {
        if members.len() < 2 {
            continue;
        }
        let mut printed: Vec<(Article, u64)> = Vec::new();
        for &m in &members {
            printed.push((article(seen[m].address)?, seen[m].uid));
        }
        printed.sort_by(|(a, _), (b, _)| {
            (
                &a.date,
                a.page.unwrap_or(u32::MAX),
                &a.paper,
                a.seq,
                &a.path,
            )
                .cmp(&(
                    &b.date,
                    b.page.unwrap_or(u32::MAX),
                    &b.paper,
                    b.seq,
                    &b.path,
                ))
        });
        folds.push(Fold {
            members: printed.iter().map(|(_, u)| *u).collect(),
            printings: printed.iter().map(|(a, _)| duplicate(a)).collect(),
        });
    }
    folds.sort_by(|a, b| a.printings[0].id.cmp(&b.printings[0].id));
    Ok(folds)
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
