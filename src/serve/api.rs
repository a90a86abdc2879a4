//! The JSON API. Hits are the CLI's (`render::json::hit`), articles are `show --json`'s,
//! and every error is `{"error", "parameter"}` with a 4xx or 5xx status.

use super::params::{ApiError, SearchQuery};
use super::research::Format;
use super::App;
use crate::article::Article;
use crate::query::{self, terms, Stop};
use crate::render;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Instant;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// Reporters listed in the facets of a search.
const FACET_REPORTERS: usize = 20;
/// The most articles read from one page file for the neighbours.
const MAX_NEIGHBOURS: usize = 500;

use super::work::{blocking, ApiResult};

/// `GET /api/search?q=&reporter=&date=&from=&to=&paper=&page=&sort=&limit=&offset=`:
/// `{"q", "total", "took_ms", "offset", "limit", "hits": [...], "facets": {...}}`; with
/// `format=csv`, every hit as a CSV attachment ([`super::research::csv`]).
pub async fn search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Response {
    match super::research::format(raw.as_deref()) {
        Err(e) => e.into_response(),
        Ok((Format::Json, rest)) => search_json(app, Some(rest)).await.into_response(),
        Ok((Format::Csv, rest)) => super::research::csv(app, rest).await,
    }
}

/// The JSON answer of `/api/search`.
async fn search_json(app: Arc<App>, raw: Option<String>) -> ApiResult {
    let params = SearchQuery::parse(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move |stop| run_search(&work, &params, stop)).await
}

fn run_search(app: &App, params: &SearchQuery, stop: &Stop) -> Result<Value, ApiError> {
    let req = params.request()?;
    let started = Instant::now();
    let searcher = app.reader.searcher();
    let (results, facets) =
        query::search_faceted(&app.store, &searcher, &req, stop, FACET_REPORTERS)
            .map_err(|e| ApiError::internal(&e))?;
    stop.check().map_err(|e| ApiError::internal(&e.into()))?;
    let took_ms = started.elapsed().as_secs_f64() * 1000.0;
    let hits: Vec<Value> = results.hits.iter().map(render::json::hit).collect();
    Ok(json!({
        "q": params.q,
        "total": results.total,
        "took_ms": took_ms,
        "offset": req.offset,
        "limit": req.limit,
        "sort": match req.sort { query::Sort::Relevance => "relevance", query::Sort::Date => "date" },
        "hits": hits,
        "facets": render::json::facets(&facets),
    }))
}

/// `GET /api/article/{id}?q=`: `{"article": <as show --json>, "neighbours": [...],
/// "highlights": {...}}`, the neighbours being the other articles of the same page file in
/// page order, the highlights what `q` matches ([`super::research::highlights`]).
pub async fn article(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult {
    let needles = super::research::needles_of(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move |_| {
        let app = work;
        let searcher = app.reader.searcher();
        let found =
            query::find_by_id(&app.store, &searcher, &id).map_err(|e| ApiError::internal(&e))?;
        let Some(article) = found else {
            return Err(ApiError {
                status: StatusCode::NOT_FOUND,
                parameter: Some("id".into()),
                message: format!("no article with id {id}"),
            });
        };
        let article = query::collapse::resolve(&app.store, &searcher, article, true)
            .map_err(|e| ApiError::internal(&e))?;
        let neighbours =
            neighbours(&app, &searcher, &article).map_err(|e| ApiError::internal(&e))?;
        let highlights = super::research::highlights(&article, &needles);
        Ok(json!({"article": article, "neighbours": neighbours, "highlights": highlights}))
    })
    .await
}

/// The other articles from the same page file, in page order.
fn neighbours(
    app: &App,
    searcher: &tantivy::Searcher,
    article: &Article,
) -> anyhow::Result<Vec<Value>> {
    let q = TermQuery::new(
        Term::from_field_text(app.store.fields.path, &article.path),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&q, &TopDocs::with_limit(MAX_NEIGHBOURS).order_by_score())?;
    let mut same_page = Vec::new();
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let a = app.store.article(&doc)?;
        if a.id != article.id {
            same_page.push(a);
        }
    }
    same_page.sort_by_key(|a| a.seq);
    Ok(same_page.iter().map(render::json::neighbour).collect())
}

/// `GET /api/reporters?q=&limit=`: reporters whose name holds `q`, most articles first:
/// `{"reporters": [{"name", "count"}]}`.
pub async fn reporters(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> ApiResult {
    let (q, limit) = super::params::suggestions(raw.as_deref())?;
    let work = Arc::clone(&app);
    blocking(&app, move |_| {
        let app = work;
        let searcher = app.reader.searcher();
        let found = terms::ranked(
            &searcher,
            app.store.fields.reporter,
            |name| name.contains(&q),
            limit,
        )
        .map_err(|e| ApiError::internal(&e))?;
        Ok(json!({ "reporters": render::json::counts("name", &found) }))
    })
    .await
}

/// `GET /api/info`: what the index holds, for the page's filters:
/// `{"articles", "papers": [{"paper", "count"}], "first_date", "last_date", "profiles"}`,
/// `profiles` as `stats --json` gives them.
pub async fn info(State(app): State<Arc<App>>) -> ApiResult {
    let work = Arc::clone(&app);
    blocking(&app, move |_| {
        let app = work;
        let searcher = app.reader.searcher();
        let f = app.store.fields;
        let papers = terms::ranked(&searcher, f.paper, |_| true, usize::MAX)
            .map_err(|e| ApiError::internal(&e))?;
        let dates = terms::date_range(&searcher, f.date).map_err(|e| ApiError::internal(&e))?;
        let profiles = crate::index::profiles::load(&app.store.dir);
        let holdings = render::json::holdings(searcher.num_docs(), &papers, dates, &profiles);
        Ok(Value::Object(holdings))
    })
    .await
}

/// Anything else: a JSON `404`.
pub async fn not_found(uri: Uri) -> Response {
    ApiError {
        status: StatusCode::NOT_FOUND,
        parameter: None,
        message: format!("{}: no such page; the API is /api/search, /api/article/ID, /api/reporters, /api/info, /api/trend and /api/kwic", uri.path()),
    }
    .into_response()
}
