//! Every hit of a search, not one page: for exports and concordances. The collector keeps
//! only each match's date, page and doc address (24 bytes a hit); the stored fields are
//! read one article at a time while the caller writes it out, so memory stays flat
//! whatever the number of hits.

use super::{build_unscored, snippet_of, Request, Scope};
use crate::article::Article;
use crate::index::Store;
use crate::query::snippet::Snippet;
use crate::schema;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader, TantivyDocument};

/// The address of every matching article with the keys it is ordered by: oldest first,
/// then by page, then in index order.
struct Addresses;

/// One segment's share of [`Addresses`].
struct SegmentAddresses {
    segment: SegmentOrdinal,
    date: Column<u64>,
    page: Column<u64>,
    found: Vec<(u64, u64, DocAddress)>,
}

impl Collector for Addresses {
    type Fruit = Vec<(u64, u64, DocAddress)>;
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
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(u64, u64, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_unstable();
        Ok(all)
    }
}

impl SegmentCollector for SegmentAddresses {
    type Fruit = Vec<(u64, u64, DocAddress)>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let date = self.date.first(doc).unwrap_or(u64::MAX);
        let page = self.page.first(doc).unwrap_or(u64::MAX);
        self.found
            .push((date, page, DocAddress::new(self.segment, doc)));
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
    for &(_, _, address) in &addresses {
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
