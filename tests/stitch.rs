//! Issue 17: a story continued on another page is one hit, with its parts; the printings of
//! one text are one hit, with the others listed; links stay right as files come and go.
//! The fixture archive (`tests/fixtures/stitch/`) holds jumps in each format (`（下转第四版）`
//! at the end of a paragraph over `（上接第一版）` at the start of one, `下转 A3 版` over
//! `上接一版` on lines of their own), a jump to a page that is not there, one text printed
//! twice, and recurring headlines over different texts that must not fold.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn baosou(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baosou"))
        .args(args)
        .output()
        .expect("the baosou binary runs")
}

/// The fixture archive copied into a temporary folder, and the index folder beside it.
fn archive() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stitch");
    let to = dir.path().join("archive");
    for e in walkdir::WalkDir::new(&from) {
        let e = e.expect("a readable fixture");
        let target = to.join(e.path().strip_prefix(&from).expect("under the fixtures"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(e.path(), &target).expect("a copy");
        }
    }
    let index = dir.path().join("index");
    (dir, to, index)
}

fn index(archive: &Path, index: &Path) {
    // --prune: a third of this small archive goes away in one of the tests.
    let o = baosou(&["index", "-q", "--prune", s(archive), "--index", s(index)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The hits of `search --json`.
fn search(index: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search", "--index", s(index), "--json"];
    all.extend_from_slice(args);
    let o = baosou(&all);
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON hit"))
        .collect()
}

/// The pages of a hit's parts, `None` for a part not in the archive.
fn part_pages(hit: &Value) -> Vec<(u64, bool)> {
    hit["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| (p["page"].as_u64().unwrap_or(0), p.get("missing").is_none()))
        .collect()
}

#[test]
fn a_continued_story_is_one_hit_with_its_parts() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    // Words of the first part, of the second, and one of each.
    for q in ["农资供应", "种子化肥", "农资 心里踏实"] {
        let hits = search(&idx, &[q]);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        let h = &hits[0];
        assert_eq!(h["path"], "江城日报/2020-03-02/01.txt", "{q}");
        assert_eq!(h["headline"], "春耕有序推进 农资供应充足");
        assert_eq!(part_pages(h), vec![(1, true), (4, true)], "{q}");
        assert_eq!(h["parts"][0]["span"], h["span"]);
        assert_eq!(h["duplicates"], serde_json::json!([]));
    }
    // Jump lines of their own, `下转 A3 版` over `上接一版`.
    let hits = search(&idx, &["定制专线"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(part_pages(&hits[0]), vec![(1, true), (3, true)]);
    // The continuation is not folded into the article printed above it on page 4.
    let hits = search(&idx, &["旧城改造"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(part_pages(&hits[0]), vec![(4, true)]);
}

#[test]
fn show_prints_every_part_and_says_what_is_missing() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    // The id of the second part shows the whole story.
    let all = search(&idx, &["--all-printings", "心里踏实"]);
    let id = all[0]["id"].as_str().expect("an id").to_string();
    let o = baosou(&["show", "--index", s(&idx), "--json", &id]);
    let shown: Value = serde_json::from_slice(&o.stdout).expect("show --json");
    let body = shown["body"].as_str().expect("a body");
    assert!(
        body.contains("农资供应总体充足") && body.contains("心里踏实"),
        "{body}"
    );
    assert_eq!(shown["parts"].as_array().map(Vec::len), Some(2));
    let o = baosou(&["show", "--index", s(&idx), &id]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("part 2 · page 4"), "{text}");
    // 社区服务暖人心 goes on on page 6, which the archive does not hold.
    let hits = search(&idx, &["社区服务"]);
    assert_eq!(part_pages(&hits[0]), vec![(1, true), (6, false)]);
    let id = hits[0]["id"].as_str().expect("an id");
    let o = baosou(&["show", "--index", s(&idx), id]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("continued on 6, not in this archive"),
        "{text}"
    );
}

#[test]
fn printings_of_one_text_fold_and_recurring_headlines_do_not() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    // Printed on pages 2 and 5 of one day, and a day later by another paper, one word
    // changed and a new headline.
    let hits = search(&idx, &["候鸟"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        hits[0]["page"], 2,
        "the earliest printing, lowest page first, is shown"
    );
    let dups = hits[0]["duplicates"].as_array().expect("duplicates");
    let places: Vec<(&str, &str)> = dups
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or(""),
                d["paper"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        places,
        vec![
            ("江城日报/2020-03-03/05.txt", "江城日报"),
            ("湘江日报/2020-03-04/03.txt", "湘江日报")
        ]
    );
    for key in ["id", "span", "date", "page"] {
        assert!(dups[0].get(key).is_some(), "{key}");
    }
    assert_eq!(search(&idx, &["--all-printings", "候鸟"]).len(), 3);
    // `show` of a later printing shows that printing, with the others listed.
    let id = dups[1]["id"].as_str().expect("an id");
    let o = baosou(&["show", "--index", s(&idx), "--json", id]);
    let shown: Value = serde_json::from_slice(&o.stdout).expect("show --json");
    assert_eq!(shown["headline"], "湿地公园候鸟成群");
    assert_eq!(shown["duplicates"].as_array().map(Vec::len), Some(2));
    // The same headline over other names is another article.
    let hits = search(&idx, &["江城市政府任免工作人员"]);
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits
        .iter()
        .all(|h| h["duplicates"] == serde_json::json!([])));
}

#[test]
fn links_follow_the_files_that_hold_the_parts() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    let page4 = archive.join("江城日报/2020-03-02/04.txt");
    let text = std::fs::read_to_string(&page4).expect("page 4");
    // The continuation's page removed: the first part says where the rest was.
    std::fs::remove_file(&page4).expect("removed");
    index(&archive, &idx);
    let hits = search(&idx, &["春耕"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(part_pages(&hits[0]), vec![(1, true), (4, false)]);
    assert!(search(&idx, &["心里踏实"]).is_empty());
    // Back again, then changed: the story is whole, with the new words.
    std::fs::write(&page4, &text).expect("written");
    index(&archive, &idx);
    assert_eq!(
        part_pages(&search(&idx, &["春耕"])[0]),
        vec![(1, true), (4, true)]
    );
    std::fs::write(&page4, text.replace("心里踏实", "干劲十足")).expect("written");
    index(&archive, &idx);
    assert!(search(&idx, &["心里踏实"]).is_empty());
    let hits = search(&idx, &["农资 干劲十足"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(part_pages(&hits[0]), vec![(1, true), (4, true)]);
    // The first part's page changed: the link is found again.
    let page1 = archive.join("江城日报/2020-03-02/01.txt");
    let first = std::fs::read_to_string(&page1).expect("page 1");
    std::fs::write(&page1, first.replace("略有增加", "有所增加")).expect("written");
    index(&archive, &idx);
    let hits = search(&idx, &["有所增加 干劲十足"]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(search(&idx, &["略有增加"]).is_empty());
    // A run that changes nothing keeps the links it found, without looking again.
    let links = idx.join("baosou-links.json");
    let written = std::fs::metadata(&links)
        .and_then(|m| m.modified())
        .expect("links");
    index(&archive, &idx);
    let again = std::fs::metadata(&links)
        .and_then(|m| m.modified())
        .expect("links");
    assert_eq!(
        again, written,
        "the links were found again though nothing changed"
    );
    assert_eq!(search(&idx, &["有所增加 干劲十足"]).len(), 1);
}

#[test]
fn totals_count_stories_and_texts() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    let batch = idx.parent().expect("a parent").join("q.jsonl");
    std::fs::write(&batch, "{\"q\": \"本报江城\"}\n{\"q\": \"候鸟\"}\n").expect("written");
    let o = baosou(&[
        "search",
        "--index",
        s(&idx),
        "--json",
        "--queries",
        s(&batch),
    ]);
    let lines: Vec<Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    // 春耕 (2 parts), 公交 (2 parts), 社区服务, 旧城改造, 候鸟 (2 printings).
    assert_eq!(lines[0]["total"], 5, "{}", lines[0]);
    assert_eq!(lines[0]["hits"].as_array().map(Vec::len), Some(5));
    assert_eq!(lines[1]["total"], 1);
}

#[test]
fn the_api_gives_parts_and_duplicates_and_unfolds_with_all() {
    let (_dir, archive, idx) = archive();
    index(&archive, &idx);
    let server = common::Server::start(&idx);
    let q = common::enc("候鸟");
    let (status, v) = server.get(&format!("/api/search?q={q}"));
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["hits"][0]["duplicates"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["facets"]["papers"][0]["count"], 1, "{v}");
    let (_, v) = server.get(&format!("/api/search?q={q}&all=1"));
    assert_eq!(v["total"], 3, "{v}");
    assert!(v["hits"][0]["duplicates"]
        .as_array()
        .is_some_and(Vec::is_empty));
    assert_eq!(v["facets"]["papers"][0]["count"], 2, "{v}");
    let (_, v) = server.get(&format!("/api/search?q={}", common::enc("农资 心里踏实")));
    assert_eq!(v["total"], 1, "{v}");
    assert_eq!(v["facets"]["papers"][0]["count"], 1, "{v}");
    let id = v["hits"][0]["id"].as_str().expect("an id").to_string();
    let (_, v) = server.get(&format!("/api/article/{id}"));
    assert_eq!(
        v["article"]["parts"].as_array().map(Vec::len),
        Some(2),
        "{v}"
    );
    assert_eq!(v["article"]["duplicates"], serde_json::json!([]));
}
