//! Soak of `baosou serve` (issue 16): on 127.0.0.1 only, for a bounded time and count,
//! hostile clients send the costliest searches we know back to back while 1,000 slow
//! clients hold connections open with headers they never finish, and one client times
//! normal searches. The figures, the command and the machine go into BENCHMARKS.md under
//! their own heading; the bar is p95 ≤ 50 ms for the normal searches.
//!
//! ```text
//! cargo bench --bench serve_soak                # 8 hostile clients, 10 s, index target/soak-index
//! BAOSOU_SOAK_CLIENTS=8 BAOSOU_SOAK_SECS=10 BAOSOU_BENCH_INDEX=DIR cargo bench --bench serve_soak
//! ```
//!
//! Without an index, it builds one from the dev corpus (`../shared/corpus/rmrb_pages_dev/
//! pages`, not part of the repository) into `target/soak-index`; when that is absent too, it
//! says so and measures nothing.

mod common;

use common::{enc, get, pct, Server};
use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Requests one client sends at most, whatever the time.
const MAX_PER_CLIENT: usize = 50_000;
/// Slow clients held open at most.
const SLOW_CLIENTS: usize = 1000;

/// The commonest characters of a national daily: the costliest words to look for.
const COMMON: &str = "的是在了和有中人国年一为发展不这上大对会工作们以地到个经要新社业";

/// Normal searches: words alone and in pairs.
const NORMAL: &[&str] = &[
    "疫情",
    "经济 发展",
    "脱贫攻坚",
    "乡村振兴",
    "习近平",
    "一带一路",
    "复工复产",
    "科技 创新",
    "长江",
    "教育",
    "高质量发展",
    "口罩",
    "文化",
    "生态 保护",
    "就业",
];

/// The hostile mix, each with a name for the table.
fn hostile() -> Vec<(&'static str, String)> {
    let chars: Vec<String> = COMMON.chars().map(String::from).collect();
    vec![
        (
            "one common word 250 times",
            format!("q={}", enc(&"的 ".repeat(250))),
        ),
        (
            "32 common one-character words",
            format!("q={}", enc(&chars.join(" "))),
        ),
        (
            "32 common words joined by OR",
            format!("q={}", enc(&chars.join(" OR "))),
        ),
        (
            "a 500-character phrase 的的…",
            format!("q={}", enc(&"的".repeat(500))),
        ),
        (
            "a 500-character phrase 中国中国…",
            format!("q={}", enc(&"中国".repeat(250))),
        ),
        (
            "32 excluded words",
            format!(
                "q={}",
                enc(&chars
                    .iter()
                    .map(|c| format!("-{c}"))
                    .collect::<Vec<_>>()
                    .join(" "))
            ),
        ),
        (
            "the deepest page of a common word",
            format!("q={}&offset=10000&limit=100", enc("的")),
        ),
        (
            "the deepest page by date",
            "offset=9900&limit=100&sort=date".to_string(),
        ),
        (
            "33 words (refused: 400)",
            format!(
                "q={}",
                enc(&(0..33)
                    .map(|n| format!("词{n}"))
                    .collect::<Vec<_>>()
                    .join(" "))
            ),
        ),
    ]
}

fn main() {
    let root = common::root();
    let Some(index) = common::dev_index("serve_soak", root.join("target/soak-index")) else {
        return;
    };
    let clients = common::env_num("BAOSOU_SOAK_CLIENTS", 8).clamp(1, 64) as usize;
    let secs = common::env_num("BAOSOU_SOAK_SECS", 10).clamp(1, 120);
    run(&root, &index, clients, Duration::from_secs(secs));
}

