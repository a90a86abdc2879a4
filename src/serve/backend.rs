//! What answers the API: the local index ([`super::App`]) or, for `serve --solr`, a
//! SolrCloud collection (`crate::solr::serve`). [`super::router`] builds the one set of
//! routes, the page, the guard and the fallback over either.

use super::App;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::sync::Arc;

/// The answers of the API routes, each given the raw query string of its request.
pub trait Backend: Send + Sync + 'static {
    /// `GET /api/search`.
    fn search(self: Arc<Self>, raw: Option<String>) -> impl Future<Output = Response> + Send;
    /// `GET /api/article/{id}`.
    fn article(
        self: Arc<Self>,
        id: String,
        raw: Option<String>,
    ) -> impl Future<Output = Response> + Send;
    /// `GET /api/reporters`.
    fn reporters(self: Arc<Self>, raw: Option<String>) -> impl Future<Output = Response> + Send;
    /// `GET /api/info`.
    fn info(self: Arc<Self>) -> impl Future<Output = Response> + Send;
    /// `GET /api/trend`.
    fn trend(self: Arc<Self>, raw: Option<String>) -> impl Future<Output = Response> + Send;
    /// `GET /api/kwic`.
    fn kwic(self: Arc<Self>, raw: Option<String>) -> impl Future<Output = Response> + Send;
}

impl Backend for App {
    async fn search(self: Arc<Self>, raw: Option<String>) -> Response {
        super::api::search(State(self), RawQuery(raw)).await
    }

    async fn article(self: Arc<Self>, id: String, raw: Option<String>) -> Response {
        super::api::article(State(self), Path(id), RawQuery(raw))
            .await
            .into_response()
    }

    async fn reporters(self: Arc<Self>, raw: Option<String>) -> Response {
        super::api::reporters(State(self), RawQuery(raw))
            .await
            .into_response()
    }

    async fn info(self: Arc<Self>) -> Response {
        super::api::info(State(self)).await.into_response()
    }

    async fn trend(self: Arc<Self>, raw: Option<String>) -> Response {
        super::research::trend(State(self), RawQuery(raw)).await
    }

    async fn kwic(self: Arc<Self>, raw: Option<String>) -> Response {
        super::research::kwic(State(self), RawQuery(raw)).await
    }
}
