//! `baosou index --solr` against a real SolrCloud collection. Start one with
//! `solr/cluster.sh start DIR` and give its URL in `BAOSOU_SOLR_URL`; without it the tests
//! that need a cluster say why they are skipped and pass. The collection is emptied first.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn baosou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the baosou binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

/// The collection URL, or `None` with the reason printed.
fn solr_url() -> Option<String> {
    match std::env::var("BAOSOU_SOLR_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url.trim().trim_end_matches('/').to_string()),
        _ => {
            eprintln!(
                "skipped: BAOSOU_SOLR_URL is not set (start a cluster with \
                 `solr/cluster.sh start DIR` and set it to the URL printed)"
            );
            None
        }
    }
}

/// The ids of the articles the collection finds for a Solr query.
fn solr_ids(url: &str, q: &str) -> BTreeSet<String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut resp = agent
        .get(&format!("{url}/select"))
        .query("q", q)
        .query("fl", "id")
        .query("rows", "1000")
        .query("wt", "json")
        .call()
        .expect("Solr answers");
    let body = resp.body_mut().read_to_string().expect("a body");
    assert_eq!(resp.status().as_u16(), 200, "{q}: {body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    v["response"]["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| d["id"].as_str().expect("an id").to_string())
        .collect()
}

/// A substring search on every character field, each as an explicit phrase.
fn substring(s: &str) -> String {
    [
        "kicker_c",
        "headline_c",
        "subheadline_c",
        "body_c",
        "captions_c",
        "furniture_c",
    ]
    .iter()
    .map(|f| format!("{f}:\"{s}\""))
    .collect::<Vec<_>>()
    .join(" OR ")
}

/// The ids the local index finds.
fn local_ids(index: &Path, query: &str) -> BTreeSet<String> {
    let o = baosou(&[
        "search",
        "--index",
        path(index),
        "--json",
        "--limit",
        "1000",
        query,
    ]);
    text(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("one JSON object per line");
            v["id"].as_str().expect("an id").to_string()
        })
        .collect()
}

/// The ids `baosou search` prints, on a local index or a collection (`target`).
fn search_ids(target: &[&str], args: &[&str]) -> BTreeSet<String> {
    let mut all = vec!["search", "--json", "--limit", "1000"];
    all.extend_from_slice(target);
    all.extend_from_slice(args);
    let o = baosou(&all);
    assert!(o.status.code() != Some(2), "{all:?}: {}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("one JSON object per line");
            v["id"].as_str().expect("an id").to_string()
        })
        .collect()
}

