//! `baosou serve`: a local web page and JSON API over an index.
//!
//! The page ([`page`]) is one HTML file with its script and style sheet, all embedded in
//! the binary: no network, no build step. The API ([`api`]) answers the page and scripts
//! alike: `GET /api/search`, `GET /api/article/{id}`, `GET /api/reporters` and
//! `GET /api/info`. Searches run on tokio's blocking pool, so a slow query never stalls
//! the server, and each API request has a time limit ([`DEFAULT_TIMEOUT_SECS`]): past it,
//! or when the client goes away, its search stops, and the answer is `503`.
//!
//! Connections are bounded ([`conn`]), and every request passes the `Host` check and gets
//! its security headers in [`guard`].

pub mod api;
pub mod backend;
pub mod conn;
pub mod guard;
pub mod page;
pub mod params;
pub mod research;
pub mod work;

use crate::index::Store;
use anyhow::Context;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use backend::Backend;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tantivy::IndexReader;

/// The address `serve` listens on unless told otherwise: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7700";

/// Seconds an API request may take unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT_SECS: u64 = 5;

/// How `serve` runs, from its flags.
#[derive(Debug, Clone)]
pub struct Options {
    /// `HOST:PORT` to listen on.
    pub addr: String,
    /// Host names answered besides loopback ones.
    pub allow_hosts: Vec<String>,
    /// The time limit of one API request.
    pub timeout: Duration,
}

/// What every request needs: the open index, a reader that follows its commits, and the
/// time limit of a request.
pub struct App {
    /// The index.
    pub store: Store,
    /// Its reader, reloaded as the index grows.
    pub reader: IndexReader,
    /// The time an API request may take.
    pub timeout: Duration,
    /// Where long searches take turns.
    pub heavy: Arc<crate::query::Gate>,
}

impl App {
    /// Opens the index in `dir`.
    pub fn open(dir: &std::path::Path) -> anyhow::Result<App> {
        let store = Store::open(dir)?;
        let reader = store.reader()?;
        // Load jieba's dictionary now rather than on the first search.
        crate::schema::words("报搜");
        Ok(App {
            store,
            reader,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            heavy: Arc::default(),
        })
    }
}

/// The routes: the page and its assets, then the API answered by `app`, behind the
/// [`guard`] that answers only `hosts`.
pub fn router<B: Backend>(app: Arc<B>, hosts: guard::Hosts) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/style.css", get(page::style))
        .route(
            "/api/search",
            get(|State(b): State<Arc<B>>, RawQuery(raw): RawQuery| b.search(raw)),
        )
        .route(
            "/api/article/{id}",
            get(
                |State(b): State<Arc<B>>,
                 id: Result<Path<String>, PathRejection>,
                 RawQuery(raw): RawQuery| async move {
                    match id {
                        Ok(Path(id)) => b.article(id, raw).await,
                        Err(e) => params::ApiError::bad("id", format!("id: {e}")).into_response(),
                    }
                },
            ),
        )
        .route(
            "/api/reporters",
            get(|State(b): State<Arc<B>>, RawQuery(raw): RawQuery| b.reporters(raw)),
        )
        .route("/api/info", get(|State(b): State<Arc<B>>| b.info()))
        .route(
            "/api/trend",
            get(|State(b): State<Arc<B>>, RawQuery(raw): RawQuery| b.trend(raw)),
        )
        .route(
            "/api/kwic",
            get(|State(b): State<Arc<B>>, RawQuery(raw): RawQuery| b.kwic(raw)),
        )
        .fallback(api::not_found)
        .with_state(app)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(hosts),
            guard::guard,
        ))
}

/// Serves `app` on a bound listener until Ctrl-C.
pub async fn serve<B: Backend>(
    listener: tokio::net::TcpListener,
    app: Arc<B>,
    hosts: guard::Hosts,
) -> anyhow::Result<()> {
    conn::serve(listener, router(app, hosts), async {
        // Without a signal handler the server simply runs until it is killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
    .await
    .context("the server stopped")
}

/// Opens the index, listens on `opts.addr`, prints the URL and serves until Ctrl-C.
pub fn run(dir: &std::path::Path, opts: &Options) -> anyhow::Result<()> {
    let mut app = App::open(dir)?;
    app.timeout = opts.timeout;
    let articles = app.reader.searcher().num_docs();
    let serving = format!("{} ({articles} articles)", dir.display());
    listen(Arc::new(app), opts, &serving)
}

/// Listens on `opts.addr`, prints what is served (`serving`) and the URL, and serves `app`
/// until Ctrl-C.
pub fn listen<B: Backend>(app: Arc<B>, opts: &Options, serving: &str) -> anyhow::Result<()> {
    let addr = opts.addr.as_str();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("--addr {addr}: cannot listen there"))?;
        let local: SocketAddr = listener
            .local_addr()
            .with_context(|| format!("--addr {addr}: cannot listen there"))?;
        let mut names = opts.allow_hosts.clone();
        if !local.ip().is_loopback() {
            eprintln!(
                "baosou: warning: listening on {local}, which other machines may reach; \
                 the archive is served to anyone who connects by address or by a name \
                 given with --allow-host"
            );
            // The address itself, when it is one: no rebinding can make it another host's.
            if !local.ip().is_unspecified() {
                names.push(local.to_string());
            }
        }
        println!("baosou: serving {serving}");
        println!("baosou: open http://{local}/ (Ctrl-C stops)");
        use std::io::Write;
        std::io::stdout().flush().ok();
        serve(listener, app, guard::Hosts::new(&names)).await
    })
}
