//! The real binary on the sample page in `data/`, on the fixture archive in
//! `tests/fixtures/archive/` (a UTF-8 page and a GB18030 page, dates in the folder names,
//! a paragraph broken by a column break) and on the page in `tests/fixtures/ranking/`,
//! written to hold articles that ranking rules tell apart.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{baosou, copy_dir, root, stderr, stdout};

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/archive")
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Indexes an archive into a fresh temporary folder and returns it.
fn indexed(archive: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let index = dir.path().join("index");
    let o = baosou(&[
        "index",
        archive.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "index failed: {}", stderr(&o));
    dir
}

fn search(dir: &tempfile::TempDir, args: &[&str]) -> Output {
    let index = dir.path().join("index");
    let mut all = vec!["search", "--index", index.to_str().unwrap()];
    all.extend_from_slice(args);
    baosou(&all)
}

fn headlines(o: &Output) -> Vec<String> {
    json_lines(o)
        .iter()
        .map(|h| h["headline"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn sample_page_ranks_the_article_about_mao_tengfei_first() {
    let dir = indexed(&root().join("data"));
    let o = search(&dir, &["毛腾飞", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let heads = headlines(&o);
    assert!(
        heads[0].starts_with("毛腾飞深入特殊场所督导疫情防控时强调"),
        "first hit: {heads:?}"
    );
}

#[test]
fn sample_page_reporter_filter_is_exact() {
    let dir = indexed(&root().join("data"));
    let o = search(&dir, &["--reporter", "胡文洁", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(headlines(&o), vec!["市委常委会召开会议"]);
}

#[test]
fn a_word_inside_a_longer_jieba_word_is_found() {
    let dir = indexed(&root().join("data"));
    let o = search(&dir, &["腾飞", "--json"]);
    let hits = json_lines(&o);
    assert!(!hits.is_empty(), "腾飞 inside 毛腾飞 was not found");
    assert!(hits
        .iter()
        .all(|h| h["snippet"].as_str().unwrap().contains("腾飞")));
}

#[test]
fn a_hit_found_by_its_byline_shows_the_byline_highlighted() {
    let dir = indexed(&fixtures());
    let o = search(&dir, &["赵明", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json_lines(&o);
    assert!(!hits.is_empty());
    for h in &hits {
        let snippet: Vec<char> = h["snippet"].as_str().unwrap().chars().collect();
        let [from, to] = [0, 1].map(|k| h["highlights"][0][k].as_u64().unwrap() as usize);
        assert_eq!(snippet[from..to].iter().collect::<String>(), "赵明", "{h}");
    }
}

#[test]
fn gb18030_page_is_decoded_and_indexed() {
    let dir = indexed(&fixtures());
    let o = search(&dir, &["图书馆", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = json_lines(&o);
    assert_eq!(hits[0]["headline"], "江城图书馆延长开放时间");
    assert_eq!(hits[0]["path"], "江城晚报/2021-03-06/02.txt");
    assert_eq!(hits[0]["paper"], "江城晚报");
    assert_eq!(hits[0]["page"], 2);
}

#[test]
fn dates_come_from_the_path_and_filter_by_day_month_and_range() {
    let dir = indexed(&fixtures());
    let day = search(&dir, &["--date", "2021-03-05", "--json"]);
    let heads = headlines(&day);
    assert!(
        heads.contains(&"江城举行春季植树活动".to_string()),
        "{heads:?}"
    );
    assert!(
        !heads.contains(&"江城图书馆延长开放时间".to_string()),
        "{heads:?}"
    );
    for h in json_lines(&day) {
        assert_eq!(h["date"], "2021-03-05");
    }
    let month = search(&dir, &["--date", "2021-03", "--json"]);
    let range = search(
        &dir,
        &["--from", "2021-03-05", "--to", "2021-03-06", "--json"],
    );
    assert_eq!(json_lines(&month).len(), json_lines(&range).len());
    assert!(json_lines(&month).len() > json_lines(&day).len());
    let none = search(&dir, &["--date", "2021-04"]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn a_word_across_a_column_break_is_found() {
    let dir = indexed(&fixtures());
    let o = search(&dir, &["心里很高兴", "--json"]);
    assert_eq!(
        headlines(&o),
        vec!["江城举行春季植树活动"],
        "{}",
        stderr(&o)
    );
}

#[test]
fn reporter_filter_with_keyword() {
    let dir = indexed(&fixtures());
    let o = search(&dir, &["江城", "--reporter", "林晓梅", "--json"]);
    let mut heads = headlines(&o);
    heads.sort();
    assert_eq!(
        heads,
        vec!["江城举行春季植树活动", "江城图书馆延长开放时间"]
    );
}

/// Hits that score the same, dated the same and printed on the same page come in the same
/// order however the index was built: four papers' page 1 of one day, each story by one
/// reporter, indexed one paper a run in two orders (so each lands in a segment of its own,
/// first or last), give one order for a search by that reporter alone, on a page of hits and
/// in an export.
#[test]
fn equal_hits_come_in_one_order_however_the_index_was_built() {
    let stories = [
        (
            "东湖晚报",
            "东湖水质持续改善",
            "今年以来东湖水质监测断面全部达标，岸线整治完成八成。",
        ),
        (
            "西山日报",
            "西山茶园迎来采摘季",
            "西山三千亩茶园进入春茶采摘高峰，茶农忙着炒制新茶。",
        ),
        (
            "南岭时报",
            "南岭隧道贯通",
            "南岭隧道昨日全线贯通，预计年底通车，两地车程缩短一半。",
        ),
        (
            "北港商报",
            "北港集装箱吞吐量创新高",
            "一季度北港集装箱装卸量同比增长一成二，航线新增五条。",
        ),
    ];
    let order = |papers: &mut dyn Iterator<Item = usize>| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (archive, index) = (dir.path().join("archive"), dir.path().join("index"));
        for i in papers {
            let (paper, head, body) = stories[i];
            let day = archive.join(paper).join("2021-03-01");
            std::fs::create_dir_all(&day).expect("a page folder");
            let page = format!("{head}\n\n本报记者 韩冬青\n\n{body}\n");
            std::fs::write(day.join("01.txt"), page).expect("a page file");
            let o = baosou(&[
                "index",
                "-q",
                archive.to_str().unwrap(),
                "--index",
                index.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "index failed: {}", stderr(&o));
        }
        let search = |how| {
            let o = baosou(&[
                "search",
                "--reporter",
                "韩冬青",
                how,
                "--index",
                index.to_str().unwrap(),
            ]);
            headlines(&o)
        };
        (search("--json"), search("--format=jsonl"))
    };
    let forwards = order(&mut (0..4));
    let backwards = order(&mut (0..4).rev());
    assert_eq!(forwards.0.len(), 4, "{forwards:?}");
    assert_eq!(forwards.1.len(), 4, "{forwards:?}");
    assert_eq!(forwards, backwards);
}

/// Issue #4: the ranking promises, each as a query and the headline that must come first.
#[test]
fn issue_4_ranking_promises() {
    let dir = indexed(&root().join("tests/fixtures/ranking"));
    let wetland_park = "市政府召集专题会议统筹推进湿地公园二期建设和周边道路交通改善工作";
    let cases = [
        // A headline match outranks a body that repeats the word, even when the headline,
        // kicker and subheadline together are long.
        ("湿地", wetland_park),
        // A headline holding every query word outranks a short headline holding one of them
        // over a body that repeats the other.
        ("湿地 公园", wetland_park),
        // A short article is not drowned by a long one holding the word as often.
        ("预约", "新书上架"),
    ];
    for (q, first) in cases {
        let heads = headlines(&search(&dir, &[q, "--json"]));
        assert_eq!(
            heads.first().map(String::as_str),
            Some(first),
            "{q}: {heads:?}"
        );
    }
}

#[test]
fn no_hits_exit_1_and_bad_requests_exit_2() {
    let dir = indexed(&fixtures());
    let o = search(&dir, &["火星探测器"]);
    assert_eq!(o.status.code(), Some(1));
    let cases: [(&[&str], &str); 5] = [
        (&["--date", "2021-02-30"], "no such day"),
        (
            &["--from", "2021-03-06", "--to", "2021-03-01"],
            "comes after",
        ),
        (&["\"植树"], "unbalanced quote"),
        (&["foo:植树"], "unknown field"),
        (&["--limit", "-1"], "-1"),
    ];
    for (args, want) in cases {
        let o = search(&dir, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
    let missing = baosou(&["search", "植树", "--index", "/nonexistent/baosou-index"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("/nonexistent/baosou-index"));
    assert!(stderr(&missing).contains("baosou index"));
}

#[test]
fn batch_queries_follow_the_scorer_contract() {
    let dir = indexed(&fixtures());
    let batch = dir.path().join("batch.jsonl");
    std::fs::write(
        &batch,
        "{\"q\": \"植树\", \"limit\": 5}\n{\"reporter\": \"赵明\"}\n{\"q\": \"菜市场\", \"date\": \"2021-03-06\"}\n",
    )
    .unwrap();
    let o = search(&dir, &["--json", "--queries", batch.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert!(line["took_ms"].as_f64().is_some());
        assert!(line["total"].as_u64().is_some());
        for hit in line["hits"].as_array().unwrap() {
            for key in [
                "id",
                "score",
                "path",
                "span",
                "headline",
                "date",
                "page",
                "reporters",
            ] {
                assert!(hit.get(key).is_some(), "hit without {key}: {hit}");
            }
        }
    }
    assert_eq!(lines[1]["hits"][0]["headline"], "社区菜市场完成升级");
    assert_eq!(lines[2]["total"], 1);
}

#[test]
fn show_prints_the_whole_article() {
    let dir = indexed(&fixtures());
    let hits = json_lines(&search(&dir, &["老街改造", "--json"]));
    let id = hits[0]["id"].as_str().unwrap();
    let index = dir.path().join("index");
    let o = baosou(&["show", id, "--index", index.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("东门老街改造工程涉及居民六百余户"));
    let o = baosou(&["show", "no-such-id", "--index", index.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn split_json_spans_point_into_the_decoded_page() {
    let page = fixtures().join("江城晚报/2021-03-06/02.txt");
    let o = baosou(&["split", "--json", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text: Vec<char> = gb18030_text(&page).chars().collect();
    let articles = json_lines(&o);
    assert_eq!(articles.len(), 2);
    for a in &articles {
        let span = a["span"].as_array().unwrap();
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let inside: String = text[s..e].iter().collect();
        assert!(
            inside.starts_with(a["headline"].as_str().unwrap()),
            "{inside}"
        );
    }
}

/// A GB18030 fixture page, decoded without baosou.
fn gb18030_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    encoding_rs::GB18030.decode(&bytes).0.into_owned()
}

/// A copy of the 江城晚报 fixture archive in a temporary folder, and an index folder path
/// beside it.
fn fixture_copy() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("江城晚报");
    copy_dir(&fixtures().join("江城晚报"), &archive);
    let index = tmp.path().join("index");
    (tmp, archive, index)
}

fn index_into(archive: &Path, index: &Path) -> Output {
    baosou(&[
        "index",
        archive.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ])
}

#[test]
fn a_second_run_reads_only_what_changed() {
    let (_tmp, archive, index) = fixture_copy();
    let run = || index_into(&archive, &index);
    assert!(run().status.success());
    let again = run();
    assert!(
        stderr(&again).contains("0 added, 0 updated, 0 removed, 2 unchanged"),
        "{}",
        stderr(&again)
    );
    std::fs::remove_file(archive.join("2021-03-06/02.txt")).unwrap();
    // Half the index: removed only when --prune says so.
    let refused = run();
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--prune"), "{}", stderr(&refused));
    let prune = ["index", "--prune", "--index", index.to_str().unwrap()];
    let after = baosou(&[&prune[..1], &[archive.to_str().unwrap()], &prune[1..]].concat());
    assert!(stderr(&after).contains("1 removed"), "{}", stderr(&after));
    let o = baosou(&["search", "图书馆", "--index", index.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

/// After an upgrade, files indexed by the old splitter are split again, though unchanged:
/// the old run kept their old articles until `--rebuild`.
#[test]
fn files_indexed_by_another_version_are_split_again() {
    let (_tmp, archive, index) = fixture_copy();
    let run = || index_into(&archive, &index);
    let first = run();
    assert!(first.status.success(), "{}", stderr(&first));
    let ids = || {
        let o = baosou(&["search", "--index", index.to_str().unwrap(), "--json"]);
        let mut ids: Vec<String> = json_lines(&o).iter().map(|h| h["id"].to_string()).collect();
        ids.sort();
        ids
    };
    let before = ids();
    assert!(!before.is_empty());
    // The manifest as a version with another splitter (or none recorded) wrote it.
    let manifest = index.join("baosou-files.json");
    let mut m: Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    for record in m["files"].as_object_mut().unwrap().values_mut() {
        record.as_object_mut().unwrap().remove("reader");
    }
    std::fs::write(&manifest, serde_json::to_vec(&m).unwrap()).unwrap();
    let upgraded = run();
    let err = stderr(&upgraded);
    assert!(
        err.contains("0 added, 2 updated, 0 removed, 0 unchanged"),
        "{err}"
    );
    assert!(
        err.contains("2 files indexed by another version of baosou were split again"),
        "{err}"
    );
    assert_eq!(ids(), before);
    let again = run();
    assert!(stderr(&again).contains("2 unchanged"), "{}", stderr(&again));
}

/// Excluding a phrase that no article holds once panicked inside tantivy's phrase scorer in
/// debug builds (quickwit-oss/tantivy#2811); it must simply exclude nothing.
#[test]
fn excluding_a_phrase_found_nowhere_excludes_nothing() {
    let dir = indexed(&root().join("data"));
    let all = json_lines(&search(&dir, &["疫情", "--json", "--limit", "100"])).len();
    let o = search(
        &dir,
        &["--json", "--limit", "100", "--", "疫情", "-疫情毛腾飞"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_lines(&o).len(), all);
    let o = search(&dir, &["--json", "--limit", "100", "--", "疫情", "-毛腾飞"]);
    assert!(json_lines(&o).len() < all);
}

/// An article printed twice (on page 1 and again on the page it continues on) scores the
/// same both times: the copy on the lower page comes first, whatever order the files were
/// indexed in (ties followed the index, which put `B02.txt` first).
#[test]
fn equal_scores_put_the_lower_page_first() {
    let archive = tempfile::tempdir().expect("a temporary folder");
    let day = archive.path().join("江城晚报/2020-03-01");
    std::fs::create_dir_all(&day).expect("a day folder");
    let page = "春耕备耕有序推进\n\n江城晚报讯 3月1日，全市春耕备耕工作有序推进。\n";
    std::fs::write(day.join("B02.txt"), page).expect("page 2 written");
    std::fs::write(day.join("A01.txt"), page).expect("page 1 written");
    let dir = indexed(archive.path());
    for _ in 0..3 {
        let o = search(&dir, &["春耕", "--json"]);
        let pages: Vec<u64> = json_lines(&o)
            .iter()
            .map(|h| h["page"].as_u64().unwrap_or_default())
            .collect();
        assert_eq!(pages, vec![1, 2], "{}", stdout(&o));
    }
}

#[test]
fn issue_16_repeated_words_count_once_and_too_many_words_exit_2() {
    let dir = indexed(&fixtures());
    let once = search(&dir, &["植树", "--json"]);
    let q = "植树 ".repeat(10_000);
    let started = std::time::Instant::now();
    let many = search(&dir, &[q.trim(), "--json"]);
    assert_eq!(
        many.status.code(),
        Some(2),
        "over 500 characters: {}",
        stderr(&many)
    );
    assert!(stderr(&many).contains("at most 500"), "{}", stderr(&many));
    let q = "植树 ".repeat(160);
    let many = search(&dir, &[q.trim(), "--json"]);
    assert_eq!(many.status.code(), Some(0), "{}", stderr(&many));
    assert_eq!(stdout(&many), stdout(&once));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let words: Vec<String> = (0..33).map(|n| format!("词{n}")).collect();
    let o = search(&dir, &[&words.join(" ")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("33 different words: at most 32"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn issue_16_limit_0_and_page_0_are_errors_that_say_what_is_allowed() {
    let dir = indexed(&fixtures());
    let cases: [(&[&str], &str); 4] = [
        (&["植树", "--limit", "0"], "from 1"),
        (&["植树", "-n", "0"], "from 1"),
        (&["植树", "--page", "0"], "1.."),
        (&["--page", "0"], "1.."),
    ];
    for (args, want) in cases {
        let o = search(&dir, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
    let lines = dir.path().join("q.jsonl");
    std::fs::write(&lines, "{\"q\": \"植树\", \"limit\": 0}\n").unwrap();
    let o = search(&dir, &["--json", "--queries", lines.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("q.jsonl:1: limit 0"), "{}", stderr(&o));
}

#[test]
fn issue_16_queries_lines_are_bounded() {
    let dir = indexed(&fixtures());
    let index = dir.path().join("index");
    let mut child = Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(["search", "--json", "--queries", "/dev/zero", "--index"])
        .arg(&index)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("search --queries /dev/zero still runs after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(
        err.contains("/dev/zero:1: the line is longer than 64 KiB"),
        "{err}"
    );
    // A long line that fits is read, and the next line too.
    let lines = dir.path().join("q.jsonl");
    let pad = " ".repeat(60_000);
    std::fs::write(
        &lines,
        format!("{{\"q\": \"植树\"{pad}}}\n{{\"q\": \"老街\"}}\n"),
    )
    .unwrap();
    let o = search(&dir, &["--json", "--queries", lines.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_lines(&o).len(), 2);
}

#[test]
fn issue_16_control_characters_in_file_names_are_escaped_on_the_terminal() {
    let (_tmp, archive, index) = fixture_copy();
    let day = archive.join("2021-03-05");
    std::fs::rename(day.join("01.txt"), day.join("01\x1b[2J\u{202e}.txt")).unwrap();
    assert!(index_into(&archive, &index).status.success());
    let at = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--index", index.to_str().unwrap()]);
        baosou(&all)
    };
    let found = at(&["search", "植树", "--json"]);
    let id = json_lines(&found)[0]["id"].as_str().unwrap().to_string();
    let outputs = [
        (at(&["show", &id]), true),
        (baosou(&["split", day.to_str().unwrap()]), true),
        (at(&["search", "植树"]), false),
    ];
    for (o, names_the_file) in &outputs {
        let text = stdout(o);
        assert!(
            !text.contains('\x1b') && !text.contains('\u{202e}'),
            "{text:?}"
        );
        if *names_the_file {
            assert!(text.contains("01\\x1b[2J\\u{202e}.txt"), "{text}");
        }
    }
    let missing = day.join("bad\x1b[31m.jsonl");
    let o = at(&["search", "--queries", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains('\x1b'), "{:?}", stderr(&o));
    assert!(stderr(&o).contains("bad\\x1b[31m.jsonl"), "{}", stderr(&o));
}

/// The research fixture: pages of one paper (晨光日报, named only in the file names) over
/// 2019-10, 2020-01 and 2020-02, 18 articles, 12 of which hold 防疫 and 8 疫情; the page in
/// `misc/` has no date in its path and takes the one its datelines give.
fn research() -> tempfile::TempDir {
    indexed(&root().join("tests/fixtures/research"))
}

#[test]
fn issue_18_the_paper_comes_from_the_file_name() {
    let o = baosou(&["split", "tests/fixtures/research", "--json"]);
    let articles = json_lines(&o);
    assert_eq!(articles.len(), 18, "{}", stderr(&o));
    for a in &articles {
        assert_eq!(a["paper"], "晨光日报", "{}", a["path"]);
    }
}

#[test]
fn issue_18_a_page_without_a_dated_path_has_one_date() {
    let o = baosou(&["split", "tests/fixtures/research/misc", "--json"]);
    let articles = json_lines(&o);
    assert_eq!(articles.len(), 3);
    for a in &articles {
        // The third story opens with 2月20日, an event's day, not the paper's.
        assert_eq!(a["date"], "2020-02-25", "{}", a["headline"]);
    }
    assert_eq!(articles[0]["dateline"], "晨光日报讯 2月25日");
}

#[test]
fn issue_18_export_streams_every_hit_not_one_page() {
    let dir = research();
    let o = search(&dir, &["防疫", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("\u{feff}id,date,paper,page,headline,reporters,dateline,path,snippet\r\n")
    );
    let rows: Vec<&str> = text
        .split("\r\n")
        .skip(1)
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(rows.len(), 12, "{text}");
    // Oldest first; a spreadsheet reads the fields back.
    assert!(rows[0].contains(",2019-10-08,晨光日报,01,"), "{}", rows[0]);
    assert!(
        rows[11].contains(",2020-02-26,晨光日报,03,"),
        "{}",
        rows[11]
    );
    let o = search(&dir, &["防疫", "--format", "jsonl"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 12);
    for l in &lines {
        for key in [
            "id",
            "date",
            "paper",
            "page",
            "headline",
            "reporters",
            "dateline",
            "path",
            "snippet",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        let shown = format!("{}{}", l["headline"], l["snippet"]);
        assert!(shown.contains("防疫"), "{l}");
    }
    // No hit: exit 1, a CSV of the header alone.
    let o = search(&dir, &["火星", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).matches("\r\n").count(), 1);
}

#[test]
fn issue_18_trends_count_matches_and_all_articles_per_period() {
    let dir = research();
    let o = search(
        &dir,
        &[
            "--by", "month", "--query", "防疫", "--query", "疫情", "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<(String, u64, Vec<u64>)> = json_lines(&o)
        .iter()
        .map(|r| {
            let counts = r["counts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap());
            (
                r["period"].as_str().unwrap().to_string(),
                r["articles"].as_u64().unwrap(),
                counts.collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("2019-10".to_string(), 4, vec![2, 0]),
            ("2020-01".to_string(), 5, vec![4, 3]),
            ("2020-02".to_string(), 9, vec![6, 5]),
        ]
    );
    let o = search(&dir, &["疫情", "--by", "year"]);
    assert_eq!(
        stdout(&o),
        "year   articles  疫情   share\n\
         2019          4     0   0.00%\n\
         2020         14     8  57.14%\n\
         total        18     8  44.44%\n"
    );
    // Filters narrow the articles counted too.
    let o = search(&dir, &["疫情", "--by", "day", "--page", "3", "--json"]);
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0]["period"].as_str(), rows[0]["articles"].as_u64()),
        (Some("2020-02-26"), Some(6))
    );
    assert_eq!(rows[0]["counts"][0], 5);
}

#[test]
fn issue_18_kwic_aligns_the_match_whatever_the_width_of_the_text() {
    use unicode_width::UnicodeWidthStr;
    let dir = research();
    let o = search(&dir, &["疫情", "--kwic", "--context", "6"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    // Every occurrence: 8 articles, two of which hold 疫情 in the headline and the body.
    assert_eq!(lines.len(), 10, "{text}");
    let full_width = lines
        .iter()
        .find(|l| l.contains("ＶＩＤ－１９"))
        .expect("the full-width line");
    assert!(full_width.contains("2020-02-26"), "{full_width}");
    for l in &lines {
        let at = l.find("疫情").expect("the match");
        assert_eq!(l[..at].width(), 13, "the match starts in column 13: {l}");
        // Then the right context, padded to 12 columns, and the id, date and page.
        let parts: Vec<&str> = l.rsplitn(4, "  ").collect();
        assert_eq!(parts.len(), 4, "{l}");
        assert!(parts[0] == "01" || parts[0] == "03", "{l}");
        assert_eq!(parts[3].width(), 12 + 1 + 4 + 1 + 12, "{l}");
    }
    let o = search(&dir, &["疫情", "--kwic", "--context", "6", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 10);
    let l = lines
        .iter()
        .find(|l| l["left"] == "ＶＩＤ－１９" && l["right"] == "改变了课堂，")
        .expect("the body's line");
    assert_eq!(
        (l["hit"].as_str(), l["date"].as_str(), l["page"].as_str()),
        (Some("疫情"), Some("2020-02-26"), Some("03"))
    );
}

#[test]
fn issue_18_show_highlights_the_query() {
    let dir = research();
    let o = search(&dir, &["ＣＯＶＩＤ", "--json"]);
    let id = json_lines(&o)[0]["id"].as_str().unwrap().to_string();
    let index = dir.path().join("index");
    let o = baosou(&[
        "show",
        &id,
        "--query",
        "covid 疫情",
        "--index",
        index.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("【ＣＯＶＩＤ】－１９【疫情】下的网课\n"),
        "{text}"
    );
    assert!(
        text.contains("老师们说，【ＣＯＶＩＤ】－１９【疫情】改变了课堂"),
        "{text}"
    );
    let o = baosou(&["show", &id, "--index", index.to_str().unwrap()]);
    assert!(!stdout(&o).contains('【'));
}

#[test]
fn issue_18_help_names_years_and_offset() {
    let help = stdout(&baosou(&["search", "--help"]));
    assert!(help.contains("--date <DAY|MONTH|YEAR>"), "{help}");
    let queries = help
        .lines()
        .find(|l| l.contains("--queries <FILE>"))
        .unwrap_or_default();
    assert!(queries.contains("offset"), "{help}");
}

/// `baosou split … --json | head -1`: a reader that stops early ends the run quietly (the
/// JSON printer's broken pipe came wrapped in serde_json's error, and was printed).
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_baosou"))
        // Three times the fixtures: more than a pipe holds, so the writer meets the close.
        .args(["split", "data", "tests/fixtures", "data", "tests/fixtures"])
        .args(["data", "tests/fixtures", "--json"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the baosou binary runs");
    let mut first = String::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    lines.read_line(&mut first).unwrap();
    drop(lines);
    let o = child.wait_with_output().unwrap();
    assert!(first.starts_with('{'), "{first}");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}
