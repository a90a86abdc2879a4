//! `baosou index --solr` against a real SolrCloud collection. Start one with
//! `solr/cluster.sh start DIR` and give its URL in `BAOSOU_SOLR_URL` (and the folder in
//! `BAOSOU_SOLR_DIR`, for the test that stops a node); without it the tests that need a
//! cluster say why they are skipped and pass. Each test that fills the collection empties
//! it first, and they take turns ([`COLLECTION`]).

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Held by each test that fills the collection: they share the one collection.
static COLLECTION: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn collection() -> std::sync::MutexGuard<'static, ()> {
    COLLECTION.lock().unwrap_or_else(|e| e.into_inner())
}

/// Indexes `archive` into the collection, emptied first, keeping its state in `state`.
fn fill(url: &str, archive: &Path, state: &Path) {
    send(url, archive, state, &["--rebuild"]);
}

/// Runs `index ARCHIVE --solr URL --solr-state STATE`, with `extra` flags, and checks it
/// succeeds.
fn send(url: &str, archive: &Path, state: &Path, extra: &[&str]) {
    let args = [
        "index",
        "-q",
        path(archive),
        "--solr",
        url,
        "--solr-state",
        path(state),
    ];
    let o = baosou(&[&args[..], extra].concat());
    assert!(o.status.success(), "index --solr: {}", text(&o.stderr));
}

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
        // In CI the cluster tests must run: `.ci/run` starts the cluster and sets the URL.
        _ if std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false") => panic!(
            "CI is set but BAOSOU_SOLR_URL is not: the SolrCloud test cluster did not start \
             (see .ci/run's output above)"
        ),
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
    let _turn = collection();
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

/// The hits' JSON objects that `search --json` prints.
fn hits(args: &[&str]) -> Vec<Value> {
    let o = baosou(args);
    assert!(o.status.code() != Some(2), "{args:?}: {}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn batches_exports_paging_and_json_are_as_local() {
    let Some(url) = solr_url() else { return };
    let _turn = collection();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let local = dir.path().join("local");
    let o = baosou(&["index", "-q", path(&archive), "--index", path(&local)]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    fill(&url, &archive, &dir.path().join("state"));
    let (l, s) = (["--index", path(&local)], ["--solr", url.as_str()]);

    // The same keys in every hit, and the same ids, newest first. Articles of one day and
    // page are in index order locally, which is not the collection's: the order of the
    // days is compared, and the ids as sets.
    let args = ["search", "--json", "--sort", "date", "疫情"];
    let (want, got) = (
        hits(&[&args[..], &l[..]].concat()),
        hits(&[&args[..], &s[..]].concat()),
    );
    assert!(!want.is_empty());
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    let ids = |v: &[Value]| -> Vec<String> { v.iter().map(|h| h["id"].to_string()).collect() };
    let set = |v: &[Value]| -> BTreeSet<String> { ids(v).into_iter().collect() };
    let days = |v: &[Value]| -> Vec<String> { v.iter().map(|h| h["date"].to_string()).collect() };
    assert_eq!(set(&got), set(&want));
    assert_eq!(days(&got), days(&want));
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(keys(g), keys(w));
        // The unified highlighter's passage shows the word where the highlights say.
        let snippet: Vec<char> = g["snippet"].as_str().expect("a snippet").chars().collect();
        for h in g["highlights"].as_array().expect("highlights") {
            let (a, b) = (
                h[0].as_u64().expect("a") as usize,
                h[1].as_u64().expect("b") as usize,
            );
            assert_eq!(snippet[a..b].iter().collect::<String>(), "疫情", "{g}");
        }
    }

    // Paging: the second page of two is the third and fourth hits of the whole list.
    let args = [
        "search", "--json", "--sort", "date", "-n", "2", "--offset", "2", "疫情",
    ];
    assert_eq!(ids(&hits(&[&args[..], &s[..]].concat())), ids(&got[2..4]));
    let args = [
        "search", "--json", "--sort", "date", "-n", "2", "--offset", "2", "疫情",
    ];
    assert_eq!(days(&hits(&[&args[..], &l[..]].concat())), days(&got[2..4]));

    // --queries: one JSON line per query, with the same keys and ids.
    let batch = dir.path().join("batch.jsonl");
    std::fs::write(
        &batch,
        "{\"q\":\"植树\",\"limit\":1000}\n{\"q\":\"疫情\",\"reporter\":\"胡文洁\"}\n\
         {\"date\":\"2021-03-05\",\"limit\":1000}\n",
    )
    .expect("a batch file");
    let args = ["search", "--json", "--queries", path(&batch)];
    let (want, got) = (
        hits(&[&args[..], &l[..]].concat()),
        hits(&[&args[..], &s[..]].concat()),
    );
    assert_eq!(got.len(), 3);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(keys(g), keys(w));
        assert_eq!(g["total"], w["total"], "{g}");
        let set = |v: &Value| -> BTreeSet<String> {
            v["hits"]
                .as_array()
                .expect("hits")
                .iter()
                .map(|h| h["id"].to_string())
                .collect()
        };
        assert_eq!(set(g), set(w), "{}", g["q"]);
    }

    // --format csv|jsonl: every hit, oldest first, the same lines.
    for format in ["csv", "jsonl"] {
        let args = ["search", "--format", format, "疫情"];
        let (w, g) = (
            baosou(&[&args[..], &l[..]].concat()),
            baosou(&[&args[..], &s[..]].concat()),
        );
        assert_eq!(g.status.code(), Some(0), "{}", text(&g.stderr));
        // Oldest first; within a day and page, index order (see above): sorted.
        let column = |o: &Output, k: usize| -> Vec<String> {
            let lines = text(&o.stdout);
            let mut v: Vec<String> = if format == "csv" {
                lines
                    .lines()
                    .skip(1)
                    .map(|l| l.split(',').nth(k).unwrap_or("").to_string())
                    .collect()
            } else {
                lines
                    .lines()
                    .map(|l| {
                        let v: Value = serde_json::from_str(l).expect("JSON");
                        v[if k == 0 { "id" } else { "date" }].to_string()
                    })
                    .collect()
            };
            if k == 0 {
                v.sort();
            }
            v
        };
        assert_eq!(column(&g, 0), column(&w, 0), "{format}: ids");
        assert_eq!(column(&g, 1), column(&w, 1), "{format}: dates");
    }
}

