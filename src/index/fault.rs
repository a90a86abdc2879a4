//! Faults with a way out. A damaged index file becomes a [`Damaged`] error that says to
//! rebuild; a write that failed, a full disk above all, leaves no partial segment files
//! behind and says how much room to make.

use super::{Info, Store, INFO_FILE};
use std::fmt;
use std::path::{Path, PathBuf};

/// An index whose files are not as tantivy wrote them (a damaged `meta.json`, a segment
/// file that fails its checksum or is missing). The only way out is a rebuild, which the
/// message gives; the server maps it to a JSON error with [`is_damaged`].
#[derive(Debug, Clone)]
pub struct Damaged {
    /// The index folder.
    pub dir: PathBuf,
    /// What is wrong, in a few words.
    pub detail: String,
    /// The archive the index was built from, when `baosou.json` says.
    pub archive: Option<String>,
}

impl fmt::Display for Damaged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let archive = self.archive.as_deref().unwrap_or("ARCHIVE");
        write!(
            f,
            "{}: the index is damaged ({}); rebuild it with `baosou index {archive} --index {} --rebuild`",
            self.dir.display(),
            self.detail,
            self.dir.display()
        )
    }
}

impl std::error::Error for Damaged {}

/// The error for a damaged index in `dir`, with the archive it was built from if its
/// `baosou.json` can still be read.
pub fn damaged(dir: &Path, detail: impl fmt::Display) -> anyhow::Error {
    let archive = std::fs::read(dir.join(INFO_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Info>(&b).ok())
        .map(|i| i.archive);
    anyhow::Error::new(Damaged {
        dir: dir.to_path_buf(),
        detail: detail.to_string(),
        archive,
    })
}

/// True when the error, or one of its causes, is a [`Damaged`] index.
pub fn is_damaged(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.is::<Damaged>())
}

impl Store {
    /// Checks every file of the index against the checksum tantivy wrote at its end.
    pub fn verify(&self) -> anyhow::Result<()> {
        let bad = self
            .index
            .validate_checksum()
            .map_err(|e| damaged(&self.dir, e))?;
        if bad.is_empty() {
            return Ok(());
        }
        let mut names: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
        names.sort();
        Err(damaged(
            &self.dir,
            format!("{} fails its checksum", names.join(", ")),
        ))
    }

    /// `e`, an error met while searching or reading a document, or the [`Damaged`] error
    /// that explains it.
    pub fn diagnose(&self, e: anyhow::Error) -> anyhow::Error {
        if is_damaged(&e) {
            return e;
        }
        match self.verify() {
            Err(d) => d,
            Ok(()) => e,
        }
    }
}

/// Runs `open` again, up to a few times, while it fails on a missing index file: the sign
/// of a writer that removed the segments it merged, as it may while we read.
pub(super) fn retry_while_files_move<T>(
    mut open: impl FnMut() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    const ATTEMPTS: u32 = 4;
    let mut attempt = 1;
    loop {
        match open() {
            Err(e) if attempt < ATTEMPTS && is_missing_file(&e) => {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(50 * attempt as u64));
            }
            r => return r,
        }
    }
}

/// True when the error is an index file that does not exist.
fn is_missing_file(e: &anyhow::Error) -> bool {
    let text = format!("{e:#}");
    text.contains("FileDoesNotExist") || text.contains("No such file or directory")
}

/// What a write that failed becomes: the segment files it left are removed, and a full
/// disk is said so, with the room to make. `needed` is the page text the run meant to
/// index, in bytes.
pub(super) fn after_failed_write(store: &Store, e: anyhow::Error, needed: u64) -> anyhow::Error {
    let cleaned = remove_unused_files(store);
    let free = free_bytes(&store.dir);
    // A killed writer thread hides the cause; a nearly full device tells it.
    let nearly_full = free.is_some_and(|f| f < 16 * 1024 * 1024);
    if !is_no_space(&e) && !nearly_full {
        return e;
    }
    // The index takes about 1.5 times its text, and merging needs room to copy.
    let want = needed.saturating_mul(2).saturating_add(16_000_000);
    let mb = want
        .saturating_sub(free.unwrap_or(0))
        .div_ceil(1_000_000)
        .max(1);
    let left = match cleaned {
        Ok(()) => "the partial files were removed and the index is as the last run left it",
        Err(_) => "the index is as the last run left it",
    };
    anyhow::anyhow!(
        "no space left on {}: free {mb} MB or choose another --index ({left})",
        mount_point(&store.dir).display()
    )
}

