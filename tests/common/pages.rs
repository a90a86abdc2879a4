//! Made-up archives for the tests of `baosou index`: pages generated here, so a test needs
//! no fixture and can make as many pages as it likes, and the binary run on them.

use std::path::Path;
use std::process::Output;

pub use super::{baosou, s, stderr};

const TOPICS: &[&str] = &["春耕生产", "社区服务", "交通改造", "图书馆建设", "文化活动"];

/// A made-up page with `n` articles, each with a phrase of its own (`编号甲{no}乙{a}丙`).
pub fn page(no: usize, n: usize) -> String {
    let mut out = String::new();
    for a in 0..n {
        let topic = TOPICS[(no + a) % TOPICS.len()];
        out.push_str(&format!(
            "{topic}稳步推进第{no}期{a}\n\n本报记者 王晓明\n\n本报讯 记者王晓明报道，\
             本市{topic}第{no}号项目进展顺利，记录编号甲{no}乙{a}丙。\
             有关部门表示，将持续抓好各项服务，确保按期完成。\n\n"
        ));
    }
    out
}

/// Writes pages `range` of an archive, 20 to a day: `江城晚报/2021-03-DD/PP.txt`.
pub fn write_pages(root: &Path, range: std::ops::Range<usize>) {
    for no in range {
        let dir = root.join(format!("江城晚报/2021-03-{:02}", no / 20 + 1));
        std::fs::create_dir_all(&dir).expect("a page folder");
        let file = dir.join(format!("{:02}.txt", no % 20 + 1));
        std::fs::write(file, page(no, 1 + no % 3)).expect("a page file");
    }
}

/// `baosou index ARCHIVE --index INDEX -q EXTRA…`.
pub fn index(archive: &Path, index: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["index", s(archive), "--index", s(index), "-q"];
    args.extend_from_slice(extra);
    baosou(&args)
}

/// The number of articles in the index, from `baosou stats --json`.
pub fn articles(index: &Path) -> u64 {
    let o = baosou(&["stats", "--index", s(index), "--json"]);
    assert!(o.status.success(), "stats failed: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stats JSON");
    v["articles"]
        .as_u64()
        .or_else(|| v["count"].as_u64())
        .expect("an article count in stats --json")
}

/// Exit code and stderr of `baosou search QUERY --index INDEX`.
pub fn search(index: &Path, query: &str) -> (Option<i32>, String) {
    let o = baosou(&["search", query, "--index", s(index)]);
    (o.status.code(), stderr(&o))
}