/// Where Solr's analysis and the local index's cannot agree, pinned: a Latin or digit run
/// is one word in Solr, so part of it is no match there; traditional characters fold to
/// simplified in both.
#[test]
fn semantic_differences_are_pinned() {
    let Some(url) = solr_url() else { return };
    let _turn = collection();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = dir.path().join("archive");
    let day = archive.join("江城晚报").join("2021-04-01");
    std::fs::create_dir_all(&day).expect("a page folder");
    std::fs::write(
        day.join("01.txt"),
        "新冠病毒COVID19检测点增设\n\n本报讯 全市新增COVID19检测点十二个，國家圖書館同日開放。\n",
    )
    .expect("a page");
    let local = dir.path().join("local");
    let o = baosou(&["index", "-q", path(&archive), "--index", path(&local)]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    fill(&url, &archive, &dir.path().join("state"));
    let found = |target: &[&str], q: &str| !search_ids(target, &[q]).is_empty();
    let (l, s) = (["--index", path(&local)], ["--solr", url.as_str()]);
    for q in [
        "COVID19",
        "covid19",
        "检测点",
        "国家图书馆",
        "國家圖書館",
        "图书",
    ] {
        assert!(found(&l, q), "local: {q}");
        assert!(found(&s, q), "solr: {q}");
    }
    // Part of a Latin or digit run: a substring locally, no word in Solr.
    for q in ["COVID", "OVID19", "19"] {
        assert!(found(&l, q), "local: {q}");
        assert!(!found(&s, q), "solr: {q}");
    }
}

/// A cluster folder given in `BAOSOU_SOLR_DIR`, for `solr/cluster.sh node`.
fn cluster_dir() -> Option<String> {
    match std::env::var("BAOSOU_SOLR_DIR") {
        Ok(d) if !d.trim().is_empty() => Some(d),
        _ => {
            eprintln!("skipped: BAOSOU_SOLR_DIR is not set (the folder given to cluster.sh start)");
            None
        }
    }
}

/// Stops or starts node `n` of the test cluster.
fn node(dir: &str, what: &str, n: u32) {
    let script = common::root().join("solr/cluster.sh");
    let o = Command::new("bash")
        .arg(&script)
        .args(["node", dir, what, &n.to_string()])
        .output()
        .expect("cluster.sh runs");
    assert!(
        o.status.success(),
        "cluster.sh node {what} {n}: {}",
        text(&o.stderr)
    );
}

/// Starts the node again however the test ends, so that the other tests have the cluster
/// whole.
struct Restart<'a>(&'a str);

