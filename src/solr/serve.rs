//! `baosou serve --solr URL`: the same page and JSON API as `serve` ([`crate::serve`]),
//! answered from a SolrCloud collection. The page, the parameters, the host guard, the
//! bounded connections and the JSON of hits, facets and articles are the local server's;
//! only the searching is Solr's ([`super::search`]). `/api/search`, `/api/article/{id}`,
//! `/api/reporters` and `/api/info` are answered; `/api/trend`, `/api/kwic` and the CSV
//! export say that they need a local index.

use super::schema::{self, quote};
use super::search as solr_search;
use super::Collection;
use crate::serve::backend::Backend;
use crate::serve::params::{pairs, ApiError, SearchQuery};
use crate::serve::research;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What every request needs: the collection and the time limit of a request.
struct App {
    solr: Collection,
    timeout: Duration,
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Runs `work` on the blocking pool within the request's time limit (`503` past it).
async fn blocking<F>(app: &App, work: F) -> ApiResult
where
    F: FnOnce() -> Result<Value, ApiError> + Send + 'static,
{
    let limit = app.timeout;
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(work)).await {
        Err(_) => Err(ApiError::timed_out(limit)),
        Ok(Ok(result)) => result.map(Json),
        Ok(Err(e)) => Err(ApiError::internal(&anyhow::anyhow!("a search failed: {e}"))),
    }
}

fn internal(e: anyhow::Error) -> ApiError {
    ApiError::internal(&e)
}

/// `GET /api/search`: the local answer's JSON, hits and facets from Solr.
async fn search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> ApiResult {
    if pairs(raw.as_deref()).iter().any(|(k, _)| k == "format") {
        return Err(ApiError::bad(
            "format",
            "format: the CSV export is not served from Solr; use `baosou search --solr URL --format csv`",
        ));
    }
    let params = SearchQuery::parse(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move || {
        let req = params.request()?;
        let started = Instant::now();
        let results = solr_search::search(&work.solr, &req).map_err(internal)?;
        let facets = super::research::facets(&work.solr, &req).map_err(internal)?;
        let took_ms = started.elapsed().as_secs_f64() * 1000.0;
        let hits: Vec<Value> = results.hits.iter().map(crate::render::json::hit).collect();
        Ok(json!({
            "q": params.q,
            "total": results.total,
            "took_ms": took_ms,
            "offset": req.offset,
            "limit": req.limit,
            "sort": match req.sort { crate::query::Sort::Relevance => "relevance", crate::query::Sort::Date => "date" },
            "hits": hits,
            "facets": crate::render::json::facets(&facets),
        }))
    })
    .await
}

/// The documents of a Solr query, in page order, with what rebuilds their articles.
fn documents(solr: &Collection, q: &str, rows: usize) -> anyhow::Result<Vec<Value>> {
    let mut v = solr.get(&format!(
        "select?q={}&fl={},{},{},{}&sort=seq%20asc,id%20asc&rows={rows}&wt=json",
        solr_search::encode(q),
        schema::ID,
        schema::ARTICLE,
        super::marks::PART_OF,
        super::marks::LINKS,
    ))?;
    Ok(v["response"]["docs"]
        .as_array_mut()
        .map(std::mem::take)
        .unwrap_or_default())
}

/// The articles of a Solr query, in page order.
fn articles(
    solr: &Collection,
    q: &str,
    rows: usize,
) -> anyhow::Result<Vec<crate::article::Article>> {
    documents(solr, q, rows)?
        .iter()
        .map(|d| solr_search::article_of(solr, d, true))
        .collect()
}

/// The article shown for the document `id`: its story's whole text when it is a part of
/// one, with its parts and the other printings of its text, as locally
/// ([`crate::query::collapse::resolve`]).
fn resolve(solr: &Collection, id: &str) -> anyhow::Result<Option<crate::article::Article>> {
    let by_id = |id: &str| documents(solr, &format!("{}:{}", schema::ID, quote(id)), 1);
    let mut found = by_id(id)?;
    let story = found
        .first()
        .and_then(|d| d[super::marks::PART_OF].as_str())
        .map(String::from);
    if let Some(story) = story {
        let whole = by_id(&story)?;
        if !whole.is_empty() {
            found = whole;
        }
    }
    found
        .first()
        .map(|d| solr_search::article_of(solr, d, true))
        .transpose()
}