#[test]
fn substrings_across_shards_find_what_the_local_index_finds() {
    let Some(url) = solr_url() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let (local, state) = (dir.path().join("local"), dir.path().join("state"));
    let o = baosou(&["index", "-q", path(&archive), "--index", path(&local)]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    let o = baosou(&[
        "index",
        "-q",
        path(&archive),
        "--solr",
        &url,
        "--solr-state",
        path(&state),
        "--rebuild",
    ]);
    assert!(o.status.success(), "index --solr: {}", text(&o.stderr));
    let o = baosou(&["stats", "--index", path(&local)]);
    let stats = text(&o.stdout);
    let all = solr_ids(&url, "*:*");
    assert!(
        stats.contains(&format!("articles   {} ", all.len())),
        "{stats}"
    );

    // 腾飞 inside 毛腾飞, 植树 in a headline, a phrase of a body.
    for q in ["植树", "腾飞", "疫情", "图书馆", "心里很高兴"] {
        let want = local_ids(&local, q);
        assert!(!want.is_empty(), "{q}: the local index finds nothing");
        assert_eq!(solr_ids(&url, &substring(q)), want, "{q}");
    }

    // `search --solr` finds what the local search finds, words, operators and filters.
    let searches: &[&[&str]] = &[
        &["植树"],
        &["腾飞"],
        &["疫情", "--", "-毛腾飞"],
        &["疫情", "OR", "植树"],
        &["headline:疫情"],
        &["body:图书馆"],
        &["reporter:赵明"],
        &["--reporter", "胡文洁"],
        &["--date", "2021-03-05"],
        &["--paper", "江城晚报", "--from", "2021-03-06"],
    ];
    for args in searches {
        let want = search_ids(&["--index", path(&local)], args);
        assert!(!want.is_empty(), "{args:?}: the local index finds nothing");
        assert_eq!(search_ids(&["--solr", &url], args), want, "{args:?}");
    }

    // Punctuation keeps its position, as locally: no phrase across 。 (举行。市民).
    assert!(search_ids(&["--index", path(&local)], &["举行市民"]).is_empty());
    assert!(search_ids(&["--solr", &url], &["举行市民"]).is_empty());
    assert!(!search_ids(&["--solr", &url], &["举行"]).is_empty());

    // An incremental run removes a deleted file's articles, and only those.
    let before = solr_ids(&url, "*:*");
    let gone = "江城晚报/2021-03-05/01.txt";
    let gone_ids = solr_ids(&url, &format!("path:\"{gone}\""));
    assert!(!gone_ids.is_empty());
    std::fs::remove_file(archive.join(gone)).expect("the fixture page is removed");
    let o = baosou(&[
        "index",
        path(&archive),
        "--solr",
        &url,
        "--solr-state",
        path(&state),
    ]);
    assert!(
        o.status.success(),
        "index --solr again: {}",
        text(&o.stderr)
    );
    assert!(text(&o.stderr).contains("1 removed"), "{}", text(&o.stderr));
    let after = solr_ids(&url, "*:*");
    assert_eq!(after, &before - &gone_ids);
}

#[test]
fn a_missing_collection_is_named() {
    let Some(url) = solr_url() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let missing = match url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/no_such_collection"),
        None => panic!("{url}: not a collection URL"),
    };
    let state = dir.path().join("state");
    let o = baosou(&[
        "index",
        "-q",
        path(&archive),
        "--solr",
        &missing,
        "--solr-state",
        path(&state),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("no such collection"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn an_unreachable_cluster_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    // Port 1 on loopback: nothing listens there.
    let url = "http://127.0.0.1:1/solr/baosou";
    let state = dir.path().join("state");
    let o = baosou(&[
        "index",
        "-q",
        path(&archive),
        "--solr",
        url,
        "--solr-state",
        path(&state),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.starts_with("baosou: "), "{err}");
    assert!(err.contains("cannot reach Solr"), "{err}");
}

/// A stand-in for Solr on a loopback port: every answer is a success, except that the
/// first update is answered 503 and the second has its connection dropped. Returns the URL
/// and a counter of the updates received.
fn flaky_solr() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("an address").port();
    let updates = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = updates.clone();
    std::thread::spawn(move || {
        // Bounded: a run needs a handful of requests.
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
            let mut request = String::new();
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if request.is_empty() {
                    request = line;
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let update = request.starts_with("POST") && !request.contains("commit=true");
            let n = if update {
                seen.fetch_add(1, Ordering::SeqCst)
            } else {
                usize::MAX
            };
            if n == 1 {
                continue; // dropped: the connection closes without an answer
            }
            let (status, text) = if n == 0 {
                (
                    "503 Service Unavailable",
                    r#"{"error":{"msg":"busy","code":503}}"#,
                )
            } else {
                (
                    "200 OK",
                    r#"{"responseHeader":{"status":0},"response":{"numFound":0}}"#,
                )
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    (format!("http://127.0.0.1:{port}/solr/baosou"), updates)
}

#[test]
fn updates_are_sent_again_after_a_503_and_a_dropped_connection() {
    let (url, updates) = flaky_solr();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let state = dir.path().join("state");
    let o = baosou(&[
        "index",
        "-q",
        path(&archive),
        "--solr",
        &url,
        "--solr-state",
        path(&state),
    ]);
    assert!(o.status.code() != Some(2), "{}", text(&o.stderr));
    assert_eq!(updates.load(std::sync::atomic::Ordering::SeqCst), 3);
}