impl Drop for Restart<'_> {
    fn drop(&mut self) {
        // No assertion here: a panic while a failed test unwinds would abort the run.
        let script = common::root().join("solr/cluster.sh");
        let o = Command::new("bash")
            .arg(&script)
            .args(["node", self.0, "start", "1"])
            .output();
        if !o.as_ref().is_ok_and(|o| o.status.success()) {
            eprintln!("cluster.sh node start 1 failed: {o:?}");
        }
    }
}

#[test]
fn a_node_stopped_mid_run_leaves_the_replicas_answering_or_a_clear_error() {
    let Some(url) = solr_url() else { return };
    let Some(cluster) = cluster_dir() else { return };
    let _turn = collection();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let state = dir.path().join("state");
    fill(&url, &archive, &state);
    let s = ["--solr", url.as_str()];
    let queries: &[&[&str]] = &[&["疫情"], &["植树"], &["--reporter", "胡文洁"]];
    let before: Vec<BTreeSet<String>> = queries.iter().map(|q| search_ids(&s, q)).collect();
    assert!(before.iter().all(|ids| !ids.is_empty()));

    node(&cluster, "stop", 1);
    let restart = Restart(&cluster);
    // Every shard has a replica on node 0, which the URL names: the searches are answered
    // whole, or fail with an error that says what happened, never a partial answer.
    for (q, want) in queries.iter().zip(&before) {
        let mut all = vec!["search", "--json", "--limit", "1000"];
        all.extend_from_slice(&s);
        all.extend_from_slice(q);
        let o = baosou(&all);
        match o.status.code() {
            Some(0) => {
                let got: BTreeSet<String> = text(&o.stdout)
                    .lines()
                    .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["id"].to_string())
                    .map(|id| id.trim_matches('"').to_string())
                    .collect();
                assert_eq!(&got, want, "{q:?} with node 1 stopped");
            }
            code => {
                let err = text(&o.stderr);
                assert_eq!(code, Some(2), "{q:?}: {err}");
                assert!(
                    err.starts_with("baosou: ") && err.contains(url.as_str()),
                    "{err}"
                );
            }
        }
    }
    // An update while the node is down: shards whose leader was there elect the replica on
    // node 0 (the 503s meanwhile are retried), or the run ends with a clear error.
    let page = archive.join("江城晚报/2021-03-06");
    let first = std::fs::read_dir(&page)
        .expect("a fixture folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("a page");
    std::fs::write(page.join("09.txt"), std::fs::read(&first).expect("a page"))
        .expect("a new page");
    let o = baosou(&[
        "index",
        "-q",
        path(&archive),
        "--solr",
        &url,
        "--solr-state",
        path(&state),
    ]);
    let err = text(&o.stderr);
    assert!(o.status.code() != Some(101), "a panic: {err}");
    eprintln!("index with node 1 stopped: {:?} {err}", o.status.code());
    if o.status.success() {
        let new = solr_ids(&url, "path:\"江城晚报/2021-03-06/09.txt\"");
        assert!(
            !new.is_empty(),
            "the new page's articles are in the collection"
        );
    } else {
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.starts_with("baosou: "), "{err}");
    }
    drop(restart);
    node(&cluster, "start", 1); // started already: checks that every replica is active
                                // Whole again: the same answers as before.
    for (q, want) in queries.iter().zip(&before) {
        let got = search_ids(&s, q);
        assert!(got.is_superset(want), "{q:?} after node 1 came back");
    }
}

