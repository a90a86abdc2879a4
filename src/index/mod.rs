//! The index on disk: a tantivy index of articles, with a small file beside it naming the
//! format version and a manifest of the page files it holds.
//!
//! [`Store`] opens and creates it and turns articles into documents; [`build`] runs the
//! indexing pipeline.

mod build;
mod fault;
pub mod fold;
mod guard;
mod links;
mod lock;
mod manifest;
pub mod profiles;
pub(crate) mod relink;
mod run;
pub mod stitch;

pub(crate) use build::learn_profiles;
pub use build::{build, reasons, BuildOptions};
pub use fault::{damaged, is_damaged, Damaged};
pub use guard::MAX_REMOVED_SHARE;
pub use links::{uid as links_uid, Links, LINKS_FILE};
pub use lock::WriterLock;
pub use manifest::{FileRecord, Manifest, READER};
pub use run::Summary;
pub(crate) use run::{plan, Job};

use crate::article::Article;
use crate::schema::{self, field};
use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::schema::{Field, Schema};
use tantivy::{Index, IndexReader, TantivyDocument};

/// The file that marks a folder as a baosou index.
pub(crate) const INFO_FILE: &str = "baosou.json";

/// The article ids this version writes: 64 bits of the path's hash and the order on the
/// page (`3fa2c1d04b5e6f70-06`). Indexes without the field have 32-bit ids.
const ID_BITS: u32 = 64;

/// What `baosou.json` records.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Info {
    format: u32,
    /// The archive folder the index was built from, as given.
    pub(crate) archive: String,
    /// The same folder, resolved, to tell it from another; absent in older indexes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    archive_path: Option<PathBuf>,
    /// Bits of the path's hash in article ids (32 in older indexes).
    #[serde(default = "old_id_bits")]
    id_bits: u32,
}

fn old_id_bits() -> u32 {
    32
}

impl Info {
    fn new(archive: &Path) -> Info {
        Info {
            format: schema::FORMAT_VERSION,
            archive: archive.display().to_string(),
            archive_path: archive.canonicalize().ok(),
            id_bits: ID_BITS,
        }
    }

    /// True when `archive` is the folder this index was built from.
    fn same_archive(&self, archive: &Path) -> bool {
        let given = archive.canonicalize().ok();
        let recorded = self
            .archive_path
            .clone()
            .or_else(|| Path::new(&self.archive).canonicalize().ok());
        match (given, recorded) {
            (Some(g), Some(r)) => g == r,
            // The recorded folder is gone: only the same name is the same archive.
            _ => Path::new(&self.archive) == archive,
        }
    }
}

/// Refuses to index `archive` into the index in `dir` when the index was built from
/// another folder, unless `changed` says the archive moved. True when the index is to
/// record the new folder ([`record_archive`]) once the run succeeds.
pub fn check_archive(dir: &Path, archive: &Path, changed: bool) -> anyhow::Result<bool> {
    let Ok(bytes) = std::fs::read(dir.join(INFO_FILE)) else {
        return Ok(false);
    };
    let Ok(info) = serde_json::from_slice::<Info>(&bytes) else {
        return Ok(false);
    };
    // An index this version cannot read says so first, with the command that rebuilds it.
    if info.same_archive(archive) || info.format != schema::FORMAT_VERSION {
        return Ok(false);
    }
    if !changed {
        bail!(
            "{}: this index was built from {}, not {}; give that folder, or pass \
             --archive-changed if {} is the same archive moved (nothing was changed)",
            dir.display(),
            info.archive,
            archive.display(),
            archive.display()
        );
    }
    Ok(true)
}

/// Records in the index in `dir` that it now holds the archive in `archive`.
pub fn record_archive(dir: &Path, archive: &Path) -> anyhow::Result<()> {
    let path = dir.join(INFO_FILE);
    let bytes =
        std::fs::read(&path).with_context(|| format!("{}: cannot read it", path.display()))?;
    let info: Info = serde_json::from_slice(&bytes).with_context(|| {
        format!(
            "{}: unreadable; run `baosou index --rebuild`",
            path.display()
        )
    })?;
    let info = Info {
        format: info.format,
        id_bits: info.id_bits,
        ..Info::new(archive)
    };
    write_atomic(&path, &serde_json::to_vec_pretty(&info)?)
}

