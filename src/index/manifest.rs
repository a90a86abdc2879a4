//! The manifest: which page files the index holds, with the size, modification time and
//! content hash they had, so that the next run reads only what changed. It is written
//! after each commit; the index itself stays the truth about which paths it holds.

use super::write_atomic;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub(super) const MANIFEST_FILE: &str = "baosou-files.json";

// `READER`, the fingerprint of the code that turns a page file into documents.
include!(concat!(env!("OUT_DIR"), "/reader.rs"));

/// What the index knows of one page file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    /// Its size in bytes when it was read.
    pub size: u64,
    /// Its modification time when it was read, in nanoseconds since the epoch.
    pub mtime_ns: u64,
    /// A hash of its bytes ([`crate::archive::content_hash`]).
    pub hash: u64,
    /// How many articles it gave.
    pub articles: u32,
    /// The [`READER`] that read it; a file read by other code (another splitter) is read
    /// again, as if it had changed. Manifests written before this field read as 0.
    #[serde(default)]
    pub reader: u64,
}

impl FileRecord {
    /// True when this version of baosou read the file.
    pub fn read_by_this_version(&self) -> bool {
        self.reader == READER
    }
}

/// Page files by path relative to the archive root.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Each indexed file's record, by its path relative to the archive root.
    pub files: BTreeMap<String, FileRecord>,
}

impl Manifest {
    /// The manifest of the index in `dir`; empty when there is none yet.
    pub fn load(dir: &Path) -> anyhow::Result<Manifest> {
        let path = dir.join(MANIFEST_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| {
                format!(
                    "{}: unreadable; run `baosou index --rebuild`",
                    path.display()
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(e) => Err(e).with_context(|| format!("{}: cannot read it", path.display())),
        }
    }

    /// Writes the manifest into the index in `dir`, atomically.
    pub fn save(&self, dir: &Path) -> anyhow::Result<()> {
        write_atomic(&dir.join(MANIFEST_FILE), &serde_json::to_vec(self)?)
    }
}
