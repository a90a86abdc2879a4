//! The indexing pipeline. The archive is walked first; then reader threads (one per core,
//! at most four: [`readers`]) read, decode and split page files while this thread hands
//! their articles to tantivy's writer, whose threads cut words and build postings; a
//! bounded channel between them keeps memory flat whatever the size of the archive. Only new and changed files are read,
//! and the index commits every few dozen megabytes, so a killed run loses little and the
//! next one completes it.

use super::run::{Job, Summary};
use super::{profiles, FileRecord, Manifest, Store};
use crate::archive::{content_hash, Archive, Page, PageFile};
use crate::split::Profile;
use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;
use tantivy::{IndexWriter, Term};

/// How to run an indexing pass.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Show a progress bar (on a terminal).
    pub progress: bool,
    /// Commit after this many bytes of page text.
    pub commit_bytes: u64,
    /// Also commit after this many page files (for tests: a small archive then commits
    /// many times, so a kill can land between commits).
    pub commit_files: Option<usize>,
    /// Start over: every file is read again, and the old articles go in the same commit
    /// that brings the new ones, the only commit of the run.
    pub rebuild: bool,
    /// The tantivy writer's memory budget, in bytes.
    pub writer_memory: usize,
    /// Remove the articles of files no longer in the archive even when they are more than
    /// [`super::guard::MAX_REMOVED_SHARE`] of the index.
    pub prune: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            progress: false,
            commit_bytes: 64 * 1024 * 1024,
            commit_files: None,
            rebuild: false,
            writer_memory: 256 * 1024 * 1024,
            prune: false,
        }
    }
}

/// What the reading thread hands to the writer.
enum Read {
    Page(PageFile, u64, Page),
    Same(PageFile, FileRecord),
    Failed(PageFile, String),
    /// The file is there but could not be read: its articles are kept.
    Unreadable(PageFile, String),
}

/// Brings the index up to date with the archive.
pub fn build(archive: &Archive, store: &Store, opts: &BuildOptions) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let (mut manifest, indexed) = if opts.rebuild {
        (Manifest::default(), BTreeSet::new())
    } else {
        (Manifest::load(&store.dir)?, indexed_paths(store)?)
    };

    let super::run::Plan {
        mut jobs,
        unchanged,
        on_disk,
        gone,
    } = super::run::plan(archive, &manifest.files, Some(&indexed), &mut summary);
    if !opts.rebuild && !opts.prune {
        super::guard::refuse_large_removal(archive, store, &manifest, &indexed, &gone)?;
    }
    if !jobs.is_empty() {
        // Loaded beside the profile pass, which is one thread's work.
        std::thread::spawn(crate::schema::load_dictionary);
    }
    let kept = if opts.rebuild {
        BTreeMap::new()
    } else {
        profiles::load(&store.dir)
    };
    let (archive, profiles) = learn_profiles(archive, &kept, &mut jobs, unchanged, &mut summary);
    let archive = &archive;
    super::guard::drop_colliding_ids(&mut jobs, &indexed, &on_disk, &mut summary);

    let mut writer: IndexWriter = store
        .index
        .writer(opts.writer_memory)
        .map_err(|e| lock_error(e, store))?;
    // Segment files a killed or failed run left behind, which no commit names.
    writer
        .garbage_collect_files()
        .wait()
        .with_context(|| format!("{}: cannot remove unused index files", store.dir.display()))?;
    let total: u64 = jobs.iter().map(|j| j.file.size).sum();
    let written = write(
        archive,
        store,
        opts,
        &mut writer,
        jobs,
        &gone,
        &indexed,
        &mut manifest,
        &mut summary,
    );
    let finished = match written {
        Ok(()) => writer
            .wait_merging_threads()
            .with_context(|| format!("{}: merging segments failed", store.dir.display())),
        Err(e) => {
            // Merges of the segments an earlier commit of this run made may still be
            // writing: waited for, so that the clean-up after the failure sees their files.
            // What they fail with adds nothing to `e`.
            let _ = writer.wait_merging_threads();
            Err(e)
        }
    };
    if let Err(e) = finished {
        return Err(super::fault::after_failed_write(store, e, total));
    }
    // Saved only once every page of a paper is split by it: a killed run measures again
    // and splits again what the old profile had split.
    profiles::save(&store.dir, &profiles)?;
    // Stories stitched and printings folded, found again over the whole index.
    let links = super::relink::update(store, opts.writer_memory)?;
    summary.total_articles = store.reader()?.searcher().num_docs() - links.story_documents();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The writing half of [`build`]: removes what is gone, reads and adds what changed, and