fn run(root: &Path, index: &Path, clients: usize, duration: Duration) {
    let server = Server::start("serve_soak", index);
    let base = server.base.clone();
    let addr = base.trim_start_matches("http://").to_string();
    let warm = common::agent(15);
    let mix = hostile();
    // Each hostile search alone, warm, to know what it costs.
    let mut alone = Vec::new();
    for (name, q) in &mix {
        let url = format!("{base}/api/search?{q}");
        let _ = get(&warm, &url);
        let mut best = Duration::MAX;
        let mut status = 0;
        for _ in 0..3 {
            let t0 = Instant::now();
            status = get(&warm, &url).map_or(0, |r| r.0);
            best = best.min(t0.elapsed());
        }
        alone.push((*name, status, best));
    }
    for q in NORMAL {
        let _ = get(&warm, &format!("{base}/api/search?q={}", enc(q)));
    }

    let stop = Arc::new(AtomicBool::new(false));
    // Slow clients: partial headers, topped up to SLOW_CLIENTS as the server closes them.
    let slow_opened = Arc::new(AtomicUsize::new(0));
    let slow = {
        let (stop, addr, opened) = (Arc::clone(&stop), addr.clone(), Arc::clone(&slow_opened));
        std::thread::spawn(move || {
            let mut held: Vec<TcpStream> = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                held.retain(|s| {
                    let mut b = [0u8; 1];
                    s.set_nonblocking(true).ok();
                    !matches!(std::io::Read::read(&mut &*s, &mut b), Ok(0))
                });
                while held.len() < SLOW_CLIENTS && !stop.load(Ordering::Relaxed) {
                    let Ok(mut s) = TcpStream::connect(&addr) else {
                        break;
                    };
                    if s.write_all(b"GET /api/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
                        .is_ok()
                    {
                        held.push(s);
                        opened.fetch_add(1, Ordering::Relaxed);
                    }
                }
                std::thread::sleep(Duration::from_millis(200));
            }
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    let mix = Arc::new(mix);
    let started = Instant::now();
    let attackers: Vec<_> = (0..clients)
        .map(|t| {
            let (mix, stop, base) = (Arc::clone(&mix), Arc::clone(&stop), base.clone());
            std::thread::spawn(move || {
                let agent = common::agent(15);
                let (mut sent, mut statuses) = (0usize, std::collections::BTreeMap::new());
                let mut i = t;
                while !stop.load(Ordering::Relaxed) && sent < MAX_PER_CLIENT {
                    let url = format!("{base}/api/search?{}", mix[i % mix.len()].1);
                    let status = get(&agent, &url).map_or(0, |r| r.0);
                    *statuses.entry(status).or_insert(0usize) += 1;
                    sent += 1;
                    i += 1;
                }
                statuses
            })
        })
        .collect();
    // The normal client: one search after another, each timed.
    let normal = common::agent(15);
    let (mut lat, mut errors, mut i) = (Vec::new(), 0usize, 0usize);
    while started.elapsed() < duration && lat.len() < MAX_PER_CLIENT {
        let url = format!("{base}/api/search?q={}", enc(NORMAL[i % NORMAL.len()]));
        let t0 = Instant::now();
        match get(&normal, &url) {
            Some((200, _)) => lat.push(t0.elapsed()),
            other => {
                errors += 1;
                eprintln!(
                    "serve_soak: a normal search failed after {:?}: {:?}",
                    t0.elapsed(),
                    other.map(|(s, b)| (s, b.chars().take(200).collect::<String>()))
                );
            }
        }
        i += 1;
        std::thread::sleep(Duration::from_millis(20));
    }
    stop.store(true, Ordering::Relaxed);
    let mut statuses = std::collections::BTreeMap::new();
    for t in attackers {
        if let Ok(s) = t.join() {
            for (k, v) in s {
                *statuses.entry(k).or_insert(0) += v;
            }
        }
    }
    let _ = slow.join();
    let elapsed = started.elapsed().as_secs_f64();
    server.stop();
    lat.sort();
    let hostile_total: usize = statuses.values().sum();
    let status_text = statuses
        .iter()
        .map(|(s, n)| {
            format!(
                "{n} × {}",
                if *s == 0 {
                    "no answer".into()
                } else {
                    s.to_string()
                }
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let p95 = pct(&lat, 0.95);
    println!(
        "serve_soak: {clients} hostile clients, {elapsed:.1} s: {hostile_total} hostile requests ({status_text}); \
         {} slow connections opened; normal searches {} (errors {errors}) p50 {:.1} ms p95 {p95:.1} ms p99 {:.1} ms max {:.1} ms",
        slow_opened.load(Ordering::Relaxed),
        lat.len(),
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        lat.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
    );
    write_section(
        root,
        index,
        clients,
        elapsed,
        &alone,
        hostile_total,
        &status_text,
        slow_opened.load(Ordering::Relaxed),
        &lat,
        errors,
    );
}

#[allow(clippy::too_many_arguments)]
fn write_section(
    root: &Path,
    index: &Path,
    clients: usize,
    elapsed: f64,
    alone: &[(&str, u16, Duration)],
    hostile_total: usize,
    status_text: &str,
    slow_opened: usize,
    lat: &[Duration],
    errors: usize,
) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?");
    let p95 = pct(lat, 0.95);
    let mut s = String::new();
    s.push_str("<!-- soak:begin -->\n## Soak: hostile searches and slow clients\n\n");
    s.push_str(
        "`benches/serve_soak.rs` (issue 16) starts the real `baosou serve` on 127.0.0.1, opens \
         1,000 connections that send a partial request head and never finish it (topped up as \
         the server closes them), and runs hostile clients that send the costliest searches \
         below back to back, while one client sends a normal search (one or two words) every \
         20 ms and times it from sending to the whole body read. All bounded: 50,000 requests \
         per client at most, and the given time.\n\n",
    );
    s.push_str(&format!(
        "Command: `cargo bench --bench serve_soak` (release build; index `{}`, the dev pages).  \n\
         Machine: {cores} cores ({cpu}), shared with other work (load average {load} at the end); \
         server and clients on the same cores.\n\n",
        index.strip_prefix(root).unwrap_or(index).display()
    ));
    s.push_str("| hostile search | status | alone, warm |\n|---|---:|---:|\n");
    for (name, status, took) in alone {
        s.push_str(&format!(
            "| {name} | {status} | {:.1} ms |\n",
            took.as_secs_f64() * 1000.0
        ));
    }
    s.push_str(&format!(
        "\n| hostile clients | time | hostile requests | slow connections opened | normal searches | errors | p50 | p95 | p99 | max |\n\
         | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n\
         | {clients} | {elapsed:.1} s | {hostile_total} ({status_text}) | {slow_opened} | {} | {errors} | {:.1} ms | **{p95:.1} ms** | {:.1} ms | {:.1} ms |\n\n",
        lat.len(),
        pct(lat, 0.5),
        pct(lat, 0.99),
        lat.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
    ));
    s.push_str(&format!(
        "The bar is p95 ≤ 50 ms for the normal searches: {}.\n<!-- soak:end -->\n",
        if p95 <= 50.0 { "met" } else { "**not met**" }
    ));
    let path = root.join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let new = match (
        old.find("<!-- soak:begin -->"),
        old.find("<!-- soak:end -->"),
    ) {
        (Some(a), Some(b)) if b > a => {
            let end = b + "<!-- soak:end -->\n".len();
            format!("{}{s}{}", &old[..a], old.get(end..).unwrap_or(""))
        }
        _ => format!("{}\n{s}", old.trim_end_matches('\n').to_string() + "\n"),
    };
    if let Err(e) = std::fs::write(&path, new) {
        eprintln!("serve_soak: cannot write {}: {e}", path.display());
    } else {
        println!("serve_soak: figures written to {}", path.display());
    }
}
