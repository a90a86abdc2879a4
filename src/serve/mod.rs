//! `baosou serve`: a local web page and JSON API over an index.
//!
//! The page ([`page`]) is one HTML file with its script and style sheet, all embedded in
//! the binary: no network, no build step. The API ([`api`]) answers the page and scripts
//! alike: `GET /api/search`, `GET /api/article/{id}`, `GET /api/reporters` and
//! `GET /api/info`. Searches run on tokio's blocking pool, so a slow query never stalls
//! the server.

pub mod api;
pub mod page;
pub mod params;
pub mod research;

use crate::index::Store;
use anyhow::Context;
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tantivy::IndexReader;

/// The address `serve` listens on unless told otherwise: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:7700";

/// What every request needs: the open index and a reader that follows its commits.
pub struct App {
    pub store: Store,
    pub reader: IndexReader,
}

impl App {
    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> anyhow::Result<App> {
        let store = Store::open(dir)?;
        let reader = store.reader()?;
        // Load jieba's dictionary now rather than on the first search.
        crate::schema::words("报搜");
        Ok(App { store, reader })
    }
}

/// The routes: the page and its assets, then the API.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/style.css", get(page::style))
        .route("/api/search", get(api::search))
        .route("/api/article/{id}", get(api::article))
        .route("/api/reporters", get(api::reporters))
        .route("/api/info", get(api::info))
        .route("/api/trend", get(research::trend))
        .route("/api/kwic", get(research::kwic))
        .fallback(api::not_found)
        .with_state(app)
}

/// Serves on a bound listener until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> anyhow::Result<()> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(async {
            // Without a signal handler the server simply runs until it is killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .context("the server stopped")
}

/// Opens the index, listens on `addr`, prints the URL and serves until Ctrl-C.
pub fn run(dir: &Path, addr: &str) -> anyhow::Result<()> {
    let app = Arc::new(App::open(dir)?);
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
        if !local.ip().is_loopback() {
            eprintln!(
                "baosou: warning: listening on {local}, which other machines may reach; \
                 the archive is served to anyone who connects"
            );
        }
        let articles = app.reader.searcher().num_docs();
        println!("baosou: serving {} ({articles} articles)", dir.display());
        println!("baosou: open http://{local}/ (Ctrl-C stops)");
        use std::io::Write;
        std::io::stdout().flush().ok();
        serve(listener, app).await
    })
}
