//! What `search` does with all the hits instead of printing one page of them:
//! `--format csv|jsonl` exports every hit, `--by year|month|day` counts them over time,
//! `--kwic` prints every occurrence in context.

use super::{style, Outcome};
use crate::cli::{ExportFormat, SearchArgs, TrendPeriod};
use crate::index::Store;
use crate::query::trend::{self, Period};
use crate::query::{self, every, Request};
use crate::render;
use anyhow::Context;
use std::io::Write;
use tantivy::Searcher;

/// Runs the research mode `args` asks for, or returns `None` for a plain search.
pub fn run(
    store: &Store,
    searcher: &Searcher,
    args: &SearchArgs,
    req: &Request,
    out: &mut impl Write,
) -> anyhow::Result<Option<Outcome>> {
    let r = &args.research;
    let outcome = if let Some(format) = r.format {
        export(store, searcher, req, format, out)?
    } else if let Some(by) = r.by {
        trends(store, searcher, args, req, by, out)?
    } else if r.kwic {
        let shape = if args.json {
            Kwic::Json
        } else {
            Kwic::Text {
                color: style(args.color).color,
            }
        };
        kwic(store, searcher, req, r.context, shape, out)?
    } else {
        return Ok(None);
    };
    out.flush()?;
    Ok(Some(outcome))
}

/// Every hit, oldest first, one CSV row or JSON line each.
fn export(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    format: ExportFormat,
    out: &mut impl Write,
) -> anyhow::Result<Outcome> {
    if format == ExportFormat::Csv {
        render::csv::header(out)?;
    }
    let n = every::for_each_hit(store, searcher, req, |a, snippet| {
        match format {
            ExportFormat::Csv => render::csv::hit(out, a, snippet)?,
            ExportFormat::Jsonl => render::json::export_line(out, a, snippet)?,
        }
        Ok(true)
    })?;
    Ok(Outcome::from_count(n))
}

/// The queries of `--by`: the words before the flags, as one query, then each `--query`.
fn trend_queries(args: &SearchArgs) -> anyhow::Result<Vec<(String, query::Parsed)>> {
    let mut queries = Vec::new();
    let words = args.query.join(" ");
    if !words.trim().is_empty() {
        queries.push((words.trim().to_string(), query::parse(&words)?));
    }
    for q in &args.research.trend_queries {
        let parsed = query::parse(q).with_context(|| format!("--query {q}"))?;
        queries.push((q.trim().to_string(), parsed));
    }
    Ok(queries)
}

/// The table (or JSON lines) of matching and printed articles per period.
fn trends(
    store: &Store,
    searcher: &Searcher,
    args: &SearchArgs,
    req: &Request,
    by: TrendPeriod,
    out: &mut impl Write,
) -> anyhow::Result<Outcome> {
    let period = match by {
        TrendPeriod::Year => Period::Year,
        TrendPeriod::Month => Period::Month,
        TrendPeriod::Day => Period::Day,
    };
    let queries = trend_queries(args)?;
    let t = trend::trend(store, searcher, req, &queries, period)?;
    if args.json {
        render::trend::lines(out, &t)?;
    } else {
        render::trend::table(out, &t)?;
    }
    let found = if queries.is_empty() {
        t.rows.iter().any(|r| r.articles > 0)
    } else {
        t.rows.iter().any(|r| r.counts.iter().any(|&n| n > 0))
    };
    Ok(if found {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}

/// How `--kwic` prints a line: aligned text, or (with `--json`) one JSON object.
#[derive(Debug, Clone, Copy)]
enum Kwic {
    Text { color: bool },
    Json,
}

/// Every occurrence of the query's words, oldest article first.
fn kwic(
    store: &Store,
    searcher: &Searcher,
    req: &Request,
    context: usize,
    shape: Kwic,
    out: &mut impl Write,
) -> anyhow::Result<Outcome> {
    let needles = every::needles(req);
    if needles.is_empty() {
        anyhow::bail!("--kwic needs words to find, such as `baosou search 疫情 --kwic`");
    }
    let width = render::kwic::hit_width(&needles);
    let mut lines = 0usize;
    every::for_each_hit(store, searcher, req, |a, _| {
        for l in render::kwic::lines(a, &needles, context) {
            match shape {
                Kwic::Text { color } => render::kwic::write(out, &l, a, context, width, color)?,
                Kwic::Json => {
                    serde_json::to_writer(&mut *out, &render::kwic::value(&l, a))?;
                    writeln!(out)?;
                }
            }
            lines += 1;
        }
        Ok(true)
    })?;
    Ok(Outcome::from_count(lines))
}
