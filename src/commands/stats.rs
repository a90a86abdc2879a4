//! `baosou stats`: what the index holds.

use super::Outcome;
use crate::cli::StatsArgs;
use crate::index::Store;
use crate::query::terms;
use crate::render;
use serde_json::json;
use std::io::Write;

/// How many reporters to list.
const TOP: usize = 10;

pub fn run(args: &StatsArgs) -> anyhow::Result<Outcome> {
    let store = Store::open(&args.index.dir)?;
    let searcher = store.reader()?.searcher();
    let f = store.fields;
    let articles = searcher.num_docs();
    let papers = terms::ranked(&searcher, f.paper, |_| true, usize::MAX)?;
    let reporters = terms::ranked(&searcher, f.reporter, |_| true, TOP)?;
    let dates = terms::date_range(&searcher, f.date)?;
    let files = crate::index::Manifest::load(&store.dir)?.files.len();
    let space = space_by_field(&searcher)?;
    let profiles = crate::index::profiles::load(&store.dir);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (first, last) = match dates {
        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
        None => (None, None),
    };
    if args.json {
        let mut line = render::json::holdings(articles, &papers, dates, &profiles);
        line.insert("index".into(), json!(store.dir.display().to_string()));
        line.insert("files".into(), json!(files));
        line.insert(
            "top_reporters".into(),
            json!(render::json::counts("name", &reporters)),
        );
        line.insert("space".into(), json!(space));
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
        for (paper, profile) in &profiles {
            let shown = if paper.is_empty() {
                "(the archive)"
            } else {
                paper
            };
            writeln!(out, "learned of {shown}")?;
            for (what, finding) in profile.findings() {
                writeln!(out, "  {what}: {finding}")?;
            }
        }
    }
    out.flush()?;
    Ok(Outcome::from_count(articles as usize))
}

/// Bytes on disk per field (terms, postings, positions, norms, fast columns), and the
/// stored articles under `store`.
fn space_by_field(
    searcher: &tantivy::Searcher,
) -> anyhow::Result<std::collections::BTreeMap<String, u64>> {
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
