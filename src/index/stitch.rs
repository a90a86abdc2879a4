//! Stitching a story continued across pages: a part that ends with a jump (`下转第四版`)
//! joins the part on that page, of the same paper and day, that opens with the matching
//! back-reference (`上接第一版`) or repeats its headline. A story of several parts gets one
//! more document holding its whole text, so that a query with one word in each part finds
//! it; the searches show that document for any of its parts ([`super::Links`]).

use super::links::{uid, Story};
use super::Store;
use crate::article::{Article, Part};
use crate::split::jump::{self, Direction};
use std::collections::{BTreeSet, HashMap, HashSet};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, IndexWriter, Searcher, Term};

/// The `jump` term of a direction.
pub fn jump_term(d: Direction) -> &'static str {
    match d {
        Direction::To => "to",
        Direction::From => "from",
    }
}

/// A story found, with the articles of its parts.
pub(crate) struct Found {
    pub story: Story,
    pub chain: Vec<Article>,
}

type Load<'a> = dyn FnMut(DocAddress) -> anyhow::Result<Article> + 'a;

fn term_query(t: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(t, IndexRecordOption::Basic))
}

/// Where the stitching pass finds its articles: the local index ([`Indexed`]) or a list
/// read from elsewhere, such as a Solr collection ([`Listed`]).
pub(crate) trait Pages {
    /// The articles with a jump of `direction`.
    fn with_jump(&mut self, direction: Direction) -> anyhow::Result<Vec<Article>>;
    /// The articles of page `page` of `of`'s paper and day, but stories' documents, in
    /// their order on the page.
    fn on_page(&mut self, of: &Article, page: u32) -> anyhow::Result<Vec<Article>>;
}

/// The articles of the local index, read through `load`.
pub(super) struct Indexed<'a, 'b> {
    pub store: &'a Store,
    pub searcher: &'a Searcher,
    pub load: &'a mut Load<'b>,
}

impl Pages for Indexed<'_, '_> {
    fn with_jump(&mut self, direction: Direction) -> anyhow::Result<Vec<Article>> {
        let t = Term::from_field_text(self.store.fields.jump, jump_term(direction));
        let mut docs: Vec<DocAddress> = self
            .searcher
            .search(&*term_query(t), &DocSetCollector)?
            .into_iter()
            .collect();
        docs.sort();
        docs.into_iter().map(&mut *self.load).collect()
    }

    fn on_page(&mut self, of: &Article, page: u32) -> anyhow::Result<Vec<Article>> {
        let f = self.store.fields;
        let Some(day) = of.date.as_deref().and_then(crate::day::Day::parse) else {
            return Ok(Vec::new());
        };
        let q = BooleanQuery::new(vec![
            (
                Occur::Must,
                term_query(Term::from_field_u64(f.date, day.number())),
            ),
            (
                Occur::Must,
                term_query(Term::from_field_u64(f.page, page as u64)),
            ),
            (
                Occur::Must,
                term_query(Term::from_field_text(f.paper, &of.paper)),
            ),
        ]);
        let mut docs: Vec<DocAddress> = self
            .searcher
            .search(&q, &DocSetCollector)?
            .into_iter()
            .collect();
        docs.sort();
        let mut out = Vec::new();
        for d in docs {
            let a = (self.load)(d)?;
            // Story documents carry the first part's id: they are no part themselves.
            if a.parts.is_empty() {
                out.push(a);
            }
        }
        out.sort_by_key(|a| a.seq);
        Ok(out)
    }
}

/// Articles held in a list (none of them a story's document), with the pages they are on.
pub(crate) struct Listed<'a> {
    articles: &'a [Article],
    pages: HashMap<(u64, u32, &'a str), Vec<usize>>,
}

