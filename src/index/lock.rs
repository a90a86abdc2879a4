//! The writer lock: one `baosou index` at a time per index folder. tantivy has a lock of
//! its own, but it does not say who holds it; this one records the process id, so a
//! second run can name the process it is waiting for, and a lock left by a killed run is
//! recognised (its process is gone) and taken over.

use anyhow::{bail, Context};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The lock file, inside the index folder.
pub(crate) const LOCK_FILE: &str = "baosou.lock";

/// Held while a process writes the index; the file is removed when it is dropped.
#[derive(Debug)]
pub struct WriterLock {
    path: PathBuf,
    /// The process that held a stale lock taken over, if any.
    pub recovered_from: Option<u32>,
}

impl WriterLock {
    /// Takes the lock on the index in `dir` (the folder must exist), or says which
    /// process holds it.
    pub fn acquire(dir: &Path) -> anyhow::Result<WriterLock> {
        let path = dir.join(LOCK_FILE);
        let mut recovered_from = None;
        // Two attempts: the second follows the removal of a stale lock.
        for _ in 0..2 {
            match create_with_pid(&path) {
                Ok(()) => {
                    return Ok(WriterLock {
                        path,
                        recovered_from,
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    if text.is_empty() && is_recent(&path) {
                        // Created by a run that has not yet written its process id.
                        bail!(
                            "{}: another `baosou index` is starting on this index; wait for it \
                             to finish, or try again",
                            dir.display()
                        );
                    }
                    let holder = text.trim().parse::<u32>().ok();
                    match holder {
                        Some(pid) if is_running(pid) => bail!(
                            "{}: another `baosou index` (process {pid}) is writing this index; \
                             wait for it to finish, or stop it",
                            dir.display()
                        ),
                        // A dead process, or a lock file cut short by a crash: stale.
                        _ => {
                            recovered_from = holder.or(Some(0));
                            match std::fs::remove_file(&path) {
                                Ok(()) => {}
                                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                                Err(e) => {
                                    return Err(e).with_context(|| {
                                        format!("{}: cannot remove a stale lock", path.display())
                                    })
                                }
                            }
                        }
                    }
                }
                Err(e) => {
                    return Err(e)
                        .with_context(|| format!("{}: cannot create the lock", path.display()))
                }
            }
        }
        bail!(
            "{}: another `baosou index` is starting on this index at the same time; try again",
            dir.display()
        )
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Creates the lock file at `path` with this process's id in it, failing with
/// `AlreadyExists` when it is there. The id is written to a file of our own first, then
/// linked to the lock's name, so that the lock never exists empty, even for a run killed
/// at that moment; where links are not supported, the lock is created, then written.
fn create_with_pid(path: &Path) -> std::io::Result<()> {
    let pid = std::process::id().to_string();
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{pid}.tmp"));
    let tmp = PathBuf::from(tmp);
    let linked = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(pid.as_bytes()).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            f.write_all(pid.as_bytes()).and_then(|_| f.sync_all())
        }
        r => r,
    }
}

/// How long an empty lock file counts as held: the time between creating it and writing
/// the process id into it is far shorter, unless the run was killed in between.
const EMPTY_LOCK_HELD: std::time::Duration = std::time::Duration::from_secs(10);

/// True when the file was modified within [`EMPTY_LOCK_HELD`] (or its age is unknown).
fn is_recent(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < EMPTY_LOCK_HELD)
}

/// True when a process with this id is running (and, on Linux, is a baosou, so that a
/// pid reused after a reboot does not hold the lock forever).
pub fn is_running(pid: u32) -> bool {
    if pid == 0 || pid > i32::MAX as u32 {
        return false;
    }
    if pid == std::process::id() {
        return true;
    }
    #[cfg(target_os = "linux")]
    {
        let proc_dir = Path::new("/proc").join(pid.to_string());
        if !proc_dir.exists() {
            return false;
        }
        // A zombie has exited; it only waits for its parent to collect it.
        if let Ok(stat) = std::fs::read_to_string(proc_dir.join("stat")) {
            if let Some(state) = stat
                .rsplit_once(')')
                .and_then(|(_, r)| r.trim().chars().next())
            {
                if state == 'Z' || state == 'X' {
                    return false;
                }
            }
        }
        match std::fs::read(proc_dir.join("cmdline")) {
            Ok(cmd) => String::from_utf8_lossy(&cmd).contains("baosou"),
            Err(_) => true,
        }
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        // SAFETY: kill with signal 0 only checks that the process exists.
        let r = unsafe { libc::kill(pid as libc::pid_t, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_lock_names_the_process_and_a_stale_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let lock = WriterLock::acquire(dir.path()).unwrap();
        assert_eq!(lock.recovered_from, None);
        let err = WriterLock::acquire(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains(&format!("process {}", std::process::id())),
            "{err}"
        );
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
        drop(lock);
        assert!(!dir.path().join(LOCK_FILE).exists());

        let cases = [
            ("999999999", Some(999999999)),
            ("", Some(0)),
            ("junk", Some(0)),
        ];
        let long_ago = std::time::SystemTime::now() - 2 * EMPTY_LOCK_HELD;
        for (content, want) in cases {
            let path = dir.path().join(LOCK_FILE);
            std::fs::write(&path, content).unwrap();
            if content.is_empty() {
                // Just created and still empty: held by a run that is starting.
                let err = WriterLock::acquire(dir.path()).unwrap_err().to_string();
                assert!(err.contains("is starting on this index"), "{err}");
                let f = std::fs::File::options().write(true).open(&path).unwrap();
                f.set_modified(long_ago).unwrap();
            }
            let lock = WriterLock::acquire(dir.path()).unwrap();
            assert_eq!(lock.recovered_from, want, "{content:?}");
        }
    }

    #[test]
    fn dead_and_impossible_processes_are_not_running() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!is_running(pid));
        assert!(!is_running(0));
        assert!(!is_running(u32::MAX));
        assert!(is_running(std::process::id()));
    }
}
