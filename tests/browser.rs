//! The search page in a real browser: headless Chromium driven through WebDriver
//! (chromedriver). A user types a query, narrows it by clicking the chart, sets a date
//! range and a reporter, and opens an article, all by keyboard where a user would; every
//! view is checked against what the API and the index say. Screenshots of the results
//! and of the article go to `target/screenshots/`.
//!
//! Without chromedriver, and outside CI (`CI` unset), the test says so and skips; in CI it
//! must run (`.ci/run` installs `chromium` and `chromium-driver`).

mod common;

use common::{enc, ids, indexed, Server};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn start_driver(program: &PathBuf) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port();
    let child = Command::new(program)
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let url = format!("http://127.0.0.1:{port}");
    let agent = common::agent();
    let up = common::wait_until(Duration::from_secs(20), || {
        agent.get(&format!("{url}/status")).call().is_ok()
    });
    assert!(up, "chromedriver did not answer on {url}");
    Driver { child, url }
}

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--window-size=1280,1100".into(),
        "--lang=zh-CN".into(),
    ];
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut options = json!({ "args": args });
    if let Some(chromium) = ["chromium", "chromium-browser"]
        .iter()
        .find_map(|n| find_program(n))
    {
        options["binary"] = json!(chromium.display().to_string());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

/// Waits until the page has rendered `view` (`results` or `article`) for a URL whose query
/// string holds `wanted`; returns what `document.body.dataset.ready` last said.
async fn wait_for(c: &Client, view: &str, wanted: &[&str]) {
    let script = "return [document.body.dataset.ready || '', location.search];";
    for _ in 0..200 {
        let v = c.execute(script, vec![]).await.expect("a script runs");
        let ready = v[0].as_str().unwrap_or_default();
        let search = v[1].as_str().unwrap_or_default();
        let search = form_decode(search);
        if ready == view && wanted.iter().all(|w| search.contains(w)) {
            return;
        }
        assert_ne!(ready, "error", "the page shows an error at {search}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let v = c.execute(script, vec![]).await.expect("a script runs");
    panic!("the page never showed {view} for {wanted:?}: {v}");
}

fn form_decode(search: &str) -> String {
    form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .map(|(k, v)| format!("{k}={v}&"))
        .collect()
}

/// The ids of the hits the page lists.
async fn shown_ids(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return Array.from(document.querySelectorAll('#results li')).map(li => li.dataset.id);",
            vec![],
        )
        .await
        .expect("a script runs");
    serde_json::from_value(v).unwrap_or_default()
}

async fn screenshot(c: &Client, name: &str) -> PathBuf {
    let dir = common::root().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    let path = dir.join(name);
    let png = c.screenshot().await.expect("a screenshot");
    std::fs::write(&path, png).expect("the screenshot is written");
    eprintln!("screenshot: {}", path.display());
    path
}

async fn type_into(c: &Client, id: &str, text: &str) {
    let e = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|_| panic!("#{id}"));
    e.clear().await.expect("clear");
    e.send_keys(text).await.expect("keys");
}

#[tokio::test]
async fn search_filter_chart_and_article_in_chromium() {
    let Some(chromedriver) = find_program("chromedriver") else {
        if std::env::var_os("CI").is_none() {
            eprintln!(
                "SKIPPED browser test: chromedriver is not installed \
                 (apt-get install chromium chromium-driver); CI runs it"
            );
            return;
        }
        panic!("chromedriver is not installed, and CI must run the browser test");
    };
    let dir = indexed();
    let server = Server::start(&dir.path().join("index"));
    let driver = start_driver(&chromedriver);
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let c = browser(&driver, profile.path()).await;
    let result = run(&c, &server).await;
    let _ = c.close().await;
    result
}

/// The research fixture (18 articles of 晨光日报 over three months) indexed into a fresh
/// temporary folder; the index is `dir/index`.
fn research_indexed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let o = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(["index", "-q"])
        .arg(common::root().join("tests/fixtures/research"))
        .arg("--index")
        .arg(dir.path().join("index"))
        .output()
        .expect("the baosou binary runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

async fn script<T: serde::de::DeserializeOwned>(c: &Client, js: &str) -> T {
    let v = c.execute(js, vec![]).await.expect("a script runs");
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{js}: {e}: {v}"))
}

/// Issue 18: the download link, the trend lines, the concordance and the highlighted
/// reading view, with a screenshot of each.
#[tokio::test]
async fn issue_18_export_trend_concordance_and_highlights_in_chromium() {
    let Some(chromedriver) = find_program("chromedriver") else {
        if std::env::var_os("CI").is_none() {
            eprintln!("SKIPPED browser test: chromedriver is not installed; CI runs it");
            return;
        }
        panic!("chromedriver is not installed, and CI must run the browser test");
    };
    let dir = research_indexed();
    let server = Server::start(&dir.path().join("index"));
    let driver = start_driver(&chromedriver);
    let profile = tempfile::tempdir().expect("a browser profile folder");
    let c = browser(&driver, profile.path()).await;
    research_views(&c, &server).await;
    let _ = c.close().await;
}

async fn research_views(c: &Client, server: &Server) {
    // 1. A search compared with a second term: the download link exports every hit.
    c.goto(&format!(
        "{}/?q={}&vs={}",
        server.url,
        enc("疫情"),
        enc("防疫")
    ))
    .await
    .expect("the page opens");
    wait_for(c, "results", &["q=疫情&", "vs=防疫&"]).await;
    let link: String = script(
        c,
        "return document.getElementById('download').getAttribute('href');",
    )
    .await;
    assert!(link.starts_with("/api/search?format=csv&"), "{link}");
    let mut res = common::agent()
        .get(&format!("{}{link}", server.url))
        .call()
        .expect("the export answers");
    let disposition = res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let csv = res.body_mut().read_to_string().expect("a UTF-8 CSV");
    assert!(
        csv.starts_with("\u{feff}id,date,paper,page,headline"),
        "{csv}"
    );
    assert_eq!(
        csv.matches("\r\n").count(),
        1 + 8,
        "the header and the 8 hits: {csv}"
    );

    // Bad research parameters are named, as every API error is.
    for (path, parameter) in [
        ("/api/search?format=xml&q=a", "format"),
        ("/api/trend?q=a&by=week", "by"),
        ("/api/kwic?q=", "q"),
        ("/api/kwic?q=a&context=x", "context"),
    ] {
        let (status, body) = server.get(path);
        assert_eq!(
            (status, body["parameter"].as_str()),
            (400, Some(parameter)),
            "{path}: {body}"
        );
    }

    // 2. One line per term; one clickable period per month printed.
    let (_, trend) = server.get(&format!(
        "/api/trend?by=month&q={}&q={}",
        enc("疫情"),
        enc("防疫")
    ));
    let lines: Vec<(String, String)> = script(
        c,
        "return Array.from(document.querySelectorAll('#trend polyline.trend-line')).map(l => [l.dataset.q, l.getAttribute('points')]);",
    )
    .await;
    assert_eq!(
        lines.iter().map(|l| l.0.as_str()).collect::<Vec<_>>(),
        ["疫情", "防疫"]
    );
    let periods: Vec<String> = script(
        c,
        "return Array.from(document.querySelectorAll('#trend rect.period')).map(r => r.dataset.period);",
    )
    .await;
    let want: Vec<String> = trend["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| p["period"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(periods, want);
    assert_eq!(want, ["2019-10", "2020-01", "2020-02"]);
    // 疫情 is in none of 2019-10's articles: its line starts on the axis, below 防疫's.
    let y = |points: &str| -> f64 {
        let first = points.split(' ').next().unwrap_or_default();
        first
            .split(',')
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    assert!(y(&lines[0].1) > y(&lines[1].1), "{lines:?}");
    screenshot(c, "trend.png").await;
    c.find(Locator::Css("#trend rect.period[data-period='2020-01']"))
        .await
        .expect("the period")
        .click()
        .await
        .expect("click");
    wait_for(c, "results", &["from=2020-01&", "to=2020-01&"]).await;
    let (_, narrowed) = server.get(&format!(
        "/api/search?q={}&from=2020-01&to=2020-01&limit=10",
        enc("疫情")
    ));
    assert_eq!(shown_ids(c).await, ids(&narrowed));
    assert_eq!(ids(&narrowed).len(), 3);

    // 3. The concordance of the same search: one row per occurrence, the match marked.
    c.goto(&format!("{}/?q={}", server.url, enc("疫情")))
        .await
        .expect("the page opens");
    wait_for(c, "results", &["q=疫情&"]).await;
    c.find(Locator::Id("view-switch"))
        .await
        .expect("the concordance link")
        .click()
        .await
        .expect("click");
    wait_for(c, "kwic", &["view=kwic&"]).await;
    let (_, kwic) = server.get(&format!("/api/kwic?q={}&context=20&limit=500", enc("疫情")));
    let rows: Vec<String> = script(
        c,
        "return Array.from(document.querySelectorAll('#kwic tr')).map(r => r.querySelector('.hit mark').textContent);",
    )
    .await;
    assert_eq!(rows.len(), kwic["lines"].as_array().map_or(0, |l| l.len()));
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|r| r == "疫情"), "{rows:?}");
    // The match column is one column: every mark starts at the same x.
    let xs: Vec<f64> = script(
        c,
        "return Array.from(document.querySelectorAll('#kwic .hit mark')).map(m => Math.round(m.getBoundingClientRect().left));",
    )
    .await;
    assert!(xs.windows(2).all(|w| w[0] == w[1]), "{xs:?}");
    screenshot(c, "kwic.png").await;

    // 4. The reading view marks the query in the headline and the body, and shows it.
    let (_, hit) = server.get(&format!("/api/search?q={}&limit=1", enc("ＶＩＤ")));
    let id = ids(&hit)[0].clone();
    c.goto(&format!("{}/?q={}&id={id}", server.url, enc("疫情 covid")))
        .await
        .expect("the page opens");
    wait_for(c, "article", &[&format!("id={id}&")]).await;
    let head: Vec<String> = script(
        c,
        "return Array.from(document.querySelectorAll('#article-headline mark')).map(m => m.textContent);",
    )
    .await;
    assert_eq!(head, ["ＣＯＶＩＤ", "疫情"]);
    let body: Vec<String> = script(
        c,
        "return Array.from(document.querySelectorAll('#article-body mark')).map(m => m.textContent);",
    )
    .await;
    assert_eq!(body, ["ＣＯＶＩＤ", "疫情"]);
    let text: String = script(
        c,
        "return document.getElementById('article-body').textContent;",
    )
    .await;
    assert!(
        text.contains("老师们说，ＣＯＶＩＤ－１９疫情改变了课堂"),
        "{text}"
    );
    let visible: bool = script(
        c,
        "const r = document.querySelector('#article-view mark').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
    )
    .await;
    assert!(visible, "the first match is scrolled into view");
    screenshot(c, "article-highlighted.png").await;
}

async fn run(c: &Client, server: &Server) {
    c.goto(&format!("{}/", server.url))
        .await
        .expect("the page opens");
    wait_for(c, "results", &[]).await;

    // 1. A query typed into the box, sent with Enter.
    let q = "江城";
    type_into(c, "q", &format!("{q}{ENTER}")).await;
    wait_for(c, "results", &[&format!("q={q}&")]).await;
    let (_, api) = server.get(&format!("/api/search?q={}&limit=10", enc(q)));
    assert!(!ids(&api).is_empty(), "{q} is in the test archive");
    assert_eq!(
        shown_ids(c).await,
        ids(&api),
        "the page lists what the API finds"
    );
    let status = c.find(Locator::Id("status")).await.expect("#status");
    let text = status.text().await.expect("status text");
    assert!(text.contains(&api["total"].to_string()), "{text}");
    // The snippet marks the query.
    let marks = c
        .execute(
            "return Array.from(document.querySelectorAll('#results mark')).map(m => m.textContent);",
            vec![],
        )
        .await
        .expect("a script runs");
    let marks: Vec<String> = serde_json::from_value(marks).unwrap_or_default();
    assert!(marks.iter().any(|m| m == q), "highlights: {marks:?}");

    // 2. The chart has one bar per month; clicking one narrows the dates to it.
    let bars = c
        .execute(
            "return Array.from(document.querySelectorAll('#chart .bar')).map(b => [b.dataset.month, Number(b.dataset.count), b.getBoundingClientRect().height]);",
            vec![],
        )
        .await
        .expect("a script runs");
    let bars: Vec<(String, u64, f64)> = serde_json::from_value(bars).expect("chart bars");
    let months = api["facets"]["months"].as_array().expect("months");
    assert!(!bars.is_empty(), "no chart");
    for m in months {
        let month = m["month"].as_str().unwrap_or_default();
        let bar = bars.iter().find(|b| b.0 == month).expect("a bar per month");
        assert_eq!(Some(bar.1), m["count"].as_u64(), "{month}");
        assert!(bar.2 > 1.0, "{month}: the bar is drawn");
    }
    screenshot(c, "results.png").await;
    let month = months[0]["month"].as_str().unwrap_or_default().to_string();
    c.find(Locator::Css(&format!("#chart .bar[data-month='{month}']")))
        .await
        .expect("the bar")
        .click()
        .await
        .expect("click");
    wait_for(
        c,
        "results",
        &[&format!("from={month}&"), &format!("to={month}&")],
    )
    .await;
    let (_, narrowed) = server.get(&format!(
        "/api/search?q={}&from={month}&to={month}&limit=10",
        enc(q)
    ));
    assert_eq!(shown_ids(c).await, ids(&narrowed));

    // 3. A date range typed in the filters.
    let day = "2021-03-05";
    type_into(c, "from", day).await;
    type_into(c, "to", &format!("{day}{ENTER}")).await;
    wait_for(
        c,
        "results",
        &[&format!("from={day}&"), &format!("to={day}&")],
    )
    .await;
    let (_, dated) = server.get(&format!(
        "/api/search?q={}&from={day}&to={day}&limit=10",
        enc(q)
    ));
    assert!(!ids(&dated).is_empty(), "{q} on {day}");
    assert_eq!(shown_ids(c).await, ids(&dated));
    for h in dated["hits"].as_array().expect("hits") {
        assert_eq!(h["date"], day);
    }

    // 4. A reporter: one the index suggests for this search, else the fixture's byline.
    let reporter = dated["facets"]["reporters"][0]["name"]
        .as_str()
        .unwrap_or("林晓梅")
        .to_string();
    type_into(c, "reporter", &format!("{reporter}{ENTER}")).await;
    wait_for(c, "results", &[&format!("reporter={reporter}&")]).await;
    let (_, by) = server.get(&format!(
        "/api/search?q={}&from={day}&to={day}&reporter={}&limit=10",
        enc(q),
        enc(&reporter)
    ));
    assert_eq!(shown_ids(c).await, ids(&by));
    let chip = c
        .find(Locator::Css(".chip"))
        .await
        .expect("the reporter is shown as a filter");
    assert!(chip.text().await.unwrap_or_default().contains(&reporter));
    // Removing it (a button, so Enter works) brings the dated hits back.
    chip.send_keys(ENTER).await.expect("keys");
    wait_for(c, "results", &[&format!("from={day}&")]).await;
    let url = c.current_url().await.expect("url");
    assert!(!form_decode(url.query().unwrap_or_default()).contains("reporter="));
    assert_eq!(shown_ids(c).await, ids(&dated));

    // 5. The first hit opens in the reading view, by keyboard.
    let id = ids(&dated)[0].clone();
    let link = c
        .find(Locator::Css("#results li a.hit-link"))
        .await
        .expect("a hit link");
    link.send_keys(ENTER).await.expect("keys");
    wait_for(c, "article", &[&format!("id={id}&")]).await;
    let (_, art) = server.get(&format!("/api/article/{}", enc(&id)));
    let a = &art["article"];
    let headline = c
        .find(Locator::Id("article-headline"))
        .await
        .expect("the headline")
        .text()
        .await
        .expect("text");
    assert_eq!(Value::String(headline), a["headline"]);
    let body = c
        .find(Locator::Id("article-body"))
        .await
        .expect("the body")
        .text()
        .await
        .expect("text");
    let first_paragraph = a["body"]
        .as_str()
        .unwrap_or_default()
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim()
        .to_string();
    assert!(body.contains(&first_paragraph), "the body is shown whole");
    let meta = c
        .find(Locator::Id("article-meta"))
        .await
        .expect("the metadata")
        .text()
        .await
        .expect("text");
    assert!(meta.contains(day), "{meta}");
    // Each reporter is shown by name (the links were once printed as their addresses).
    for r in a["reporters"].as_array().into_iter().flatten() {
        let name = r["name"].as_str().unwrap_or_default();
        assert!(meta.contains(name), "{name} not in {meta}");
    }
    assert!(!meta.contains("http"), "{meta}");
    let view = c
        .find(Locator::Id("article-view"))
        .await
        .expect("the reading view")
        .text()
        .await
        .expect("text");
    assert!(
        !view.contains("null") && !view.contains("undefined"),
        "{view}"
    );
    assert!(
        meta.contains(a["paper"].as_str().unwrap_or_default()),
        "{meta}"
    );
    let neighbours = art["neighbours"].as_array().expect("neighbours");
    let shown = c
        .execute(
            "return Array.from(document.querySelectorAll('#neighbours li')).map(li => li.dataset.id);",
            vec![],
        )
        .await
        .expect("a script runs");
    let shown: Vec<String> = serde_json::from_value(shown).unwrap_or_default();
    let want: Vec<String> = neighbours
        .iter()
        .filter_map(|n| n["id"].as_str().map(String::from))
        .collect();
    assert_eq!(shown, want, "neighbours on the same page");
    screenshot(c, "article.png").await;

    // 6. The URL alone restores the view (bookmarks, shared links)…
    let url = c.current_url().await.expect("url").to_string();
    c.goto(&url).await.expect("reload");
    wait_for(c, "article", &[&format!("id={id}&")]).await;
    // …and Esc goes back to the results, with the search state intact.
    c.find(Locator::Css("body"))
        .await
        .expect("body")
        .send_keys(ESCAPE)
        .await
        .expect("keys");
    wait_for(c, "results", &[&format!("q={q}&"), &format!("from={day}&")]).await;
    assert_eq!(shown_ids(c).await, ids(&dated));
    let q_box = c
        .find(Locator::Id("q"))
        .await
        .expect("#q")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(q_box.as_deref(), Some(q));
}
