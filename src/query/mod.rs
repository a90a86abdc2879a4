//! Query → tantivy query → ranked hits with snippets.
//!
//! Every word must be found as it was typed, character by character, in the character
//! fields: that is what makes recall complete whatever jieba did with the text. Ranking
//! comes from BM25 over jieba words in the headline, kicker, subheadlines and byline, with
//! per-field boosts, plus BM25 of the exact matches themselves in the headline and the body,
//! so an exact phrase outranks scattered words. Each query word found in the headline adds a
//! fixed amount on top, larger than BM25 reaches: an article whose headline holds more of
//! the query's words outranks one whose headline holds fewer, whatever their bodies hold.

mod bounded;
pub mod collapse;
pub mod every;
pub mod facets;
mod filter;
mod parse;
mod request;
pub mod snippet;
pub mod terms;
pub mod trend;

pub use bounded::{is_stopped, Bounded, Gate, Stop, Stopped};
pub use filter::{day_range, DayRange, Period};
pub use parse::{parse, Atom, Group, Parsed, Scope, MAX_QUERY_CHARS, MAX_WORDS};
pub use request::Params;

use crate::article::Article;
use crate::index::{Fields, Store};
use crate::normalize::compact;
use crate::schema;

use snippet::Snippet;
use std::ops::Bound;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentSortKeyComputer, SortKeyComputer, TopDocs};
use tantivy::columnar::Column;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument, Term};

/// Ranking weight of each field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boosts {
    /// The headline's weight (3 unless set).
    pub headline: f32,
    /// The kicker's weight (2 unless set).
    pub kicker: f32,
    /// The subheadlines' weight (2 unless set).
    pub subheadline: f32,
    /// The reporters' names' weight (2 unless set).
    pub reporter: f32,
    /// The body's weight (1 unless set).
    pub body: f32,
}

impl Default for Boosts {
    fn default() -> Self {
        Boosts {
            headline: 3.0,
            kicker: 2.0,
            subheadline: 2.0,
            reporter: 2.0,
            body: 1.0,
        }
    }
}

impl Boosts {
    /// Applies `field=weight` settings.
    pub fn with(mut self, settings: &[Boost]) -> Boosts {
        for b in settings {
            let slot = match b.field {
                BoostField::Headline => &mut self.headline,
                BoostField::Kicker => &mut self.kicker,
                BoostField::Subheadline => &mut self.subheadline,
                BoostField::Reporter => &mut self.reporter,
                BoostField::Body => &mut self.body,
            };
            *slot = b.weight;
        }
        self
    }
}

/// One `FIELD=WEIGHT` of `--boost`, checked where it is read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Boost {
    field: BoostField,
    weight: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BoostField {
    Headline,
    Kicker,
    Subheadline,
    Reporter,
    Body,
}

impl std::str::FromStr for Boost {
    type Err = String;

    /// Reads `headline=3`; the error names the setting and says what to write.
    fn from_str(s: &str) -> Result<Boost, String> {
        let Some((name, weight)) = s.split_once('=') else {
            return Err(format!("{s}: write FIELD=WEIGHT, such as headline=3"));
        };
        let weight: f32 = weight
            .trim()
            .parse()
            .ok()
            .filter(|w: &f32| w.is_finite() && *w >= 0.0)
            .ok_or_else(|| format!("{s}: the weight must be a number ≥ 0"))?;
        let field = match name.trim() {
            "headline" => BoostField::Headline,
            "kicker" => BoostField::Kicker,
            "subheadline" | "subheadlines" => BoostField::Subheadline,
            "reporter" | "reporters" | "byline" => BoostField::Reporter,
            "body" => BoostField::Body,
            other => {
                return Err(format!(
                "{s}: unknown field `{other}`; use headline, kicker, subheadline, reporter or body"
            ))
            }
        };
        Ok(Boost { field, weight })
    }
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    Relevance,
    /// Newest first.
    Date,
}

/// One search, with its filters, checked and ready to run.
#[derive(Debug, Clone)]
pub struct Request {
    /// What the user typed, parsed.
    pub query: Parsed,
    /// Only articles by one of these reporters (none: any).
    pub reporters: Vec<String>,
    /// Only articles published in this range of days.
    pub days: Option<DayRange>,
    /// Only articles of this paper.
    pub paper: Option<String>,
    /// Only articles on this page.
    pub page: Option<u32>,
    /// The most hits returned.
    pub limit: usize,
    /// Hits skipped before the first returned.
    pub offset: usize,
    /// How the hits are ordered.
    pub sort: Sort,
    /// The ranking weight of each field.
    pub boosts: Boosts,
    /// Show every printing of a text, not only the first (`--all-printings`, `all=1`).
    pub all_printings: bool,
}

