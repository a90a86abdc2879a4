//! Machine-readable output: one JSON object per line, following the contract in the README
//! (`split --json`, `search --json`, `search --json --queries FILE`, `show --json`).

use crate::article::Article;
use crate::query::{Hit, Results};
use serde_json::{json, Value};
use std::io::Write;

/// One article, as `split --json` and `show --json` print it.
pub fn article(out: &mut impl Write, a: &Article) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, a)?;
    writeln!(out)?;
    Ok(())
}

/// A hit as a JSON value: the article's metadata (not its body), score and snippet.
pub fn hit(h: &Hit) -> Value {
    let a = &h.article;
    json!({
        "id": a.id,
        "score": h.score,
        "path": a.path,
        "span": a.span,
        "paper": a.paper,
        "date": a.date,
        "page": a.page,
        "page_label": a.page_label,
        "seq": a.seq,
        "kicker": a.kicker,
        "headline": a.headline,
        "subheadlines": a.subheadlines,
        "reporters": a.reporters,
        "dateline": a.dateline,
        "snippet": h.snippet.text,
        "highlights": h.snippet.highlights,
        "headline_highlights": h.headline_highlights,
        "parts": parts(a),
        "duplicates": a.duplicates,
    })
}

/// The parts of a story as the contract gives them: `{"path", "span", "page"}`, with
/// `"missing"` (the page as printed) for a part not in the archive; the article itself when
/// the index linked no other part.
fn parts(a: &Article) -> Value {
    if a.parts.is_empty() {
        return json!([{"path": a.path, "span": a.span, "page": a.page}]);
    }
    serde_json::to_value(&a.parts).unwrap_or_default()
}

/// One JSON line per hit.
pub fn hits(out: &mut impl Write, results: &Results) -> anyhow::Result<()> {
    for h in &results.hits {
        serde_json::to_writer(&mut *out, &hit(h))?;
        writeln!(out)?;
    }
    Ok(())
}

/// One JSON line for a whole search of a batch: `{"q", "took_ms", "total", "hits"}`.
pub fn batch_result(
    out: &mut impl Write,
    q: &str,
    took_ms: f64,
    results: &Results,
) -> anyhow::Result<()> {
    let hits: Vec<Value> = results.hits.iter().map(hit).collect();
    let line = json!({"q": q, "took_ms": took_ms, "total": results.total, "hits": hits});
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

/// One JSON line for a search of a batch that could not run.
pub fn batch_error(out: &mut impl Write, q: &str, error: &str) -> anyhow::Result<()> {
    let line = json!({"q": q, "took_ms": 0.0, "total": 0, "hits": [], "error": error});
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

/// What was learned of each paper (`stats --json`, `/api/info`): `[{"paper", "pages",
/// "findings": [{"what", "finding"}]}]`, papers in name order.
pub fn profiles(profiles: &std::collections::BTreeMap<String, crate::split::Profile>) -> Value {
    profiles
        .iter()
        .map(|(paper, p)| {
            let findings: Vec<Value> = p
                .findings()
                .into_iter()
                .map(|(what, finding)| json!({"what": what, "finding": finding}))
                .collect();
            json!({"paper": paper, "pages": p.pages, "findings": findings})
        })
        .collect()
}

/// One line of `search --format jsonl`: the columns of the CSV export, reporters as a list.
pub fn export_line(
    out: &mut impl Write,
    a: &Article,
    snippet: &crate::query::snippet::Snippet,
) -> anyhow::Result<()> {
    let line = json!({
        "id": a.id,
        "date": a.date,
        "paper": a.paper,
        "page": a.page,
        "page_label": a.page_label,
        "headline": a.headline,
        "reporters": a.reporter_names(),
        "dateline": a.dateline,
        "path": a.path,
        "snippet": snippet.text,
    });
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

/// A list of values with their numbers of articles, the one shape of every such list
/// (facets, papers, reporters; in `/api/search`, `/api/info`, `/api/reporters` and
/// `stats --json` alike): `[{KEY: value, "count": n}]`.
pub fn counts(key: &str, list: &[(String, usize)]) -> Vec<Value> {
    list.iter()
        .map(|(value, n)| json!({key: value, "count": n}))
        .collect()
}

/// The facets of a search: `{"reporters": [{"name", "count"}], "years": [{"year",
/// "count"}], "months": [{"month", "count"}], "papers": [{"paper", "count"}]}`.
pub fn facets(f: &crate::query::facets::Facets) -> Value {
    json!({
        "reporters": counts("name", &f.reporters),
        "years": counts("year", &f.years),
        "months": counts("month", &f.months),
        "papers": counts("paper", &f.papers),
    })
}

/// What an index holds, as `stats --json` and `/api/info` both begin: `{"articles",
/// "papers": [{"paper", "count"}], "first_date", "last_date", "profiles"}`.
pub fn holdings(
    articles: u64,
    papers: &[(String, usize)],
    dates: Option<(crate::day::Day, crate::day::Day)>,
    profiles: &std::collections::BTreeMap<String, crate::split::Profile>,
) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("articles".into(), json!(articles));
    m.insert("papers".into(), json!(counts("paper", papers)));
    m.insert("first_date".into(), json!(dates.map(|d| d.0.to_string())));
    m.insert("last_date".into(), json!(dates.map(|d| d.1.to_string())));
    m.insert("profiles".into(), self::profiles(profiles));
    m
}

/// Another article of the same page, as the reading view lists it: `{"id", "seq",
/// "kicker", "headline", "reporters"}`, the reporters by name.
pub fn neighbour(a: &Article) -> Value {
    json!({
        "id": a.id,
        "seq": a.seq,
        "kicker": a.kicker,
        "headline": a.headline,
        "reporters": a.reporter_names(),
    })
}
