//! `baosou search`: one search from the command line, or a batch from `--queries FILE`.

use super::{style, Outcome};
use crate::cli::{ExportFormat, SearchArgs, SortOrder};
use crate::index::Store;
use crate::query::{self, Boosts, Params, Period, Request, Results, Sort};
use crate::render;
use anyhow::Context;
use serde::Deserialize;
use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::time::Instant;

/// The archive and index that `search` builds on first use, so that the README's first
/// command works on a fresh clone.
const DEFAULT_ARCHIVE: &str = "data";
const DEFAULT_INDEX: &str = "index";

/// The longest line of a `--queries` file, in bytes: a longer one ends the run with an
/// error, so that a file without line breaks (`/dev/zero`) is never held in memory.
pub const MAX_QUERY_LINE: usize = 64 * 1024;

pub fn run(args: &SearchArgs) -> anyhow::Result<Outcome> {
    if let Some(url) = &args.solr {
        return solr(url, args);
    }
    let dir = &args.index.dir;
    if dir == Path::new(DEFAULT_INDEX) && !Store::exists(dir) && Path::new(DEFAULT_ARCHIVE).is_dir()
    {
        eprintln!("baosou: no index yet; indexing {DEFAULT_ARCHIVE}/ into {DEFAULT_INDEX}/ first");
        let s = super::index::index_archive(
            Path::new(DEFAULT_ARCHIVE),
            dir,
            None,
            crate::archive::DEFAULT_MAX_FILE_SIZE,
            false,
            true,
        )?;
        super::index::report(&s, false);
    }
    let store = Store::open(dir)?;
    let searcher = store.reader()?.searcher();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let q = args.query.join(" ");
    let params = params(args, &q);
    if let Some(file) = &args.queries {
        let mut search = |req: &Request| query::search(&store, &searcher, req);
        return batch(&mut search, args, &params, file, &mut out);
    }
    let req = params.request()?;
    if let Some(outcome) = super::research::run(&store, &searcher, args, &req, &mut out)? {
        return Ok(outcome);
    }
    let results = query::search(&store, &searcher, &req)?;
    print_hits(&mut out, &results, &req, args)
}

/// `search --solr URL`: the same request, batch and export, answered by the collection.
fn solr(url: &str, args: &SearchArgs) -> anyhow::Result<Outcome> {
    let collection = crate::solr::Collection::new(url)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let q = args.query.join(" ");
    let params = params(args, &q);
    if let Some(file) = &args.queries {
        let mut search = |req: &Request| crate::solr::search::search(&collection, req);
        return batch(&mut search, args, &params, file, &mut out);
    }
    let req = params.request()?;
    if let Some(format) = args.research.format {
        if format == ExportFormat::Csv {
            render::csv::header(&mut out)?;
        }
        let n =
            crate::solr::research::for_each_hit(&collection, &req, |a, snippet| match format {
                ExportFormat::Csv => render::csv::hit(&mut out, a, snippet),
                ExportFormat::Jsonl => render::json::export_line(&mut out, a, snippet),
            })?;
        out.flush()?;
        return Ok(Outcome::from_count(n));
    }
    let results = crate::solr::search::search(&collection, &req)?;
    print_hits(&mut out, &results, &req, args)
}

/// One page of hits, as JSON lines with `--json`, else for the terminal.
fn print_hits(
    out: &mut impl Write,
    results: &Results,
    req: &Request,
    args: &SearchArgs,
) -> anyhow::Result<Outcome> {
    if args.json {
        render::json::hits(out, results)?;
    } else {
        render::text::hits(out, results, req.offset, style(args.color))?;
    }
    out.flush()?;
    Ok(Outcome::from_count(results.hits.len()))
}

/// The search the flags ask for, checked by clap value by value; a `--queries` line
/// overrides what it gives.
fn params<'a>(args: &'a SearchArgs, q: &'a str) -> Params<'a> {
    Params {
        q,
        reporters: &args.reporter,
        date: args.date,
        from: args.from,
        to: args.to,
        paper: args.paper.as_deref(),
        page: args.page,
        limit: args.limit,
        offset: args.offset,
        sort: args.sort.map(|s| match s {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Date => Sort::Date,
        }),
        boosts: Boosts::default().with(&args.boosts),
        all_printings: args.all_printings,
    }
}