/// A hit: the article, its score and the passage that shows the match.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The article, as stored.
    pub article: Article,
    /// Its ranking score.
    pub score: f32,
    /// The passage that shows the match, with its highlights.
    pub snippet: Snippet,
    /// Highlighted ranges of the headline.
    pub headline_highlights: Vec<[usize; 2]>,
}

/// The hits of one search.
#[derive(Debug, Clone)]
pub struct Results {
    /// Articles matching, of which `hits` is one page.
    pub total: usize,
    /// The hits of the page asked for, in order.
    pub hits: Vec<Hit>,
}

/// Characters of snippet text shown per hit.
const SNIPPET_WIDTH: usize = 120;

/// Runs a search.
pub fn search(store: &Store, searcher: &Searcher, req: &Request) -> anyhow::Result<Results> {
    search_within(store, searcher, req, &Stop::never())
}

/// Runs a search that gives up, with [`Stopped`], when `stop` says so.
pub fn search_within(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    stop: &Stop,
) -> anyhow::Result<Results> {
    let none: Option<facets::FacetCollector> = None;
    Ok(search_also(store, searcher, req, stop, none)?.0)
}

/// [`search_within`], with the [`facets::Facets`] of every match shown (the documents
/// [`collapse::shown_only`] keeps), counted in the same pass over the matches as the hits,
/// naming the `top_reporters` most frequent reporters.
pub fn search_faceted(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    stop: &Stop,
    top_reporters: usize,
) -> anyhow::Result<(Results, facets::Facets)> {
    let counter = facets::FacetCollector { top_reporters };
    let also = collapse::shown_only(store, counter, !req.all_printings);
    let (results, facets) = search_also(store, searcher, req, stop, Some(also))?;
    Ok((results, facets.unwrap_or_default()))
}

/// A search, with `also` collected over the same matches.
fn search_also<C: Collector>(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    stop: &Stop,
    also: Option<C>,
) -> anyhow::Result<(Results, Option<C::Fruit>)> {
    let query = build(&store.fields, req);
    // tantivy adds limit and offset, and sizes its heap by them: keep both within the
    // number of articles, so that `--offset 18446744073709551615` is no hit, not a panic.
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let limit = req.limit.clamp(1, docs.max(1));
    let offset = req.offset.min(docs);
    let fold = !req.all_printings;
    // Documents enough to fill the page with groups when few of the matches are folded;
    // more are ranked again below only when that was not enough.
    let page = offset.saturating_add(limit);
    let fetch = page
        .saturating_add(store.links.hidden().min(page.saturating_add(16)))
        .clamp(1, docs.max(1));
    let grouped = collapse::Grouped {
        links: std::sync::Arc::clone(&store.links),
    };
    let (first, (count, linked), also) = ranked(searcher, &query, req, fetch, stop, grouped, also)?;
    let total = collapse::total(&store.links, count, &linked, fold);
    let all_ranked = first.len() < fetch;
    let mut addresses = collapse::groups(store, searcher, first, offset, limit, fold)?;
    // At most one document per linked match is passed over.
    let enough = page.saturating_add(linked.len()).clamp(1, docs.max(1));
    if addresses.len() < limit && !all_ranked && enough > fetch {
        let none = collapse::Grouped {
            links: Default::default(),
        };
        let (again, _, _) = ranked(searcher, &query, req, enough, stop, none, None::<C>)?;
        addresses = collapse::groups(store, searcher, again, offset, limit, fold)?;
    }
    let mut needles: Vec<String> = Vec::new();
    for a in req.query.positive_atoms() {
        if a.scope != Scope::Reporter && !needles.contains(&a.text) {
            needles.push(a.text.clone());
        }
    }
    let mut hits = Vec::with_capacity(addresses.len());
    for (score, address) in addresses.into_iter().take(req.limit) {
        stop.pace()?;
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut article = store.article(&doc)?;
        store.links.decorate(&mut article, fold);
        let snippet = snippet_of(&article, &needles);
        let headline_highlights = snippet::highlight_all(&article.headline, &needles);
        hits.push(Hit {
            article,
            score,
            snippet,
            headline_highlights,
        });
    }
    Ok((Results { total, hits }, also))
}

/// What [`ranked`] gives: the ranked documents, the groups counted and `also`'s fruit.
type Ranked<F> = (Vec<(f32, DocAddress)>, collapse::Counted, Option<F>);

