//! The accept loop: each connection is served by hyper with a time limit on reading a
//! request's headers, and at most [`MAX_CONNECTIONS`] are open at once. When a new one
//! comes at the cap, the connection that has waited longest without a request in progress
//! (a slow client still sending its headers, or an idle keep-alive) is closed to make room,
//! so clients that trickle partial headers cannot keep a normal request out.

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower_service::Service;

/// The most connections open at once.
pub const MAX_CONNECTIONS: usize = 256;

/// How long a client may take to send a request's headers before its connection is closed.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// The open connections: for each, since when it has had no request in progress (`None`
/// while one is), and how to close it.
#[derive(Default)]
struct Open {
    next_id: u64,
    connections: HashMap<u64, (Option<Instant>, Option<oneshot::Sender<()>>)>,
}

#[derive(Default)]
struct Table(Mutex<Open>);

impl Table {
    fn lock(&self) -> MutexGuard<'_, Open> {
        // A panic elsewhere never leaves the table half-written: keep using it.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A place for a new connection: its id and what closes it. At the cap, the connection
    /// idle longest is closed first; when every connection has a request in progress, this
    /// waits for one to end.
    async fn admit(&self) -> (u64, oneshot::Receiver<()>) {
        loop {
            {
                let mut open = self.lock();
                if open.connections.len() >= MAX_CONNECTIONS {
                    let idlest = open
                        .connections
                        .iter()
                        .filter_map(|(id, (idle, _))| idle.map(|t| (t, *id)))
                        .min();
                    if let Some((_, id)) = idlest {
                        if let Some((_, Some(close))) = open.connections.remove(&id) {
                            let _ = close.send(());
                        }
                    }
                }
                if open.connections.len() < MAX_CONNECTIONS {
                    let (close, closed) = oneshot::channel();
                    let id = open.next_id;
                    open.next_id += 1;
                    open.connections
                        .insert(id, (Some(Instant::now()), Some(close)));
                    return (id, closed);
                }
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    fn set_idle(&self, id: u64, idle: bool) {
        if let Some(c) = self.lock().connections.get_mut(&id) {
            c.0 = idle.then(Instant::now);
        }
    }

    fn remove(&self, id: u64) {
        self.lock().connections.remove(&id);
    }
}

/// Marks a connection busy while a request is in progress.
struct Busy {
    table: Arc<Table>,
    id: u64,
}

impl Busy {
    fn new(table: &Arc<Table>, id: u64) -> Busy {
        table.set_idle(id, false);
        Busy {
            table: Arc::clone(table),
            id,
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.table.set_idle(self.id, true);
    }
}

/// Accepts connections on `listener` and serves `router` on each until `shutdown` ends.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let table = Arc::new(Table::default());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was
                    // accepted: wait a moment rather than spin.
                    eprintln!("baosou: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let (id, closed) = tokio::select! {
            place = table.admit() => place,
            () = &mut shutdown => return Ok(()),
        };
        let _ = stream.set_nodelay(true);
        let (table, router) = (Arc::clone(&table), router.clone());
        tokio::spawn(async move {
            let busy_table = Arc::clone(&table);
            let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let busy = Busy::new(&busy_table, id);
                let mut router = router.clone();
                async move {
                    let response = router.call(req.map(axum::body::Body::new)).await;
                    drop(busy);
                    response
                }
            });
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = closed => {}
            }
            table.remove(id);
        });
    }
}
