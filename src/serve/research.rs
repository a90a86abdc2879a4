//! The API of the research views: every hit as CSV (`/api/search?format=csv`), term trends
//! (`/api/trend`) and the concordance (`/api/kwic`). Filters are read as `/api/search`
//! reads them; the words of these routes are read here.

use super::params::{pairs, ApiError, SearchQuery};
use super::work::blocking;
use super::App;
use crate::query::trend::{self, Period};
use crate::query::{self, every};
use crate::render;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::io::Write;
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

/// What `/api/search` answers in: `format=json` (or none), or `format=csv`, every hit
/// as `search --format csv` writes it, as an attachment.
pub enum Format {
    /// `format=json` or none: the usual answer.
    Json,
    /// `format=csv`: every hit as CSV.
    Csv,
}

/// The `format` of an `/api/search` query string, and the query string without it.
pub fn format(raw: Option<&str>) -> Result<(Format, String), ApiError> {
    let (rest, taken) = take(raw, &["format"]);
    match taken.last().map(|(_, v)| v.trim()) {
        None | Some("") | Some("json") => Ok((Format::Json, rest)),
        Some("csv") => Ok((Format::Csv, rest)),
        Some(other) => Err(ApiError::bad(
            "format",
            format!("format {other}: use json or csv"),
        )),
    }
}

/// Every hit of the search in `raw`, as a CSV attachment.
pub async fn csv(app: Arc<App>, raw: String) -> Response {
    let req = match SearchQuery::parse(Some(&raw)).and_then(|p| p.request()) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    // The rows are written on the blocking pool and sent on in chunks as they come, so
    // the server holds a few chunks, never the whole export.
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tokio::task::spawn_blocking(move || {
        let searcher = app.reader.searcher();
        let mut out = Chunks::new(tx);
        let written = render::csv::header(&mut out).and_then(|_| {
            every::for_each_hit(&app.store, &searcher, &req, |a, s| {
                render::csv::hit(&mut out, a, s)?;
                Ok(true)
            })
        });
        match written.and_then(|_| out.flush().map_err(Into::into)) {
            Ok(()) => {}
            // The client went away: nothing more to send.
            Err(e) if crate::commands::is_broken_pipe(&e) => {}
            Err(e) => {
                eprintln!("baosou: an export failed: {e:#}");
                out.fail(&e);
            }
        }
    });
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"baosou-hits.csv\"",
            ),
        ],
        Body::from_stream(Received(rx)),
    )
        .into_response()
}

/// Bytes sent on in chunks of about [`Chunks::SIZE`].
type Chunk = Result<Vec<u8>, std::io::Error>;

/// A writer that sends what it is given to the response, a chunk at a time.
struct Chunks {
    tx: tokio::sync::mpsc::Sender<Chunk>,
    buf: Vec<u8>,
}

impl Chunks {
    const SIZE: usize = 64 * 1024;

    fn new(tx: tokio::sync::mpsc::Sender<Chunk>) -> Chunks {
        Chunks {
            tx,
            buf: Vec::with_capacity(Chunks::SIZE),
        }
    }

    /// Ends the body with an error, so that the client sees a broken download rather
    /// than a short one.
    fn fail(&mut self, e: &anyhow::Error) {
        let _ = self
            .tx
            .blocking_send(Err(std::io::Error::other(format!("{e:#}"))));
    }
}

impl Write for Chunks {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= Chunks::SIZE {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(Chunks::SIZE));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }
}

/// The receiving end of [`Chunks`], as the stream of a response body.
struct Received(tokio::sync::mpsc::Receiver<Chunk>);

impl futures_core::Stream for Received {
    type Item = Chunk;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Chunk>> {
        self.0.poll_recv(cx)
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
