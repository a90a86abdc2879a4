//! Robustness (issue 6): bad input files, SIGKILL during `index`, concurrent runs and bad
//! requests, each on the real binary in a temporary folder. Archives are generated here:
//! made-up pages, so that a test needs no fixture and can make as many pages as it likes.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{baosou, command, s, stderr};

const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
const TOPICS: &[&str] = &[
    "春耕生产",
    "社区服务",
    "交通改造",
    "图书馆建设",
    "文化活动",
    "科技创新",
    "防汛工作",
];

/// A made-up page with `n` articles; `edition` changes the text without changing the
/// layout, to stand for a corrected file.
fn page(no: usize, n: usize, edition: usize) -> String {
    let mut out = String::new();
    for a in 0..n {
        let topic = TOPICS[(no + a) % TOPICS.len()];
        let name = format!("{}{}", SURNAMES[(no * 3 + a) % SURNAMES.len()], "晓明");
        out.push_str(&format!(
            "{topic}稳步推进第{no}期{a}\n\n本报记者 {name}\n\n本报讯 记者{name}报道，\
             本市{topic}第{no}号项目进展顺利，第{edition}版记录编号甲{no}乙{a}丙。\
             有关部门表示，将持续抓好各项服务，确保按期完成。\n\n"
        ));
    }
    out
}

/// Writes pages `range` of an archive: `paper/2021-03-DD/PP.txt`.
fn write_pages(root: &Path, range: std::ops::Range<usize>, edition: usize) {
    for no in range {
        let dir = root.join(format!("江城晚报/2021-03-{:02}", no / 20 + 1));
        std::fs::create_dir_all(&dir).unwrap();
        let text = page(no, 1 + no % 3, edition);
        std::fs::write(dir.join(format!("{:02}.txt", no % 20 + 1)), text).unwrap();
    }
}

fn page_path(root: &Path, no: usize) -> PathBuf {
    root.join(format!(
        "江城晚报/2021-03-{:02}/{:02}.txt",
        no / 20 + 1,
        no % 20 + 1
    ))
}

fn index(archive: &Path, index: &Path) -> Output {
    baosou(&["index", s(archive), "--index", s(index), "--quiet"])
}