/// `GET /api/article/{id}?q=`: the article, its neighbours on the page and the highlights.
async fn article(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let needles = research::needles_of(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move || {
        let Some(article) = resolve(&work.solr, &id).map_err(internal)? else {
            return Err(ApiError {
                status: StatusCode::NOT_FOUND,
                parameter: Some("id".into()),
                message: format!("no article with id {id}"),
            });
        };
        let page =
            articles(&work.solr, &schema::path_query(&article.path), 500).map_err(internal)?;
        let neighbours: Vec<Value> = page
            .iter()
            .filter(|a| a.id != article.id)
            .map(crate::render::json::neighbour)
            .collect();
        let highlights = research::highlights(&article, &needles);
        Ok(json!({"article": article, "neighbours": neighbours, "highlights": highlights}))
    })
    .await
}

/// The values and counts of a `facet.field` answer.
fn counted(list: &Value) -> Vec<(String, usize)> {
    let list = list.as_array().map(Vec::as_slice).unwrap_or_default();
    list.chunks(2)
        .filter_map(|kv| Some((kv[0].as_str()?.to_string(), kv.get(1)?.as_u64()? as usize)))
        .collect()
}

/// `GET /api/reporters?q=&limit=`: reporters whose name holds `q`, most articles first.
async fn reporters(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> ApiResult {
    let (q, limit) = crate::serve::params::suggestions(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move || {
        let mut path = format!(
            "select?q=*:*&rows=0&wt=json&facet=true&facet.mincount=1&facet.field={}&facet.limit={limit}",
            schema::REPORTER
        );
        if !q.is_empty() {
            path.push_str(&format!("&facet.contains={}", solr_search::encode(&q)));
        }
        let v = work.solr.get(&path).map_err(internal)?;
        let found = counted(&v["facet_counts"]["facet_fields"][schema::REPORTER]);
        Ok(json!({"reporters": crate::render::json::counts("name", &found)}))
    })
    .await
}

/// `GET /api/info`: what the collection holds, as the local answer (no learned profiles).
async fn info(State(app): State<Arc<App>>) -> ApiResult {
    let work = Arc::clone(&app);
    blocking(&app, move || {
        let path = format!(
            "select?q=*:*&rows=0&wt=json&facet=true&facet.mincount=1&facet.limit=-1&facet.field={p}&stats=true&stats.field={d}",
            p = schema::PAPER,
            d = schema::DATE
        );
        let v = work.solr.get(&path).map_err(internal)?;
        let papers = counted(&v["facet_counts"]["facet_fields"][schema::PAPER]);
        let day = |k: &str| {
            v["stats"]["stats_fields"][schema::DATE][k]
                .as_str()
                .and_then(|d| d.get(..10))
                .and_then(crate::day::Day::parse)
        };
        let articles = v["response"]["numFound"].as_u64().unwrap_or(0);
        let dates = day("min").zip(day("max"));
        let holdings =
            crate::render::json::holdings(articles, &papers, dates, &Default::default());
        Ok(Value::Object(holdings))
    })
    .await
}

/// `/api/trend` and `/api/kwic`: not from Solr.
async fn local_only() -> ApiError {
    ApiError {
        status: StatusCode::NOT_IMPLEMENTED,
        parameter: None,
        message: "trends and concordances are not served from Solr; serve a local index for them"
            .into(),
    }
}

/// The local server's routes, answered from the collection.
impl Backend for App {
    async fn search(self: Arc<Self>, raw: Option<String>) -> Response {
        search(State(self), RawQuery(raw)).await.into_response()
    }

    async fn article(self: Arc<Self>, id: String, raw: Option<String>) -> Response {
        article(State(self), Path(id), RawQuery(raw))
            .await
            .into_response()
    }

    async fn reporters(self: Arc<Self>, raw: Option<String>) -> Response {
        reporters(State(self), RawQuery(raw)).await.into_response()
    }

    async fn info(self: Arc<Self>) -> Response {
        info(State(self)).await.into_response()
    }

    async fn trend(self: Arc<Self>, _: Option<String>) -> Response {
        local_only().await.into_response()
    }

    async fn kwic(self: Arc<Self>, _: Option<String>) -> Response {
        local_only().await.into_response()
    }
}

/// Checks the collection, listens on `opts.addr`, prints the URL and serves until Ctrl-C.
pub fn run(url: &str, opts: &crate::serve::Options) -> anyhow::Result<()> {
    let solr = Collection::new(url)?;
    let articles = solr.count()?;
    // The collection without its scheme: the line with `http://` is the page's.
    let collection = solr.url().trim_start_matches("http://").to_string();
    let app = Arc::new(App {
        solr,
        timeout: opts.timeout,
    });
    let serving = format!("the Solr collection {collection} ({articles} articles)");
    crate::serve::listen(app, opts, &serving)
}
