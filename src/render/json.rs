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