/// The first `fetch` documents `query` matches, in the request's order, and what `grouped`
/// and `also` collected over all of them.
fn ranked<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    req: &Request,
    fetch: usize,
    stop: &Stop,
    grouped: collapse::Grouped,
    also: Option<C>,
) -> anyhow::Result<Ranked<C::Fruit>> {
    Ok(match req.sort {
        Sort::Relevance => {
            let top = TopDocs::with_limit(fetch).tweak_score(|segment: &SegmentReader| {
                let columns = Preference::of(segment);
                move |doc: DocId, score: Score| (score, columns.key(doc))
            });
            let (docs, counted, also) = searcher
                .search(query, &stop.bound((top, grouped, also)))
                .map_err(|e| gave_up(stop, e))?;
            (
                docs.into_iter().map(|((s, _), a)| (s, a)).collect(),
                counted,
                also,
            )
        }
        Sort::Date => {
            let top = TopDocs::with_limit(fetch).order_by(ByDate);
            let (docs, counted, also) = searcher
                .search(query, &stop.bound((top, grouped, also)))
                .map_err(|e| gave_up(stop, e))?;
            let docs = docs.into_iter().map(|(_, a)| (0.0, a)).collect();
            (docs, counted, also)
        }
    })
}

/// A failed search's error: [`Stopped`] when the stop is why.
fn gave_up(stop: &Stop, e: tantivy::TantivyError) -> anyhow::Error {
    if stop.stopped() {
        Stopped.into()
    } else {
        e.into()
    }
}

/// Between hits that score the same (an article printed on page 1 and again on the page it
/// continues on, or every hit of a search by reporter alone), the newer first, then the lower
/// page, then the lower `uid` (a hash of the article's id): the order does not depend on how
/// the index was built, nor on which segment a document landed in. (Through Solr the last key
/// is the id itself.)
struct Preference {
    date: Option<Column<u64>>,
    page: Option<Column<u64>>,
    uid: Option<Column<u64>>,
}

/// The date order of [`Sort::Date`]: [`Preference`]'s key alone, which needs no score, so
/// tantivy computes none (a search sorted by date does not rank).
struct ByDate;

impl SortKeyComputer for ByDate {
    type SortKey = (u64, u64, u64);
    type Child = Preference;
    type Comparator = NaturalComparator;

    fn segment_sort_key_computer(&self, segment: &SegmentReader) -> tantivy::Result<Preference> {
        Ok(Preference::of(segment))
    }
}

impl SegmentSortKeyComputer for Preference {
    type SortKey = (u64, u64, u64);
    type SegmentSortKey = (u64, u64, u64);
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, _: Score) -> (u64, u64, u64) {
        self.key(doc)
    }

    fn convert_segment_sort_key(&self, key: (u64, u64, u64)) -> (u64, u64, u64) {
        key
    }
}

impl Preference {
    /// The columns of one segment.
    fn of(segment: &SegmentReader) -> Preference {
        let column = |name| segment.fast_fields().u64(name).ok();
        Preference {
            date: column(schema::DATE),
            page: column(schema::PAGE),
            uid: column(schema::UID),
        }
    }

    /// The key of a document: greater comes first.
    fn key(&self, doc: DocId) -> (u64, u64, u64) {
        let value = |c: &Option<Column<u64>>| c.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        (
            value(&self.date),
            u64::MAX - value(&self.page),
            u64::MAX - value(&self.uid),
        )
    }
}

/// The snippet of a hit: the best passage of the body, or, when only a caption or a byline
/// holds the words (`江城` in `江城晚报记者 赵明`), that line with the words highlighted.
pub(crate) fn snippet_of(a: &Article, needles: &[String]) -> Snippet {
    let body = snippet::snippet(&a.body, needles, SNIPPET_WIDTH);
    if !body.highlights.is_empty() || needles.is_empty() {
        return body;
    }
    let bylines = a.reporters.iter().map(|r| {
        let org = r.org.as_deref().unwrap_or_default();
        let photo = if r.photo { " 摄" } else { "" };
        format!("{org}{} {}{photo}", r.role, r.name)
    });
    a.captions
        .iter()
        .cloned()
        .chain(bylines)
        .map(|line| snippet::snippet(&line, needles, SNIPPET_WIDTH))
        .find(|s| !s.highlights.is_empty())
        .unwrap_or(body)
}

