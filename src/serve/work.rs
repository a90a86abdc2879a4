//! Index work for a request, on the blocking pool and within the request's time limit.

use super::params::ApiError;
use super::App;
use crate::query::Stop;
use axum::http::StatusCode;
use axum::Json;
use serde_json::Value;
use std::sync::Arc;

/// What an API handler answers: a JSON value, or an error with its status.
pub type ApiResult = Result<Json<Value>, ApiError>;

/// Stops the work of a request when dropped: when the answer is sent, the time is up, or
/// the client has gone away (hyper then drops the handler).
struct CancelOnDrop(Stop);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Runs index work on the blocking pool, so that searches never hold up the server, within
/// the request's time limit: past it the answer is `503`, and the work, which looks at its
/// [`Stop`], gives up.
pub async fn blocking<F>(app: &App, work: F) -> ApiResult
where
    F: FnOnce(&Stop) -> Result<Value, ApiError> + Send + 'static,
{
    let limit = app.timeout;
    let stop = Stop::after(limit);
    let _cancel = CancelOnDrop(stop.clone());
    let heavy = Arc::clone(&app.heavy);
    let task = tokio::task::spawn_blocking(move || {
        let stop = stop.with_gate(&heavy);
        let result = work(&stop);
        stop.release();
        result
    });
    match tokio::time::timeout(limit, task).await {
        Err(_) => Err(ApiError::timed_out(limit)),
        Ok(Ok(Err(e))) if e.status == StatusCode::SERVICE_UNAVAILABLE => {
            Err(ApiError::timed_out(limit))
        }
        // A failure may be a damaged index file: then say so, and how to mend it.
        Ok(Ok(Err(e))) if e.status == StatusCode::INTERNAL_SERVER_ERROR => {
            Err(match app.store.verify() {
                Err(damage) => ApiError::internal(&damage),
                Ok(()) => e,
            })
        }
        Ok(Ok(result)) => result.map(Json),
        Ok(Err(e)) => Err(ApiError::internal(&anyhow::anyhow!("a search failed: {e}"))),
    }
}