/// Removes the segment files no commit names, as a killed or failed writer leaves them:
/// tantivy's clean-up, then the segment files it never registered (on a full disk its list
/// of files may fail to be written after a segment's own files were).
fn remove_unused_files(store: &Store) -> anyhow::Result<()> {
    let writer: tantivy::IndexWriter = store.index.writer_with_num_threads(1, 15_000_000)?;
    writer.garbage_collect_files().wait()?;
    let living: std::collections::HashSet<String> = store
        .index
        .searchable_segment_ids()?
        .iter()
        .map(|id| id.uuid_string())
        .collect();
    for entry in std::fs::read_dir(&store.dir)?.flatten() {
        let name = entry.file_name();
        let Some(segment) = name.to_str().and_then(segment_of) else {
            continue;
        };
        if !living.contains(segment) {
            std::fs::remove_file(entry.path())?;
        }
    }
    drop(writer);
    Ok(())
}

/// The segment id a file of a segment is named by (`<32 hex digits>.idx`,
/// `<id>.<opstamp>.del`), or None for any other file.
fn segment_of(name: &str) -> Option<&str> {
    let (id, _) = name.split_once('.')?;
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

/// True when the error comes from a full device.
fn is_no_space(e: &anyhow::Error) -> bool {
    let full = |io: &std::io::Error| {
        io.kind() == std::io::ErrorKind::StorageFull || io.raw_os_error() == Some(libc::ENOSPC)
    };
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(full)
            || matches!(c.downcast_ref::<tantivy::TantivyError>(),
                Some(tantivy::TantivyError::IoError(io)) if full(io))
    }) || format!("{e:#}").contains("No space left on device")
}

/// Bytes free for this user on the device that holds `dir`.
fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a NUL-terminated path and `st` a statvfs to fill.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    Some(st.f_bavail as u64 * st.f_frsize as u64)
}

/// The folder where the device that holds `dir` is mounted.
fn mount_point(dir: &Path) -> PathBuf {
    use std::os::unix::fs::MetadataExt;
    let Ok(mut at) = dir.canonicalize() else {
        return dir.to_path_buf();
    };
    let Ok(dev) = std::fs::metadata(&at).map(|m| m.dev()) else {
        return at;
    };
    while let Some(parent) = at.parent() {
        if std::fs::metadata(parent).map_or(true, |m| m.dev() != dev) {
            break;
        }
        at = parent.to_path_buf();
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_is_recognised_through_context() {
        let e =
            damaged(Path::new("/nonexistent/idx"), "meta.json is not JSON").context("searching");
        assert!(is_damaged(&e));
        let msg = format!("{e:#}");
        assert!(
            msg.contains("baosou index ARCHIVE --index /nonexistent/idx --rebuild"),
            "{msg}"
        );
        assert!(!is_damaged(&anyhow::anyhow!("something else")));
    }

    #[test]
    fn no_space_is_told_from_other_errors() {
        let full = anyhow::Error::new(std::io::Error::from_raw_os_error(libc::ENOSPC));
        assert!(is_no_space(&full.context("commit failed")));
        let tantivy_full =
            tantivy::TantivyError::from(std::io::Error::from_raw_os_error(libc::ENOSPC));
        assert!(is_no_space(&anyhow::Error::new(tantivy_full)));
        let denied = anyhow::Error::new(std::io::Error::from_raw_os_error(libc::EACCES));
        assert!(!is_no_space(&denied));
    }

    #[test]
    fn segment_files_are_told_by_their_names() {
        let id = "d1cbf40b396a4425aef3f46bf88cc535";
        let table = [
            ("d1cbf40b396a4425aef3f46bf88cc535.store", Some(id)),
            ("d1cbf40b396a4425aef3f46bf88cc535.12.del", Some(id)),
            ("meta.json", None),
            (".managed.json", None),
            ("baosou-links.json", None),
            ("d1cbf40b396a4425aef3f46bf88cc53.idx", None),
        ];
        for (name, want) in table {
            assert_eq!(segment_of(name), want, "{name}");
        }
    }
}