/// The article with this id, if the index holds it.
pub fn find_by_id(store: &Store, searcher: &Searcher, id: &str) -> anyhow::Result<Option<Article>> {
    let q = TermQuery::new(
        Term::from_field_text(store.fields.id, id.trim()),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    match top.first() {
        Some((_, address)) => Ok(Some(store.article(&searcher.doc(*address)?)?)),
        None => Ok(None),
    }
}

/// The tantivy query for a request: words, then filters.
pub fn build(f: &Fields, req: &Request) -> Box<dyn Query> {
    build_with(f, req, true)
}

/// The same matches as [`build`], without the jieba words that only rank them: for
/// counting and exporting, which need no score (and so no jieba dictionary).
pub fn build_unscored(f: &Fields, req: &Request) -> Box<dyn Query> {
    build_with(f, req, false)
}

fn build_with(f: &Fields, req: &Request, scored: bool) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for group in &req.query.groups {
        let alternatives: Vec<(Occur, Box<dyn Query>)> = group
            .any_of
            .iter()
            .map(|a| {
                let q = atom_query(f, a, &req.boosts, scored && !group.negated);
                (Occur::Should, q)
            })
            .collect();
        let q: Box<dyn Query> = Box::new(BooleanQuery::new(alternatives));
        clauses.push((
            if group.negated {
                Occur::MustNot
            } else {
                Occur::Must
            },
            q,
        ));
    }
    if !req.reporters.is_empty() {
        let names = req
            .reporters
            .iter()
            .map(|r| -> (Occur, Box<dyn Query>) { (Occur::Should, term(f.reporter, &compact(r))) })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(names))));
    }
    if let Some(days) = req.days {
        let bound = |d: Option<u64>| {
            d.map_or(Bound::Unbounded, |n| {
                Bound::Included(Term::from_field_u64(f.date, n))
            })
        };
        let range = RangeQuery::new(bound(days.from), bound(days.to));
        clauses.push((Occur::Must, Box::new(range)));
    }
    if let Some(paper) = &req.paper {
        clauses.push((Occur::Must, term(f.paper, paper.trim())));
    }
    if let Some(page) = req.page {
        let t = Term::from_field_u64(f.page, page as u64);
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
        ));
    }
    if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// What a query word found in the headline, kicker or subheadlines adds to the score, per
/// unit of headline weight, whatever its BM25: more than one word's BM25 in the body and the
/// headline together reaches in practice (the highest seen on three months of a daily is
/// about 150). So an article whose headline holds more of the query's words ranks above one
/// whose headline holds fewer, however often its body repeats them; BM25 orders the articles
/// whose headlines hold as many.
const HEADLINE_WORD: f32 = 100.0;

/// One word: it must be found exactly (in characters); its jieba words add to the score.
fn atom_query(f: &Fields, atom: &Atom, boosts: &Boosts, scored: bool) -> Box<dyn Query> {
    let text = &atom.text;
    let exact: Box<dyn Query> = match atom.scope {
        Scope::Any => {
            let in_head = chars_query(f.exact_head, text);
            let mut found = vec![
                (Occur::Should, boosted(in_head.box_clone(), boosts.headline)),
                (
                    Occur::Should,
                    boosted(chars_query(f.exact_body, text), boosts.body),
                ),
                (
                    Occur::Should,
                    boosted(term(f.reporter, &compact(text)), boosts.reporter),
                ),
            ];
            if scored && boosts.headline > 0.0 {
                found.push((
                    Occur::Should,
                    boosted(
                        Box::new(ConstScoreQuery::new(in_head, 1.0)),
                        HEADLINE_WORD * boosts.headline,
                    ),
                ));
            }
            Box::new(BooleanQuery::new(found))
        }
        Scope::Headline => chars_query(f.exact_head, text),
        Scope::Body => boosted(chars_query(f.exact_body, text), boosts.body),
        Scope::Reporter => term(f.reporter, &compact(text)),
    };
    if !scored || atom.scope == Scope::Reporter {
        return exact;
    }
    let mut fields = Vec::new();
    if matches!(atom.scope, Scope::Any | Scope::Headline) {
        fields.push((f.headline, boosts.headline));
        fields.push((f.kicker, boosts.kicker));
        fields.push((f.subheadline, boosts.subheadline));
    }
    if atom.scope == Scope::Any {
        fields.push((f.byline, boosts.reporter));
    }
    let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for w in schema::words(text) {
        // `的的的…` is one word many times over: score it once.
        if seen.contains(&w) {
            continue;
        }
        seen.push(w.clone());
        for &(field, boost) in &fields {
            if boost > 0.0 {
                words.push((Occur::Should, boosted(word(field, &w), boost)));
            }
        }
    }
    if words.is_empty() {
        return exact;
    }
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, exact),
        (Occur::Should, Box::new(BooleanQuery::new(words))),
    ]))
}

/// The characters of `text` in a row, in a character field.
pub(crate) fn chars_query(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    let mut terms: Vec<(usize, Term)> = schema::chars(text)
        .into_iter()
        .map(|(pos, c)| (pos, Term::from_field_text(field, &c)))
        .collect();
    match terms.len() {
        // Punctuation alone: nothing the index holds can match it.
        0 => Box::new(EmptyQuery),
        1 => Box::new(TermQuery::new(
            terms.remove(0).1,
            IndexRecordOption::WithFreqs,
        )),
        _ => Box::new(PhraseQuery::new_with_offset(terms)),
    }
}

/// A jieba word in a word field, scored by BM25.
fn word(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A whole value in an untokenized field (reporter, paper, id).
fn term(field: tantivy::schema::Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if boost == 1.0 {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}