/// A reporter given as one name or a list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    Many(Vec<String>),
}

/// One line of a `--queries` file.
#[derive(Debug, Deserialize)]
struct BatchLine {
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    reporter: Option<Names>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    offset: Option<usize>,
}

/// Runs one search per line of `file`; prints one JSON object per line (or, without
/// `--json`, the hits of each search under its query).
fn batch(
    search: &mut dyn FnMut(&Request) -> anyhow::Result<Results>,
    args: &SearchArgs,
    params: &Params,
    file: &Path,
    out: &mut impl Write,
) -> anyhow::Result<Outcome> {
    let mut reader: Box<dyn BufRead> = if file == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(file)
            .with_context(|| format!("{}: cannot open it", file.display()))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut any = false;
    let mut failed = 0;
    let mut n = 0;
    while let Some(line) = next_line(&mut reader, file, n + 1)? {
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{n}", file.display());
        let parsed: Result<BatchLine, _> = serde_json::from_str(&line);
        let started = Instant::now();
        let result = parsed
            .map_err(|e| anyhow::anyhow!("not a JSON query object ({e})"))
            .and_then(|b| {
                let reporters = match &b.reporter {
                    Some(Names::One(r)) => vec![r.clone()],
                    Some(Names::Many(v)) => v.clone(),
                    None => args.reporter.clone(),
                };
                let q = b.q.clone().unwrap_or_default();
                let day = |name: &str, v: &Option<String>| -> anyhow::Result<Option<Period>> {
                    v.as_deref()
                        .map(|v| v.parse().map_err(|e| anyhow::anyhow!("{name} {e}")))
                        .transpose()
                };
                let limit = b.limit.unwrap_or(params.limit);
                if limit == 0 {
                    anyhow::bail!("limit 0: the limit is a number from 1");
                }
                let req = Params {
                    q: &q,
                    reporters: &reporters,
                    date: day("date", &b.date)?.or(params.date),
                    from: day("from", &b.from)?.or(params.from),
                    to: day("to", &b.to)?.or(params.to),
                    limit,
                    offset: b.offset.unwrap_or(params.offset),
                    ..params.clone()
                }
                .request()?;
                Ok((q, req.offset, search(&req)?))
            });
        let took_ms = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok((q, offset, results)) => {
                any |= !results.hits.is_empty();
                if args.json {
                    render::json::batch_result(out, &q, took_ms, &results)?;
                } else {
                    writeln!(out, "== {q}")?;
                    render::text::hits(out, &results, offset, style(args.color))?;
                }
            }
            Err(e) => {
                failed += 1;
                let message = format!("{at}: {e:#}");
                eprintln!("baosou: {}", render::text::visible_lines(&message));
                if args.json {
                    let q = serde_json::from_str::<BatchLine>(&line)
                        .ok()
                        .and_then(|b| b.q)
                        .unwrap_or_default();
                    render::json::batch_error(out, &q, &format!("{e:#}"))?;
                }
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        anyhow::bail!("{}: {failed} queries could not run", file.display());
    }
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}

/// Line `n` of a `--queries` file without its line break, or `None` at the end: at most
/// [`MAX_QUERY_LINE`] bytes are read, and a longer line is an error naming it.
fn next_line(reader: &mut impl BufRead, file: &Path, n: usize) -> anyhow::Result<Option<String>> {
    let at = || format!("{}:{n}", file.display());
    let mut buf = Vec::new();
    let read = reader
        .by_ref()
        .take(MAX_QUERY_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)
        .with_context(|| format!("{}: cannot read it", at()))?;
    if read == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    } else if buf.len() > MAX_QUERY_LINE {
        anyhow::bail!(
            "{}: the line is longer than {} KiB; write one query object per line",
            at(),
            MAX_QUERY_LINE / 1024
        );
    }
    String::from_utf8(buf)
        .map(Some)
        .with_context(|| format!("{}: cannot read it: the line is not UTF-8", at()))
}
