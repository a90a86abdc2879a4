//! Load on `baosou serve`: several client threads send searches to the real server on
//! 127.0.0.1 for a bounded time and count, then the program prints requests per second
//! and latency percentiles of `/api/search`.
//!
//! ```text
//! cargo bench --bench serve_load            # 8 clients, 10 s, index /tmp/rmrb-index
//! BAOSOU_BENCH_CLIENTS=16 BAOSOU_BENCH_SECS=20 BAOSOU_BENCH_INDEX=DIR cargo bench --bench serve_load
//! ```
//!
//! Without an index there, it builds one from the dev corpus
//! (`../shared/corpus/rmrb_pages_dev/pages`, not part of the repository); when that is
//! absent too, it says so and measures nothing.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Requests one client sends at most, whatever the time.
const MAX_PER_CLIENT: usize = 100_000;

/// Words that occur in a national daily, common and rare, one and several characters.
const WORDS: &[&str] = &[
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

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let index = std::env::var_os("BAOSOU_BENCH_INDEX")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/rmrb-index"));
    let corpus = root.join("../shared/corpus/rmrb_pages_dev/pages");
    if !index.join("baosou.json").is_file() {
        if !corpus.is_dir() {
            println!(
                "serve_load: no index at {} and the dev corpus is absent ({}); nothing measured",
                index.display(),
                corpus.display()
            );
            return;
        }
        println!(
            "serve_load: indexing the dev corpus {} into {}",
            corpus.display(),
            index.display()
        );
        let ok = Command::new(env!("CARGO_BIN_EXE_baosou"))
            .args(["index", "-q"])
            .arg(&corpus)
            .arg("--index")
            .arg(&index)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("serve_load: indexing failed");
            std::process::exit(2);
        }
    }
    let clients = env_num("BAOSOU_BENCH_CLIENTS", 8) as usize;
    let secs = env_num("BAOSOU_BENCH_SECS", 10);
    run(
        &index,
        clients.max(1),
        Duration::from_secs(secs.clamp(1, 300)),
    );
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

fn get(agent: &ureq::Agent, url: &str) -> Option<(u16, String)> {
    let mut res = agent.get(url).call().ok()?;
    let status = res.status().as_u16();
    Some((status, res.body_mut().read_to_string().ok()?))
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
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
    for (i, w) in WORDS.iter().enumerate() {
        out.push(format!("/api/search?q={}", enc(w)));
        out.push(format!(
            "/api/search?q={}+{}",
            enc(w),
            enc(WORDS[(i + 7) % WORDS.len()])
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
    let mut server = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(index)
        .stdout(Stdio::piped())
        .spawn()
        .expect("baosou serve starts");
    let mut lines = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let base = loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(at) = line.find("http://") {
                    break line[at..]
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .trim_end_matches('/')
                        .to_string();
                }
            }
            _ => {
                eprintln!("serve_load: the server did not start");
                let _ = server.kill();
                std::process::exit(2);
            }
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let warm = agent();
    let mix = Arc::new(requests(&warm, &base));
    // Warm the caches once with every request of the mix.
    for path in mix.iter() {
        let _ = get(&warm, &format!("{base}{path}"));
    }
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|t| {
            let (mix, stop, base) = (Arc::clone(&mix), Arc::clone(&stop), base.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let mut lat = Vec::new();
                let mut errors = 0usize;
                let mut i = t * 7;
                while !stop.load(Ordering::Relaxed) && lat.len() < MAX_PER_CLIENT {
                    let url = format!("{base}{}", mix[i % mix.len()]);
                    let t0 = Instant::now();
                    match get(&agent, &url) {
                        Some((200, _)) => lat.push(t0.elapsed()),
                        _ => errors += 1,
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
    let mut all = Vec::new();
    let mut errors = 0;
    for t in threads {
        if let Ok((lat, e)) = t.join() {
            all.extend(lat);
            errors += e;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let _ = server.kill();
    let _ = server.wait();
    all.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .map_or(0.0, ms)
    };
    println!(
        "serve_load: index {}, {} distinct searches, {clients} clients, {elapsed:.1} s",
        index.display(),
        mix.len()
    );
    println!(
        "requests {}  errors {errors}  {:.0} req/s  p50 {:.1} ms  p90 {:.1} ms  p95 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.90),
        pct(0.95),
        pct(0.99),
        all.last().copied().map_or(0.0, ms)
    );
}
