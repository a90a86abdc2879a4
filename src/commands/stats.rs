//! `baosou stats`: what the index holds.

use super::Outcome;
use crate::archive::Day;
use crate::cli::StatsArgs;
use crate::index::Store;
use serde_json::json;
use std::collections::HashMap;
use std::io::Write;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

/// How many reporters to list.
const TOP: usize = 10;

pub fn run(args: &StatsArgs) -> anyhow::Result<Outcome> {
    let store = Store::open(&args.index.dir)?;
    let searcher = store.reader()?.searcher();
    let f = store.fields;
    let articles = searcher.num_docs();
    let papers = exact_counts(&searcher, f.paper, usize::MAX)?;
    let reporters = exact_counts(&searcher, f.reporter, TOP)?;
    let dates = date_range(&searcher, f.date)?;
    let files = crate::index::Manifest::load(&store.dir)?.files.len();
    let space = space_by_field(&searcher)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (first, last) = match dates {
        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
        None => (None, None),
    };
    if args.json {
        let line = json!({
            "index": store.dir.display().to_string(),
            "articles": articles,
            "files": files,
            "papers": papers.iter().map(|(p, n)| json!({"paper": p, "articles": n})).collect::<Vec<_>>(),
            "first_date": first,
            "last_date": last,
            "top_reporters": reporters.iter().map(|(r, n)| json!({"name": r, "articles": n})).collect::<Vec<_>>(),
            "space": space,
        });
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    } else {
        writeln!(out, "index      {}", store.dir.display())?;
        writeln!(out, "articles   {articles} from {files} page files")?;
        let papers: Vec<String> = papers.iter().map(|(p, n)| format!("{p} ({n})")).collect();
        writeln!(out, "papers     {}", papers.join(", "))?;
        match (first, last) {
            (Some(a), Some(b)) => writeln!(out, "dates      {a} to {b}")?,
            _ => writeln!(out, "dates      none known")?,
        }
        let total: u64 = space.values().sum();
        writeln!(out, "size       {:.1} MB", total as f64 / 1e6)?;
        writeln!(out, "reporters  (top {TOP})")?;
        for (name, n) in &reporters {
            writeln!(out, "  {n:>6}  {name}")?;
        }
    }
    out.flush()?;
    Ok(Outcome::from_count(articles as usize))
}

/// The values of an untokenized field with the number of live articles holding each, most
/// first, at most `top` of them.
fn exact_counts(
    searcher: &Searcher,
    field: Field,
    top: usize,
) -> anyhow::Result<Vec<(String, usize)>> {
    let mut approx: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let key = String::from_utf8_lossy(terms.key()).into_owned();
            *approx.entry(key).or_default() += terms.value().doc_freq as u64;
        }
    }
    let mut ranked: Vec<(String, u64)> = approx.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Term statistics still count deleted articles; count the leaders exactly.
    let mut exact = Vec::new();
    for (value, _) in ranked.into_iter().take(top.saturating_mul(2)) {
        let q = TermQuery::new(
            Term::from_field_text(field, &value),
            IndexRecordOption::Basic,
        );
        let n = searcher.search(&q, &Count)?;
        if n > 0 {
            exact.push((value, n));
        }
    }
    exact.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    exact.truncate(top);
    Ok(exact)
}

/// The first and last publication day in the index.
fn date_range(searcher: &Searcher, field: Field) -> anyhow::Result<Option<(Day, Day)>> {
    let mut range: Option<(u64, u64)> = None;
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) else {
                continue;
            };
            let n = u64::from_be_bytes(bytes);
            range = Some(range.map_or((n, n), |(a, b)| (a.min(n), b.max(n))));
        }
    }
    Ok(range.and_then(|(a, b)| Some((Day::from_number(a)?, Day::from_number(b)?))))
}

/// Bytes on disk per field (terms, postings, positions, norms, fast columns), and the
/// stored articles under `store`.
fn space_by_field(searcher: &Searcher) -> anyhow::Result<std::collections::BTreeMap<String, u64>> {
    let usage = searcher.space_usage()?;
    let mut space = std::collections::BTreeMap::new();
    for segment in usage.segments() {
        let parts = [
            segment.termdict(),
            segment.postings(),
            segment.positions(),
            segment.fieldnorms(),
            segment.fast_fields(),
        ];
        for part in parts {
            for f in part.fields() {
                *space.entry(f.field_name().to_string()).or_default() += f.total().get_bytes();
            }
        }
        *space.entry("store".to_string()).or_default() += segment.store().total().get_bytes();
    }
    Ok(space)
}
