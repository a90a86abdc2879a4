//! Nothing lost (issue 16): `baosou index` run on the wrong folder, an emptied one or a
//! half-unreadable one; damaged and unusual page files; links out of the archive; deep
//! trees; colliding ids; a full disk, orphaned and damaged index files, and the lock. Each
//! on the real binary in a temporary folder.

mod common;

use common::pages::{articles, baosou, index, s, search, stderr, write_pages};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn a_wrong_or_emptied_archive_removes_nothing() {
    let t = tmp();
    let archive = t.path().join("archive");
    let idx = t.path().join("index");
    write_pages(&archive, 0..50);
    assert!(index(&archive, &idx, &[]).status.success());
    let n = articles(&idx);

    // Another archive: refused, naming both folders.
    let other = t.path().join("other");
    write_pages(&other, 200..203);
    let o = index(&other, &idx, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(s(&archive)) && err.contains(s(&other)),
        "{err}"
    );
    assert!(err.contains("--archive-changed"), "{err}");
    assert_eq!(articles(&idx), n);
    // Said to be the same archive moved, it still removes no more than a fifth.
    let o = index(&other, &idx, &["--archive-changed"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--prune"), "{}", stderr(&o));
    assert_eq!(articles(&idx), n);

    // The archive emptied (a mount that is not there): refused.
    let away = t.path().join("away");
    std::fs::rename(&archive, &away).unwrap();
    std::fs::create_dir(&archive).unwrap();
    let o = index(&archive, &idx, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("50 page files") && err.contains("--prune"),
        "{err}"
    );
    assert_eq!(articles(&idx), n);

    // The archive moved: with --archive-changed, nothing is read again or removed.
    std::fs::remove_dir(&archive).unwrap();
    let o = index(&away, &idx, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = baosou(&["index", s(&away), "--index", s(&idx), "--archive-changed"]);
    assert!(stderr(&o).contains("0 removed"), "{}", stderr(&o));
    assert_eq!(articles(&idx), n);
    assert!(
        index(&away, &idx, &[]).status.success(),
        "the new folder is recorded"
    );

    // A few pages deleted on purpose go without --prune; most of them need it.
    for no in 0..5 {
        let p = away.join(format!("江城晚报/2021-03-01/{:02}.txt", no + 1));
        std::fs::remove_file(p).unwrap();
    }
    let o = baosou(&["index", s(&away), "--index", s(&idx)]);
    assert!(stderr(&o).contains("5 removed"), "{}", stderr(&o));
    std::fs::remove_dir_all(away.join("江城晚报/2021-03-02")).unwrap();
    std::fs::remove_dir_all(away.join("江城晚报/2021-03-03")).unwrap();
    assert_eq!(index(&away, &idx, &[]).status.code(), Some(2));
    let o = baosou(&["index", s(&away), "--index", s(&idx), "--prune"]);
    assert!(stderr(&o).contains("30 removed"), "{}", stderr(&o));
}

/// Runs `baosou ARGS` as user nobody when the test runs as root (root reads any folder,
/// so only another user meets a folder it may not read).
fn as_other_user(args: &[&str]) -> Option<std::process::Output> {
    let root = unsafe_is_root();
    let mut c = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(env!("CARGO_BIN_EXE_baosou"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_baosou"))
    };
    c.args(args).env("NO_COLOR", "1");
    match c.output() {
        Ok(o) if root && stderr(&o).contains("setpriv") => None,
        Ok(o) => Some(o),
        Err(_) => None,
    }
}

fn unsafe_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn chmod(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Hands a tree to user nobody (when root) so that it can run `baosou index` there.
fn give_to_nobody(p: &Path) {
    if unsafe_is_root() {
        let ok = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(p)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "chown {}", p.display());
    }
}

#[test]
fn a_folder_or_file_that_cannot_be_read_keeps_its_articles() {
    let t = tmp();
    chmod(t.path(), 0o755);
    let archive = t.path().join("archive");
    let idx = t.path().join("index");
    write_pages(&archive, 0..60);
    assert!(index(&archive, &idx, &[]).status.success());
    let n = articles(&idx);
    give_to_nobody(t.path());
    // One day's folder (20 pages) and one page of another day cannot be read.
    let day = archive.join("江城晚报/2021-03-02");
    let page = archive.join("江城晚报/2021-03-03/05.txt");
    chmod(&day, 0o000);
    std::fs::write(&page, common::pages::page(45, 2)).unwrap();
    chmod(&page, 0o000);
    let Some(o) = as_other_user(&["index", s(&archive), "--index", s(&idx)]) else {
        eprintln!("skipped: setpriv cannot run baosou as another user here");
        return;
    };
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("0 removed"), "{err}");
    assert!(
        err.contains(&format!("{}: could not be read", s(&day))),
        "{err}"
    );
    assert!(err.contains("05.txt: could not be read"), "{err}");
    assert!(
        err.contains(
            "2 folders or files could not be read; the 21 indexed files in them were kept"
        ),
        "{err}"
    );
    assert_eq!(articles(&idx), n);
    // The whole archive unreadable: nothing removed either.
    chmod(&day, 0o755);
    chmod(&archive, 0o000);
    let o = as_other_user(&["index", s(&archive), "--index", s(&idx)]).unwrap();
    assert!(stderr(&o).contains("0 removed"), "{}", stderr(&o));
    assert_eq!(articles(&idx), n);
    chmod(&archive, 0o755);
}

#[test]
fn damaged_utf8_and_utf16_without_bom_are_read() {
    let t = tmp();
    let archive = t.path().join("archive");
    let day = archive.join("江城晚报/2021-03-01");
    std::fs::create_dir_all(&day).unwrap();
    let text = common::pages::page(1, 3).repeat(5);
    // A UTF-8 page with a bad byte about every thousand.
    let mut bad = text.as_bytes().to_vec();
    for at in (700..bad.len()).step_by(1000) {
        bad[at] = 0xff;
    }
    std::fs::write(day.join("01.txt"), &bad).unwrap();
    let le: Vec<u8> = common::pages::page(2, 1)
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let be: Vec<u8> = common::pages::page(3, 1)
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    std::fs::write(day.join("02.txt"), le).unwrap();
    std::fs::write(day.join("03.txt"), be).unwrap();
    let idx = t.path().join("index");
    let o = baosou(&["index", s(&archive), "--index", s(&idx)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("3 added"), "{err}");
    assert!(err.contains("1 files had"), "{err}");
    assert!(err.contains("undecodable bytes, replaced"), "{err}");
    assert!(err.contains("bytes are not valid UTF-8"), "{err}");
    for q in ["编号甲1乙2丙", "编号甲2乙0丙", "编号甲3乙0丙", "图书馆建设"] {
        assert_eq!(search(&idx, q).0, Some(0), "{q}: {err}");
    }
}

#[test]
fn links_out_of_the_archive_are_skipped_and_named() {
    let t = tmp();
    let archive = t.path().join("archive");
    write_pages(&archive, 0..2);
    let outside = t.path().join("outside");
    write_pages(&outside, 40..42);
    let day = archive.join("江城晚报/2021-03-01");
    std::os::unix::fs::symlink(&outside, archive.join("elsewhere")).unwrap();
    let outside_page = outside.join("江城晚报/2021-03-03/01.txt");
    std::os::unix::fs::symlink(&outside_page, day.join("10.txt")).unwrap();
    std::os::unix::fs::symlink("01.txt", day.join("11.txt")).unwrap();
    let idx = t.path().join("index");
    let o = baosou(&["index", s(&archive), "--index", s(&idx)]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("elsewhere: skipped: symbolic link to"),
        "{err}"
    );
    assert!(err.contains("10.txt: skipped: symbolic link to"), "{err}");
    assert!(err.contains("outside the archive"), "{err}");
    assert!(err.contains("3 added"), "{err}");
    assert_eq!(search(&idx, "编号甲40乙0丙").0, Some(1));
    assert_eq!(search(&idx, "编号甲0乙0丙").0, Some(0));
}

#[test]
fn a_deep_tree_is_walked_in_linear_time() {
    let t = tmp();
    let archive = t.path().join("archive");
    let mut dir = archive.clone();
    for _ in 0..1000 {
        dir.push("d");
    }
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("01.txt"), common::pages::page(7, 1)).unwrap();
    // The index inside the archive is passed over.
    let idx = archive.join("index");
    let started = Instant::now();
    let o = baosou(&["index", s(&archive), "--index", s(&idx)]);
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 files: 1 added"), "{}", stderr(&o));
    eprintln!("indexing a tree 1,000 folders deep took {took:?}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let o = baosou(&["index", s(&archive), "--index", s(&idx)]);
    assert!(
        stderr(&o).contains("1 files: 0 added, 0 updated, 0 removed, 1 unchanged"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn pages_whose_old_ids_collided_keep_their_own_articles() {
    let t = tmp();
    let archive = t.path().join("archive");
    // Two names whose 32-bit ids were the same (found by search among 3 million).
    let names = [
        "江城晚报/2021-03-10/2998.txt",
        "江城晚报/2021-03-27/20080.txt",
    ];
    for (no, name) in names.iter().enumerate() {
        let p = archive.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, common::pages::page(no, 2)).unwrap();
    }
    let idx = t.path().join("index");
    assert!(index(&archive, &idx, &[]).status.success());
    let o = baosou(&["search", "--index", s(&idx), "--json"]);
    let ids: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids.len(), 4);
    for id in &ids {
        assert!(id.len() == 19 && id.as_bytes()[16] == b'-', "{id}");
        let o = baosou(&["show", id, "--index", s(&idx), "--json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("show --json");
        assert_eq!(
            v["id"].as_str(),
            Some(id.as_str()),
            "show {id} gives another article"
        );
    }
    // An index with the older ids says to rebuild.
    let info = idx.join("baosou.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&info).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("id_bits");
    std::fs::write(&info, v.to_string()).unwrap();
    let (code, err) = search(&idx, "记者");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("rebuild: `baosou index") && err.contains("--rebuild"),
        "{err}"
    );
    assert!(index(&archive, &idx, &["--rebuild"]).status.success());
    assert_eq!(search(&idx, "记者").0, Some(0));
}

/// A small tmpfs, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn index_files(idx: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(idx)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_full_disk_says_so_and_leaves_no_partial_files() {
    let t = tmp();
    let Some(disk) = Tmpfs::mount(&t.path().join("disk"), "3m") else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    let archive = t.path().join("archive");
    write_pages(&archive, 0..20);
    let idx = disk.0.join("index");
    assert!(index(&archive, &idx, &[]).status.success());
    let n = articles(&idx);
    let before = index_files(&idx);
    // 6 MB of new pages cannot fit.
    let big = t.path().join("big");
    std::fs::create_dir_all(&big).unwrap();
    let day = archive.join("江城晚报/2021-03-05");
    std::fs::create_dir_all(&day).unwrap();
    for no in 0..6 {
        let text = common::pages::page(100 + no, 3).repeat(1_000_000 / 700);
        std::fs::write(day.join(format!("{no:02}.txt")), text).unwrap();
    }
    let o = index(&archive, &idx, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("no space left on {}: free ", s(&disk.0))),
        "{err}"
    );
    assert!(err.contains("MB or choose another --index"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // No file the failed run wrote is left (the clean-up may also take files an earlier
    // run left unused, such as a merge cut short at its exit: so a subset, not equality).
    let left: Vec<String> = index_files(&idx)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    assert!(left.is_empty(), "partial files left behind: {left:?}");
    assert_eq!(articles(&idx), n);
    // Room made (here: the new pages taken away), the next run succeeds.
    std::fs::remove_dir_all(&day).unwrap();
    write_pages(&archive, 20..25);
    let o = index(&archive, &idx, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(articles(&idx) > n);
}

#[test]
fn orphaned_segment_files_are_removed_at_the_next_start() {
    let t = tmp();
    // On a small disk the orphans leave no room for the next run's segment: only a run
    // that removes them before it writes succeeds (tantivy's own clean-up comes after a
    // commit).
    let disk = Tmpfs::mount(&t.path().join("disk"), "3m");
    let archive = t.path().join("archive");
    let idx = disk
        .as_ref()
        .map_or(t.path(), |d| d.0.as_path())
        .join("index");
    write_pages(&archive, 0..5);
    assert!(index(&archive, &idx, &[]).status.success());
    // What a killed writer leaves: segment files tantivy registered, that no commit names.
    let orphan = "0123456789abcdef0123456789abcdef";
    let managed = idx.join(".managed.json");
    let mut files: Vec<String> = serde_json::from_slice(&std::fs::read(&managed).unwrap()).unwrap();
    let names: Vec<String> = ["idx", "store", "pos"]
        .iter()
        .map(|ext| format!("{orphan}.{ext}"))
        .collect();
    files.extend(names.iter().cloned());
    std::fs::write(&managed, serde_json::to_vec(&files).unwrap()).unwrap();
    // As large as the disk lets them be.
    for name in &names {
        use std::io::Write;
        let mut f = std::fs::File::create(idx.join(name)).unwrap();
        let chunk = vec![7u8; 64 * 1024];
        while disk.is_some() && f.write_all(&chunk).is_ok() {}
        if disk.is_none() {
            f.write_all(&chunk).unwrap();
        }
    }
    // Room for the lock and the small files, not for the new pages' segment.
    let last = idx.join(&names[0]);
    let len = std::fs::metadata(&last).unwrap().len();
    let f = std::fs::File::options().write(true).open(&last).unwrap();
    f.set_len(len.saturating_sub(48 * 1024)).unwrap();
    drop(f); // an open file keeps its blocks after it is removed
    write_pages(&archive, 5..300);
    let o = index(&archive, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let left: Vec<String> = index_files(&idx)
        .into_iter()
        .filter(|n| n.starts_with(orphan))
        .collect();
    assert!(left.is_empty(), "orphans left: {left:?}");
}

#[test]
fn a_damaged_index_file_says_to_rebuild() {
    let t = tmp();
    let archive = t.path().join("archive");
    write_pages(&archive, 0..10);
    let good = t.path().join("good");
    assert!(index(&archive, &good, &[]).status.success());
    for ext in ["store", "idx", "pos"] {
        let idx = t.path().join(format!("damaged-{ext}"));
        assert!(index(&archive, &idx, &[]).status.success());
        let file = std::fs::read_dir(&idx)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == ext))
            .expect("a segment file");
        let mut bytes = std::fs::read(&file).unwrap();
        let mid = bytes.len() / 2;
        for b in &mut bytes[mid..mid + 8] {
            *b ^= 0x5a;
        }
        std::fs::write(&file, bytes).unwrap();
        for args in [
            vec!["search", "记者"],
            vec!["show", "0123456789abcdef-01"],
            vec!["stats"],
        ] {
            let mut all = args.clone();
            all.extend(["--index", s(&idx)]);
            let o = baosou(&all);
            let err = stderr(&o);
            assert_eq!(o.status.code(), Some(2), "{ext} {args:?}: {err}");
            assert!(
                err.contains("the index is damaged"),
                "{ext} {args:?}: {err}"
            );
            assert!(
                err.contains(&format!("--index {} --rebuild", s(&idx))),
                "{err}"
            );
        }
        let o = index(&archive, &idx, &["--rebuild"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(articles(&idx), articles(&good));
    }
}

#[test]
fn a_lock_file_still_empty_is_held() {
    let t = tmp();
    let archive = t.path().join("archive");
    let idx = t.path().join("index");
    write_pages(&archive, 0..3);
    assert!(index(&archive, &idx, &[]).status.success());
    // What a run that has created the lock but not yet written its process id shows.
    std::fs::write(idx.join("baosou.lock"), "").unwrap();
    write_pages(&archive, 3..6);
    let o = index(&archive, &idx, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("is starting on this index"), "{err}");
    assert!(!err.contains("took over"), "{err}");
}
