//! Property tests that stand in for a fuzzer (cargo-fuzz needs a nightly compiler): random
//! input to the splitter, the query parser and the whole search path must never panic, and
//! the splitter's spans must lie inside the text, in order, without overlapping.
//!
//! `cargo test` runs a few hundred cases per target. A longer run:
//! `FUZZ_SECONDS=180 cargo test --release --test fuzz -- --nocapture`, which prints the
//! number of inputs each target ran. A failure is shrunk to a minimal input by proptest.

use baosou::archive::{decode, Archive};
use baosou::index::{BuildOptions, Store};
use baosou::query::{self, Boosts, Request, Sort};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Pieces of newspaper text, for input that reaches deeper into the splitter than random
/// characters do.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "　",
    "\t",
    "\u{feff}",
    "\u{a0}",
    "。",
    "，",
    "：",
    "“",
    "”",
    "（",
    "）",
    "■",
    "●",
    "——",
    "本报记者",
    "记者",
    "通讯员",
    " 胡文洁",
    "柳 歌",
    "株洲日报讯",
    "本报讯",
    "新华社北京2月26日电",
    "本报北京１２月１３日电",
    "2月26日",
    "2020年2月27日",
    "星期四",
    "第01版",
    "A02",
    "下转A2版",
    "上接第一版",
    "图/",
    "摄",
    "作者：",
    "时间：2020-02-27",
    "责任编辑",
    "市委常委会召开会议",
    "疫情防控",
    "毛腾飞",
    "复工复产",
    "a",
    "1",
    "12:30",
    "\u{200b}",
    "\u{fffd}",
    "😀",
    "\u{301}",
];

fn newspaperish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|v| v.concat())
}

fn any_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Runs `test` on values from `strategy`: `FUZZ_SECONDS` seconds if set, otherwise
/// `PROPTEST_CASES` cases (default 256). Returns the number of inputs run.
fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> u64
where
    S::Value: std::fmt::Debug,
{
    let seconds: Option<u64> = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    let started = Instant::now();
    let mut runs = 0u64;
    loop {
        let batch = if seconds.is_some() { 1000 } else { cases };
        let mut runner = TestRunner::new(Config {
            cases: batch,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        runs += u64::from(batch);
        match seconds {
            Some(s) if started.elapsed() < Duration::from_secs(s) => continue,
            _ => break,
        }
    }
    eprintln!(
        "{name}: {runs} inputs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    runs
}

/// The splitter's promises about spans, for any text.
fn check_split(text: &str) -> Result<(), TestCaseError> {
    let n = text.chars().count();
    let page = baosou::split::split(text);
    let mut last_end = 0;
    for a in &page.articles {
        let [start, end] = a.span;
        prop_assert!(start <= end, "span {:?} runs backwards", a.span);
        prop_assert!(end <= n, "span {:?} ends past the text ({n} chars)", a.span);
        prop_assert!(
            start >= last_end,
            "span {:?} overlaps the one before",
            a.span
        );
        last_end = end;
    }
    Ok(())
}

#[test]
fn splitter_on_random_bytes() {
    fuzz(
        "splitter/bytes",
        prop::collection::vec(any::<u8>(), 0..2000),
        |bytes| check_split(&decode(&bytes).text),
    );
}

#[test]
fn splitter_on_newspaper_like_text() {
    fuzz("splitter/pieces", newspaperish(), |text| check_split(&text));
}

#[test]
fn splitter_on_random_text() {
    fuzz("splitter/chars", any_text(500), |text| check_split(&text));
}

#[test]
fn archive_reads_random_bytes() {
    let archive = Archive::new("/nonexistent/江城晚报");
    fuzz(
        "archive/page_from_bytes",
        prop::collection::vec(any::<u8>(), 0..2000),
        |bytes| {
            let _ = archive.page_from_bytes("2020-02-27/A01.txt", &bytes);
            Ok(())
        },
    );
}

/// Query syntax, to reach past the first error.
const QUERY_PIECES: &[&str] = &[
    " ",
    "　",
    "\"",
    "＂",
    "-",
    "－",
    ":",
    "：",
    "OR",
    "or",
    "headline:",
    "body:",
    "reporter:",
    "title:",
    "foo:",
    "疫情",
    "防控",
    "毛腾飞",
    "记者",
    "a",
    "12:30",
    "2019-2020",
    "*",
    "(",
    ")",
    "\\",
    "\u{0}",
    "\u{200b}",
    "😀",
    "\u{301}",
];

fn queryish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(QUERY_PIECES), 0..12).prop_map(|v| v.concat())
}

#[test]
fn query_parser_on_random_text() {
    fuzz("query/parse chars", any_text(60), |q| {
        let _ = query::parse(&q);
        Ok(())
    });
    fuzz("query/parse pieces", queryish(), |q| {
        let _ = query::parse(&q);
        Ok(())
    });
}

#[test]
fn date_filters_on_random_text() {
    let value = prop_oneof![
        any_text(20),
        "[0-9]{0,9}".prop_map(String::from).boxed(),
        prop::collection::vec(
            prop::sample::select(&["2020", "-", "/", ".", "02", "30", "0", "99999999999"][..]),
            0..6
        )
        .prop_map(|v| v.concat()),
    ];
    fuzz("query/day_range", (value.clone(), value), |(a, b)| {
        let (a, b) = (a.parse::<query::Period>().ok(), b.parse().ok());
        let _ = query::day_range(a, b, a);
        Ok(())
    });
}

/// A small index of the sample page, built once.
fn sample_index() -> &'static (tempfile::TempDir, Store) {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    STORE.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let dir = tmp.path().join("index");
        let store = Store::create(&dir, &data, false).expect("an index");
        baosou::index::build(&Archive::new(&data), &store, &BuildOptions::default())
            .expect("the sample page indexes");
        (tmp, store)
    })
}

#[test]
fn search_on_random_queries() {
    let (_, store) = sample_index();
    let searcher = store.reader().expect("a reader").searcher();
    let strategy = (
        prop_oneof![queryish(), any_text(30)],
        any::<usize>(),
        any::<usize>(),
        any::<bool>(),
    );
    fuzz("query/search", strategy, |(q, limit, offset, by_date)| {
        let Ok(parsed) = query::parse(&q) else {
            return Ok(());
        };
        let req = Request {
            query: parsed,
            reporters: vec![q.clone()],
            days: None,
            paper: None,
            page: None,
            limit: limit % 50,
            offset: if offset % 2 == 0 { offset % 10 } else { offset },
            sort: if by_date { Sort::Date } else { Sort::Relevance },
            boosts: Boosts::default(),
            all_printings: false,
        };
        let results = query::search(store, &searcher, &req);
        prop_assert!(
            results.is_ok(),
            "{q:?}: {results:?}",
            results = results.err()
        );
        let mut req = req;
        req.reporters.clear();
        let results = query::search(store, &searcher, &req);
        prop_assert!(
            results.is_ok(),
            "{q:?}: {results:?}",
            results = results.err()
        );
        Ok(())
    });
}
