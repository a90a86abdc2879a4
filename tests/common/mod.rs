//! What the serve and browser tests share: a test archive indexed into a temporary folder,
//! the real `baosou serve` started on a free loopback port, and a small HTTP client.

#![allow(dead_code)]

pub mod pages;

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample page of `data/` (under `株洲日报/`) and the fixture archive, side by side, so
/// one index has both the known facts of the sample page and dated pages.
pub fn archive(dir: &Path) -> PathBuf {
    let archive = dir.join("archive");
    copy_dir(&root().join("tests/fixtures/archive"), &archive);
    copy_dir(&root().join("data"), &archive.join("株洲日报"));
    archive
}

/// Copies a folder tree (fixture folders' `.gitkeep` files left out).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder for the copy");
    for e in std::fs::read_dir(from).expect("a readable fixture folder") {
        let e = e.expect("a readable entry");
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else if e.file_name() != ".gitkeep" {
            std::fs::copy(e.path(), &target).expect("a copied fixture file");
        }
    }
}

/// `baosou ARGS` run from the repository root, with colour off.
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baosou"));
    c.args(args).current_dir(root()).env("NO_COLOR", "1");
    c
}

/// Runs `baosou ARGS` to the end.
pub fn baosou(args: &[&str]) -> Output {
    command(args).output().expect("the baosou binary runs")
}

/// What a run printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What a run printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A temporary path as the `&str` an argument list takes.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Indexes the test archive into a fresh temporary folder; the index is `dir/index`.
pub fn indexed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let archive = archive(dir.path());
    let index = dir.path().join("index");
    let o = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(["index", "-q"])
        .arg(&archive)
        .arg("--index")
        .arg(&index)
        .output()
        .expect("the baosou binary runs");
    assert!(
        o.status.success(),
        "index failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    dir
}

/// `baosou serve` on a free loopback port, stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub url: String,
}

impl Server {
    pub fn start(index: &Path) -> Server {
        Server::start_with(index, &[])
    }

    /// `baosou serve` with more flags (`--timeout 1`, `--allow-host NAME`).
    pub fn start_with(index: &Path, flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_baosou"))
            .args(["serve", "--addr", "127.0.0.1:0", "--index"])
            .arg(index)
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("baosou serve starts");
        let stdout = child.stdout.take().expect("the server's stdout");
        let mut lines = BufReader::new(stdout).lines();
        let url = loop {
            let line = lines
                .next()
                .and_then(Result::ok)
                .expect("baosou serve prints its URL");
            if let Some(at) = line.find("http://") {
                let url = line[at..].split_whitespace().next().unwrap_or_default();
                break url.trim_end_matches('/').to_string();
            }
        };
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, url }
    }

    /// `GET path` → status and JSON body (`Value::Null` when the body is not JSON).
    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.get_text(path);
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// `GET path` → status and body text.
    pub fn get_text(&self, path: &str) -> (u16, String) {
        get(&agent(), &format!("{}{}", self.url, path))
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// True while the server process runs.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that hands back 4xx and 5xx answers instead of failing on them.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

pub fn get(agent: &ureq::Agent, url: &str) -> (u16, String) {
    let mut res = agent.get(url).call().expect("the server answers");
    let status = res.status().as_u16();
    let body = res
        .body_mut()
        .read_to_string()
        .expect("a UTF-8 body from the server");
    (status, body)
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The ids of the hits in an `/api/search` answer.
pub fn ids(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Polls `ok` until it holds or `limit` passes.
pub fn wait_until(limit: Duration, mut ok: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}