#[test]
fn serve_answers_from_solr_as_from_the_local_index() {
    let Some(url) = solr_url() else { return };
    let _turn = collection();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = common::archive(dir.path());
    let local = dir.path().join("local");
    let o = baosou(&["index", "-q", path(&archive), "--index", path(&local)]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    fill(&url, &archive, &dir.path().join("state"));
    let here = common::Server::start(&local);
    let there = common::Server::start_with(&local, &["--solr", &url]);
    let ids = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].to_string())
            .collect()
    };
    for q in [
        "/api/search?q=%E7%96%AB%E6%83%85&sort=date",
        "/api/search?q=%E6%A4%8D%E6%A0%91",
        "/api/search?reporter=%E8%83%A1%E6%96%87%E6%B4%81",
        "/api/search?date=2021-03&sort=date",
    ] {
        let ((s1, want), (s2, got)) = (here.get(q), there.get(q));
        assert_eq!((s1, s2), (200, 200), "{q}: {got}");
        let keys = |v: &Value| -> Vec<String> {
            v.as_object().expect("an object").keys().cloned().collect()
        };
        assert_eq!(keys(&got), keys(&want), "{q}");
        // Ties of a day and page: index order locally (see above).
        let sorted = |v: &Value| -> Vec<String> {
            let mut v = ids(v);
            v.sort();
            v
        };
        assert_eq!(sorted(&got), sorted(&want), "{q}");
        let days = |v: &Value| -> Vec<String> {
            v["hits"]
                .as_array()
                .expect("hits")
                .iter()
                .map(|h| h["date"].to_string())
                .collect()
        };
        assert_eq!(days(&got), days(&want), "{q}");
        assert_eq!(got["total"], want["total"], "{q}");
        assert_eq!(got["facets"], want["facets"], "{q}");
    }
    let id = "b6d15cdc7e267c35-01";
    let q = format!("/api/article/{id}?q=%E6%A4%8D%E6%A0%91");
    let ((_, want), (s, got)) = (here.get(&q), there.get(&q));
    assert_eq!(s, 200, "{got}");
    for key in ["article", "neighbours", "highlights"] {
        assert_eq!(got[key], want[key], "{key}");
    }
    assert_eq!(there.get("/api/article/no-such-id").0, 404);
    let ((_, want), (_, got)) = (here.get("/api/info"), there.get("/api/info"));
    for key in ["articles", "papers", "first_date", "last_date"] {
        assert_eq!(got[key], want[key], "{key}");
    }
    let q = "/api/reporters?q=%E8%83%A1";
    assert_eq!(there.get(q).1, here.get(q).1);
    assert_eq!(there.get("/api/kwic?q=%E7%96%AB%E6%83%85").0, 501);
    assert_eq!(there.get_text("/").0, 200);
}

/// The stitch fixture archive (`tests/fixtures/stitch`, as tests/stitch.rs uses it) copied
/// into `dir`.
fn stitch_archive(dir: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stitch");
    let to = dir.join("archive");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.expect("a readable fixture");
        let target = to.join(e.path().strip_prefix(&from).expect("under the fixtures"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(e.path(), &target).expect("a copy");
        }
    }
    to
}

/// The stitch fixture archive indexed locally and into the collection: the temporary
/// folder holding it all, the archive, the local index and the state folder.
fn stitched(url: &str) -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = stitch_archive(dir.path());
    let (local, state) = (dir.path().join("local"), dir.path().join("state"));
    let o = baosou(&["index", "-q", path(&archive), "--index", path(&local)]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    fill(url, &archive, &state);
    (dir, archive, local, state)
}

/// Each hit's id, parts and other printings, as `search --json` prints them (in id order:
/// ties of score may rank apart).
fn linked(target: &[&str], args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json", "--limit", "100"];
    all.extend_from_slice(target);
    all.extend_from_slice(args);
    let mut out: Vec<String> = hits(&all)
        .iter()
        .map(|h| format!("{} {} {}", h["id"], h["parts"], h["duplicates"]))
        .collect();
    out.sort();
    out
}

/// Indexes the archive both ways, as an incremental run (`--prune`: a share of this small
/// archive goes away in a test).
fn index_both(url: &str, archive: &Path, local: &Path, state: &Path) {
    let o = baosou(&[
        "index",
        "-q",
        "--prune",
        path(archive),
        "--index",
        path(local),
    ]);
    assert!(o.status.success(), "local index: {}", text(&o.stderr));
    send(url, archive, state, &[]);
}

