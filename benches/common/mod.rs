//! What the load benches share: their settings from the environment, the dev-corpus index,
//! the real `baosou serve` on a free loopback port, a small HTTP client, and the client
//! loop (threads sending requests for a bounded time and count) with its percentiles.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Words that occur in a national daily, common and rare, one and several characters.
pub const WORDS: &[&str] = &[
    "疫情",
    "经济",
    "发展",
    "人民",
    "改革",
    "脱贫攻坚",
    "习近平",
    "创新",
    "乡村振兴",
    "疫情防控",
    "复工复产",
    "教育",
    "科技",
    "文化",
    "生态",
    "一带一路",
    "党中央",
    "高质量发展",
    "医疗",
    "就业",
    "农民",
    "长江",
    "扶贫",
    "抗疫",
    "口罩",
    "小康",
    "青年",
    "法治",
    "消费",
    "出口",
];

/// The number in the environment variable `name`, else `default`.
pub fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The repository's folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The dev corpus's pages (not part of the repository).
pub fn dev_pages() -> PathBuf {
    root().join("../shared/corpus/rmrb_pages_dev/pages")
}

/// The index a bench searches: `BAOSOU_BENCH_INDEX`, or the bench's own at `default`. The
/// bench's own is built from the dev corpus when it is missing, and built again when this
/// build cannot read it (an index of an older format); one named by `BAOSOU_BENCH_INDEX` is
/// never rebuilt, only reported. None (having said so) when there is no index and no corpus.
/// Exits on a failed build or an unreadable named index.
pub fn dev_index(bench: &str, default: PathBuf) -> Option<PathBuf> {
    let named = std::env::var_os("BAOSOU_BENCH_INDEX").map(PathBuf::from);
    let owned = named.is_none();
    let index = named.unwrap_or(default);
    let mut rebuild = false;
    if index.join("baosou.json").is_file() {
        let stats = Command::new(env!("CARGO_BIN_EXE_baosou"))
            .args(["stats", "--index"])
            .arg(&index)
            .output();
        match stats {
            Ok(o) if o.status.success() => return Some(index),
            Ok(o) if !owned => {
                eprint!("{bench}: {}", String::from_utf8_lossy(&o.stderr));
                std::process::exit(2);
            }
            _ => rebuild = true,
        }
    }
    let corpus = dev_pages();
    if !corpus.is_dir() {
        println!(
            "{bench}: no usable index at {} and the dev corpus is absent ({}); nothing measured",
            index.display(),
            corpus.display()
        );
        return None;
    }
    println!(
        "{bench}: indexing the dev corpus {} into {}{}",
        corpus.display(),
        index.display(),
        if rebuild {
            " again (this build cannot read the index there)"
        } else {
            ""
        }
    );
    let ok = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(["index", "-q"])
        .arg(&corpus)
        .arg("--index")
        .arg(&index)
        .args(rebuild.then_some("--rebuild"))
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("{bench}: indexing failed");
        std::process::exit(2);
    }
    Some(index)
}

/// An HTTP client that gives up on a request after `secs` and reads every status.
pub fn agent(secs: u64) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(secs)))
        .build()
        .into()
}

/// The status and body of `GET url`, `None` when there was no answer.
pub fn get(agent: &ureq::Agent, url: &str) -> Option<(u16, String)> {
    let mut res = agent.get(url).call().ok()?;
    let status = res.status().as_u16();
    Some((status, res.body_mut().read_to_string().ok()?))
}

/// `s` encoded for a query string.
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The real `baosou serve` on a free loopback port.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Starts the server on `index` and waits for its URL; exits when it does not start.
    pub fn start(bench: &str, index: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_baosou"))
            .args(["serve", "--addr", "127.0.0.1:0", "--index"])
            .arg(index)
            .stdout(Stdio::piped())
            .spawn()
            .expect("baosou serve starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let base = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(at) = line.find("http://") {
                        let url = line[at..].split_whitespace().next().unwrap_or_default();
                        break url.trim_end_matches('/').to_string();
                    }
                }
                _ => {
                    eprintln!("{bench}: the server did not start");
                    let _ = child.kill();
                    std::process::exit(2);
                }
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Server { child, base }
    }

    /// Stops the server.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Milliseconds at percentile `p` of sorted latencies.
pub fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).saturating_sub(1);
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// What a [`load`] measured.
pub struct Load {
    /// The latencies of the requests that succeeded, shortest first.
    pub lat: Vec<Duration>,
    /// Requests that failed.
    pub errors: usize,
    /// Seconds from the first request to the last client's end.
    pub elapsed: f64,
}

impl Load {
    /// Successful requests a second.
    pub fn rate(&self) -> f64 {
        self.lat.len() as f64 / self.elapsed
    }

    /// `p50 … ms  p90 … ms  p95 … ms  p99 … ms  max … ms`.
    pub fn percentiles(&self) -> String {
        format!(
            "p50 {:.1} ms  p90 {:.1} ms  p95 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
            pct(&self.lat, 0.50),
            pct(&self.lat, 0.90),
            pct(&self.lat, 0.95),
            pct(&self.lat, 0.99),
            self.lat.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        )
    }
}

/// `clients` threads send the requests of `mix` in turn (client `t` from the `7 t`-th) for
/// `duration`, each at most `max_per_client`, after one warm-up pass over the mix. Each
/// thread sends with its own sender from `sender`, which says whether a request succeeded.
pub fn load<T, S, F>(
    mix: &Arc<Vec<T>>,
    clients: usize,
    duration: Duration,
    max_per_client: usize,
    sender: S,
) -> Load
where
    T: Send + Sync + 'static,
    S: Fn() -> F,
    F: FnMut(&T) -> bool + Send + 'static,
{
    let mut warm = sender();
    for r in mix.iter() {
        let _ = warm(r);
    }
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|t| {
            let (mix, stop, mut send) = (Arc::clone(mix), Arc::clone(&stop), sender());
            std::thread::spawn(move || {
                let (mut lat, mut errors, mut i) = (Vec::new(), 0usize, t * 7);
                while !stop.load(Ordering::Relaxed) && lat.len() < max_per_client {
                    let t0 = Instant::now();
                    if send(&mix[i % mix.len()]) {
                        lat.push(t0.elapsed());
                    } else {
                        errors += 1;
                    }
                    i += 1;
                }
                (lat, errors)
            })
        })
        .collect();
    while started.elapsed() < duration {
        std::thread::sleep(Duration::from_millis(20));
    }
    stop.store(true, Ordering::Relaxed);
    let (mut lat, mut errors) = (Vec::new(), 0);
    for t in threads {
        if let Ok((l, e)) = t.join() {
            lat.extend(l);
            errors += e;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    lat.sort();
    Load {
        lat,
        errors,
        elapsed,
    }
}
