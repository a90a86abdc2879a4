//! `baosou stats`: what the index holds.

use super::Outcome;
use crate::cli::StatsArgs;
use crate::index::Store;
use crate::query::terms;
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
        writeln!(out, "reporters  (top {TOP})")?;
        for (name, n) in &reporters {
            writeln!(out, "  {n:>6}  {name}")?;
        }
    }
    out.flush()?;
    Ok(Outcome::from_count(articles as usize))
}