fn spawn_index(archive: &Path, index: &Path, commit_every: usize) -> Child {
    command(&["index", s(archive), "--index", s(index), "--quiet"])
        .env("BAOSOU_COMMIT_EVERY_FILES", commit_every.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the baosou binary runs")
}

/// Every article id in the index, with the number of times each occurs.
fn all_ids(index: &Path) -> Vec<String> {
    let o = baosou(&[
        "search",
        "--index",
        s(index),
        "--json",
        "--limit",
        "100000",
        // Every article, also the printings of one text folded into another.
        "--all-printings",
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "search failed: {}",
        stderr(&o)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON hit");
            v["id"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

/// The ids each of a few queries finds, in order.
fn answers(index: &Path) -> Vec<Vec<String>> {
    let queries = ["春耕生产", "编号甲12乙0丙", "图书馆 -社区", "第2版", "记者"];
    queries
        .iter()
        .map(|q| {
            let o = baosou(&[
                "search",
                q,
                "--index",
                s(index),
                "--json",
                "--limit",
                "1000",
                "--sort",
                "date",
            ]);
            assert!(
                matches!(o.status.code(), Some(0 | 1)),
                "{q}: {}",
                stderr(&o)
            );
            let mut ids: Vec<String> = String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .map(|v| v["id"].as_str().unwrap_or_default().to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect()
}

fn manifest_len(index: &Path) -> usize {
    std::fs::read(index.join("baosou-files.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| v["files"].as_object().map(|m| m.len()))
        .unwrap_or(0)
}

fn wait_for(what: &str, child: &mut Child, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if done() {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn bad_input_files_are_named_skipped_and_counted() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    write_pages(&archive, 0..2, 1);
    let day = archive.join("江城晚报/2021-03-01");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    std::fs::write(day.join("fake-png.txt"), png).unwrap();
    std::fs::write(
        day.join("fake-pdf.txt"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    )
    .unwrap();
    std::fs::write(day.join("scan.jpg"), b"\xff\xd8\xff\xe0").unwrap();
    std::fs::write(day.join("page.pdf"), b"%PDF-1.4\n").unwrap();
    std::fs::write(day.join("empty.txt"), b"").unwrap();
    std::fs::write(day.join("blank.txt"), b"\n \r\n\t\n").unwrap();
    std::fs::write(day.join("no-article.txt"), "\u{3000}\u{3000}\n\u{a0}\n").unwrap();
    // GB18030 text with a byte pair that is not GB18030.
    let text = page(90, 1, 1);
    let mut bad = encoding_rs::GB18030.encode(&text).0.into_owned();
    bad.extend_from_slice(b"\x81\x20\xd6\xd0\xce\xc4");
    std::fs::write(day.join("undecodable.txt"), &bad).unwrap();
    // Larger than --max-file-size 8 (MiB).
    let big = page(91, 1, 1).repeat(1 + 9 * 1024 * 1024 / page(91, 1, 1).len());
    std::fs::write(day.join("big.txt"), big).unwrap();
    // One line of 2.2 million characters: Chinese text, then one Latin run of two million
    // letters (a single word far longer than tantivy's longest term).
    let long = format!(
        "长行测试\n\n{}{}\n",
        "很长的一行文字，".repeat(25_000),
        "x".repeat(2_000_000)
    );
    std::fs::write(day.join("long-line.txt"), long).unwrap();
    // A folder that links to itself, a link to itself, and a link to nowhere.
    std::os::unix::fs::symlink(&archive, archive.join("loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", day.join("self.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", day.join("dangling.txt")).unwrap();
    // A file name that is not UTF-8.
    let raw = <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(b"\xff\xfe-name.txt");
    std::fs::write(day.join(raw), page(92, 1, 1)).unwrap();
    // Permission denied, where the test does not run as root (root reads any file; the
    // reason is then checked by the unit test archive::tests::io_errors_get_plain_reasons).
    let unreadable = day.join("unreadable.txt");
    std::fs::write(&unreadable, page(93, 1, 1)).unwrap();
    let mut mode = std::fs::metadata(&unreadable).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut mode, 0o000);
    std::fs::set_permissions(&unreadable, mode).unwrap();
    let as_root = std::fs::read(&unreadable).is_ok();

    let idx = tmp.path().join("index");
    let started = Instant::now();
    let o = baosou(&[
        "index",
        s(&archive),
        "--index",
        s(&idx),
        "--max-file-size",
        "8",
    ]);
    let took = started.elapsed();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let expect = [
        ("fake-png.txt: skipped: binary file (PNG image)", true),
        ("fake-pdf.txt: skipped: binary file (PDF document)", true),
        ("empty.txt: skipped: empty file", true),
        ("blank.txt: skipped: empty file", true),
        ("no-article.txt: skipped: no article found", true),
        (
            "undecodable.txt: warning: some bytes are not valid gb18030",
            true,
        ),
        ("big.txt: skipped: larger than the 8 MiB limit", true),
        ("loop: skipped: symbolic link loop", true),
        ("self.txt: skipped: symbolic link loop", true),
        ("dangling.txt: skipped: broken symbolic link", true),
        ("-name.txt: skipped: file name is not valid UTF-8", true),
        ("unreadable.txt: skipped: permission denied", !as_root),
        (
            "ignored 2 files that are not page text (.txt): 1 .jpg, 1 .pdf",
            true,
        ),
    ];
    for (line, wanted) in expect {
        assert_eq!(err.contains(line), wanted, "{line}\n{err}");
    }
    let skipped = if as_root { 10 } else { 11 };
    assert!(err.contains("5 added"), "{err}");
    assert!(err.contains(&format!("{skipped} skipped")), "{err}");
    assert!(took < Duration::from_secs(60), "took {took:?}");
    eprintln!("{err}indexing the bad archive took {took:?}");
    // The good pages, the undecodable one and the long line are all searchable.
    for q in ["编号甲0乙0丙", "编号甲90乙0丙", "很长的一行文字"] {
        let o = baosou(&["search", q, "--index", s(&idx)]);
        assert_eq!(o.status.code(), Some(0), "{q}: {}", stderr(&o));
    }
}

/// When to kill a run, judged from its index folder.
type KillPoint = dyn Fn(&Path) -> bool;

#[test]
fn sigkill_at_any_point_loses_and_duplicates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    // Before: 200 pages, indexed whole.
    write_pages(&archive, 0..200, 1);
    assert!(index(&archive, &idx).status.success());
    let before_ids = all_ids(&idx);
    let before_answers = answers(&idx);
    // Then the archive changes: 150 new pages, 30 corrected, 10 removed.
    write_pages(&archive, 200..350, 1);
    write_pages(&archive, 40..70, 2);
    for no in 100..110 {
        std::fs::remove_file(page_path(&archive, no)).unwrap();
    }
    // What a run that is never killed makes of it.
    let reference = tmp.path().join("reference");
    assert!(index(&archive, &reference).status.success());
    let mut want_ids = all_ids(&reference);
    want_ids.sort();
    let want_answers = answers(&reference);

    let mut log = Vec::new();
    // Kill points: as soon as the run holds the lock (before its first commit), after its
    // first commit, after 60 more files, and part-way through a run that resumes the
    // previous killed one.
    let first_manifest = manifest_len(&idx);
    let points: [(&str, Box<KillPoint>); 4] = [
        ("lock taken", Box::new(|i| i.join("baosou.lock").exists())),
        (
            "first commit",
            Box::new(move |i| manifest_len(i) != first_manifest),
        ),
        ("60 files later", Box::new(|i| manifest_len(i) >= 250)),
        ("30 files later", Box::new(|i| manifest_len(i) >= 280)),
    ];
    for (name, point) in points {
        let meta_before = std::fs::read(idx.join("meta.json")).unwrap();
        let n_before = all_ids(&idx).len();
        let mut child = spawn_index(&archive, &idx, 5);
        let reached = wait_for(name, &mut child, || point(&idx));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        // The run must have been killed at the point, not have ended before it: a test
        // that kills nothing proves nothing.
        assert!(reached, "the run ended before {name}: {status}");
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(9),
            "the run was not killed at {name}: {status}"
        );
        // The previous index opens, answers, and holds no article twice.
        let ids = all_ids(&idx);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicates after kill at {name}");
        if std::fs::read(idx.join("meta.json")).unwrap() == meta_before && log.is_empty() {
            assert_eq!(answers(&idx), before_answers, "kill at {name}");
            assert_eq!(ids.len(), before_ids.len(), "kill at {name}");
        }
        log.push(format!(
            "{name}: reached {reached}, {status}, articles {n_before} -> {}",
            ids.len()
        ));
    }
    // The next run completes the work.
    let o = index(&archive, &idx);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut ids = all_ids(&idx);
    ids.sort();
    log.push(format!("final run: {} articles", ids.len()));
    eprintln!("{}", log.join("\n"));
    assert_eq!(ids, want_ids, "articles lost or duplicated");
    assert_eq!(answers(&idx), want_answers);
}

/// `--rebuild` once emptied the index before filling it again, so a rebuild killed part-way
/// lost everything. The old articles now go in the same, single commit as the new ones.
#[test]
fn a_killed_rebuild_leaves_the_previous_index_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    write_pages(&archive, 0..300, 1);
    assert!(index(&archive, &idx).status.success());
    let mut before = all_ids(&idx);
    before.sort();
    let before_answers = answers(&idx);
    for wait_ms in [0, 30, 120, 400] {
        let mut child = command(&["index", s(&archive), "--index", s(&idx), "--rebuild", "-q"])
            .env("BAOSOU_COMMIT_EVERY_FILES", "5")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the baosou binary runs");
        wait_for("the lock", &mut child, || idx.join("baosou.lock").exists());
        std::thread::sleep(Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let mut ids = all_ids(&idx);
        ids.sort();
        assert_eq!(ids, before, "rebuild killed after {wait_ms} ms");
        assert_eq!(
            answers(&idx),
            before_answers,
            "rebuild killed after {wait_ms} ms"
        );
    }
    let o = baosou(&["index", s(&archive), "--index", s(&idx), "--rebuild", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut ids = all_ids(&idx);
    ids.sort();
    assert_eq!(ids, before);
}

#[test]
fn search_runs_during_index_and_a_second_index_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    write_pages(&archive, 0..20, 1);
    assert!(index(&archive, &idx).status.success());
    let committed = all_ids(&idx).len();
    write_pages(&archive, 20..400, 1);
    let mut child = spawn_index(&archive, &idx, 10);
    let pid = child.id();
    wait_for("the lock", &mut child, || idx.join("baosou.lock").exists());

    // A second run fails at once, naming the folder and the process.
    let started = Instant::now();
    let second = index(&archive, &idx);
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(2), "{err}");
    assert!(err.contains(&format!("process {pid}")), "{err}");
    assert!(err.contains(s(&idx)), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("Error {"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // Searches see committed states only: never fewer than before, never an error.
    let mut seen = Vec::new();
    while child.try_wait().unwrap().is_none() && seen.len() < 200 {
        let ids = all_ids(&idx);
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
        assert!(ids.len() >= committed);
        if seen.last() != Some(&ids.len()) {
            seen.push(ids.len());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = child.wait().unwrap();
    assert!(status.success());
    let total = all_ids(&idx).len();
    assert!(seen.iter().all(|&n| n <= total), "{seen:?} > {total}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.len() > 1, "no search saw a commit: {seen:?}");
    eprintln!("articles seen by searches during indexing: {seen:?}, then {total}");
}

#[test]
fn a_stale_lock_from_a_dead_process_is_taken_over() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    write_pages(&archive, 0..3, 1);
    assert!(index(&archive, &idx).status.success());
    let mut dead = Command::new("true").spawn().unwrap();
    let pid = dead.id();
    dead.wait().unwrap();
    std::fs::write(idx.join("baosou.lock"), pid.to_string()).unwrap();
    write_pages(&archive, 3..6, 1);
    let o = baosou(&["index", s(&archive), "--index", s(&idx)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("took over a lock left by process {pid}")),
        "{}",
        stderr(&o)
    );
    assert!(!idx.join("baosou.lock").exists());
}

#[test]
fn a_first_run_killed_before_it_wrote_its_marker_starts_over() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    write_pages(&archive, 0..3, 1);
    assert!(index(&archive, &idx).status.success());
    let articles = all_ids(&idx).len();
    // What a kill between tantivy's create and baosou.json leaves behind.
    std::fs::remove_file(idx.join("baosou.json")).unwrap();
    std::fs::remove_file(idx.join("baosou-files.json")).unwrap();
    let o = index(&archive, &idx);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(all_ids(&idx).len(), articles);
}

#[test]
fn bad_index_folders_are_named_with_the_command_that_fixes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    write_pages(&archive, 0..3, 1);
    let missing = tmp.path().join("missing");
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.md"), "not an index").unwrap();
    let a_file = tmp.path().join("a-file");
    std::fs::write(&a_file, "x").unwrap();
    let old = tmp.path().join("old");
    assert!(index(&archive, &old).status.success());
    std::fs::write(
        old.join("baosou.json"),
        r#"{"format": 999, "archive": "the-archive"}"#,
    )
    .unwrap();
    let damaged = tmp.path().join("damaged");
    assert!(index(&archive, &damaged).status.success());
    std::fs::write(damaged.join("meta.json"), "{ not json").unwrap();

    let cases: Vec<(Vec<&str>, &Path, &str)> = vec![
        (vec!["search", "记者"], &missing, "baosou index"),
        (vec!["stats"], &missing, "baosou index"),
        (vec!["show", "x"], &missing, "baosou index"),
        (vec!["search", "记者"], &other, "not a baosou index"),
        (vec!["search", "记者"], &a_file, "baosou index"),
        (vec!["search", "记者"], &old, "--rebuild"),
        (vec!["stats"], &old, "--rebuild"),
        (vec!["search", "记者"], &damaged, "--rebuild"),
        (vec!["index", s(&archive)], &other, "not a baosou index"),
        (vec!["index", s(&archive)], &a_file, "not a folder"),
        (vec!["index", s(&archive)], &old, "--rebuild"),
    ];
    for (args, dir, want) in cases {
        let mut all = args.clone();
        all.extend(["--index", s(dir)]);
        let o = baosou(&all);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{all:?}: {err}");
        assert!(err.contains(s(dir)), "{all:?}: {err}");
        assert!(err.contains(want), "{all:?}: {err}");
        assert!(!err.contains("panicked"), "{all:?}: {err}");
    }
    // --rebuild mends the old and the damaged index.
    for dir in [&old, &damaged] {
        let o = baosou(&["index", s(&archive), "--index", s(dir), "--rebuild"]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let o = baosou(&["search", "记者", "--index", s(dir)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
}

#[test]
fn bad_requests_exit_2_with_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let idx = tmp.path().join("index");
    write_pages(&archive, 0..3, 1);
    assert!(index(&archive, &idx).status.success());
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["\"记者"], "unbalanced quote"),
        (vec!["记\"者"], "unbalanced quote"),
        (vec!["foo:记者"], "unknown field `foo:`"),
        (vec!["--date", "2020-02-30"], "no such day"),
        (vec!["--date", "2021-13"], "no such day"),
        (vec!["--date", "昨天"], "not a date"),
        (
            vec!["--from", "2021-03-05", "--to", "2021-03-01"],
            "comes after",
        ),
        (vec!["--limit", "-1"], "-1"),
        (vec!["--offset", "-3"], "-3"),
        (vec!["--page", "-1"], "-1"),
        (vec!["--page", "0"], "1.."),
        (vec!["记者", "--limit", "0"], "from 1"),
        (vec!["--boost", "headline=-2"], "must be a number"),
        (vec!["--boost", "nope=2"], "unknown field"),
        (vec!["OR"], "OR needs a word"),
        (vec!["headline:"], "empty word"),
    ];
    for (args, want) in cases {
        let mut all = vec!["search", "--index", s(&idx)];
        all.extend(args.iter().copied());
        let o = baosou(&all);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    // Extreme but valid numbers are not errors.
    for args in [
        vec!["记者", "--offset", "18446744073709551615"],
        vec!["记者", "--limit", "18446744073709551615"],
    ] {
        let mut all = vec!["search", "--index", s(&idx)];
        all.extend(args.iter().copied());
        let o = baosou(&all);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}
