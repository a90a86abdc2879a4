//! The API of the research views: every hit as CSV (`/api/search?format=csv`), term trends
//! (`/api/trend`) and the concordance (`/api/kwic`). Filters are read as `/api/search`
//! reads them; the words of these routes are read here.

use super::api::blocking;
use super::params::{pairs, ApiError, SearchQuery};
use super::App;
use crate::query::trend::{self, Period};
use crate::query::{self, every};
use crate::render;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::sync::Arc;

/// The most queries one trend compares.
pub const MAX_TREND_QUERIES: usize = 5;
/// Concordance lines unless `limit` says otherwise, and the most of them.
const KWIC_LINES: usize = 200;
const MAX_KWIC_LINES: usize = 2000;
/// The widest context of a concordance line, in characters.
const MAX_CONTEXT: usize = 100;

/// The query string without the parameters in `taken`, and the values of those.
fn take(raw: Option<&str>, taken: &[&str]) -> (String, Vec<(String, String)>) {
    let mut rest = form_urlencoded::Serializer::new(String::new());
    let mut values = Vec::new();
    for (k, v) in pairs(raw) {
        if taken.contains(&k.as_str()) {
            values.push((k, v));
        } else {
            rest.append_pair(&k, &v);
        }
    }
    (rest.finish(), values)
}

/// A number parameter from `lo`, at most `hi`.
fn number(name: &str, v: &str, lo: usize, hi: usize) -> Result<usize, ApiError> {
    v.trim()
        .parse::<usize>()
        .ok()
        .filter(|&n| n >= lo)
        .map(|n| n.min(hi))
        .ok_or_else(|| ApiError::bad(name, format!("{name} {v}: not a number from {lo}")))
}

/// `GET /api/search?format=csv&…`: every hit of the search, as `search --format csv`
/// writes it, as an attachment. `format=json` (or none) is the usual answer.
pub async fn search(app: Arc<App>, raw: Option<String>) -> Response {
    let (rest, taken) = take(raw.as_deref(), &["format"]);
    let format = taken.last().map(|(_, v)| v.trim().to_string());
    match format.as_deref() {
        None | Some("") | Some("json") => super::api::search_json(app, Some(rest))
            .await
            .into_response(),
        Some("csv") => csv(app, rest).await,
        Some(other) => {
            ApiError::bad("format", format!("format {other}: use json or csv")).into_response()
        }
    }
}

async fn csv(app: Arc<App>, raw: String) -> Response {
    let params = match SearchQuery::parse(Some(&raw)) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let work = tokio::task::spawn_blocking(move || -> Result<Vec<u8>, ApiError> {
        let req = params.request()?;
        let searcher = app.reader.searcher();
        let mut out = Vec::new();
        render::csv::header(&mut out).map_err(|e| ApiError::internal(&e))?;
        every::for_each_hit(&app.store, &searcher, &req, |a, s| {
            render::csv::hit(&mut out, a, s)?;
            Ok(true)
        })
        .map_err(|e| ApiError::internal(&e))?;
        Ok(out)
    })
    .await;
    match work {
        Ok(Ok(body)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"baosou-hits.csv\"",
                ),
            ],
            body,
        )
            .into_response(),
        Ok(Err(e)) => e.into_response(),
        Err(e) => ApiError::internal(&anyhow::anyhow!("an export failed: {e}")).into_response(),
    }
}

