//! Load on `baosou serve`: several client threads send searches to the real server on
//! 127.0.0.1 for a bounded time and count, then the program prints requests per second
//! and latency percentiles of `/api/search`.
//!
//! ```text
//! cargo bench --bench serve_load            # 8 clients, 10 s, index /tmp/rmrb-index
//! BAOSOU_BENCH_CLIENTS=16 BAOSOU_BENCH_SECS=20 BAOSOU_BENCH_INDEX=DIR cargo bench --bench serve_load
//! ```
//!
//! Without an index there (or with one this build cannot read), it builds one from the dev corpus
//! (`../shared/corpus/rmrb_pages_dev/pages`, not part of the repository); when that is
//! absent too, it says so and measures nothing.

mod common;

use common::{agent, enc, get, Server};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Requests one client sends at most, whatever the time.
const MAX_PER_CLIENT: usize = 100_000;

fn main() {
    let Some(index) = common::dev_index("serve_load", PathBuf::from("/tmp/rmrb-index")) else {
        return;
    };
    let clients = common::env_num("BAOSOU_BENCH_CLIENTS", 8) as usize;
    let secs = common::env_num("BAOSOU_BENCH_SECS", 10);
    run(
        &index,
        clients.max(1),
        Duration::from_secs(secs.clamp(1, 300)),
    );
}

/// The search mix: words alone, pairs, a word by a top reporter, a month browsed by date,
/// a reporter alone.
fn requests(agent: &ureq::Agent, base: &str) -> Vec<String> {
    let reporters: Vec<String> = get(agent, &format!("{base}/api/reporters?limit=20"))
        .and_then(|(_, b)| serde_json::from_str::<Value>(&b).ok())
        .and_then(|v| {
            v["reporters"].as_array().map(|a| {
                a.iter()
                    .filter_map(|r| r["name"].as_str().map(String::from))
                    .collect()
            })
        })
        .unwrap_or_default();
    let months: Vec<String> = get(agent, &format!("{base}/api/search?limit=1"))
        .and_then(|(_, b)| serde_json::from_str::<Value>(&b).ok())
        .and_then(|v| {
            v["facets"]["months"].as_array().map(|a| {
                a.iter()
                    .filter_map(|m| m["month"].as_str().map(String::from))
                    .collect()
            })
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, w) in common::WORDS.iter().enumerate() {
        out.push(format!("/api/search?q={}", enc(w)));
        out.push(format!(
            "/api/search?q={}+{}",
            enc(w),
            enc(common::WORDS[(i + 7) % common::WORDS.len()])
        ));
        if let Some(r) = reporters.get(i % reporters.len().max(1)) {
            out.push(format!("/api/search?q={}&reporter={}", enc(w), enc(r)));
            out.push(format!("/api/search?reporter={}", enc(r)));
        }
        if let Some(m) = months.get(i % months.len().max(1)) {
            out.push(format!("/api/search?from={m}&to={m}&sort=date"));
            out.push(format!(
                "/api/search?q={}&from={m}&to={m}&offset=20",
                enc(w)
            ));
        }
    }
    out
}

fn run(index: &Path, clients: usize, duration: Duration) {
    let server = Server::start("serve_load", index);
    let base = server.base.clone();
    let mix = Arc::new(requests(&agent(10), &base));
    let sender = || {
        let (agent, base) = (agent(10), base.clone());
        move |path: &String| matches!(get(&agent, &format!("{base}{path}")), Some((200, _)))
    };
    let load = common::load(&mix, clients, duration, MAX_PER_CLIENT, sender);
    server.stop();
    println!(
        "serve_load: index {}, {} distinct searches, {clients} clients, {:.1} s",
        index.display(),
        mix.len(),
        load.elapsed
    );
    println!(
        "requests {}  errors {}  {:.0} req/s  {}",
        load.lat.len(),
        load.errors,
        load.rate(),
        load.percentiles()
    );
}