/// Every field handle, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// [`schema::ID`].
    pub id: Field,
    /// [`schema::PATH`].
    pub path: Field,
    /// [`schema::PAPER`].
    pub paper: Field,
    /// [`schema::DATE`].
    pub date: Field,
    /// [`schema::PAGE`].
    pub page: Field,
    /// [`schema::HEADLINE`].
    pub headline: Field,
    /// [`schema::SUBHEADLINE`].
    pub subheadline: Field,
    /// [`schema::KICKER`].
    pub kicker: Field,
    /// [`schema::REPORTER`].
    pub reporter: Field,
    /// [`schema::BYLINE`].
    pub byline: Field,
    /// [`schema::EXACT_HEAD`].
    pub exact_head: Field,
    /// [`schema::EXACT_BODY`].
    pub exact_body: Field,
    /// [`schema::ARTICLE`].
    pub article: Field,
    /// [`schema::UID`].
    pub uid: Field,
    /// [`schema::FOLD_BANDS`].
    pub fold_bands: Field,
    /// [`schema::JUMP`].
    pub jump: Field,
    /// [`schema::STORY`].
    pub story: Field,
}

impl Fields {
    /// Looks up every field in `s`; an error names the one missing.
    pub fn new(s: &Schema) -> anyhow::Result<Fields> {
        Ok(Fields {
            id: field(s, schema::ID)?,
            path: field(s, schema::PATH)?,
            paper: field(s, schema::PAPER)?,
            date: field(s, schema::DATE)?,
            page: field(s, schema::PAGE)?,
            headline: field(s, schema::HEADLINE)?,
            subheadline: field(s, schema::SUBHEADLINE)?,
            kicker: field(s, schema::KICKER)?,
            reporter: field(s, schema::REPORTER)?,
            byline: field(s, schema::BYLINE)?,
            exact_head: field(s, schema::EXACT_HEAD)?,
            exact_body: field(s, schema::EXACT_BODY)?,
            article: field(s, schema::ARTICLE)?,
            uid: field(s, schema::UID)?,
            fold_bands: field(s, schema::FOLD_BANDS)?,
            jump: field(s, schema::JUMP)?,
            story: field(s, schema::STORY)?,
        })
    }
}

/// An open index.
pub struct Store {
    /// The index folder.
    pub dir: PathBuf,
    /// The tantivy index in it.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// Held while the store was opened for writing by [`Store::create`].
    lock: Option<WriterLock>,
    /// The parts of stories and the printings folded, as the last indexing run found them.
    pub links: std::sync::Arc<Links>,
}

