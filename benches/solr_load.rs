//! SolrCloud against the local index, in the same run: indexing throughput into the
//! collection as a ratio to local indexing, then search latency with N client threads
//! through Solr (`baosou::solr::search`, what `search --solr` and `serve --solr` run) and
//! through the local index (`baosou::query::search`), the same mix of searches for each.
//!
//! ```text
//! solr/cluster.sh start /tmp/solr      # prints the collection URL
//! BAOSOU_SOLR_URL=URL cargo bench --bench solr_load              # 8 clients, 10 s each
//! BAOSOU_BENCH_CLIENTS=1 BAOSOU_BENCH_SECS=20 BAOSOU_SOLR_URL=URL cargo bench --bench solr_load
//! ```
//!
//! The pages are the dev corpus (`../shared/corpus/rmrb_pages_dev/pages`, not part of the
//! repository; `BAOSOU_BENCH_PAGES` names another folder). Without a collection URL or the
//! pages it says so and measures nothing. The collection is emptied and filled again.

mod common;

use baosou::query::{self, Params, Request, Results};
use baosou::solr::Collection;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Searches one client runs at most, whatever the time.
const MAX_PER_CLIENT: usize = 20_000;

/// Words of the mix: the first 20 of `serve_load`'s.
const WORDS: &[&str] = common::WORDS.split_at(20).0;

/// Runs `baosou index` with these arguments and returns the seconds it took.
fn index(args: &[&str], pages: &Path) -> f64 {
    let started = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .arg("index")
        .arg("-q")
        .arg(pages)
        .args(args)
        .output()
        .expect("the baosou binary runs");
    if !o.status.success() {
        eprintln!(
            "solr_load: index {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        std::process::exit(2);
    }
    started.elapsed().as_secs_f64()
}

fn main() {
    let pages = std::env::var_os("BAOSOU_BENCH_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(common::dev_pages);
    let Some(url) = std::env::var("BAOSOU_SOLR_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        println!("solr_load: BAOSOU_SOLR_URL is not set (solr/cluster.sh start DIR prints it); nothing measured");
        return;
    };
    if !pages.is_dir() {
        println!(
            "solr_load: no pages at {}; nothing measured",
            pages.display()
        );
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (local, state) = (dir.path().join("local"), dir.path().join("state"));
    let local_arg = local.to_str().expect("a UTF-8 path");
    let state_arg = state.to_str().expect("a UTF-8 path");

    // Local, Solr, local again: the ratio is against the mean of the two local runs, so that
    // a load that comes or goes during the run weighs on both sides.
    let l1 = index(&["--index", local_arg, "--rebuild"], &pages);
    let s = index(
        &["--solr", &url, "--solr-state", state_arg, "--rebuild"],
        &pages,
    );
    let l2 = index(&["--index", local_arg, "--rebuild"], &pages);
    let store = baosou::index::Store::open(&local).expect("the local index opens");
    let searcher = store.reader().expect("a reader").searcher();
    let articles = searcher.num_docs();
    let solr = Collection::new(&url).expect("a collection URL");
    let held = solr.count().expect("the collection answers");
    let mean = (l1 + l2) / 2.0;
    println!(
        "solr_load: {} — {articles} articles locally, {held} in the collection",
        pages.display()
    );
    println!(
        "index: local {l1:.1} s and {l2:.1} s ({:.0} articles/s), Solr {s:.1} s ({:.0} articles/s): Solr/local throughput {:.2}",
        articles as f64 / mean,
        held as f64 / s,
        mean / s
    );

    let clients = common::env_num("BAOSOU_BENCH_CLIENTS", 8).max(1) as usize;
    let secs = Duration::from_secs(common::env_num("BAOSOU_BENCH_SECS", 10).clamp(1, 300));
    let mix = Arc::new(requests());
    let solr = Arc::new(solr);
    let s = Arc::clone(&solr);
    let through_solr = move |r: &Request| baosou::solr::search::search(&s, r);
    let store = Arc::new(store);
    let (st, reader) = (Arc::clone(&store), store.reader().expect("a reader"));
    let through_local = move |r: &Request| query::search(&st, &reader.searcher(), r);
    load("Solr", &mix, clients, secs, through_solr);
    load("local", &mix, clients, secs, through_local);
}

/// The mix: each word alone, with another, and browsed by date in a month of the corpus.
fn requests() -> Vec<Request> {
    let mut out = Vec::new();
    for (i, w) in WORDS.iter().enumerate() {
        let pair = format!("{w} {}", WORDS[(i + 7) % WORDS.len()]);
        let month = format!("2019-{:02}", 2 + i % 11);
        for p in [
            Params {
                q: w,
                limit: 10,
                ..Params::default()
            },
            Params {
                q: &pair,
                limit: 10,
                ..Params::default()
            },
            Params {
                q: w,
                date: month.parse().ok(),
                limit: 10,
                offset: 10,
                ..Params::default()
            },
        ] {
            out.push(p.request().expect("a request of the mix"));
        }
    }
    out
}

/// `clients` threads run the mix for `duration` (each at most [`MAX_PER_CLIENT`]
/// searches), then the latency percentiles are printed.
fn load<F>(name: &str, mix: &Arc<Vec<Request>>, clients: usize, duration: Duration, search: F)
where
    F: Fn(&Request) -> anyhow::Result<Results> + Send + Sync + Clone + 'static,
{
    let sender = || {
        let search = search.clone();
        move |r: &Request| search(r).is_ok()
    };
    let load = common::load(mix, clients, duration, MAX_PER_CLIENT, sender);
    println!(
        "{name:5} {clients} clients {:.1} s: searches {}  errors {}  {:.0}/s  {}",
        load.elapsed,
        load.lat.len(),
        load.errors,
        load.rate(),
        load.percentiles()
    );
}
