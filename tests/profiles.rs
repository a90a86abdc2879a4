//! Each paper's habits, learned from its pages: kept in the index by `index`, shown by
//! `stats` and `/api/info`, and lent to `split` by `--like` and `--index`.

mod common;

use common::baosou;

use serde_json::Value;

#[test]
fn index_keeps_what_it_learned_of_each_paper_and_stats_shows_it() {
    let dir = common::indexed();
    let index = dir.path().join("index");
    let o = baosou(&["stats", "--json", "--index", index.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stats: Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    let profiles = stats["profiles"].as_array().expect("a list of profiles");
    let papers: Vec<(&str, u64)> = profiles
        .iter()
        .map(|p| (p["paper"].as_str().unwrap(), p["pages"].as_u64().unwrap()))
        .collect();
    assert_eq!(papers, [("株洲日报", 1), ("江城晚报", 2)]);
    assert!(!profiles[0]["findings"].as_array().unwrap().is_empty());

    let o = baosou(&["stats", "--index", index.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("learned of 江城晚报"));
}

#[test]
fn split_lends_a_page_the_profile_of_an_archive_or_an_index() {
    let dir = common::indexed();
    let archive = common::archive(dir.path());
    let index = dir.path().join("index");
    let page = archive.join("江城晚报/2021-03-05/01.txt");
    let page = page.to_str().unwrap();
    let plain = baosou(&["split", page, "--json"]);
    assert!(plain.status.success());
    for how in [
        ["--like", archive.to_str().unwrap()],
        ["--index", index.to_str().unwrap()],
    ] {
        let o = baosou(&["split", page, "--json", how[0], how[1]]);
        assert!(
            o.status.success(),
            "{how:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty());
    }
    let o = baosou(&["split", page, "--like", page]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--like needs an archive folder"));
}