/// `GET /api/trend?q=疫情&q=防疫&by=year|month|day&reporter=&from=&to=&paper=&page=`: per
/// period, the articles printed and each query's matches:
/// `{"by", "queries", "undated", "periods": [{"period", "articles", "counts", "shares"}]}`.
pub async fn trend(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let (rest, taken) = take(raw.as_deref(), &["q", "by"]);
    let mut queries = Vec::new();
    let mut period = Period::Month;
    for (k, v) in taken {
        let v = v.trim();
        if k == "by" {
            period = match v {
                "year" => Period::Year,
                "month" | "" => Period::Month,
                "day" => Period::Day,
                _ => {
                    return ApiError::bad("by", format!("by {v}: use year, month or day"))
                        .into_response()
                }
            };
        } else if !v.is_empty() {
            if queries.len() == MAX_TREND_QUERIES {
                let msg = format!("at most {MAX_TREND_QUERIES} q parameters");
                return ApiError::bad("q", msg).into_response();
            }
            match query::parse(v) {
                Ok(p) => queries.push((v.to_string(), p)),
                Err(e) => return ApiError::bad("q", format!("q: {e:#}")).into_response(),
            }
        }
    }
    let params = match SearchQuery::parse(Some(&rest)) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let work = Arc::clone(&app);
    blocking(&app, move |_| {
        let app = work;
        let req = params.request()?;
        let searcher = app.reader.searcher();
        let t = trend::trend(&app.store, &searcher, &req, &queries, period)
            .map_err(|e| ApiError::internal(&e))?;
        Ok(render::trend::value(&t))
    })
    .await
    .into_response()
}

/// `GET /api/kwic?q=&context=20&limit=200&…filters`: the concordance of a search, oldest
/// article first: `{"q", "lines": [{"left", "hit", "right", "id", "date", "page",
/// "headline"}], "more"}`, `more` saying whether lines were left out.
pub async fn kwic(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    let (rest, taken) = take(raw.as_deref(), &["context", "limit"]);
    let mut context = 20;
    let mut limit = KWIC_LINES;
    for (k, v) in taken {
        let n = if k == "context" {
            number(&k, &v, 1, MAX_CONTEXT).map(|n| context = n)
        } else {
            number(&k, &v, 1, MAX_KWIC_LINES).map(|n| limit = n)
        };
        if let Err(e) = n {
            return e.into_response();
        }
    }
    let params = match SearchQuery::parse(Some(&rest)) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let work = Arc::clone(&app);
    blocking(&app, move |stop| {
        let app = work;
        let req = params.request()?;
        let needles = every::needles(&req);
        if needles.is_empty() {
            return Err(ApiError::bad("q", "the concordance needs words in q"));
        }
        let searcher = app.reader.searcher();
        let mut lines = Vec::new();
        let mut more = false;
        every::for_each_hit(&app.store, &searcher, &req, |a, _| {
            stop.check()?;
            for l in render::kwic::lines(a, &needles, context) {
                if lines.len() == limit {
                    more = true;
                    return Ok(false);
                }
                lines.push(render::kwic::value(&l, a));
            }
            Ok(true)
        })
        .map_err(|e| ApiError::internal(&e))?;
        Ok(json!({"q": params.q, "lines": lines, "more": more}))
    })
    .await
    .into_response()
}

/// The words to highlight from the `q` of a query string (the only parameter the reading
/// view takes).
pub fn needles_of(raw: Option<&str>) -> Result<Vec<String>, ApiError> {
    let mut needles = Vec::new();
    for (k, v) in pairs(raw) {
        if k != "q" {
            let msg = format!("unknown parameter {k}; the article takes only q");
            return Err(ApiError::bad(&k, msg));
        }
        let parsed = query::parse(&v).map_err(|e| ApiError::bad("q", format!("q: {e:#}")))?;
        needles.extend(parsed.positive_atoms().map(|a| a.text.clone()));
    }
    Ok(needles)
}

/// What `needles` match in an article, as the snippet highlighter finds it: character
/// ranges of the headline, kicker, each subheadline, the body (over the whole body, line
/// breaks counted) and each caption, and the reporters whose names match.
pub fn highlights(a: &crate::article::Article, needles: &[String]) -> serde_json::Value {
    use crate::query::snippet::highlight_all;
    let each = |texts: &[String]| -> Vec<Vec<[usize; 2]>> {
        texts.iter().map(|t| highlight_all(t, needles)).collect()
    };
    let reporters: Vec<&str> = a
        .reporter_names()
        .into_iter()
        .filter(|n| !highlight_all(n, needles).is_empty())
        .collect();
    json!({
        "headline": highlight_all(&a.headline, needles),
        "kicker": highlight_all(a.kicker.as_deref().unwrap_or_default(), needles),
        "subheadlines": each(&a.subheadlines),
        "body": highlight_all(&a.body, needles),
        "captions": each(&a.captions),
        "reporters": reporters,
    })
}