/// Issue 20: a story continued across pages is one hit through Solr, with the id and the
/// parts of the local hit; a text printed three times is one hit with the others listed,
/// unless every printing is asked for; facets count the hits shown.
#[test]
fn stories_and_printings_are_one_hit_through_solr_as_locally() {
    let Some(url) = solr_url() else { return };
    let _turn = collection();
    let (_dir, _, local, _) = stitched(&url);
    let (l, s) = (["--index", path(&local)], ["--solr", url.as_str()]);
    let queries: [&[&str]; 9] = [
        &["农资供应"],
        &["种子化肥"],
        &["农资 心里踏实"],
        &["定制专线"],
        &["社区服务"],
        &["旧城改造"],
        &["候鸟"],
        &["--all-printings", "候鸟"],
        &["江城市政府任免工作人员"],
    ];
    for q in queries {
        let want = linked(&l, q);
        assert!(!want.is_empty(), "{q:?}");
        assert_eq!(linked(&s, q), want, "{q:?}");
    }
    assert_eq!(linked(&s, &["农资 心里踏实"]).len(), 1);
    assert_eq!(linked(&s, &["候鸟"]).len(), 1);
    assert_eq!(linked(&s, &["--all-printings", "候鸟"]).len(), 3);

    // The web API: totals and facets over the hits shown, a part's id shows the story.
    let server = common::Server::start_with(&local, &["--solr", url.as_str()]);
    let q = common::enc("候鸟");
    let (status, v) = server.get(&format!("/api/search?q={q}"));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["hits"][0]["duplicates"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["facets"]["papers"][0]["count"], 1, "{v}");
    let (_, v) = server.get(&format!("/api/search?q={q}&all=1"));
    assert_eq!(v["total"], 3, "{v}");
    let all = hits(
        &[
            &["search", "--json", "--all-printings"][..],
            &s[..],
            &["心里踏实"],
        ]
        .concat(),
    );
    let id = all[0]["id"].as_str().expect("an id").to_string();
    let (_, v) = server.get(&format!("/api/article/{}", common::enc(&id)));
    assert_eq!(
        v["article"]["parts"].as_array().map(Vec::len),
        Some(2),
        "{v}"
    );
}

/// Issue 20: links through Solr follow the files: a printing removed by an incremental run
/// leaves the others, then one alone, un-folded; a continuation's page removed leaves the
/// first part saying where the rest was; a run that changes nothing sends nothing.
#[test]
fn incremental_runs_relink_the_collection() {
    let Some(url) = solr_url() else { return };
    let _turn = collection();
    let (_dir, archive, local, state) = stitched(&url);
    let (l, s) = (["--index", path(&local)], ["--solr", url.as_str()]);
    assert_eq!(linked(&s, &["候鸟"]), linked(&l, &["候鸟"]));

    // A run that changes nothing keeps the links and sends nothing.
    let links = state.join("baosou-links.json");
    let modified = || {
        std::fs::metadata(&links)
            .and_then(|m| m.modified())
            .expect("the links file")
    };
    let written = modified();
    index_both(&url, &archive, &local, &state);
    assert_eq!(modified(), written, "a no-op run looked for links again");

    let removed = |rel: &str| std::fs::remove_file(archive.join(rel)).expect("removed");
    removed("江城日报/2020-03-03/05.txt");
    index_both(&url, &archive, &local, &state);
    let got = linked(&s, &["候鸟"]);
    assert_eq!(got, linked(&l, &["候鸟"]));
    let one = hits(&[&["search", "--json"][..], &s[..], &["候鸟"]].concat());
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!(one[0]["duplicates"].as_array().map(Vec::len), Some(1));

    removed("湘江日报/2020-03-04/03.txt");
    index_both(&url, &archive, &local, &state);
    let one = hits(&[&["search", "--json"][..], &s[..], &["候鸟"]].concat());
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!(one[0]["duplicates"], serde_json::json!([]));
    assert_eq!(linked(&s, &["--all-printings", "候鸟"]).len(), 1);

    removed("江城日报/2020-03-02/04.txt");
    index_both(&url, &archive, &local, &state);
    for q in ["春耕", "心里踏实"] {
        assert_eq!(linked(&s, &[q]), linked(&l, &[q]), "{q}");
    }
    let first = hits(&[&["search", "--json"][..], &s[..], &["春耕"]].concat());
    assert_eq!(first.len(), 1, "{first:?}");
    assert_eq!(first[0]["parts"][1]["missing"], "4", "{first:?}");
}
