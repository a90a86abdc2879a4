//! One hit per story and per text: the documents of a search's matches are grouped by the
//! links the index found ([`crate::index::Links`]): the parts of a story give its whole
//! text's document, the printings of one text its first printing (unless all printings are
//! asked for). Totals count the groups.

use crate::article::Article;
use crate::index::{Links, Store};
use crate::schema;
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::collector::{Collector, FilterCollector, SegmentCollector};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument, Term};

/// The matches counted, and the uids of those linked to others.
pub type Counted = (usize, Vec<u64>);

/// Counts the matches and keeps the uids of those linked to others.
pub struct Grouped {
    /// The links the groups come from.
    pub links: Arc<Links>,
}

/// A segment's share of [`Grouped`].
pub struct GroupedSegment {
    links: Arc<Links>,
    uids: Option<tantivy::columnar::Column<u64>>,
    count: usize,
    linked: Vec<u64>,
}

impl Collector for Grouped {
    type Fruit = Counted;
    type Child = GroupedSegment;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<GroupedSegment> {
        let uids = if self.links.is_empty() {
            None
        } else {
            segment.fast_fields().u64(schema::UID).ok()
        };
        Ok(GroupedSegment {
            links: Arc::clone(&self.links),
            uids,
            count: 0,
            linked: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        let mut all = (0, Vec::new());
        for (n, linked) in fruits {
            all.0 += n;
            all.1.extend(linked);
        }
        Ok(all)
    }
}

impl SegmentCollector for GroupedSegment {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.count += 1;
        if let Some(uid) = self.uids.as_ref().and_then(|c| c.first(doc)) {
            if self.links.is_linked(uid) {
                self.linked.push(uid);
            }
        }
    }

    fn harvest(self) -> Counted {
        (self.count, self.linked)
    }
}

/// The number of groups among `count` matches, of which `linked` are linked.
pub fn total(links: &Links, count: usize, linked: &[u64], fold: bool) -> usize {
    let leaders: HashSet<u64> = linked.iter().map(|&u| links.leader(u, fold)).collect();
    count - linked.len() + leaders.len()
}

/// `inner` over the documents that are shown themselves: the parts of a story and the
/// later printings of a text (when `fold`) are passed over, so that facets count stories
/// and texts over every match, in the same search as the hits.
pub fn shown_only<C: Collector>(
    store: &Store,
    inner: C,
    fold: bool,
) -> FilterCollector<C, impl Fn(u64) -> bool + Clone + Send + Sync + 'static, u64> {
    hiding(inner, store.links.hidden_uids(fold).into_iter().collect())
}

/// `inner` over the documents whose uid is not in `hidden` (every document has a uid).
pub fn hiding<C: Collector>(
    inner: C,
    hidden: HashSet<u64>,
) -> FilterCollector<C, impl Fn(u64) -> bool + Clone + Send + Sync + 'static, u64> {
    let hidden = Arc::new(hidden);
    FilterCollector::new(
        schema::UID.to_string(),
        move |uid: u64| !hidden.contains(&uid),
        inner,
    )
}

/// The document of a uid.
fn by_uid(store: &Store, searcher: &Searcher, uid: u64) -> anyhow::Result<Option<DocAddress>> {
    let q = TermQuery::new(
        Term::from_field_u64(store.fields.uid, uid),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(
        &q,
        &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
    )?;
    Ok(top.first().map(|(_, a)| *a))
}

/// From the ranked documents, the first `limit` groups after `offset`, each as the address
/// of the document to show.
pub fn groups(
    store: &Store,
    searcher: &Searcher,
    ranked: Vec<(f32, DocAddress)>,
    offset: usize,
    limit: usize,
    fold: bool,
) -> anyhow::Result<Vec<(f32, DocAddress)>> {
    let links = &store.links;
    if links.is_empty() {
        return Ok(ranked.into_iter().skip(offset).take(limit).collect());
    }
    let columns: Vec<Option<tantivy::columnar::Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|s| s.fast_fields().u64(schema::UID).ok())
        .collect();
    let uid_at = |a: DocAddress| {
        columns
            .get(a.segment_ord as usize)?
            .as_ref()?
            .first(a.doc_id)
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (score, address) in ranked {
        let Some(uid) = uid_at(address) else {
            out.push((score, address));
            continue;
        };
        let leader = links.leader(uid, fold);
        if !seen.insert(leader) {
            continue;
        }
        if seen.len() <= offset {
            continue;
        }
        let shown = if leader == uid {
            address
        } else {
            by_uid(store, searcher, leader)?.unwrap_or(address)
        };
        out.push((score, shown));
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// The article shown for `a` (`show`, `/api/article`): its story's whole text when it is a
/// part of one, with its parts filled in and, when `fold`, the other printings of its text.
/// The printing asked for is the one shown.
pub fn resolve(
    store: &Store,
    searcher: &Searcher,
    a: Article,
    fold: bool,
) -> anyhow::Result<Article> {
    let uid = crate::index::links_uid(&a.id);
    let leader = store.links.leader(uid, false);
    let mut a = if leader == uid {
        a
    } else {
        match by_uid(store, searcher, leader)? {
            Some(address) => store.article(&searcher.doc::<TantivyDocument>(address)?)?,
            None => a,
        }
    };
    store.links.decorate(&mut a, fold);
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::hiding;
    use crate::schema;
    use std::collections::HashSet;
    use tantivy::collector::Count;
    use tantivy::query::AllQuery;
    use tantivy::schema::{Schema, FAST, INDEXED};
    use tantivy::{doc, Index};

    #[test]
    fn hidden_documents_are_not_collected() {
        let mut b = Schema::builder();
        let uid = b.add_u64_field(schema::UID, INDEXED | FAST);
        let index = Index::create_in_ram(b.build());
        let mut w = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("a writer");
        for u in 1..=5u64 {
            w.add_document(doc!(uid => u)).expect("added");
        }
        w.commit().expect("committed");
        let searcher = index.reader().expect("a reader").searcher();
        let cases: [(&[u64], usize); 4] =
            [(&[], 5), (&[2, 4], 3), (&[9], 5), (&[1, 2, 3, 4, 5], 0)];
        for (hidden, shown) in cases {
            let set: HashSet<u64> = hidden.iter().copied().collect();
            let counted = searcher
                .search(&AllQuery, &hiding(Count, set))
                .expect("a search");
            assert_eq!(counted, shown, "hidden {hidden:?}");
        }
    }
}