impl Store {
    /// True when `dir` holds a baosou index.
    pub fn exists(dir: &Path) -> bool {
        dir.join(INFO_FILE).is_file()
    }

    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        let shown = dir.display();
        let build_it = format!("build it with `baosou index ARCHIVE --index {shown}`");
        if !dir.is_dir() {
            bail!("{shown}: no index here; {build_it}");
        }
        let info_path = dir.join(INFO_FILE);
        let Ok(text) = std::fs::read_to_string(&info_path) else {
            if dir.join("meta.json").is_file() {
                bail!("{shown}: this is a tantivy index not made by baosou; {build_it}");
            }
            bail!("{shown}: not a baosou index (no {INFO_FILE}); {build_it}");
        };
        let info: Info = serde_json::from_str(&text)
            .with_context(|| format!("{}: unreadable; {build_it}", info_path.display()))?;
        if info.format == schema::FORMAT_VERSION && info.id_bits != ID_BITS {
            bail!(
                "{shown}: its article ids are of the older, {}-bit kind, which can collide; \
                 rebuild: `baosou index {} --index {shown} --rebuild`",
                info.id_bits,
                info.archive
            );
        }
        if info.format != schema::FORMAT_VERSION {
            bail!(
                "{shown}: index format {} was written by another version of baosou (this one \
                 reads format {}); rebuild it with `baosou index {} --index {shown} --rebuild`",
                info.format,
                schema::FORMAT_VERSION,
                info.archive
            );
        }
        // A running `baosou index` may commit and remove the files of the segments it merged
        // between our reading meta.json and our opening them: a file missing is damage only
        // when it is still missing with the latest meta.json.
        fault::retry_while_files_move(|| {
            let index = Index::open_in_dir(dir).map_err(|e| damaged(dir, e))?;
            schema::register_tokenizers(&index);
            let fields =
                Fields::new(&index.schema()).map_err(|e| damaged(dir, format!("{e:#}")))?;
            let store = Store {
                dir: dir.to_path_buf(),
                index,
                fields,
                lock: None,
                links: std::sync::Arc::new(Links::load(dir)),
            };
            store.verify()?;
            Ok(store)
        })
    }

    /// The process whose stale writer lock was taken over when this store was opened for
    /// writing (0 when the lock file did not say).
    pub fn recovered_lock(&self) -> Option<u32> {
        self.lock.as_ref().and_then(|l| l.recovered_from)
    }

    /// Opens the index in `dir` for writing, creating it (and the folder) if there is none.
    /// A folder that holds something else is left alone. With `rebuild`, an index this
    /// version reads is kept as it is (the build empties it in the same commit that fills
    /// it again, so a killed rebuild leaves it whole); one it cannot read is replaced.
    pub fn create(dir: &Path, archive: &Path, rebuild: bool) -> anyhow::Result<Store> {
        let shown = dir.display();
        if dir.exists() {
            if !dir.is_dir() {
                bail!("{shown}: not a folder; choose another --index folder");
            }
            // A new index, or a rebuild, goes only into a folder that holds nothing but
            // index files.
            let foreign = (rebuild || !Store::exists(dir))
                && std::fs::read_dir(dir)
                    .with_context(|| format!("{shown}: cannot read the index folder"))?
                    .filter_map(Result::ok)
                    .any(|e| !is_index_file(&e.file_name().to_string_lossy()));
            if foreign {
                bail!(
                    "{shown}: the folder holds files that are not a baosou index; \
                     choose another --index folder or empty this one"
                );
            }
        } else {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("{shown}: cannot create the index folder"))?;
        }
        // The lock comes before anything is changed, so that a rebuild never empties an
        // index another process is writing.
        let lock = WriterLock::acquire(dir)?;
        if Store::exists(dir) {
            match Store::open(dir) {
                Ok(mut store) => {
                    store.lock = Some(lock);
                    return Ok(store);
                }
                Err(e) if !rebuild => return Err(e),
                Err(_) => {}
            }
        }
        // An index of another format being rebuilt, or a first run killed before it wrote
        // baosou.json: start empty.
        for e in std::fs::read_dir(dir)?.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            if name != ".gitkeep" && name != lock::LOCK_FILE && e.path().is_file() {
                std::fs::remove_file(e.path())
                    .with_context(|| format!("{}: cannot remove it", e.path().display()))?;
            }
        }
        let settings = tantivy::IndexSettings {
            // lz4, tantivy's default: zstd stored Chinese text a third smaller but took 9% of
            // the indexing CPU, and the index stays under 1.5× its text with lz4.
            docstore_compression: tantivy::store::Compressor::Lz4,
            docstore_blocksize: 32 * 1024,
            ..Default::default()
        };
        let index = Index::builder()
            .schema(schema::schema())
            .settings(settings)
            .create_in_dir(dir)
            .with_context(|| format!("{shown}: cannot create an index here"))?;
        schema::register_tokenizers(&index);
        let info = Info::new(archive);
        write_atomic(&dir.join(INFO_FILE), &serde_json::to_vec_pretty(&info)?)?;
        let fields = Fields::new(&index.schema()).with_context(|| shown.to_string())?;
        Ok(Store {
            dir: dir.to_path_buf(),
            index,
            fields,
            lock: Some(lock),
            links: Default::default(),
        })
    }

    /// A reader of the index; a damaged index is said to be so, with how to mend it.
    pub fn reader(&self) -> anyhow::Result<IndexReader> {
        fault::retry_while_files_move(|| self.index.reader().map_err(|e| damaged(&self.dir, e)))
    }

    /// The document for an article: its words, its characters and the article itself.
    pub fn document(&self, a: &Article) -> anyhow::Result<TantivyDocument> {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.id, &a.id);
        doc.add_text(f.path, &a.path);
        doc.add_u64(f.uid, links::uid(&a.id));
        for key in fold::bands(&a.body) {
            doc.add_u64(f.fold_bands, key);
        }
        for j in crate::split::jump::of_article(&a.jumps, &a.body) {
            doc.add_text(f.jump, stitch::jump_term(j.direction));
        }
        self.add_text_fields(&mut doc, a)?;
        Ok(doc)
    }

    /// The fields of an article's text, shared by its own document and a story's.
    pub(crate) fn add_text_fields(
        &self,
        doc: &mut TantivyDocument,
        a: &Article,
    ) -> anyhow::Result<()> {
        let f = &self.fields;
        doc.add_text(f.paper, &a.paper);
        if let Some(day) = a.date.as_deref().and_then(crate::day::Day::parse) {
            doc.add_u64(f.date, day.number());
        }
        if let Some(page) = a.page {
            doc.add_u64(f.page, page as u64);
        }
        doc.add_text(f.headline, &a.headline);
        doc.add_text(f.exact_head, &a.headline);
        for s in &a.subheadlines {
            doc.add_text(f.subheadline, s);
            doc.add_text(f.exact_head, s);
        }
        if let Some(k) = &a.kicker {
            doc.add_text(f.kicker, k);
            doc.add_text(f.exact_head, k);
        }
        for name in a.byline_names() {
            doc.add_text(f.reporter, crate::normalize::compact(name));
        }
        for name in a.reporter_names() {
            doc.add_text(f.byline, name);
        }
        doc.add_text(f.exact_body, &a.body);
        for line in a.captions.iter().chain(&a.furniture) {
            doc.add_text(f.exact_body, line);
        }
        doc.add_text(f.article, serde_json::to_string(a)?);
        Ok(())
    }

    /// The article stored in a document.
    pub fn article(&self, doc: &TantivyDocument) -> anyhow::Result<Article> {
        use tantivy::schema::Value;
        let json = doc
            .get_first(self.fields.article)
            .and_then(|v| v.as_str())
            .context("a document without its article; rebuild the index with --rebuild")?;
        serde_json::from_str(json)
            .context("an unreadable article; rebuild the index with --rebuild")
    }
}

