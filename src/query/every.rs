//! Every hit of a search, not one page: for exports and concordances. The collector keeps
//! only each match's date, page, uid and doc address (32 bytes a hit); the stored fields are
//! read one article at a time while the caller writes it out, so memory stays flat
//! whatever the number of hits. The document store is memory-mapped, and every page of it
//! read would stay in the process's resident set: the walk hands those pages back to the
//! kernel's page cache as it goes.

use super::{build_unscored, snippet_of, Request, Scope};
use crate::article::Article;
use crate::index::Store;
use crate::query::snippet::Snippet;
use crate::schema;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument};

/// The address of every matching article with the keys it is ordered by: oldest first,
/// then by page, then by `uid` (a hash of the id): one order however the index was built.
struct Addresses;

/// One segment's share of [`Addresses`].
struct SegmentAddresses {
    segment: SegmentOrdinal,
    date: Column<u64>,
    page: Column<u64>,
    uid: Column<u64>,
    found: Vec<(u64, u64, u64, DocAddress)>,
}

impl Collector for Addresses {
    type Fruit = Vec<(u64, u64, u64, DocAddress)>;
    type Child = SegmentAddresses;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentAddresses> {
        let fast = reader.fast_fields();
        Ok(SegmentAddresses {
            segment,
            date: fast.u64(schema::DATE)?,
            page: fast.u64(schema::PAGE)?,
            uid: fast.u64(schema::UID)?,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(u64, u64, u64, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_unstable();
        Ok(all)
    }
}

impl SegmentCollector for SegmentAddresses {
    type Fruit = Vec<(u64, u64, u64, DocAddress)>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let date = self.date.first(doc).unwrap_or(u64::MAX);
        let page = self.page.first(doc).unwrap_or(u64::MAX);
        let uid = self.uid.first(doc).unwrap_or(u64::MAX);
        self.found
            .push((date, page, uid, DocAddress::new(self.segment, doc)));
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

/// The words of a request that the text of a hit can show: its positive atoms, less the
/// reporter filters.
pub fn needles(req: &Request) -> Vec<String> {
    req.query
        .positive_atoms()
        .filter(|a| a.scope != Scope::Reporter)
        .map(|a| a.text.clone())
        .collect()
}

/// Calls `each` with every article the request matches, oldest first, and its snippet,
/// until it returns `false`; `limit` and `offset` are ignored. Returns how many articles
/// it gave. An error of `each` (a closed stdout) stops the walk and is returned.
pub fn for_each_hit(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    mut each: impl FnMut(&Article, &Snippet) -> anyhow::Result<bool>,
) -> anyhow::Result<usize> {
    let query = build_unscored(&store.fields, req);
    let addresses = searcher.search(&query, &Addresses)?;
    let needles = needles(req);
    let mut given = 0;
    for &(_, _, _, address) in &addresses {
        if given % RELEASE_EVERY == RELEASE_EVERY - 1 {
            release_store_pages(&store.dir);
        }
        let doc: TantivyDocument = searcher.doc(address)?;
        let article = store.article(&doc)?;
        let snippet = snippet_of(&article, &needles);
        given += 1;
        if !each(&article, &snippet)? {
            break;
        }
    }
    Ok(given)
}

/// Articles read between two releases of the document store's pages.
const RELEASE_EVERY: usize = 512;

/// Drops this process's mappings of the index's document store pages (`*.store`), which
/// the walk has read and will not read again soon: the data stays in the page cache, and
/// a later read maps it back. Segment files are never written once made, so what a read
/// maps back is what was there. Elsewhere than Linux, nothing is done.
fn release_store_pages(dir: &std::path::Path) {
    #[cfg(target_os = "linux")]
    {
        let Ok(dir) = dir.canonicalize() else {
            return;
        };
        let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else {
            return;
        };
        for (start, end) in store_mappings(&maps, &dir) {
            // SAFETY: the range is a whole read-only file mapping of this process (from
            // its own maps); MADV_DONTNEED only drops the page-table entries, and the
            // next access faults the same file bytes back in.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
}

/// The address ranges of the read-only mappings of `*.store` files in `dir`, from the text
/// of `/proc/self/maps`.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn store_mappings(maps: &str, dir: &std::path::Path) -> Vec<(usize, usize)> {
    maps.lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let range = parts.next()?;
            let perms = parts.next()?;
            let path = parts.nth(3)?;
            let p = std::path::Path::new(path);
            let ours = p.parent() == Some(dir) && p.extension().is_some_and(|e| e == "store");
            if !ours || perms.contains('w') {
                return None;
            }
            let (a, b) = range.split_once('-')?;
            let (a, b) = (
                usize::from_str_radix(a, 16).ok()?,
                usize::from_str_radix(b, 16).ok()?,
            );
            (b > a).then_some((a, b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::store_mappings;
    use std::path::Path;

    #[test]
    fn only_the_read_only_store_mappings_of_the_index_are_released() {
        let maps = "\
7f00a0000000-7f00a0100000 r--s 00000000 08:01 11 /idx/seg1.store
7f00a0200000-7f00a0300000 r--s 00000000 08:01 12 /idx/seg1.idx
7f00a0400000-7f00a0500000 r--s 00000000 08:01 13 /other/seg2.store
7f00a0600000-7f00a0700000 rw-s 00000000 08:01 14 /idx/seg3.store
7f00a0800000-7f00a0900000 rw-p 00000000 00:00 0
7f00a0a00000-7f00a0b00000 r--p 00000000 08:01 15 /idx/seg4.store
";
        assert_eq!(
            store_mappings(maps, Path::new("/idx")),
            vec![
                (0x7f00a0000000, 0x7f00a0100000),
                (0x7f00a0a00000, 0x7f00a0b00000)
            ]
        );
    }
}