/// commits.
#[allow(clippy::too_many_arguments)]
fn write(
    archive: &Archive,
    store: &Store,
    opts: &BuildOptions,
    writer: &mut IndexWriter,
    jobs: Vec<Job>,
    gone: &[String],
    indexed: &BTreeSet<String>,
    manifest: &mut Manifest,
    summary: &mut Summary,
) -> anyhow::Result<()> {
    if opts.rebuild {
        writer.delete_all_documents()?;
    }
    let f = store.fields;
    for rel in gone {
        writer.delete_term(Term::from_field_text(f.path, rel));
        manifest.files.remove(rel);
        summary.removed += 1;
    }

    let total: u64 = jobs.iter().map(|j| j.file.size).sum();
    let bar = progress_bar(opts.progress, total);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Read>(32);
    let mut since_commit = 0u64;
    let mut files_since_commit = 0usize;
    let jobs = std::sync::Mutex::new(jobs.into_iter());
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // Reading and splitting take as long as tantivy's own work: one reader per core
        // keeps the writer threads fed.
        let jobs = &jobs;
        for _ in 0..readers() {
            let tx = tx.clone();
            scope.spawn(move || loop {
                let next = jobs.lock().map(|mut j| j.next());
                let Ok(Some(job)) = next else { break };
                if tx.send(read(archive, job)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for item in rx {
            match item {
                Read::Same(file, record) => {
                    summary.unchanged += 1;
                    bar.inc(file.size);
                    manifest.files.insert(file.rel, record);
                }
                Read::Unreadable(file, reason) => {
                    bar.inc(file.size);
                    if indexed.contains(&file.rel) {
                        summary.kept += 1;
                    }
                    summary.unreadable.push((file.rel, reason));
                }
                Read::Failed(file, reason) => {
                    bar.inc(file.size);
                    if indexed.contains(&file.rel) {
                        writer.delete_term(Term::from_field_text(f.path, &file.rel));
                        summary.removed += 1;
                    }
                    manifest.files.remove(&file.rel);
                    summary.skipped.push((file.rel, reason));
                }
                Read::Page(file, hash, page) => {
                    bar.inc(file.size);
                    let replaces =
                        indexed.contains(&file.rel) || manifest.files.contains_key(&file.rel);
                    if replaces {
                        writer.delete_term(Term::from_field_text(f.path, &file.rel));
                        summary.updated += 1;
                    } else {
                        summary.added += 1;
                    }
                    summary.count_page(&file, &page);
                    for a in &page.articles {
                        writer.add_document(store.document(a)?)?;
                    }
                    since_commit += file.size;
                    files_since_commit += 1;
                    let record = FileRecord {
                        size: file.size,
                        mtime_ns: file.mtime_ns,
                        hash,
                        articles: page.articles.len() as u32,
                        reader: super::manifest::READER,
                    };
                    manifest.files.insert(file.rel, record);
                    let enough_files = opts.commit_files.is_some_and(|n| files_since_commit >= n);
                    if !opts.rebuild && (since_commit >= opts.commit_bytes || enough_files) {
                        commit(writer, manifest, store)?;
                        since_commit = 0;
                        files_since_commit = 0;
                    }
                }
            }
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    commit(writer, manifest, store)
}

/// The archive with each paper's profile, measured again for the papers with new or
/// changed pages. A paper whose profile changed materially has its unchanged pages moved
/// into `jobs`, to be split again; the rest count as unchanged.
pub(crate) fn learn_profiles(
    archive: &Archive,
    kept: &BTreeMap<String, Profile>,
    jobs: &mut Vec<Job>,
    unchanged: Vec<PageFile>,
    summary: &mut Summary,
) -> (Archive, BTreeMap<String, Profile>) {
    let touched: BTreeSet<String> = jobs
        .iter()
        .map(|j| archive.profile_key(&j.file.rel))
        .collect();
    let on_disk: Vec<PageFile> = jobs
        .iter()
        .map(|j| j.file.clone())
        .chain(unchanged.iter().cloned())
        .collect();
    let (profiles, resplit) = profiles::update(archive, kept, &on_disk, &touched);
    for job in jobs.iter_mut() {
        if resplit.contains(&archive.profile_key(&job.file.rel)) {
            job.known = None;
        }
    }
    for file in unchanged {
        if resplit.contains(&archive.profile_key(&file.rel)) {
            summary.resplit += 1;
            jobs.push(Job { file, known: None });
        } else {
            summary.unchanged += 1;
        }
    }
    let mut archive = archive.clone();
    archive.profiles = profiles.clone();
    (archive, profiles)
}

/// How many threads read and split pages.
fn readers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4))
}

/// Reads one job: the bytes, their hash, and the split page unless the content is the same
/// as the index already has.
fn read(archive: &Archive, job: Job) -> Read {
    let bytes = match archive.read_bytes(&job.file) {
        Ok(b) => b,
        // Too large: a decision, which removes what the index had of it.
        Err(reason) if job.file.size > archive.max_file_size => {
            return Read::Failed(job.file, reason)
        }
        Err(reason) => return Read::Unreadable(job.file, reason),
    };
    let hash = content_hash(&bytes);
    if let Some(known) = job.known.filter(|k| k.hash == hash) {
        let record = FileRecord {
            size: job.file.size,
            mtime_ns: job.file.mtime_ns,
            ..known
        };
        return Read::Same(job.file, record);
    }
    match archive.page_from_bytes(&job.file.rel, &bytes) {
        Ok(page) => Read::Page(job.file, hash, page),
        Err(reason) => Read::Failed(job.file, reason),
    }
}

/// Commits the index, then writes the manifest of what the commit holds.
fn commit(writer: &mut IndexWriter, manifest: &Manifest, store: &Store) -> anyhow::Result<()> {
    writer
        .commit()
        .with_context(|| format!("{}: commit failed", store.dir.display()))?;
    manifest.save(&store.dir)
}

/// The source paths the index holds articles from. A segment's terms outlive its deleted
/// documents until a merge, so a path counts only with a document still alive.
fn indexed_paths(store: &Store) -> anyhow::Result<BTreeSet<String>> {
    use tantivy::{DocSet, TERMINATED};
    let searcher = store.reader()?.searcher();
    let mut paths = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(store.fields.path)?;
        let alive = segment.alive_bitset();
        let mut terms = inverted.terms().stream()?;
        while terms.advance() {
            if let Some(alive) = alive {
                let option = tantivy::schema::IndexRecordOption::Basic;
                let mut docs = inverted.read_postings_from_terminfo(terms.value(), option)?;
                let mut doc = docs.doc();
                while doc != TERMINATED && !alive.is_alive(doc) {
                    doc = docs.advance();
                }
                if doc == TERMINATED {
                    continue;
                }
            }
            paths.insert(String::from_utf8_lossy(terms.key()).into_owned());
        }
    }
    Ok(paths)
}

/// A clear message when another process holds the index.
fn lock_error(e: tantivy::TantivyError, store: &Store) -> anyhow::Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => anyhow::anyhow!(
            "{}: another `baosou index` is writing this index; wait for it to finish",
            store.dir.display()
        ),
        e => anyhow::Error::new(e)
            .context(format!("{}: cannot write the index", store.dir.display())),
    }
}

fn progress_bar(show: bool, total: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Skip reasons with their counts, most frequent first.
pub fn reasons(skipped: &[(String, String)]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, reason) in skipped {
        *counts.entry(reason.as_str()).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(r, n)| (r.to_string(), n))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
