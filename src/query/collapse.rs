//! One hit per story and per text: the documents of a search's matches are grouped by the
//! links the index found ([`crate::index::Links`]): the parts of a story give its whole
//! text's document, the printings of one text its first printing (unless all printings are
//! asked for). Totals count the groups.

use crate::article::Article;
use crate::index::{Links, Store};
use crate::schema;
use std::collections::HashSet;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};
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

/// `query` without the documents that are never shown themselves (parts of a story,
/// later printings of a text): for counting stories and texts over every match, as the
/// facets do.
pub fn shown_only(
    store: &Store,
    query: Box<dyn tantivy::query::Query>,
    fold: bool,
) -> Box<dyn tantivy::query::Query> {
    let hidden = store.links.hidden_uids(fold);
    if hidden.is_empty() {
        return query;
    }
    let terms = hidden
        .into_iter()
        .map(|u| Term::from_field_u64(store.fields.uid, u));
    Box::new(tantivy::query::BooleanQuery::new(vec![
        (tantivy::query::Occur::Must, query),
        (
            tantivy::query::Occur::MustNot,
            Box::new(tantivy::query::TermSetQuery::new(terms)),
        ),
    ]))
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