impl<'a> Listed<'a> {
    /// The articles of `articles`, looked up by paper, day and page.
    pub(crate) fn new(articles: &'a [Article]) -> Listed<'a> {
        let mut pages: HashMap<(u64, u32, &str), Vec<usize>> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            let day = a.date.as_deref().and_then(crate::day::Day::parse);
            if let (Some(day), Some(page)) = (day, a.page) {
                pages
                    .entry((day.number(), page, a.paper.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        Listed { articles, pages }
    }
}

impl Pages for Listed<'_> {
    fn with_jump(&mut self, direction: Direction) -> anyhow::Result<Vec<Article>> {
        // What the local index's `jump` field holds ([`super::Store::document`]).
        Ok(self
            .articles
            .iter()
            .filter(|a| {
                jump::of_article(&a.jumps, &a.body)
                    .iter()
                    .any(|j| j.direction == direction)
            })
            .cloned()
            .collect())
    }

    fn on_page(&mut self, of: &Article, page: u32) -> anyhow::Result<Vec<Article>> {
        let Some(day) = of.date.as_deref().and_then(crate::day::Day::parse) else {
            return Ok(Vec::new());
        };
        let key = (day.number(), page, of.paper.as_str());
        let mut out: Vec<Article> = self
            .pages
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.articles[i])
            .filter(|a| a.parts.is_empty())
            .cloned()
            .collect();
        out.sort_by_key(|a| a.seq);
        Ok(out)
    }
}

/// The letters of a headline, for comparing a part's headline with its shortened repeat.
fn letters(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How well `later`'s headline repeats `first`'s: 2 when the same, 1 when one holds the
/// other or they share an opening of four characters or more, 0 otherwise.
pub fn headline_match(first: &Article, later: &Article) -> u8 {
    let (a, b) = (letters(&first.headline), letters(&later.headline));
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    if a == b {
        return 2;
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let contains = short.len() >= 4 && long.windows(short.len()).any(|w| w == &short[..]);
    let opening = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    u8::from(contains || opening >= 4)
}

/// How much of `first`'s headline `later` repeats, in characters (all of it: 500).
fn affinity(first: &Article, later: &Article) -> u32 {
    let (a, b) = (letters(&first.headline), letters(&later.headline));
    if a == b {
        return 500;
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if !short.is_empty() && long.windows(short.len()).any(|w| w == &short[..]) {
        return short.len() as u32;
    }
    a.iter().zip(&b).take_while(|(x, y)| x == y).count() as u32
}

/// The jumps of an article, read from its jump lines and the ends of its body.
fn jumps(a: &Article, direction: Direction) -> Vec<u32> {
    jump::of_article(&a.jumps, &a.body)
        .into_iter()
        .filter(|j| j.direction == direction)
        .map(|j| j.page)
        .collect()
}

/// Finds every story of several parts, and every jump whose other part is not there.
pub(crate) fn find(pages: &mut impl Pages) -> anyhow::Result<Vec<Found>> {
    let starts = pages.with_jump(Direction::To)?;
    let backs = pages.with_jump(Direction::From)?;
    // Every possible link, scored; the best are taken first, each part once.
    let mut edges: Vec<(u32, usize, Article)> = Vec::new();
    let mut missing_to: HashMap<String, u32> = HashMap::new();
    for (k, a) in starts.iter().enumerate() {
        let Some(&to) = jumps(a, Direction::To).first() else {
            continue;
        };
        missing_to.insert(a.id.clone(), to);
        let from_page = a.page.unwrap_or(0);
        for c in pages.on_page(a, to)? {
            let back = jumps(&c, Direction::From).contains(&from_page);
            // The back-reference, or the same headline: a shortened one alone is too
            // little to tell a continuation from another article.
            if c.id != a.id && (back || headline_match(a, &c) == 2) {
                edges.push((u32::from(back) * 1000 + affinity(a, &c), k, c));
            }
        }
    }
    edges.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(x.1.cmp(&y.1))
            .then(x.2.seq.cmp(&y.2.seq))
    });
    let mut next: HashMap<String, Article> = HashMap::new();
    let mut claimed: HashSet<String> = HashSet::new();
    for (_, k, c) in edges {
        let a = &starts[k];
        if next.contains_key(&a.id) || claimed.contains(&c.id) {
            continue;
        }
        missing_to.remove(&a.id);
        claimed.insert(c.id.clone());
        next.insert(a.id.clone(), c);
    }
    let mut out = Vec::new();
    let mut done: BTreeSet<String> = BTreeSet::new();
    for a in starts.iter().filter(|a| !claimed.contains(&a.id)) {
        let mut chain = vec![a.clone()];
        while let Some(n) = next.get(&chain[chain.len() - 1].id) {
            if chain.iter().any(|c| c.id == n.id) {
                break;
            }
            chain.push(n.clone());
        }
        let mut parts: Vec<Part> = chain.iter().map(Article::own_part).collect();
        let last = &chain[chain.len() - 1];
        if let Some(&to) = missing_to.get(&last.id) {
            parts.push(missing(last, to));
        }
        done.extend(chain.iter().map(|c| c.id.clone()));
        out.push(found(chain, parts));
    }
    // Back-references whose first part is not in the archive.
    for b in backs
        .iter()
        .filter(|b| !claimed.contains(&b.id) && !done.contains(&b.id))
    {
        let Some(&from) = jumps(b, Direction::From).first() else {
            continue;
        };
        let parts = vec![missing(b, from), b.own_part()];
        out.push(found(vec![b.clone()], parts));
    }
    Ok(out)
}

/// A part on page `page` of `of`'s paper and day that the archive does not hold.
fn missing(of: &Article, page: u32) -> Part {
    let label = match of.page_label.as_deref() {
        Some(l) if l.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            format!("{}{page}", &l[..1])
        }
        _ => page.to_string(),
    };
    Part {
        path: String::new(),
        span: [0, 0],
        page: Some(page),
        missing: Some(label),
    }
}

fn found(chain: Vec<Article>, parts: Vec<Part>) -> Found {
    let members: Vec<u64> = chain.iter().map(|c| uid(&c.id)).collect();
    let doc = if chain.len() > 1 {
        uid(&key(&chain))
    } else {
        0
    };
    Found {
        story: Story {
            doc,
            members,
            parts,
        },
        chain,
    }
}

/// The key of a story's document: the ids of its parts.
pub(crate) fn key(chain: &[Article]) -> String {
    let ids: Vec<&str> = chain.iter().map(|c| c.id.as_str()).collect();
    format!("story:{}", ids.join("+"))
}

/// The story's whole text as one article: the first part's place, every part's text.
pub(crate) fn whole(chain: &[Article], parts: &[Part]) -> Article {
    let mut a = chain[0].clone();
    for c in &chain[1..] {
        a.body.push('\n');
        a.body.push_str(&c.body);
        a.captions.extend(c.captions.iter().cloned());
        a.jumps.extend(c.jumps.iter().cloned());
        a.furniture.extend(c.furniture.iter().cloned());
        for r in &c.reporters {
            if !a.reporters.contains(r) {
                a.reporters.push(r.clone());
            }
        }
    }
    a.parts = parts.to_vec();
    a
}

/// Keys of the story documents the index holds.
fn story_keys(store: &Store, searcher: &Searcher) -> anyhow::Result<BTreeSet<String>> {
    let mut keys = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(store.fields.story)?;
        let alive = segment.alive_bitset();
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let mut docs =
                inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
            let mut doc = tantivy::DocSet::doc(&docs);
            while doc != tantivy::TERMINATED && alive.is_some_and(|a| !a.is_alive(doc)) {
                doc = tantivy::DocSet::advance(&mut docs);
            }
            if doc != tantivy::TERMINATED {
                keys.insert(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
    }
    Ok(keys)
}

/// Removes the story documents no story needs any more and adds the missing ones.
pub(super) fn write_documents(
    store: &Store,
    searcher: &Searcher,
    writer_memory: usize,
    found: &[Found],
) -> anyhow::Result<()> {
    let have = story_keys(store, searcher)?;
    let want: HashMap<String, &Found> = found
        .iter()
        .filter(|f| f.story.doc != 0)
        .map(|f| (key(&f.chain), f))
        .collect();
    let stale: Vec<&String> = have.iter().filter(|k| !want.contains_key(*k)).collect();
    let new: Vec<&String> = want.keys().filter(|k| !have.contains(*k)).collect();
    if stale.is_empty() && new.is_empty() {
        return Ok(());
    }
    let mut writer: IndexWriter = store.index.writer(writer_memory.min(64 << 20))?;
    let f = store.fields;
    for k in stale {
        writer.delete_term(Term::from_field_text(f.story, k));
    }
    for k in new {
        let chain = &want[k].chain;
        let a = whole(chain, &want[k].story.parts);
        let mut doc = tantivy::TantivyDocument::default();
        doc.add_text(f.id, k);
        for c in chain {
            doc.add_text(f.path, &c.path);
        }
        doc.add_u64(f.uid, uid(k));
        doc.add_text(f.story, k);
        store.add_text_fields(&mut doc, &a)?;
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headlines() {
        let head = |h: &str| Article {
            headline: h.into(),
            ..Article::default()
        };
        let table = [
            ("江城全力抢修受损供水管网", "江城全力抢修受损供水管网", 2),
            (
                "江城全力抢修受损供水管网 确保居民用水不受影响",
                "江城全力抢修受损供水管网",
                1,
            ),
            (
                "李华市长同青石镇来访代表团举行座谈",
                "李华市长会见代表团",
                1,
            ),
            ("陈市长会见", "陈市长致信", 0),
            ("青石镇的好邻居", "在田野里收获金色希望", 0),
            ("", "", 0),
        ];
        for (a, b, want) in table {
            assert_eq!(headline_match(&head(a), &head(b)), want, "{a} / {b}");
        }
    }
}
