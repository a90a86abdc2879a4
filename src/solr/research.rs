//! What a search of the collection does with all its hits rather than one page: every hit
//! for `--format csv|jsonl`, read with a cursor, and the facets of `serve --solr`, counted
//! by Solr (`facet.field` on the string fields, `facet.range` by month on the date).

use super::schema;
use super::search::{article_json, needles, params, select};
use super::Collection;
use crate::article::Article;
use crate::query::facets::Facets;
use crate::query::snippet::Snippet;
use crate::query::Request;
use serde_json::Value;

/// Every hit, oldest first (then by page, path and order on the page), read a page of
/// `EXPORT_ROWS` at a time with a cursor: `f` gets each article and its snippet, and
/// the number of articles is returned.
pub fn for_each_hit(
    solr: &Collection,
    req: &Request,
    mut f: impl FnMut(&Article, &Snippet) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    let needles = needles(req);
    let mut p: Vec<(String, String)> = params(req)
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "sort" | "start" | "rows"))
        .collect();
    p.push(("sort".into(), EXPORT_SORT.into()));
    p.push(("rows".into(), EXPORT_ROWS.to_string()));
    let mut cursor = "*".to_string();
    let mut n = 0;
    loop {
        let mut page = p.clone();
        page.push(("cursorMark".into(), cursor.clone()));
        let v = select(solr, &page)?;
        for doc in v["response"]["docs"].as_array().into_iter().flatten() {
            // Every matching document, undecorated, as a local export gives them.
            let mut article = article_json(solr, doc)?;
            if article.parts.is_empty() {
                article.parts.push(article.own_part());
            }
            f(&article, &crate::query::snippet_of(&article, &needles))?;
            n += 1;
        }
        match v["nextCursorMark"].as_str() {
            Some(next) if next != cursor => cursor = next.to_string(),
            _ => return Ok(n),
        }
    }
}

/// The order of an export: as the local one, oldest first, then by page and place.
const EXPORT_SORT: &str = "date asc,page asc,path asc,seq asc,id asc";
/// Articles read per request of an export.
const EXPORT_ROWS: usize = 500;

/// How many of the most frequent reporters the facets name.
pub const FACET_REPORTERS: usize = 20;

/// How the matching articles spread over reporters, years, months and papers, counted by
/// Solr (`facet.field` on the string fields, `facet.range` by month on the date).
pub fn facets(solr: &Collection, req: &Request) -> anyhow::Result<Facets> {
    let mut p: Vec<(String, String)> = params(req)
        .into_iter()
        .filter(|(k, _)| !matches!(k.as_str(), "sort" | "start" | "rows" | "fl"))
        .collect();
    // Counted over the documents shown, as the local facets are.
    p.extend(super::marks::shown_only(!req.all_printings));
    let set = |k: &str, v: &str| (k.to_string(), v.to_string());
    p.extend([
        set("rows", "0"),
        set("facet", "true"),
        set("facet.mincount", "1"),
        set("facet.field", schema::REPORTER),
        set("facet.field", schema::PAPER),
        set(
            &format!("f.{}.facet.limit", schema::REPORTER),
            &FACET_REPORTERS.to_string(),
        ),
        set(&format!("f.{}.facet.limit", schema::PAPER), "-1"),
        set("facet.range", schema::DATE),
        set("facet.range.start", "1000-01-01T00:00:00Z"),
        set("facet.range.end", "3000-01-01T00:00:00Z"),
        set("facet.range.gap", "+1MONTH"),
    ]);
    // A range over ten centuries by month would be 24,000 buckets: bound it by the
    // collection's first and last day instead.
    let span = select(
        solr,
        &[
            set("q", "*:*"),
            set("rows", "0"),
            set("stats", "true"),
            set("stats.field", schema::DATE),
        ],
    )?;
    let stats = &span["stats"]["stats_fields"][schema::DATE];
    if let (Some(min), Some(max)) = (stats["min"].as_str(), stats["max"].as_str()) {
        let month = |d: &str| format!("{}-01T00:00:00Z", d.get(..7).unwrap_or("1000-01"));
        for (k, v) in p.iter_mut() {
            if k == "facet.range.start" {
                *v = month(min);
            } else if k == "facet.range.end" {
                *v = format!("{}+1MONTH", month(max));
            }
        }
    } else {
        p.retain(|(k, _)| !k.starts_with("facet.range"));
    }
    let v = select(solr, &p)?;
    let pairs = |list: &Value| -> Vec<(String, usize)> {
        let list = list.as_array().map(Vec::as_slice).unwrap_or_default();
        list.chunks(2)
            .filter_map(|kv| Some((kv[0].as_str()?.to_string(), kv.get(1)?.as_u64()? as usize)))
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    let f = &v["facet_counts"];
    let months: Vec<(String, usize)> = pairs(&f["facet_ranges"][schema::DATE]["counts"])
        .into_iter()
        .map(|(d, n)| (d.get(..7).unwrap_or(&d).to_string(), n))
        .collect();
    let mut years: Vec<(String, usize)> = Vec::new();
    for (m, n) in &months {
        let y = m.get(..4).unwrap_or(m);
        match years.last_mut() {
            Some((last, count)) if last == y => *count += n,
            _ => years.push((y.to_string(), *n)),
        }
    }
    Ok(Facets {
        reporters: pairs(&f["facet_fields"][schema::REPORTER]),
        years,
        months,
        papers: pairs(&f["facet_fields"][schema::PAPER]),
    })
}