/// Files that tantivy and baosou keep in an index folder.
fn is_index_file(name: &str) -> bool {
    name == INFO_FILE
        || name == manifest::MANIFEST_FILE
        || name == profiles::PROFILES_FILE
        || name == links::LINKS_FILE
        || name == lock::LOCK_FILE
        || name == "meta.json"
        || name == ".managed.json"
        || name == ".gitkeep"
        || name.starts_with(".tantivy")
        // tantivy's atomic writes go through `.tmpXXXXXX` files; ours through `*.tmp`.
        || name.starts_with(".tmp")
        || name.ends_with(".tmp")
        // Segment files: `<uuid>.idx`, `<uuid>.<opstamp>.del`, `<uuid>.store.temp`, …
        || name.split_once('.').is_some_and(|(uuid, _)| {
            uuid.len() == 32 && uuid.chars().all(|c| c.is_ascii_hexdigit())
        })
}

/// Writes a file so that a crash leaves either the old or the new content, never half.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp)
        .with_context(|| format!("{}: cannot write it", tmp.display()))?;
    f.write_all(bytes)
        .and_then(|_| f.sync_all())
        .with_context(|| format!("{}: cannot write it", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write it", path.display()))
}

#[cfg(test)]
mod tests {
    use super::is_index_file;

    /// A rebuild killed part-way left `<uuid>.store.temp` behind, and the next run took the
    /// folder for someone else's.
    #[test]
    fn files_a_killed_writer_leaves_are_index_files() {
        for name in [
            "baosou.json",
            "baosou-profiles.json",
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            ".tmpA1b2C3",
            "baosou-files.tmp",
            "0123456789abcdef0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdef.store.temp",
            "0123456789abcdef0123456789abcdef.12.del",
        ] {
            assert!(is_index_file(name), "{name}");
        }
        for name in ["notes.txt", "01.txt", "0123456789abcdef.idx", "photo.jpg"] {
            assert!(!is_index_file(name), "{name}");
        }
    }
}
